"""The headless commands: database upgrade and info, demo seeding, and their exit codes."""

import json

import pytest

from studio.cli import main
from studio.store.database import head_revision


def test_db_upgrade_reports_the_schema(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["db", "upgrade", "--db", url]) == 0
    assert f"schema {head_revision()} (latest {head_revision()})" in capsys.readouterr().out


def test_demo_seed_then_info(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["demo", "seed", "--db", url, "--today", "2026-11-26"]) == 0
    capsys.readouterr()
    assert main(["db", "info", "--db", url, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["units"] >= 18 and info["rooms"] == 2 and info["phones"] == 2
    assert main(["demo", "seed", "--db", url]) == 1
    assert "already holds" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["garbage", "postgresql+psycopg://u@127.0.0.1:1/x"])
def test_a_bad_database_is_exit_code_2_with_one_line(url, capsys):
    assert main(["db", "info", "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("studio: ") and err.count("\n") == 1


@pytest.fixture
def demo_url(tmp_path):
    import datetime as dt

    url = f"sqlite:///{tmp_path / 'timer.db'}"
    assert main(["demo", "seed", "--db", url, "--today", dt.date.today().isoformat()]) == 0
    return url


def test_timer_commands_drive_and_report_the_clock(demo_url, capsys):
    capsys.readouterr()
    assert main(["timer", "status", "--db", demo_url, "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    assert before["running"] is False and before["segment_index"] == 0
    for args in (["go"], ["add", "30"], ["next"], ["pause"]):
        assert main(["timer", *args, "--db", demo_url, "--session", "today"]) == 0
    capsys.readouterr()
    assert main(["timer", "status", "--db", demo_url, "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    keys = {
        "session_id", "running", "paused", "segment_index", "segment_title", "phase", "elapsed_s",
        "remaining_s", "session_elapsed_s", "expected_end", "late_by_s",
    }  # fmt: skip
    assert keys <= status.keys()
    assert status["paused"] is True and status["running"] is False
    assert (status["segment_index"], status["segment_title"]) == (1, "政策解读")
    assert status["remaining_s"] == pytest.approx(720 - status["elapsed_s"])
    assert dt_from_iso(status["expected_end"]).tzinfo is not None


def dt_from_iso(text):
    import datetime as dt

    return dt.datetime.fromisoformat(text)


def test_a_refused_timer_command_says_why_with_exit_code_1(demo_url, capsys):
    assert main(["timer", "pause", "--db", demo_url]) == 1
    assert "timer:" in capsys.readouterr().err
    assert main(["timer", "next", "--db", demo_url]) == 1
    assert "timer:" in capsys.readouterr().err


def test_a_missing_session_is_exit_code_1(demo_url, capsys):
    assert main(["timer", "status", "--db", demo_url, "--session", "424242"]) == 1
    assert "no session" in capsys.readouterr().err
    assert main(["timer", "status", "--db", demo_url, "--session", "yesterday"]) == 1


def test_timer_actuals_writes_a_csv_with_a_bom(demo_url, tmp_path):
    assert main(["timer", "go", "--db", demo_url]) == 0
    out = tmp_path / "actuals.csv"
    assert main(["timer", "actuals", "--db", demo_url, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert "开场" in out.read_text(encoding="utf-8-sig")
