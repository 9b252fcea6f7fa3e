"""The real app in a subprocess: the README's demo command, screenshots, bad input, Ctrl-C."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("prep", "desk", "rig", "referrals", "reports", "official")

pytestmark = pytest.mark.e2e


def run_app(*args: str, data_dir: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_the_demo_runs_exits_cleanly_and_screenshots_every_window(tmp_path, private_data_dir):
    shots = tmp_path / "shots"
    result = run_app(
        "--demo", "--exit-after", "3", "--screenshot", str(shots), data_dir=private_data_dir
    )
    assert result.returncode == 0, result.stderr
    for name in SHOTS:
        image = QImage(str(shots / f"{name}.png"))
        assert not image.isNull(), name
        assert image.width() >= 1200 and image.height() >= 700
        # Real content, not an empty window: many distinct colours.
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        }
        assert len(colours) > 20, name
    official = QImage(str(shots / "official.png"))
    assert (official.width(), official.height()) == (1920, 1080)
    assert "Traceback" not in result.stderr


def test_the_demo_database_is_temporary(tmp_path, private_data_dir):
    result = run_app("--demo", "--exit-after", "1", data_dir=private_data_dir)
    assert result.returncode == 0, result.stderr
    assert not (private_data_dir / "studio.db").exists()


@pytest.mark.parametrize(
    "url",
    ["not-a-url", "postgresql+psycopg://studio@127.0.0.1:1/studio", "sqlite:////no/such/dir/x.db"],
)
def test_a_bad_db_is_one_line_and_exit_code_2(url, private_data_dir):
    result = run_app("--db", url, data_dir=private_data_dir)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("studio: ")
    assert "Traceback" not in result.stderr


def test_help_lists_the_options(private_data_dir):
    result = run_app("--help", data_dir=private_data_dir)
    assert result.returncode == 0
    for option in ("--demo", "--db", "--lang", "--exit-after", "--screenshot"):
        assert option in result.stdout


def test_ctrl_c_quits_cleanly(tmp_path, private_data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_DATA_DIR": str(private_data_dir)}
    process = subprocess.Popen(
        [sys.executable, "main.py", "--demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        log = private_data_dir / "logs" / "studio.log"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and "seeded the demo" not in (
            log.read_text() if log.exists() else ""
        ):
            time.sleep(0.1)
        time.sleep(1.5)
        process.send_signal(signal.SIGINT)
        _out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "Traceback" not in err
