"""The real app as a seat: listed as connected while it runs, as left once it quits cleanly."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from studio.cli import main
from studio.store import presence
from studio.store.database import open_database

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e


def connected_seats(url: str, timeout: float = 120) -> list:
    """The connected seats, once there is one (bounded)."""
    db = open_database(url)
    try:
        start = time.monotonic()
        while time.monotonic() - start < timeout:
            seats = [s for s in presence.list_seats(db) if s.connected]
            if seats:
                return seats
            time.sleep(0.2)
        return []
    finally:
        db.close()


def test_an_app_is_listed_while_it_runs_and_as_left_after_a_clean_quit(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'studio.db'}"
    assert main(["demo", "seed", "--db", url]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_DATA_DIR": str(tmp_path)}
    app = subprocess.Popen(
        [sys.executable, "main.py", "--db", url, "--seat", "王芳", "--role", "operator",
         "--exit-after", "8"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        seen = connected_seats(url)
        _out, err = app.communicate(timeout=120)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait(timeout=30)
    assert [(s.person, s.role.value, s.pid) for s in seen] == [("王芳", "operator", app.pid)]
    assert app.returncode == 0, err
    capsys.readouterr()
    assert main(["seats", "--db", url, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["connected"] == []
    assert [(s["person"], s["closed_at"] is not None) for s in listed["left"]] == [("王芳", True)]
