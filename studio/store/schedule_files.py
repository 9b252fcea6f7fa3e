"""Schedule import and export as CSV or XLSX files: nothing is written until the whole file is valid.

Blocking (files and SQL): services run these in a worker thread, the CLI directly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile

from sqlalchemy import select

from studio.domain.model import SessionStatus
from studio.domain.schedule_table import (
    ScheduleRow,
    ScheduleTableInvalid,
    TableProblem,
    parse_schedule_rows,
    schedule_rows,
)
from studio.domain.session_readiness import SETTABLE, missing_for_ready, missing_words
from studio.store.database import Database
from studio.store.models import Official, Session, Unit
from studio.store.schedule import SESSION_END, SESSION_START, list_sessions

MAX_BYTES = 5 * 1024 * 1024


def _cell(value: object) -> str:
    """A spreadsheet cell as the text a CSV would hold (dates ISO, times HH:MM)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    return str(value)


def read_table(path: Path) -> list[list[str]]:
    """The rows of a CSV (UTF-8, with or without BOM) or of the first sheet of an XLSX file."""
    if path.stat().st_size > MAX_BYTES:
        raise ScheduleTableInvalid([TableProblem(1, "", f"larger than {MAX_BYTES} bytes")])
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
            try:
                sheet = book.worksheets[0]
                return [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            finally:
                book.close()
        except (BadZipFile, KeyError, ValueError) as error:  # openpyxl on a damaged workbook
            problem = TableProblem(1, "", f"not a readable workbook: {error}")
            raise ScheduleTableInvalid([problem]) from None
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ScheduleTableInvalid([TableProblem(1, "", "not UTF-8 text")]) from None
    return [list(row) for row in csv.reader(io.StringIO(text))]


def write_table(path: Path, rows: list[list[str]]) -> None:
    """Write rows as XLSX (by the suffix) or as CSV in UTF-8 with BOM (Excel opens it right)."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        book.save(path)
        return
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")


def export_schedule(db: Database, first: dt.date, last: dt.date, path: Path) -> int:
    """Write the sessions from ``first`` to ``last`` to ``path``; returns how many."""
    sessions = list_sessions(db, first, last)
    write_table(path, schedule_rows(sessions))
    return len(sessions)


@dataclass(frozen=True, slots=True)
class ScheduleImport:
    """What an import did (or would do): the dates of sessions created, updated, left alone."""

    created: tuple[dt.date, ...]
    updated: tuple[dt.date, ...]
    unchanged: tuple[dt.date, ...] = ()


def _unchanged(session: Session, row: ScheduleRow, official: Official | None) -> bool:
    return (
        session.start == row.start
        and session.end == row.end
        and session.unit_id == row.unit_id
        and session.official_id == (official.id if official else None)
        and (not row.topic or row.topic == session.topic)
        and (row.status is None or row.status == session.status)
    )


def import_schedule(db: Database, path: Path, *, dry_run: bool = False) -> ScheduleImport:
    """Create or update one session per row, by date, in one transaction.

    An empty official keeps the session's (or takes the unit's first); an empty topic or status
    keeps the session's. Live and ended sessions are not changed: such a row is a problem.

    Raises:
        ScheduleTableInvalid: every problem with its line and column; nothing was written.
    """
    rows = read_table(path)
    with db.transaction() as s:
        units = list(s.scalars(select(Unit).where(Unit.retired.is_(False))))
        names = {u.short_name: u.id for u in units} | {u.name: u.id for u in units}
        parsed = parse_schedule_rows(rows, names)
        officials: dict[int, list[Official]] = {}
        for official in s.scalars(
            select(Official).where(Official.retired.is_(False)).order_by(Official.id)
        ):
            officials.setdefault(official.unit_id, []).append(official)
        existing = {
            row.date: row
            for row in s.scalars(select(Session).where(Session.date.in_([r.date for r in parsed])))
        }
        problems: list[TableProblem] = []
        # (the day's session, its official, whether the row says what the session already is)
        changes: list[tuple[Session | None, Official | None, bool]] = []
        for row in parsed:
            session = existing.get(row.date)
            chosen: Official | None = None
            candidates = officials.get(row.unit_id, [])
            if row.official:
                chosen = next((o for o in candidates if o.name == row.official), None)
                if chosen is None:
                    problems.append(
                        TableProblem(row.line, "official", f"{row.official!r} is not of this unit")
                    )
            elif session is not None and session.unit_id == row.unit_id:
                chosen = session.official
            else:
                chosen = candidates[0] if candidates else None
            same = session is not None and _unchanged(session, row, chosen)
            # A past or live session may be listed (an export lists it) but not changed.
            if (
                session is not None
                and not same
                and session.status
                in (
                    SessionStatus.LIVE,
                    SessionStatus.ENDED,
                )
            ):
                problems.append(
                    TableProblem(row.line, "date", f"the session on {row.date} is {session.status}")
                )
            # A file sets planned or ready, as a person can; live and ended are the timer's.
            if row.status is not None and row.status not in SETTABLE and not same:
                problems.append(TableProblem(row.line, "status", f"a file cannot set {row.status}"))
            # Ready after the row — set by it, or kept from before while the row changes the
            # unit, official or topic — follows the same rule as by hand (topic, official,
            # running order).
            after = row.status or (session.status if session is not None else None)
            if after == SessionStatus.READY and not same:
                topic = row.topic or (session.topic if session is not None else "")
                segments = len(session.segments) if session is not None else 0
                missing = missing_for_ready(topic, chosen.id if chosen else None, segments)
                if missing:
                    words = missing_words(missing)
                    problems.append(TableProblem(row.line, "status", f"not ready without: {words}"))
            changes.append((session, chosen, same))
        if problems:
            raise ScheduleTableInvalid(problems)
        created, updated, unchanged = [], [], []
        for row, (session, official, same) in zip(parsed, changes, strict=True):
            if same:
                unchanged.append(row.date)
                continue
            if session is None:
                created.append(row.date)
                session = Session(
                    date=row.date,
                    start=SESSION_START,
                    end=SESSION_END,
                    status=SessionStatus.PLANNED,
                    topic="",
                )
                if not dry_run:
                    s.add(session)
            else:
                updated.append(row.date)
            if dry_run:
                continue
            session.start, session.end = row.start, row.end
            session.unit_id = row.unit_id
            session.official = official
            if row.topic:
                session.topic = row.topic
            if row.status is not None:
                session.status = row.status
        return ScheduleImport(tuple(created), tuple(updated), tuple(unchanged))
