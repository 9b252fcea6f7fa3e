"""The moderator's keys on the feed: each asks for a move on the selected questions.

F flag/unflag, Q queue/unqueue, Enter put on air, A answered, H hide/unhide, B block the
author for the session (Shift+B for good), M merge the selection into one cluster, R refer
(a dialog), E edit then approve (a dialog), Ctrl+Z undo the last move. Only while the feed
has focus: typing a note elsewhere never moderates. A right-click on a row offers the same
actions with their keys.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QObject, QPoint, Signal
from PySide6.QtWidgets import QTableView, QWidget

from studio.domain.model import QuestionStatus
from studio.domain.records import QuestionRecord, UnitRecord
from studio.ui.desk.feed_model import RECORD_ROLE
from studio.ui.desk.moderation_dialogs import EditDialog, ReferDialog
from studio.ui.keys import add_key_menu, bind_keys


class FeedKeys(QObject):
    """Binds the moderation keys to ``feed_view`` and turns them into requests (the desk
    forwards these signals as its own; see :class:`~studio.ui.desk.desk_tab.DeskTab`).

    Args:
        units: the units to refer to, as the desk knows them when R is pressed.
        parent: the desk, parent of the R and E dialogs.
    """

    moderationRequested = Signal(str, list)
    undoRequested = Signal()
    blockRequested = Signal(int, bool)
    mergeRequested = Signal(list)
    referRequested = Signal(list, int, str, str)
    editRequested = Signal(int, str)

    def __init__(
        self, feed_view: QTableView, units: Callable[[], list[UnitRecord]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.feed_view = feed_view
        self._units = units
        self.refer_dialog = ReferDialog(parent)
        self.refer_dialog.referRequested.connect(self.referRequested)
        self.edit_dialog = EditDialog(parent)
        self.edit_dialog.editRequested.connect(self.editRequested)
        keys = (
            ("F", self._toggle("flag", "unflag", QuestionStatus.FLAGGED), self.tr("Flag / unflag")),
            (
                "Q",
                self._toggle("queue", "unqueue", QuestionStatus.QUEUED),
                self.tr("Add to / take off the on-air queue"),
            ),
            (
                ["Return", "Enter"],
                lambda: self._request("put_on_air"),
                self.tr("Put on air now"),
            ),
            ("A", lambda: self._request("answer"), self.tr("Answered")),
            ("H", self._toggle("hide", "unhide", QuestionStatus.HIDDEN), self.tr("Hide / show")),
            (
                "B",
                lambda: self._block(for_good=False),
                self.tr("Block the author for this session"),
            ),
            ("Shift+B", lambda: self._block(for_good=True), self.tr("Block the author for good")),
            (
                "M",
                lambda: self.mergeRequested.emit([q.id for q in self.selected_questions()]),
                self.tr("Merge the selection into one cluster"),
            ),
            ("R", self._ask_referral, self.tr("Refer to a unit…")),
            ("E", self._ask_edit, self.tr("Edit, then approve…")),
            ("Ctrl+Z", self.undoRequested.emit, self.tr("Undo this desk's last move")),
        )
        # Only while the feed has focus: typing a note elsewhere never moderates.
        self.key_actions = bind_keys(self.feed_view, keys)
        # A right-click offers the same actions, each with its key (one action: they agree).
        self.context_menu = add_key_menu(self.feed_view, self._select_under)

    def _select_under(self, pos: QPoint) -> None:
        """A right-click on a row outside the selection selects that row alone."""
        index = self.feed_view.indexAt(pos)
        selection = self.feed_view.selectionModel()
        if index.isValid() and not selection.isRowSelected(index.row()):
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)

    def selected_questions(self) -> list[QuestionRecord]:
        """The selected rows' questions, top to bottom (through the filter)."""
        rows = sorted(self.feed_view.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(RECORD_ROLE) for index in rows]

    def _ask_referral(self) -> None:
        selected = self.selected_questions()
        if selected:
            self.refer_dialog.ask(selected, self._units())

    def _ask_edit(self) -> None:
        current = self.feed_view.currentIndex()
        if current.isValid():
            self.edit_dialog.ask(current.data(RECORD_ROLE))

    def _block(self, *, for_good: bool) -> None:
        current = self.feed_view.currentIndex()
        if current.isValid():
            self.blockRequested.emit(current.data(RECORD_ROLE).id, for_good)

    def _request(self, action: str) -> None:
        selected = self.selected_questions()
        if selected:
            self.moderationRequested.emit(action, [q.id for q in selected])

    def _toggle(self, on: str, off: str, status: QuestionStatus):  # type: ignore[no-untyped-def]
        """One key both ways: off when every selected question is already in that status."""

        def toggle() -> None:
            selected = self.selected_questions()
            if selected:
                every = all(q.status == status for q in selected)
                self.moderationRequested.emit(off if every else on, [q.id for q in selected])

        return toggle
