"""The reports' derived figures: rates with nothing to rate, the low-engagement mark, the
league's order, the weekly trend per kind."""

import datetime as dt

from studio.domain.session_report import (
    QuestionTally,
    UnitPeriod,
    league,
    mark_low_engagement,
    weekly_trend,
)


def test_a_tally_without_questions_has_no_handled_rate():
    assert QuestionTally(comments=40).handled_rate is None
    assert QuestionTally(40, 10, 4, 3).left_open == 3
    assert QuestionTally(40, 10, 4, 3).handled_rate == 0.7


def test_low_engagement_is_marked_only_for_units_that_held_a_session():
    quiet = UnitPeriod(1, "审计局", "department", sessions=2, viewers=20_000, questions=10)
    busy = UnitPeriod(2, "民政局", "department", sessions=1, viewers=10_000, questions=30)
    absent = UnitPeriod(3, "统计局", "department")
    unseen = UnitPeriod(4, "新华镇", "township", sessions=1, viewers=0, questions=0)
    mark_low_engagement([quiet, busy, absent, unseen], threshold_per_1000=1.0)
    assert quiet.questions_per_1000_viewers == 0.5 and quiet.low_engagement
    assert not busy.low_engagement and not absent.low_engagement
    assert unseen.low_engagement  # no viewers recorded and no question
    assert [u.unit for u in league([quiet, busy, absent, unseen])] == ["民政局", "审计局", "新华镇"]


def test_the_weekly_trend_averages_sessions_per_kind_and_week():
    monday = dt.date(2026, 11, 23)
    dept = UnitPeriod(1, "民政局", "department")
    dept.held = [(monday, 10), (monday + dt.timedelta(days=2), 20), (monday + dt.timedelta(7), 6)]
    town = UnitPeriod(2, "新华镇", "township")
    town.held = [(monday + dt.timedelta(days=8), 4)]
    assert weekly_trend([dept, town]) == {
        "department": [(monday, 15.0), (monday + dt.timedelta(7), 6.0)],
        "township": [(monday + dt.timedelta(7), 4.0)],
    }
