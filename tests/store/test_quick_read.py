"""The command line's read-only fast path: the same timer status as the normal path, from the
standard library alone, and the normal path whenever the file is not exactly this version's."""

import json
import sqlite3
import subprocess
import sys

import pytest

from studio.domain import rundown_clock as clock
from studio.domain.timer_status import status_of
from studio.quick_status import run_quick_status
from studio.store.database import head_revision
from studio.store.quick_read import NotQuick, read_timer, sqlite_file
from studio.store.repository import StudioRepository
from studio.store.schema_head import HEAD
from studio.store.timer_store import change_timer, load_timer, timer_status
from tests.conftest import DEMO_DAY

pytestmark = pytest.mark.sqlite_only

NOW = 1_800_000_000.0


def test_the_head_constant_is_alembic_s_head():
    assert head_revision() == HEAD


def both(db, session="today"):
    """The status as the normal path and as the fast path compute it, at the same instant."""
    snapshot = load_timer(db, StudioRepository(db).session_on(DEMO_DAY).id)
    session_id, rundown, state = read_timer(sqlite_file(str(db.url)), session, DEMO_DAY)
    normal = json.dumps(timer_status(snapshot, NOW), ensure_ascii=False)
    quick = json.dumps(status_of(session_id, rundown, state, NOW), ensure_ascii=False)
    return normal, quick


def test_both_paths_give_the_same_json_on_the_demo(demo_db):
    normal, quick = both(demo_db)
    assert quick == normal and '"started": false' in quick
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    for change, at in ((clock.go, NOW - 200), (clock.next_segment, NOW - 50)):
        change_timer(demo_db, session_id, change, action="test", seat="test", now=lambda at=at: at)
    normal, quick = both(demo_db, str(session_id))
    assert quick == normal
    status = json.loads(quick)
    assert (status["running"], status["segment_index"], status["elapsed_s"]) == (True, 1, 50.0)


def test_the_command_prints_what_the_full_command_line_prints(demo_db, tmp_path):
    """In fresh interpreters: the fast path imports neither SQLAlchemy, Alembic nor Qt, and
    prints the keys and session the full command line prints (``--lang`` sends it there)."""
    url = str(demo_db.url)
    demo_db.close()
    probe = (
        "import sys; from studio.api_client import run; code = run(sys.argv[1:]); "
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'alembic', "
        "'PySide6'}); print(code, heavy, file=sys.stderr)"
    )
    argv = ["timer", "status", "--db", url, "--session", "today", "--json"]
    env = {"STUDIO_TZ": "Asia/Shanghai", "STUDIO_DATA_DIR": str(tmp_path), "PATH": ""}
    quick = subprocess.run(
        [sys.executable, "-c", probe, *argv], capture_output=True, text=True, env=env, check=True
    )
    assert quick.stderr.strip() == "0 []"
    full = subprocess.run(
        [sys.executable, "-c", probe, "--lang", "en", *argv],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert full.stderr.startswith("0 ") and "'alembic'" in full.stderr  # the normal path
    fast, slow = json.loads(quick.stdout), json.loads(full.stdout)
    assert list(fast) == list(slow)
    moving = {"elapsed_s", "session_elapsed_s", "remaining_s", "late_by_s", "expected_end"}
    assert {k: v for k, v in fast.items() if k not in moving} == {
        k: v for k, v in slow.items() if k not in moving
    }


def test_anything_unusual_takes_the_normal_path(demo_db, tmp_path):
    url = str(demo_db.url)
    path = sqlite_file(url)
    for session in ("999999", "x", "-1"):
        with pytest.raises(NotQuick):
            read_timer(path, session, DEMO_DAY)
    for other in ("postgresql+psycopg://u@h/db", "sqlite://", f"{url}?timeout=1",
                  f"sqlite:///{tmp_path / 'none.db'}"):
        with pytest.raises(NotQuick):
            sqlite_file(other)
    # Commands the fast path does not answer.
    for argv in (
        ["timer", "status", "--db", url],  # not --json: worded in the person's language
        ["timer", "go", "--db", url, "--json"],
        ["timer", "status", "--db=" + url, "--json"],
        ["--lang", "en", "timer", "status", "--db", url, "--json"],
    ):
        assert run_quick_status(argv) is None
    # A schema to migrate: the normal path migrates it first.
    demo_db.close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '0014'")
    raw.close()
    with pytest.raises(NotQuick):
        read_timer(path, "today", DEMO_DAY)
    assert run_quick_status(["timer", "status", "--db", url, "--json"]) is None
