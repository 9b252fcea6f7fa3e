"""A damaged page in the question table is found at start, in one line."""

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studio.store.database import DatabaseProblem, open_database

ROOT = Path(__file__).resolve().parents[2]


def damage_question_table(path: Path) -> None:
    """Overwrite the middle of the question table's first page with noise."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'question'"
        ).fetchone()[0]
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xff\x00\x13" * (page_size // 6))


@pytest.fixture
def damaged(demo_db_file, tmp_path) -> Path:
    copy = tmp_path / "damaged.db"
    shutil.copy(demo_db_file, copy)
    damage_question_table(copy)
    return copy


def test_opening_for_the_app_finds_the_damage(damaged):
    with pytest.raises(DatabaseProblem, match="damaged") as raised:
        open_database(f"sqlite:///{damaged}", check=True)
    assert "\n" not in str(raised.value)


def test_an_intact_database_passes_the_check(demo_db_file, tmp_path):
    copy = tmp_path / "intact.db"
    shutil.copy(demo_db_file, copy)
    open_database(f"sqlite:///{copy}", check=True).close()


def test_the_app_and_db_info_say_so_in_one_line(damaged):
    for command in (
        [sys.executable, "main.py", "--db", f"sqlite:///{damaged}", "--exit-after", "1"],
        [sys.executable, "-m", "studio", "db", "info", "--db", f"sqlite:///{damaged}"],
    ):
        done = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=120,
            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert done.returncode == 2
        lines = [line for line in done.stderr.splitlines() if line.startswith("studio:")]
        assert len(lines) == 1 and "damaged" in lines[0], done.stderr
        assert "Traceback" not in done.stderr
