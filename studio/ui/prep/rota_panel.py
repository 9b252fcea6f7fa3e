"""The rota on the Prep tab: each unit's weight and pause, as every fill of the schedule uses them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.rotation import RotaEntry
from studio.ui import theme
from studio.ui.record_model import RECORD_ROLE, Column, RecordTableModel, record_table


class RotaPanel(QWidget):
    """A table of the units on the rota and an editor for the selected one.

    Signals:
        rotaChangeRequested(str, float, bool, str): unit name, weight, paused, note.
    """

    rotaChangeRequested = Signal(str, float, bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RecordTableModel(
            [
                Column(self.tr("Unit"), lambda e: e.unit_name),
                Column(
                    self.tr("On the rota"),
                    lambda e: self.tr("Paused") if e.paused else self.tr("Yes"),
                    colour=lambda e: theme.WARN if e.paused else None,
                ),
                Column(self.tr("Weight"), lambda e: f"{e.weight:g}", sort_key=lambda e: e.weight),
                Column(self.tr("Note"), lambda e: e.note, wide=True),
            ],
            self,
            key=lambda e: e.unit_id,
        )
        self.table = record_table(self.model, self)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.weight = QDoubleSpinBox(minimum=0.5, maximum=5.0, singleStep=0.5, decimals=1)
        self.weight.setValue(1.0)
        self.paused = QCheckBox(self.tr("Paused"))
        self.note = QLineEdit()
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("Why (e.g. away until a date)"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.request_change)
        hint = QLabel(
            self.tr(
                "Weight 2 puts a unit on air twice as often; a paused unit is left out of "
                "every fill until resumed."
            ),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        hint.setProperty("role", "subtle")
        editor = QHBoxLayout()
        editor.addWidget(QLabel(self.tr("Weight"), textFormat=Qt.TextFormat.PlainText))
        editor.addWidget(self.weight)
        editor.addWidget(self.paused)
        editor.addWidget(self.note, 1)
        editor.addWidget(self.apply_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(hint)
        box.addWidget(self.table, 1)
        box.addLayout(editor)

    def selected_entry(self) -> RotaEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def _selected(self) -> None:
        entry = self.selected_entry()
        self.apply_button.setEnabled(entry is not None)
        if entry is not None:
            self.weight.setValue(entry.weight)
            self.paused.setChecked(entry.paused)
            self.note.setText(entry.note)

    def request_change(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.rotaChangeRequested.emit(
                entry.unit_name, self.weight.value(), self.paused.isChecked(), self.note.text()
            )

    def show_rota(self, entries: list[RotaEntry]) -> None:
        """The units on the rota (keeps the selected unit selected)."""
        selected = self.selected_entry()
        self.model.set_records(entries)
        self.table.resizeColumnsToContents()
        if selected is None:
            return
        proxy = self.table.model()
        for row in range(proxy.rowCount()):
            if proxy.index(row, 0).data(RECORD_ROLE).unit_id == selected.unit_id:
                self.table.selectRow(row)
                break
