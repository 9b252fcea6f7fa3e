"""Editing one session in the store: what may change, the rule for "ready", and the undo."""

import datetime as dt

import pytest
from sqlalchemy import select

from studio.domain.model import SessionStatus
from studio.domain.session_readiness import SessionEdit
from studio.store.models import Official, Segment
from studio.store.schedule import (
    ScheduleProblem,
    edit_session,
    list_sessions,
    session_details,
    start_rundown,
)
from studio.store.schedule_files import import_schedule, write_table
from tests.conftest import DEMO_DAY


def _on(db, day):
    return list_sessions(db, day, day)[0]


def _planned(db):
    """A future session the demo left planned: no running order yet."""
    sessions = list_sessions(db, DEMO_DAY, DEMO_DAY + dt.timedelta(days=30))
    return next(s for s in sessions if s.status == SessionStatus.PLANNED)


def test_details_of_a_session(demo_db):
    today = _on(demo_db, DEMO_DAY)
    details = session_details(demo_db, today.id)
    assert details.session == today
    assert details.segments > 0 and details.official_id is not None
    assert [o.name for o in details.officials_of(today.unit_id)] == [today.official_name]
    assert today.unit_id in {u.id for u in details.units}
    assert details.missing(details.edit()) == []
    with pytest.raises(ScheduleProblem, match="no session"):
        session_details(demo_db, 99999)


def test_an_edit_is_stored_and_returns_what_it_replaced(demo_db):
    session = _planned(demo_db)
    details = session_details(demo_db, session.id)
    edit = SessionEdit(
        session.unit_id,
        details.official_id,
        " 秋粮收购 ",
        dt.time(14, 30),
        dt.time(15, 45),
        SessionStatus.PLANNED,
    )
    after, before = edit_session(demo_db, session.id, edit)
    assert (after.topic, after.start, after.end) == ("秋粮收购", dt.time(14, 30), dt.time(15, 45))
    assert after == _on(demo_db, session.date)
    assert before == details.edit()
    # The undo is the same call with what was there before.
    undone, _ = edit_session(demo_db, session.id, before)
    assert undone == session


def test_ready_needs_topic_official_and_running_order(demo_db):
    session = _planned(demo_db)
    details = session_details(demo_db, session.id)
    ready = SessionEdit(
        session.unit_id,
        details.official_id,
        "秋粮收购",
        session.start,
        session.end,
        SessionStatus.READY,
    )
    with pytest.raises(ScheduleProblem, match="missing: running order"):
        edit_session(demo_db, session.id, ready)
    with pytest.raises(ScheduleProblem, match="missing: topic, official, running order"):
        edit_session(
            demo_db,
            session.id,
            SessionEdit(
                session.unit_id, None, "  ", session.start, session.end, SessionStatus.READY
            ),
        )
    assert _on(demo_db, session.date) == session  # nothing stored
    with demo_db.transaction() as s:
        s.add(
            Segment(session_id=session.id, position=0, title="开场", kind="opening", planned_s=60)
        )
    after, _ = edit_session(demo_db, session.id, ready)
    assert after.status == SessionStatus.READY


def test_live_and_ended_sessions_are_read_only(demo_db):
    ended = _on(demo_db, DEMO_DAY - dt.timedelta(days=1))
    assert ended.status == SessionStatus.ENDED
    edit = session_details(demo_db, ended.id).edit()
    with pytest.raises(ScheduleProblem, match="can no longer be edited"):
        edit_session(demo_db, ended.id, edit)
    session = _planned(demo_db)
    live = SessionEdit(session.unit_id, None, "x", session.start, session.end, SessionStatus.LIVE)
    with pytest.raises(ScheduleProblem, match="not set live by hand"):
        edit_session(demo_db, session.id, live)


def test_slot_unit_and_official_are_checked(demo_db):
    session = _planned(demo_db)
    details = session_details(demo_db, session.id)
    base = details.edit()
    other = next(o for o in details.officials if o.unit_id != session.unit_id)

    def refused(match, **changes):
        with pytest.raises(ScheduleProblem, match=match):
            edit_session(
                demo_db,
                session.id,
                SessionEdit(
                    **{
                        "unit_id": base.unit_id,
                        "official_id": base.official_id,
                        "topic": base.topic,
                        "start": base.start,
                        "end": base.end,
                        "status": base.status,
                        **changes,
                    }
                ),
            )

    refused("end after it starts", end=dt.time(14, 0))
    refused("not one of the unit's own", official_id=other.id)
    refused("no unit", unit_id=99999, official_id=None)
    # Another unit with its own official is fine.
    after, _ = edit_session(
        demo_db,
        session.id,
        SessionEdit(other.unit_id, other.id, "", base.start, base.end, SessionStatus.PLANNED),
    )
    assert (after.unit_id, after.official_name) == (other.unit_id, other.name)


