"""The operator's main window: five seats as tabs, menus, and a status bar that shows state."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio import __version__
from studio.domain.model import QuestionStatus
from studio.domain.records import (
    PhoneRecord,
    QuestionRecord,
    ReportBackItem,
    RoomRecord,
    SegmentRecord,
    SessionRecord,
)
from studio.domain.rundown_clock import ClockReading
from studio.domain.rundown_state import ClockState
from studio.domain.screen_notes import ScreenNotes
from studio.domain.studio_time import studio_epoch
from studio.ui import labels, theme
from studio.ui.desk.desk_tab import DeskTab
from studio.ui.file_dialogs import file_dialog
from studio.ui.keys import keys_in_focus
from studio.ui.keys_dialog import KeysDialog
from studio.ui.official.official_screen import OfficialScreen
from studio.ui.official_menu import OfficialScreenMenu
from studio.ui.official_view import OfficialView, OnAir, official_view
from studio.ui.prep.prep_tab import PrepTab
from studio.ui.referrals.referrals_tab import ReferralsTab
from studio.ui.reports.reports_tab import ReportsTab
from studio.ui.rig.rig_tab import RigTab
from studio.ui.settings.first_run import FirstRunChecklist
from studio.ui.settings.settings_page import SettingsPage
from studio.ui.settings.unassigned_rooms import UnassignedRooms
from studio.ui.status_bar import StatusBar

MARKER_SETTING = "official/phone_marker"


class TimerView(Protocol):
    """What the window reads of a stored timer (the store's TimerSnapshot has these)."""

    @property
    def state(self) -> ClockState: ...

    @property
    def notes(self) -> ScreenNotes: ...


class MainWindow(QMainWindow):
    """Prep, Live desk, Rig, Referrals and Reports, switched with Ctrl+1…Ctrl+5.

    Args:
        database_name: what the status bar says about the database in use.
        official: the official's screen window (owned by the app, shown from the menu).
        settings: where choices such as the official's screen are remembered.
        referrals_tab: built by the app because it needs today's date.

    Signals:
        quitRequested(): the person chose Quit; the app cleans up and exits.
        settingsOpened(): the settings page was opened (the profile is read again).
        exportActualsRequested(str): save the segment timings CSV to this path.
        jumpRequested(int): move the timer to this segment (0 is the first).
    """

    quitRequested = Signal()
    settingsOpened = Signal()
    exportActualsRequested = Signal(str)
    jumpRequested = Signal(int)

    def __init__(
        self,
        *,
        database_name: str,
        official: OfficialScreen,
        settings: QSettings,
        referrals_tab: ReferralsTab,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Studio Desk · County livestream"))
        self.setStyleSheet(theme.OPERATOR_QSS)
        self.resize(1600, 960)
        self.official = official
        self._settings = settings
        self._session: SessionRecord | None = None
        self._segments: list[SegmentRecord] = []
        self._reading: ClockReading | None = None
        self._notes = ScreenNotes()
        self._on_air = OnAir()
        self._point: tuple[str, str] | None = None
        self._report_back: list[ReportBackItem] = []
        self._rig_marker = ""

        self.prep = PrepTab()
        self.desk = DeskTab()
        self.rig = RigTab()
        self.referrals = referrals_tab
        self.reports = ReportsTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget, title in (
            (self.prep, self.tr("Prep")),
            (self.desk, self.tr("Live desk")),
            (self.rig, self.tr("Rig")),
            (self.referrals, self.tr("Referrals")),
            (self.reports, self.tr("Reports")),
        ):
            self.tabs.addTab(widget, title)
        self.tabs.currentChanged.connect(self._tab_changed)
        # The first-run checklist sits above the tabs while the studio is not set up.
        self.first_run = FirstRunChecklist()
        self.first_run.stepRequested.connect(self.go_to_step)
        self.settings_page = SettingsPage(self)
        self.unassigned_rooms = UnassignedRooms()
        central = QWidget()
        central_box = QVBoxLayout(central)
        central_box.setContentsMargins(0, 0, 0, 0)
        central_box.setSpacing(4)
        central_box.addWidget(self.first_run)
        central_box.addWidget(self.unassigned_rooms)
        central_box.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

        self.status = StatusBar(database_name)
        self.setStatusBar(self.status)
        self._build_menus()
        self.official.clickerPressed.connect(self.clicker)
        self.desk.briefing.pointShown.connect(self.show_point)
        self.desk.briefing.pointHidden.connect(self.hide_point)

    # -- construction ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.settings_action = QAction(self.tr("Studio &settings…"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.settings_action.triggered.connect(self.open_settings)
        file_menu.addAction(self.settings_action)
        self.addAction(self.settings_action)
        file_menu.addSeparator()
        export = QAction(self.tr("Export segment timings (CSV)…"), self)
        export.triggered.connect(self._ask_actuals_path)
        file_menu.addAction(export)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.quitRequested)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.tab_actions: list[QAction] = []
        for index in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(index), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            # Only while this window has focus: never a global shortcut.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, i=index: self.tabs.setCurrentIndex(i))
            view_menu.addAction(action)
            self.addAction(action)
            self.tab_actions.append(action)
        view_menu.addSeparator()
        checklist = QAction(self.tr("First-run checklist"), self)
        checklist.triggered.connect(self.first_run.reopen)
        view_menu.addAction(checklist)
        self.marker_action = QAction(self.tr("Show phone alarms on the official's screen"), self)
        self.marker_action.setCheckable(True)
        self.marker_action.setChecked(self._settings.value(MARKER_SETTING, False, type=bool))
        self.marker_action.toggled.connect(self._marker_toggled)
        view_menu.addAction(self.marker_action)
        self.official_menu = OfficialScreenMenu(self.official, self._settings, self)
        view_menu.addMenu(self.official_menu)

        self._build_timer_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.keys_action = QAction(self.tr("&Keys of this pane"), self)
        self.keys_action.setShortcut(QKeySequence("F1"))
        self.keys_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.keys_action.triggered.connect(lambda _checked=False: self.show_keys())
        help_menu.addAction(self.keys_action)
        self.addAction(self.keys_action)
        self.keys_dialog: KeysDialog | None = None
        about = QAction(self.tr("&About Studio Desk"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def show_keys(self, focus: QWidget | None = None) -> KeysDialog:
        """Help ▸ Keys (F1): the keys of the focused pane, of the tab around it, and the
        window's. The dialog is non-modal; the focus stays where the keys were asked."""
        focus = focus or QApplication.focusWidget()
        pane = _pane_name(focus, self) or self.tabs.tabText(self.tabs.currentIndex())
        if self.keys_dialog is None:
            self.keys_dialog = KeysDialog(self)
        self.keys_dialog.show_keys(pane, keys_in_focus(focus, self))
        self.keys_dialog.show()
        return self.keys_dialog

    def _build_timer_menu(self) -> None:
        """The transport's keys: window-scoped, so they only act while this window has focus."""
        menu = self.menuBar().addMenu(self.tr("&Timer"))
        transport, notes = self.desk.transport, self.desk.notes
        entries = [
            (self.tr("Go / resume"), "F5", transport.goRequested.emit),
            (self.tr("Pause / resume"), "F6", transport.pauseToggleRequested.emit),
            (self.tr("Previous segment"), "F7", transport.previousRequested.emit),
            (self.tr("Next segment"), "F8", transport.nextRequested.emit),
            (self.tr("Add one minute"), "Ctrl+=", lambda: transport.addRequested.emit(60)),
            (self.tr("Take one minute away"), "Ctrl+-", lambda: transport.addRequested.emit(-60)),
            (
                self.tr("Blackout the official's screen"),
                "Ctrl+Shift+B",
                notes.blackoutRequested.emit,
            ),
            (self.tr("Clear the note"), "Ctrl+Shift+N", notes.clearRequested.emit),
        ]
        self.timer_actions: dict[str, QAction] = {}
        for text, keys, slot in entries:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, f=slot: f())
            menu.addAction(action)
            self.addAction(action)
            self.timer_actions[keys] = action
        menu.addSeparator()
        self.jump_menu = QMenu(self.tr("Jump to segment"), self)
        self.jump_menu.aboutToShow.connect(self._fill_jump_menu)
        menu.addMenu(self.jump_menu)

    def _fill_jump_menu(self) -> None:
        self.jump_menu.clear()
        for segment in self._segments:
            action = QAction(f"{segment.position + 1}. {segment.title}", self.jump_menu)
            action.triggered.connect(
                lambda _checked=False, i=segment.position: self.jumpRequested.emit(i)
            )
            self.jump_menu.addAction(action)

    def _ask_actuals_path(self) -> None:
        day = self._session.date.isoformat() if self._session else self.tr("session")
        dialog = file_dialog(
            self,
            self.tr("Export segment timings"),
            filters=[self.tr("CSV files (*.csv)")],
            save=True,
            name=self.tr("segment-timings-{day}.csv").format(day=day),
            suffix="csv",
            delete_on_close=False,
        )
        dialog.fileSelected.connect(self.exportActualsRequested.emit)
        dialog.open()  # never exec(): the event loop (and the timer) keeps running
        self._actuals_dialog = dialog

    # -- setting up --------------------------------------------------------------------------
    def open_settings(self) -> None:
        """The settings page, non-modal, in front."""
        self.settingsOpened.emit()
        self.settings_page.show()
        self.settings_page.raise_()
        self.settings_page.activateWindow()
        self.settings_page.county_name.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def go_to_step(self, step: str) -> None:
        """A first-run step's button: open the place the step is done in. (``session`` is
        asked of the schedule by the wiring: it creates today's session.)"""
        if step in ("profile", "accounts"):
            self.open_settings()
        elif step in ("units", "officials"):
            self.tabs.setCurrentWidget(self.prep)
            self.prep.show_units_page()
        elif step == "phones":
            self.tabs.setCurrentWidget(self.rig)
        elif step == "session":
            self.tabs.setCurrentWidget(self.prep)

    # -- official's screen -------------------------------------------------------------------
    def _marker_toggled(self, on: bool) -> None:
        self._settings.setValue(MARKER_SETTING, on)
        self._refresh_official()

    def official_view(self) -> OfficialView:
        marker = self._rig_marker if self.marker_action.isChecked() else ""
        return official_view(
            self._session,
            self._segments,
            self._reading,
            self._notes,
            self._on_air,
            marker=marker,
            point=self._point,
            report_back=self._report_back,
        )

    def show_report_back(self, items: list[ReportBackItem]) -> None:
        """The session's report-back tickets (one on screen once the clicker stepped in)."""
        self._report_back = list(items)
        self._refresh_official()

    def show_point(self, title: str, body: str) -> None:
        """A briefing point for the official, until hidden."""
        self._point = (title, body)
        self._refresh_official()

    def hide_point(self) -> None:
        self._point = None
        self._refresh_official()

    def clicker(self, command: str) -> None:
        """A presentation clicker on the official's screen: blackout here. Next and previous
        move the studio's one question on air in the store (the app wires them to the
        moderation service); this window shows it when the stored move comes back."""
        if command == "blackout":
            self.desk.notes.blackoutRequested.emit()

    def _refresh_official(self) -> None:
        view = self.official_view()
        self.official.show_view(view)
        self.desk.queue.preview.show_view(view)  # the desk sees what the official sees

    # -- slots for the services --------------------------------------------------------------
    def show_today(self, session: SessionRecord | None) -> None:
        self._session = session
        self.desk.transport.set_planned_start(
            studio_epoch(session.date, session.start) if session else None
        )
        self.desk.briefing.follow_session(session.id if session else None)
        self.prep.show_today(session)
        self.status.show_session(session)
        self._refresh_official()

    def show_rundown(self, segments: list[SegmentRecord]) -> None:
        self._segments = segments
        self.prep.show_rundown(segments)
        self.desk.transport.set_segment_count(len(segments))
        self._refresh_official()

    def open_feed(self, _session_id: int) -> None:
        """Another session's feed opens (empty until its stored questions arrive)."""
        self.desk.open_feed()
        self._follow_queue()

    def add_stored_questions(self, questions: list[QuestionRecord]) -> None:
        """A page of the session's stored questions: on-air and queued ones reach the official."""
        self.desk.add_stored_questions(questions)
        self._follow_queue()

    def finish_feed_load(self, _count: int) -> None:
        self.desk.finish_feed_load()
        self._follow_queue()

    def update_questions(self, questions: list[QuestionRecord]) -> None:
        """Questions changed by a moderation move: the desk and the official's screen follow."""
        self.desk.update_questions(questions)
        self._follow_queue()

    def show_refusal(self, reason: str) -> None:
        self.status.show_refusal(reason)

    def _follow_queue(self) -> None:
        """The official sees the question on air (the store's, the same the queue panel and
        the feed show) and the queued ones after it, in the order arranged on the queue panel.
        With nothing on air, the segment's notes."""
        ordered = self.desk.queue.ordered()
        texts = tuple(q.display_text for q in ordered)
        focus = 0 if ordered and ordered[0].status == QuestionStatus.ON_AIR else -1
        detail = self._asked_line(ordered[0]) if focus == 0 else ""
        self._on_air = OnAir(texts, focus, detail)
        self._refresh_official()

    def _asked_line(self, question: QuestionRecord) -> str:
        """For the official: how many viewers asked the question on air, and from which rooms
        ("3 viewers asked this · Department account, County account": its own room first)."""
        model = self.desk.feed_model
        cluster = question.cluster_id
        members = model.cluster_members(cluster) if cluster is not None else []
        asked = members or [question]
        # The room of the question on air first, then the others it was asked in.
        separator = self.tr(", ", "between the rooms a question was asked in")
        rooms = separator.join(dict.fromkeys(_room_words(q) for q in [question, *asked]))
        if len(asked) > 1:
            return self.tr("{count} viewers asked this · {rooms}").format(
                count=len(asked), rooms=rooms
            )
        return self.tr("Asked in: {rooms}").format(rooms=rooms)

    def show_reading(self, reading: ClockReading) -> None:
        """Every tick of the timer: the transport and the official's screen."""
        self._reading = reading
        self.desk.transport.show_reading(reading)
        self.desk.queue.show_reading(reading)
        self._refresh_official()

    def show_timer(self, snapshot: TimerView) -> None:
        """A new timer state was stored: the notes and the absorb switch follow it."""
        self.desk.transport.absorb.setChecked(snapshot.state.absorb)
        self.show_notes(snapshot.notes)

    def show_notes(self, notes: ScreenNotes) -> None:
        self._notes = notes
        self.desk.notes.show_notes(notes)
        self._refresh_official()

    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        self.desk.rooms.show_rooms(rooms)
        self.rig.show_rooms(rooms)
        self.status.show_room_count(len(rooms))

    def show_room_state(self, room: str, state: str) -> None:
        self.status.show_room_state(room, state)

    def show_phones(self, phones: list[PhoneRecord]) -> None:
        self.rig.show_phones(phones)
        self.status.show_phone_count(len(phones))

    def show_rig(self, summary: str, marker: str, state: str | None = None) -> None:
        """The phones' live state: the status bar (its chip ``state``: ok, warn or bad), and
        the official's screen if chosen."""
        self._rig_marker = marker
        self.status.show_rig(summary, marker, state)
        self._refresh_official()

    def show_saved(self, path: str) -> None:
        self.status.show_saved(path)

    def show_problem(self, text: str) -> None:
        self.status.show_problem(text)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.desk:
            # The moderator's keys go to the feed as soon as the desk opens.
            self.desk.feed_view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Studio Desk"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Studio Desk {version}\nThe control panel of the county's daily livestream."
            ).format(version=__version__)
        )
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the main window means quitting; the app decides how (after clean-up).
        event.ignore()
        self.quitRequested.emit()


def _pane_name(focus: QWidget | None, window: QWidget) -> str:
    """The accessible name of the focused widget or the nearest panel around it that has one."""
    widget = focus
    while widget is not None and widget is not window:
        if widget.accessibleName():
            return widget.accessibleName()
        widget = widget.parentWidget()
    return ""


def _room_words(question: QuestionRecord) -> str:
    """Where a question came from, as the official's screen names it."""
    if question.room_role is None:
        return labels.channel(question.channel)
    return labels.room_role(question.room_role)
