"""The live feed as an append-only table model: one ``beginInsertRows`` per stored batch.

Built to stay smooth at 100,000 comments: rows are only appended (never a reset while live),
a cell's text is computed only when a view asks for a visible cell, and a record's row is found
by its id in O(1) for in-place updates (moderation). Text is returned as plain strings; the
view never interprets it as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject

from studio.ui.record_model import RECORD_ROLE, Column, RecordTableModel

__all__ = ["RECORD_ROLE", "FeedModel"]


class FeedModel(RecordTableModel):
    """Records (anything with an ``id``) shown through column specs; appended in batches.

    Cells, headers and flags are the record table's; this adds appending and in-place updates.

    Attributes:
        columns: the column specs.
    """

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.columns = self._columns
        self._rows: dict[int, int] = {}  # record id → row

    # -- changing -----------------------------------------------------------------------------
    def set_records(self, records: Iterable[Any]) -> None:  # type: ignore[override]
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
    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        return self._rows.get(record_id)
