"""A read of the session timer from a SQLite file with the standard library alone (no
SQLAlchemy, no Alembic, no Qt): what lets ``studio timer status --json`` start as fast as
Python does. Read-only; anything unusual — not a plain SQLite URL, a missing file, a schema
other than :data:`~studio.store.schema_head.HEAD`, no such session, a damaged state — is
:class:`NotQuick`, and the caller takes the normal path, which migrates and explains.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from contextlib import closing
from pathlib import Path

from studio.domain.rundown_plan import Rundown
from studio.domain.rundown_state import ClockState
from studio.domain.timer_status import plan_of
from studio.store.schema_head import HEAD

#: The busy timeout of the normal path (``studio.store.database``), in seconds.
BUSY_TIMEOUT_S = 5.0


class NotQuick(Exception):
    """This read needs the normal path."""


def sqlite_file(url: str) -> Path:
    """The file of a plain ``sqlite:///PATH`` URL.

    Raises:
        NotQuick: another kind of database, an in-memory one, or URL options.
    """
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        raise NotQuick(url)
    name = url[len(prefix) :]
    if not name or name == ":memory:" or name.startswith("file:"):
        raise NotQuick(url)
    path = Path(name)
    if not path.is_file():
        raise NotQuick(url)  # the normal path creates and migrates it
    return path


def read_timer(path: Path, session: str, today: dt.date) -> tuple[int, Rundown, ClockState]:
    """``(session id, plan, clock state)`` of ``--session`` (``today`` or an id) in ``path``.

    Raises:
        NotQuick: see the module's docstring.
    """
    try:
        connection = sqlite3.connect(
            f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
        )
    except sqlite3.Error as error:
        raise NotQuick(str(error)) from None
    try:
        with closing(connection):
            return _read(connection, session, today)
    except (sqlite3.Error, ValueError, TypeError) as error:
        raise NotQuick(str(error)) from None


def _read(db: sqlite3.Connection, session: str, today: dt.date) -> tuple[int, Rundown, ClockState]:
    if [row[0] for row in db.execute("SELECT version_num FROM alembic_version")] != [HEAD]:
        raise NotQuick("the schema is not this version's")
    if session == "today":
        found = db.execute(
            "SELECT id FROM session WHERE date = ? ORDER BY id LIMIT 1", (today.isoformat(),)
        ).fetchone()
    elif session.isdigit() and 0 < int(session) < 2**63:
        found = db.execute("SELECT id FROM session WHERE id = ?", (int(session),)).fetchone()
    else:
        found = None
    if found is None:
        raise NotQuick("no such session")  # the normal path words it
    session_id = int(found[0])
    day, start, end, topic = db.execute(
        'SELECT date, start, "end", topic FROM session WHERE id = ?', (session_id,)
    ).fetchone()
    segments = db.execute(
        "SELECT title, kind, planned_s, warning_s, danger_s FROM segment "
        "WHERE session_id = ? ORDER BY position",
        (session_id,),
    ).fetchall()
    rundown = plan_of(
        dt.date.fromisoformat(day),
        dt.time.fromisoformat(start),
        dt.time.fromisoformat(end),
        topic or "",
        segments,
    )
    stored = db.execute(
        "SELECT state_json FROM timer_state WHERE session_id = ?", (session_id,)
    ).fetchone()
    state = ClockState() if stored is None else ClockState.from_json(json.loads(stored[0]))
    return session_id, rundown, state
