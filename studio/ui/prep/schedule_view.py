"""The schedule on the Prep tab: a month or week calendar with working days marked, the day's
sessions, a fill of the next weeks from the rota (preview, create, undo), moving and editing a
session (with undo), and the schedule's files (export, import with a preview).

The view only shows records and asks for changes through signals; the app connects them to
``ScheduleEditingService`` and its signals back to the slots here. Its parts live beside it:
the days shown (``schedule_pages``), the sessions table (``schedule_sessions``), a fill's
proposal (``schedule_fill``), the announcements (``schedule_announcement``) and the files
(``schedule_import_dialog``); the view keeps their public names.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.calendar import FIXED_HOLIDAYS, WorkCalendar, years_without_data
from studio.domain.model import SessionStatus
from studio.domain.profile import BroadcastAccount, StudioProfile
from studio.domain.records import SessionRecord
from studio.domain.session_readiness import SessionDetails, SessionEdit
from studio.ui import labels
from studio.ui.keys import bind_keys
from studio.ui.prep.announcement_dialog import AnnouncementDialog
from studio.ui.prep.schedule_announcement import Announcements
from studio.ui.prep.schedule_fill import FillPreview
from studio.ui.prep.schedule_import_dialog import ScheduleFiles
from studio.ui.prep.schedule_pages import SchedulePages
from studio.ui.prep.schedule_sessions import session_columns, sessions_table
from studio.ui.prep.session_dialog import SessionDialog
from studio.ui.record_model import RECORD_ROLE, RecordTableModel

WEEKS_AHEAD = 4


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
        editRequested(int): load this session's details to edit it (:meth:`open_editor`).
        sessionEditRequested(int, object): store this ``SessionEdit`` of session id.
        undoEditRequested(): put the last edited session back as it was.
        rundownRequested(int): start this session's empty running order from the standard one.
        prepareRequested(object): show this ``SessionRecord`` on the Prep tab's card and in its
            running-order editor, instead of today's (the "Prepare" button, Ctrl+P).
        createRequested(object): plan a single session on this ``datetime.date`` (any day,
            today included: "New session", Ins, a day's context menu).
        dayEntryRequested(object, object, str): enter this day as a working day (True), a day
            off (False), or as the published calendar has it (None), with a note.

    The schedule's files (export, import with a preview) are :attr:`files`, a
    ``ScheduleFiles`` with its own signals.
    """

    rangeRequested = Signal(object, object)
    previewRequested = Signal(int)
    generateRequested = Signal(object, object)
    undoRequested = Signal()
    moveRequested = Signal(int, object)
    templatesEdited = Signal(str, str)
    editRequested = Signal(int)
    sessionEditRequested = Signal(int, object)
    undoEditRequested = Signal()
    rundownRequested = Signal(int)
    prepareRequested = Signal(object)
    createRequested = Signal(object)
    dayEntryRequested = Signal(object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sessions: dict[int, SessionRecord] = {}
        # The announcements (county, templates, the dialog) are their own part.
        self.announcements = Announcements(self)
        self.announcements.templatesEdited.connect(self.templatesEdited)
        self.editor: SessionDialog | None = None
        self._last_undoable = ""

        # Which days are shown (month or week) is its own part; its widgets keep their names.
        self.days = SchedulePages(self.sessions_on, self)
        self.days.daySelected.connect(self._day_selected)
        self.days.pageChanged.connect(self._page_changed)
        self.days.dayActivated.connect(self.edit_day)
        self.days.dayMenuRequested.connect(self._show_day_menu)
        self._preview_period: tuple[dt.date, dt.date] | None = None
        self.calendar, self.week, self.pages = self.days.calendar, self.days.week, self.days.pages
        self.month_button, self.week_button = self.days.month_button, self.days.week_button

        columns = session_columns()
        self.sessions_model = RecordTableModel(columns, self)
        self.table, self.day_filter = sessions_table(self.sessions_model, self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # Enter or a double-click on a session edits it.
        self.table.activated.connect(lambda index: self.request_edit(index.data(RECORD_ROLE)))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._table_menu)
        self.all_days = QCheckBox(self.tr("All days"))
        self.all_days.toggled.connect(lambda _on: self._day_selected())

        self.new_button = QPushButton(self.tr("New session…"))
        self.new_button.setToolTip(
            self.tr("Plan a session on the selected day, today included (Ins)")
        )
        self.new_button.clicked.connect(self.request_create)
        self.generate_button = QPushButton(self.tr("Generate 4 weeks from today…"))
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
        self.edit_button = QPushButton(self.tr("Edit session…"))
        self.edit_button.setToolTip(self.tr("Edit the selected session (Ctrl+E, Enter)"))
        self.edit_button.clicked.connect(lambda: self.request_edit(self.selected_session()))
        self.prepare_button = QPushButton(self.tr("Prepare this session"))
        self.prepare_button.setToolTip(
            self.tr("Show the selected session and its running order on the left (Ctrl+P)")
        )
        self.prepare_button.clicked.connect(self.request_prepare)
        self.undo_edit_button = QPushButton(self.tr("Undo edit"))
        self.undo_edit_button.setToolTip(self.tr("Put the last edited session back (Ctrl+Z)"))
        self.undo_edit_button.setEnabled(False)
        self.undo_edit_button.clicked.connect(self.undo_edit)
        self.files = ScheduleFiles(self, self.export_range)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(
            self.tr("Write the shown month or week to a CSV or XLSX file")
        )
        self.export_button.clicked.connect(self.files.ask_export_path)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(
            self.tr("Read sessions from a CSV or XLSX file, with a preview")
        )
        self.import_button.clicked.connect(self.files.ask_import_path)
        # Keys of the whole schedule (calendar, week, list), never window-wide: the running
        # order beside it has its own Ins and Ctrl+Z.
        bind_keys(
            self,
            [
                (
                    "Ctrl+E",
                    lambda: self.request_edit(self.selected_session()),
                    self.tr("Edit session"),
                ),
                ("Ctrl+P", self.request_prepare, self.tr("Prepare this session")),
                ("Ins", self.request_create, self.tr("New session on the selected day")),
                (
                    QKeySequence(QKeySequence.StandardKey.Undo),
                    self.undo_last,
                    self.tr("Undo edit or generation"),
                ),
            ],
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

        self.preview_box = FillPreview(columns[:4], self)
        self.preview_box.accepted.connect(self.generateRequested)
        self.preview_box.accepted.connect(lambda *_: self._forget_preview())
        self.preview_model, self.create_button = (
            self.preview_box.model,
            self.preview_box.create_button,
        )

        self.message = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.files.message.connect(self.message.setText)
        # Said in the window, not only in the log: a year whose holidays nobody published yet.
        self.calendar_warning = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.calendar_warning.setProperty("role", "chip")
        self.calendar_warning.setProperty("state", "warn")
        self.calendar_warning.hide()
        actions = QHBoxLayout()
        for widget in (
            self.new_button,
            self.generate_button,
            self.undo_button,
            self.undo_edit_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)
        for widget in (self.export_button, self.import_button):
            actions.addWidget(widget)
        day_actions = QHBoxLayout()
        for widget in (
            self.all_days,
            self.move_date,
            self.move_button,
            self.edit_button,
            self.prepare_button,
            self.announce_button,
        ):
            day_actions.addWidget(widget)
        day_actions.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(actions)
        box.addWidget(self.calendar_warning)
        box.addWidget(self.days)
        box.addWidget(self.preview_box)
        box.addLayout(day_actions)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        self._mark_days()
        self._day_selected()

    # -- what is shown -----------------------------------------------------------------------
    def visible_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the month page the calendar shows (with a week around)."""
        return self.days.visible_range()

    def export_range(self) -> tuple[dt.date, dt.date]:
        """The days an export writes: the month shown, or the week in the week view."""
        return self.days.export_range()

    def show_page(self, page: int) -> None:
        """0: the month calendar, 1: the week's sessions."""
        self.days.show_page(page)

    def refresh(self) -> None:
        """Ask again for the sessions of the days on the calendar (``rangeRequested``)."""
        self.rangeRequested.emit(*self.visible_range())

    # -- announcements (see schedule_announcement) -------------------------------------------
    @property
    def county(self) -> str:
        """The county's name, for the announcement texts and posters."""
        return self.announcements.county

    @county.setter
    def county(self, county: str) -> None:
        self.announcements.county = county

    @property
    def announcement(self) -> AnnouncementDialog | None:
        """The announcement open now, or None."""
        return self.announcements.dialog

    def show_profile(self, profile: StudioProfile) -> None:
        """The county's name and logo for the announcements, from the studio's profile."""
        self.announcements.show_profile(profile)

    def show_accounts(self, accounts: list[BroadcastAccount]) -> None:
        """The live accounts, whose QR codes the portrait poster shows."""
        self.announcements.show_accounts(accounts)

    def set_templates(self, wechat: str, kuaishou: str) -> None:
        """The announcement templates to start from (remembered ones, or the defaults)."""
        self.announcements.set_templates(wechat, kuaishou)

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
        self.days.mark_days({s.date for s in self._sessions.values()})
        self._warn_about_calendar()

    def _warn_about_calendar(self) -> None:
        """Say which shown (or proposed) years lack the State Council's holidays, and what to do."""
        first, last = self.visible_range()
        if self._preview_period is not None:
            first, last = min(first, self._preview_period[0]), max(last, self._preview_period[1])
        years = years_without_data(first, last)
        if years:
            fixed = sorted({name for name in FIXED_HOLIDAYS.values()})
            self.calendar_warning.setText(
                self.tr(
                    "No official holiday data for {years} yet: the fixed holidays ({fixed}) are "
                    "kept free, weekdays otherwise count as working days. Enter the Spring "
                    "Festival, Qingming, Dragon Boat and Mid-Autumn holidays and the make-up "
                    "working days by hand: right-click a day (or select it and press the menu "
                    "key)."
                ).format(
                    years=self.tr(", ").join(str(y) for y in years),
                    fixed=self.tr(", ").join(fixed),
                )
            )
        self.calendar_warning.setVisible(bool(years))

    def show_calendar(self, calendar: WorkCalendar) -> None:
        """The work calendar with the days entered by hand: the pages mark days by it."""
        self.days.set_work_calendar(calendar)
        self._mark_days()

    def _day_selected(self) -> None:
        self.day_filter.set_day(None if self.all_days.isChecked() else self.selected_day())
        self.move_date.setDate(self.calendar.selected_date())
        self.days.show_week()
        self._update_buttons()

    def _update_buttons(self) -> None:
        session = self.selected_session()
        movable = session is not None and session.status in (
            SessionStatus.PLANNED,
            SessionStatus.READY,
        )
        self.move_button.setEnabled(movable)
        self.edit_button.setEnabled(session is not None)
        self.prepare_button.setEnabled(session is not None)
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
        self._preview_period = (first, last)
        self.preview_box.propose(first, last, sessions)
        self._warn_about_calendar()

    def accept_preview(self) -> None:
        self.preview_box.accept()

    def discard_preview(self) -> None:
        self.preview_box.discard()
        self._forget_preview()

    def _forget_preview(self) -> None:
        self._preview_period = None
        self._warn_about_calendar()

    def show_created(self, session: SessionRecord) -> None:
        """A session planned on one day: say so and select its day (its editor follows)."""
        self.calendar.set_selected_date(session.date)
        self.message.setText(
            self.tr("Session planned on {day}: {unit}").format(
                day=session.date.isoformat(), unit=session.unit_name
            )
        )

    def show_generated(self, sessions: list[SessionRecord]) -> None:
        self.undo_button.setEnabled(bool(sessions))
        self._last_undoable = "fill" if sessions else self._last_undoable
        self.message.setText(self.tr("{count} sessions created").format(count=len(sessions)))

    def show_undone(self, ids: list[int]) -> None:
        self.undo_button.setEnabled(False)
        self.message.setText(self.tr("{count} sessions removed").format(count=len(ids)))

    def show_moved(self, session: SessionRecord) -> None:
        self.message.setText(self.tr("Moved to {day}").format(day=session.date.isoformat()))
        self.calendar.set_selected_date(session.date)

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        if self.editor is not None and self.editor.saving:
            self.editor.refused(text)  # the operator's input is still there to correct
        self.files.show_failure(text)

    # -- actions -----------------------------------------------------------------------------
    def request_create(self) -> None:
        """Plan a session on the selected day (the store refuses a day that has one)."""
        self.message.setText(self.tr("Planning a session…"))
        self.createRequested.emit(self.selected_day())

    def day_menu(self, day: dt.date) -> QMenu:
        """The context menu of ``day``: a new session, its session's edit and preparation, and
        entering the day as a holiday or a working day by hand."""
        menu = QMenu(self)
        sessions = self.sessions_on(day)
        new = menu.addAction(self.tr("New session on {day}").format(day=day.isoformat()))
        new.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        new.setEnabled(not sessions)
        new.triggered.connect(lambda: self.createRequested.emit(day))
        edit = menu.addAction(self.tr("Edit session…"))
        edit.setEnabled(bool(sessions))
        edit.triggered.connect(lambda: self.request_edit(sessions[0]))
        prepare = menu.addAction(self.tr("Prepare this session"))
        prepare.setEnabled(bool(sessions))
        prepare.triggered.connect(lambda: self.prepareRequested.emit(sessions[0]))
        menu.addSeparator()
        calendar = self.days.work_calendar
        off = menu.addAction(self.tr("Mark as a day off (休)"))
        off.setEnabled(calendar.is_working_day(day))
        off.triggered.connect(lambda: self.dayEntryRequested.emit(day, False, ""))
        work = menu.addAction(self.tr("Mark as a working day (班)"))
        work.setEnabled(not calendar.is_working_day(day))
        work.triggered.connect(lambda: self.dayEntryRequested.emit(day, True, ""))
        published = menu.addAction(self.tr("As the published calendar has it"))
        published.setEnabled(day in calendar.entered)
        published.triggered.connect(lambda: self.dayEntryRequested.emit(day, None, ""))
        return menu

    def _show_day_menu(self, day: dt.date, point: QPoint) -> None:
        menu = self.day_menu(day)
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(point)

    def _table_menu(self, point: QPoint) -> None:
        index = self.table.indexAt(point)
        session = index.data(RECORD_ROLE) if index.isValid() else self.selected_session()
        day = session.date if session is not None else self.selected_day()
        self._show_day_menu(day, self.table.viewport().mapToGlobal(point))

    def request_move(self) -> None:
        session = self.selected_session()
        if session is not None:
            self.moveRequested.emit(session.id, self.move_date.date().toPython())

    def open_announcement(self) -> None:
        """Open the 直播预告 of the selected session (non-modal; one at a time)."""
        session = self.selected_session()
        if session is not None:
            self.announcements.open(session)

    # -- editing one session -----------------------------------------------------------------
    def request_edit(self, session: SessionRecord | None) -> None:
        """Ask for what the edit dialog of ``session`` needs (:meth:`open_editor` follows)."""
        if session is not None and session.id:
            self.editRequested.emit(session.id)

    def request_prepare(self) -> None:
        """Prepare the selected session on the left of the Prep tab (``prepareRequested``)."""
        session = self.selected_session()
        if session is not None:
            self.prepareRequested.emit(session)

    def edit_day(self, day: dt.date) -> None:
        """Edit the session of ``day`` (a double-click or Enter on the day)."""
        self.calendar.set_selected_date(day)
        sessions = self.sessions_on(day)
        if sessions:
            self.request_edit(sessions[0])

    def open_editor(self, details: SessionDetails) -> None:
        """The edit dialog of a session (non-modal; one at a time)."""
        if self.editor is not None:
            self.editor.close()
        self.editor = SessionDialog(details, self)
        self.editor.saveRequested.connect(self._save_edit)
        self.editor.rundownRequested.connect(self.rundownRequested.emit)
        self.editor.open()

    def _save_edit(self, session_id: int, edit: SessionEdit) -> None:
        self.message.setText(self.tr("Saving…"))
        self.sessionEditRequested.emit(session_id, edit)

    def show_edited(self, session: SessionRecord) -> None:
        """A session after an edit: say so (the service then offers its undo)."""
        editor = self.editor
        if editor is not None and editor.saving and editor.details.session.id == session.id:
            editor.saved()
        self._last_undoable = "edit"
        self.message.setText(
            self.tr("Saved: {day} {status}").format(
                day=session.date.isoformat(), status=labels.session_status(session.status)
            )
        )

    def show_edit_undone(self, _session: SessionRecord) -> None:
        self.message.setText(self.tr("Edit undone"))

    def set_edit_undoable(self, undoable: bool) -> None:
        """Whether the service holds an edit to put back (the one source of that)."""
        self.undo_edit_button.setEnabled(undoable)

    def show_rundown_started(self, session_id: int, count: int) -> None:
        """A session's running order was started: the open editor counts it."""
        if self.editor is not None and self.editor.details.session.id == session_id:
            self.editor.set_segments(count)

    def undo_edit(self) -> None:
        if self.undo_edit_button.isEnabled():
            self.undoEditRequested.emit()

    def undo_last(self) -> None:
        """Ctrl+Z: take back the last edit or fill, whichever came last."""
        if self._last_undoable == "edit" and self.undo_edit_button.isEnabled():
            self.undo_edit()
        elif self.undo_button.isEnabled():
            self.undo_button.click()
