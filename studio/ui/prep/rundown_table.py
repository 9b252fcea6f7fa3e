"""The running order as a Qt table model: segment drafts, every change an undoable command.

The model holds the list of ``SegmentDraft``; each change (a typed cell, an insert, a removal,
a move, a drag, a wholesale replacement) is pushed on :attr:`RundownTableModel.undo_stack`, and
the model announces it with ``edited`` so the editor can save it. Also here: the words for CSV
and cell problems, shared by the table and the import panel.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QUndoCommand, QUndoStack

from studio.domain.durations import format_duration, parse_duration
from studio.domain.model import SegmentKind
from studio.domain.rundown_csv import (
    KIND_WORDS_ZH,
    CsvProblem,
    Problem,
    SegmentDraft,
    parse_kind,
    segment_problems,
)
from studio.ui import labels

translate = QCoreApplication.translate

DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns a row's ``SegmentDraft``."""
MIME_TYPE = "application/x-studio-rundown-rows"
Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class Column(IntEnum):
    TITLE = 0
    KIND = 1
    PLANNED = 2
    WARNING = 3
    DANGER = 4
    NOTES = 5


DURATION_COLUMNS = {
    Column.PLANNED: "planned_s",
    Column.WARNING: "warning_s",
    Column.DANGER: "danger_s",
}
_CSV_COLUMN = {Column.PLANNED: "duration", Column.WARNING: "warning", Column.DANGER: "danger"}
"""How problems name the duration columns (as the CSV file does)."""


def problem_text(problem: CsvProblem) -> str:
    """A CSV or cell problem in the user's language, with its line and column when known."""
    words = {
        Problem.TOO_LARGE: translate(
            "RundownEditor", "The file is larger than {expected} bytes; it is not a running order."
        ),
        Problem.NOT_TEXT: translate(
            "RundownEditor",
            "The text is not UTF-8, GBK or UTF-16. In Excel or WPS, save it as “CSV UTF-8”.",
        ),
        Problem.TOO_MANY_ROWS: translate(
            "RundownEditor", "More than {expected} segments; it is not a running order."
        ),
        Problem.LONG_CELL: translate("RundownEditor", "Longer than {expected} characters."),
        Problem.CONTROL_CHARACTER: translate(
            "RundownEditor", "Holds a control character ({value}); remove it."
        ),
        Problem.BAD_CSV: translate(
            "RundownEditor", "This line is not valid CSV; check the quotation marks."
        ),
        Problem.EMPTY_FILE: translate("RundownEditor", "The file is empty."),
        Problem.NO_HEADER: translate(
            "RundownEditor",
            "The first line must be the header: title, kind, duration, warning, danger, notes.",
        ),
        Problem.UNKNOWN_COLUMN: translate("RundownEditor", "Unknown column “{value}”."),
        Problem.DUPLICATE_COLUMN: translate(
            "RundownEditor", "This column appears twice in the header."
        ),
        Problem.MISSING_COLUMN: translate("RundownEditor", "The header lacks this column."),
        Problem.NO_ROWS: translate("RundownEditor", "The file has a header but no segments."),
        Problem.CELL_COUNT: translate(
            "RundownEditor", "This line has {value} cells; the header has {expected}."
        ),
        Problem.EMPTY_TITLE: translate("RundownEditor", "The title is empty."),
        Problem.LONG_TITLE: translate(
            "RundownEditor", "The title is longer than {expected} characters."
        ),
        Problem.MULTILINE_TITLE: translate("RundownEditor", "The title must be one line."),
        Problem.UNKNOWN_KIND: translate(
            "RundownEditor", "Unknown kind “{value}”; use one of: {kinds}."
        ),
        Problem.BAD_DURATION: translate(
            "RundownEditor", "“{value}” is not a duration; write minutes:seconds, e.g. 05:00."
        ),
        Problem.ZERO_DURATION: translate(
            "RundownEditor", "The duration must be longer than 00:00."
        ),
        Problem.LONG_DURATION: translate("RundownEditor", "{value} is longer than a day."),
        Problem.DANGER_ABOVE_WARNING: translate(
            "RundownEditor", "Danger at {value} must not be more than warning at {expected}."
        ),
    }
    kinds = ", ".join(f"{kind.value} / {word}" for kind, word in KIND_WORDS_ZH.items())
    text = words[problem.code].format(value=problem.value, expected=problem.expected, kinds=kinds)
    column = column_word(problem.column)
    if problem.line and column:
        return translate("RundownEditor", "Line {line}, {column}: {text}").format(
            line=problem.line, column=column, text=text
        )
    if problem.line:
        return translate("RundownEditor", "Line {line}: {text}").format(
            line=problem.line, text=text
        )
    return (
        translate("RundownEditor", "{column}: {text}").format(column=column, text=text)
        if column
        else text
    )


def column_word(name: str) -> str:
    """The translated name of a CSV column (``title`` … ``notes``); "" for none."""
    return {
        "title": translate("RundownEditor", "Title"),
        "kind": translate("RundownEditor", "Kind"),
        "duration": translate("RundownEditor", "Duration"),
        "warning": translate("RundownEditor", "Warning"),
        "danger": translate("RundownEditor", "Danger"),
        "notes": translate("RundownEditor", "Notes"),
    }.get(name, "")


