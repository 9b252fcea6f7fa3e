"""Who is blocked, as the feed asks it for every comment: cheap, and fresh within seconds."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from studio.domain.model import Platform
from studio.store import blocks
from studio.store.database import Database

REFRESH_S = 2.0


class BlockList:
    """Answers ``(platform, room identity, author id) → blocked?`` for one session.

    The feed calls it from its worker thread for each comment; the blocked pairs are read
    again at most every ``REFRESH_S`` seconds (or at once after :meth:`invalidate`), so a
    block pressed on the desk hides the author's next comments within a couple of seconds.
    """

    def __init__(
        self, db: Database, session_id: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._db = db
        self._session_id = session_id
        self._clock = clock
        self._lock = threading.Lock()
        self._read_at = -REFRESH_S
        self._blocked: frozenset[tuple[int, str]] = frozenset()
        self._rooms: dict[tuple[str, str], int] = {}

    def invalidate(self) -> None:
        with self._lock:
            self._read_at = -REFRESH_S

    def __call__(self, platform: Platform, room_key: str, author_id: str) -> bool:
        with self._lock:
            if self._clock() - self._read_at >= REFRESH_S:
                self._read()
            room_id = self._rooms.get((str(platform), room_key))
            return room_id is not None and (room_id, author_id) in self._blocked

    def _read(self) -> None:
        self._blocked = blocks.blocked_authors(self._db, self._session_id)
        if self._blocked:
            self._rooms = blocks.room_ids(self._db)
        self._read_at = self._clock()
