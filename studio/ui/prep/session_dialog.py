"""Editing one session: unit, official, topic, slot and status, and what it lacks to be ready.

The rule for "ready" is the domain's (``missing_for_ready``); the store enforces it again, the
dialog only makes it visible before the operator tries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import SessionStatus
from studio.domain.schedule_table import TOPIC_MAX
from studio.domain.session_readiness import (
    SETTABLE,
    Missing,
    SessionDetails,
    SessionEdit,
    is_editable,
    slot_is_valid,
)
from studio.ui import labels


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


class SessionDialog(QDialog):
    """One session's fields; "Ready" can be chosen only when nothing is missing.

    Live and ended sessions are shown read-only. Non-modal: show it with ``open()``.

    Signals:
        saveRequested(int, object): the session's id and the ``SessionEdit`` to store.
        rundownRequested(int): start this session's (empty) running order from the standard
            template; :meth:`set_segments` follows.
    """

    saveRequested = Signal(int, object)
    rundownRequested = Signal(int)

    def __init__(self, details: SessionDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        session = details.session
        self.setWindowTitle(self.tr("Edit session"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumWidth(520)

        heading = QLabel(
            f"{session.date.isoformat()} {labels.weekday(session.date.weekday())}",
            textFormat=Qt.TextFormat.PlainText,
        )
        heading.setProperty("role", "heading")
        self.unit = QComboBox()
        for unit in details.units:
            self.unit.addItem(unit.name, unit.id)
        if self.unit.findData(session.unit_id) < 0:  # a retired unit, or none: shown as it is
            self.unit.insertItem(0, session.unit_name or "—", session.unit_id)
        self.unit.setCurrentIndex(self.unit.findData(session.unit_id))
        self.official = QComboBox()
        self.topic = QLineEdit(session.topic, maxLength=TOPIC_MAX)
        self.topic.setPlaceholderText(self.tr("What the official talks about"))
        self.start = QTimeEdit(_qtime(session.start), displayFormat="HH:mm")
        self.end = QTimeEdit(_qtime(session.end), displayFormat="HH:mm")
        self.status = QComboBox()
        self._statuses = QStandardItemModel(self.status)
        for status in SETTABLE:
            item = QStandardItem(labels.session_status(status))
            item.setData(status, Qt.ItemDataRole.UserRole)
            self._statuses.appendRow(item)
        self.status.setModel(self._statuses)
        if session.status not in SETTABLE:
            self.status.addItem(labels.session_status(session.status), session.status)
        self.status.setCurrentIndex(self.status.findData(session.status))

        slot = QHBoxLayout()
        slot.addWidget(self.start)
        slot.addWidget(QLabel("–"))
        slot.addWidget(self.end)
        slot.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Official"), self.official)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Time"), slot)
        form.addRow(self.tr("Status"), self.status)

        self.missing_label = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.missing_label.setProperty("role", "subtle")
        self.problem_label = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        # The running order editor follows today's session: one prepared ahead starts here.
        self.rundown_button = QPushButton(self.tr("Start the running order from the standard one"))
        self.rundown_button.clicked.connect(self._request_rundown)
        self.saving = False  # asked the store to save; waiting for its answer
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addLayout(form)
        box.addWidget(self.missing_label)
        box.addWidget(self.rundown_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.problem_label)
        box.addLayout(buttons)

        self._fill_officials(details.official_id)
        self.unit.currentIndexChanged.connect(lambda _i: self._unit_changed())
        for signal in (
            self.official.currentIndexChanged,
            self.status.currentIndexChanged,
            self.topic.textChanged,
            self.start.timeChanged,
            self.end.timeChanged,
        ):
            signal.connect(lambda *_: self._update())
        self.editable = is_editable(session.status)
        if not self.editable:
            for field in (self.unit, self.official, self.topic, self.start, self.end, self.status):
                field.setEnabled(False)
            self.save_button.hide()
            cancel.setText(self.tr("Close"))
        self._update()

    def open(self) -> None:
        """Show without blocking (and without locking the main window)."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.topic.setFocus()

    # -- what it holds -----------------------------------------------------------------------
    def current_edit(self) -> SessionEdit:
        return SessionEdit(
            unit_id=self.unit.currentData(),
            official_id=self.official.currentData(),
            topic=self.topic.text().strip(),
            start=self.start.time().toPython(),
            end=self.end.time().toPython(),
            status=SessionStatus(self.status.currentData()),
        )

    def set_segments(self, count: int) -> None:
        """The session's running order has ``count`` segments now."""
        self.details = dataclasses.replace(self.details, segments=count)
        self._update()

    def ready_item(self) -> QStandardItem:
        return self._statuses.item(SETTABLE.index(SessionStatus.READY))

    def missing(self) -> list[Missing]:
        return self.details.missing(self.current_edit())

    # -- internals ---------------------------------------------------------------------------
    def _fill_officials(self, selected: int | None) -> None:
        """The unit's officials not retired (and the one in the chair, even if retired)."""
        unit_id = self.unit.currentData()
        self.official.blockSignals(True)
        self.official.clear()
        self.official.addItem(self.tr("(none)"), None)
        for official in self.details.officials_of(unit_id):
            self.official.addItem(f"{official.name} · {official.title}", official.id)
        session = self.details.session
        if (
            selected is not None
            and self.official.findData(selected) < 0
            and unit_id == session.unit_id
            and selected == self.details.official_id
        ):
            self.official.addItem(f"{session.official_name} · {session.official_title}", selected)
        self.official.setCurrentIndex(max(0, self.official.findData(selected)))
        self.official.blockSignals(False)

    def _unit_changed(self) -> None:
        # An official of another unit cannot stay in the chair.
        self._fill_officials(None)
        self._update()

    def _update(self) -> None:
        missing = self.missing()
        words = {
            Missing.TOPIC: self.tr("a topic"),
            Missing.OFFICIAL: self.tr("an official"),
            Missing.RUNNING_ORDER: self.tr("a running order"),
        }
        if missing:
            self.missing_label.setText(
                self.tr("Not ready yet: it needs {things}.").format(
                    things=self.tr(", ").join(words[m] for m in missing)
                )
            )
        else:
            self.missing_label.setText(
                self.tr("Topic, official and running order ({count} segments) are there.").format(
                    count=self.details.segments
                )
            )
        self.rundown_button.setVisible(self.editable and self.details.segments == 0)
        ready = self.ready_item()
        enabled = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        ready.setFlags(ready.flags() & ~enabled if missing else ready.flags() | enabled)
        if missing and self.status.currentData() == SessionStatus.READY and self.editable:
            self.status.setCurrentIndex(self.status.findData(SessionStatus.PLANNED))
        problems = []
        if not self.editable:
            problems.append(
                self.tr("This session is {status} and can no longer be edited.").format(
                    status=labels.session_status(self.details.session.status)
                )
            )
        if not slot_is_valid(self.start.time().toPython(), self.end.time().toPython()):
            problems.append(self.tr("The session must end after it starts."))
        self.problem_label.setText("\n".join(problems))
        self.save_button.setEnabled(self.editable and not problems)

    def _request_rundown(self) -> None:
        self.rundown_button.setEnabled(False)
        self.rundownRequested.emit(self.details.session.id)

    def save(self) -> None:
        """Ask for the edit to be stored; the dialog stays until the store answers
        (:meth:`saved` closes it, :meth:`refused` says why and lets the operator try again)."""
        if not self.save_button.isEnabled():
            return
        self.saving = True
        self.save_button.setEnabled(False)  # a second Enter must not send it twice
        self.saveRequested.emit(self.details.session.id, self.current_edit())

    def saved(self) -> None:
        self.saving = False
        self.accept()

    def refused(self, reason: str) -> None:
        self.saving = False
        self._update()
        self.problem_label.setText(reason)
