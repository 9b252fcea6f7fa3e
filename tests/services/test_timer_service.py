"""The timer service: operations persist before they show; outside changes show as they commit."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from studio.domain import rundown_clock as clock
from studio.domain.rundown_state import ClockState
from studio.services.sync import SyncService
from studio.services.tasks import BackgroundTasks
from studio.services.timer import TimerService
from studio.store.models import AuditEvent
from studio.store.repository import StudioRepository
from studio.store.timer_store import change_timer, load_timer
from tests.conftest import DEMO_DAY
from tests.helpers.waiting import until

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def service(qapp, demo_db, event_loop_qt):
    tasks = BackgroundTasks()
    timer = TimerService(demo_db, tasks)
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    timer.load(session_id)
    event_loop_qt.run_until_complete(until(lambda: timer.snapshot is not None))
    yield timer
    timer.stop()
    event_loop_qt.run_until_complete(tasks.shutdown())


def test_operations_are_stored_before_they_are_shown(service, demo_db, event_loop_qt):
    shown: list[ClockState] = []
    service.snapshotChanged.connect(lambda snapshot: shown.append(snapshot.state))
    service.go()
    service.add(60)
    service.pause()
    event_loop_qt.run_until_complete(until(lambda: len(shown) == 3))
    stored = load_timer(demo_db, service.session_id)
    assert stored.state == shown[-1] == service.snapshot.state
    assert stored.state.is_paused and stored.state.added_for(0) == 60
    assert stored.version == 3


def test_a_refused_operation_is_explained(service, event_loop_qt):
    problems: list[str] = []
    service.problem.connect(problems.append)
    service.next()  # not started yet
    event_loop_qt.run_until_complete(until(lambda: problems))
    assert "not" in problems[0]


def test_a_refused_operation_is_explained_in_the_interface_language(
    service, chinese, event_loop_qt
):
    problems: list[str] = []
    service.problem.connect(problems.append)
    service.next()  # not started yet: a code, worded by the refusal table
    event_loop_qt.run_until_complete(until(lambda: problems))
    assert problems == ["计时：直播尚未开始，请先按“开始”"]
    service.go()
    service.jump(98)  # a refusal with arguments, no English sentence to look up
    event_loop_qt.run_until_complete(until(lambda: len(problems) == 2))
    count = len(service.snapshot.rundown.segments)
    assert problems[1] == f"计时：没有第 99 个环节：节目流程只有 {count} 个环节"


def test_the_reading_ticks(service, event_loop_qt):
    readings = []
    service.readingChanged.connect(readings.append)
    service.go()
    event_loop_qt.run_until_complete(until(lambda: len(readings) >= 3))
    assert readings[-1].running


def test_notes_reach_the_snapshot(service, event_loop_qt):
    service.set_note("还剩2分钟", blink=True)
    event_loop_qt.run_until_complete(until(lambda: service.snapshot.notes.note == "还剩2分钟"))
    service.toggle_blackout()
    event_loop_qt.run_until_complete(until(lambda: service.snapshot.notes.blackout))


def test_a_change_from_the_command_line_shows_when_it_commits(service, demo_db, event_loop_qt):
    """No poll: the sync service hears the other process's commit and the timer reads it."""
    tasks = BackgroundTasks()
    sync = SyncService(demo_db, tasks)
    sync.timerChanged.connect(service.follow_changes)
    sync.start()
    event_loop_qt.run_until_complete(until(lambda: sync.online and sync.listening))
    try:
        url = demo_db.url.render_as_string(hide_password=False)
        done = subprocess.run(
            [sys.executable, "-m", "studio", "timer", "go", "--db", url, "--session", str(service.session_id)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        event_loop_qt.run_until_complete(until(lambda: service.snapshot.state.started))
    finally:
        event_loop_qt.run_until_complete(sync.stop())
        event_loop_qt.run_until_complete(tasks.shutdown())


def test_segment_timings_export(service, event_loop_qt, tmp_path):
    saved: list[str] = []
    service.exported.connect(saved.append)
    service.go()
    event_loop_qt.run_until_complete(until(lambda: service.snapshot.state.started))
    path = tmp_path / "timings.csv"
    service.export_actuals(str(path))
    event_loop_qt.run_until_complete(until(lambda: saved))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel and WPS read UTF-8
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("segment,title,planned")
    assert lines[1].startswith("1,开场,03:00")
    assert len(lines) == 6


def test_f6_decides_pause_or_resume_from_the_store_not_from_the_window(service, demo_db, event_loop_qt):
    """Another seat paused a moment ago and this window has not seen it yet: F6 resumes."""
    service.stop()  # no polling: the window keeps its stale, running state
    service.go()
    event_loop_qt.run_until_complete(until(lambda: service.snapshot.state.started))
    change_timer(demo_db, service.session_id, lambda s, _r, now: clock.pause(s, now), action="pause", seat="cli")
    assert not service.snapshot.state.is_paused  # what the window shows is stale
    problems: list[str] = []
    service.problem.connect(problems.append)
    service.toggle_pause()
    event_loop_qt.run_until_complete(until(lambda: service.snapshot.version == 3 or problems))
    assert not problems
    stored = load_timer(demo_db, service.session_id)
    assert not stored.state.is_paused and stored.state.paused
    with demo_db.sessions() as s:
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-2:] == ["timer.pause", "timer.resume"]


def test_a_viewer_s_seat_is_told_in_the_interface_language_and_nothing_is_stored(
    service, demo_db, chinese, event_loop_qt
):
    from studio.domain.seats import Seat, SeatRole

    demo_db.seat = Seat("王芳", SeatRole.VIEWER)
    problems: list[str] = []
    service.problem.connect(problems.append)
    service.go()
    event_loop_qt.run_until_complete(until(lambda: problems))
    assert problems[0].startswith("计时未能保存：") and "王芳" in problems[0]
    assert "viewer" not in problems[0]
    assert load_timer(demo_db, service.session_id).version == 0
