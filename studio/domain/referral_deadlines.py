"""Referral deadlines: working days per category on the studio's calendar (调休 included).

A ticket is due on a *date*: the last day the department may answer. The days are counted as
the 12345 hotline counts them: working days after the day the clock starts (that day not
counted), skipping weekends and public holidays and working the make-up days (调休), with
:func:`studio.domain.calendar.add_working_days`.

How many working days each category gets is a setting (:class:`DeadlineRules`); the defaults
follow common 12345 practice: an enquiry 3, a request for help 5, a suggestion 10, a complaint
13. "Days left" is counted in working days too (:func:`working_days_left`), so a ticket due on
Monday has 1 working day left on Friday, not 3 days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from studio.domain.calendar import NATIONAL, WorkCalendar, is_working_day
from studio.domain.model import ReferralCategory, ReferralStatus
from studio.domain.refusals import Refusal, Refused

C = ReferralCategory

#: Working days a department has for a referral, by category (12345 hotline practice).
DEFAULT_DAYS: Mapping[ReferralCategory, int] = {
    C.ENQUIRY: 3,
    C.HELP: 5,
    C.SUGGESTION: 10,
    C.COMPLAINT: 13,
}
#: The most working days a category may be given (three months: more is a typo, not a rule).
DAYS_MAX = 60

#: Statuses in which the department's clock runs: the ticket can be overdue. A replied ticket
#: waits for the studio's call-back, not for the department; a closed one waits for nobody.
RUNNING = frozenset(
    {
        ReferralStatus.ACCEPTED,
        ReferralStatus.DISPATCHED,
        ReferralStatus.SIGNED_FOR,
        ReferralStatus.IN_PROGRESS,
        ReferralStatus.RETURNED,
    }
)


@dataclass(frozen=True, slots=True)
class DeadlineRules:
    """Working days per referral category (a setting; :data:`DEFAULT_RULES` unless changed).

    Attributes:
        days: working days by category; every category has a value from 1 to :data:`DAYS_MAX`.

    Raises:
        Refused: a category without a value or with one out of range
            (``DEADLINE_OUT_OF_RANGE``).
    """

    days: Mapping[ReferralCategory, int]
    #: The studio's working days (the days entered by hand first); the national calendar
    #: when none is given.
    calendar: WorkCalendar = field(default=NATIONAL, compare=False)

    def __post_init__(self) -> None:
        for category in ReferralCategory:
            count = self.days.get(category)
            if count is None or not 1 <= count <= DAYS_MAX:
                raise Refused(Refusal.DEADLINE_OUT_OF_RANGE, name=category, max=DAYS_MAX)

    @classmethod
    def with_days(cls, **days: int) -> DeadlineRules:
        """The default rules with some categories changed: ``with_days(enquiry=1)``."""
        return cls({**DEFAULT_DAYS, **{ReferralCategory(k): v for k, v in days.items()}})

    def days_for(self, category: ReferralCategory) -> int:
        """Working days a ticket of ``category`` gets."""
        return self.days[category]

    def deadline(self, category: ReferralCategory, start: dt.date) -> dt.date:
        """The day a ticket of ``category`` whose clock starts on ``start`` is due (``start``
        itself not counted: accepted on Friday with 3 working days, due on Wednesday)."""
        return self.calendar.add_working_days(start, self.days_for(category))


DEFAULT_RULES = DeadlineRules(DEFAULT_DAYS)


def referral_deadline(
    category: ReferralCategory,
    accepted_on: dt.date,
    *,
    rules: DeadlineRules = DEFAULT_RULES,
    **days: int,
) -> dt.date:
    """The day a referral accepted on ``accepted_on`` is due (the acceptance day not counted).

    ``days`` overrides single categories by their old keyword names (``enquiry_days=1``,
    ``complaint_days``, ``help_days``, ``suggestion_days``), as the refer dialog passes them.
    """
    if days:
        rules = DeadlineRules(
            {**rules.days, **{C(k.removesuffix("_days")): v for k, v in days.items()}}
        )
    return rules.deadline(category, accepted_on)


def working_days_between(first: dt.date, last: dt.date) -> int:
    """Working days after ``first`` up to ``last`` included; negative when ``last`` is earlier
    (the working days after ``last`` up to ``first``, with a minus). Same day: 0."""
    if last < first:
        return -working_days_between(last, first)
    count = 0
    day = first
    while day < last:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


def working_days_left(deadline: dt.date, today: dt.date) -> int:
    """Working days left until ``deadline`` (counted from ``today``, ``today`` not counted).

    0 on the day it is due (the department still has today). Negative once overdue: the
    working days since the deadline, at least one (a ticket due on Friday is 1 working day
    overdue on Saturday, so "overdue" never reads as "0 left").
    """
    if today <= deadline:
        return working_days_between(today, deadline)
    return -max(1, working_days_between(deadline, today))


def is_overdue(status: ReferralStatus, deadline: dt.date, today: dt.date) -> bool:
    """Whether the ticket is past its deadline while the department's clock runs."""
    return status in RUNNING and today > deadline


def is_due_soon(status: ReferralStatus, deadline: dt.date, today: dt.date) -> bool:
    """Whether a running ticket is due within one working day (today or the next working
    day) and not yet overdue: the board shows it amber."""
    return status in RUNNING and 0 <= working_days_left(deadline, today) <= 1
