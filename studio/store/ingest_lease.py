"""Which seat ingests each live room: a lease in the database, on the database's clock.

A seat that starts a room's capture first takes the room's lease (:func:`take_lease`: one
atomic upsert that wins only if the room is free, its lease ran out, or it is already ours) and
renews it every few seconds; a seat that finds the room held by another live seat does not
ingest it. When the holder dies it stops renewing, the lease runs out, and the next seat to
try takes the room over. A clean stop gives the room back at once (:func:`release_lease`).

Rooms are named as the session's feed names them: ``gov`` (the county's) and ``dept`` (the
unit's), the rooms every seat's chips show. Expiry is on the database's clock
(:mod:`studio.store.server_clock`), so seats with skewed clocks agree on it. Blocking.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite

from studio.domain.studio_time import from_epoch
from studio.store.database import Database
from studio.store.models import IngestLease
from studio.store.server_clock import LocalClock, database_epoch, on_server

#: How long a lease lasts without renewal, and how often its holder renews it (seconds).
LEASE_S = 10.0
RENEW_S = 3.0


@dataclass(frozen=True)
class LeaseSeat:
    """Who takes a lease: this run's id (fresh per start), the seat's name, its computer."""

    seat_id: str
    name: str
    host: str


@dataclass(frozen=True)
class LeaseHolder:
    """The live holder of a room's lease, as another seat is told about it."""

    room: str
    seat_id: str
    name: str
    host: str
    expires_at: dt.datetime


def take_lease(
    db: Database,
    room: str,
    me: LeaseSeat,
    *,
    lease_s: float = LEASE_S,
    local: LocalClock = time.time,
) -> LeaseHolder | None:
    """Take or renew ``room``'s lease for ``lease_s`` seconds.

    Returns:
        None when the room is now ours; else the other seat that holds it.
    """
    with db.transaction() as s:
        now = from_epoch(database_epoch(s, local))
        dialect = postgresql if on_server(s) else sqlite
        row = {
            "room": room,
            "holder_seat": me.seat_id,
            "holder_name": me.name[:80],
            "host": me.host[:120],
            "expires_at": now + dt.timedelta(seconds=lease_s),
        }
        insert = dialect.insert(IngestLease).values(**row)
        upsert = insert.on_conflict_do_update(
            index_elements=[IngestLease.room],
            set_={key: insert.excluded[key] for key in row if key != "room"},
            where=(IngestLease.expires_at <= now) | (IngestLease.holder_seat == me.seat_id),
        ).returning(IngestLease.holder_seat)
        if s.execute(upsert).first() is not None:
            return None
        held = s.get(IngestLease, room, populate_existing=True)
        assert held is not None  # the upsert found it there and left it
        if not _died_on_this_computer(held.holder_seat, me.seat_id):
            return _holder(held)
        # An earlier run of this computer that died (a crash, kill -9): no need to wait out its
        # lease — a restarted desk ingests again at once, not after up to 13 s of lost comments.
        s.delete(held)
        s.flush()
        s.add(IngestLease(**row))
        return None


def seat_id_for_this_run() -> str:
    """A lease seat id: a fresh id, this computer's node id and this process's pid, so that a
    restarted desk on the same computer can tell its dead predecessor's lease."""
    return f"{uuid.uuid4().hex}:{uuid.getnode():012x}:{os.getpid()}"


def _died_on_this_computer(holder_seat: str, my_seat: str) -> bool:
    """Whether ``holder_seat`` is a run on this computer (same node id as ours) whose process
    is gone. Any doubt (an id of another form, another computer, a pid alive or not ours to
    ask) is no: the lease then runs out as usual."""
    try:
        _id, node, pid_text = holder_seat.split(":")
        _my_id, my_node, _my_pid = my_seat.split(":")
        pid = int(pid_text)
    except ValueError:
        return False
    if node != my_node or pid == os.getpid() or pid <= 0 or os.name == "nt":
        return False  # (Windows: os.kill with 0 would end the process, not ask about it)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # alive, another user's
        return False
    return False


def release_lease(db: Database, room: str, me: LeaseSeat) -> None:
    """Give ``room`` back (a clean stop), if it is still ours."""
    with db.transaction() as s:
        s.execute(
            delete(IngestLease).where(
                IngestLease.room == room, IngestLease.holder_seat == me.seat_id
            )
        )


def lease_holders(
    db: Database, rooms: Iterable[str] | None = None, *, local: LocalClock = time.time
) -> dict[str, LeaseHolder]:
    """The rooms whose lease is live now, and who holds each."""
    with db.sessions() as s:
        now = from_epoch(database_epoch(s, local))
        query = select(IngestLease).where(IngestLease.expires_at > now)
        if rooms is not None:
            query = query.where(IngestLease.room.in_(list(rooms)))
        return {row.room: _holder(row) for row in s.scalars(query)}


def _holder(row: IngestLease) -> LeaseHolder:
    return LeaseHolder(row.room, row.holder_seat, row.holder_name, row.host, row.expires_at)
