"""The headless commands: database upgrade and info, demo seeding, and their exit codes."""

import json

import pytest

from studio.cli import main


def test_db_upgrade_reports_the_schema(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert main(["db", "upgrade", "--db", url]) == 0
    assert "schema 0001" in capsys.readouterr().out


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
