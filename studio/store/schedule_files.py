"""Schedule import and export as CSV or XLSX files: nothing is written until the whole file is valid.

The files are read and written by :mod:`studio.store.table_files` (bounded, never a formula).

Blocking (files and SQL): services run these in a worker thread, the CLI directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from studio.domain.model import SessionStatus
from studio.domain.refusals import Refusal, Refused
from studio.domain.schedule_table import (
    ScheduleRow,
    ScheduleTableInvalid,
    TableProblem,
    parse_schedule_rows,
    schedule_rows,
)
from studio.domain.session_readiness import SETTABLE, missing_for_ready
from studio.domain.table_text import TableUnreadable, column_letter
from studio.store.calendar_days import work_calendar_in
from studio.store.database import Database
from studio.store.models import Official, Session, Unit
from studio.store.schedule import SESSION_END, SESSION_START, list_sessions
from studio.store.table_files import read_rows, write_table


def table_problems(unreadable: TableUnreadable) -> list[TableProblem]:
    """A table file's faults as problems of its rows, each column named by its header cell (or
    by its letter when the header does not name it)."""
    header = unreadable.header
    problems = []
    for problem in unreadable.problems:
        column = ""
        if problem.column:
            named = header[problem.column - 1].strip() if problem.column <= len(header) else ""
            column = named if named and problem.line > 1 else column_letter(problem.column)
        problems.append(TableProblem(problem.line, column, problem.reason))
    return problems


def read_table(path: Path) -> list[list[str]]:
    """The rows of a CSV or of the first sheet of an XLSX file (see :func:`read_rows`).

    Raises:
        ScheduleTableInvalid: what makes the file unreadable, by line and column.
        OSError: the file could not be read.
    """
    try:
        return read_rows(path)
    except TableUnreadable as unreadable:
        raise ScheduleTableInvalid(table_problems(unreadable)) from None


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
        parsed = parse_schedule_rows(rows, names, working_day=work_calendar_in(s).is_working_day)
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
                        TableProblem(
                            row.line,
                            "official",
                            Refused(Refusal.NOT_OF_THIS_UNIT, name=row.official),
                        )
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
                    TableProblem(
                        row.line,
                        "date",
                        Refused(Refusal.SESSION_ON_DAY_IS, date=row.date, status=session.status),
                    )
                )
            # A file sets planned or ready, as a person can; live and ended are the timer's.
            if row.status is not None and row.status not in SETTABLE and not same:
                reason = Refused(Refusal.STATUS_NOT_FROM_FILE, status=row.status)
                problems.append(TableProblem(row.line, "status", reason))
            # Ready after the row — set by it, or kept from before while the row changes the
            # unit, official or topic — follows the same rule as by hand (topic, official,
            # running order).
            after = row.status or (session.status if session is not None else None)
            if after == SessionStatus.READY and not same:
                topic = row.topic or (session.topic if session is not None else "")
                segments = len(session.segments) if session is not None else 0
                missing = missing_for_ready(topic, chosen.id if chosen else None, segments)
                if missing:
                    reason = Refused(Refusal.NOT_READY_WITHOUT, missing=tuple(missing))
                    problems.append(TableProblem(row.line, "status", reason))
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
