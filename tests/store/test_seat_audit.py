"""Every audit event names the person at the seat and their role; a viewer's seat writes nothing."""

import dataclasses
import threading

import pytest
from sqlalchemy import select

from studio.domain.question_lifecycle import ModerationAction
from studio.domain.refusals import Refusal
from studio.domain.seats import Seat, SeatRefused, SeatRole
from studio.store import presence
from studio.store.audit_export import export_audit
from studio.store.database import open_database, use_seat
from studio.store.models import AuditEvent
from studio.store.moderation import moderate
from studio.store.profile import load_profile, save_profile
from studio.store.seat_audit import acting_for, audit_person
from studio.store.undo import undo_last


def rename_county(db, name):
    save_profile(db, dataclasses.replace(load_profile(db), county_name=name))


def audit_rows(db):
    with db.sessions() as s:
        return [(e.seat, e.person, e.role) for e in s.scalars(select(AuditEvent))]


def test_an_audit_event_names_the_seat_s_person_and_role(any_db):
    any_db.seat = Seat("王芳", SeatRole.OPERATOR)
    rename_county(any_db, "和平县")
    assert audit_rows(any_db) == [("settings", "王芳", "operator")]


def test_an_act_done_for_the_control_api_names_the_token_not_the_desk(any_db):
    any_db.seat = Seat("王芳", SeatRole.MODERATOR)
    with acting_for("streamdeck"):
        assert audit_person(any_db) == ("streamdeck", "api")
        # A worker thread started inside sees it too (BackgroundTasks copies the context).
        import contextvars

        context = contextvars.copy_context()
        worker = threading.Thread(target=context.run, args=(rename_county, any_db, "和平县"))
        worker.start()
        worker.join(timeout=30)
    rename_county(any_db, "和平县二")
    assert [row[1:] for row in audit_rows(any_db)] == [
        ("streamdeck", "api"),
        ("王芳", "moderator"),
    ]


def test_a_viewer_s_seat_is_refused_every_write_and_writes_nothing(any_db):
    any_db.seat = Seat("赵六", SeatRole.VIEWER)
    before = load_profile(any_db)
    with pytest.raises(SeatRefused) as refused:
        rename_county(any_db, "和平县")
    assert refused.value.code is Refusal.READ_ONLY_SEAT
    assert "赵六's seat is a viewer's" in str(refused.value)
    assert load_profile(any_db) == before and audit_rows(any_db) == []
    # Its presence is written all the same: the others see it watching.
    presence_id = presence.register_seat(any_db, any_db.seat, host="hall-pc", pid=1)
    assert presence.heartbeat(any_db, presence_id)


def test_the_command_line_s_seat_is_every_database_s_it_opens(tmp_path):
    use_seat(Seat("李明", SeatRole.REFERRALS))
    try:
        db = open_database(f"sqlite:///{tmp_path / 'cli.db'}")
    finally:
        use_seat(None)
    try:
        assert db.seat == Seat("李明", SeatRole.REFERRALS)
        rename_county(db, "和平县")
        assert audit_rows(db) == [("settings", "李明", "referrals")]
    finally:
        db.close()


def test_moderation_names_the_person_and_undo_still_finds_the_desk_s_own_moves(desk):
    db, session_id, ids, *_ = desk
    db.seat = Seat("王芳", SeatRole.MODERATOR)
    moderate(db, ids[:2], ModerationAction.FLAG, seat="moderator@a1", session_id=session_id)
    db.seat = Seat("李明", SeatRole.MODERATOR)
    moderate(db, ids[2:3], ModerationAction.FLAG, seat="moderator@b2", session_id=session_id)
    rows = [r for r in export_audit(db, session_id) if r["action"] == "question.flag"]
    assert [(r["question"], r["person"], r["role"]) for r in rows] == [
        (ids[0], "王芳", "moderator"),
        (ids[1], "王芳", "moderator"),
        (ids[2], "李明", "moderator"),
    ]
    # The seat string finds a desk's moves whoever sits there: a1's flag of two is undone.
    undo_last(db, session_id, "moderator@a1")
    undone = [r for r in export_audit(db, session_id) if r["action"] == "question.undo"]
    assert [(r["question"], r["seat"], r["person"]) for r in undone] == [
        (ids[0], "moderator@a1", "李明"),
        (ids[1], "moderator@a1", "李明"),
    ]


def test_a_closed_database_is_not_kept_alive_by_its_audit_hooks(tmp_path):
    """The hooks live in SQLAlchemy's class-level registry: holding the database there kept
    every database ever opened (engine, caches) alive, and the test run grew without end."""
    import gc
    import weakref

    from studio.store.database import open_database

    db = open_database(f"sqlite:///{tmp_path / 'gone.db'}")
    gone = weakref.ref(db)
    db.close()
    del db
    gc.collect()
    assert gone() is None
