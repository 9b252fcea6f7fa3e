"""A running order as the operator edits it (segment drafts) and its CSV form, read line by line.

The CSV has a header row and one segment a row: ``title, kind, duration, warning, danger,
notes`` (English or Chinese column names, in any order). Reading reports *every* problem with
its line, so a bad file can be fixed in one pass; it yields segments only when there is none.
Writing produces what Excel and WPS open directly (UTF-8 with a BOM, CRLF line ends), through
the one table writer (:mod:`studio.domain.table_text`): a title such as ``=HYPERLINK(…)`` gets an
apostrophe so it stays text, and reading takes it off again. Reading accepts what Excel and WPS
save (UTF-8, GBK/GB18030, UTF-16) and refuses control characters and over-long cells by line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from studio.domain.durations import format_duration, parse_duration
from studio.domain.model import SegmentKind
from studio.domain.rundown_plan import PlannedSegment
from studio.domain.table_text import (
    CELL_CHARS_MAX,
    ROWS_MAX,
    TableFault,
    TableUnreadable,
    csv_bytes,
    csv_records,
    csv_text,
    decode_table_bytes,
)

DEFAULT_WARNING_S = 120
"""Warning threshold of a new segment; the same default as :class:`PlannedSegment`."""
DEFAULT_DANGER_S = 60
TITLE_MAX = 120
"""Longest segment title: the store's column is that wide, and the official's screen too."""
DURATION_MAX_S = 24 * 3600 - 1
"""Anything longer is a typo, not a segment (and must still fit a 32-bit column)."""
CSV_MAX_BYTES = 1_000_000
"""A rundown is a few hundred bytes; a bigger file is the wrong file."""

CSV_COLUMNS = ("title", "kind", "duration", "warning", "danger", "notes")
REQUIRED_COLUMNS = ("title", "kind", "duration")

_COLUMN_NAMES = {name: name for name in CSV_COLUMNS} | {
    "标题": "title",
    "类型": "kind",
    "时长": "duration",
    "提醒": "warning",
    "紧急": "danger",
    "提示": "notes",
}
KIND_WORDS_ZH = {
    SegmentKind.OPENING: "开场",
    SegmentKind.BRIEFING: "政策解读",
    SegmentKind.QA: "网友提问",
    SegmentKind.REPORT_BACK: "转办回音",
    SegmentKind.CLOSING: "结束语",
    SegmentKind.OTHER: "其他",
}
"""The Chinese word a CSV may use for each kind, besides the kind's value (``qa``)."""
_KIND_WORDS = (
    {kind.value: kind for kind in SegmentKind}
    | {word: kind for kind, word in KIND_WORDS_ZH.items()}
    | {"q&a": SegmentKind.QA}
)


@dataclass(frozen=True)
class SegmentDraft:
    """One segment of a running order as it is being prepared (no id, no position yet).

    Attributes:
        title: what the official's screen shows, one line.
        kind: the segment's role in the session.
        planned_s: planned length in whole seconds.
        warning_s: the timer warns when this much is left.
        danger_s: the timer turns to danger when this much is left; never above ``warning_s``.
        notes: notes for the official, shown while the segment runs; may span lines.
    """

    title: str
    kind: SegmentKind
    planned_s: int
    warning_s: int = DEFAULT_WARNING_S
    danger_s: int = DEFAULT_DANGER_S
    notes: str = ""

    def __post_init__(self) -> None:
        # The same invariants as PlannedSegment, so to_planned() never fails.
        if self.planned_s < 0:
            raise ValueError(f"planned_s must not be negative: {self.planned_s}")
        if not 0 <= self.danger_s <= self.warning_s:
            raise ValueError(
                f"need 0 <= danger_s <= warning_s, got {self.danger_s} and {self.warning_s}"
            )

    def to_planned(self) -> PlannedSegment:
        """The segment as the rundown clock plans with it."""
        return PlannedSegment(
            self.title, self.kind, self.planned_s, warning_s=self.warning_s, danger_s=self.danger_s
        )

    @classmethod
    def from_planned(cls, plan: PlannedSegment, notes: str = "") -> SegmentDraft:
        return cls(plan.title, plan.kind, plan.planned_s, plan.warning_s, plan.danger_s, notes)


