"""The timer in the database: every change persisted with its audit, safe between processes."""

import json
import threading

import pytest
from sqlalchemy import select

from studio.domain import rundown_clock as clock
from studio.domain.model import SessionStatus
from studio.domain.rundown_clock import ClockError
from studio.store.models import AuditEvent, Session
from studio.store.repository import StudioRepository
from studio.store.timer_store import (
    NoSuchSession,
    change_notes,
    change_timer,
    load_timer,
    timer_version,
)
from tests.conftest import DEMO_DAY


class FakeClock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.t = start

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def today_id(demo_db) -> int:
    return StudioRepository(demo_db).session_on(DEMO_DAY).id


def test_a_new_timer_has_the_session_s_rundown_and_slot(demo_db, today_id):
    snapshot = load_timer(demo_db, today_id)
    assert snapshot.version == 0
    assert snapshot.rundown.segments[0].title == "开场"
    assert snapshot.rundown.scheduled_end - snapshot.rundown.scheduled_start == 3600
    assert not snapshot.state.started


def test_every_change_is_persisted_versioned_and_audited(demo_db, today_id):
    now = FakeClock()
    change_timer(demo_db, today_id, clock.go, action="go", now=now)
    now.t += 100
    change_timer(demo_db, today_id, lambda s, _r, _n: clock.add_time(s, 30), action="add:30", now=now)
    now.t += 10
    after = change_timer(demo_db, today_id, lambda s, _r, n: clock.pause(s, n), action="pause", now=now)
    assert after.version == 3 == timer_version(demo_db, today_id)
    stored = load_timer(demo_db, today_id)
    assert stored.state == after.state
    r = clock.reading(stored.state, stored.rundown, now.t + 500)
    assert r.paused and r.elapsed_s == pytest.approx(110)
    assert r.remaining_s == pytest.approx(180 + 30 - 110)
    with demo_db.sessions() as s:
        actions = s.scalars(
            select(AuditEvent.action).where(AuditEvent.session_id == today_id).order_by(AuditEvent.id)
        ).all()
        assert actions[-3:] == ["timer.go", "timer.add:30", "timer.pause"]
        assert s.get(Session, today_id).status == SessionStatus.LIVE


def test_a_refused_operation_writes_nothing(demo_db, today_id):
    with pytest.raises(ClockError):
        change_timer(demo_db, today_id, clock.next_segment, action="next")
    assert timer_version(demo_db, today_id) == 0


def test_ending_the_last_segment_ends_the_session(demo_db, today_id):
    now = FakeClock()
    change_timer(demo_db, today_id, clock.go, action="go", now=now)
    for _ in range(5):
        now.t += 60
        change_timer(demo_db, today_id, clock.next_segment, action="next", now=now)
    assert load_timer(demo_db, today_id).state.ended
    assert StudioRepository(demo_db).session(today_id).status == SessionStatus.ENDED


def test_concurrent_writers_never_lose_a_change(demo_db, today_id):
    change_timer(demo_db, today_id, clock.go, action="go")
    errors: list[BaseException] = []

    def add_many() -> None:
        try:
            for _ in range(10):
                change_timer(
                    demo_db, today_id, lambda s, _r, _n: clock.add_time(s, 1), action="add:1", attempts=50
                )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=add_many) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert not errors
    snapshot = load_timer(demo_db, today_id)
    assert snapshot.state.added_for(0) == 40
    assert snapshot.version == 41


def test_notes_and_blackout_persist_beside_the_clock(demo_db, today_id):
    change_notes(demo_db, today_id, lambda n: n.with_note("请收尾", blink=True), action="note")
    snapshot = change_notes(demo_db, today_id, lambda n: n.toggled_blackout(), action="blackout")
    stored = load_timer(demo_db, today_id)
    assert stored.notes == snapshot.notes
    assert (stored.notes.note, stored.notes.blink, stored.notes.blackout) == ("请收尾", True, True)
    with demo_db.sessions() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        assert last.action == "screen.blackout" and json.loads(last.after)["blackout"] is True


def test_a_damaged_state_starts_a_clean_clock_instead_of_failing(demo_db, today_id):
    change_timer(demo_db, today_id, clock.go, action="go")
    with demo_db.transaction() as s:
        s.execute(
            __import__("sqlalchemy").text("UPDATE timer_state SET state_json = '{\"version\": 99}'")
        )
    assert not load_timer(demo_db, today_id).state.started


def test_an_unknown_session_is_reported(demo_db):
    with pytest.raises(NoSuchSession):
        load_timer(demo_db, 999_999)
