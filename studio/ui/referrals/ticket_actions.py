"""The moves on the selected tickets, each one action: its key, its button, its menu entry.

D dispatch (many at once), S sign for, P start work, R reply, C call back, X close, T return,
E ask for more time, G grant it, Shift+G refuse it, U urge; Shift+C shows the viewer's contact
(audited), Ctrl+C copies the referral card, Ctrl+S saves it. Only while the board's table has
focus, so typing in the search box never moves a ticket.

An action is enabled only when the lifecycle allows it for the selection (``legal_actions`` and
the ticket's own rules: an extension is asked before the deadline, decided while one waits).
A disabled action's tooltip says why, in the interface's language; the store decides again
when the move is made, and a refusal there is shown with its reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, QObject, QPoint, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView, QWidget

from studio.domain.records import ReferralRecord, UnitRecord
from studio.domain.referral_lifecycle import (
    Close,
    GrantExtension,
    Move,
    ReferralAction,
    ReferralRefused,
    RefuseExtension,
    SignFor,
    Start,
    legal_actions,
    transition,
)
from studio.domain.refusals import Refusal
from studio.services.refusal_text import refusal_text
from studio.ui.keys import add_key_menu, bind_keys
from studio.ui.referrals.ticket_dialogs import (
    CallBackDialog,
    DispatchDialog,
    ExtensionDialog,
    ReasonDialog,
    ReplyDialog,
)

A = ReferralAction
#: The key of each move, in the order the menu and the buttons show them.
MOVE_KEYS: dict[ReferralAction, str] = {
    A.DISPATCH: "D",
    A.SIGN_FOR: "S",
    A.START: "P",
    A.REPLY: "R",
    A.CALL_BACK: "C",
    A.CLOSE: "X",
    A.RETURN: "T",
    A.REQUEST_EXTENSION: "E",
    A.GRANT_EXTENSION: "G",
    A.REFUSE_EXTENSION: "Shift+G",
    A.URGE: "U",
}
REVEAL_KEY = "Shift+C"
COPY_CARD_KEY = "Ctrl+C"
SAVE_CARD_KEY = "Ctrl+S"


@dataclass(frozen=True)
class Allowed:
    """Whether an action is offered for the selection, and if not, why (for its tooltip)."""

    ok: bool
    why: str = ""


def allowed(action: ReferralAction, tickets: list[ReferralRecord], today: dt.date) -> Allowed:
    """Whether ``action`` is offered for ``tickets`` (the selection) on ``today``.

    A dispatch is offered when at least one selected ticket may be dispatched (the others are
    refused by the store, each with its reason); every other move needs one ticket.
    """
    if not tickets:
        return Allowed(False)
    if action == A.DISPATCH and len(tickets) > 1:
        if any(A.DISPATCH in legal_actions(t.status) for t in tickets):
            return Allowed(True)
        return Allowed(False, _why(tickets[0], action))
    if len(tickets) > 1:
        return Allowed(False, "")
    ticket = tickets[0]
    if action not in legal_actions(ticket.status):
        return Allowed(False, _why(ticket, action))
    if action == A.REQUEST_EXTENSION:
        if ticket.extension_until is not None:
            return Allowed(
                False,
                refusal_text(
                    ReferralRefused(Refusal.EXTENSION_PENDING, date=ticket.extension_until)
                ),
            )
        if today > ticket.deadline:
            return Allowed(
                False,
                refusal_text(
                    ReferralRefused(Refusal.EXTENSION_AFTER_DEADLINE, date=ticket.deadline)
                ),
            )
    if action in (A.GRANT_EXTENSION, A.REFUSE_EXTENSION) and ticket.extension_until is None:
        return Allowed(False, refusal_text(ReferralRefused(Refusal.NO_EXTENSION_PENDING)))
    return Allowed(True)


def _why(ticket: ReferralRecord, action: ReferralAction) -> str:
    try:
        transition(ticket.status, action)
    except ReferralRefused as refused:
        return refusal_text(refused)
    return ""


class TicketActions(QObject):
    """Binds the moves to the board's table and turns them into requests.

    Args:
        view: the board's table (the keys work while it has focus; right-click offers them).
        selected: the selected tickets, current first.
        units: the units as last read (a dispatch offers the serving ones).
        today: the studio's date (an extension is asked before the deadline).
        parent: the board, parent of the dialogs.

    Signals:
        moveRequested(int, object): make this ``Move`` on the ticket with this id.
        dispatchRequested(list, int, str): dispatch these tickets to this unit, with a note.
        revealRequested(int): show this ticket's contact (audited).
        copyCardRequested(), saveCardRequested(): the current ticket's card.

    Attributes:
        actions: each move's action by :class:`ReferralAction`.
        reveal, copy_card, save_card: the other actions.
    """

    moveRequested = Signal(int, object)
    dispatchRequested = Signal(list, int, str)
    revealRequested = Signal(int)
    copyCardRequested = Signal()
    saveCardRequested = Signal()

    def __init__(
        self,
        view: QTableView,
        selected: Callable[[], list[ReferralRecord]],
        units: Callable[[], list[UnitRecord]],
        today: Callable[[], dt.date],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self._selected = selected
        self._units = units
        self._today = today
        self.dispatch_dialog = DispatchDialog(parent)
        self.dispatch_dialog.dispatchChosen.connect(self.dispatchRequested)
        self.reply_dialog = ReplyDialog(parent)
        self.call_back_dialog = CallBackDialog(parent)
        self.reason_dialog = ReasonDialog(parent)
        self.extension_dialog = ExtensionDialog(parent)
        for dialog in (
            self.reply_dialog,
            self.call_back_dialog,
            self.reason_dialog,
            self.extension_dialog,
        ):
            dialog.moveChosen.connect(self.moveRequested)
        names = {
            A.DISPATCH: self.tr("Dispatch to a unit…"),
            A.SIGN_FOR: self.tr("Signed for by the unit"),
            A.START: self.tr("Work started"),
            A.REPLY: self.tr("Reply…"),
            A.CALL_BACK: self.tr("Call back…"),
            A.CLOSE: self.tr("Close"),
            A.RETURN: self.tr("Returned by the unit…"),
            A.REQUEST_EXTENSION: self.tr("More time asked…"),
            A.GRANT_EXTENSION: self.tr("Grant the extension"),
            A.REFUSE_EXTENSION: self.tr("Refuse the extension"),
            A.URGE: self.tr("Urge the unit…"),
        }
        slots: dict[ReferralAction, Callable[[], object]] = {
            A.DISPATCH: self._ask_dispatch,
            A.SIGN_FOR: lambda: self._move(SignFor()),
            A.START: lambda: self._move(Start()),
            A.REPLY: lambda: self._ask(self.reply_dialog.ask),
            A.CALL_BACK: lambda: self._ask(self.call_back_dialog.ask),
            A.CLOSE: lambda: self._move(Close()),
            A.RETURN: lambda: self._ask(self.reason_dialog.ask_return),
            A.REQUEST_EXTENSION: lambda: self._ask(self.extension_dialog.ask),
            A.GRANT_EXTENSION: lambda: self._move(GrantExtension()),
            A.REFUSE_EXTENSION: lambda: self._move(RefuseExtension()),
            A.URGE: lambda: self._ask(self.reason_dialog.ask_urge),
        }
        bindings = [(MOVE_KEYS[a], slots[a], names[a]) for a in MOVE_KEYS]
        bindings += [
            (REVEAL_KEY, self._reveal, self.tr("Show contact (audited)")),
            (COPY_CARD_KEY, self.copyCardRequested.emit, self.tr("Copy card")),
            (SAVE_CARD_KEY, self.saveCardRequested.emit, self.tr("Save card…")),
        ]
        bound = bind_keys(view, bindings)
        self.actions: dict[ReferralAction, QAction] = dict(zip(MOVE_KEYS, bound, strict=False))
        self.reveal, self.copy_card, self.save_card = bound[len(MOVE_KEYS) :]
        self._names = {**{self.actions[a]: names[a] for a in MOVE_KEYS}}
        for action in bound[len(MOVE_KEYS) :]:
            self._names[action] = action.text()
        self.context_menu = add_key_menu(view, self._select_under)
        self.update()

    def all_actions(self) -> list[QAction]:
        return [*self.actions.values(), self.reveal, self.copy_card, self.save_card]

    def update(self) -> None:
        """Enable what the selection allows (after a selection change or a move)."""
        tickets = self._selected()
        today = self._today()
        for action_kind, action in self.actions.items():
            verdict = allowed(action_kind, tickets, today)
            action.setEnabled(verdict.ok)
            name = self._names[action]
            action.setToolTip(name if verdict.ok or not verdict.why else f"{name}: {verdict.why}")
        one = len(tickets) == 1
        for action in (self.reveal, self.copy_card, self.save_card):
            action.setEnabled(one)

    def _select_under(self, pos: QPoint) -> None:
        """A right-click on a row outside the selection selects that row alone."""
        index = self.view.indexAt(pos)
        selection = self.view.selectionModel()
        if index.isValid() and not selection.isRowSelected(index.row()):
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            selection.setCurrentIndex(index, flags)
        self.update()

    def _one(self) -> ReferralRecord | None:
        tickets = self._selected()
        return tickets[0] if len(tickets) == 1 else None

    def _move(self, move: Move) -> None:
        ticket = self._one()
        if ticket is not None:
            self.moveRequested.emit(ticket.id, move)

    def _ask(self, ask: Callable[[ReferralRecord], None]) -> None:
        ticket = self._one()
        if ticket is not None:
            ask(ticket)

    def _ask_dispatch(self) -> None:
        tickets = self._selected()
        if tickets:
            self.dispatch_dialog.ask(tickets, self._units())

    def _reveal(self) -> None:
        ticket = self._one()
        if ticket is not None:
            self.revealRequested.emit(ticket.id)
