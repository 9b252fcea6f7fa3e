"""The viewers blocked in the live rooms, with Unblock: a non-modal dialog of the desk."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
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

from studio.domain.records import BlockedViewerRecord
from studio.domain.studio_time import clock_text
from studio.ui import labels


class BlockedViewersDialog(QDialog):
    """Who is blocked for this session (and for good), newest first; Unblock lifts the
    selected viewer's blocks in that room. Shown with ``show()``: the desk keeps working.

    Signals:
        refreshRequested(): read the list again (when the dialog is shown).
        unblockRequested(int): lift this block (a ``BlockedViewerRecord.id``).
    """

    refreshRequested = Signal()
    unblockRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Blocked viewers"))
        self.setModal(False)
        self.resize(640, 360)
        self.viewers: list[BlockedViewerRecord] = []
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Viewer"), self.tr("Room"), self.tr("Blocked"), self.tr("Since")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.unblock_button = self.buttons.addButton(
            self.tr("Unblock"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.unblock_button.setToolTip(
            self.tr("Their later comments arrive as anyone's; hidden ones stay hidden (H)")
        )
        self.unblock_button.clicked.connect(self.unblock_selected)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._enable)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addWidget(self.buttons)
        self.show_viewers([])

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self.refreshRequested.emit()

    def show_viewers(self, viewers: Sequence[BlockedViewerRecord]) -> None:
        """The list as read; the selection follows its viewer if still blocked."""
        selected = self.selected_id()
        self.viewers = list(viewers)
        self.table.setRowCount(len(self.viewers))
        for row, viewer in enumerate(self.viewers):
            room = f"{labels.room_role(viewer.room_role)} · {labels.platform(viewer.platform)}"
            scope = self.tr("for good") if viewer.for_good else self.tr("this session")
            for column, text in enumerate(
                (viewer.nickname, room, scope, clock_text(viewer.created_at))
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            if viewer.id == selected:
                self.table.selectRow(row)
        self.summary.setText(
            self.tr("{count} viewers blocked. Select one and press Unblock.").format(
                count=len(self.viewers)
            )
            if self.viewers
            else self.tr("No viewer is blocked. B on a feed row blocks its author.")
        )
        self._enable()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.viewers):
            return None
        return self.viewers[rows[0].row()].id

    def unblock_selected(self) -> None:
        block_id = self.selected_id()
        if block_id is not None:
            self.unblockRequested.emit(block_id)

    def _enable(self) -> None:
        self.unblock_button.setEnabled(self.selected_id() is not None)
