"""Ingest leases on both databases: one seat holds a room, another is refused with who holds it,
and takes the room over once the holder stops renewing (or gives it back at a clean stop)."""

import threading
import time

from studio.services.ingest_leases import LeaseKeeper
from studio.store.ingest_lease import (
    LeaseSeat,
    lease_holders,
    release_lease,
    seat_id_for_this_run,
    take_lease,
)
from tests.helpers.seats import race

A = LeaseSeat("seat-a", "李明", "desk-pc")
B = LeaseSeat("seat-b", "王芳", "office-pc")
SHORT = 0.4  # a lease in the tests: long enough for a renewal to come in time, short to wait


def until_taken(db, room, me, timeout=10.0):
    """Try every 50 ms until ``me`` holds ``room`` (bounded); how many tries it took."""
    deadline = time.monotonic() + timeout
    tries = 0
    while take_lease(db, room, me, lease_s=SHORT) is not None:
        tries += 1
        assert time.monotonic() < deadline, "the lease was never taken over"
        time.sleep(0.05)
    return tries


def test_one_seat_holds_a_room_the_other_is_told_who(any_db):
    assert take_lease(any_db, "gov", A, lease_s=30) is None
    held = take_lease(any_db, "gov", B, lease_s=30)
    assert (held.seat_id, held.name, held.host) == ("seat-a", "李明", "desk-pc")
    assert take_lease(any_db, "gov", A, lease_s=30) is None  # renewing our own
    assert take_lease(any_db, "dept", B, lease_s=30) is None  # another room is free
    assert {room: h.name for room, h in lease_holders(any_db).items()} == {
        "gov": "李明",
        "dept": "王芳",
    }


def test_a_holder_that_stops_renewing_is_taken_over(any_db):
    assert take_lease(any_db, "gov", A, lease_s=SHORT) is None
    assert take_lease(any_db, "gov", B, lease_s=SHORT) is not None
    assert until_taken(any_db, "gov", B) >= 1  # refused while A's lease ran
    held = take_lease(any_db, "gov", A, lease_s=SHORT)
    assert held.name == "王芳"  # A came back too late: B holds it now


def test_a_clean_stop_gives_the_room_back_at_once(any_db):
    assert take_lease(any_db, "gov", A, lease_s=30) is None
    release_lease(any_db, "gov", B)  # not B's to give back: nothing happens
    assert take_lease(any_db, "gov", B, lease_s=30) is not None
    release_lease(any_db, "gov", A)
    assert take_lease(any_db, "gov", B, lease_s=30) is None


def test_two_seats_taking_a_free_room_at_once_one_wins(seats):
    results = race(
        lambda: take_lease(seats.a, "gov", A, lease_s=30),
        lambda: take_lease(seats.b, "gov", B, lease_s=30),
    )
    assert sorted(r is None for r in results) == [False, True]
    loser = next(r for r in results if r is not None)
    winner = A if results[0] is None else B
    assert loser.seat_id == winner.seat_id


def test_the_keeper_renews_and_takes_over_a_dead_seat_s_room(any_db):
    changes = []
    gained = threading.Event()

    def changed(room, holder):
        changes.append((room, None if holder is None else holder.name))
        if holder is None:
            gained.set()

    assert take_lease(any_db, "gov", A, lease_s=SHORT) is None  # A then dies: never renews
    keeper = LeaseKeeper(any_db, B, on_change=changed, lease_s=SHORT, renew_s=0.05)
    try:
        first = keeper.want(["gov", "dept"])
        assert (first["gov"].name, first["dept"]) == ("李明", None)
        assert not keeper.ours("gov") and keeper.ours("dept")
        assert gained.wait(10), "the room was not taken over"
        assert changes == [("gov", None)]
        # B renews in its thread: A, back after the takeover, is refused for longer than
        # the lease.
        time.sleep(SHORT * 2)
        assert take_lease(any_db, "gov", A, lease_s=SHORT).name == "王芳"
    finally:
        keeper.close()
    assert take_lease(any_db, "gov", A, lease_s=SHORT) is None  # given back at close


def _run_on_this_computer(pid: int) -> LeaseSeat:
    """A lease seat of another run on this computer, with process ``pid``."""
    mine = seat_id_for_this_run().split(":")
    return LeaseSeat(f"{'0' * 32}:{mine[1]}:{pid}", "李明", "desk-pc")


def test_a_restarted_desk_takes_back_at_once_the_room_its_killed_run_held(any_db):
    """A crash or kill -9 on this computer: its lease need not run out first (13 s of
    comments); a run still alive, or one on another computer, keeps its room."""
    import subprocess
    import sys

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=30)
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        me = LeaseSeat(seat_id_for_this_run(), "李明", "desk-pc")
        assert take_lease(any_db, "gov", _run_on_this_computer(dead.pid), lease_s=30) is None
        assert take_lease(any_db, "gov", me, lease_s=30) is None  # at once, not in 30 s
        assert lease_holders(any_db)["gov"].seat_id == me.seat_id
        assert take_lease(any_db, "dept", _run_on_this_computer(alive.pid), lease_s=30) is None
        assert take_lease(any_db, "dept", me, lease_s=30) is not None  # alive: it keeps it
        other_computer = LeaseSeat(f"{'1' * 32}:ffffffffffff:{dead.pid}", "王芳", "office-pc")
        release_lease(any_db, "gov", me)
        assert take_lease(any_db, "gov", other_computer, lease_s=30) is None
        assert take_lease(any_db, "gov", me, lease_s=30) is not None  # another computer's
    finally:
        alive.kill()
        alive.wait(timeout=30)