def test_a_retired_official_may_stay_but_not_be_chosen(demo_db):
    session = _planned(demo_db)
    details = session_details(demo_db, session.id)
    with demo_db.transaction() as s:
        retired = Official(name="王退休", title="原局长", unit_id=session.unit_id, retired=True)
        s.add(retired)
        s.flush()
        retired_id = retired.id
    assert retired_id not in {o.id for o in session_details(demo_db, session.id).officials}
    with pytest.raises(ScheduleProblem, match="retired"):
        edit_session(
            demo_db,
            session.id,
            SessionEdit(
                session.unit_id, retired_id, "", session.start, session.end, SessionStatus.PLANNED
            ),
        )
    # The one in the chair retires: the session can still be edited around them.
    with demo_db.transaction() as s:
        s.get(Official, details.official_id).retired = True
    after, _ = edit_session(demo_db, session.id, details.edit())
    assert after.official_name == session.official_name


def test_an_import_cannot_make_a_session_ready_without_what_it_needs(demo_db, tmp_path):
    session = _planned(demo_db)
    path = tmp_path / "ready.csv"
    write_table(
        path,
        [
            ["date", "start", "end", "unit", "official", "topic", "status"],
            [
                session.date.isoformat(),
                "15:00",
                "16:00",
                session.unit_name,
                "",
                "秋粮收购",
                "ready",
            ],
        ],
    )
    from studio.domain.schedule_table import ScheduleTableInvalid

    with pytest.raises(ScheduleTableInvalid) as invalid:
        import_schedule(demo_db, path)  # not a dry run: nothing may be stored
    [problem] = invalid.value.problems
    assert (problem.line, problem.column) == (2, "status")
    assert "running order" in problem.message
    assert _on(demo_db, session.date) == session
    with demo_db.transaction() as s:
        assert s.scalars(select(Segment).where(Segment.session_id == session.id)).first() is None


def _import_row(db, path, *cells):
    write_table(path, [["date", "start", "end", "unit", "official", "topic", "status"], [*cells]])
    from studio.domain.schedule_table import ScheduleTableInvalid

    with pytest.raises(ScheduleTableInvalid) as invalid:
        import_schedule(db, path)
    [problem] = invalid.value.problems
    return problem


def test_an_import_sets_only_planned_or_ready(demo_db, tmp_path):
    session = _planned(demo_db)
    problem = _import_row(
        demo_db, tmp_path / "live.csv", session.date.isoformat(), "15:00", "16:00",
        session.unit_name, "", "", "live",
    )  # fmt: skip
    assert (problem.line, problem.column) == (2, "status")
    assert _on(demo_db, session.date) == session


def test_an_import_keeping_ready_cannot_take_what_ready_needs(demo_db, tmp_path):
    from studio.store.units import add_unit

    today = _on(demo_db, DEMO_DAY)
    assert today.status == SessionStatus.READY
    empty = add_unit(demo_db, "文化旅游局", "文旅局", "department", ())  # no official yet
    problem = _import_row(
        demo_db, tmp_path / "unit.csv", DEMO_DAY.isoformat(), "15:00", "16:00",
        empty.name, "", "", "",
    )  # fmt: skip
    assert (problem.line, problem.column) == (2, "status")
    assert "official" in problem.message
    assert _on(demo_db, DEMO_DAY) == today


def test_emptying_a_ready_session_s_running_order_plans_it_again(demo_db):
    from studio.store.rundowns import load_rundown, save_rundown

    today = _on(demo_db, DEMO_DAY)
    assert today.status == SessionStatus.READY and load_rundown(demo_db, today.id)
    save_rundown(demo_db, today.id, [])
    assert _on(demo_db, DEMO_DAY).status == SessionStatus.PLANNED


def test_a_running_order_started_from_the_standard_template(demo_db):
    session = _planned(demo_db)
    assert session_details(demo_db, session.id).segments == 0
    assert start_rundown(demo_db, session.id) == 5
    assert session_details(demo_db, session.id).segments == 5
    with demo_db.transaction() as s:
        s.add(Segment(session_id=session.id, position=5, title="加场", kind="qa", planned_s=60))
    assert start_rundown(demo_db, session.id) == 6  # one it has is kept as it is
    ended = _on(demo_db, DEMO_DAY - dt.timedelta(days=1))
    with pytest.raises(ScheduleProblem, match="can no longer be edited"):
        start_rundown(demo_db, ended.id)
