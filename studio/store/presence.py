"""Who is connected: each running app's row in ``seat_presence``, its heartbeat, and the list.

Times come from the database server's clock on PostgreSQL (``now()``), so computers whose clocks
disagree still agree on who is connected; SQLite serves one computer, whose clock it uses.
Blocking: call from worker threads.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session as OrmSession

from studio.domain.seats import (
    CONNECTED_WITHIN_S,
    PresentSeat,
    Seat,
    SeatRole,
    is_connected,
    person_name,
)
from studio.domain.studio_time import now_instant
from studio.store.database import Database
from studio.store.models import SeatPresence

#: Seats that left (or went silent) this long ago are still listed as "left recently".
LEFT_WITHIN_S = 3600.0
#: Rows older than this are removed when a seat starts (the table stays small).
KEPT_DAYS = 30


def _now(s: OrmSession) -> Any:
    """Now as the stored form (naive UTC): the server's clock on PostgreSQL, else ours."""
    if s.get_bind().dialect.name == "postgresql":
        return func.timezone("UTC", func.now())
    return now_instant()


def server_now(db: Database) -> dt.datetime:
    """The database's now (naive UTC): the server's clock on PostgreSQL, this computer's else."""
    with db.sessions() as s:
        return server_now_in(s)


def register_seat(db: Database, seat: Seat, *, host: str, pid: int) -> int:
    """Say that ``seat`` started on ``host`` (process ``pid``); returns its presence id."""
    with db.transaction() as s:
        now = _now(s)
        row = SeatPresence(
            name=person_name(seat.person),
            role=seat.role.value,
            host=host[:120],
            pid=pid,
            started_at=now,
            last_seen=now,
        )
        s.add(row)
        s.flush()
        cutoff = server_now_in(s) - dt.timedelta(days=KEPT_DAYS)
        s.execute(delete(SeatPresence).where(SeatPresence.last_seen < cutoff))
        return row.id


def server_now_in(s: OrmSession) -> dt.datetime:
    """:func:`server_now` inside an open session."""
    now = _now(s)
    if isinstance(now, dt.datetime):
        return now
    value = s.scalar(select(now))
    assert isinstance(value, dt.datetime)
    return value


def heartbeat(db: Database, presence_id: int) -> bool:
    """The seat is still there (its last heartbeat is now); False when its row is gone or was
    closed (the caller registers again)."""
    with db.transaction() as s:
        done = s.execute(
            update(SeatPresence)
            .where(SeatPresence.id == presence_id, SeatPresence.closed_at.is_(None))
            .values(last_seen=_now(s))
        )
        return bool(getattr(done, "rowcount", 0))


def close_seat(db: Database, presence_id: int) -> None:
    """The seat quit cleanly: it is listed as left from now on."""
    with db.transaction() as s:
        now = _now(s)
        s.execute(
            update(SeatPresence)
            .where(SeatPresence.id == presence_id, SeatPresence.closed_at.is_(None))
            .values(closed_at=now, last_seen=now)
        )


def list_seats(db: Database, *, left_within_s: float = LEFT_WITHIN_S) -> list[PresentSeat]:
    """The seats connected now (a heartbeat within :data:`CONNECTED_WITHIN_S`), then those that
    quit or went silent within ``left_within_s``; the most recently seen first in each."""
    with db.sessions() as s:
        now = server_now_in(s)
        since = now - dt.timedelta(seconds=max(left_within_s, CONNECTED_WITHIN_S))
        rows = s.scalars(
            select(SeatPresence)
            .where(SeatPresence.last_seen >= since)
            .order_by(SeatPresence.last_seen.desc(), SeatPresence.id.desc())
        ).all()
        seats = [
            PresentSeat(
                id=row.id,
                person=row.name,
                role=_role(row.role),
                host=row.host,
                pid=row.pid,
                started_at=row.started_at,
                last_seen=row.last_seen,
                closed_at=row.closed_at,
                connected=is_connected(row.last_seen, row.closed_at, now),
            )
            for row in rows
        ]
    return sorted(seats, key=lambda seat: not seat.connected)  # stable: recency kept


def _role(text: str) -> SeatRole:
    try:
        return SeatRole(text)
    except ValueError:  # written by a newer version: shown as watching
        return SeatRole.VIEWER
