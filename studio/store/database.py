"""Opening the database: URL checks, engine set-up, migrations, and errors a person can read."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from studio.domain.seats import Seat
from studio.paths import create_private_file, default_database_url
from studio.store.seat_audit import install_seat_hooks

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
DEFAULT_BUSY_TIMEOUT_S = 5.0
#: The PostgreSQL advisory lock the seats migrate under (one migrates, the others wait).
MIGRATION_LOCK = 0x5354_5544_494F  # "STUDIO"
MIGRATION_WAIT_S = 300

# The seat every database this process opens works as (see use_seat); None: no seat chosen.
_process_seat: Seat | None = None


def use_seat(seat: Seat | None) -> None:
    """Make ``seat`` the seat of every database this process opens from now on (the command
    line's ``--seat``/``--role``): its audit events name the person, a viewer's writes are
    refused. A database already open keeps its own (:attr:`Database.seat`)."""
    global _process_seat
    _process_seat = seat


class DatabaseProblem(Exception):
    """The database can't be used; the message is one line meant for the person at the desk."""


def default_url() -> str:
    """The embedded SQLite file in the per-user data dir (created with its folder)."""
    return default_database_url()


@dataclass
class Database:
    """An open, migrated database: the engine, a session factory and a printable name.

    Attributes:
        url: the SQLAlchemy URL (password hidden when shown).
        engine: the SQLAlchemy engine; thread-safe, used from worker threads.
        sessions: a ``sessionmaker``; one session per unit of work, never shared across threads.
        seat: who works on it from this process (the audit's person and role; a viewer's seat
            writes nothing); None when none was chosen. Set it once, before work starts.
    """

    url: URL
    engine: Engine
    sessions: sessionmaker[OrmSession]
    seat: Seat | None = None

    @property
    def display_name(self) -> str:
        """What the status bar shows: the file for SQLite, host/db for a server (no password)."""
        if self.url.get_backend_name() == "sqlite":
            return f"SQLite · {self.url.database or ':memory:'}"
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[OrmSession]:
        """A session whose work is committed on success and rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def parse_url(text: str) -> URL:
    """Check a ``--db`` value before anything connects.

    Raises:
        DatabaseProblem: the URL is malformed or names a driver that is not installed.
    """
    try:
        url = make_url(text)
    except sa_exc.ArgumentError:
        raise DatabaseProblem(
            f"not a database URL: {text!r} (expected e.g. sqlite:///path/studio.db "
            "or postgresql+psycopg://user@host/db)"
        ) from None
    try:
        url.get_dialect()
    except sa_exc.NoSuchModuleError:
        raise DatabaseProblem(f"unknown database kind in URL: {url.drivername!r}") from None
    return url


def _sqlite_pragmas(busy_timeout_s: float):  # type: ignore[no-untyped-def]
    def on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        try:
            # WAL lets the GUI read while a worker commits a batch.
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.OperationalError as error:
            # A read-only or locked file: _check_writable reports it in words.
            log.debug("cannot switch to WAL: %s", error)
        cursor.close()

    return on_connect


def create_db_engine(url: URL, *, busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S) -> Engine:
    """An engine with our SQLite settings (foreign keys, WAL, busy timeout) or a server timeout."""
    try:
        if url.get_backend_name() == "sqlite":
            _create_private_sqlite_file(url)
            engine = create_engine(
                url, connect_args={"timeout": busy_timeout_s}, hide_parameters=True
            )
            event.listen(engine, "connect", _sqlite_pragmas(busy_timeout_s))
            return engine
        connect_args = {"connect_timeout": 5} if url.get_backend_name() == "postgresql" else {}
        # Bound values are viewers' comments and names: never in an error's text or a log.
        return create_engine(
            url, connect_args=connect_args, pool_pre_ping=True, hide_parameters=True
        )
    except ImportError as error:
        raise DatabaseProblem(
            f"the driver for {url.drivername!r} is not installed ({error.name}); "
            "for PostgreSQL: pip install 'studio-desk[postgres]'"
        ) from None


def _create_private_sqlite_file(url: URL) -> None:
    """Create a new SQLite file owner-only before SQLite does; its -wal and -shm files take the
    database file's mode. Done before the engine connects, so no descriptor of ours is open."""
    name = url.database
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name)
    if path.parent.is_dir():  # a missing folder is reported by SQLite, as before
        create_private_file(path)


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_database(
    url_text: str | None = None,
    *,
    migrate: bool = True,
    busy_timeout_s: float = DEFAULT_BUSY_TIMEOUT_S,
    check: bool = False,
) -> Database:
    """Open the database at ``url_text`` (default: the per-user SQLite file), migrated to head.

    Refuses a database written by a newer version instead of touching it, and checks that it
    can be written to (a locked or read-only database is found now, not mid-broadcast), and
    with ``check`` that SQLite finds no damaged page.

    Raises:
        DatabaseProblem: with a one-line message for stderr or a dialog.
    """
    url = parse_url(url_text or os.environ.get("STUDIO_DB") or default_url())
    engine = create_db_engine(url, busy_timeout_s=busy_timeout_s)
    try:
        revision = current_revision(engine)
        if revision is not None and revision not in _known_revisions():
            raise DatabaseProblem(
                f"the database was written by a newer version of Studio Desk (schema {revision}); "
                "update the app — it will not be changed by this version"
            )
        if migrate and revision != head_revision():
            migrate_engine(engine)
        _check_writable(engine)
        if check:
            _check_intact(engine)
    except DatabaseProblem:
        engine.dispose()
        raise
    except sa_exc.DBAPIError as error:
        engine.dispose()
        raise DatabaseProblem(describe_error(error, url)) from None
    except OSError as error:
        engine.dispose()
        raise DatabaseProblem(f"cannot open the database file: {error.strerror}") from None
    db = Database(
        url=url,
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        seat=_process_seat,
    )
    install_seat_hooks(db)
    return db


