"""The change listener: it hears other connections' commits (never before they commit), says
when it is offline, comes back with backoff and asks for the catch-up read."""

import subprocess
import sys
import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import text

from studio.store.changes import ChangeCursor, latest_revision
from studio.store.database import open_database, parse_url
from studio.store.listen import ChangeListener, revision_of

LISTENER = "application_name = 'studio change listener'"


class Heard:
    """What a listener reported, thread-safe, with bounded waits."""

    def __init__(self) -> None:
        self.hints: list[int] = []
        self.states: list[bool] = []
        self._changed = threading.Condition()

    def hint(self, revision: int) -> None:
        with self._changed:
            self.hints.append(revision)
            self._changed.notify_all()

    def online(self, up: bool) -> None:
        with self._changed:
            self.states.append(up)
            self._changed.notify_all()

    def wait(self, condition: Callable[[], object], timeout: float = 20.0) -> None:
        with self._changed:
            assert self._changed.wait_for(condition, timeout), "not heard in time"


@pytest.fixture
def listening(request):
    """Start a listener on a database; stopped (promptly) after the test."""
    started: list[ChangeListener] = []

    def start(db, **kw) -> Heard:
        heard = Heard()
        listener = ChangeListener(db.url, hint=heard.hint, online=heard.online, **kw)
        listener.start()
        started.append(listener)
        heard.wait(lambda: heard.states == [True] and heard.hints == [0])
        return heard

    yield start
    for listener in started:
        assert listener.stop(timeout_s=5.0)


UNIT_ROW = (
    "INSERT INTO unit (name, short_name, kind, routing_keywords, retired) "
    "VALUES (:n, 'x', 'department', '', false)"
)


def write_topic(db, name: str) -> None:
    with db.transaction() as s:
        s.execute(text(UNIT_ROW), {"n": name})


def test_the_payload_names_the_revision():
    assert revision_of("question:12:345") == 345
    assert revision_of("question::345") == 345
    assert revision_of("garbled") == 0


def test_a_commit_on_another_connection_is_heard_and_nothing_before_it(pg_db, listening):
    heard = listening(pg_db)
    with pg_db.engine.connect() as other:
        other.begin()
        other.execute(text(UNIT_ROW), {"n": "民政局"})
        time.sleep(0.5)  # a notify would have arrived by now; NOTIFY waits for the commit
        assert heard.hints == [0]
        other.commit()
    heard.wait(lambda: len(heard.hints) == 2)
    assert heard.hints[1] == latest_revision(pg_db)


def test_a_killed_listening_connection_comes_back_and_the_reader_catches_up(
    pg_cluster, pg_db, listening
):
    heard = listening(pg_db)
    cursor = ChangeCursor(revision=latest_revision(pg_db))
    database = pg_db.url.database
    # Keep it out while something changes, so the change is certainly missed by the channel.
    pg_cluster.sql(f"ALTER DATABASE {database} ALLOW_CONNECTIONS false")
    try:
        pg_cluster.sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE {LISTENER}")
        heard.wait(lambda: heard.states == [True, False])
        write_topic(pg_db, "城管局")  # the pool's connection was open already
    finally:
        pg_cluster.sql(f"ALTER DATABASE {database} ALLOW_CONNECTIONS true")
    heard.wait(lambda: heard.states == [True, False, True])
    heard.wait(lambda: heard.hints[-1] == 0 and len(heard.hints) >= 2)  # "read: catch up"
    missed, _more = cursor.read(pg_db)
    assert [c.kind for c in missed] == ["unit"]


def test_a_restarted_server_is_followed_again(pg_cluster, pg_db, listening):
    heard = listening(pg_db)
    cursor = ChangeCursor(revision=latest_revision(pg_db))
    pg_cluster.restart()
    heard.wait(lambda: heard.states[-2:] == [False, True])
    write_topic(pg_db, "农牧局")
    heard.wait(lambda: heard.hints[-1] > 0)
    assert [c.kind for c in cursor.read(pg_db)[0]] == ["unit"]


def test_sqlite_hears_another_process_commit(tmp_path, listening):
    db = open_database(f"sqlite:///{tmp_path / 'studio.db'}")
    try:
        heard = listening(db)
        write = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute(\"INSERT INTO unit (name, short_name, kind, routing_keywords, retired) "
            "VALUES ('民政局', '民政', 'department', '', 0)\"); c.commit()"
        )
        subprocess.run(
            [sys.executable, "-c", write, str(tmp_path / "studio.db")], check=True, timeout=30
        )
        heard.wait(lambda: len(heard.hints) >= 2)
        changes = ChangeCursor(revision=0).read(db)[0]
        assert [(c.kind, c.op) for c in changes] == [("unit", "i")]
    finally:
        db.close()


def test_an_unreachable_server_is_offline_and_stops_promptly():
    heard = Heard()
    url = parse_url("postgresql+psycopg://studio@/x?host=/nonexistent")
    listener = ChangeListener(url, hint=heard.hint, online=heard.online)
    listener.start()
    heard.wait(lambda: heard.states == [False])
    assert listener.stop(timeout_s=5.0)
    assert heard.hints == []
