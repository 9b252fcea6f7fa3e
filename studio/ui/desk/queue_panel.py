"""The on-air queue beside the live feed: its order, reordering, and how many questions fit.

The panel never changes the order itself: a drag or Alt+Up/Alt+Down asks for a reorder, the
moderation service stores it (audited, undoable), and the new positions come back through
:meth:`QueuePanel.show_questions`. So the queue on screen is always the stored one, and a
refused move (past an end) leaves it as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from studio.domain.durations import format_duration
from studio.domain.model import QuestionFlag, QuestionStatus
from studio.domain.queue_fit import DEFAULT_ANSWER_S, in_queue_order, queue_fit
from studio.domain.records import QuestionRecord, SegmentRecord
from studio.domain.rundown_clock import ClockReading
from studio.ui import labels, theme
from studio.ui.desk.official_preview import OfficialPreview
from studio.ui.keyed_rows import follow
from studio.ui.keys import add_key_menu, bind_keys

#: The drag payload: a queued question's id, as text.
MIME_TYPE = "application/x-studio-queued-question"

_Index = QModelIndex | QPersistentModelIndex


def _question_id(question: QuestionRecord) -> int:
    return question.id


class QueueModel(QAbstractListModel):
    """The question on air (row 0, if any) and the queued ones in queue order.

    Rows past the fit line (``fit``) are muted; the delegate draws the line itself.

    Signals:
        reorderRequested(int, int, bool): move this question just before that queued question
            (just after it when True); 0: no question on that side.
    """

    reorderRequested = Signal(int, int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[QuestionRecord] = []
        self._cluster_size: Callable[[QuestionRecord], int] = lambda _question: 1
        self.fit: int | None = None

    # -- contents --------------------------------------------------------------------------
    def set_questions(
        self,
        questions: Sequence[QuestionRecord],
        cluster_size: Callable[[QuestionRecord], int] | None = None,
    ) -> None:
        """Records (any statuses; the queue is picked and ordered from them), and how many
        asked what each asks (the feed keeps that count; by default, just the one)."""
        if cluster_size is not None:
            self._cluster_size = cluster_size
        # Row events by question id (a move stays a move, the selection stays on its question).
        follow(self, self._rows, in_queue_order(questions), _question_id)
        if self._rows:
            # Each row's number is its place in the queue and its "×N similar" the feed's
            # count: both can change with no change to the row's own record.
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_fit(self, fit: int | None) -> None:
        """How many rows are likely to be answered; the rest are shown past a line."""
        if fit != self.fit:
            self.fit = fit
            if self._rows:
                self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def records(self) -> list[QuestionRecord]:
        return list(self._rows)

    def row_of(self, question_id: int) -> int:
        """The row showing this question, or -1."""
        return next((row for row, q in enumerate(self._rows) if q.id == question_id), -1)

    @property
    def on_air(self) -> bool:
        return bool(self._rows) and self._rows[0].status == QuestionStatus.ON_AIR

    def queue_index(self, row: int) -> int:
        """The queue index (0 = next up) of a view row; the on-air row is -1."""
        return row - 1 if self.on_air else row

    def beyond_fit(self, row: int) -> bool:
        return self.fit is not None and row >= self.fit

    def row_text(self, row: int) -> str:
        question = self._rows[row]
        size = self._cluster_size(question)
        room = labels.room_role(question.room_role)
        if question.status == QuestionStatus.ON_AIR:
            head = self.tr("▶ On air")
        else:
            head = str(self.queue_index(row) + 1)
        text = f"{head} · {room} · {question.display_text}"
        if question.flags & QuestionFlag.EDITED:
            text += " ✎"
        if size > 1:
            text += self.tr(" · ×{count} similar").format(count=size)
        return text

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, question = index.row(), self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return question.display_text
        if role == Qt.ItemDataRole.UserRole:
            return question.id
        if role == Qt.ItemDataRole.FontRole and question.status == QuestionStatus.ON_AIR:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self.beyond_fit(row):
            return theme.MUTED
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            # Drops land between rows (on the root), never onto a question.
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._rows[index.row()].status == QuestionStatus.QUEUED:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if rows:
            data.setData(MIME_TYPE, QByteArray(str(self._rows[rows[0]].id).encode()))
        return data

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        return data.hasFormat(MIME_TYPE) and not parent.isValid()

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        """Ask for the move; return False so the view removes nothing (the store decides)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        try:
            question_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:
            return False
        old_row = self.row_of(question_id)
        if old_row < 0 or self._rows[old_row].status != QuestionStatus.QUEUED:
            return False
        # ``row`` is the insertion point among the view's rows (-1: after the last). The move
        # is anchored to the question shown there, so another seat's change meanwhile does
        # not misplace it: before that question, or after the last one.
        first_queued = 1 if self.on_air else 0
        if row < 0 or row >= len(self._rows):
            anchor, after = self._rows[-1].id, True
        else:
            anchor, after = self._rows[max(row, first_queued)].id, False
        unmoved = anchor == question_id or (
            not after and old_row + 1 < len(self._rows) and self._rows[old_row + 1].id == anchor
        )
        if not unmoved:
            self.reorderRequested.emit(question_id, anchor, after)
        return False

    def neighbour(self, question_id: int, delta: int) -> int:
        """The queued question ``delta`` (±1) rows from this one, or 0 where there is none."""
        row = self.row_of(question_id) + delta
        if row < 0 or row >= len(self._rows) or self._rows[row].status != QuestionStatus.QUEUED:
            return 0
        return self._rows[row].id


class _FitLineDelegate(QStyledItemDelegate):
    """Draws the fit line above the first row unlikely to be answered, and keeps rows roomy."""

    def __init__(self, model: QueueModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        super().paint(painter, option, index)
        if index.row() > 0 and index.row() == self._model.fit:
            painter.save()
            painter.setPen(QPen(theme.WARN, 2, Qt.PenStyle.DashLine))
            rect = option.rect  # type: ignore[attr-defined]
            painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
            painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 6)


