"""The running order's table view and its cell editors: a kind list, mm:ss fields, a notes box."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from studio.domain.model import SegmentKind
from studio.domain.rundown_csv import TITLE_MAX
from studio.ui import labels
from studio.ui.prep.rundown_table import Column, Index
from studio.ui.record_model import fit_columns


class CellEditors(QStyledItemDelegate):
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


def rundown_view(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """The segment table: rows selected whole, cells edited in place, rows dragged to move."""
    view = QTableView(parent)
    view.setModel(model)
    view.setModel(model)
    view.setItemDelegate(CellEditors(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(EDIT_TRIGGERS)
    view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    view.setDefaultDropAction(Qt.DropAction.MoveAction)
    view.setDragDropOverwriteMode(False)
    view.setDropIndicatorShown(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    # The segment's title and the notes share the room; the durations and kind fit their
    # content. By mode, so a template applied to an empty running order shows its titles.
    fit_columns(view, [column in (Column.TITLE, Column.NOTES) for column in Column])
    view.horizontalHeader().setHighlightSections(False)
    # A right click offers the same actions as the toolbar.
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    return view
