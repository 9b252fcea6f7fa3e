"""Two real apps, two seats, one PostgreSQL: the hour driven from both (the timer started and
moved on by one, a note from the other, a question put on air by one and answered by the other)
each change showing on the other; killing one loses nothing of the other's.

Each app is a real ``main.py`` process with its control API on loopback; seat B's WebSocket
shows what seat B's window follows (its services re-read what seat A committed, as NOTIFY told
them). Seat A is then killed with SIGKILL mid-session; seat B goes on and its move is stored.
"""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from websockets.sync.client import connect

from studio.cli import main
from studio.domain.model import QuestionStatus
from studio.store import presence
from studio.store.database import open_database
from studio.store.models import AuditEvent, Question

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(url: str, person: str, port: int, data_dir: Path) -> subprocess.Popen:
    data_dir.mkdir()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "main.py", "--db", url, "--seat", person, "--role", "moderator",
         "--api", f"127.0.0.1:{port}", "--exit-after", "150"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def call(port: int, path: str) -> dict:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
            return json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return json.loads(refused.read())


def wait_until_serving(port: int, app: subprocess.Popen, timeout: float = 120) -> dict:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        assert app.poll() is None, app.stderr.read() if app.stderr else "the app quit"
        try:
            status = call(port, "/api/status")
        except OSError:
            time.sleep(0.2)
            continue
        if status.get("timer") is not None:
            return status
        time.sleep(0.2)
    raise AssertionError(f"the app on port {port} did not serve within {timeout} s")


def wait_for_seats(url: str, people: set[str], timeout: float = 60) -> None:
    db = open_database(url)
    try:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            if people <= {s.person for s in presence.list_seats(db) if s.connected}:
                return
            time.sleep(0.2)
        raise AssertionError(f"{people} were not all connected within {timeout} s")
    finally:
        db.close()


def until_message(ws, wanted, timeout: float = 15) -> dict:
    """The first WebSocket message ``wanted`` accepts (bounded)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = json.loads(ws.recv(timeout=max(0.1, deadline - time.monotonic())))
        if message.get("timer") and wanted(message):
            return message
    raise AssertionError("the other seat never showed the change")


def until(condition, timeout: float = 15) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def stop(app: subprocess.Popen) -> None:
    if app.poll() is None:
        app.kill()
    app.wait(timeout=30)
    if app.stderr is not None:
        app.stderr.close()


def test_a_move_on_one_seat_shows_on_the_other_and_killing_one_loses_nothing(
    pg_url, tmp_path, capsys
):
    assert main(["demo", "seed", "--db", pg_url]) == 0
    capsys.readouterr()
    port_a, port_b = free_port(), free_port()
    a = start_app(pg_url, "李明", port_a, tmp_path / "a")
    b = start_app(pg_url, "王芳", port_b, tmp_path / "b")
    try:
        wait_until_serving(port_a, a)
        before = wait_until_serving(port_b, b)
        wait_for_seats(pg_url, {"李明", "王芳"})
        time.sleep(1.0)  # both seats' listeners are up (they start with the presence)
        with connect(f"ws://127.0.0.1:{port_b}/api/ws", open_timeout=10) as ws:
            assert json.loads(ws.recv(timeout=10))["on_air"] == before["on_air"]
            # Seat A starts the hour; seat B's timer follows.
            assert call(port_a, "/api/timer/go")["ok"] is True
            assert until_message(ws, lambda m: m["timer"]["running"])["timer"]["segment_index"] == 0
            # Seat B writes a note to the official; seat A's screen has it.
            assert call(port_b, "/api/screen/note?text=%E8%BF%98%E5%89%A92%E5%88%86%E9%92%9F")["ok"]
            assert until(
                lambda: (call(port_a, "/api/status")["note"] or {}).get("text") == "还剩2分钟"
            )
            # Seat A moves to the next segment; seat B's timer shows it.
            assert call(port_a, "/api/timer/next")["ok"] is True
            assert until_message(ws, lambda m: m["timer"]["segment_index"] == 1)
            # Seat A puts the next queued question on air; seat B's window follows.
            moved = call(port_a, "/api/queue/next")
            assert moved["ok"] is True and moved["on_air"] is not None
            on_air = moved["on_air"]["id"]
            assert on_air != (before["on_air"] or {}).get("id")
            seen = until_message(ws, lambda m: (m.get("on_air") or {}).get("id") == on_air)
            assert "on_air" in seen["events"]
        # Seat A dies mid-session (no clean quit, no drain).
        a.send_signal(signal.SIGKILL)
        a.wait(timeout=30)
        # Seat B goes on: the question A put on air is answered from B, and stored.
        answered = call(port_b, "/api/question/answered")
        assert answered["ok"] is True, answered
    finally:
        stop(a)
        stop(b)
    db = open_database(pg_url)
    try:
        with db.sessions() as s:
            assert s.get(Question, on_air).status == QuestionStatus.ANSWERED
            acts = [
                e.action
                for e in s.query(AuditEvent)
                .filter(AuditEvent.subject == f"question:{on_air}")
                .order_by(AuditEvent.id)
            ]
    finally:
        db.close()
    # Both seats' acts on it are there: A's step on air (before it died), then B's answer.
    assert acts[-2:] == ["question.put_on_air", "question.answer"], acts
