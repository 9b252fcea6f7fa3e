"""The database's clock: the one the studio is timed by when several seats share a server.

On PostgreSQL "now" is the server's clock (``clock_timestamp()``), read in the transaction that
uses it, so seats whose PCs disagree about the time still agree about the show. On SQLite the
database is on this PC and its clock is this PC's (the ``local`` clock passed in).
A seat shows readings by its own clock corrected by the measured offset to the server's
(:func:`measure_offset`; ``studio.services.server_clock`` keeps it measured).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session as OrmSession

from studio.store.database import Database

LocalClock = Callable[[], float]


def on_server(s: OrmSession | Connection) -> bool:
    """True when the database is a server with a clock of its own (PostgreSQL)."""
    bind = s.get_bind() if isinstance(s, OrmSession) else s
    return bind.dialect.name == "postgresql"


def database_epoch(s: OrmSession | Connection, local: LocalClock = time.time) -> float:
    """Now as epoch seconds by the database's clock: PostgreSQL's, read in ``s``'s
    transaction; on SQLite ``local()``."""
    if not on_server(s):
        return local()
    value = s.execute(text("SELECT EXTRACT(EPOCH FROM clock_timestamp())")).scalar_one()
    return float(value)


@dataclass(frozen=True)
class ClockOffset:
    """The server's clock minus this PC's, and the round trip of the sample it comes from."""

    offset_s: float
    round_trip_s: float


def measure_offset(db: Database, local: LocalClock = time.time, samples: int = 5) -> ClockOffset:
    """The offset of the database's clock to ``local``, from the sample with the shortest
    round trip (the one least blurred by the network). 0 on SQLite. Blocking."""
    with db.engine.connect() as connection:
        if not on_server(connection):
            return ClockOffset(0.0, 0.0)
        best: ClockOffset | None = None
        for _sample in range(max(1, samples)):
            sent = local()
            server = database_epoch(connection, local)
            back = local()
            # The server read its clock somewhere in the round trip: assume the middle.
            sample = ClockOffset(server - (sent + back) / 2, back - sent)
            if best is None or sample.round_trip_s < best.round_trip_s:
                best = sample
            connection.rollback()
        assert best is not None
        return best
