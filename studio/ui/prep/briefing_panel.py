"""Briefing notes on the Prep tab: titled notes for the official, edited and saved per session."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.domain.briefing import TITLE_MAX, BriefingNote
from studio.domain.records import SessionRecord


class BriefingPanel(QWidget):
    """The notes of one session: a list of titles, the selected note's title and text.

    Edits stay in the panel until Save, which sends all notes at once (the store replaces them
    in one transaction).

    Signals:
        loadRequested(int): show the notes of this session id.
        saveRequested(int, list): store this ``BriefingNote`` list for the session id.
        earlierRequested(int): fetch the unit's last notes to carry them forward.
    """

    loadRequested = Signal(int)
    saveRequested = Signal(int, list)
    earlierRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_id: int | None = None
        self._notes: list[BriefingNote] = []
        self._showing = False
        self.heading = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.heading.setProperty("role", "subtle")
        self.titles = QListWidget()
        self.titles.currentRowChanged.connect(self._row_changed)
        self.title = QLineEdit()
        self.title.setMaxLength(TITLE_MAX)
        self.title.setPlaceholderText(self.tr("Title, e.g. 口径：供暖收费"))
        self.body = QPlainTextEdit()
        self.title.textEdited.connect(self._edited)
        self.body.textChanged.connect(self._edited)
        self.add_button = QPushButton(self.tr("Add note"))
        self.add_button.clicked.connect(self.add_note)
        self.remove_button = QPushButton(self.tr("Remove note"))
        self.remove_button.clicked.connect(self.remove_note)
        self.carry_button = QPushButton(self.tr("Carry forward from the unit's last session"))
        self.carry_button.clicked.connect(self._ask_earlier)
        self.save_button = QPushButton(self.tr("Save notes"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText)

        editor = QWidget()
        editor_box = QVBoxLayout(editor)
        editor_box.setContentsMargins(0, 0, 0, 0)
        editor_box.addWidget(self.title)
        editor_box.addWidget(self.body, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.titles)
        split.addWidget(editor)
        split.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.carry_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        buttons.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(split, 1)
        box.addLayout(buttons)
        self.set_session(None)

    def notes(self) -> list[BriefingNote]:
        return list(self._notes)

    # -- slots -------------------------------------------------------------------------------
    def set_session(self, session: SessionRecord | None) -> None:
        """Follow ``session`` (e.g. today's): its notes are asked for with ``loadRequested``."""
        new_id = session.id if session else None
        if session is None:
            self.heading.setText(self.tr("No session selected"))
        else:
            self.heading.setText(
                self.tr("Briefing notes for {day} · {unit}").format(
                    day=session.date.isoformat(), unit=session.unit_name
                )
            )
        for widget in (self.add_button, self.save_button, self.carry_button):
            widget.setEnabled(session is not None)
        if new_id != self.session_id:
            self.session_id = new_id
            self.show_briefing(new_id or 0, [])
            if new_id is not None:
                self.loadRequested.emit(new_id)

    def show_briefing(self, session_id: int, notes: list[BriefingNote]) -> None:
        """The stored notes of a session (ignored when another session is shown by now)."""
        if session_id != (self.session_id or 0):
            return
        self._notes = list(notes)
        self._refresh_titles(0 if notes else -1)
        self.status.setText("")

    def _ask_earlier(self) -> None:
        if self.session_id is not None:
            self.earlierRequested.emit(self.session_id)

    def add_earlier(self, session_id: int, notes: list[BriefingNote]) -> None:
        """Append the unit's earlier notes (unsaved, so the operator reviews them first)."""
        if session_id != self.session_id:
            return
        if not notes:
            self.status.setText(self.tr("The unit has no earlier notes"))
            return
        self._notes.extend(notes)
        self._refresh_titles(len(self._notes) - len(notes))
        self.status.setText(self.tr("Not saved"))

    def show_saved(self, session_id: int) -> None:
        if session_id == self.session_id:
            self.status.setText(self.tr("Saved"))

    def add_note(self) -> None:
        self._notes.append(BriefingNote(self.tr("New note"), ""))
        self._refresh_titles(len(self._notes) - 1)
        self.title.setFocus()
        self.title.selectAll()

    def remove_note(self) -> None:
        row = self.titles.currentRow()
        if 0 <= row < len(self._notes):
            del self._notes[row]
            self._refresh_titles(min(row, len(self._notes) - 1))
            self.status.setText(self.tr("Not saved"))

    def save(self) -> None:
        if self.session_id is not None:
            self.status.setText(self.tr("Saving…"))
            self.saveRequested.emit(self.session_id, self.notes())

    # -- internals ---------------------------------------------------------------------------
    def _refresh_titles(self, row: int) -> None:
        self._showing = True
        self.titles.clear()
        self.titles.addItems([n.title for n in self._notes])
        self._showing = False
        self.titles.setCurrentRow(row)
        self._row_changed(row)

    def _row_changed(self, row: int) -> None:
        has = 0 <= row < len(self._notes)
        self._showing = True
        self.title.setText(self._notes[row].title if has else "")
        self.body.setPlainText(self._notes[row].body if has else "")
        self._showing = False
        for widget in (self.title, self.body, self.remove_button):
            widget.setEnabled(has)

    def _edited(self) -> None:
        row = self.titles.currentRow()
        if self._showing or not 0 <= row < len(self._notes):
            return
        self._notes[row] = BriefingNote(self.title.text(), self.body.toPlainText())
        item = self.titles.item(row)
        if item is not None:
            item.setText(self.title.text())
        self.status.setText(self.tr("Not saved"))
