"""The schedule on the Prep tab: a month calendar with working days marked, the day's sessions,
a fill of the next weeks from the rota (preview, create, undo) and moving a session.

The view only shows records and asks for changes through signals; the app connects them to
``ScheduleEditingService`` and its signals back to the slots here.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.announcement import (
    KUAISHOU_TEMPLATE,
    WECHAT_TEMPLATE,
    county_of_account,
)
from studio.domain.model import RoomRole, SessionStatus
from studio.domain.records import RoomRecord, SessionRecord
from studio.ui import labels, theme
from studio.ui.announcement_dialog import AnnouncementDialog
from studio.ui.month_calendar import MonthCalendar, day_kind
from studio.ui.record_model import RECORD_ROLE, SORT_ROLE, Column, RecordTableModel, record_table

WEEKS_AHEAD = 4


class _SelectedDay(QSortFilterProxyModel):
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


class ScheduleView(QWidget):
    """Month calendar, the selected day's sessions, fill, undo and move.

    Signals:
        rangeRequested(object, object): the calendar shows these days now (first, last).
        previewRequested(int): show what a fill of the next N weeks would create.
        generateRequested(object, object): fill the free working days of this period.
        undoRequested(): take the last fill back.
        moveRequested(int, object): move session id to this ``datetime.date``.
        templatesEdited(str, str): the announcement templates (WeChat, Kuaishou) after an edit,
            for the app to remember (see :meth:`set_templates`).
    """

    rangeRequested = Signal(object, object)
    previewRequested = Signal(int)
    generateRequested = Signal(object, object)
    undoRequested = Signal()
    moveRequested = Signal(int, object)
    templatesEdited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.county = ""
        self.templates = (WECHAT_TEMPLATE, KUAISHOU_TEMPLATE)
        self._sessions: dict[int, SessionRecord] = {}
        self._preview: tuple[dt.date, dt.date] | None = None
        self.announcement: AnnouncementDialog | None = None

        self.calendar = MonthCalendar(parent=self)
        self.calendar.selectionChanged.connect(self._day_selected)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._page_changed())
        legend = QLabel(
            self.tr(
                "Red: day off (休: a weekday holiday) · Yellow: weekend day worked (班, make-up day) · Framed: a session"
            ),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        legend.setProperty("role", "subtle")

        columns = [
            Column(
                self.tr("Date"),
                lambda s: f"{s.date.isoformat()} {labels.weekday(s.date.weekday())}",
                sort_key=lambda s: s.date.toordinal(),
            ),
            Column(self.tr("Time"), lambda s: f"{s.start:%H:%M}–{s.end:%H:%M}"),
            Column(self.tr("Unit"), lambda s: s.unit_name),
            Column(self.tr("Official"), lambda s: f"{s.official_name} {s.official_title}"),
            Column(self.tr("Topic"), lambda s: s.topic),
            Column(
                self.tr("Status"),
                lambda s: labels.session_status(s.status),
                colour=_status_colour,
            ),
        ]
        self.sessions_model = RecordTableModel(columns, self)
        self.table = record_table(self.sessions_model, self)
        # One proxy both sorts (by the record's sort key) and keeps only the selected day.
        self.day_filter = _SelectedDay(self)
        self.day_filter.setSourceModel(self.sessions_model)
        self.day_filter.setSortRole(SORT_ROLE)
        self.table.setModel(self.day_filter)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.all_days = QCheckBox(self.tr("All days"))
        self.all_days.toggled.connect(lambda _on: self._day_selected())

        self.generate_button = QPushButton(self.tr("Generate next 4 weeks…"))
        self.generate_button.clicked.connect(lambda: self.previewRequested.emit(WEEKS_AHEAD))
        self.undo_button = QPushButton(self.tr("Undo generation"))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undoRequested.emit)
        self.move_date = QDateEdit(calendarPopup=True)
        self.move_date.setDisplayFormat("yyyy-MM-dd")
        self.move_button = QPushButton(self.tr("Move to"))
        self.move_button.clicked.connect(self.request_move)
        self.announce_button = QPushButton(self.tr("Preview announcement…"))
        self.announce_button.clicked.connect(self.open_announcement)

        self.preview_box = QGroupBox(self.tr("Proposed sessions"))
        self.preview_model = RecordTableModel(columns[:4], self)
        preview_table = record_table(self.preview_model, self)
        self.create_button = QPushButton(self.tr("Create these sessions"))
        self.create_button.clicked.connect(self.accept_preview)
        discard = QPushButton(self.tr("Discard"))
        discard.clicked.connect(self.discard_preview)
        preview_buttons = QHBoxLayout()
        preview_buttons.addStretch(1)
        preview_buttons.addWidget(discard)
        preview_buttons.addWidget(self.create_button)
        preview_layout = QVBoxLayout(self.preview_box)
        preview_layout.addWidget(preview_table)
        preview_layout.addLayout(preview_buttons)
        self.preview_box.hide()

        self.message = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        actions = QHBoxLayout()
        for widget in (self.generate_button, self.undo_button):
            actions.addWidget(widget)
        actions.addStretch(1)
        day_actions = QHBoxLayout()
        for widget in (self.all_days, self.move_date, self.move_button, self.announce_button):
            day_actions.addWidget(widget)
        day_actions.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(actions)
        box.addWidget(self.calendar)
        box.addWidget(legend)
        box.addWidget(self.preview_box)
        box.addLayout(day_actions)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        self._mark_days()
        self._day_selected()

    # -- what is shown -----------------------------------------------------------------------
    def visible_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the month page the calendar shows (with a week around)."""
        first = dt.date(self.calendar.year_shown(), self.calendar.month_shown(), 1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return first - dt.timedelta(days=7), last + dt.timedelta(days=7)

    def refresh(self) -> None:
        """Ask again for the sessions of the days on the calendar (``rangeRequested``)."""
        self.rangeRequested.emit(*self.visible_range())

    def set_county(self, county: str) -> None:
        """The county's name, for the announcement texts and posters."""
        self.county = county

    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        """Take the county's name from its own (gov) account, e.g. 青山县人民政府 → 青山县."""
        for room in rooms:
            if room.role == RoomRole.GOV and room.account_name:
                self.set_county(county_of_account(room.account_name))
                return

    def set_templates(self, wechat: str, kuaishou: str) -> None:
        """The announcement templates to start from (remembered ones, or the defaults)."""
        self.templates = (wechat or WECHAT_TEMPLATE, kuaishou or KUAISHOU_TEMPLATE)

    def _templates_edited(self, wechat: str, kuaishou: str) -> None:
        self.templates = (wechat, kuaishou)
        self.templatesEdited.emit(wechat, kuaishou)

    def set_today(self, day: dt.date) -> None:
        """Select the studio's today (the app's clock, which tests control)."""
        self.calendar.set_selected_date(day)

    def selected_day(self) -> dt.date:
        return self.calendar.selected_date()

    def selected_session(self) -> SessionRecord | None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            return rows[0].data(RECORD_ROLE)  # type: ignore[no-any-return]
        visible = [
            self.day_filter.index(r, 0).data(RECORD_ROLE) for r in range(self.day_filter.rowCount())
        ]
        return visible[0] if len(visible) == 1 else None

    def sessions_on(self, day: dt.date) -> list[SessionRecord]:
        return sorted((s for s in self._sessions.values() if s.date == day), key=lambda s: s.start)

    def _page_changed(self) -> None:
        self._mark_days()
        self.rangeRequested.emit(*self.visible_range())

    def _mark_days(self) -> None:
        """Tooltips with the kind of day and its sessions; days with a session drawn bold."""
        words = {
            "work": self.tr("Working day"),
            "off": self.tr("Weekend"),
            "holiday": self.tr("Public holiday"),
            "worked_weekend": self.tr("Make-up working day on a weekend"),
        }
        tooltips = {}
        for day in self.calendar.days_shown():
            lines = [f"{day.isoformat()} · {words[day_kind(day)]}"]
            lines += [_session_line(s) for s in self.sessions_on(day)]
            tooltips[day] = "\n".join(lines)
        self.calendar.set_day_info(tooltips, {s.date for s in self._sessions.values()})

    def _day_selected(self) -> None:
        self.day_filter.set_day(None if self.all_days.isChecked() else self.selected_day())
        self.move_date.setDate(self.calendar.selected_date())
        self._update_buttons()

    def _update_buttons(self) -> None:
        session = self.selected_session()
        movable = session is not None and session.status in (
            SessionStatus.PLANNED,
            SessionStatus.READY,
        )
        self.move_button.setEnabled(movable)
        self.announce_button.setEnabled(session is not None)

    # -- slots (fed by the services) ---------------------------------------------------------
    def show_sessions(self, sessions: list[SessionRecord]) -> None:
        """Sessions of some days: they replace what was known of the days they span."""
        if sessions:
            first = min(s.date for s in sessions)
            last = max(s.date for s in sessions)
            self._replace(first, last, sessions)

    def show_range(self, first: dt.date, last: dt.date, sessions: list[SessionRecord]) -> None:
        """All sessions from ``first`` to ``last`` (none on the other days of it)."""
        self._replace(first, last, sessions)

    def _replace(self, first: dt.date, last: dt.date, sessions: list[SessionRecord]) -> None:
        ids = {s.id for s in sessions}
        self._sessions = {
            i: s for i, s in self._sessions.items() if i not in ids and not first <= s.date <= last
        }
        self._sessions.update({s.id: s for s in sessions})
        self.sessions_model.set_records(
            sorted(self._sessions.values(), key=lambda s: (s.date, s.start))
        )
        self.table.resizeColumnsToContents()
        self._mark_days()
        self._update_buttons()

    def show_preview(self, first: dt.date, last: dt.date, sessions: list[SessionRecord]) -> None:
        """What a fill would create: shown for the operator to accept or discard."""
        self._preview = (first, last)
        self.preview_model.set_records(sessions)
        self.preview_box.setTitle(
            self.tr("Proposed sessions {first} – {last}: {count}").format(
                first=first.isoformat(), last=last.isoformat(), count=len(sessions)
            )
        )
        self.create_button.setEnabled(bool(sessions))
        self.preview_box.show()

    def accept_preview(self) -> None:
        if self._preview is not None:
            self.generateRequested.emit(*self._preview)
        self.discard_preview()

    def discard_preview(self) -> None:
        self._preview = None
        self.preview_model.set_records([])
        self.preview_box.hide()

    def show_generated(self, sessions: list[SessionRecord]) -> None:
        self.undo_button.setEnabled(bool(sessions))
        self.message.setText(self.tr("{count} sessions created").format(count=len(sessions)))

    def show_undone(self, ids: list[int]) -> None:
        self.undo_button.setEnabled(False)
        self.message.setText(self.tr("{count} sessions removed").format(count=len(ids)))

    def show_moved(self, session: SessionRecord) -> None:
        self.message.setText(self.tr("Moved to {day}").format(day=session.date.isoformat()))
        self.calendar.set_selected_date(session.date)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)

    # -- actions -----------------------------------------------------------------------------
    def request_move(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.moveRequested.emit(session.id, self.move_date.date().toPython())

    def open_announcement(self) -> None:
        """Open the 直播预告 of the selected session (non-modal; one at a time)."""
        session = self.selected_session()
        if session is None:
            return
        if self.announcement is not None:
            self.announcement.close()
        wechat, kuaishou = self.templates
        self.announcement = AnnouncementDialog(
            session, self.county, self, wechat_template=wechat, kuaishou_template=kuaishou
        )
        self.announcement.templatesEdited.connect(self._templates_edited)
        self.announcement.open()


def _session_line(session: SessionRecord) -> str:
    official = f"{session.official_title} {session.official_name}".strip()
    topic = session.topic or QCoreApplication.translate("ScheduleView", "(no topic yet)")
    return f"{session.start:%H:%M} {session.unit_name} {official} · {topic}"


def _status_colour(session: SessionRecord) -> QColor | None:
    return {
        SessionStatus.ENDED: theme.MUTED,
        SessionStatus.READY: theme.OK,
        SessionStatus.LIVE: theme.BAD,
    }.get(session.status)