@dataclass(frozen=True)
class RundownTemplateRecord:
    """A named running order to start a session's rundown from.

    Attributes:
        id: the store's id.
        name: unique, e.g. 每日问政标准流程.
        is_default: the studio's standard daily hour.
        segments: its segments, in order.
    """

    id: int
    name: str
    is_default: bool
    segments: tuple[SegmentDraft, ...]

    @property
    def total_s(self) -> int:
        return sum(segment.planned_s for segment in self.segments)


class Problem(StrEnum):
    """What can be wrong with a rundown CSV, or with a segment typed in the editor."""

    TOO_LARGE = "too_large"
    NOT_TEXT = "not_text"
    BAD_CSV = "bad_csv"
    TOO_MANY_ROWS = "too_many_rows"
    LONG_CELL = "long_cell"
    CONTROL_CHARACTER = "control_character"
    EMPTY_FILE = "empty_file"
    NO_HEADER = "no_header"
    UNKNOWN_COLUMN = "unknown_column"
    DUPLICATE_COLUMN = "duplicate_column"
    MISSING_COLUMN = "missing_column"
    NO_ROWS = "no_rows"
    CELL_COUNT = "cell_count"
    EMPTY_TITLE = "empty_title"
    LONG_TITLE = "long_title"
    MULTILINE_TITLE = "multiline_title"
    UNKNOWN_KIND = "unknown_kind"
    BAD_DURATION = "bad_duration"
    ZERO_DURATION = "zero_duration"
    LONG_DURATION = "long_duration"
    DANGER_ABOVE_WARNING = "danger_above_warning"


_MESSAGES = {
    Problem.TOO_LARGE: "the file is larger than {expected} bytes; it is not a rundown",
    Problem.NOT_TEXT: "the text is not UTF-8, GB18030 (GBK) or UTF-16; save it as 'CSV UTF-8'",
    Problem.BAD_CSV: "not valid CSV ({value}); check the quotation marks",
    Problem.TOO_MANY_ROWS: "more than {expected} segments; it is not a rundown",
    Problem.LONG_CELL: "longer than {expected} characters",
    Problem.CONTROL_CHARACTER: "holds a control character ({value})",
    Problem.EMPTY_FILE: "the file is empty",
    Problem.NO_HEADER: "the first line must be the header: title, kind, duration, warning, danger, notes",
    Problem.UNKNOWN_COLUMN: "unknown column {value!r}",
    Problem.DUPLICATE_COLUMN: "the column appears twice",
    Problem.MISSING_COLUMN: "the header lacks this column",
    Problem.NO_ROWS: "the file has a header but no segments",
    Problem.CELL_COUNT: "{value} cells, but the header has {expected}",
    Problem.EMPTY_TITLE: "the title is empty",
    Problem.LONG_TITLE: "the title is longer than {expected} characters",
    Problem.MULTILINE_TITLE: "the title must be one line",
    Problem.UNKNOWN_KIND: "unknown kind {value!r}",
    Problem.BAD_DURATION: "{value!r} is not a duration (mm:ss)",
    Problem.ZERO_DURATION: "the duration must be longer than 00:00",
    Problem.LONG_DURATION: "{value!r} is longer than a day",
    Problem.DANGER_ABOVE_WARNING: "danger {value} comes before warning {expected}",
}


@dataclass(frozen=True)
class CsvProblem:
    """One thing wrong with a rundown CSV (or a typed cell), where it is, and the culprit.

    Attributes:
        line: the file's line, from 1 (a quoted cell may span lines: the line its row starts).
        column: the canonical column name (``title`` … ``notes``), or "" for the whole line.
        code: what is wrong; the editor words it in the user's language from this.
        value: the offending text or number, if any.
        expected: what was expected (a count, a limit, the warning threshold), if anything.
    """

    line: int
    column: str
    code: Problem
    value: str = ""
    expected: str = ""

    @property
    def message(self) -> str:
        """In English, for logs and the command line."""
        where = f"line {self.line}" + (f", {self.column}" if self.column else "")
        text = _MESSAGES[self.code].format(value=self.value, expected=self.expected)
        return f"{where}: {text}"


