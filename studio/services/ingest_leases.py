"""This seat's ingest leases, kept in a worker thread: taken, renewed, taken over, given back.

The live feed (and ``studio ingest``) asks for the rooms it means to ingest; the keeper tries to
take each room's lease at once and then every ``renew_s`` seconds in its own thread: renewing
the rooms it holds, and trying again the rooms another seat holds, so that when that seat dies
(stops renewing) this one takes the room over within the lease's time. Every change of a room's
holder is reported (``on_change(room, holder)``, holder None: the room is ours now), from the
worker thread: the caller carries it to its own loop. :meth:`LeaseKeeper.close` gives back the
rooms held (a clean stop).
"""

from __future__ import annotations

import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable

from studio.store.database import Database
from studio.store.ingest_lease import (
    LEASE_S,
    RENEW_S,
    LeaseHolder,
    LeaseSeat,
    release_lease,
    seat_id_for_this_run,
    take_lease,
)
from studio.store.server_clock import LocalClock

log = logging.getLogger(__name__)

#: What the keeper says about a room: None, the room is ours; else who holds it.
LeaseChange = Callable[[str, LeaseHolder | None], None]


def this_seat(name: str) -> LeaseSeat:
    """A lease seat for this run of the app or command: a fresh id, ``name``, this computer."""
    return LeaseSeat(seat_id_for_this_run(), name, socket.gethostname())


class LeaseKeeper:
    """Holds the ingest leases of the rooms this seat wants.

    Attributes:
        me: who takes the leases.
        holders: the last known holder of each wanted room (None: ours).
    """

    def __init__(
        self,
        db: Database,
        me: LeaseSeat,
        *,
        on_change: LeaseChange,
        lease_s: float = LEASE_S,
        renew_s: float = RENEW_S,
        local: LocalClock = time.time,
    ) -> None:
        self._db = db
        self.me = me
        self._on_change = on_change
        self._lease_s = lease_s
        self._renew_s = renew_s
        self._local = local
        self._lock = threading.Lock()
        self._wanted: set[str] = set()
        self.holders: dict[str, LeaseHolder | None] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def want(self, rooms: Iterable[str]) -> dict[str, LeaseHolder | None]:
        """Want these rooms (besides those wanted already) and try them now. Blocking.

        Returns:
            Each of these rooms' holder after the try (None: ours).
        """
        rooms = list(dict.fromkeys(rooms))
        with self._lock:
            self._wanted.update(rooms)
        self._ensure_thread()
        return {room: self._try(room, report=False) for room in rooms}

    def drop(self, rooms: Iterable[str]) -> None:
        """No longer want these rooms; give back those held. Blocking."""
        for room in rooms:
            with self._lock:
                self._wanted.discard(room)
                held = room in self.holders and self.holders.pop(room) is None
            if held:
                self._release(room)

    def ours(self, room: str) -> bool:
        with self._lock:
            return room in self.holders and self.holders[room] is None

    def close(self) -> None:
        """Stop renewing and give back every room held. Blocking (bounded by the database's
        timeouts; at worst the leases run out by themselves)."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=self._renew_s + 10)
        with self._lock:
            held = [room for room, holder in self.holders.items() if holder is None]
            self._wanted.clear()
            self.holders.clear()
        for room in held:
            self._release(room)

    # -- the worker thread ---------------------------------------------------------------------
    def _ensure_thread(self) -> None:
        if self._thread is None and not self._stop.is_set():
            self._thread = threading.Thread(target=self._run, name="ingest-leases", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self._renew_s):
            with self._lock:
                rooms = sorted(self._wanted)
            for room in rooms:
                if self._stop.is_set():
                    return
                self._try(room)

    def _try(self, room: str, *, report: bool = True) -> LeaseHolder | None:
        """Take or renew one room's lease; report a change of holder (``report``)."""
        try:
            holder = take_lease(self._db, room, self.me, lease_s=self._lease_s, local=self._local)
        except Exception as error:  # the database is away: the lease runs out by itself
            log.warning("cannot renew the ingest lease of room %s: %s", room, error)
            with self._lock:
                return self.holders.get(room)
        with self._lock:
            if room not in self._wanted:
                return holder
            known = room in self.holders
            before = self.holders.get(room)
            self.holders[room] = holder
        changed = not known or _who(before) != _who(holder)
        if changed:
            log.info(
                "ingest lease of room %s: %s",
                room,
                "ours" if holder is None else f"held by {holder.name} ({holder.host})",
            )
            if report:
                self._on_change(room, holder)
        return holder

    def _release(self, room: str) -> None:
        try:
            release_lease(self._db, room, self.me)
        except Exception as error:
            log.warning("cannot give back the ingest lease of room %s: %s", room, error)


def _who(holder: LeaseHolder | None) -> str | None:
    return None if holder is None else holder.seat_id
