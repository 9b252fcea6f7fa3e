"""The moderator's keys on the feed: each asks for a move on the selected questions.

F flag/unflag, Q queue/unqueue, Enter put on air, A answered, H hide/unhide, B block the
author for the session (Shift+B for good), M merge the selection into one cluster, R refer
(a dialog), E edit then approve (a dialog), Ctrl+Z undo the last move. Only while the feed
has focus: typing a note elsewhere never moderates.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTableView, QWidget

from studio.domain.model import QuestionStatus
from studio.domain.records import QuestionRecord, UnitRecord
from studio.ui.desk.feed_model import RECORD_ROLE
from studio.ui.desk.moderation_dialogs import EditDialog, ReferDialog
from studio.ui.keys import bind_keys


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
            ("F", self._toggle("flag", "unflag", QuestionStatus.FLAGGED)),
            ("Q", self._toggle("queue", "unqueue", QuestionStatus.QUEUED)),
            ("Return", lambda: self._request("put_on_air")),
            ("Enter", lambda: self._request("put_on_air")),
            ("A", lambda: self._request("answer")),
            ("H", self._toggle("hide", "unhide", QuestionStatus.HIDDEN)),
            ("B", lambda: self._block(for_good=False)),
            ("Shift+B", lambda: self._block(for_good=True)),
            ("M", lambda: self.mergeRequested.emit([q.id for q in self.selected_questions()])),
            ("R", self._ask_referral),
            ("E", self._ask_edit),
            ("Ctrl+Z", self.undoRequested.emit),
        )
        # Only while the feed has focus: typing a note elsewhere never moderates.
        bind_keys(self.feed_view, keys)

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
