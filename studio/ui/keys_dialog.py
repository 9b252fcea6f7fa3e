"""Help ▸ Keys (F1): the keys that work in the focused pane, around it, and everywhere."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.ui.keys import KeyHelp


class KeysDialog(QDialog):
    """A non-modal table of keys: where each works, the key, what it does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keys"))
        self.setModal(False)
        self.resize(560, 520)
        self.heading = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.heading.setProperty("role", "heading")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Key"), self.tr("Does")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.table, 1)
        box.addWidget(buttons)

    def show_keys(self, pane: str, keys: Sequence[KeyHelp]) -> None:
        """The keys of ``pane`` (its name as the person sees it) and those around it."""
        self.heading.setText(self.tr("Keys in: {pane}").format(pane=pane))
        scopes = {
            "pane": pane,
            "tab": self.tr("this tab"),
            "window": self.tr("anywhere in the window"),
        }
        self.table.setRowCount(len(keys))
        for row, key in enumerate(keys):
            for column, text in enumerate((scopes.get(key.scope, key.scope), key.keys, key.does)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def rows(self) -> list[tuple[str, str, str]]:
        """What the table shows, row by row (for tests and screen readers' sake)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(3))  # type: ignore[misc]
            for r in range(self.table.rowCount())
        ]
