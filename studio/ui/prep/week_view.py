"""A week of the schedule: its working days (and weekday holidays) with their sessions in full.

The month calendar says which days have a session; the week says who, about what and how far
it is prepared, readable at a glance. Holidays (休) and make-up working days (班) are marked as
on the month page, by colour and by the mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.domain.calendar import NATIONAL, WorkCalendar
from studio.domain.model import SessionStatus
from studio.domain.records import SessionRecord
from studio.domain.studio_time import studio_today
from studio.ui import labels, theme
from studio.ui.prep.month_calendar import DAY_FILL, DAY_MARKS, PageNavigation, day_kind

# The month page's colours for the same kinds of day.
DAY_ROLE = Qt.ItemDataRole.UserRole + 1


def status_colour(session: SessionRecord) -> QColor | None:
    """The colour of a session's status where it is listed (ready green, live red, ended grey)."""
    return {
        SessionStatus.ENDED: theme.MUTED,
        SessionStatus.READY: theme.OK,
        SessionStatus.LIVE: theme.BAD,
    }.get(session.status)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def week_days(day: dt.date, calendar: WorkCalendar = NATIONAL) -> list[dt.date]:
    """The days of ``day``'s week worth a row: working days and weekday holidays."""
    monday = monday_of(day)
    days = [monday + dt.timedelta(days=n) for n in range(7)]
    return [d for d in days if day_kind(d, calendar) != "off"]


class WeekView(QWidget):
    """One row per session of the week (a day without one gets an empty row).

    Signals:
        daySelected(object): the operator selected a row of this ``datetime.date``.
        sessionActivated(object): Enter or double-click on a row: its day (to edit its session).
        weekStepped(int): the previous (-1) or next (+1) week was asked for.
        dayMenuRequested(object, QPoint): the context menu of a row's day, at a global point.
    """

    daySelected = Signal(object)
    sessionActivated = Signal(object)
    weekStepped = Signal(int)
    dayMenuRequested = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._day = studio_today()
        self.work_calendar = NATIONAL
        navigation = PageNavigation(
            self.tr("Previous week"), self.tr("Next week"), self.weekStepped.emit
        )
        self.previous_button, self.title, self.next_button = navigation.widgets()

        headers = [
            self.tr("Day"),
            self.tr("Time"),
            self.tr("Unit"),
            self.tr("Official"),
            self.tr("Topic"),
            self.tr("Status"),
        ]
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda index: self._activated(index.row()))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(navigation)
        box.addWidget(self.table)

    # -- what it shows -----------------------------------------------------------------------
    def day_of_row(self, row: int) -> dt.date:
        # Kept as an ordinal: PySide would turn a date into a QDate on the way in.
        return dt.date.fromordinal(self.table.item(row, 0).data(DAY_ROLE))

    def row_texts(self, row: int) -> list[str]:
        return [self.table.item(row, c).text() for c in range(self.table.columnCount())]

    def show_week(
        self, day: dt.date, sessions_on: Callable[[dt.date], list[SessionRecord]]
    ) -> None:
        """The week of ``day``, each day's sessions as ``sessions_on`` gives them."""
        self._day = day
        monday = monday_of(day)
        self.title.setText(
            self.tr("Week {number}: {first} – {last}").format(
                number=day.isocalendar().week,
                first=monday.isoformat(),
                last=(monday + dt.timedelta(days=6)).isoformat(),
            )
        )
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        selected_row = -1
        for date in week_days(day, self.work_calendar):
            kind = day_kind(date, self.work_calendar)
            sessions: list[SessionRecord | None] = list(sessions_on(date)) or [None]
            for session in sessions:
                row = self.table.rowCount()
                self.table.insertRow(row)
                cells = self._cells(date, kind, session)
                for column, text in enumerate(cells):
                    item = QTableWidgetItem(text)
                    item.setData(DAY_ROLE, date.toordinal())
                    if kind in DAY_FILL:
                        item.setBackground(QBrush(QColor(DAY_FILL[kind])))
                    self.table.setItem(row, column, item)
                colour = status_colour(session) if session else None
                if colour is not None:
                    self.table.item(row, 5).setForeground(QBrush(colour))
                if date == day and selected_row < 0:
                    selected_row = row
        if selected_row >= 0:
            self.table.selectRow(selected_row)
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()

    def _cells(self, day: dt.date, kind: str, session: SessionRecord | None) -> list[str]:
        mark = DAY_MARKS[kind]
        label = f"{day:%m-%d} {labels.weekday(day.weekday())}" + (f" {mark}" if mark else "")
        if session is None:
            empty = self.tr("Public holiday") if kind == "holiday" else self.tr("(no session)")
            return [label, "", "", "", empty, ""]
        official = f"{session.official_title} {session.official_name}".strip()
        return [
            label,
            f"{session.start:%H:%M}–{session.end:%H:%M}",
            session.unit_name,
            official,
            session.topic or self.tr("(no topic yet)"),
            labels.session_status(session.status),
        ]

    # -- internals ---------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.daySelected.emit(self.day_of_row(rows[0].row()))

    def _menu(self, point: QPoint) -> None:
        row = self.table.rowAt(point.y())
        if row < 0:
            row = self.table.currentRow()
        if row >= 0:
            self.table.selectRow(row)
            viewport = self.table.viewport()
            self.dayMenuRequested.emit(self.day_of_row(row), viewport.mapToGlobal(point))

    def _activated(self, row: int) -> None:
        self.sessionActivated.emit(self.day_of_row(row))
