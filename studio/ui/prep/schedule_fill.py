"""The proposal of a schedule fill: the sessions it would create, to accept or discard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from studio.domain.records import SessionRecord
from studio.ui.record_model import Column, RecordTableModel, record_table


class FillPreview(QGroupBox):
    """What a fill of the next weeks would create, shown until accepted or discarded.

    Attributes:
        model: the proposed sessions.
        create_button: accepts the proposal.

    Signals:
        accepted(object, object): fill the free working days of this period (first, last).
    """

    accepted = Signal(object, object)

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Proposed sessions"), parent)
        self._period: tuple[dt.date, dt.date] | None = None
        self.model = RecordTableModel(columns, self)
        table = record_table(self.model, self)
        self.create_button = QPushButton(self.tr("Create these sessions"))
        self.create_button.clicked.connect(self.accept)
        discard = QPushButton(self.tr("Discard"))
        discard.clicked.connect(self.discard)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(discard)
        buttons.addWidget(self.create_button)
        box = QVBoxLayout(self)
        box.addWidget(table)
        box.addLayout(buttons)
        self.hide()

    def propose(self, first: dt.date, last: dt.date, sessions: list[SessionRecord]) -> None:
        """What a fill would create: shown for the operator to accept or discard."""
        self._period = (first, last)
        # Each fill proposes anew (its sessions are not stored: no ids to follow).
        self.model.show_subject(sessions)
        self.setTitle(
            self.tr("Proposed sessions {first} – {last}: {count}").format(
                first=first.isoformat(), last=last.isoformat(), count=len(sessions)
            )
        )
        self.create_button.setEnabled(bool(sessions))
        self.show()

    def accept(self) -> None:
        if self._period is not None:
            self.accepted.emit(*self._period)
        self.discard()

    def discard(self) -> None:
        self._period = None
        self.model.show_subject([])
        self.hide()
