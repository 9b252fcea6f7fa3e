"""Cells of every table the app writes or reads (CSV, XLSX): spreadsheet-safe text, decoding, bounds.

Excel and WPS run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before one) as a formula: a topic ``=HYPERLINK("http://x","y")`` becomes a live link,
``-2+3`` a sum ("CSV injection", OWASP). Every CSV the app writes goes through
:func:`csv_text`, which puts one apostrophe before such text; the XLSX writer
(:mod:`studio.store.table_files`) stores it as a string cell instead. Numbers stay numbers, and
so does text that is only a signed number or duration (``-0:30``, ``+12``): digits, colons and
one point name no function and no host, and a sign is what lateness means.

Reading is the mirror: :func:`unguard` takes off the one apostrophe we added, so an export
imports back as it was; :func:`decode_table_bytes` accepts what Excel and WPS save (UTF-8 with
or without BOM, UTF-16 with BOM, GBK/GB18030); :func:`csv_records` and :func:`cell_problems`
bound rows, columns and cell length, and refuse control characters, each with its line and
column.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from studio.domain.refusals import Refusal, Refused

Cell = str | int | float | bool | None
"""What an export cell may hold: text is text, numbers and booleans are written as such."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these is a formula to Excel and WPS."""
ROWS_MAX = 10_000
"""Data rows a table file may hold (besides its header): a year of sessions is 250."""
COLUMNS_MAX = 50
"""Columns a table file may fill: ours have at most 14."""
CELL_CHARS_MAX = 2_000
"""Characters a cell may hold: a topic is 200, a title 120."""
PROBLEMS_MAX = 100
"""Problems listed before reading stops: a file with more is the wrong file."""

_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.:][0-9]+)*")
# C0 and C1 controls and DEL; tab, line feed and carriage return are ordinary in cells.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class TableFault(StrEnum):
    """What can be wrong with a table file before its columns mean anything."""

    NOT_TEXT = "not_text"
    BAD_CSV = "bad_csv"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    LONG_CELL = "long_cell"
    CONTROL_CHARACTER = "control_character"
    FORMULA = "formula"
    ERROR_VALUE = "error_value"
    NOT_A_WORKBOOK = "not_a_workbook"


# Each fault's reason in the refusal table (worded there, in English and in the interface's).
_CODES = {
    TableFault.NOT_TEXT: Refusal.NOT_TEXT,
    TableFault.BAD_CSV: Refusal.BAD_CSV,
    TableFault.TOO_MANY_ROWS: Refusal.TOO_MANY_ROWS,
    TableFault.TOO_MANY_COLUMNS: Refusal.TOO_MANY_COLUMNS,
    TableFault.LONG_CELL: Refusal.LONG_CELL,
    TableFault.CONTROL_CHARACTER: Refusal.CONTROL_CHARACTER,
    TableFault.FORMULA: Refusal.FORMULA,
    TableFault.ERROR_VALUE: Refusal.ERROR_VALUE,
    TableFault.NOT_A_WORKBOOK: Refusal.NOT_A_WORKBOOK,
}
_LIMITS = {
    TableFault.TOO_MANY_ROWS: ROWS_MAX,
    TableFault.TOO_MANY_COLUMNS: COLUMNS_MAX,
    TableFault.LONG_CELL: CELL_CHARS_MAX,
}


@dataclass(frozen=True, slots=True)
class CellProblem:
    """A fault of a table file and where it is.

    Attributes:
        line: the row (in a CSV, the line its record starts on), from 1.
        column: the column's position from 1, or 0 for the whole line.
        fault: what is wrong.
        value: the culprit (a formula, a character's code point), if any.
    """

    line: int
    column: int
    fault: TableFault
    value: str = ""

    @property
    def limit(self) -> int:
        """The bound a ``TOO_MANY_…`` or ``LONG_CELL`` fault broke (0 for the others)."""
        return _LIMITS.get(self.fault, 0)

    @property
    def reason(self) -> Refused:
        """What is wrong, as a code and its arguments (the caller says where)."""
        return Refused(_CODES[self.fault], text=self.value, limit=f"{self.limit:,}")

    @property
    def message(self) -> str:
        """What is wrong, in English (the caller says where)."""
        return str(self.reason)


class TableUnreadable(ValueError):
    """The file cannot be read as a table.

    Attributes:
        problems: where and why.
        header: the first row's cells, if it was read (to name the columns).
    """

    def __init__(self, problems: Sequence[CellProblem], header: Sequence[str] = ()) -> None:
        self.problems = tuple(problems)
        self.header = tuple(header)
        super().__init__("; ".join(f"line {p.line}: {p.message}" for p in self.problems[:5]))