class RundownCsvInvalid(ValueError):
    """The CSV can't become a rundown; ``problems`` lists everything found, by line."""

    def __init__(self, problems: Sequence[CsvProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(problem.message for problem in self.problems[:5]))


def segment_problems(
    title: str, planned_s: int, warning_s: int, danger_s: int, *, line: int = 0
) -> list[CsvProblem]:
    """The editorial rules of one segment, shared by the CSV reader and the editor.

    Args:
        line: reported in the problems (0 when checking a typed cell).

    Returns:
        The problems found; empty when the segment may be saved.
    """
    problems = []
    if not title:
        problems.append(CsvProblem(line, "title", Problem.EMPTY_TITLE))
    elif "\n" in title or "\r" in title:
        problems.append(CsvProblem(line, "title", Problem.MULTILINE_TITLE))
    elif len(title) > TITLE_MAX:
        problems.append(CsvProblem(line, "title", Problem.LONG_TITLE, expected=str(TITLE_MAX)))
    if planned_s <= 0:
        problems.append(CsvProblem(line, "duration", Problem.ZERO_DURATION))
    for column, seconds in (("duration", planned_s), ("warning", warning_s), ("danger", danger_s)):
        if seconds > DURATION_MAX_S:
            problems.append(
                CsvProblem(line, column, Problem.LONG_DURATION, format_duration(seconds))
            )
    if danger_s > warning_s:
        problems.append(
            CsvProblem(
                line,
                "danger",
                Problem.DANGER_ABOVE_WARNING,
                format_duration(danger_s),
                format_duration(warning_s),
            )
        )
    return problems


def parse_kind(text: str) -> SegmentKind | None:
    """A kind from its value (``qa``) or its Chinese word (网友提问); None if it is neither."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    return _KIND_WORDS.get(key)


def read_rundown_csv(data: bytes | str) -> list[SegmentDraft]:
    """Read a rundown CSV.

    Args:
        data: the file's bytes (UTF-8, with or without BOM) or its decoded text.

    Returns:
        The segments, in file order; at least one.

    Raises:
        RundownCsvInvalid: with every problem found; nothing was read.
    """
    text = _decode(data)
    records = _records(text)
    if not records:
        raise RundownCsvInvalid([CsvProblem(1, "", Problem.EMPTY_FILE)])
    header_line, header = records[0]
    columns = _header(header_line, header)
    if len(records) == 1:
        raise RundownCsvInvalid([CsvProblem(header_line, "", Problem.NO_ROWS)])
    drafts: list[SegmentDraft] = []
    problems: list[CsvProblem] = []
    for line, cells in records[1:]:
        draft = _row(line, cells, columns, problems)
        if draft is not None:
            drafts.append(draft)
    if problems:
        raise RundownCsvInvalid(problems)
    return drafts


def _table(drafts: Iterable[SegmentDraft]) -> list[list[str]]:
    rows = [list(CSV_COLUMNS)]
    for draft in drafts:
        rows.append(
            [
                draft.title,
                draft.kind.value,
                format_duration(draft.planned_s),
                format_duration(draft.warning_s),
                format_duration(draft.danger_s),
                draft.notes,
            ]
        )
    return rows


def format_rundown_csv(drafts: Iterable[SegmentDraft]) -> str:
    """The CSV text of a running order, header first; :func:`read_rundown_csv` reads it back."""
    return csv_text(_table(drafts))


def rundown_csv_bytes(drafts: Iterable[SegmentDraft]) -> bytes:
    """The bytes of a CSV file: UTF-8 with a BOM, which Excel and WPS need to see UTF-8."""
    return csv_bytes(_table(drafts))


# -- reading, step by step ---------------------------------------------------------------------
def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if len(data) > CSV_MAX_BYTES:
        raise RundownCsvInvalid([CsvProblem(1, "", Problem.TOO_LARGE, expected=str(CSV_MAX_BYTES))])
    try:
        return decode_table_bytes(data)
    except TableUnreadable as unreadable:
        raise RundownCsvInvalid(_located(unreadable)) from None


_FAULTS = {
    TableFault.NOT_TEXT: (Problem.NOT_TEXT, ""),
    TableFault.BAD_CSV: (Problem.BAD_CSV, ""),
    TableFault.TOO_MANY_ROWS: (Problem.TOO_MANY_ROWS, str(ROWS_MAX)),
    TableFault.LONG_CELL: (Problem.LONG_CELL, str(CELL_CHARS_MAX)),
    TableFault.CONTROL_CHARACTER: (Problem.CONTROL_CHARACTER, ""),
}


def _located(unreadable: TableUnreadable) -> list[CsvProblem]:
    """A table file's faults as rundown problems, each column by its canonical name."""
    names = [_COLUMN_NAMES.get(cell.strip().lower(), "") for cell in unreadable.header]
    problems = []
    for fault in unreadable.problems:
        # Columns past the header are no column of ours: the cell count says so for the line.
        code, expected = _FAULTS.get(fault.fault, (Problem.CELL_COUNT, str(len(names))))
        column = names[fault.column - 1] if 0 < fault.column <= len(names) else ""
        value = str(fault.column) if code == Problem.CELL_COUNT else fault.value
        problems.append(CsvProblem(fault.line, column, code, value, expected))
    return problems


def _records(text: str) -> list[tuple[int, list[str]]]:
    """The non-blank rows with the line each starts on (a quoted cell may hold line breaks),
    without the apostrophe our export puts before a formula-looking cell."""
    try:
        return csv_records(text)
    except TableUnreadable as unreadable:
        raise RundownCsvInvalid(_located(unreadable)) from None


def _header(line: int, cells: list[str]) -> list[str]:
    """The canonical column name of each cell of the header."""
    cells = _without_trailing_blanks(cells)
    names = [_COLUMN_NAMES.get(cell.strip().lower(), "") for cell in cells]
    if not any(names):
        raise RundownCsvInvalid([CsvProblem(line, "", Problem.NO_HEADER)])
    problems = []
    for cell, name in zip(cells, names, strict=True):
        if not name:
            problems.append(CsvProblem(line, "", Problem.UNKNOWN_COLUMN, cell.strip()))
    for name in CSV_COLUMNS:
        if names.count(name) > 1:
            problems.append(CsvProblem(line, name, Problem.DUPLICATE_COLUMN))
    for name in REQUIRED_COLUMNS:
        if name not in names:
            problems.append(CsvProblem(line, name, Problem.MISSING_COLUMN))
    if problems:
        raise RundownCsvInvalid(problems)
    return names


def _row(
    line: int, cells: list[str], columns: list[str], problems: list[CsvProblem]
) -> SegmentDraft | None:
    """One segment from a row, or None after adding the row's problems to ``problems``."""
    if len(cells) > len(columns):
        # Blank cells past the header are spreadsheet residue, not data.
        cells = cells[: len(columns)] + _without_trailing_blanks(cells[len(columns) :])
    if len(cells) != len(columns):
        problems.append(
            CsvProblem(line, "", Problem.CELL_COUNT, str(len(cells)), str(len(columns)))
        )
        return None
    value = dict(zip(columns, cells, strict=True))
    found: list[CsvProblem] = []
    title = value["title"].strip()
    kind = parse_kind(value["kind"])
    if kind is None:
        found.append(CsvProblem(line, "kind", Problem.UNKNOWN_KIND, value["kind"].strip()))
    planned = _seconds(line, "duration", value["duration"], None, found)
    warning = _seconds(line, "warning", value.get("warning", ""), DEFAULT_WARNING_S, found)
    danger = _seconds(line, "danger", value.get("danger", ""), DEFAULT_DANGER_S, found)
    notes = value.get("notes", "").strip().replace("\r\n", "\n").replace("\r", "\n")
    rules = segment_problems(
        title,
        planned if planned is not None else 1,
        warning if warning is not None else DEFAULT_WARNING_S,
        danger if danger is not None else 0,
        line=line,
    )
    # A threshold that did not parse must not also be blamed for its order.
    rules = [
        problem
        for problem in rules
        if problem.code != Problem.DANGER_ABOVE_WARNING or None not in (warning, danger)
    ]
    found.extend(rules)
    if found:
        problems.extend(sorted(found, key=lambda p: CSV_COLUMNS.index(p.column)))
        return None
    assert kind is not None and planned is not None and warning is not None and danger is not None
    return SegmentDraft(title, kind, planned, warning, danger, notes)


def _seconds(
    line: int, column: str, text: str, default: int | None, problems: list[CsvProblem]
) -> int | None:
    stripped = text.strip()
    if not stripped and default is not None:
        return default
    try:
        return parse_duration(stripped)
    except ValueError:
        problems.append(CsvProblem(line, column, Problem.BAD_DURATION, stripped))
        return None


def _without_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]
