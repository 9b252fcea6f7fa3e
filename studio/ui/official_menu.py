"""The View menu's "Official's screen": which attached screen shows the official's window."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QGuiApplication, QScreen
from PySide6.QtWidgets import QMenu, QWidget

from studio.ui.official.official_screen import OfficialScreen

SCREEN_SETTING = "official/screen"


class OfficialScreenMenu(QMenu):
    """Lists the screens attached when opened, shows the official's screen on the chosen one
    (remembered in ``settings``), and closes it."""

    def __init__(self, official: OfficialScreen, settings: QSettings, window: QWidget) -> None:
        super().__init__(window)
        self.setTitle(self.tr("Official's screen"))
        self.official = official
        self._settings = settings
        self._window = window
        self.aboutToShow.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        """List the screens now attached; a monitor may have been plugged in since."""
        self.clear()
        remembered = self._settings.value(SCREEN_SETTING, "")
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            size = screen.geometry()
            text = self.tr("Show on screen {number}: {name} ({width}×{height})").format(
                number=number, name=screen.name(), width=size.width(), height=size.height()
            )
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(self.official.isVisible() and screen.name() == remembered)
            action.triggered.connect(lambda _checked=False, s=screen: self.show_on(s))
            self.addAction(action)
        self.addSeparator()
        close = QAction(self.tr("Close the official's screen"), self)
        close.setEnabled(self.official.isVisible())
        close.triggered.connect(self.official.close)
        self.addAction(close)

    def preferred_screen(self) -> QScreen:
        """The remembered screen if attached, else another screen than the window's, else its."""
        screens = QGuiApplication.screens()
        remembered = self._settings.value(SCREEN_SETTING, "")
        for screen in screens:
            if screen.name() == remembered:
                return screen
        own = self._window.screen()
        for screen in screens:
            if screen is not own:
                return screen
        return own

    def show_on(self, screen: QScreen) -> None:
        self._settings.setValue(SCREEN_SETTING, screen.name())
        self.official.show_on(screen)
        # The operator keeps the keyboard: showing the official's screen must not steal it.
        self._window.activateWindow()
