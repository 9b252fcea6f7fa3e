"""The schedule as a table (CSV or XLSX rows): one session a row, checked whole before anything is stored.

Columns: date, start, end, unit, official, topic, status. ``unit`` is a unit's name or short
name; ``official``, ``topic`` and ``status`` may be empty; a row's date says which session it
is (a day has at most one).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from studio.domain.calendar import is_working_day
from studio.domain.model import SessionStatus
from studio.domain.records import SessionRecord
from studio.domain.refusals import Argument, Refusal, Refused

SCHEDULE_COLUMNS = ("date", "start", "end", "unit", "official", "topic", "status")
REQUIRED = ("date", "unit")
COLUMN_NAMES = ", ".join(SCHEDULE_COLUMNS)
TOPIC_MAX = 200
DEFAULT_START = dt.time(15, 0)
DEFAULT_END = dt.time(16, 0)


@dataclass(frozen=True, slots=True)
class TableProblem:
    """What is wrong where: ``line`` counts from 1 (the header), ``column`` is its name;
    ``reason`` is a refusal's code and arguments."""

    line: int
    column: str
    reason: Refused

    @property
    def message(self) -> str:
        """What is wrong, in English (the interface words :attr:`reason` in its language)."""
        return str(self.reason)

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class ScheduleTableInvalid(ValueError):
    """The table has problems; nothing of it may be stored."""

    def __init__(self, problems: Sequence[TableProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s): " + "; ".join(map(str, problems[:5])))
        self.problems = list(problems)


@dataclass(frozen=True, slots=True)
class ScheduleRow:
    """One valid row: the session a day should have."""

    line: int
    date: dt.date
    start: dt.time
    end: dt.time
    unit_id: int
    official: str
    topic: str
    status: SessionStatus | None


def schedule_rows(sessions: Sequence[SessionRecord]) -> list[list[str]]:
    """The header and one row per session, as text (what an export writes)."""
    rows = [list(SCHEDULE_COLUMNS)]
    for s in sessions:
        rows.append(
            [
                s.date.isoformat(),
                f"{s.start:%H:%M}",
                f"{s.end:%H:%M}",
                s.unit_name,
                s.official_name,
                s.topic,
                str(s.status),
            ]
        )
    return rows


def _time(text: str, default: dt.time) -> dt.time:
    return dt.time.fromisoformat(text) if text else default


def parse_schedule_rows(
    rows: Sequence[Sequence[str]],
    units: Mapping[str, int],
    *,
    working_day: Callable[[dt.date], bool] = is_working_day,
) -> list[ScheduleRow]:
    """Check every row of a schedule table and return them, or raise with all problems.

    Args:
        rows: the header row then the data rows, cells as text (blank rows are skipped).
        units: unit name and short name → unit id.

    Raises:
        ScheduleTableInvalid: listing every problem with its line and column.
    """
    problems: list[TableProblem] = []
    if not rows:
        raise ScheduleTableInvalid([TableProblem(1, "", Refused(Refusal.FILE_EMPTY))])
    header = [cell.strip().lower() for cell in rows[0]]
    for name in REQUIRED:
        if name not in header:
            problems.append(TableProblem(1, name, Refused(Refusal.COLUMN_MISSING)))
    for name in header:
        if name and name not in SCHEDULE_COLUMNS:
            problems.append(
                TableProblem(1, name, Refused(Refusal.COLUMN_UNKNOWN, columns=COLUMN_NAMES))
            )
    if problems:
        raise ScheduleTableInvalid(problems)
    index = {name: header.index(name) for name in SCHEDULE_COLUMNS if name in header}
    parsed: list[ScheduleRow] = []
    seen: dict[dt.date, int] = {}
    for line, raw in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw):
            continue
        cell = {name: (raw[i].strip() if i < len(raw) else "") for name, i in index.items()}
        before = len(problems)

        def problem(column: str, code: Refusal, at: int = line, **arguments: Argument) -> None:
            problems.append(TableProblem(at, column, Refused(code, **arguments)))

        day = None
        try:
            day = dt.date.fromisoformat(cell["date"])
        except ValueError:
            problem("date", Refusal.NOT_A_DATE, text=cell["date"])
        if day is not None:
            if not working_day(day):
                problem("date", Refusal.NOT_A_WORKING_DAY, date=day)
            if day in seen:
                problem("date", Refusal.DATE_TWICE, date=day, line=seen[day])
            seen.setdefault(day, line)
        times = []
        for column, default in (("start", DEFAULT_START), ("end", DEFAULT_END)):
            try:
                times.append(_time(cell.get(column, ""), default))
            except ValueError:
                problem(column, Refusal.NOT_A_TIME, text=cell.get(column, ""))
        if len(times) == 2 and times[0] >= times[1]:
            problem("end", Refusal.ENDS_BEFORE_START)
        unit_id = units.get(cell["unit"])
        if unit_id is None:
            if cell["unit"]:
                problem("unit", Refusal.NO_SUCH_UNIT, name=cell["unit"])
            else:
                problem("unit", Refusal.CELL_EMPTY)
        topic = cell.get("topic", "")
        if len(topic) > TOPIC_MAX:
            problem("topic", Refusal.CELL_TOO_LONG, max=TOPIC_MAX)
        status = None
        if cell.get("status"):
            try:
                status = SessionStatus(cell["status"].lower())
            except ValueError:
                names = ", ".join(s.value for s in SessionStatus)  # as a file spells them
                problem("status", Refusal.STATUS_NOT_ONE_OF, text=cell["status"], choices=names)
        if len(problems) == before and day is not None and unit_id is not None:
            parsed.append(
                ScheduleRow(
                    line, day, times[0], times[1], unit_id, cell.get("official", ""), topic, status
                )
            )
    if problems:
        raise ScheduleTableInvalid(problems)
    return parsed
