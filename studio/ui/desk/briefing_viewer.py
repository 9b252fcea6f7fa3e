"""Briefing notes on the Live desk: read during the hour, one point put on the official's screen."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from studio.domain.briefing import BriefingNote


class BriefingViewer(QWidget):
    """Today's notes, read-only; the selected one can be shown to the official on request.

    Signals:
        pointShown(str title, str body): show this note on the official's screen.
        pointHidden(): back to the question or the segment's notes.
    """

    pointShown = Signal(str, str)
    pointHidden = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_id: int | None = None
        self._notes: list[BriefingNote] = []
        self.titles = QListWidget()
        self.titles.currentRowChanged.connect(self._row_changed)
        self.body = QPlainTextEdit(readOnly=True)
        self.show_button = QPushButton(self.tr("Show this point on the official's screen"))
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggled)
        self.empty = QLabel(self.tr("No briefing notes for today (Prep tab ▸ Briefing notes)"))
        self.empty.setProperty("role", "subtle")
        self.empty.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.empty)
        box.addWidget(self.titles, 1)
        box.addWidget(self.body, 2)
        box.addWidget(self.show_button)
        self.show_briefing(0, [])

    def follow_session(self, session_id: int | None) -> None:
        self.session_id = session_id

    def show_briefing(self, session_id: int, notes: list[BriefingNote]) -> None:
        """The stored notes of a session (others than today's are ignored)."""
        if session_id != (self.session_id or 0):
            return
        self._notes = list(notes)
        self.titles.clear()
        self.titles.addItems([n.title for n in self._notes])
        self.empty.setVisible(not self._notes)
        self.show_button.setEnabled(bool(self._notes))
        self.titles.setCurrentRow(0 if self._notes else -1)

    def _row_changed(self, row: int) -> None:
        note = self._notes[row] if 0 <= row < len(self._notes) else None
        self.body.setPlainText(note.body if note else "")
        if self.show_button.isChecked() and note is not None:
            self.pointShown.emit(note.title, note.body)

    def _toggled(self, on: bool) -> None:
        row = self.titles.currentRow()
        if on and 0 <= row < len(self._notes):
            self.pointShown.emit(self._notes[row].title, self._notes[row].body)
        else:
            self.pointHidden.emit()
