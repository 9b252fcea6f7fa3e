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


@pytest.fixture(autouse=True, scope="session")
def one_application(qapp):
    """The run's one QApplication, made first: a command run in-process (a PDF export, a
    translated line) would otherwise make a QGuiApplication or QCoreApplication that every
    later widget test's ``qapp`` refuses, so tests passed or failed by their order."""
    return qapp


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


#: ``STUDIO_TEST_DB=postgresql`` runs the tests that take ``fresh_db`` or ``demo_db`` on the
#: throwaway PostgreSQL instead of SQLite (.ci/run runs the store's and services' tests so too).
ON_POSTGRES = os.environ.get("STUDIO_TEST_DB", "sqlite") == "postgresql"


@pytest.fixture
def fresh_db(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty, migrated database: SQLite in the test's temp dir (or PostgreSQL, see above)."""
    from studio.store.database import open_database

    if ON_POSTGRES and not request.node.get_closest_marker("sqlite_only"):
        db = open_database(request.getfixturevalue("pg_url"))
    else:
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
def demo_db(request: pytest.FixtureRequest, tmp_path: Path):
    """A private copy of the demo database, open."""
    import shutil

    from studio.store.database import open_database

    if ON_POSTGRES and not request.node.get_closest_marker("sqlite_only"):
        cluster = request.getfixturevalue("pg_cluster")
        name = cluster.new_database(template=request.getfixturevalue("pg_demo_template"))
        db = open_database(cluster.url(name))
        yield db
        db.close()
        cluster.drop_database(name)
        return
    demo_db_file = request.getfixturevalue("demo_db_file")
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


# -- PostgreSQL: one throwaway cluster per run, a database per test (tests/helpers/postgres.py) --


@pytest.fixture(scope="session")
def pg_cluster():
    """A running throwaway PostgreSQL cluster on a Unix socket (skipped where none is installed,
    a failure under CI)."""
    from tests.helpers.postgres import cluster_or_skip, remove_cluster, start_cluster

    cluster = cluster_or_skip(start_cluster())
    yield cluster
    remove_cluster(cluster)


@pytest.fixture(scope="session")
def pg_template(pg_cluster) -> str:
    """A migrated, empty database the tests' databases are copied from."""
    from studio.store.database import open_database

    name = pg_cluster.new_database()
    open_database(pg_cluster.url(name)).close()
    return name


@pytest.fixture(scope="session")
def pg_demo_template(pg_cluster) -> str:
    """The demo studio seeded once into a PostgreSQL database the tests copy."""
    from studio.store.database import open_database
    from studio.store.demo import seed_demo

    name = pg_cluster.new_database()
    db = open_database(pg_cluster.url(name))
    assert seed_demo(db, DEMO_DAY)
    db.close()
    return name


@pytest.fixture
def pg_url(pg_cluster, pg_template) -> Iterator[str]:
    """The URL of a fresh, migrated PostgreSQL database of this test's own (dropped after)."""
    name = pg_cluster.new_database(template=pg_template)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture
def pg_db(pg_url: str):
    """A fresh, migrated PostgreSQL database, open."""
    from studio.store.database import open_database

    db = open_database(pg_url)
    yield db
    db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path):
    """A fresh, migrated database of each kind: the store's tests run on both."""
    from studio.store.database import open_database

    if request.param == "sqlite":
        db = open_database(f"sqlite:///{tmp_path / 'studio.db'}")
    else:
        db = open_database(request.getfixturevalue("pg_url"))
    yield db
    db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def two_seats(request: pytest.FixtureRequest, tmp_path: Path):
    """The demo studio opened twice, as two seats (two PCs) would: two ``Database`` objects
    on one SQLite file or one PostgreSQL database."""
    import shutil

    from studio.store.database import open_database

    if request.param == "sqlite":
        copy = tmp_path / "demo.db"
        shutil.copy(request.getfixturevalue("demo_db_file"), copy)
        url = f"sqlite:///{copy}"
        cluster = name = None
    else:
        cluster = request.getfixturevalue("pg_cluster")
        name = cluster.new_database(template=request.getfixturevalue("pg_demo_template"))
        url = cluster.url(name)
    seats = open_database(url), open_database(url)
    yield seats
    for db in seats:
        db.close()
    if cluster is not None:
        cluster.drop_database(name)
