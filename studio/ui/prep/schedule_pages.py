"""The schedule's days: a month calendar or a week's sessions, the switch between them, the
legend, and each day's marks (kind of day, its sessions)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.calendar import NATIONAL, WorkCalendar
from studio.domain.records import SessionRecord
from studio.ui.prep.month_calendar import MonthCalendar, day_kind
from studio.ui.prep.week_view import WeekView, monday_of

SessionsOn = Callable[[dt.date], list[SessionRecord]]


class SchedulePages(QWidget):
    """The month page or the week page, with the selected day shared by both.

    Attributes:
        calendar: the month page.
        week: the week page.
        pages: which of the two is shown.
        month_button, week_button: the switch.

    Signals:
        daySelected(): the selected day changed.
        pageChanged(): the month page shows other days.
        dayActivated(object): Enter or a double-click on this ``datetime.date``.
        dayMenuRequested(object, QPoint): the context menu of this day, at a global point.
    """

    daySelected = Signal()
    pageChanged = Signal()
    dayActivated = Signal(object)
    dayMenuRequested = Signal(object, QPoint)

    def __init__(self, sessions_on: SessionsOn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sessions_on = sessions_on
        self.calendar = MonthCalendar(parent=self)
        self.calendar.selectionChanged.connect(self.daySelected)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self.pageChanged.emit())
        self.calendar.dayActivated.connect(self.dayActivated)
        self.calendar.dayMenuRequested.connect(self.dayMenuRequested)
        self.work_calendar = NATIONAL
        self.week = WeekView(self)
        self.week.daySelected.connect(self.calendar.set_selected_date)
        self.week.sessionActivated.connect(self.dayActivated)
        self.week.dayMenuRequested.connect(self.dayMenuRequested)
        self.week.weekStepped.connect(
            lambda step: self.calendar.set_selected_date(
                self.selected_day() + dt.timedelta(days=7 * step)
            )
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.calendar)
        self.pages.addWidget(self.week)
        self.month_button = QToolButton(text=self.tr("Month"), checkable=True, checked=True)
        self.week_button = QToolButton(text=self.tr("Week"), checkable=True)
        switch = QButtonGroup(self)
        switch.addButton(self.month_button, 0)
        switch.addButton(self.week_button, 1)
        switch.idClicked.connect(self.show_page)
        legend = QLabel(
            self.tr(
                "Red: day off (休: a weekday holiday) · Yellow: weekend day worked (班, make-up day) · Framed: a session, with its unit · Right-click a day: new session, holiday or working day"
            ),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        legend.setProperty("role", "subtle")
        page_switch = QHBoxLayout()
        page_switch.addWidget(self.month_button)
        page_switch.addWidget(self.week_button)
        page_switch.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(page_switch)
        box.addWidget(self.pages)
        box.addWidget(legend)

    def selected_day(self) -> dt.date:
        return self.calendar.selected_date()

    def visible_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the month page the calendar shows (with a week around)."""
        first, last = self._month_shown()
        return first - dt.timedelta(days=7), last + dt.timedelta(days=7)

    def export_range(self) -> tuple[dt.date, dt.date]:
        """The days an export writes: the month shown, or the week in the week view."""
        if self.pages.currentWidget() is self.week:
            monday = monday_of(self.selected_day())
            return monday, monday + dt.timedelta(days=6)
        return self._month_shown()

    def _month_shown(self) -> tuple[dt.date, dt.date]:
        first = dt.date(self.calendar.year_shown(), self.calendar.month_shown(), 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first, last

    def show_page(self, page: int) -> None:
        """0: the month calendar, 1: the week's sessions."""
        self.pages.setCurrentIndex(page)
        (self.week_button if page else self.month_button).setChecked(True)
        self.show_week()

    def show_week(self) -> None:
        """The week page follows the selected day and the sessions known (when it is shown)."""
        if self.pages.currentWidget() is self.week:
            self.week.show_week(self.selected_day(), self._sessions_on)

    def set_work_calendar(self, calendar: WorkCalendar) -> None:
        """Which days are working days (with the days entered by hand), on both pages."""
        self.work_calendar = calendar
        self.week.work_calendar = calendar
        self.calendar.set_work_calendar(calendar)

    def mark_days(self, session_days: set[dt.date]) -> None:
        """Tooltips with the kind of day and its sessions; days with a session drawn bold, with
        the short name of the unit on air."""
        calendar = self.work_calendar
        words = {
            "work": self.tr("Working day"),
            "off": self.tr("Weekend"),
            "holiday": self.tr("Public holiday"),
            "worked_weekend": self.tr("Make-up working day on a weekend"),
        }
        tooltips, units = {}, {}
        for day in self.calendar.days_shown():
            what = " · ".join(w for w in (words[day_kind(day, calendar)], calendar.note(day)) if w)
            if day in calendar.entered:
                what += " · " + self.tr("entered by hand")
            sessions = self._sessions_on(day)
            lines = [f"{day.isoformat()} · {what}"] + [_session_line(s) for s in sessions]
            tooltips[day] = "\n".join(lines)
            if sessions:
                units[day] = "、".join(s.unit_short_name or s.unit_name for s in sessions)
        self.calendar.set_day_info(tooltips, session_days, units)
        self.show_week()


def _session_line(session: SessionRecord) -> str:
    official = f"{session.official_title} {session.official_name}".strip()
    topic = session.topic or QCoreApplication.translate("SchedulePages", "(no topic yet)")
    return f"{session.start:%H:%M} {session.unit_name} {official} · {topic}"
