"""The live feed as an append-only table model: one ``beginInsertRows`` per stored batch.

Built to stay smooth at 100,000 comments: rows are only appended (never a reset while live),
a cell's text is computed only when a view asks for a visible cell, and a record's row is found
by its id in O(1) for in-place updates (moderation). Text is returned as plain strings; the
view never interprets it as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from studio.ui.record_model import RECORD_ROLE, SORT_ROLE, Column, Index

__all__ = ["RECORD_ROLE", "FeedModel"]


class FeedModel(QAbstractTableModel):
    """Records (anything with an ``id``) shown through column specs; appended in batches.

    Attributes:
        columns: the column specs.
    """

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._records: list[Any] = []
        self._rows: dict[int, int] = {}  # record id → row

    # -- changing -----------------------------------------------------------------------------
    def set_records(self, records: Iterable[Any]) -> None:
        """Replace everything (the initial load of a session)."""
        self.beginResetModel()
        self._records = []
        self._rows = {}
        self._extend(records)
        self.endResetModel()

    def append(self, records: Sequence[Any]) -> int:
        """Append a batch in one insertion; records already shown are skipped. Returns how many
        rows were added."""
        fresh = [r for r in records if r.id not in self._rows]
        if not fresh:
            return 0
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._extend(fresh)
        self.endInsertRows()
        return len(fresh)

    def _extend(self, records: Iterable[Any]) -> None:
        # Keep one record per id: a record loaded at start and also in a batch shows once.
        for record in records:
            if record.id in self._rows:
                continue
            self._rows[record.id] = len(self._records)
            self._records.append(record)

    def update(self, record: Any) -> bool:
        """Replace the record with the same id in place (e.g. a new status)."""
        row = self._rows.get(record.id)
        if row is None:
            return False
        self._records[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        return True

    # -- reading ------------------------------------------------------------------------------
    def records(self) -> list[Any]:
        return list(self._records)

    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        return self._rows.get(record_id)

    # -- Qt's model contract ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if row >= len(self._records):
            return None
        record = self._records[row]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return column.colour(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        if role == SORT_ROLE:
            return column.sort_key(record) if column.sort_key else column.text(record)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].header
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
