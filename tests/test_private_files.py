"""What holds viewers' words — the database, logs, recordings — is readable by its owner only."""

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from studio.crash import CrashHandler
from studio.feed.recording import SessionRecorder, recording_path
from studio.logs import configure_logging
from studio.store.database import open_database

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask most systems use (group and others may read), so our modes are what we set."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture
def new_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "home" / "StudioDesk"  # not there yet: the app creates it
    monkeypatch.setenv("STUDIO_DATA_DIR", str(data))
    return data


def test_a_new_database_and_its_wal_and_shm_are_owner_only(usual_umask, tmp_path):
    path = tmp_path / "studio.db"
    db = open_database(f"sqlite:///{path}")
    try:
        with db.engine.begin() as connection:
            connection.execute(text("CREATE TABLE probe (x INTEGER)"))
        wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
        assert wal.exists() and shm.exists()
        assert {p.name: _mode(p) for p in (path, wal, shm)} == {
            "studio.db": 0o600,
            "studio.db-wal": 0o600,
            "studio.db-shm": 0o600,
        }
    finally:
        db.engine.dispose()


def test_logs_and_their_folders_are_owner_only_also_after_a_rollover(usual_umask, new_data_dir):
    log_path = configure_logging()
    handler = CrashHandler(lambda _s: None, on_interrupt=lambda: None)
    handler.install()
    handler.uninstall()
    logging.getLogger("studio.test").warning("a viewer wrote 13812345678")
    assert _mode(new_data_dir) == 0o700
    assert _mode(log_path.parent) == 0o700
    assert _mode(log_path) == 0o600
    assert _mode(log_path.parent / "fault.log") == 0o600
    rotating = next(
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler)
        and h.baseFilename == str(log_path.absolute())
    )
    rotating.doRollover()
    assert _mode(log_path) == 0o600
    assert _mode(log_path.with_name("studio.log.1")) == 0o600
    for h in list(logging.getLogger().handlers):
        if getattr(h, "_studio", False):
            logging.getLogger().removeHandler(h)
            h.close()


def test_recordings_are_owner_only(usual_umask, new_data_dir):
    recorder = SessionRecorder(recording_path(7))
    recorder.append("barragegrab", '{"Content": "13812345678"}', 1_700_000_000.0)
    recorder.close()
    assert _mode(recorder.path.parent) == 0o700
    assert _mode(recorder.path) == 0o600