class QueuePanel(QWidget):
    """The on-air queue: the question on air on top, then the queued ones in order.

    Keys (only while the queue list has focus): Alt+Up / Alt+Down move the selected question,
    Enter puts it on air, Delete takes it out of the queue, Ctrl+Z undoes the last move. A
    drag does what Alt+Up/Down do. Above the list: the time left in Q&A and how many of the
    questions are likely to fit; the rows past that are muted below a line.

    Signals:
        reorderRequested(int, int, bool): move this question just before that queued question
            (just after it when True); 0: no question on that side.
        moderationRequested(str, list): a ``ModerationAction`` value and the question's id.
        undoRequested(): revert the last move.
        leaveRequested(): Esc: the keyboard goes back to the feed.
    """

    reorderRequested = Signal(int, int, bool)
    moderationRequested = Signal(str, list)
    undoRequested = Signal()
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QueueModel(self)
        self.model.reorderRequested.connect(self.reorderRequested)
        self.view = QListView(self)
        self.view.setAccessibleName(self.tr("On-air queue"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(_FitLineDelegate(self.model, self.view))
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setDragDropOverwriteMode(False)
        self.view.setDropIndicatorShown(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fit_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.fit_label.setProperty("role", "subtle")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        # What the official's screen shows, right above the queue it follows.
        self.preview = OfficialPreview(self)
        box.addWidget(self.preview)
        box.addWidget(self.fit_label)
        box.addWidget(self.view, 1)
        self._segments: Sequence[SegmentRecord] = ()
        self._reading: ClockReading | None = None
        self._typical_s = DEFAULT_ANSWER_S
        self._add_keys()
        self._refit()

    def _add_keys(self) -> None:
        keys = (
            ("Alt+Up", lambda: self._move(-1), self.tr("Move up")),
            ("Alt+Down", lambda: self._move(1), self.tr("Move down")),
            (["Return", "Enter"], lambda: self._request("put_on_air"), self.tr("Put on air now")),
            ("A", lambda: self._request("answer"), self.tr("Answered")),
            ("Delete", lambda: self._request("unqueue"), self.tr("Take out of the queue")),
            ("Ctrl+Z", self.undoRequested.emit, self.tr("Undo this desk's last move")),
            ("Escape", self.leaveRequested.emit, self.tr("Back to the feed")),
        )
        # Only while the queue has focus: the feed's own Enter and Ctrl+Z stay the feed's.
        bind_keys(self.view, keys)
        # A right-click offers the same actions, each with its key.
        self.context_menu = add_key_menu(self.view, self._select_under)

    def _select_under(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)

    # -- what the desk feeds in ------------------------------------------------------------
    def show_questions(
        self,
        questions: Sequence[QuestionRecord],
        cluster_size: Callable[[QuestionRecord], int] | None = None,
    ) -> None:
        """The queue's records after a load or a move (other statuses are left out), and how
        many asked what each asks; the selection stays on its question.

        So after Alt+Up/Down (or a drag) the moved question is still the selected one, at its
        new place, and a second Alt+Up moves it on.
        """
        keep = self.selected_id()
        self.model.set_questions(questions, cluster_size)
        self._select(keep)
        self._refit()

    def show_rundown(self, segments: Sequence[SegmentRecord]) -> None:
        """The session's running order: which segments are Q&A and their planned time."""
        self._segments = tuple(segments)
        self._refit()

    def show_reading(self, reading: ClockReading) -> None:
        """A timer tick: only the label (and the fit line, when it moves) change."""
        self._reading = reading
        self._refit()

    def set_typical_answer(self, seconds: float) -> None:
        """The session's typical answer time (from the moderation service)."""
        self._typical_s = seconds
        self._refit()

    def ordered(self) -> list[QuestionRecord]:
        """The question on air (if any) then the queued ones, as shown."""
        return self.model.records()

    def take_focus(self) -> None:
        """The keyboard comes to the queue (Alt+Q on the desk); the first row is selected if
        none is, so the keys act at once."""
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.selected_id() is None and self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isSelected(index):
            return None
        return int(index.data(Qt.ItemDataRole.UserRole))

    # -- inside ----------------------------------------------------------------------------
    def _refit(self) -> None:
        """Say the time left and the fit; the count includes the question on air, which
        needs (the rest of) its answer time too."""
        fit = queue_fit(self._segments, self._reading, self._typical_s)
        count = self.model.rowCount()
        text = self.tr("Q&A: {left} left · about {fit} of {count} fit").format(
            left=format_duration(fit.time_left_s), fit=min(fit.fit, count), count=count
        )
        if text != self.fit_label.text():  # most ticks change the seconds only
            self.fit_label.setText(text)
            self.fit_label.setToolTip(
                self.tr("A typical answer takes {typical} (this session's median, or 2:00)").format(
                    typical=format_duration(fit.typical_s)
                )
            )
        self.model.set_fit(fit.fit if fit.fit < count else None)  # repaints only on a change

    def _select(self, question_id: int | None) -> None:
        row = self.model.row_of(question_id) if question_id is not None else -1
        if row < 0:
            return
        index = self.model.index(row)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _move(self, delta: int) -> None:
        question_id = self.selected_id()
        if question_id is None:
            return
        # Anchored to the neighbour: up goes before the one above, down after the one below.
        self.reorderRequested.emit(question_id, self.model.neighbour(question_id, delta), delta > 0)

    def _request(self, action: str) -> None:
        question_id = self.selected_id()
        if question_id is not None:
            self.moderationRequested.emit(action, [question_id])
