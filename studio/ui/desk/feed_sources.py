"""A non-modal dialog choosing each live room's capture tool and address for the session."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import RoomRole
from studio.ui import labels

#: Each tool and the address it is usually found at.
TOOL_DEFAULTS = {
    "": "",
    "barragegrab": "ws://127.0.0.1:8888",
    "douyinlive": "ws://127.0.0.1:1088",
    "kuaishou-server": "127.0.0.1:5001",
}


class FeedSourcesDialog(QDialog):
    """One row per room (county's, department's): tool, address, and the room's key.

    A saved Kuaishou room also shows Studio Desk's userscript for it, filled in with the room
    key, the port and the studio's secret, read-only with a Copy button (the sources given to
    :meth:`set_sources` carry it as ``userscript``).

    Signals:
        sourcesAccepted(list): dicts with ``room_role``, ``tool``, ``address``, ``room_key``;
            rooms without a tool are left out.
    """

    sourcesAccepted = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Feed sources"))
        self.setModal(False)
        grid = QGridLayout()
        for column, title in enumerate(
            (self.tr("Room"), self.tr("Capture tool"), self.tr("Address"), self.tr("Room key"))
        ):
            grid.addWidget(QLabel(title), 0, column)
        self.rows: dict[str, tuple[QComboBox, QLineEdit, QLineEdit]] = {}
        for row, role in enumerate((RoomRole.GOV, RoomRole.DEPT), start=1):
            tool = QComboBox()
            tool.addItem(self.tr("None"), "")
            tool.addItem(self.tr("BarrageGrab (Douyin)"), "barragegrab")
            tool.addItem(self.tr("douyinLive (Douyin)"), "douyinlive")
            tool.addItem(self.tr("Kuaishou userscript (our server)"), "kuaishou-server")
            address, key = QLineEdit(), QLineEdit()
            key.setPlaceholderText(self.tr("live id, path key or SecUid"))
            tool.currentIndexChanged.connect(
                lambda _i, t=tool, a=address: a.setText(TOOL_DEFAULTS.get(t.currentData(), ""))
            )
            grid.addWidget(QLabel(labels.room_role(role)), row, 0)
            grid.addWidget(tool, row, 1)
            grid.addWidget(address, row, 2)
            grid.addWidget(key, row, 3)
            self.rows[str(role)] = (tool, address, key)
        hint = QLabel(
            self.tr(
                "A Kuaishou room needs Studio Desk's userscript (below once saved): it carries the "
                "studio's secret. The stock script works only while a single room uses Kuaishou."
            )
        )
        hint.setWordWrap(True)
        self.scripts: dict[str, tuple[QGroupBox, QPlainTextEdit]] = {}
        scripts = QHBoxLayout()
        for role in (RoomRole.GOV, RoomRole.DEPT):
            group = QGroupBox(self.tr("Userscript for {room}").format(room=labels.room_role(role)))
            text = QPlainTextEdit(readOnly=True)
            text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            copy = QPushButton(self.tr("Copy"))
            copy.clicked.connect(
                lambda _c=False, t=text: QGuiApplication.clipboard().setText(t.toPlainText())
            )
            inner = QVBoxLayout(group)
            inner.addWidget(text)
            inner.addWidget(copy)
            group.hide()
            scripts.addWidget(group)
            self.scripts[str(role)] = (group, text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(grid)
        box.addWidget(hint)
        box.addLayout(scripts)
        box.addWidget(buttons)

    def set_sources(self, sources: list[dict[str, str]]) -> None:
        """Show saved sources; rooms without one show "None"."""
        by_role = {s.get("room_role", ""): s for s in sources}
        for role, (tool, address, key) in self.rows.items():
            source = by_role.get(role, {})
            index = tool.findData(source.get("tool", ""))
            tool.setCurrentIndex(max(index, 0))
            address.setText(source.get("address", TOOL_DEFAULTS.get(tool.currentData(), "")))
            key.setText(source.get("room_key", ""))
            group, text = self.scripts[role]
            text.setPlainText(source.get("userscript", ""))
            group.setVisible(bool(text.toPlainText()))

    def sources(self) -> list[dict[str, str]]:
        """What the dialog shows, rooms with a tool only."""
        return [
            {
                "room_role": role,
                "tool": tool.currentData(),
                "address": address.text().strip(),
                "room_key": key.text().strip(),
            }
            for role, (tool, address, key) in self.rows.items()
            if tool.currentData()
        ]

    def _save(self) -> None:
        self.sourcesAccepted.emit(self.sources())
        self.accept()
