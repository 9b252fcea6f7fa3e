"""Shared fixtures: offscreen Qt, a private data dir, a qasync loop per test, a fresh database."""

import asyncio
import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt or adbutils: no display, and never start a real adb server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["ADBUTILS_ADB_PATH"] = "/bin/false"
# The command line's human output in English unless a test asks for Chinese (--lang zh_CN).
os.environ["STUDIO_LANG"] = "en"


@pytest.fixture(autouse=True)
def private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Keep logs, settings and default databases of every test out of the user's home."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("STUDIO_DATA_DIR", str(data))
    return data


@pytest.fixture
def event_loop_qt(qapp) -> Iterator[asyncio.AbstractEventLoop]:
    """A qasync loop on the test's QApplication, current for the test and closed afterwards."""
    import qasync

    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        # Free the loop's Qt objects now, on this thread: collected later in a worker thread
        # they would leave Qt a dangling timer.
        gc.collect()


DEMO_DAY = __import__("datetime").date(2026, 11, 26)  # a Thursday, a working day


@pytest.fixture
def fresh_db(tmp_path: Path):
    """An empty, migrated SQLite database in the test's temp dir."""
    from studio.store.database import open_database

    db = open_database(f"sqlite:///{tmp_path / 'studio.db'}")
    yield db
    db.close()


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo studio seeded once per test run; tests copy it rather than change it."""
    from studio.store.database import open_database
    from studio.store.demo import seed_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(f"sqlite:///{path}")
    assert seed_demo(db, DEMO_DAY)
    db.close()
    return path


@pytest.fixture
def demo_db(demo_db_file: Path, tmp_path: Path):
    """A private copy of the demo database, open."""
    import shutil

    from studio.store.database import open_database

    copy = tmp_path / "demo.db"
    shutil.copy(demo_db_file, copy)
    db = open_database(f"sqlite:///{copy}")
    yield db
    db.close()


@pytest.fixture
def chinese(qapp):
    """The interface in Simplified Chinese: the shipped translation installed for the test."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from studio.language import TRANSLATIONS

    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "studio_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
