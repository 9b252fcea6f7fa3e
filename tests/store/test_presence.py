"""Who is connected: a seat's row, its heartbeat by the database's clock, a clean quit, the list."""

import datetime as dt
import threading

from sqlalchemy import update

from studio.domain.seats import CONNECTED_WITHIN_S, Seat, SeatRole
from studio.store import presence
from studio.store.database import current_revision, head_revision, open_database
from studio.store.models import SeatPresence

WANG = Seat("王芳", SeatRole.OPERATOR)
LI = Seat("李明", SeatRole.MODERATOR)


def age(db, presence_id, seconds):
    """Make a seat's last heartbeat ``seconds`` older (as if it went silent)."""
    with db.transaction() as s:
        row = s.get(SeatPresence, presence_id)
        s.execute(
            update(SeatPresence)
            .where(SeatPresence.id == presence_id)
            .values(last_seen=row.last_seen - dt.timedelta(seconds=seconds))
        )


def test_a_started_seat_is_listed_as_connected_with_where_it_runs(any_db):
    wang = presence.register_seat(any_db, WANG, host="office-pc", pid=4242)
    [seat] = presence.list_seats(any_db)
    assert (seat.id, seat.person, seat.role, seat.host, seat.pid) == (
        wang,
        "王芳",
        SeatRole.OPERATOR,
        "office-pc",
        4242,
    )
    assert seat.connected and seat.closed_at is None


def test_a_silent_seat_drops_out_and_its_heartbeat_brings_it_back(any_db):
    wang = presence.register_seat(any_db, WANG, host="office-pc", pid=1)
    age(any_db, wang, CONNECTED_WITHIN_S + 5)
    [seat] = presence.list_seats(any_db)
    assert not seat.connected and seat.closed_at is None  # it vanished: listed as left
    assert presence.heartbeat(any_db, wang)
    assert presence.list_seats(any_db)[0].connected


def test_a_clean_quit_lists_the_seat_as_left_at_once_and_connected_ones_come_first(any_db):
    wang = presence.register_seat(any_db, WANG, host="office-pc", pid=1)
    li = presence.register_seat(any_db, LI, host="studio-pc", pid=2)
    presence.close_seat(any_db, li)
    seats = presence.list_seats(any_db)
    assert [(s.id, s.connected) for s in seats] == [(wang, True), (li, False)]
    assert seats[1].closed_at is not None
    # A closed seat's heartbeat is refused: the app registers again.
    assert not presence.heartbeat(any_db, li)


def test_seats_gone_for_longer_than_an_hour_are_not_listed(any_db):
    wang = presence.register_seat(any_db, WANG, host="office-pc", pid=1)
    age(any_db, wang, presence.LEFT_WITHIN_S + 60)
    assert presence.list_seats(any_db) == []


def test_times_are_the_database_server_s_on_postgresql(pg_db, monkeypatch):
    """A computer whose clock is a day off still stamps the server's time."""
    skewed = dt.datetime(2000, 1, 1)
    monkeypatch.setattr(presence, "now_instant", lambda: skewed)
    wang = presence.register_seat(pg_db, WANG, host="skewed-pc", pid=1)
    server_now = presence.server_now(pg_db)
    [seat] = presence.list_seats(pg_db)
    assert seat.id == wang and seat.connected
    assert abs((server_now - seat.last_seen).total_seconds()) < 60


def test_two_seats_starting_together_migrate_once(pg_cluster):
    """The schema is migrated by one seat under an advisory lock; the other waits for it."""
    name = pg_cluster.new_database()  # empty: not migrated
    url = pg_cluster.url(name)
    start = threading.Barrier(2)
    opened, failed = [], []

    def seat() -> None:
        start.wait(timeout=30)
        try:
            opened.append(open_database(url))
        except Exception as error:  # reported below
            failed.append(error)

    threads = [threading.Thread(target=seat) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    try:
        assert failed == [] and len(opened) == 2
        assert current_revision(opened[0].engine) == head_revision()
        presence.register_seat(opened[1], WANG, host="pc", pid=1)  # the schema is whole
    finally:
        for db in opened:
            db.close()
        pg_cluster.drop_database(name)
