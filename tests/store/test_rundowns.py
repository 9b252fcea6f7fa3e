"""Stored running orders: a session's segments replaced whole, and the named templates."""

import pytest
from sqlalchemy import func, select

from studio.domain import rundown_clock as clock
from studio.domain.model import SegmentKind, SessionStatus
from studio.domain.rundown_csv import SegmentDraft
from studio.domain.rundown_plan import DEFAULT_DAILY_RUNDOWN
from studio.store.models import RundownTemplate, Segment, Session
from studio.store.repository import StudioRepository
from studio.store.rundowns import (
    DEFAULT_TEMPLATE_NAME,
    RundownLocked,
    RundownProblem,
    ensure_default_template,
    list_templates,
    load_rundown,
    load_template,
    save_rundown,
    save_template,
)
from studio.store.timer_store import change_timer
from tests.conftest import DEMO_DAY

SHORT = [
    SegmentDraft("开场", SegmentKind.OPENING, 120, 60, 30, "问候"),
    SegmentDraft("<b>x</b>", SegmentKind.QA, 600, 300, 120, "两行\n提示"),
]


def today_id(db) -> int:
    session = StudioRepository(db).session_on(DEMO_DAY)
    assert session is not None
    return session.id


def test_saving_replaces_the_session_s_segments_in_order(demo_db):
    session_id = today_id(demo_db)
    assert len(load_rundown(demo_db, session_id)) == 5
    save_rundown(demo_db, session_id, SHORT)
    assert load_rundown(demo_db, session_id) == SHORT
    records = StudioRepository(demo_db).segments(session_id)
    assert [(r.position, r.title) for r in records] == [(0, "开场"), (1, "<b>x</b>")]
    save_rundown(demo_db, session_id, list(reversed(SHORT)))
    assert load_rundown(demo_db, session_id) == list(reversed(SHORT))


def test_other_sessions_keep_their_segments(demo_db):
    session_id = today_id(demo_db)
    with demo_db.sessions() as s:
        before = s.scalar(select(func.count()).where(Segment.session_id != session_id))
    save_rundown(demo_db, session_id, [])
    assert load_rundown(demo_db, session_id) == []
    with demo_db.sessions() as s:
        assert s.scalar(select(func.count()).where(Segment.session_id != session_id)) == before


def test_a_failed_save_changes_nothing(demo_db):
    session_id = today_id(demo_db)
    before = load_rundown(demo_db, session_id)
    with pytest.raises(RundownProblem, match="does not exist"):
        save_rundown(demo_db, 999_999, SHORT)

    class Broken(list):
        def __iter__(self):
            yield SHORT[0]
            raise RuntimeError("half-way")

    with pytest.raises(RuntimeError):
        save_rundown(demo_db, session_id, Broken())
    assert load_rundown(demo_db, session_id) == before


def test_the_demo_has_the_default_template_once(demo_db):
    templates = list_templates(demo_db)
    assert [t.name for t in templates] == [DEFAULT_TEMPLATE_NAME]
    (default,) = templates
    assert default.is_default
    assert [d.to_planned() for d in default.segments] == list(DEFAULT_DAILY_RUNDOWN)
    assert default.total_s == 3600
    with demo_db.transaction() as s:
        ensure_default_template(s)
    assert len(list_templates(demo_db)) == 1


def test_a_fresh_database_gets_the_default_template_when_listed(fresh_db):
    assert [t.name for t in list_templates(fresh_db)] == [DEFAULT_TEMPLATE_NAME]


def test_saving_a_template_by_name_overwrites_it(fresh_db):
    first = save_template(fresh_db, "  短流程 ", SHORT)
    assert first.name == "短流程"
    again = save_template(fresh_db, "短流程", SHORT[:1])
    assert again.id == first.id
    assert load_template(fresh_db, first.id) == SHORT[:1]
    names = [t.name for t in list_templates(fresh_db)]
    assert names == [DEFAULT_TEMPLATE_NAME, "短流程"]


def test_template_names_must_be_given_and_fit(fresh_db):
    with pytest.raises(RundownProblem, match="name"):
        save_template(fresh_db, "   ", SHORT)
    with pytest.raises(RundownProblem, match="80"):
        save_template(fresh_db, "长" * 81, SHORT)
    with pytest.raises(RundownProblem, match="does not exist"):
        load_template(fresh_db, 12345)


def test_a_damaged_template_is_skipped_in_the_list_and_refused_when_loaded(fresh_db, caplog):
    good = save_template(fresh_db, "好", SHORT)
    bad = save_template(fresh_db, "坏", SHORT)
    with fresh_db.transaction() as s:
        s.get(RundownTemplate, bad.id).segments_json = '[{"title": "x"}]'
    assert [t.name for t in list_templates(fresh_db)] == [DEFAULT_TEMPLATE_NAME, "好"]
    assert "skipping template" in caplog.text
    with pytest.raises(RundownProblem, match="damaged"):
        load_template(fresh_db, bad.id)
    assert load_template(fresh_db, good.id) == SHORT


@pytest.mark.parametrize("status", [SessionStatus.LIVE, SessionStatus.ENDED])
def test_an_aired_session_s_running_order_is_refused_with_a_reason(demo_db, status):
    """Live or ended, the running order is what aired: a save changes nothing and says why."""
    session_id = today_id(demo_db)
    before = load_rundown(demo_db, session_id)
    with demo_db.transaction() as s:
        s.get(Session, session_id).status = status
    with pytest.raises(RundownLocked, match="read-only") as refused:
        save_rundown(demo_db, session_id, [*before, SHORT[0]])
    assert refused.value.status == status
    assert load_rundown(demo_db, session_id) == before


def test_a_session_that_went_live_through_the_timer_refuses_an_edit(demo_db):
    session_id = today_id(demo_db)
    change_timer(demo_db, session_id, clock.go, action="go")
    with pytest.raises(RundownLocked):
        save_rundown(demo_db, session_id, SHORT)
