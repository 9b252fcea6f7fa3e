"""The operator's main window: five seats as tabs, menus, and a status bar that shows state."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QMessageBox, QTabWidget, QWidget

from studio import __version__
from studio.domain.model import QuestionStatus
from studio.domain.records import (
    PhoneRecord,
    QuestionRecord,
    RoomRecord,
    SegmentRecord,
    SessionRecord,
)
from studio.ui import labels, theme
from studio.ui.official_screen import OfficialScreen, OfficialView
from studio.ui.tabs.desk_tab import DeskTab
from studio.ui.tabs.prep_tab import PrepTab, session_slot
from studio.ui.tabs.referrals_tab import ReferralsTab
from studio.ui.tabs.reports_tab import ReportsTab
from studio.ui.tabs.rig_tab import RigTab

SCREEN_SETTING = "official/screen"


class MainWindow(QMainWindow):
    """Prep, Live desk, Rig, Referrals and Reports, switched with Ctrl+1…Ctrl+5.

    Args:
        database_name: what the status bar says about the database in use.
        official: the official's screen window (owned by the app, shown from the menu).
        settings: where choices such as the official's screen are remembered.
        referrals_tab: built by the app because it needs today's date.

    Signals:
        quitRequested(): the person chose Quit; the app cleans up and exits.
    """

    quitRequested = Signal()

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
        self._queued: list[str] = []

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
        self.setCentralWidget(self.tabs)

        self._build_status_bar(database_name)
        self._build_menus()

    # -- construction ------------------------------------------------------------------------
    def _build_status_bar(self, database_name: str) -> None:
        bar = self.statusBar()
        self.session_label = QLabel(self.tr("No session today"), textFormat=Qt.TextFormat.PlainText)
        self.rooms_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.rooms_label.setProperty("role", "chip")
        self.phones_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.phones_label.setProperty("role", "chip")
        self.database_label = QLabel(
            self.tr("Database: {name}").format(name=database_name),
            textFormat=Qt.TextFormat.PlainText,
        )
        self.database_label.setProperty("role", "subtle")
        bar.addWidget(self.session_label, 1)
        bar.addPermanentWidget(self.rooms_label)
        bar.addPermanentWidget(self.phones_label)
        bar.addPermanentWidget(self.database_label)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
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
        self.official_menu = QMenu(self.tr("Official's screen"), self)
        self.official_menu.aboutToShow.connect(self._fill_official_menu)
        view_menu.addMenu(self.official_menu)
        self._fill_official_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Studio Desk"), self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _fill_official_menu(self) -> None:
        """List the screens now attached; a monitor may have been plugged in since."""
        self.official_menu.clear()
        remembered = self._settings.value(SCREEN_SETTING, "")
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.geometry()
            text = self.tr("Show on screen {number}: {name} ({width}×{height})").format(
                number=number, name=screen.name(), width=size.width(), height=size.height()
            )
            action = QAction(text, self.official_menu)
            action.setCheckable(True)
            action.setChecked(self.official.isVisible() and screen.name() == remembered)
            action.triggered.connect(lambda _checked=False, s=screen: self.show_official_on(s))
            self.official_menu.addAction(action)
        self.official_menu.addSeparator()
        close = QAction(self.tr("Close the official's screen"), self.official_menu)
        close.setEnabled(self.official.isVisible())
        close.triggered.connect(self.official.close)
        self.official_menu.addAction(close)

    # -- official's screen -------------------------------------------------------------------
    def preferred_official_screen(self) -> QScreen:
        """The remembered screen if attached, else another screen than ours, else ours."""
        screens = QGuiApplication.screens()
        remembered = self._settings.value(SCREEN_SETTING, "")
        for screen in screens:
            if screen.name() == remembered:
                return screen
        own = self.screen()
        for screen in screens:
            if screen is not own:
                return screen
        return own

    def show_official_on(self, screen: QScreen) -> None:
        self._settings.setValue(SCREEN_SETTING, screen.name())
        self.official.show_on(screen)
        # The operator keeps the keyboard: showing the official's screen must not steal it.
        self.activateWindow()

    def official_view(self) -> OfficialView:
        """What the official sees before the timer runs: the first segment and its notes."""
        session = self._session
        if session is None:
            return OfficialView(phase="idle", phase_word=self.tr("Not started"))
        first = self._segments[0] if self._segments else None
        return OfficialView(
            heading=f"{session.unit_name} · {session.official_title} {session.official_name} · {session.topic}",
            segment_title=first.title if first else "",
            remaining=self.desk.transport.remaining.text(),
            phase="idle",
            phase_word=self.tr("Not started"),
            progress=0.0,
            expected_end=self.tr("On air {slot}").format(slot=session_slot(session)),
            focus_caption=self.tr("Notes for this segment"),
            focus_text=first.notes if first else "",
            next_caption=self.tr("Next questions"),
            next_items=tuple(self._queued[:3]),
        )

    def _refresh_official(self) -> None:
        self.official.show_view(self.official_view())

    # -- slots for the services --------------------------------------------------------------
    def show_today(self, session: SessionRecord | None) -> None:
        self._session = session
        self.prep.show_today(session)
        if session is None:
            self.session_label.setText(self.tr("No session today"))
        else:
            self.session_label.setText(
                self.tr("Today {slot} · {unit} · {topic} · {status}").format(
                    slot=session_slot(session),
                    unit=session.unit_name,
                    topic=session.topic,
                    status=labels.session_status(session.status),
                )
            )
        self._refresh_official()

    def show_rundown(self, segments: list[SegmentRecord]) -> None:
        self._segments = segments
        self.prep.show_rundown(segments)
        self.desk.transport.show_rundown(segments)
        self._refresh_official()

    def show_questions(self, questions: list[QuestionRecord]) -> None:
        self.desk.show_questions(questions)
        self._queued = [q.display_text for q in questions if q.status == QuestionStatus.QUEUED]
        self._refresh_official()

    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        self.desk.rooms.show_rooms(rooms)
        self.rig.show_rooms(rooms)
        self.rooms_label.setText(
            self.tr("Rooms: {count} set up, not connected").format(count=len(rooms))
        )

    def show_phones(self, phones: list[PhoneRecord]) -> None:
        self.rig.show_phones(phones)
        self.phones_label.setText(self.tr("Phones: {count} registered").format(count=len(phones)))

    def show_problem(self, text: str) -> None:
        self.statusBar().showMessage(self.tr("Problem: {text}").format(text=text), 15_000)

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
