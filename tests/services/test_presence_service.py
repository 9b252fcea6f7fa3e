"""This app's seat among the others: it registers, beats in a worker thread, and leaves cleanly."""

import threading

import pytest

from studio.domain.seats import Seat, SeatRole
from studio.services.presence import SeatPresenceService
from studio.services.tasks import BackgroundTasks
from studio.store import presence
from tests.helpers.waiting import until

WANG = Seat("王芳", SeatRole.OPERATOR)


@pytest.fixture
def tasks(event_loop_qt):
    tasks = BackgroundTasks()
    yield tasks
    event_loop_qt.run_until_complete(tasks.shutdown())


def test_the_seat_hears_the_others_and_leaves_cleanly(any_db, qapp, tasks, event_loop_qt):
    other = presence.register_seat(any_db, Seat("李明", SeatRole.MODERATOR), host="b", pid=2)
    service = SeatPresenceService(any_db, tasks, WANG, host="office-pc")
    heard: list[list] = []
    threads: list[str] = []
    service.seatsChanged.connect(heard.append)
    real_beat = service._beat_in_thread

    def beat():
        threads.append(threading.current_thread().name)
        return real_beat()

    service._beat_in_thread = beat
    service.start()
    event_loop_qt.run_until_complete(until(lambda: heard))
    assert [(s.id, s.person, s.connected) for s in heard[-1]] == [(other, "李明", True)]
    assert threads and threading.main_thread().name not in threads  # never the GUI thread
    mine = service.presence_id
    assert [s.host for s in presence.list_seats(any_db) if s.id == mine] == ["office-pc"]
    # A second beat stamps the same row.
    service.beat()
    event_loop_qt.run_until_complete(until(lambda: len(heard) >= 2))
    assert service.presence_id == mine
    event_loop_qt.run_until_complete(service.stop())
    [me] = [s for s in presence.list_seats(any_db) if s.id == mine]
    assert not me.connected and me.closed_at is not None


def test_a_viewer_s_seat_is_present_though_it_writes_nothing_else(
    any_db, qapp, tasks, event_loop_qt
):
    viewer = Seat("赵六", SeatRole.VIEWER)
    any_db.seat = viewer
    service = SeatPresenceService(any_db, tasks, viewer, host="hall-pc")
    heard: list[list] = []
    service.seatsChanged.connect(heard.append)
    service.start()
    event_loop_qt.run_until_complete(until(lambda: heard))
    assert [s.person for s in presence.list_seats(any_db)] == ["赵六"]
    event_loop_qt.run_until_complete(service.stop())
    assert [s.closed_at is not None for s in presence.list_seats(any_db)] == [True]
