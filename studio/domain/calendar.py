"""Working days in mainland China: weekends, public holidays and make-up working days (调休),
with the days an operator entered by hand over the State Council's calendar."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

import chinese_calendar

log = logging.getLogger(__name__)
_warned_years: set[int] = set()

DayKind = Literal["work", "off", "holiday", "worked_weekend"]

# The holidays that fall on the same date every year (元旦, 劳动节, 国庆节): a year the package
# does not know yet still keeps them free. The lunar ones (春节, 端午, 中秋) and 清明 move, and
# the 调休 around them are announced late in the year before: those are entered by hand.
FIXED_HOLIDAYS: Mapping[tuple[int, int], str] = {
    (1, 1): "元旦",
    (5, 1): "劳动节",
    (5, 2): "劳动节",
    (10, 1): "国庆节",
    (10, 2): "国庆节",
    (10, 3): "国庆节",
}


@dataclass(frozen=True)
class EnteredDay:
    """A day whose kind an operator entered: a holiday (``working`` False) or a 调休 working day.

    Attributes:
        day: the date.
        working: True for a working day (班, e.g. a Saturday worked), False for a day off (休).
        note: what it is, e.g. "春节".
    """

    day: dt.date
    working: bool
    note: str = ""


def has_holiday_data(year: int) -> bool:
    """Whether the packaged State Council calendar knows ``year``."""
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 30))
    except NotImplementedError:
        return False
    return True


def years_without_data(first: dt.date, last: dt.date) -> list[int]:
    """The years from ``first`` to ``last`` whose holidays the packaged calendar does not know."""
    return [y for y in range(first.year, last.year + 1) if not has_holiday_data(y)]


def _packaged_working_day(day: dt.date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        if day.year not in _warned_years:
            _warned_years.add(day.year)
            log.warning(
                "no holiday data for %s: assuming Monday to Friday without the fixed holidays",
                day.year,
            )
        return day.weekday() < 5 and (day.month, day.day) not in FIXED_HOLIDAYS


class WorkCalendar:
    """Which days are working days: the days entered by hand first, then the State Council's
    calendar as packaged by chinesecalendar, and for a year it does not know yet Monday to
    Friday without the fixed holidays (so a fill planned in December never puts a session on
    New Year's Day).

    Args:
        entered: the days an operator entered (the later of two for one date wins).
    """

    def __init__(self, entered: Iterable[EnteredDay] = ()) -> None:
        self.entered: dict[dt.date, EnteredDay] = {e.day: e for e in entered}

    def is_working_day(self, day: dt.date) -> bool:
        entry = self.entered.get(day)
        if entry is not None:
            return entry.working
        return _packaged_working_day(day)

    def kind(self, day: dt.date) -> DayKind:
        """ "work", "off" (weekend), "holiday" (a weekday off) or "worked_weekend" (调休)."""
        working = self.is_working_day(day)
        if day.weekday() >= 5:
            return "worked_weekend" if working else "off"
        return "work" if working else "holiday"

    def note(self, day: dt.date) -> str:
        """What the day is, when known: the note entered, or a fixed holiday's name."""
        entry = self.entered.get(day)
        if entry is not None:
            return entry.note
        if not has_holiday_data(day.year):
            return FIXED_HOLIDAYS.get((day.month, day.day), "")
        return ""

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The date ``count`` working days after ``start`` (start itself not counted)."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days(self, first: dt.date, last: dt.date) -> Iterator[dt.date]:
        """The working days from ``first`` to ``last``, both included."""
        day = first
        while day <= last:
            if self.is_working_day(day):
                yield day
            day += dt.timedelta(days=1)


# The calendar without entered days (the demo counts by it; the store gives referral deadlines
# the studio's own, with the days entered by hand).
NATIONAL = WorkCalendar()


def is_working_day(day: dt.date) -> bool:
    """True on a working day, from the State Council's calendar as packaged by chinesecalendar.

    The package only knows the years the State Council has announced (it raises for later
    ones); beyond them we fall back to Monday–Friday without the fixed holidays and log once
    per year, so the schedule keeps working in January before the package is updated.
    """
    return NATIONAL.is_working_day(day)


def working_days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The working days from ``first`` to ``last``, both included."""
    return NATIONAL.working_days(first, last)


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The date ``count`` working days after ``start`` (start itself not counted).

    A referral accepted on Friday with 3 working days is due on Wednesday.
    """
    return NATIONAL.add_working_days(start, count)
