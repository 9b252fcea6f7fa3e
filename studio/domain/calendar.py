"""Working days in mainland China: weekends, public holidays and make-up working days (调休)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator

import chinese_calendar

log = logging.getLogger(__name__)
_warned_years: set[int] = set()


def is_working_day(day: dt.date) -> bool:
    """True on a working day, from the State Council's calendar as packaged by chinesecalendar.

    The package only knows the years the State Council has announced (it raises for later
    ones); beyond them we fall back to Monday–Friday and log once per year, so the schedule
    keeps working in January before the package is updated.
    """
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        if day.year not in _warned_years:
            _warned_years.add(day.year)
            log.warning("no holiday data for %s: assuming Monday to Friday", day.year)
        return day.weekday() < 5


def working_days(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The working days from ``first`` to ``last``, both included."""
    day = first
    while day <= last:
        if is_working_day(day):
            yield day
        day += dt.timedelta(days=1)


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The date ``count`` working days after ``start`` (start itself not counted).

    A referral accepted on Friday with 3 working days is due on Wednesday.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day
