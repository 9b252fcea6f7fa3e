"""Rig (手机): the two broadcast phones, the role each plays and the room it streams to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from studio.domain.records import PhoneRecord, RoomRecord
from studio.ui import labels


class PhoneCard(QFrame):
    """One phone: its label, role, model, serial, the room it streams to and its health."""

    def __init__(self, phone: PhoneRecord, room: RoomRecord | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setMinimumWidth(360)
        grid = QGridLayout(self)
        title = QLabel(phone.label, textFormat=Qt.TextFormat.PlainText)
        title.setProperty("role", "heading")
        self.state = QLabel(self.tr("Not monitored"), textFormat=Qt.TextFormat.PlainText)
        self.state.setProperty("role", "chip")
        self.state.setProperty("state", "warn")
        grid.addWidget(title, 0, 0)
        grid.addWidget(self.state, 0, 1, Qt.AlignmentFlag.AlignRight)
        rows = [
            (self.tr("Role"), labels.room_role(phone.role)),
            (self.tr("Model"), phone.model or "—"),
            (self.tr("Serial (ro.serialno)"), phone.serial),
            (
                self.tr("Live room"),
                f"{labels.platform(room.platform)} · {room.account_name}" if room else "—",
            ),
            (self.tr("Battery"), "—"),
            (self.tr("Temperature"), "—"),
            (self.tr("Live app in front"), "—"),
        ]
        for row, (name, value) in enumerate(rows, start=1):
            key = QLabel(name, textFormat=Qt.TextFormat.PlainText)
            key.setProperty("role", "subtle")
            grid.addWidget(key, row, 0)
            grid.addWidget(QLabel(value, textFormat=Qt.TextFormat.PlainText), row, 1)
        grid.setRowStretch(len(rows) + 1, 1)


class RigTab(QWidget):
    """Both phones side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        heading = QLabel(self.tr("Broadcast phones"))
        heading.setProperty("role", "heading")
        self._hint = QLabel(
            self.tr(
                "Phones are bound to their role by serial number; health appears once ADB monitoring is on."
            ),
            wordWrap=True,
        )
        self._hint.setProperty("role", "subtle")
        box.addWidget(heading)
        box.addWidget(self._hint)
        self._cards_box = QHBoxLayout()
        box.addLayout(self._cards_box)
        box.addStretch(1)
        self._phones: list[PhoneRecord] = []
        self._rooms: list[RoomRecord] = []
        self.cards: list[PhoneCard] = []

    def show_phones(self, phones: list[PhoneRecord]) -> None:
        self._phones = phones
        self._rebuild()

    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        self._rooms = rooms
        self._rebuild()

    def _rebuild(self) -> None:
        for card in self.cards:
            card.deleteLater()
        self.cards = []
        by_role = {room.role: room for room in self._rooms}
        for phone in self._phones:
            card = PhoneCard(phone, by_role.get(phone.role))
            self._cards_box.addWidget(card)
            self.cards.append(card)
