"""A read-only table model over a list of immutable records, one column spec per column."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from studio.ui.keyed_rows import Key, follow, renumber

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns the record of a row (FeelUOwn's habit: views and actions get the domain object)."""

SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column:
    """How one column shows a record.

    Attributes:
        header: the translated header text.
        text: the cell's text (always shown as plain text by the view).
        align: the cell's alignment.
        sort_key: what sorting compares (default: the text).
        colour: a foreground colour for the cell, or None.
        tooltip: a tooltip, or None.
        background: a background colour for the cell (a badge's colour), or None.
        wide: the column takes the width the others leave (the text: a topic, a note); the
            others fit their content and header, on an empty table as on a full one.
        header_tooltip: what the column's header explains on hover ("" for nothing).
    """

    header: str
    text: Callable[[Any], str]
    align: Qt.AlignmentFlag = LEFT
    sort_key: Callable[[Any], Any] | None = None
    colour: Callable[[Any], QColor | None] | None = None
    tooltip: Callable[[Any], str] | None = None
    background: Callable[[Any], QColor | None] | None = None
    wide: bool = False
    header_tooltip: str = ""


def record_id(record: Any) -> Hashable:
    """A record's identity: its ``id`` (what every stored record has)."""
    return record.id  # type: ignore[no-any-return]


class RecordTableModel(QAbstractTableModel):
    """Shows records through column specs; follows a new list by row events.

    :meth:`set_records` compares the new list with the rows shown by each record's key and
    removes, inserts, moves or refreshes only the rows that differ (see ``keyed_rows``), so a
    selection, a sort and a scroll position survive a refresh. :meth:`show_subject` resets:
    for another subject altogether (another session, another unit's officials).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        parent: QObject | None = None,
        key: Key = record_id,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[Any] = []
        self._key = key

    def column_specs(self) -> list[Column]:
        """How each column shows a record."""
        return list(self._columns)

    def set_records(self, records: Sequence[Any]) -> None:
        """The same subject's records, as the store has them now (keys unique)."""
        first = follow(self, self._records, records, self._key)
        if first is not None:
            renumber(self, first)

    def show_subject(self, records: Sequence[Any]) -> None:
        """Records of another subject: nothing shown before is kept (selection included)."""
        # A reset only here: the whole subject changed, no reader's row survives it anyway.
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self, first: int = 0, last: int | None = None) -> list[Any]:
        """The records of rows ``first`` to ``last`` (excluded; all by default), as a copy."""
        return self._records[first:last]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._records):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return column.colour(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            return column.background(record)
        if role == RECORD_ROLE:
            return record
        if role == SORT_ROLE:
            return column.sort_key(record) if column.sort_key else column.text(record)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns)
        if role == Qt.ItemDataRole.ToolTipRole and horizontal:
            return self._columns[section].header_tooltip or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if horizontal:
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._records):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def record_table(model: RecordTableModel, parent: QWidget | None = None) -> QTableView:
    """A sortable, row-selecting table view over ``model`` (through a sort proxy)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setModel(proxy)
    # Start in the model's own order; a click on a header sorts from then on.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setHighlightSections(False)
    fit_columns(view, [c.wide for c in model.column_specs()])
    return view


def fit_columns(view: QTableView, wide: Sequence[bool]) -> None:
    """Size a table's columns to their content and to the window: each column marked wide
    shares the room the others leave, the others fit their header and cells (and follow them).
    Without a wide column, the last one takes the room left.

    Sized by mode, not once: an empty table at start (a new county's database) gets the same
    proportions as the demo's, and rows arriving later widen a narrow column.
    """
    header = view.horizontalHeader()
    header.setStretchLastSection(not any(wide))
    header.setMinimumSectionSize(max(header.minimumSectionSize(), 40))
    for column, is_wide in enumerate(wide):
        header.setSectionResizeMode(
            column,
            QHeaderView.ResizeMode.Stretch if is_wide else QHeaderView.ResizeMode.ResizeToContents,
        )