def column_letter(column: int) -> str:
    """A column's name as a spreadsheet shows it: 1 → A, 27 → AA."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# -- writing -----------------------------------------------------------------------------------
def clean_text(text: str) -> str:
    """Text without control characters (each becomes U+FFFD): no file of ours holds one."""
    return _CONTROL.sub("\ufffd", text)


def looks_like_formula(text: str) -> bool:
    """True if Excel or WPS would run ``text`` typed into a cell (a signed number would not)."""
    return text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text)


def spreadsheet_text(text: str) -> str:
    """``text`` as a CSV cell a spreadsheet shows but never runs: a formula-looking text (or
    one that already starts with an apostrophe, so reading back is exact) gets one apostrophe.
    """
    text = clean_text(text)
    if text.startswith("'") or looks_like_formula(text):
        return "'" + text
    return text


def unguard(text: str) -> str:
    """The text :func:`spreadsheet_text` guarded, without the apostrophe it added."""
    if len(text) > 1 and text[0] == "'" and (text[1] == "'" or text[1:].startswith(FORMULA_STARTS)):
        return text[1:]
    return text


def csv_cell(value: Cell) -> str:
    """One cell's CSV text: text made spreadsheet-safe, numbers and booleans as written."""
    if value is None:
        return ""
    if isinstance(value, str):
        return spreadsheet_text(value)
    return str(value)


def csv_text(rows: Iterable[Sequence[Cell]]) -> str:
    """CSV text (CRLF line ends) of ``rows``, every cell through :func:`csv_cell`.

    Write it as UTF-8 with a BOM (:func:`csv_bytes`): Excel and WPS need the BOM to see UTF-8.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return out.getvalue()


def csv_bytes(rows: Iterable[Sequence[Cell]]) -> bytes:
    """The bytes of a CSV file for Excel and WPS: UTF-8 with a BOM."""
    return codecs.BOM_UTF8 + csv_text(rows).encode("utf-8")


# -- reading -----------------------------------------------------------------------------------
def decode_table_bytes(data: bytes) -> str:
    """The text of a CSV file as Excel or WPS saves it, BOM removed.

    UTF-8 (with or without BOM) and UTF-16 (with BOM, Excel's "Unicode text") are told by their
    BOM or their validity; anything else is read as GB18030, a superset of GBK, which is what a
    Chinese Excel or WPS writes for "CSV". No guessing library: UTF-8 is strict enough that
    Chinese text in GBK is never valid UTF-8.

    Raises:
        TableUnreadable: bytes that are none of these (the line of the first bad byte).
    """
    if data.startswith(codecs.BOM_UTF8):
        encodings = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8", "gb18030"]
    line = 1
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            if encoding != "utf-16":  # in UTF-16 a line feed is two bytes: count no lines
                line = data.count(b"\n", 0, error.start) + 1
    raise TableUnreadable([CellProblem(line, 0, TableFault.NOT_TEXT)])


def cell_problems(line: int, cells: Sequence[str]) -> list[CellProblem]:
    """What is wrong with one row's cells as data: too many columns, too long, control
    characters (tab, line feed and carriage return are allowed). Empty cells past the last
    allowed column are spreadsheet residue, not data."""
    problems = []
    for column, text in enumerate(cells, start=1):
        if not text:
            continue
        if column > COLUMNS_MAX:
            return [CellProblem(line, column, TableFault.TOO_MANY_COLUMNS)]
        if len(text) > CELL_CHARS_MAX:
            problems.append(CellProblem(line, column, TableFault.LONG_CELL))
        elif (control := _CONTROL.search(text)) is not None:
            point = f"U+{ord(control.group()):04X}"
            problems.append(CellProblem(line, column, TableFault.CONTROL_CHARACTER, point))
    return problems


def csv_records(text: str) -> list[tuple[int, list[str]]]:
    """The non-blank records of CSV text, each with the line it starts on, cells unguarded.

    Comma is the format; semicolon (European Excel) and tab (Excel's "Unicode text", WPS) are
    read too, told by the first line.

    Raises:
        TableUnreadable: broken quoting, a field over the csv module's limit (131,072),
            more than ``ROWS_MAX`` data rows, or cells :func:`cell_problems` refuses.
    """
    first_line = text.lstrip("\r\n").partition("\n")[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    problems: list[CellProblem] = []
    start = 1
    try:
        for row in reader:
            # Excel writes rows of empty cells below a table; they are not data.
            if any(cell.strip() for cell in row):
                if len(records) > ROWS_MAX:
                    problems.append(CellProblem(start, 0, TableFault.TOO_MANY_ROWS))
                    break
                problems += cell_problems(start, row)
                if len(problems) >= PROBLEMS_MAX:
                    break
                records.append((start, [unguard(cell) for cell in row]))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.append(CellProblem(start, 0, TableFault.BAD_CSV, str(error)))
    if problems:
        raise TableUnreadable(problems, records[0][1] if records else ())
    return records
