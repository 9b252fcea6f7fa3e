"""After ``kill -9`` of ``studio ingest``, the frames it recorded are stored on the next start.

Real processes, a real SIGKILL, a real second connection holding the database's write lock
(so that the killed run had recorded frames it could not store), and the Kuaishou
userscript's frames, which carry no ids of their own.
"""

import asyncio
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studio.feed.recording import read_frames, recordings_dir
from studio.feed.userscript import stored_secret
from studio.store.database import open_database
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.fake_capture import UserscriptClient, run_bounded
from tests.helpers.waiting import until

ROOT = Path(__file__).resolve().parents[2]
COMMENTS = 30


@pytest.fixture
def db_file(demo_db_file, tmp_path):
    path = tmp_path / "studio.db"
    shutil.copy(demo_db_file, path)
    return path


def session_of(path: Path) -> int:
    db = open_database(f"sqlite:///{path}")
    try:
        return StudioRepository(db).session_on(DEMO_DAY).id
    finally:
        db.close()


def kuaishou_rows(path: Path, session_id: int) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [
            msg_id
            for (msg_id,) in conn.execute(
                "SELECT q.platform_msg_id FROM question q JOIN room r ON r.id = q.room_id"
                " WHERE q.session_id = ? AND r.platform = 'kuaishou'"
                " AND q.platform_msg_id LIKE 'gov-%' ORDER BY q.id",  # not the demo's own
                (session_id,),
            )
        ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def studio(*args: str) -> list[str]:
    return [sys.executable, "-m", "studio", *args]


def recorded_comments() -> int:
    return sum(
        1
        for path in recordings_dir().glob("session-*.jsonl")
        for _t, _src, raw, _run in read_frames(path)
        if '"comment"' in raw
    )


def test_frames_recorded_by_a_killed_ingest_are_stored_on_the_next_start(db_file):
    session_id = session_of(db_file)
    url, port = f"sqlite:///{db_file}", free_port()
    ingest = subprocess.Popen(
        studio(
            "ingest",
            "--db",
            url,
            "--session",
            str(session_id),
            "--source",
            f"kuaishou-server:127.0.0.1:{port}",
        ),
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lock = None
    try:

        async def feed() -> None:
            nonlocal lock
            client = None
            script_url = f"ws://127.0.0.1:{port}/gov?key={stored_secret()}"
            for _ in range(100):  # until the command listens
                try:
                    client = await UserscriptClient(script_url).__aenter__()
                    break
                except OSError:
                    await asyncio.sleep(0.1)
            assert client is not None
            # Another program now holds the write lock: the run records but cannot store.
            lock = sqlite3.connect(db_file, isolation_level=None)
            lock.execute("BEGIN IMMEDIATE")
            for n in range(COMMENTS):
                await client.comment(f"王阿姨{n}", f"第{n}个问题：暖气什么时候来？")
            await until(lambda: recorded_comments() == COMMENTS, timeout=10)
            await client.__aexit__(None, None, None)

        run_bounded(feed(), timeout=30)
    finally:
        ingest.send_signal(signal.SIGKILL)
        ingest.wait(10)
        if lock is not None:
            lock.execute("ROLLBACK")
            lock.close()
    assert ingest.returncode == -signal.SIGKILL
    assert kuaishou_rows(db_file, session_id) == []  # recorded, never stored

    again = subprocess.run(
        studio(
            "ingest",
            "--db",
            url,
            "--session",
            str(session_id),
            "--source",
            "kuaishou-server:127.0.0.1:0",
            "--until-idle",
            "0.3",
            "--duration",
            "30",
            "--json",
        ),
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["recovered"] == COMMENTS
    stored = kuaishou_rows(db_file, session_id)
    assert len(stored) == COMMENTS == recorded_comments() and len(set(stored)) == COMMENTS

    # The recording is marked stored: a third start replays nothing and stores nothing twice.
    third = subprocess.run(
        studio(
            "ingest",
            "--db",
            url,
            "--session",
            str(session_id),
            "--source",
            "kuaishou-server:127.0.0.1:0",
            "--until-idle",
            "0.3",
            "--json",
        ),
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert third.returncode == 0, third.stderr
    assert json.loads(third.stdout)["recovered"] == 0
    assert kuaishou_rows(db_file, session_id) == stored
