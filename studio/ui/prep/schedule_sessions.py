"""The schedule's table of sessions: its columns, and a proxy that sorts and keeps one day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import QTableView, QWidget

from studio.ui import labels
from studio.ui.prep.week_view import status_colour
from studio.ui.record_model import (
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    RecordTableModel,
    fit_columns,
    record_table,
)


def session_columns() -> list[Column]:
    """Date, time, unit, official, topic, status (the first four also show a fill's proposal)."""
    # Literal calls: the translations tool reads them (context "ScheduleView", where they were).
    return [
        Column(
            QCoreApplication.translate("ScheduleView", "Date"),
            lambda s: f"{s.date.isoformat()} {labels.weekday(s.date.weekday())}",
            sort_key=lambda s: s.date.toordinal(),
        ),
        Column(
            QCoreApplication.translate("ScheduleView", "Time"),
            lambda s: f"{s.start:%H:%M}–{s.end:%H:%M}",
        ),
        Column(QCoreApplication.translate("ScheduleView", "Unit"), lambda s: s.unit_name),
        Column(
            QCoreApplication.translate("ScheduleView", "Official"),
            lambda s: f"{s.official_name} {s.official_title}",
        ),
        Column(QCoreApplication.translate("ScheduleView", "Topic"), lambda s: s.topic, wide=True),
        Column(
            QCoreApplication.translate("ScheduleView", "Status"),
            lambda s: labels.session_status(s.status),
            colour=status_colour,
        ),
    ]


class SelectedDay(QSortFilterProxyModel):
    """Passes only the sessions of one day, or all of them."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.day: dt.date | None = None

    def set_day(self, day: dt.date | None) -> None:
        self.beginFilterChange()
        self.day = day
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.day is None:
            return True
        record = self.sourceModel().index(row, 0, parent).data(RECORD_ROLE)
        return record is not None and record.date == self.day


def sessions_table(model: RecordTableModel, parent: QWidget) -> tuple[QTableView, SelectedDay]:
    """The table over ``model``, through one proxy that both sorts (by the record's sort key)
    and keeps only the selected day; returns the table and that proxy."""
    table = record_table(model, parent)
    day_filter = SelectedDay(parent)
    day_filter.setSourceModel(model)
    day_filter.setSortRole(SORT_ROLE)
    table.setModel(day_filter)
    # A new model resets the header's sections: size them again (the topic takes the room).
    fit_columns(table, [c.wide for c in model.column_specs()])
    return table, day_filter
