"""The running-order editor of the Prep tab: the segment table, its keys, templates and CSV files.

Every change is one undoable command of :class:`~studio.ui.prep.rundown_table.RundownTableModel`
(typing in a cell, add, duplicate, remove, move, drag, applying a template, importing a CSV)
and is saved as soon as it is made, through
:class:`~studio.services.rundown_editing.RundownEditingService`. The widget only turns keys,
buttons and dialogs into model commands and shows what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import SegmentKind, SessionStatus
from studio.domain.records import SessionRecord
from studio.domain.rundown_csv import CsvProblem, RundownTemplateRecord, SegmentDraft
from studio.ui import theme
from studio.ui.prep.rundown_cells import EDIT_TRIGGERS, rundown_view
from studio.ui.prep.rundown_files import RundownFiles
from studio.ui.prep.rundown_table import Column, RundownTableModel
from studio.ui.prep.rundown_totals import RundownTotals


class RundownEditor(QWidget):
    """Edits a session's running order (today's, or one prepared ahead); each change is undoable
    and saved right away.

    Keys (only while the table or the toolbar has the focus): Insert adds, Ctrl+D duplicates,
    Delete removes, Alt+Up/Alt+Down move, Ctrl+Z undoes, Ctrl+Shift+Z (or Ctrl+Y) redoes;
    F2 or typing edits a cell. Rows can also be dragged.

    Attributes:
        model: the segments (``RundownTableModel``), with its undo stack.
        view: the table.
        edit_actions: the editor's actions by name (add, duplicate, remove, up, down, undo, redo,
            import, export, save_template).

    Signals (the prep seat's wiring connects them to the running-order service, and its
    answers to the ``show_*`` slots):
        loadRequested(int): read this session's stored running order again.
        saveRequested(int, list): store these ``SegmentDraft`` as this session's running order.
        templateSaveRequested(str, list): keep these drafts as a template of this name.
        importRequested(str): read a running order from this CSV file.
        exportRequested(str, list): write these drafts to this CSV file.
    """

    loadRequested = Signal(int)
    saveRequested = Signal(int, list)
    templateSaveRequested = Signal(str, list)
    importRequested = Signal(str)
    exportRequested = Signal(str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RundownTableModel(self)
        self._session: SessionRecord | None = None
        self._slot_name = ""
        self._loaded_for: int | None = None

        self.view = rundown_view(self.model, self)

        # Files and templates live beside the table: their own part (see rundown_files).
        self.files = RundownFiles(self)
        self.edit_actions = {
            "add": self._action(self.tr("Add"), ["Ins"], self.add_segment),
            "duplicate": self._action(self.tr("Duplicate"), ["Ctrl+D"], self.duplicate_selected),
            "remove": self._action(self.tr("Remove"), ["Del"], self.remove_selected),
            "up": self._action(self.tr("Move up"), ["Alt+Up"], lambda: self.move_selected(-1)),
            "down": self._action(self.tr("Move down"), ["Alt+Down"], lambda: self.move_selected(1)),
            "undo": self._action(self.tr("Undo"), ["Ctrl+Z"], self.model.undo_stack.undo),
            "redo": self._action(
                self.tr("Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], self.model.undo_stack.redo
            ),
            "import": self._action(self.tr("Import CSV…"), [], self.files.ask_import_path),
            "export": self._action(self.tr("Export CSV…"), [], self.files.ask_export_path),
            "save_template": self._action(
                self.tr("Save as template…"), [], self.files.ask_template_name
            ),
        }
        stack = self.model.undo_stack
        stack.canUndoChanged.connect(self._update_actions)
        stack.canRedoChanged.connect(self._update_actions)
        self.templates_menu = self.files.templates_menu
        self.templates_button = QToolButton(self)
        self.templates_button.setText(self.tr("Templates"))
        self.templates_button.setMenu(self.templates_menu)
        self.templates_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        toolbar = QToolBar(self)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in ("add", "duplicate", "remove", "up", "down", "undo", "redo"):
            toolbar.addAction(self.edit_actions[name])
        toolbar.addSeparator()
        toolbar.addWidget(self.templates_button)
        toolbar.addAction(self.edit_actions["import"])
        toolbar.addAction(self.edit_actions["export"])

        # Why the running order can't be changed, when it can't (live or ended).
        self.read_only_label = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.read_only_label.setProperty("role", "chip")
        self.read_only_label.setProperty("state", "warn")
        self.read_only_label.hide()
        self.totals = RundownTotals(self)
        self.summary_label = self.totals.summary_label
        self.verdict_label = self.totals.verdict_label
        self.save_label = self.totals.save_label
        self.message_label = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)

        self.problems_panel = self.files.problems_panel
        self.problems_title, self.problems_list = (
            self.files.problems_title,
            self.files.problems_list,
        )

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(toolbar)
        box.addWidget(self.read_only_label)
        box.addWidget(self.view, 1)
        box.addWidget(self.totals)
        box.addWidget(self.message_label)
        box.addWidget(self.problems_panel)

        self.model.edited.connect(self._edited)
        self.model.rejected.connect(lambda text: self.show_message(text, theme.BAD))
        self.view.selectionModel().selectionChanged.connect(self._update_actions)
        self.show_templates([])
        self.set_session(None)

    def _action(self, text: str, keys: list[str], slot: Callable[[], Any]) -> QAction:
        action = QAction(text, self)
        if keys:
            action.setShortcuts([QKeySequence(key) for key in keys])
            shown = QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({shown})")
        # Only while the table (or its cell editor) has the focus: never window-wide.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.view.addAction(action)
        return action

    # -- wiring ------------------------------------------------------------------------------
    def set_session(self, session: SessionRecord | None, slot_name: str = "") -> None:
        """The session whose running order is edited (None: nothing to edit)."""
        if session is None or self._session is None or session.id != self._session.id:
            self._loaded_for = None
            self.model.show_subject([])  # another session: the one reset
            self.problems_panel.hide()
            self.message_label.clear()
            self.save_label.clear()
        self._session = session
        self._slot_name = slot_name
        self.view.setEnabled(session is not None)
        self._follow_status(session)
        self.files.show_templates()
        self._update_actions()
        self._recount()

    @property
    def session(self) -> SessionRecord | None:
        """The session whose running order is shown (None: nothing to edit)."""
        return self._session

    @property
    def read_only(self) -> bool:
        return self.model.read_only

    def _follow_status(self, session: SessionRecord | None) -> None:
        """Live and ended running orders are what aired: read-only, with the reason shown.

        Live, the hour is adjusted with the timer (add or take away time, absorb the overrun),
        not by rewriting the plan the clock and the official's screen are following.
        """
        status = session.status if session is not None else None
        reasons = {
            SessionStatus.LIVE: self.tr(
                "Live: the running order is read-only. Adjust the hour with the timer "
                "(add or take away time, absorb the overrun)."
            ),
            SessionStatus.ENDED: self.tr(
                "Ended: this running order is what aired; it is on record and read-only."
            ),
        }
        reason = reasons.get(status) if status is not None else None
        was = self.model.read_only
        self.model.set_read_only(reason is not None, reason or "")
        self.read_only_label.setText(reason or "")
        self.read_only_label.setVisible(reason is not None)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers if reason else EDIT_TRIGGERS
        )
        self.view.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if reason
            else QAbstractItemView.DragDropMode.InternalMove
        )
        if reason and not was and session is not None:
            # Edits not stored before it went live are not what aired: show the stored order.
            self._loaded_for = None
            self.loadRequested.emit(session.id)

    def show_rundown(self, session_id: int, drafts: Sequence[SegmentDraft]) -> None:
        """Show the stored rundown of a session, unless the operator has edited it since."""
        if self._session is None or session_id != self._session.id:
            return
        if self._loaded_for == session_id and (
            self.model.undo_stack.count() or list(drafts) == self.model.drafts()
        ):
            return  # our own edits are newer than what was read
        self._loaded_for = session_id
        self.model.load(drafts)
        self.view.resizeColumnsToContents()
        self._recount()
        self._update_actions()

    # -- edits -------------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return sorted(rows)

    def add_segment(self) -> None:
        rows = self.selected_rows()
        row = rows[-1] + 1 if rows else self.model.rowCount()
        draft = SegmentDraft(self.tr("New segment"), SegmentKind.OTHER, 5 * 60)
        self.model.insert_drafts(row, [draft], self.tr("Add a segment"))
        self.select_rows(row, 1)
        self.view.edit(self.model.index(row, Column.TITLE))

    def duplicate_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            copies = [self.model.drafts()[row] for row in rows]
            self.model.insert_drafts(rows[-1] + 1, copies, self.tr("Duplicate"))
            self.select_rows(rows[-1] + 1, len(copies))

    def remove_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        self.model.remove_rows(rows, self.tr("Remove"))
        if self.model.rowCount():
            self.select_rows(min(rows[0], self.model.rowCount() - 1), 1)
        self.show_message(
            self.tr("Removed {count} segment(s). Ctrl+Z brings them back.").format(count=len(rows))
        )

    def move_selected(self, step: int) -> None:
        """Move the selected rows one place up (-1) or down (+1), each past its neighbour."""
        rows, count = self.selected_rows(), self.model.rowCount()
        if not rows or (rows[0] == 0 and step < 0) or (rows[-1] == count - 1 and step > 0):
            return
        order = list(range(count))
        for row in rows if step < 0 else reversed(rows):
            order[row], order[row + step] = order[row + step], order[row]
        # The selection follows its rows: Alt+Up pressed again moves them further.
        self.model.reorder(order, self.tr("Move up") if step < 0 else self.tr("Move down"))

    # -- files and templates (see rundown_files) ---------------------------------------------
    def save_as_template(self, name: str) -> None:
        self.files.save_as_template(name)

    def import_csv(self, path: str) -> None:
        """Read a CSV file in the background; it replaces the rundown if it has no problems."""
        self.files.import_csv(path)

    def export_csv(self, path: str) -> None:
        self.files.export_csv(path)

    # -- answers from the service ------------------------------------------------------------
    def show_saved(self, session_id: int) -> None:
        if self._session is not None and session_id == self._session.id:
            self._set_save_state(self.tr("All changes saved"), theme.MUTED)

    def show_save_failed(self, session_id: int, text: str) -> None:
        if self._session is not None and session_id == self._session.id:
            self._set_save_state(self.tr("Not saved"), theme.BAD)
            self.show_message(text, theme.BAD)

    def show_problem(self, text: str) -> None:
        self.show_message(text, theme.BAD)

    def show_templates(self, templates: list[RundownTemplateRecord]) -> None:
        self.files.show_templates(templates)

    def show_template_saved(self, name: str) -> None:
        self.files.template_saved(name)

    def show_imported(self, path: str, drafts: list[SegmentDraft]) -> None:
        self.files.imported(path, drafts)

    def show_import_failed(self, path: str, problems: list[CsvProblem]) -> None:
        self.files.import_failed(path, problems)

    def show_exported(self, path: str) -> None:
        self.files.exported(path)

    # -- state shown -------------------------------------------------------------------------
    def show_message(self, text: str, colour: QColor = theme.MUTED) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {colour.name()};")

    def _set_save_state(self, text: str, colour: QColor) -> None:
        self.totals.set_save_state(text, colour)

    def _edited(self) -> None:
        self._recount()
        self._update_actions()
        if self._session is None:
            return
        self._set_save_state(self.tr("Saving…"), theme.MUTED)
        self.saveRequested.emit(self._session.id, self.model.drafts())

    def _recount(self) -> None:
        self.totals.show_totals(self._session, self._slot_name, self.model.drafts())

    def _update_actions(self) -> None:
        editable = self._session is not None and not self.model.read_only
        rows = self.selected_rows() if editable else []
        count = self.model.rowCount()
        enabled = {
            "add": editable,
            "duplicate": bool(rows),
            "remove": bool(rows),
            "up": bool(rows) and rows[0] > 0,
            "down": bool(rows) and rows[-1] < count - 1,
            "undo": editable and self.model.undo_stack.canUndo(),
            "redo": editable and self.model.undo_stack.canRedo(),
            "import": editable,
            "export": bool(count),
            "save_template": bool(count),
        }
        for name, on in enabled.items():
            self.edit_actions[name].setEnabled(on)
        stack = self.model.undo_stack
        self.edit_actions["undo"].setToolTip(
            self.tr("Undo: {what} (Ctrl+Z)").format(what=stack.undoText())
        )
        self.edit_actions["redo"].setToolTip(
            self.tr("Redo: {what} (Ctrl+Shift+Z)").format(what=stack.redoText())
        )

    def select_rows(self, first: int, count: int) -> None:
        """Select ``count`` rows from ``first`` and make the first one current."""
        top, bottom = (
            self.model.index(first, 0),
            self.model.index(first + count - 1, len(Column) - 1),
        )
        self.view.selectionModel().select(
            QItemSelection(top, bottom), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.view.selectionModel().setCurrentIndex(
            self.model.index(first, Column.TITLE), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self._update_actions()
