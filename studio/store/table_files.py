"""Table files (CSV, XLSX) in and out: one writer that never writes a formula, one bounded reader.

Every CSV or XLSX the app makes is written by :func:`write_table`: text cells are text (in a CSV
guarded by :func:`studio.domain.table_text.csv_cell`, in an XLSX stored as string cells marked
"quote prefix" so that editing them in Excel keeps them text), numbers are numbers.

:func:`read_rows` reads a file a person hands us, which may be hostile: a 5 KB workbook can
declare a million rows (``<dimension ref="A1:XFD1048576">``) or unpack to gigabytes. It reads
a sheet by its real cells, scanning the XML first with bounds on size, rows, columns and cells
per row, and refuses formulas without a saved value and error values with their cell.

Blocking (files): services run these in a worker thread, the CLI directly.
"""

from __future__ import annotations

import datetime as dt
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any
from zipfile import ZipFile

from studio.domain.table_text import (
    COLUMNS_MAX,
    PROBLEMS_MAX,
    ROWS_MAX,
    Cell,
    CellProblem,
    TableFault,
    TableUnreadable,
    cell_problems,
    clean_text,
    csv_bytes,
    csv_records,
    decode_table_bytes,
    looks_like_formula,
)

FILE_BYTES_MAX = 5 * 1024 * 1024
"""A table file of ours is a few kilobytes; a schedule for years is well under a megabyte."""
UNPACKED_BYTES_MAX = 64 * 1024 * 1024
"""What all parts of a workbook may unpack to (a zip of XML packs about 100 to 1)."""
ROW_CELLS_MAX = 16_384
"""Cells one row element may hold: Excel's widest sheet."""

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _CELL, _SHEET_DATA = f"{_NS}row", f"{_NS}c", f"{_NS}sheetData"
_VALUE, _FORMULA, _INLINE = f"{_NS}v", f"{_NS}f", f"{_NS}is"


# -- writing -----------------------------------------------------------------------------------
def write_table(
    path: Path, rows: Sequence[Sequence[Cell]], *, sheet: str = "", kind: str | None = None
) -> None:
    """Write ``rows`` as XLSX (``sheet`` names its sheet) or as CSV in UTF-8 with BOM: as
    ``kind`` says (``"xlsx"`` or ``"csv"``), else by the file's suffix."""
    if (kind or path.suffix.lower().lstrip(".")) == "xlsx":
        _write_workbook(path, rows, sheet)
    else:
        path.write_bytes(csv_bytes(rows))


def write_sheets(path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[Cell]]]]) -> None:
    """Write an XLSX with one sheet per ``(title, rows)``, in order (titles cut to Excel's 31
    characters and made unique)."""
    _write_workbook_sheets(path, sheets)


def _write_workbook(path: Path, rows: Sequence[Sequence[Cell]], title: str) -> None:
    _write_workbook_sheets(path, [(title, rows)])


_SHEET_TITLE_BAD = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _write_workbook_sheets(
    path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[Cell]]]]
) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    used: set[str] = set()
    for title, rows in sheets:
        name = clean_text(title).translate(_SHEET_TITLE_BAD)[:31] or None
        if name is not None:
            base, number = name, 2
            while name in used:
                suffix = f" ({number})"
                name, number = base[: 31 - len(suffix)] + suffix, number + 1
            used.add(name)
        _fill_sheet(book.create_sheet(name), rows)
    book.save(path)


def _fill_sheet(sheet: Any, rows: Sequence[Sequence[Cell]]) -> None:
    from openpyxl.cell import WriteOnlyCell

    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str):
                text = clean_text(value)  # openpyxl refuses control characters
                cell = WriteOnlyCell(sheet, value=text)
                cell.data_type = "s"  # openpyxl would make "=…" a formula
                if looks_like_formula(text):
                    cell.quotePrefix = True  # and Excel keeps it text when it is edited
            else:
                cell = WriteOnlyCell(sheet, value=value)
            cells.append(cell)
        sheet.append(cells)


# -- reading -----------------------------------------------------------------------------------
def read_rows(path: Path) -> list[list[str]]:
    """The rows of a CSV or of the first sheet of an XLSX file, as text; row ``i`` is line
    ``i + 1`` (blank lines are empty rows). A CSV loses the apostrophe our export added.

    Raises:
        TableUnreadable: the file is too big, not text or not a workbook, or holds what is not
            plain data (formulas without a value, error values, control characters, cells over
            the length limit, too many rows or columns); every problem with line and column.
        OSError: the file could not be read.
    """
    if path.stat().st_size > FILE_BYTES_MAX:
        too_big = f"larger than {FILE_BYTES_MAX:,} bytes"
        raise TableUnreadable([CellProblem(1, 0, TableFault.NOT_A_WORKBOOK, too_big)])
    if path.suffix.lower() == ".xlsx":
        rows = _read_workbook(path)
        problems = [p for line, row in enumerate(rows, start=1) for p in cell_problems(line, row)]
        if problems:
            raise TableUnreadable(problems[:PROBLEMS_MAX], rows[0] if rows else ())
        return rows
    records = csv_records(decode_table_bytes(path.read_bytes()))
    rows = [[] for _ in range(records[-1][0] if records else 0)]
    for line, cells in records:
        rows[line - 1] = cells
    return rows


