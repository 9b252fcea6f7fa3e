"""Days entered by hand over the State Council's calendar: a fill and a move decide by them."""

import datetime as dt

import pytest

from studio.store.calendar_days import enter_day, work_calendar
from studio.store.schedule import ScheduleProblem, generate_schedule, list_sessions, move_session

# 2027 is not in the packaged calendar (yet): generation planned for 2027-01-01 must cope.
NEW_YEAR = dt.date(2027, 1, 1)  # a Friday
SPRING_FESTIVAL = dt.date(2027, 2, 8)  # a Monday, entered by hand
WORKED_SUNDAY = dt.date(2027, 2, 14)  # a 调休 Sunday, entered by hand


def test_a_fill_of_an_unknown_year_skips_fixed_and_entered_holidays(demo_db):
    enter_day(demo_db, SPRING_FESTIVAL, False, "春节")
    calendar = enter_day(demo_db, WORKED_SUNDAY, True, "调休")
    assert calendar.note(SPRING_FESTIVAL) == "春节"
    created = generate_schedule(demo_db, dt.date(2026, 12, 28), dt.date(2027, 2, 28))
    days = {s.date for s in created}
    assert NEW_YEAR not in days and SPRING_FESTIVAL not in days
    assert WORKED_SUNDAY in days
    assert dt.date(2027, 1, 4) in days  # the Monday after New Year
    assert not any(d.weekday() >= 5 for d in days - {WORKED_SUNDAY})


def test_forgetting_an_entered_day_gives_it_back_to_the_published_calendar(demo_db):
    enter_day(demo_db, SPRING_FESTIVAL, False)
    assert not work_calendar(demo_db).is_working_day(SPRING_FESTIVAL)
    assert enter_day(demo_db, SPRING_FESTIVAL, None).is_working_day(SPRING_FESTIVAL)
    assert work_calendar(demo_db).entered == {}


def test_a_session_is_not_moved_onto_an_entered_holiday(demo_db):
    session = list_sessions(demo_db, dt.date(2026, 11, 27), dt.date(2026, 12, 31))[-1]
    county_day_off = dt.date(2026, 12, 30)  # a Wednesday the county gave off
    assert all(
        s.date != county_day_off for s in list_sessions(demo_db, county_day_off, county_day_off)
    )
    enter_day(demo_db, county_day_off, False, "县庆")
    with pytest.raises(ScheduleProblem, match="not a working day"):
        move_session(demo_db, session.id, county_day_off)
