"""The timer's transport on the Live desk, and the notes the moderator sends to the official."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.durations import format_duration
from studio.domain.rundown_clock import ClockReading
from studio.domain.screen_notes import ScreenNotes
from studio.domain.studio_time import clock_text, now_epoch
from studio.ui import theme
from studio.ui.timer_words import expected_end_line, phase_key, phase_word


class TransportPanel(QFrame):
    """Current segment, big remaining time, phase, expected end, and the buttons that drive them.

    The buttons' shortcuts are the main window's actions (window-scoped, never global); the
    tooltips name them. Before go-live the big clock counts down to the planned start; paused,
    it is dimmed and labelled, and one button says Resume.

    Attributes:
        now: the clock the countdown to the planned start reads (tests set it).

    Signals:
        goRequested(), nextRequested(), previousRequested(), pauseToggleRequested(),
        addRequested(int seconds), absorbRequested(bool)
    """

    goRequested = Signal()
    nextRequested = Signal()
    previousRequested = Signal()
    pauseToggleRequested = Signal()
    addRequested = Signal(int)
    absorbRequested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._segment_count = 0
        self._planned_start: float | None = None
        self.now: Callable[[], float] = now_epoch
        box = QHBoxLayout(self)

        texts = QVBoxLayout()
        self.segment = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.segment.setProperty("role", "heading")
        self.detail = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.detail.setProperty("role", "subtle")
        self.expected = QLabel(textFormat=Qt.TextFormat.PlainText)
        texts.addWidget(self.segment)
        texts.addWidget(self.detail)
        texts.addWidget(self.expected)
        box.addLayout(texts, 1)

        self.phase = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.phase.setProperty("role", "chip")
        self.remaining = QLabel("--:--", textFormat=Qt.TextFormat.PlainText)
        self.remaining.setProperty("role", "big-time")
        self.remaining.setMinimumWidth(210)
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.paused_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.paused_label.setStyleSheet(
            f"font-size: 22px; font-weight: 700; color: {theme.MUTED.name()};"
        )
        self.paused_label.hide()
        box.addWidget(self.phase, 0, Qt.AlignmentFlag.AlignVCenter)
        box.addWidget(self.paused_label, 0, Qt.AlignmentFlag.AlignVCenter)
        box.addWidget(self.remaining)

        buttons = QGridLayout()
        self.go_button = self._button(self.tr("Go"), "F5", self.goRequested.emit)
        self.pause_button = self._button(self.tr("Pause"), "F6", self.pauseToggleRequested.emit)
        self.previous_button = self._button(self.tr("Previous"), "F7", self.previousRequested.emit)
        self.next_button = self._button(self.tr("Next"), "F8", self.nextRequested.emit)
        self.minus_button = self._button(
            self.tr("−1 min"), "Ctrl+-", lambda: self.addRequested.emit(-60)
        )
        self.plus_button = self._button(
            self.tr("+1 min"), "Ctrl+=", lambda: self.addRequested.emit(60)
        )
        self.absorb = QCheckBox(self.tr("Absorb overrun"))
        self.absorb.setToolTip(
            self.tr("Shrink the later segments so that the session still ends on time")
        )
        self.absorb.clicked.connect(lambda: self.absorbRequested.emit(self.absorb.isChecked()))
        for index, button in enumerate(
            (self.go_button, self.pause_button, self.previous_button, self.next_button)
        ):
            buttons.addWidget(button, 0, index)
        buttons.addWidget(self.minus_button, 1, 0)
        buttons.addWidget(self.plus_button, 1, 1)
        buttons.addWidget(self.absorb, 1, 2, 1, 2)
        box.addLayout(buttons)
        self.show_reading(None)

    def _button(self, text: str, shortcut: str, slot) -> QPushButton:  # type: ignore[no-untyped-def]
        button = QPushButton(text)
        button.setToolTip(f"{text} ({shortcut})")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the moderator's keys stay on the feed
        button.clicked.connect(slot)
        return button

    def set_segment_count(self, count: int) -> None:
        self._segment_count = count

    def set_planned_start(self, epoch: float | None) -> None:
        """When the session is planned to go live (before it does, the clock counts to it)."""
        self._planned_start = epoch

    def show_reading(self, reading: ClockReading | None) -> None:
        key = phase_key(reading)
        colour = theme.PHASE_COLOURS.get(key, theme.PHASE_COLOURS["idle"])
        self.phase.setText(phase_word(reading))
        self.phase.setStyleSheet(f"background: {colour.name()}; color: #111;")
        if reading is None:
            self.segment.setText(self.tr("No session to time today"))
            self.detail.setText("")
            self.expected.setText("")
            self.remaining.setText("--:--")
            for button in (
                self.go_button,
                self.pause_button,
                self.previous_button,
                self.next_button,
            ):
                button.setEnabled(False)
            return
        number = reading.segment_index + 1
        self.segment.setText(
            self.tr("{number}/{count} · {title}").format(
                number=number, count=self._segment_count or number, title=reading.segment_title
            )
        )
        self.detail.setText(
            self.tr("Planned {planned} · elapsed {elapsed}").format(
                planned=format_duration(reading.planned_s),
                elapsed=format_duration(reading.elapsed_s),
            )
        )
        self.expected.setText(expected_end_line(reading))
        self.remaining.setText(format_duration(reading.remaining_s))
        self.remaining.setStyleSheet(f"color: {theme.PHASE_TEXT.get(key, '#111').name()};")
        if not reading.started:
            self._show_countdown()
        paused = reading.paused and not reading.ended
        # Paused: the clock is dimmed and says so, and one button (Resume) starts it again.
        self.paused_label.setText("❚❚ " + self.tr("Paused"))
        self.paused_label.setVisible(paused)
        if paused:
            self.remaining.setStyleSheet(f"color: {theme.MUTED.name()}; opacity: 0.5;")
            self.remaining.setToolTip(self.tr("Paused: the clock is stopped (F6 resumes)"))
        else:
            self.remaining.setToolTip("")
        live = reading.started and not reading.ended
        self.go_button.setEnabled(not reading.started)
        self.go_button.setText(self.tr("Go"))
        self.go_button.setVisible(not paused)
        self.pause_button.setEnabled(live)
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.previous_button.setEnabled(live and reading.segment_index > 0)
        self.next_button.setEnabled(live)
        for button in (self.minus_button, self.plus_button):
            button.setEnabled(not reading.ended)

    def _show_countdown(self) -> None:
        """Before go-live: how long until the planned start (or how late the start is)."""
        if self._planned_start is None:
            return
        left = self._planned_start - self.now()
        at = clock_text(self._planned_start)
        if left >= 0:
            self.remaining.setText(format_duration(left))
            self.detail.setText(
                self.tr("Not live yet · planned start {time} in {left}").format(
                    time=at, left=format_duration(left)
                )
            )
        else:
            self.detail.setText(
                self.tr("Not live yet · planned start {time} was {late} ago (F5 goes live)").format(
                    time=at, late=format_duration(-left)
                )
            )


class NotePanel(QFrame):
    """Notes to the official: presets, free text, blink, clear, and the blackout toggle.

    Signals:
        noteRequested(str text, bool blink), clearRequested(), blackoutRequested()
    """

    noteRequested = Signal(str, bool)
    clearRequested = Signal()
    blackoutRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        box = QVBoxLayout(self)
        title = QLabel(self.tr("Note to the official"))
        title.setProperty("role", "heading")
        box.addWidget(title)
        presets = QHBoxLayout()
        self.presets = [
            self.tr("2 minutes left"),
            self.tr("Please wrap up"),
            self.tr("Next question"),
        ]
        for text in self.presets:
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(
                lambda _c=False, t=text: self.noteRequested.emit(t, self.blink.isChecked())
            )
            presets.addWidget(button)
        box.addLayout(presets)
        row = QHBoxLayout()
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Type a note and press Enter"))
        self.text.setMaxLength(120)
        self.text.returnPressed.connect(self._send)
        self.blink = QCheckBox(self.tr("Blink"))
        row.addWidget(self.text, 1)
        row.addWidget(self.blink)
        box.addLayout(row)
        actions = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("Clear note"))
        self.clear_button.clicked.connect(self.clearRequested.emit)
        self.blackout_button = QPushButton(self.tr("Blackout"))
        self.blackout_button.setCheckable(True)
        self.blackout_button.setToolTip(self.tr("Blackout (Ctrl+Shift+B)"))
        self.blackout_button.clicked.connect(lambda _c=False: self.blackoutRequested.emit())
        actions.addWidget(self.clear_button)
        actions.addWidget(self.blackout_button)
        self.showing = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.showing.setProperty("role", "subtle")
        box.addLayout(actions)
        box.addWidget(self.showing)
        self.show_notes(ScreenNotes())

    def _send(self) -> None:
        text = self.text.text().strip()
        if text:
            self.noteRequested.emit(text, self.blink.isChecked())
            self.text.clear()

    def show_notes(self, notes: ScreenNotes) -> None:
        self.blackout_button.setChecked(notes.blackout)
        self.clear_button.setEnabled(bool(notes.note))
        if notes.note and notes.read_at is not None:
            self.showing.setText(
                self.tr("Showing: {note} · read ✓ {time}").format(
                    note=notes.note,
                    time=clock_text(notes.read_at, seconds=True),
                )
            )
        elif notes.note:
            self.showing.setText(self.tr("Showing: {note} · not read yet").format(note=notes.note))
        else:
            self.showing.setText(self.tr("No note shown"))
