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
    QAbstractItemModel,
    QEvent,
    QFileInfo,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QRegularExpression,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeyEvent,
    QKeySequence,
    QRegularExpressionValidator,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.durations import format_duration
from studio.domain.model import SegmentKind, SessionStatus
from studio.domain.records import SessionRecord
from studio.domain.rundown_csv import TITLE_MAX, CsvProblem, RundownTemplateRecord, SegmentDraft
from studio.ui import labels, theme
from studio.ui.file_dialogs import file_dialog
from studio.ui.prep.rundown_table import Column, Index, RundownTableModel, problem_text


class _CellEditors(QStyledItemDelegate):
    """Editors that fit each column: a kind list, mm:ss fields, a notes box of several lines."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = Column(index.column())
        if column == Column.KIND:
            combo = QComboBox(parent)
            for kind in SegmentKind:
                combo.addItem(labels.segment_kind(kind), kind.value)
            # Picking a kind is the whole edit: no Enter or Tab needed afterwards.
            combo.activated.connect(lambda _index: self._finish(combo))
            return combo
        if column == Column.NOTES:
            return QPlainTextEdit(parent)
        line = QLineEdit(parent)
        if column == Column.TITLE:
            line.setMaxLength(TITLE_MAX)
        else:
            line.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9:]{0,9}"), line))
            line.setPlaceholderText(self.tr("mm:ss"))
        return line

    def _finish(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QPlainTextEdit):
            editor.setPlainText(value)
            editor.moveCursor(QTextCursor.MoveOperation.End)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        elif isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        super().updateEditorGeometry(editor, option, index)
        if isinstance(editor, QPlainTextEdit):
            # Notes run to several sentences: give them room below the row.
            rect = option.rect
            editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 360), max(rect.height(), 120))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        # Return makes a new line in the notes; Ctrl+Return finishes them.
        if (
            isinstance(editor, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._finish(editor)
            return True
        return super().eventFilter(editor, event)


EDIT_TRIGGERS = (
    QAbstractItemView.EditTrigger.DoubleClicked
    | QAbstractItemView.EditTrigger.EditKeyPressed
    | QAbstractItemView.EditTrigger.AnyKeyPressed
)


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
        self._templates: list[RundownTemplateRecord] = []
        self._import_path = ""
        self._dialog: QDialog | None = None
        self._folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(_CellEditors(self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(EDIT_TRIGGERS)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setHighlightSections(False)
        # A right click offers the same actions as the toolbar.
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

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
            "import": self._action(self.tr("Import CSV…"), [], self.ask_import_path),
            "export": self._action(self.tr("Export CSV…"), [], self.ask_export_path),
            "save_template": self._action(self.tr("Save as template…"), [], self.ask_template_name),
        }
        stack = self.model.undo_stack
        stack.canUndoChanged.connect(self._update_actions)
        stack.canRedoChanged.connect(self._update_actions)
        self.templates_menu = QMenu(self)
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
        self.summary_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.verdict_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.verdict_label.setProperty("role", "chip")
        self.save_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.save_label.setProperty("role", "subtle")
        self.message_label = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        totals = QHBoxLayout()
        totals.addWidget(self.summary_label)
        totals.addWidget(self.verdict_label)
        totals.addStretch(1)
        totals.addWidget(self.save_label)

        self.problems_panel = QFrame(self)
        self.problems_panel.setProperty("role", "card")
        self.problems_title = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.problems_title.setStyleSheet(f"color: {theme.BAD.name()}; font-weight: 600;")
        self.problems_list = QListWidget(self.problems_panel)
        self.problems_list.setMaximumHeight(140)
        close = QPushButton(self.tr("Close"), self.problems_panel)
        close.clicked.connect(self.problems_panel.hide)
        panel_box = QVBoxLayout(self.problems_panel)
        panel_box.addWidget(self.problems_title)
        panel_box.addWidget(self.problems_list)
        panel_box.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.problems_panel.hide()

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(toolbar)
        box.addWidget(self.read_only_label)
        box.addWidget(self.view, 1)
        box.addLayout(totals)
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

    def set_session(self, session: SessionRecord | None, slot_name: str = "") -> None:
        """The session whose running order is edited (None: nothing to edit)."""
        if session is None or self._session is None or session.id != self._session.id:
            self._loaded_for = None
            self.model.load([])
            self.problems_panel.hide()
            self.message_label.clear()
            self.save_label.clear()
        self._session = session
        self._slot_name = slot_name
        self.view.setEnabled(session is not None)
        self._follow_status(session)
        self.show_templates(self._templates)
        self._update_actions()
        self._recount()

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

    def apply_template(self, template: RundownTemplateRecord) -> None:
        self.model.replace_all(
            template.segments, self.tr("Apply template “{name}”").format(name=template.name)
        )
        self.show_message(
            self.tr(
                "Applied the template “{name}”. Ctrl+Z restores the previous running order."
            ).format(name=template.name),
            theme.OK,
        )

    def save_as_template(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        if not self.model.rowCount():
            self.show_message(self.tr("The running order is empty: there is nothing to save."))
            return
        self.templateSaveRequested.emit(name, self.model.drafts())

    def import_csv(self, path: str) -> None:
        """Read a CSV file in the background; it replaces the rundown if it has no problems."""
        if self._session is None:
            return
        self._import_path = path
        self.show_message(self.tr("Reading {file}…").format(file=QFileInfo(path).fileName()))
        self.importRequested.emit(path)

    def export_csv(self, path: str) -> None:
        self.exportRequested.emit(path, self.model.drafts())

    # -- dialogs (opened with open(): the event loop keeps running) --------------------------
    def ask_import_path(self) -> None:
        dialog = self._file_dialog(self.tr("Import a running order"), save=False)
        dialog.fileSelected.connect(self.import_csv)
        dialog.open()

    def ask_export_path(self) -> None:
        dialog = self._file_dialog(self.tr("Export the running order"), save=True)
        dialog.setDefaultSuffix("csv")
        day = self._session.date.isoformat() if self._session else ""
        dialog.selectFile(self.tr("running-order-{day}.csv").format(day=day))
        dialog.fileSelected.connect(self.export_csv)
        dialog.open()

    def _file_dialog(self, caption: str, *, save: bool) -> QFileDialog:
        dialog = file_dialog(
            self,
            caption,
            folder=self._folder,
            filters=[self.tr("CSV files (*.csv)"), self.tr("All files (*)")],
            save=save,
        )
        dialog.fileSelected.connect(lambda path: setattr(self, "_folder", QFileInfo(path).path()))
        self._dialog = dialog
        return dialog

    def ask_template_name(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Save as template"))
        dialog.setLabelText(
            self.tr("Name of the template (a template of the same name is replaced):")
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.save_as_template)
        self._dialog = dialog
        dialog.open()

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
        self._templates = list(templates)
        menu = self.templates_menu
        menu.clear()
        for template in self._templates:
            text = self.tr("{name} · {count} segments · {total}").format(
                # A "&" in a name would otherwise become a keyboard accelerator.
                name=template.name.replace("&", "&&"),
                count=len(template.segments),
                total=format_duration(template.total_s),
            )
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, t=template: self.apply_template(t))
            action.setEnabled(
                self._session is not None and not self.model.read_only and bool(template.segments)
            )
        if not self._templates:
            menu.addAction(self.tr("No templates yet")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(self.edit_actions["save_template"])

    def show_template_saved(self, name: str) -> None:
        self.show_message(self.tr("Saved the template “{name}”.").format(name=name), theme.OK)

    def show_imported(self, path: str, drafts: list[SegmentDraft]) -> None:
        if path != self._import_path or self._session is None:
            return
        self._import_path = ""
        self.problems_panel.hide()
        name = QFileInfo(path).fileName()
        self.model.replace_all(drafts, self.tr("Import {file}").format(file=name))
        self.show_message(
            self.tr(
                "Imported {count} segments from {file}. Ctrl+Z restores the previous running order."
            ).format(count=len(drafts), file=name),
            theme.OK,
        )

    def show_import_failed(self, path: str, problems: list[CsvProblem]) -> None:
        if path != self._import_path:
            return
        self._import_path = ""
        self.message_label.clear()
        self.problems_title.setText(
            self.tr(
                "{file} was not imported: {count} problem(s). The running order is unchanged."
            ).format(file=QFileInfo(path).fileName(), count=len(problems))
        )
        self.problems_list.clear()
        shown = 200  # enough to see what is wrong; a file of thousands is the wrong file
        self.problems_list.addItems([problem_text(problem) for problem in problems[:shown]])
        if len(problems) > shown:
            self.problems_list.addItem(
                self.tr("… and {count} more").format(count=len(problems) - shown)
            )
        self.problems_panel.show()

    def show_exported(self, path: str) -> None:
        self.show_message(
            self.tr("Exported the running order to {path}.").format(path=path), theme.OK
        )

    # -- state shown -------------------------------------------------------------------------
    def show_message(self, text: str, colour: QColor = theme.MUTED) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet(f"color: {colour.name()};")

    def _set_save_state(self, text: str, colour: QColor) -> None:
        self.save_label.setText(text)
        self.save_label.setStyleSheet(f"color: {colour.name()};")

    def _edited(self) -> None:
        self._recount()
        self._update_actions()
        if self._session is None:
            return
        self._set_save_state(self.tr("Saving…"), theme.MUTED)
        self.saveRequested.emit(self._session.id, self.model.drafts())

    def _recount(self) -> None:
        if self._session is None:
            self.summary_label.setText(
                self.tr("No session today: there is no running order to edit.")
            )
            self.verdict_label.hide()
            return
        drafts = self.model.drafts()
        total = sum(draft.planned_s for draft in drafts)
        slot = self._session.slot_s
        self.summary_label.setText(
            self.tr("{count} segments · total {total} · slot {slot} ({length})").format(
                count=len(drafts),
                total=format_duration(total),
                slot=self._slot_name,
                length=format_duration(slot),
            )
        )
        difference = total - slot
        if difference == 0:
            verdict, state = self.tr("fits the slot exactly"), "ok"
        elif difference > 0:
            verdict = self.tr("{time} over the slot").format(time=format_duration(difference))
            state = "warn"
        else:
            verdict = self.tr("{time} under the slot").format(time=format_duration(-difference))
            state = "warn"
        self.verdict_label.setText(verdict)
        self.verdict_label.setProperty("state", state)
        self.verdict_label.style().unpolish(self.verdict_label)
        self.verdict_label.style().polish(self.verdict_label)
        self.verdict_label.show()

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
