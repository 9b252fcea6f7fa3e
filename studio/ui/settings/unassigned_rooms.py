"""Rooms the feed met that nobody has assigned: one line each, one click to say whose it is."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from studio.domain.model import RoomRole
from studio.domain.profile import BroadcastAccount
from studio.ui import labels


class UnassignedRooms(QFrame):
    """Shown above the tabs while a room is unassigned; its comments are stored meanwhile.

    Signals:
        roomAssignRequested(int, str): this room is the county's (``gov``) or the department's.
    """

    roomAssignRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unassignedRooms")
        self.setStyleSheet(
            "#unassignedRooms { background: #fdecea; border: 1px solid #e57373; "
            "border-radius: 6px; }"
        )
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(8, 4, 8, 4)
        self.rows: dict[int, QWidget] = {}
        self.hide()

    def show_accounts(self, accounts: list[BroadcastAccount]) -> None:
        """One line per unassigned room (the others are on the settings page)."""
        for row in self.rows.values():
            self._box.removeWidget(row)
            row.deleteLater()
        self.rows = {}
        for account in accounts:
            if account.unassigned and account.id is not None:
                self.rows[account.id] = self._row(account)
                self._box.addWidget(self.rows[account.id])
        self.setVisible(bool(self.rows))

    def _row(self, account: BroadcastAccount) -> QWidget:
        row = QWidget(self)
        text = QLabel(
            self.tr(
                "Unassigned room: {platform} {identity} sends comments. Whose room is it?"
            ).format(platform=labels.platform(account.platform), identity=account.identity),
            textFormat=Qt.TextFormat.PlainText,
        )
        gov = QPushButton(self.tr("The county's room"))
        dept = QPushButton(self.tr("The department's room"))
        room_id = account.id
        assert room_id is not None
        gov.clicked.connect(lambda: self.roomAssignRequested.emit(room_id, str(RoomRole.GOV)))
        dept.clicked.connect(lambda: self.roomAssignRequested.emit(room_id, str(RoomRole.DEPT)))
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(text, 1)
        box.addWidget(gov)
        box.addWidget(dept)
        return row
