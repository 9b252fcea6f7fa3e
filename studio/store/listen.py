"""Hearing other seats' commits: a thread that LISTENs on PostgreSQL or watches a SQLite file.

The listener only says *that* something changed (and, on PostgreSQL, up to which revision); the
reader then reads ``change_log`` since its last revision. So a notify lost while disconnected,
collapsed by the server or cut short costs nothing: on every (re)connection the listener asks
for a read, which catches up with everything committed meanwhile.

It runs in its own thread on psycopg's *blocking* API, on a dedicated autocommit connection
(not SQLAlchemy's pool, whose connections come and go): no asyncio, so it works the same under
qasync on Windows, where psycopg's async mode would need a selector event loop that qasync's
proactor loop is not. On SQLite there is no server: a dedicated ``sqlite3`` connection polls
``PRAGMA data_version`` (it changes when another connection commits; a cheap read).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.engine import URL

from studio.store.change_triggers import CHANNEL

log = logging.getLogger(__name__)

FIRST_BACKOFF_S = 0.5
MAX_BACKOFF_S = 10.0
#: How often the listening thread looks up from waiting (to stop, or to beat the heart).
WAKE_S = 0.25
#: Silence after which the PostgreSQL connection is checked with a query: a cable pulled sends
#: no error, and keep-alives alone take longer to notice it.
HEARTBEAT_S = 5.0
SQLITE_POLL_S = 0.1


def revision_of(payload: str) -> int:
    """The revision in a notify's payload ``kind:row_id:revision`` (0 when unreadable: the
    reader then reads anyway)."""
    tail = payload.rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def libpq_conninfo(url: URL) -> str:
    """The libpq connection string of a SQLAlchemy PostgreSQL URL (psycopg's own driver)."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    """Calls ``hint(revision)`` when another connection committed a change, from its own thread.

    ``hint(0)`` means "something may have changed: read". ``online(bool)`` says when the
    listening connection is lost and found again; after it is found, a ``hint(0)`` follows so
    the reader catches up with what was committed while it was away. Reconnects with backoff
    (0.5 s doubling to 10 s).

    Args:
        url: the database's URL (PostgreSQL or a SQLite file).
        hint: called with a revision (or 0) after commits of other connections.
        online: called with False when the connection is lost, True when it is (again) up.
    """

    def __init__(
        self,
        url: URL,
        *,
        hint: Callable[[int], None],
        online: Callable[[bool], None],
        sqlite_poll_s: float = SQLITE_POLL_S,
    ) -> None:
        self._url = url
        self._hint = hint
        self._online = online
        self._sqlite_poll_s = sqlite_poll_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._is_online: bool | None = None
        self._connection: Any = None

    @property
    def is_postgresql(self) -> bool:
        return self._url.get_backend_name() == "postgresql"

    def start(self) -> None:
        """Start listening (nothing to follow in a SQLite database in memory)."""
        if self._thread is not None:
            return
        if not self.is_postgresql and self._url.database in (None, "", ":memory:"):
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="change listener", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 2.0) -> bool:
        """Stop listening; returns whether the thread ended within ``timeout_s``."""
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is None:
            return True
        thread.join(timeout_s)
        if thread.is_alive():
            log.warning("the change listener did not stop within %.1f s", timeout_s)
            return False
        return True

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the thread ------------------------------------------------------------------------
    def _run(self) -> None:
        listen = self._listen_postgresql if self.is_postgresql else self._watch_sqlite
        backoff = FIRST_BACKOFF_S
        while not self._stop.is_set():
            try:
                listen()
                return  # stopped while connected
            except _Connected as lost:
                log.info("change listener lost its connection: %s", _one_line(lost.__cause__))
                backoff = FIRST_BACKOFF_S  # it was up: start the next wait short again
            except Exception as error:  # the server went away, the file became unreadable …
                log.info("change listener: %s", _one_line(error))
            self._report(False)
            if self._stop.wait(backoff):
                return
            backoff = min(backoff * 2, MAX_BACKOFF_S)

    def _report(self, online: bool) -> None:
        if self._is_online is online:
            return
        self._is_online = online
        log.info("change listener %s", "online" if online else "offline")
        self._safe(self._online, online)

    def _safe(self, callback: Callable[[Any], None], value: object) -> None:
        try:
            callback(value)
        except Exception:  # a receiver's failure must not end the listening
            log.exception("change listener callback failed")

    def _listen_postgresql(self) -> None:
        import psycopg

        with self._tracked(
            psycopg.connect(
                libpq_conninfo(self._url),
                autocommit=True,
                connect_timeout=5,
                keepalives=1,
                keepalives_idle=5,
                keepalives_interval=2,
                keepalives_count=3,
                application_name="studio change listener",
            )
        ) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            self._came_up()
            quiet_since = time.monotonic()
            try:
                while not self._stop.is_set():
                    # Each notify at once (the reader skips revisions it has read already).
                    for notify in connection.notifies(timeout=WAKE_S):
                        self._safe(self._hint, revision_of(notify.payload))
                        quiet_since = time.monotonic()
                        if self._stop.is_set():
                            break
                    if time.monotonic() - quiet_since > HEARTBEAT_S:
                        connection.execute("SELECT 1")
                        quiet_since = time.monotonic()
            except Exception as error:
                raise _Connected(error) from error

    def _watch_sqlite(self) -> None:
        path = self._url.database or ""
        with self._tracked(sqlite3.connect(path, timeout=1.0)) as connection:
            version = connection.execute("PRAGMA data_version").fetchone()[0]
            self._came_up()
            try:
                while not self._stop.wait(self._sqlite_poll_s):
                    now = connection.execute("PRAGMA data_version").fetchone()[0]
                    if now != version:
                        version = now
                        self._safe(self._hint, 0)
            except Exception as error:
                raise _Connected(error) from error

    def _came_up(self) -> None:
        self._report(True)
        self._safe(self._hint, 0)  # catch up with what was committed while away

    @contextmanager
    def _tracked(self, connection: Any) -> Iterator[Any]:
        self._connection = connection
        try:
            yield connection
        finally:
            self._connection = None
            try:
                connection.close()
            except Exception:  # already broken
                log.debug("closing the listening connection failed", exc_info=True)


class _Connected(Exception):
    """The connection was up, then failed: reconnect after the first, short wait."""


def _one_line(error: BaseException | None) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
