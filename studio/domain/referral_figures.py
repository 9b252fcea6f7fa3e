"""Referral figures per unit and period, as the Reports tab and county leaders read them.

Computed from plain facts about each ticket (:class:`TicketFacts`, gathered by the store), so
the definitions live here, once:

- **received**: dispatches to the unit in the period (a ticket dispatched again after another
  unit returned it counts for the unit that received it);
- **closed**: the unit's tickets closed in the period;
- **due**: the unit's tickets whose deadline (after any granted extension) falls in the period
  and has passed, or that are closed; **on time**: those of them closed on or before the
  deadline. On-time rate = on time ÷ due;
- **overdue now**: the unit's tickets past their deadline while the unit's clock runs, on the
  day asked (whatever the period);
- **returned**: returns by the unit in the period; returned rate = returned ÷ received;
- **satisfaction**: the unit's tickets called back in the period, by the viewer's latest
  answer; satisfied counts 满意, and 基本满意 too when ``basically_counts`` (a setting);
- **mean working days to reply**: from the last dispatch to the unit to its reply, for the
  unit's tickets replied in the period.

A rate whose denominator is zero is None ("—"), never 0 %.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from studio.domain.model import ReferralStatus, Satisfaction
from studio.domain.referral_deadlines import is_overdue, working_days_between


@dataclass(frozen=True, slots=True)
class TicketFacts:
    """What the figures need of one ticket; dates are the studio's.

    Attributes:
        unit_id: the unit the ticket is with now.
        dispatches: (unit, day) of every dispatch.
        returns: (unit, day) of every return.
        dispatched_on: the day of the last dispatch (to the unit it is with now).
    """

    unit_id: int
    status: ReferralStatus
    deadline: dt.date
    dispatches: tuple[tuple[int, dt.date], ...] = ()
    returns: tuple[tuple[int, dt.date], ...] = ()
    dispatched_on: dt.date | None = None
    replied_on: dt.date | None = None
    called_back_on: dt.date | None = None
    closed_on: dt.date | None = None
    satisfaction: Satisfaction | None = None


@dataclass(slots=True)
class UnitReferralFigures:
    """One unit's referral figures for a period (see the module's doc for each definition)."""

    unit_id: int
    unit_name: str = ""
    received: int = 0
    closed: int = 0
    due: int = 0
    closed_on_time: int = 0
    overdue_now: int = 0
    returned: int = 0
    called_back: int = 0
    satisfied: int = 0
    reply_days: list[int] = field(default_factory=list)

    @property
    def on_time_rate(self) -> float | None:
        """Closed by the deadline ÷ due."""
        return _rate(self.closed_on_time, self.due)

    @property
    def returned_rate(self) -> float | None:
        """Returned ÷ received."""
        return _rate(self.returned, self.received)

    @property
    def satisfaction_rate(self) -> float | None:
        """Satisfied ÷ called back."""
        return _rate(self.satisfied, self.called_back)

    @property
    def mean_working_days_to_reply(self) -> float | None:
        """Working days from dispatch to reply, on average."""
        return sum(self.reply_days) / len(self.reply_days) if self.reply_days else None

    def as_dict(self) -> dict[str, object]:
        """The figures as plain values (rates as fractions, rounded to 4 places)."""

        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 4)

        return {
            "unit_id": self.unit_id,
            "unit": self.unit_name,
            "received": self.received,
            "closed": self.closed,
            "due": self.due,
            "closed_on_time": self.closed_on_time,
            "on_time_rate": rounded(self.on_time_rate),
            "overdue_now": self.overdue_now,
            "returned": self.returned,
            "returned_rate": rounded(self.returned_rate),
            "called_back": self.called_back,
            "satisfied": self.satisfied,
            "satisfaction_rate": rounded(self.satisfaction_rate),
            "mean_working_days_to_reply": rounded(self.mean_working_days_to_reply),
        }


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def unit_figures(
    tickets: list[TicketFacts],
    first: dt.date,
    last: dt.date,
    today: dt.date,
    *,
    basically_counts: bool = True,
) -> dict[int, UnitReferralFigures]:
    """The figures of every unit that received, held or returned a ticket, by unit id.

    Args:
        first, last: the period, both days included.
        today: the day "overdue now" and "due" are judged on.
        basically_counts: whether 基本满意 counts as satisfied.
    """
    figures: dict[int, UnitReferralFigures] = {}

    def of(unit_id: int) -> UnitReferralFigures:
        return figures.setdefault(unit_id, UnitReferralFigures(unit_id))

    def within(day: dt.date | None) -> bool:
        return day is not None and first <= day <= last

    satisfied = {Satisfaction.SATISFIED}
    if basically_counts:
        satisfied.add(Satisfaction.BASICALLY_SATISFIED)
    for t in tickets:
        for unit_id, day in t.dispatches:
            if within(day):
                of(unit_id).received += 1
        for unit_id, day in t.returns:
            if within(day):
                of(unit_id).returned += 1
        unit = of(t.unit_id)
        if within(t.closed_on):
            unit.closed += 1
        if within(t.deadline) and (t.deadline < today or t.closed_on is not None):
            unit.due += 1
            if t.closed_on is not None and t.closed_on <= t.deadline:
                unit.closed_on_time += 1
        if is_overdue(t.status, t.deadline, today):
            unit.overdue_now += 1
        if within(t.called_back_on) and t.satisfaction is not None:
            unit.called_back += 1
            if t.satisfaction in satisfied:
                unit.satisfied += 1
        if within(t.replied_on) and t.dispatched_on is not None and t.replied_on is not None:
            unit.reply_days.append(working_days_between(t.dispatched_on, t.replied_on))
    return figures
