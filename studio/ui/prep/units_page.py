"""The units page of the Prep tab: units and their officials — add, edit, retire, undo, files
(import with a preview and export live beside it, in ``units_files``).

Keys (the table with the focus decides whether a unit or an official is meant): Ins or Ctrl+N
adds, Enter or F2 edits, Del retires (or restores a retired one), Ctrl+Z takes back the last
change. Nothing is deleted: past sessions name their unit and official.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from studio.domain.records import OfficialRecord, UnitRecord
from studio.ui import labels, theme
from studio.ui.prep.unit_dialogs import OfficialDialog, UnitDialog
from studio.ui.prep.units_files import UnitsFiles
from studio.ui.record_model import RECORD_ROLE, Column, RecordTableModel, record_table

ADD_KEYS = ("Ins", "Ctrl+N")
EDIT_KEYS = ("Return", "Enter", "F2")
RETIRE_KEYS = ("Del",)


def _muted(record: Any) -> QColor | None:
    return theme.MUTED if record.retired else None


def selected_record(view: QTableView) -> Any:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(RECORD_ROLE) if rows else None


class UnitsPage(QWidget):
    """Units on the left, the selected unit's officials on the right, the buttons under each.

    The prep seat's wiring (``studio/ui/prep/wiring.py``) connects the requests to the units
    service and its answers to the ``show_*`` slots.

    Signals:
        officialsRequested(int): load this unit's officials.
        unitAddRequested(str, str, str, str): add a unit (name, short name, kind, keywords).
        unitEditRequested(object, str, str, str, str): change this ``UnitRecord`` to the rest.
        unitRetireRequested(object, bool): retire (True) or restore this ``UnitRecord``.
        officialAddRequested(int, str, str): add an official (unit id, name, title).
        officialEditRequested(object, str, str): change this ``OfficialRecord``'s name, title.
        officialRetireRequested(object, bool): retire (True) or restore this ``OfficialRecord``.
        undoRequested(): take back the last change.

    The units' files (import with a preview, export) are :attr:`files`, a ``UnitsFiles`` with
    its own signals.
    """

    officialsRequested = Signal(int)
    unitAddRequested = Signal(str, str, str, str)
    unitEditRequested = Signal(object, str, str, str, str)
    unitRetireRequested = Signal(object, bool)
    officialAddRequested = Signal(int, str, str)
    officialEditRequested = Signal(object, str, str)
    officialRetireRequested = Signal(object, bool)
    undoRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._can_undo = False
        self._pending: UnitDialog | OfficialDialog | None = None
        self._officials_of: int | None = None  # the unit whose officials are shown
        retired = self.tr("Retired")
        self.units_model = RecordTableModel(
            [
                Column(self.tr("Unit"), lambda u: u.name, colour=_muted),
                Column(self.tr("Short name"), lambda u: u.short_name, colour=_muted),
                Column(self.tr("Kind"), lambda u: labels.unit_kind(u.kind), colour=_muted),
                Column(self.tr("State"), lambda u: retired if u.retired else "", colour=_muted),
                Column(
                    self.tr("Routing keywords"),
                    lambda u: "、".join(u.keywords),
                    colour=_muted,
                    tooltip=lambda u: "、".join(u.keywords),
                    wide=True,
                ),
            ],
            self,
        )
        self.units_view = record_table(self.units_model, self)
        self.units_view.selectionModel().selectionChanged.connect(lambda *_: self._unit_selected())
        self.officials_model = RecordTableModel(
            [
                Column(self.tr("Official"), lambda o: o.name, colour=_muted),
                Column(self.tr("Title"), lambda o: o.title, colour=_muted, wide=True),
                Column(self.tr("State"), lambda o: retired if o.retired else "", colour=_muted),
            ],
            self,
        )
        self.officials_view = record_table(self.officials_model, self)
        self.officials_view.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.officials_title = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.officials_title.setProperty("role", "subtle")

        self.unit_dialog = UnitDialog(self)
        self.unit_dialog.submitted.connect(self._unit_submitted)
        self.official_dialog = OfficialDialog(self)
        self.official_dialog.submitted.connect(self._official_submitted)
        self.message = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.message.setProperty("role", "chip")
        self.message.hide()
        self.files = UnitsFiles(self, self.show_message, self.message.hide)

        self.add_unit_button = self._button(self.tr("Add…"), self.ask_new_unit)
        self.edit_unit_button = self._button(self.tr("Edit…"), self.ask_edit_unit)
        self.retire_unit_button = self._button(self.tr("Retire"), self.toggle_unit_retired)
        self.import_button = self._button(self.tr("Import…"), self.files.ask_import_path)
        self.export_button = self._button(self.tr("Export…"), self.files.ask_export_path)
        self.undo_button = self._button(self.tr("Undo"), self.undo)
        self.add_official_button = self._button(self.tr("Add…"), self.ask_new_official)
        self.edit_official_button = self._button(self.tr("Edit…"), self.ask_edit_official)
        self.retire_official_button = self._button(self.tr("Retire"), self.toggle_official_retired)

        # Every action is about one unit or one official.
        for view in (self.units_view, self.officials_view):
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._keys(self.units_view, self.ask_new_unit, self.ask_edit_unit, self.toggle_unit_retired)
        self._keys(
            self.officials_view,
            self.ask_new_official,
            self.ask_edit_official,
            self.toggle_official_retired,
        )
        undo = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._layout()
        self._update_buttons()

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _keys(
        self,
        view: QTableView,
        add: Callable[[], None],
        edit: Callable[[], None],
        retire: Callable[[], None],
    ) -> None:
        for keys, slot in ((ADD_KEYS, add), (EDIT_KEYS, edit), (RETIRE_KEYS, retire)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), view, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _layout(self) -> None:
        unit_buttons = QHBoxLayout()
        for button in (self.add_unit_button, self.edit_unit_button, self.retire_unit_button):
            unit_buttons.addWidget(button)
        unit_buttons.addStretch(1)
        for button in (self.undo_button, self.import_button, self.export_button):
            unit_buttons.addWidget(button)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.units_view, 1)
        left_box.addLayout(unit_buttons)
        official_buttons = QHBoxLayout()
        for button in (
            self.add_official_button,
            self.edit_official_button,
            self.retire_official_button,
        ):
            official_buttons.addWidget(button)
        official_buttons.addStretch(1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.officials_title)
        right_box.addWidget(self.officials_view, 1)
        right_box.addLayout(official_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        hint = QLabel(
            self.tr(
                "Ins add · Enter edit · Del retire or restore · Ctrl+Z undo. Retired units leave "
                "the rota and the feed's suggestions; past sessions keep them."
            ),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        hint.setProperty("role", "subtle")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(hint)
        box.addWidget(splitter, 1)
        box.addWidget(self.message)

    # -- what is shown -----------------------------------------------------------------------
    def selected_unit(self) -> UnitRecord | None:
        unit: UnitRecord | None = selected_record(self.units_view)
        return unit

    def selected_official(self) -> OfficialRecord | None:
        official: OfficialRecord | None = selected_record(self.officials_view)
        return official

    def show_units(self, units: list[UnitRecord]) -> None:
        """Every unit, retired ones muted; the selection stays on the same unit."""
        chosen = self.selected_unit()
        self.units_model.set_records(units)
        self.units_view.resizeColumnsToContents()
        self._select(self.units_view, chosen.id if chosen else None)

    def show_officials(self, unit_id: int, officials: list[OfficialRecord]) -> None:
        unit = self.selected_unit()
        if unit is None or unit.id != unit_id:
            return  # an answer for a unit no longer selected
        chosen = self.selected_official()
        self.officials_model.set_records(officials)
        self.officials_view.resizeColumnsToContents()
        if chosen is not None:
            self._select(self.officials_view, chosen.id, first=False)
        self._update_buttons()

    def _select(self, view: QTableView, record_id: int | None, *, first: bool = True) -> None:
        model = view.model()
        rows = [model.index(r, 0) for r in range(model.rowCount())]
        match = [i for i in rows if i.data(RECORD_ROLE).id == record_id]
        if match or (first and rows):
            view.selectRow((match or rows)[0].row())
        self._update_buttons()

    def _unit_selected(self) -> None:
        unit = self.selected_unit()
        self.officials_title.setText(
            self.tr("Officials of {unit}").format(unit=unit.name) if unit else ""
        )
        unit_id = unit.id if unit else None
        # The same unit again (a reload after a change): the service reloads its officials.
        if unit_id != self._officials_of:
            self._officials_of = unit_id
            self.officials_model.show_subject([])  # another unit's officials
            if unit_id is not None:
                self.officialsRequested.emit(unit_id)
        self._update_buttons()

    def _update_buttons(self) -> None:
        unit, official = self.selected_unit(), self.selected_official()
        self.edit_unit_button.setEnabled(unit is not None)
        self.retire_unit_button.setEnabled(unit is not None)
        self.retire_unit_button.setText(
            self.tr("Restore") if unit is not None and unit.retired else self.tr("Retire")
        )
        self.add_official_button.setEnabled(unit is not None)
        self.edit_official_button.setEnabled(official is not None)
        self.retire_official_button.setEnabled(official is not None)
        self.retire_official_button.setText(
            self.tr("Restore") if official is not None and official.retired else self.tr("Retire")
        )
        self.undo_button.setEnabled(self._can_undo)

    def show_message(self, text: str, *, bad: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("state", "bad" if bad else "ok")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.show()

    def show_problem(self, text: str) -> None:
        """A refusal goes to the open dialog (to correct in place), else under the tables."""
        if self._pending is not None and self._pending.isVisible():
            self._pending.show_problem(text)
        else:
            self.show_message(text, bad=True)

    def set_undoable(self, can_undo: bool) -> None:
        """Whether there is a change to take back."""
        self._can_undo = can_undo
        self._update_buttons()

    def show_changed(self) -> None:
        """A change was stored: its dialog closes."""
        if self._pending is not None:
            self._pending.accept()
            self._pending = None
        self.message.hide()
        self._update_buttons()

    # -- units -------------------------------------------------------------------------------
    def ask_new_unit(self) -> None:
        self._pending = self.unit_dialog
        self.unit_dialog.ask_new()

    def ask_edit_unit(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self._pending = self.unit_dialog
            self.unit_dialog.ask_edit(unit)

    def toggle_unit_retired(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self.unitRetireRequested.emit(unit, not unit.retired)

    def _unit_submitted(
        self, before: UnitRecord | None, name: str, short_name: str, kind: str, keywords: str
    ) -> None:
        if before is None:
            self.unitAddRequested.emit(name, short_name, kind, keywords)
        else:
            self.unitEditRequested.emit(before, name, short_name, kind, keywords)

    # -- officials ---------------------------------------------------------------------------
    def ask_new_official(self) -> None:
        unit = self.selected_unit()
        if unit is not None:
            self._pending = self.official_dialog
            self.official_dialog.ask_new(unit)

    def ask_edit_official(self) -> None:
        official = self.selected_official()
        if official is not None:
            self._pending = self.official_dialog
            self.official_dialog.ask_edit(official)

    def toggle_official_retired(self) -> None:
        official = self.selected_official()
        if official is not None:
            self.officialRetireRequested.emit(official, not official.retired)

    def _official_submitted(
        self, before: OfficialRecord | None, unit_id: int, name: str, title: str
    ) -> None:
        if before is None:
            self.officialAddRequested.emit(unit_id, name, title)
        else:
            self.officialEditRequested.emit(before, name, title)

    def undo(self) -> None:
        if self._can_undo:
            self.undoRequested.emit()
