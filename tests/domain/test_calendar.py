"""Working days: holidays, make-up working days (调休), and years the calendar doesn't know."""

import datetime as dt

from studio.domain.calendar import (
    NATIONAL,
    EnteredDay,
    WorkCalendar,
    add_working_days,
    is_working_day,
    working_days,
    years_without_data,
)


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


def test_an_unknown_year_keeps_the_fixed_national_holidays_free():
    # 2099-01-01 is a Thursday, 2099-05-01 a Friday, 2099-10-01 a Thursday.
    for day in (dt.date(2099, 1, 1), dt.date(2099, 5, 1), dt.date(2099, 10, 1)):
        assert not is_working_day(day)
        assert NATIONAL.kind(day) == "holiday"
    assert NATIONAL.note(dt.date(2099, 10, 2)) == "国庆节"
    assert is_working_day(dt.date(2099, 1, 2))
    assert years_without_data(dt.date(2026, 12, 1), dt.date(2099, 1, 1))[-1] == 2099
    assert 2026 not in years_without_data(dt.date(2026, 12, 1), dt.date(2099, 1, 1))


def test_entered_days_come_before_the_packaged_calendar():
    lunar_new_year = dt.date(2099, 1, 21)  # a Wednesday entered as 春节
    worked_saturday = dt.date(2099, 1, 17)
    calendar = WorkCalendar(
        [EnteredDay(lunar_new_year, False, "春节"), EnteredDay(worked_saturday, True, "调休")]
    )
    assert not calendar.is_working_day(lunar_new_year)
    assert calendar.kind(lunar_new_year) == "holiday" and calendar.note(lunar_new_year) == "春节"
    assert calendar.kind(worked_saturday) == "worked_weekend"
    days = list(calendar.working_days(dt.date(2099, 1, 17), dt.date(2099, 1, 23)))
    assert lunar_new_year not in days and worked_saturday in days
    # Entered over a known year too: a county's own day off.
    assert not WorkCalendar([EnteredDay(dt.date(2026, 11, 26), False)]).is_working_day(
        dt.date(2026, 11, 26)
    )