def _text(value: object) -> str:
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


def _read_workbook(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        with ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > UNPACKED_BYTES_MAX:
                raise _unreadable(f"it unpacks to more than {UNPACKED_BYTES_MAX:,} bytes")
        # openpyxl warns about what it skips (data validation, odd dates); none of it is data.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(path, read_only=True, data_only=True)
            try:
                if not book.worksheets:
                    raise _unreadable("it has no worksheet")
                sheet = book.worksheets[0]
                with ZipFile(path) as archive, archive.open(sheet._worksheet_path) as source:
                    last_row, last_column = _scan_sheet(source)
                if not last_row:
                    return []
                # The declared dimension may be a lie (a million rows, or too few): ignore it.
                sheet.reset_dimensions()
                rows = sheet.iter_rows(
                    min_row=1, max_row=last_row, min_col=1, max_col=last_column, values_only=True
                )
                return [[_text(value) for value in row] for row in rows]
            finally:
                book.close()
    except TableUnreadable:
        raise
    # A hostile workbook makes zipfile, expat or openpyxl raise nearly anything (BadZipFile,
    # ParseError, KeyError, ValueError, TypeError, IndexError…): to the person it is one thing.
    except Exception as error:
        raise _unreadable(
            str(error).splitlines()[0] if str(error) else type(error).__name__
        ) from None


def _unreadable(why: str) -> TableUnreadable:
    return TableUnreadable([CellProblem(1, 0, TableFault.NOT_A_WORKBOOK, why)])


def _column_of(reference: str) -> int:
    """The column number of a cell reference such as ``AB12``."""
    column = 0
    for char in reference:
        if not "A" <= char <= "Z":
            break
        column = column * 26 + ord(char) - ord("A") + 1
    if not 0 < column <= ROW_CELLS_MAX:
        raise ValueError(f"{reference!r} is not a cell")
    return column


def _scan_sheet(source: IO[bytes]) -> tuple[int, int]:
    """The last row and column that hold a value, from the sheet's XML, streamed and bounded.

    Raises:
        TableUnreadable: too many rows, columns or cells in a row; formulas without a saved
            value and error values, with their cell.
    """
    problems: list[CellProblem] = []
    last_row = last_column = row = column = cells = 0
    # Each element read is dropped from its parent, so memory stays flat however long the sheet.
    parents: list[ET.Element] = []
    for event, element in ET.iterparse(source, events=("start", "end")):
        tag = element.tag
        if event == "start":
            parents.append(element)
            if tag == _ROW:
                row, column, cells = int(element.get("r") or row + 1), 0, 0
            continue
        parents.pop()
        if tag != _CELL:
            if tag == _ROW or len(parents) < 3:  # a row, or a part of the sheet beside the data
                element.clear()
                if parents:
                    parents[-1].remove(element)
            continue
        cells += 1
        if cells > ROW_CELLS_MAX:
            raise _unreadable(f"row {row} has more than {ROW_CELLS_MAX:,} cells")
        reference = element.get("r")
        column = _column_of(reference) if reference else column + 1
        value = element.findtext(_VALUE)
        formula = element.find(_FORMULA)
        if element.get("t") == "e":
            problems.append(CellProblem(row, column, TableFault.ERROR_VALUE, value or ""))
        elif formula is not None and not value:
            shown = "=" + (formula.text or "")[:40]
            problems.append(CellProblem(row, column, TableFault.FORMULA, shown))
        if not (value or formula is not None or element.find(_INLINE) is not None):
            continue
        if row > ROWS_MAX + 1:  # the header, then the data rows
            raise TableUnreadable([*problems, CellProblem(row, 0, TableFault.TOO_MANY_ROWS)])
        if column > COLUMNS_MAX:
            problem = CellProblem(row, column, TableFault.TOO_MANY_COLUMNS)
            raise TableUnreadable([*problems, problem])
        if len(problems) >= PROBLEMS_MAX:
            break
        last_row, last_column = max(last_row, row), max(last_column, column)
    if problems:
        raise TableUnreadable(problems)
    return last_row, last_column
