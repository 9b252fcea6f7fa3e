"""Working days: holidays, make-up working days (调休), and years the calendar doesn't know."""

import datetime as dt

from studio.domain.calendar import add_working_days, is_working_day, working_days


def test_national_day_is_a_holiday_and_its_make_up_saturday_a_working_day():
    assert not is_working_day(dt.date(2026, 10, 1))
    assert is_working_day(dt.date(2026, 10, 10))  # a Saturday worked for the Golden Week


def test_deadlines_skip_weekends_and_holidays():
    assert add_working_days(dt.date(2026, 11, 27), 3) == dt.date(2026, 12, 2)  # Fri + 3 → Wed
    assert add_working_days(dt.date(2026, 9, 30), 3) == dt.date(2026, 10, 10)
    assert add_working_days(dt.date(2026, 11, 27), 0) == dt.date(2026, 11, 27)


def test_an_unknown_year_falls_back_to_monday_to_friday():
    days = list(working_days(dt.date(2099, 1, 5), dt.date(2099, 1, 11)))
    assert [d.weekday() for d in days] == [0, 1, 2, 3, 4]
