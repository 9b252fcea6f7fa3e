"""Commands given a bad path, id, port, URL or folder say so in one line, never a traceback."""

import os
import socket

import pytest

from studio.cli import main


@pytest.fixture
def url(demo_db_file, tmp_path):
    import shutil

    copy = tmp_path / "studio.db"
    shutil.copy(demo_db_file, copy)
    return f"sqlite:///{copy}"


def run(argv, capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's usage errors
        code = exit_.code
    err = capsys.readouterr().err
    return code, err


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("studio")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("out", "says"),
    [("missing/x.csv", "No such file or directory"), (".", "Is a directory")],
)
def test_out_into_a_missing_folder_or_a_directory(url, tmp_path, capsys, out, says):
    code, err = run(
        ["export", "questions", "--db", url, "--session", "today", "--format", "csv",
         "--out", str(tmp_path / out)], capsys,
    )
    assert code == 1
    assert says in one_line(err)


def test_a_session_id_too_large_for_the_database(url, capsys):
    code, err = run(["timer", "status", "--db", url, "--session", "9" * 23], capsys)
    assert code == 1
    assert "no session with id" in one_line(err)


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("kuaishou-server:127.0.0.1:99999", "out of range"),
        ("barragegrab:ws://[::1", "not a usable URL"),
        ("barragegrab:ws://127.0.0.1:70000", "not a usable URL"),
        ("kuaishou-server:127.0.0.1:-1", "HOST:PORT"),
        ("barragegrab:ws://:8888", "names no host"),
        ("replay:/nonexistent/recording.jsonl", "no recording"),
    ],
)
def test_a_source_that_cannot_work_is_refused_before_anything_starts(url, capsys, source, says):
    code, err = run(
        ["ingest", "--db", url, "--session", "today", "--source", source, "--duration", "1"],
        capsys,
    )
    assert code == 2
    assert says in one_line(err)


def test_a_kuaishou_port_in_use(url, capsys):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        code, err = run(
            ["ingest", "--db", url, "--session", "today",
             "--source", f"kuaishou-server:127.0.0.1:{port}", "--duration", "1"],
            capsys,
        )
    finally:
        taken.close()
    assert code == 1
    assert "in use" in one_line(err)


def test_an_unusable_data_folder(tmp_path, capsys, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("STUDIO_DATA_DIR", str(blocked / "data"))
    monkeypatch.delenv("STUDIO_DB", raising=False)
    code, err = run(["db", "info"], capsys)
    assert code != 0
    assert str(blocked) in one_line(err)
    assert os.path.isfile(blocked)


def test_the_app_with_an_unusable_data_folder(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    done = subprocess.run(
        [sys.executable, "main.py", "--demo", "--exit-after", "1"],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=120,
        env={**os.environ, "STUDIO_DATA_DIR": str(blocked / "data"), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 2
    assert "data folder cannot be used" in one_line(done.stderr)