def migrate_engine(engine: Engine) -> None:
    """Migrate to head, once: on PostgreSQL under an advisory lock, so of two seats starting
    together one migrates and the other waits, then finds the schema at head."""
    if engine.dialect.name != "postgresql":
        if current_revision(engine) != head_revision():
            _upgrade(engine)
        return
    with engine.connect() as lock:
        # Bounded: a seat stuck while migrating does not hang every other seat's start.
        lock.exec_driver_sql(f"SET lock_timeout = '{MIGRATION_WAIT_S}s'")
        lock.exec_driver_sql(f"SELECT pg_advisory_lock({MIGRATION_LOCK})")
        try:
            if current_revision(engine) != head_revision():
                _upgrade(engine)
        finally:
            lock.exec_driver_sql(f"SELECT pg_advisory_unlock({MIGRATION_LOCK})")
            lock.commit()


def _upgrade(engine: Engine) -> None:
    log.info(
        "migrating %s from %s to %s",
        engine.url.render_as_string(),
        current_revision(engine),
        head_revision(),
    )
    command.upgrade(alembic_config(engine), "head")


def _check_intact(engine: Engine) -> None:
    """SQLite's quick check of every table and index: a damaged page is found at start, in
    one line, not as a traceback in the middle of the broadcast (about 0.1 s per 100,000
    comments; the app and ``db info`` ask for it, a quick command does not)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        found = [row[0] for row in connection.exec_driver_sql("PRAGMA quick_check(3)")]
    if found != ["ok"]:
        first = " ".join(found[0].split())[:120]  # SQLite's report spans lines
        raise DatabaseProblem(
            f"the database file is damaged ({first}); restore it from a backup "
            f"or ask for help before using it: {engine.url.render_as_string(hide_password=True)}"
        )


def _check_writable(engine: Engine) -> None:
    """Try a write and roll it back, so a locked or read-only database is found at start."""
    if engine.dialect.name != "sqlite":
        return
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        previous = driver.isolation_level
        driver.isolation_level = None  # we issue BEGIN/ROLLBACK ourselves
        try:
            driver.execute("BEGIN IMMEDIATE")
            driver.execute("UPDATE alembic_version SET version_num = version_num")
            driver.execute("ROLLBACK")
        except sqlite3.OperationalError as error:
            if driver.in_transaction:
                driver.execute("ROLLBACK")
            raise sa_exc.OperationalError("write check", None, error) from None
        finally:
            driver.isolation_level = previous
    finally:
        raw.close()


def describe_error(error: sa_exc.DBAPIError, url: URL) -> str:
    """Turn a driver error into one line a person can act on."""
    text = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    where = url.render_as_string(hide_password=True)
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return f"the database is locked by another program (is Studio Desk already open?): {where}"
    if "readonly" in lowered or "read-only" in lowered or "read only" in lowered:
        return f"the database is read-only; Studio Desk needs to write to it: {where}"
    if "unable to open" in lowered:
        return f"cannot open the database file (check the folder exists and is writable): {where}"
    if "not a database" in lowered or "malformed" in lowered:
        return f"the file is not a Studio Desk database (or it is damaged): {where}"
    return f"cannot use the database {where}: {text}"
