"""What every headless command shares: reading ``--session`` and writing CSV or JSON lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from studio.cli.words import translate
from studio.domain.studio_time import studio_today
from studio.domain.table_text import csv_cell
from studio.domain.table_text import csv_text as table_csv_text
from studio.store.database import Database
from studio.store.repository import StudioRepository

T = TypeVar("T")


class CommandFailed(Exception):
    """The command could not do what was asked; the message says why (exit code 1)."""


def session_id_of(db: Database, which: str) -> int:
    """``--session``: ``today`` or a session id, checked to exist.

    Raises:
        CommandFailed: no session today, not an id, or no such session.
    """
    repo = StudioRepository(db)
    if which == "today":
        session = repo.session_on(studio_today())
        if session is None:
            raise CommandFailed(
                translate("CommandLine", "no session is scheduled today ({day})").format(
                    day=studio_today()
                )
            )
        return session.id
    try:
        session_id = int(which)
    except ValueError:
        raise CommandFailed(f"--session takes 'today' or a session id, not {which!r}") from None
    if not 0 < session_id < 2**63:  # what the database can hold; a larger id is no session
        raise CommandFailed(translate("CommandLine", "no session with id {id}").format(id=which))
    if repo.session(session_id) is None:
        raise CommandFailed(
            translate("CommandLine", "no session with id {id}").format(id=session_id)
        )
    return session_id


def print_refused(file: str, problems: Iterable[object]) -> None:
    """A file the import refused as a whole: say so, then each problem (line, column, what)."""
    print(
        "studio: "
        + translate("CommandLine", "{file} was not imported (nothing changed):").format(file=file),
        file=sys.stderr,
    )
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)


def print_unreadable(file: str, error: OSError) -> None:
    """A file that could not be read or written: the system's reason, without a traceback."""
    print(f"studio: {file}: {error.strerror or error}", file=sys.stderr)


def import_or_exit(file: str, work: Callable[[Path], T], invalid: type[Exception]) -> T | int:
    """Import ``file`` with ``work``: its result, or the command's exit code once the problems
    are printed (``invalid``, a file refused as a whole, has ``problems``; or it was unreadable).
    """
    try:
        return work(Path(file))
    except invalid as refused:
        print_refused(file, getattr(refused, "problems", ()))
        return 1
    except OSError as error:
        print_unreadable(file, error)
        return 1


def cell_text(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    return csv_cell(value) if isinstance(value, str) else value


def csv_text(rows: Sequence[dict[str, Any]], fields: Sequence[str]) -> str:
    """CSV text by the one table writer: spreadsheet-safe text, numbers as numbers (write it
    as UTF-8 with BOM for Excel and WPS)."""
    return table_csv_text([list(fields), *([row.get(f) for f in fields] for row in rows)])


def jsonl_text(rows: Sequence[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def print_figures(figures: dict[str, Any], as_json: bool) -> None:
    """A benchmark's figures: one JSON object, or a line each."""
    if as_json:
        print(json.dumps(figures))
        return
    for key, value in figures.items():
        print(f"{key}: {value}")
