"""Units and their officials as a CSV or XLSX table: export, and an import checked whole first.

One row per unit. Columns (header row first, any order; only ``name`` and ``kind`` required):

``name, short_name, kind, keywords, retired, officials, retired_officials``

``kind`` is department or township (部门/乡镇 too); ``keywords`` are split on 、 , ， and spaces;
``retired`` is yes/no (1/0, true/false, 是/否; empty is no). ``officials`` lists the serving
officials as ``name/title`` separated by ``;`` (or ；), ``retired_officials`` the retired ones
alike. A unit is found by its name: a new name adds a unit, a known one is updated. An official
is found by name within the unit; officials the file does not list are left as they are (nothing
is deleted). An empty short name, or a ``keywords`` or ``retired`` column the file lacks, keeps
what is stored (a new unit then uses its name as short name, no keywords, not retired).

Blocking (files and SQL): the service runs these in a worker thread, the CLI directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import UnitKind
from studio.domain.records import OfficialRecord, UnitRecord
from studio.domain.refusals import Refusal, Refused
from studio.domain.schedule_table import ScheduleTableInvalid, TableProblem
from studio.store.database import Database
from studio.store.models import Official, Unit
from studio.store.schedule_files import read_table
from studio.store.table_files import write_table
from studio.store.units import (
    UnitProblem,
    check_official,
    check_unit,
    list_officials,
    list_units,
    parse_kind,
    split_keywords,
    unit_record,
)

UNIT_COLUMNS = (
    "name",
    "short_name",
    "kind",
    "keywords",
    "retired",
    "officials",
    "retired_officials",
)
REQUIRED = ("name", "kind")
_YES = {"yes", "y", "1", "true", "是", "x"}
_NO = {"", "no", "n", "0", "false", "否"}


class UnitTableInvalid(UnitProblem):
    """The table has problems; nothing of it was stored.

    Attributes:
        problems: each with its line (1 is the header) and column name.
    """

    def __init__(self, problems: Sequence[TableProblem]) -> None:
        listed = "; ".join(map(str, problems[:5]))
        super().__init__(Refusal.TABLE_INVALID, count=len(problems), problems=listed)
        self.problems = list(problems)


@dataclass(frozen=True, slots=True)
class UnitImport:
    """What an import did (or would do): unit names added, changed, and left as they were."""

    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Row:
    """One valid row: a unit as the file wants it, and its officials by name."""

    line: int
    name: str
    short_name: str
    kind: UnitKind
    keywords: tuple[str, ...]
    retired: bool
    officials: dict[str, tuple[str, bool]]  # name → (title, retired)


# -- export -----------------------------------------------------------------------------------
def _officials_cell(officials: Sequence[OfficialRecord]) -> str:
    return "; ".join(f"{o.name}/{o.title}" if o.title else o.name for o in officials)


def unit_rows(units: Sequence[UnitRecord], officials: Sequence[OfficialRecord]) -> list[list[str]]:
    """The header and one row per unit, as text (what an export writes)."""
    by_unit: dict[int, list[OfficialRecord]] = {}
    for official in officials:
        by_unit.setdefault(official.unit_id, []).append(official)
    rows = [list(UNIT_COLUMNS)]
    for unit in units:
        own = by_unit.get(unit.id, [])
        rows.append(
            [
                unit.name,
                unit.short_name,
                str(unit.kind),
                "、".join(unit.keywords),
                "yes" if unit.retired else "no",
                _officials_cell([o for o in own if not o.retired]),
                _officials_cell([o for o in own if o.retired]),
            ]
        )
    return rows


def export_units(db: Database, path: Path) -> int:
    """Write every unit (retired ones too) with its officials to ``path``; returns how many."""
    units = list_units(db)
    write_table(path, unit_rows(units, list_officials(db)))
    return len(units)


# -- parsing ----------------------------------------------------------------------------------
def _flag(text: str) -> bool:
    word = text.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise UnitProblem(Refusal.NOT_YES_OR_NO, text=text.strip())


def _officials(text: str, retired: bool, into: dict[str, tuple[str, bool]]) -> None:
    for entry in text.replace("；", ";").replace("\n", ";").split(";"):
        if not entry.strip():
            continue
        name, _sep, title = entry.partition("/")
        name, title = check_official(name, title)
        if name in into:
            raise UnitProblem(Refusal.OFFICIAL_TWICE, name=name)
        into[name] = (title, retired)


def _header(rows: list[list[str]]) -> dict[str, int]:
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise UnitTableInvalid([TableProblem(1, "", Refused(Refusal.FILE_EMPTY))])
    header = [cell.strip().lower() for cell in rows[0]]
    problems = [
        TableProblem(1, cell, Refused(Refusal.COLUMN_UNKNOWN, columns=", ".join(UNIT_COLUMNS)))
        for cell in header
        if cell and cell not in UNIT_COLUMNS
    ]
    missing = Refused(Refusal.COLUMN_MISSING)
    problems += [TableProblem(1, c, missing) for c in REQUIRED if c not in header]
    if problems:
        raise UnitTableInvalid(problems)
    return {cell: i for i, cell in enumerate(header) if cell}


def parse_unit_rows(rows: list[list[str]], stored: dict[str, UnitRecord]) -> list[_Row]:
    """Check every row of a units table; ``stored`` holds the known units by name (what an
    empty short name or a column the file lacks keeps).

    Raises:
        UnitTableInvalid: every problem with its line and column.
    """
    columns = _header(rows)
    problems: list[TableProblem] = []
    parsed: list[_Row] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue

        def cell(column: str, row: list[str] = row) -> str:
            index = columns.get(column)
            return row[index].strip() if index is not None and index < len(row) else ""

        try:
            name = cell("name")
            known = stored.get(name)
            keywords = split_keywords(cell("keywords"))
            if "keywords" not in columns:
                keywords = known.keywords if known else ()
            short = cell("short_name") or (known.short_name if known else name)
            name, short = check_unit(name, short, keywords)
        except UnitProblem as problem:
            problems.append(TableProblem(line, problem.field or "name", problem))
            continue
        column = "kind"
        try:
            kind = parse_kind(cell("kind"))
            column = "retired"
            retired = _flag(cell("retired"))
            if "retired" not in columns:
                retired = known.retired if known else False
            officials: dict[str, tuple[str, bool]] = {}
            column = "officials"
            _officials(cell("officials"), False, officials)
            column = "retired_officials"
            _officials(cell("retired_officials"), True, officials)
        except UnitProblem as problem:
            problems.append(TableProblem(line, column, problem))
            continue
        if name in seen:
            twice = Refused(Refusal.NAME_ALSO_ON_LINE, name=name, line=seen[name])
            problems.append(TableProblem(line, "name", twice))
            continue
        seen[name] = line
        parsed.append(_Row(line, name, short, kind, keywords, retired, officials))
    if problems:
        raise UnitTableInvalid(problems)
    return parsed


def read_unit_table(path: Path) -> list[list[str]]:
    """The rows of a units file, any reading failure as a problem on line 1."""
    try:
        return read_table(path)
    except ScheduleTableInvalid as invalid:
        raise UnitTableInvalid(invalid.problems) from None


# -- import -----------------------------------------------------------------------------------
def _clashes(rows: list[_Row], units: list[Unit]) -> list[TableProblem]:
    """Names and short names must stay unique across the file and the stored units together."""
    owner: dict[str, str] = {}  # a name or short name → the unit (by name) that holds it
    from_file = {row.name for row in rows}
    for unit in units:
        if unit.name not in from_file:
            owner[unit.name] = owner[unit.short_name] = unit.name
    problems = []
    for row in rows:
        for column, value in (("name", row.name), ("short_name", row.short_name)):
            holder = owner.setdefault(value, row.name)
            if holder != row.name:
                taken = Refused(Refusal.NAME_IS_UNIT, name=value, unit=holder)
                problems.append(TableProblem(row.line, column, taken))
    return problems


def _official_changes(unit: Unit, row: _Row) -> int:
    """How many officials the row adds or changes (without changing anything)."""
    known = {o.name: o for o in unit.officials}
    changes = 0
    for name, (title, retired) in row.officials.items():
        official = known.get(name)
        changes += official is None or (official.title, official.retired) != (title, retired)
    return changes


def _apply(s: OrmSession, unit: Unit | None, row: _Row) -> None:
    if unit is None:
        unit = Unit(name=row.name)
        s.add(unit)
    unit.short_name, unit.kind, unit.retired = row.short_name, row.kind, row.retired
    unit.routing_keywords = "\n".join(row.keywords)
    known = {o.name: o for o in unit.officials}
    for name, (title, retired) in row.officials.items():
        official = known.get(name)
        if official is None:
            unit.officials.append(Official(name=name, title=title, retired=retired))
        else:
            official.title, official.retired = title, retired


def import_units(db: Database, path: Path, *, dry_run: bool = False) -> UnitImport:
    """Add or update one unit per row (and its officials), all in one transaction.

    Raises:
        UnitTableInvalid: every problem with its line and column; nothing was written.
    """
    rows = read_unit_table(path)
    with db.transaction() as s:
        units = list(s.scalars(select(Unit)))
        parsed = parse_unit_rows(rows, {u.name: unit_record(u) for u in units})
        problems = _clashes(parsed, units)
        by_name = {u.name: u for u in units}
        if problems:
            raise UnitTableInvalid(sorted(problems, key=lambda p: p.line))
        added, changed, unchanged = [], [], []
        for row in parsed:
            unit = by_name.get(row.name)
            if unit is None:
                added.append(row.name)
            elif (
                (unit.short_name, unit.kind, unit.retired)
                != (row.short_name, row.kind, row.retired)
                or tuple(k for k in unit.routing_keywords.splitlines() if k) != row.keywords
                or _official_changes(unit, row)
            ):
                changed.append(row.name)
            else:
                unchanged.append(row.name)
                continue
            if not dry_run:
                _apply(s, unit, row)
        return UnitImport(tuple(added), tuple(changed), tuple(unchanged))
