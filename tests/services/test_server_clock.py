"""One timer for the studio on the database server's clock: two seats whose PC clocks differ by
90 seconds show the same remaining time, and the skewed seat's operations store server times."""

import time

import pytest

from studio.services.server_clock import ServerClock
from studio.services.tasks import BackgroundTasks
from studio.services.timer import TimerService
from studio.store.database import open_database
from studio.store.timer_store import load_timer
from tests.helpers.seats import seed
from tests.helpers.waiting import until

SKEW_S = 90.0


def skewed() -> float:
    return time.time() + SKEW_S


@pytest.fixture
def two_seats(qapp, pg_url, event_loop_qt):
    """Two timer services on one PostgreSQL database, seat B's PC clock 90 s fast."""
    a_db, b_db = open_database(pg_url), open_database(pg_url)
    session_id, _ids, _unit = seed(a_db)
    tasks = BackgroundTasks()
    a = TimerService(a_db, tasks, clock=ServerClock(a_db), seat="李明")
    b = TimerService(b_db, tasks, clock=ServerClock(b_db, local=skewed), seat="王芳")
    for seat in (a, b):
        seat.load(session_id)
    event_loop_qt.run_until_complete(
        until(lambda: a.snapshot is not None and b.snapshot is not None)
    )
    yield a, b, a_db
    for seat in (a, b):
        seat.stop()
    event_loop_qt.run_until_complete(tasks.shutdown())
    a_db.close()
    b_db.close()


def test_seats_with_skewed_clocks_show_the_same_remaining_time(two_seats, event_loop_qt):
    a, b, db = two_seats
    # The first measurement runs in each clock's thread as the timer loads.
    event_loop_qt.run_until_complete(until(lambda: b.clock.offset_s < -SKEW_S / 2))
    assert abs(b.clock.offset_s + SKEW_S) < 1.0
    assert abs(a.clock.offset_s) < 1.0
    b.go()  # from the seat whose PC is 90 s fast
    event_loop_qt.run_until_complete(until(lambda: b.snapshot.state.started))
    started = load_timer(db, b.session_id).state.started_at
    assert abs(started - time.time()) < 5.0  # the server's time, not the skewed PC's
    a.reload()
    event_loop_qt.run_until_complete(until(lambda: a.snapshot.state.started_at == started))
    ra, rb = a.reading(), b.reading()
    assert ra.segment_index == rb.segment_index
    assert abs(ra.remaining_s - rb.remaining_s) < 1.0


def test_the_offset_comes_from_the_shortest_round_trip_and_is_zero_on_sqlite(tmp_path, pg_db):
    clock = ServerClock(pg_db, local=skewed, samples=3)
    assert abs(clock.measure() + SKEW_S) < 1.0
    assert 0 <= clock.round_trip_s < 1.0
    assert abs(clock() - time.time()) < 1.0
    sqlite = open_database(f"sqlite:///{tmp_path / 'studio.db'}")
    try:
        local = ServerClock(sqlite, local=skewed)
        assert local.measure() == 0.0
        local.start()  # nothing to measure: no thread
        assert local() == pytest.approx(skewed(), abs=1.0)
    finally:
        sqlite.close()
