"""A kill -9 of the app mid-session, then a restart: the timer resumes within a second of the truth.

The truth is the clock derived from the database by the domain at the instant the restarted
app logged where it resumed; the app's own figure must match it on segment, pause state and
added time, and on remaining time within one second.
"""

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.domain import rundown_clock as clock
from studio.store.database import open_database
from studio.store.timer_store import load_timer

ROOT = Path(__file__).resolve().parents[2]
RESUMED = re.compile(
    r"^(?P<at>\S+ \S+) INFO studio\.services\.timer: timer of session (?P<session>\d+) resumed: "
    r"version=(?P<version>\d+) segment=(?P<segment>\d+) remaining_s=(?P<remaining>-?[\d.]+) "
    r"paused=(?P<paused>\w+) started=\w+ ended=\w+ added_s=(?P<added>-?\d+)$",
    re.M,
)
pytestmark = pytest.mark.e2e


def cli(url: str, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "studio", "timer", *args, "--db", url, "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)


class App:
    """The real app in a subprocess, on a given database and data dir."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.log = data_dir / "logs" / "studio.log"
        self.seen = self.log.read_text(encoding="utf-8") if self.log.exists() else ""
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_DATA_DIR": str(data_dir)}
        self.process = subprocess.Popen(
            # A seat named on the command line: no start dialog asks for one.
            [sys.executable, "main.py", "--db", url, "--seat", "e2e", "--role", "moderator"],
            cwd=ROOT, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def new_log(self) -> str:
        text = self.log.read_text(encoding="utf-8") if self.log.exists() else ""
        return text[len(self.seen) :]

    def wait_for(self, pattern: str | re.Pattern[str], timeout: float = 30.0) -> re.Match[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            compiled = pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.M)
            match = compiled.search(self.new_log())
            if match:
                return match
            assert self.process.poll() is None, "the app exited"
            time.sleep(0.05)
        raise AssertionError(f"{pattern} not logged within {timeout} s")

    def kill_hard(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)


def check_resumed_like_the_truth(url: str, match: re.Match[str]) -> None:
    logged_at = dt.datetime.strptime(match["at"], "%Y-%m-%d %H:%M:%S,%f").timestamp()
    db = open_database(url)
    try:
        snapshot = load_timer(db, int(match["session"]))
    finally:
        db.close()
    assert int(match["version"]) == snapshot.version
    truth = clock.reading(snapshot.state, snapshot.rundown, logged_at)
    assert int(match["segment"]) == truth.segment_index
    assert (match["paused"] == "True") == truth.paused
    assert int(match["added"]) == snapshot.state.added_for(truth.segment_index)
    assert abs(float(match["remaining"]) - truth.remaining_s) < 1.0


def test_kill_9_mid_session_then_restart_resumes_the_timer(tmp_path, private_data_dir):
    url = f"sqlite:///{tmp_path / 'studio.db'}"
    subprocess.run(
        [sys.executable, "-m", "studio", "demo", "seed", "--db", url], cwd=ROOT, check=True,
        capture_output=True, timeout=60,
    )  # fmt: skip
    cli(url, "go")
    cli(url, "add", "45")
    cli(url, "next")

    app = App(url, private_data_dir)
    try:
        app.wait_for(r"timer of session \d+ resumed: version=3 ")
        # Changed from another process while the app runs: it follows within a second.
        cli(url, "pause")
        cli(url, "add", "20")
        app.wait_for(r"timer changed outside this window \(version 5\)", timeout=5)
        time.sleep(1.2)  # let time pass while paused: it must not count
        cli(url, "resume")
        app.wait_for(r"timer changed outside this window \(version 6\)", timeout=5)
        time.sleep(0.5)
    finally:
        app.kill_hard()

    time.sleep(1.0)  # the app is dead; the clock runs on in the database's facts
    restarted = App(url, private_data_dir)
    try:
        match = restarted.wait_for(RESUMED)
        assert match["paused"] == "False" and match["segment"] == "1" and match["added"] == "20"
        check_resumed_like_the_truth(url, match)
        cli(url, "pause")
        restarted.wait_for(r"timer changed outside this window \(version 7\)", timeout=5)
    finally:
        restarted.kill_hard()

    again = App(url, private_data_dir)
    try:
        match = again.wait_for(RESUMED)
        assert match["paused"] == "True"
        check_resumed_like_the_truth(url, match)
    finally:
        again.kill_hard()
