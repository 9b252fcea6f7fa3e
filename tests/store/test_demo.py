"""The demo studio: realistic, complete, private data masked, and never seeded twice."""

import datetime as dt
import re

from sqlalchemy import select

from studio.domain.calendar import is_working_day
from studio.domain.model import QuestionFlag, RoomRole, SessionStatus, UnitKind
from studio.domain.rundown_plan import DEFAULT_DAILY_RUNDOWN
from studio.store.database import open_database
from studio.store.demo import seed_demo
from studio.store.models import Question
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY

MOBILE = re.compile(r"1[3-9]\d{9}")


def test_the_demo_has_the_county_s_units_and_their_officials(demo_db):
    repo = StudioRepository(demo_db)
    units = repo.units()
    departments = [u for u in units if u.kind == UnitKind.DEPARTMENT]
    townships = [u for u in units if u.kind == UnitKind.TOWNSHIP]
    assert len(departments) >= 12
    assert len(townships) >= 6
    assert all(u.keywords for u in units)
    officials = repo.officials()
    assert {o.unit_id for o in officials} == {u.id for u in units}


def test_two_weeks_of_working_day_sessions_each_with_a_topic(demo_db):
    repo = StudioRepository(demo_db)
    sessions = repo.sessions_between(
        DEMO_DAY - dt.timedelta(days=7), DEMO_DAY + dt.timedelta(days=7)
    )
    assert len(sessions) >= 10
    assert all(is_working_day(s.date) for s in sessions)
    assert all(s.topic and s.official_name for s in sessions)
    assert all(s.status == SessionStatus.ENDED for s in sessions if s.date < DEMO_DAY)
    assert len({s.date for s in sessions}) == len(sessions)


def test_today_has_the_default_running_order_with_notes(demo_db):
    repo = StudioRepository(demo_db)
    today = repo.session_on(DEMO_DAY)
    assert today is not None
    assert (today.start, today.end) == (dt.time(15), dt.time(16))
    segments = repo.segments(today.id)
    assert [s.title for s in segments] == [p.title for p in DEFAULT_DAILY_RUNDOWN]
    assert sum(s.planned_s for s in segments) == 3600
    assert all(s.notes for s in segments)


def test_two_rooms_on_two_phones_county_first(demo_db):
    repo = StudioRepository(demo_db)
    assert [r.role for r in repo.rooms()] == [RoomRole.GOV, RoomRole.DEPT]
    assert [p.role for p in repo.phones()] == [RoomRole.GOV, RoomRole.DEPT]


def test_personal_data_is_masked_in_every_displayed_text(demo_db):
    with demo_db.sessions() as s:
        questions = s.scalars(select(Question)).all()
    assert any(MOBILE.search(q.raw_text) for q in questions), (
        "the demo should include a phone number"
    )
    assert not any(MOBILE.search(q.display_text) for q in questions)
    assert any(q.flags & QuestionFlag.PII for q in questions)


def test_past_sessions_have_figures_and_referrals(demo_db):
    repo = StudioRepository(demo_db)
    figures = repo.session_figures(DEMO_DAY - dt.timedelta(days=14), DEMO_DAY)
    ended = [f for f in figures if f.session.status == SessionStatus.ENDED]
    assert ended
    assert all(f.peak_online > 0 and f.questions > 0 for f in ended)
    assert all(f.answered + f.referred <= f.questions for f in ended)
    referrals = repo.referrals()
    assert referrals
    assert all(r.deadline > r.created_at.date() for r in referrals)


def test_a_database_that_holds_a_studio_is_not_seeded_again(demo_db):
    assert not seed_demo(demo_db, DEMO_DAY)


def test_today_gets_a_session_even_on_a_weekend(tmp_path):
    saturday = dt.date(2026, 11, 28)
    db = open_database(f"sqlite:///{tmp_path / 'weekend.db'}")
    try:
        assert seed_demo(db, saturday)
        assert StudioRepository(db).session_on(saturday) is not None
    finally:
        db.close()


def test_the_demo_s_queued_questions_have_their_queue_places(demo_db):
    from sqlalchemy import select

    from studio.domain.model import QuestionStatus
    from studio.store.models import Question

    with demo_db.sessions() as s:
        places = s.execute(
            select(Question.session_id, Question.queue_position)
            .where(Question.status == QuestionStatus.QUEUED)
            .order_by(Question.received_at)
        ).all()
    assert places
    by_session: dict[int, list[int]] = {}
    for session_id, place in places:
        by_session.setdefault(session_id, []).append(place)
    assert all(p == list(range(1, len(p) + 1)) for p in by_session.values())
