"""The official's screen (主讲屏): a calm, dark, second-monitor window read from two metres."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from studio.domain.studio_time import clock_text, now_epoch
from studio.ui import theme
from studio.ui.fit_label import FitLabel
from studio.ui.official_view import PHASE_SHAPES, OfficialView


class OfficialScreen(QWidget):
    """A separate top-level window for the second monitor.

    It never takes focus when shown (the operator keeps typing), leaves full screen with Esc,
    and renders all viewer text as plain text.

    Signals:
        clickerPressed(str): "next", "previous" or "blackout" from a presentation clicker.
    """

    clickerPressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("OfficialScreen")
        self.setWindowTitle(self.tr("Official's screen"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setStyleSheet(theme.OFFICIAL_QSS)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.resize(1920, 1080)
        self._view = OfficialView()
        self._blink_on = True
        self._build()
        self._clock = QTimer(self, interval=1000, timeout=self._tick)
        self._clock.start()
        self._tick()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self._stack = QStackedLayout(self)
        content = QWidget(self)
        self._stack.addWidget(content)
        black = QWidget(self)
        black.setStyleSheet("background: #000000;")
        self._stack.addWidget(black)

        outer = QVBoxLayout(content)
        outer.setContentsMargins(56, 40, 56, 40)
        outer.setSpacing(24)

        top = QHBoxLayout()
        self._heading = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._heading.setProperty("role", "muted")
        self._heading.setStyleSheet("font-size: 30px;")
        self._time_of_day = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._time_of_day.setStyleSheet("font-size: 40px; font-weight: 600;")
        self._marker = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._marker.setStyleSheet("font-size: 24px; color: #ffc53d;")
        top.addWidget(self._heading, 1)
        top.addWidget(self._marker)
        top.addSpacing(24)
        top.addWidget(self._time_of_day)
        outer.addLayout(top)

        grid = QGridLayout()
        grid.setSpacing(32)
        outer.addLayout(grid, 1)

        focus = QFrame()
        focus.setProperty("role", "panel")
        focus_box = QVBoxLayout(focus)
        focus_box.setContentsMargins(40, 32, 40, 32)
        self._focus_caption = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._focus_caption.setProperty("role", "muted")
        self._focus_caption.setStyleSheet("font-size: 28px;")
        self._focus_text = FitLabel(max_pt=64, min_pt=18)
        self._focus_text.set_colour(theme.OFFICIAL_TEXT)
        # How many viewers asked the question on air, and from which room: big enough to read
        # from two metres, in the accent colour so it is not taken for the question.
        self._focus_detail = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self._focus_detail.setStyleSheet("font-size: 34px; font-weight: 600; color: #79c0ff;")
        focus_box.addWidget(self._focus_caption)
        focus_box.addWidget(self._focus_detail)
        focus_box.addWidget(self._focus_text, 1)
        self._next_caption = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._next_caption.setProperty("role", "muted")
        self._next_caption.setStyleSheet("font-size: 24px;")
        self._next_items = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self._next_items.setStyleSheet("font-size: 28px; color: #c9d1d9;")
        focus_box.addWidget(self._next_caption)
        focus_box.addWidget(self._next_items)
        grid.addWidget(focus, 0, 0)

        timer = QFrame()
        timer.setProperty("role", "panel")
        timer_box = QVBoxLayout(timer)
        timer_box.setContentsMargins(32, 32, 32, 32)
        self._segment = FitLabel(
            max_pt=40, min_pt=14, bold=True, align=Qt.AlignmentFlag.AlignCenter
        )
        self._segment.set_colour(theme.OFFICIAL_TEXT)
        self._segment.setMinimumHeight(80)
        self._segment.setMaximumHeight(110)
        self._remaining = FitLabel(
            max_pt=220, min_pt=24, bold=True, align=Qt.AlignmentFlag.AlignCenter
        )
        self._phase = QLabel(
            textFormat=Qt.TextFormat.PlainText, alignment=Qt.AlignmentFlag.AlignCenter
        )
        self._phase.setProperty("role", "phase")
        self._phase.setStyleSheet("font-size: 34px;")
        self._progress = QProgressBar(textVisible=False, maximum=1000)
        self._progress.setFixedHeight(18)
        self._expected = QLabel(
            textFormat=Qt.TextFormat.PlainText, alignment=Qt.AlignmentFlag.AlignCenter
        )
        self._expected.setProperty("role", "muted")
        self._expected.setStyleSheet("font-size: 26px;")
        self._segment_number = QLabel(
            textFormat=Qt.TextFormat.PlainText, alignment=Qt.AlignmentFlag.AlignCenter
        )
        self._segment_number.setProperty("role", "muted")
        self._segment_number.setStyleSheet("font-size: 34px;")
        timer_box.addWidget(self._segment_number)
        timer_box.addWidget(self._segment)
        timer_box.addWidget(self._remaining, 1)
        timer_box.addWidget(self._phase, 0, Qt.AlignmentFlag.AlignHCenter)
        timer_box.addSpacing(12)
        timer_box.addWidget(self._progress)
        timer_box.addWidget(self._expected)
        grid.addWidget(timer, 0, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)

        self._note = QLabel(
            textFormat=Qt.TextFormat.PlainText, alignment=Qt.AlignmentFlag.AlignCenter
        )
        self._note.setProperty("role", "note")
        self._note.setStyleSheet("font-size: 40px; font-weight: 700;")
        self._note.setWordWrap(True)
        self._note.hide()
        outer.addWidget(self._note)
        self._blink = QTimer(self, interval=600, timeout=self._toggle_blink)

    # -- state -------------------------------------------------------------------------------
    def view(self) -> OfficialView:
        return self._view

    def show_view(self, view: OfficialView) -> None:
        """Show a new state; cheap enough to call on every timer tick."""
        self._view = view
        self._stack.setCurrentIndex(1 if view.blackout else 0)
        self._heading.setText(view.heading)
        self._marker.setText(view.marker)
        self._segment_number.setText(view.segment_number)
        self._segment.setText(view.segment_title)
        self._remaining.setText(view.remaining)
        colour = theme.PHASE_COLOURS.get(view.phase, theme.PHASE_COLOURS["idle"])
        # Paused: the countdown is dimmed and the phase says so with its own shape.
        self._remaining.set_colour(theme.OFFICIAL_MUTED if view.paused else colour)
        shape = "❚❚" if view.paused else PHASE_SHAPES.get(view.phase, "○")
        if view.paused:
            colour = theme.OFFICIAL_MUTED
        self._phase.setText(f"{shape} {view.phase_word}")
        self._phase.setStyleSheet(f"font-size: 34px; background: {colour.name()};")
        self._progress.setValue(round(max(0.0, min(1.0, view.progress)) * 1000))
        self._progress.setStyleSheet(f"QProgressBar::chunk {{ background: {colour.name()}; }}")
        self._expected.setText(view.expected_end)
        self._focus_caption.setText(view.focus_caption)
        self._focus_detail.setText(view.focus_detail)
        self._focus_detail.setVisible(bool(view.focus_detail))
        self._focus_text.setText(view.focus_text)
        self._next_caption.setText(view.next_caption if view.next_items else "")
        self._next_items.setText("\n".join(f"· {item}" for item in view.next_items))
        self._note.setText(view.note)
        self._note.setVisible(bool(view.note))
        if view.note and view.note_blink:
            self._blink.start()
        else:
            self._blink.stop()
            self._note.setStyleSheet("font-size: 40px; font-weight: 700;")

    def _toggle_blink(self) -> None:
        self._blink_on = not self._blink_on
        background = "#1f6feb" if self._blink_on else "#0d1117"
        self._note.setStyleSheet(f"font-size: 40px; font-weight: 700; background: {background};")

    def _tick(self) -> None:
        self._time_of_day.setText(clock_text(now_epoch(), seconds=True))

    # -- placement ---------------------------------------------------------------------------
    def show_on(self, screen: QScreen) -> None:
        """Go full screen on ``screen`` without taking focus from the operator's window."""
        if self.isFullScreen():
            self.showNormal()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_Right):
            self.clickerPressed.emit("next")
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_Left):
            self.clickerPressed.emit("previous")
        elif key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.clickerPressed.emit("blackout")
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._blink.stop()
        super().closeEvent(event)