class _Command(QUndoCommand):
    """One undoable edit as two callables; the model announces the change after either."""

    def __init__(
        self, text: str, model: RundownTableModel, do: Callable[[], None], undo: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self._model = model
        self._do = do
        self._undo = undo

    def redo(self) -> None:
        self._do()
        self._model.edited.emit()

    def undo(self) -> None:
        self._undo()
        self._model.edited.emit()


class RundownTableModel(QAbstractTableModel):
    """The segments of one running order; every change goes through :attr:`undo_stack`.

    Attributes:
        undo_stack: the edits since the rundown was loaded, undoable one by one.
        read_only: the session is live or has ended: no edit is taken (see :meth:`set_read_only`).

    Signals:
        edited(): the segments changed (an edit, an undo or a redo): save and recount.
        rejected(str): a typed value was refused; the text says why, in the user's language.
    """

    edited = Signal()
    rejected = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drafts: list[SegmentDraft] = []
        self.undo_stack = QUndoStack(self)
        self.read_only = False
        self._read_only_reason = ""

    def set_read_only(self, read_only: bool, reason: str = "") -> None:
        """Take no edit (cells, drags, any undoable change); a try says ``reason``."""
        self.read_only, self._read_only_reason = read_only, reason
        if read_only:
            self.undo_stack.clear()  # what aired is not undone into

    # -- reading -----------------------------------------------------------------------------
    def drafts(self) -> list[SegmentDraft]:
        return list(self._drafts)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._drafts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            # The segment's number: a header, not a column, as it is no part of the segment.
            return str(section + 1) if 0 <= section < len(self._drafts) else None
        headers = (
            self.tr("Segment"),
            self.tr("Kind"),
            self.tr("Planned"),
            self.tr("Warning at"),
            self.tr("Danger at"),
            self.tr("Notes for the official"),
        )
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._drafts):
            return None
        draft = self._drafts[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(draft, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == Column.KIND:
                return draft.kind.value
            if column == Column.NOTES:
                return draft.notes
            return self._display(draft, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in DURATION_COLUMNS:
            return int(RIGHT)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.TITLE, Column.NOTES):
            # Tooltips guess at rich text; escaping keeps the operator's text literal.
            text = draft.title if column == Column.TITLE else draft.notes
            return GuiQt.convertFromPlainText(text) if text else None
        if role == DRAFT_ROLE:
            return draft
        return None

    @staticmethod
    def _display(draft: SegmentDraft, column: Column) -> str:
        if column == Column.TITLE:
            return draft.title
        if column == Column.KIND:
            return labels.segment_kind(draft.kind)
        if column == Column.NOTES:
            return " ".join(draft.notes.split("\n"))
        return format_duration(getattr(draft, DURATION_COLUMNS[column]))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.read_only:
            valid = index.isValid()
            return (
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren
                if valid
                else Qt.ItemFlag.NoItemFlags
            )
        if not index.isValid():
            # Drops land between rows (onto the root), never onto a segment.
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- typing in a cell --------------------------------------------------------------------
    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if self.read_only:
            self.rejected.emit(self._read_only_reason)
            return False
        old = self._drafts[index.row()]
        column = Column(index.column())
        text = str(value).strip()
        fields = asdict(old)
        if column == Column.TITLE:
            fields["title"] = text
        elif column == Column.KIND:
            fields["kind"] = parse_kind(text) or self._kind_from_word(text)
            if fields["kind"] is None:
                self.rejected.emit(problem_text(CsvProblem(0, "kind", Problem.UNKNOWN_KIND, text)))
                return False
        elif column in DURATION_COLUMNS:
            try:
                fields[DURATION_COLUMNS[column]] = parse_duration(text)
            except ValueError:
                problem = CsvProblem(0, _CSV_COLUMN[column], Problem.BAD_DURATION, text)
                self.rejected.emit(problem_text(problem))
                return False
        elif column == Column.NOTES:
            fields["notes"] = text.replace("\r\n", "\n")
        else:
            return False
        problems = segment_problems(
            fields["title"], fields["planned_s"], fields["warning_s"], fields["danger_s"]
        )
        if problems:
            self.rejected.emit(problem_text(problems[0]))
            return False
        new = SegmentDraft(**fields)
        if new != old:
            self.set_draft(index.row(), new, self.tr("Edit “{title}”").format(title=new.title))
        return True

    @staticmethod
    def _kind_from_word(text: str) -> SegmentKind | None:
        """A kind from its word in the interface's language (what the combo box shows)."""
        return next((k for k in SegmentKind if labels.segment_kind(k) == text), None)

    # -- undoable edits ----------------------------------------------------------------------
    def set_draft(self, row: int, draft: SegmentDraft, text: str) -> None:
        old = self._drafts[row]
        self._push(text, lambda: self._set(row, draft), lambda: self._set(row, old))

    def insert_drafts(self, row: int, drafts: Sequence[SegmentDraft], text: str) -> None:
        drafts = list(drafts)
        self._push(text, lambda: self._insert(row, drafts), lambda: self._remove(row, len(drafts)))

    def remove_rows(self, rows: Sequence[int], text: str) -> None:
        saved = [(row, self._drafts[row]) for row in sorted(set(rows))]

        def do() -> None:
            for row, _draft in reversed(saved):
                self._remove(row, 1)

        def undo() -> None:
            for row, draft in saved:
                self._insert(row, [draft])

        self._push(text, do, undo)

    def move_rows(self, rows: Sequence[int], target: int, text: str) -> bool:
        """Move ``rows`` together so they start where ``target`` (a row before the move) was.

        Returns:
            False when that leaves the order as it is (nothing is pushed).
        """
        moving = sorted(set(rows))
        rest = [row for row in range(len(self._drafts)) if row not in moving]
        before = [row for row in rest if row < target]
        order = before + moving + rest[len(before) :]
        if order == list(range(len(self._drafts))):
            return False
        self.reorder(order, text)
        return True

    def reorder(self, order: Sequence[int], text: str) -> None:
        """Put the rows in ``order`` (new row → old row)."""
        order = list(order)
        inverse = [0] * len(order)
        for new, old in enumerate(order):
            inverse[old] = new
        self._push(text, lambda: self._reorder(order), lambda: self._reorder(inverse))

    def replace_all(self, drafts: Sequence[SegmentDraft], text: str) -> None:
        old, new = list(self._drafts), list(drafts)
        self._push(text, lambda: self._reset(new), lambda: self._reset(old))

    def show_subject(self, drafts: Sequence[SegmentDraft]) -> None:
        """Show another session's rundown: a reset (nothing of the last one stays), no undo."""
        self._reset(list(drafts))
        self.undo_stack.clear()

    def load(self, drafts: Sequence[SegmentDraft]) -> None:
        """Show the same session's rundown read again from the store: not an edit, and it
        forgets the undo history.

        The rows follow by change, not by a reset, so a reader's selection and scroll position
        stay: drafts have no id, so row by row, a changed row gets ``dataChanged`` and the rows
        beyond the shorter list are removed or inserted at the end.
        """
        new = list(drafts)
        common = min(len(self._drafts), len(new))
        if len(new) < len(self._drafts):
            self._remove(len(new), len(self._drafts) - len(new))
        changed = [row for row in range(common) if self._drafts[row] != new[row]]
        for row in changed:
            self._set(row, new[row])
        if len(new) > common:
            self._insert(common, new[common:])
        self.undo_stack.clear()

    def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> None:
        if self.read_only:  # every edit comes through here: none of them changes what aired
            self.rejected.emit(self._read_only_reason)
            return
        self.undo_stack.push(_Command(text, self, do, undo))

    # -- the changes themselves, with Qt's model signals -------------------------------------
    def _set(self, row: int, draft: SegmentDraft) -> None:
        self._drafts[row] = draft
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def _insert(self, row: int, drafts: list[SegmentDraft]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(drafts) - 1)
        self._drafts[row:row] = drafts
        self.endInsertRows()
        self._renumber(row)

    def _remove(self, row: int, count: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        del self._drafts[row : row + count]
        self.endRemoveRows()
        self._renumber(row)

    def _reorder(self, order: list[int]) -> None:
        """Rows take the order ``order`` (new row → old row); selections follow their rows."""
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order)}
        self._drafts = [self._drafts[old] for old in order]
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent, [self.index(new_row[i.row()], i.column()) for i in persistent]
        )
        self.layoutChanged.emit()

    def _reset(self, drafts: list[SegmentDraft]) -> None:
        # Subject change only: another session's stored rundown (show_subject), or the whole running
        # order replaced by a template or an imported file (replace_all, one undoable step).
        self.beginResetModel()
        self._drafts = drafts
        self.endResetModel()

    def _renumber(self, first: int) -> None:
        """The numbers of the rows below an insert or removal changed."""
        if first < len(self._drafts):
            last = len(self._drafts) - 1
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    # -- drag and drop (moves within this table only) ----------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        # The model's identity keeps rows of another editor (another window) out.
        payload = {"model": id(self), "rows": rows}
        data.setData(MIME_TYPE, json.dumps(payload).encode())
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self._dragged_rows(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        rows = self._dragged_rows(data)
        if action != Qt.DropAction.MoveAction or rows is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._drafts)
        self.move_rows(rows, row, self.tr("Drag to reorder"))
        # Moved here already: a True would make the view also delete the "source" rows.
        return False

    def _dragged_rows(self, data: QMimeData) -> list[int] | None:
        if not data.hasFormat(MIME_TYPE):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME_TYPE).data()).decode())
            rows = [int(row) for row in payload["rows"]]
        except (ValueError, KeyError, TypeError):
            return None
        if payload.get("model") != id(self) or not rows:
            return None
        if not all(0 <= row < len(self._drafts) for row in rows):
            return None
        return rows
