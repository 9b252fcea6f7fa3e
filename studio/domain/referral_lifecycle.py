"""The referral ticket's lifecycle (转办工单): which moves are legal, and what each one changes.

A pure state machine: no Qt, no database. The store (:mod:`studio.store.referrals`) reads a
ticket, plans the move here, and writes the change with its history row in one transaction;
the interface words a refused move's reason from its code.

Legal moves (``·`` = refused, with a reason). Rows are the status a ticket is in, columns the
action (``=`` keeps the status: the move changes something else)::

    status \\ action  dispatch    sign_for    start        reply    call_back    close   return    request_ext grant_ext refuse_ext urge
    accepted          dispatched  ·           ·            ·        ·            ·       ·         ·           ·         ·          ·
    dispatched        ·           signed_for  ·            ·        ·            ·       returned  =           =         =          =
    signed_for        ·           ·           in_progress  replied  ·            ·       returned  =           =         =          =
    in_progress       ·           ·           ·            replied  ·            ·       returned  =           =         =          =
    replied           ·           ·           ·            ·        called_back  ·       ·         ·           ·         ·          ·
    called_back       ·           ·           ·            ·        ·            closed  ·         ·           ·         ·          ·
    closed            ·           ·           ·            ·        ·            ·       ·         ·           ·         ·          ·
    returned          dispatched  ·           ·            ·        ·            ·       ·         ·           ·         ·          ·

Decisions behind the table:

- A ticket is created *accepted* with the unit the desk suggested; *dispatch* hands it to a
  unit (the same or another). A unit that finds it is not theirs *returns* it with a reason
  (dispatched, signed for or in progress); the studio then *dispatches* it again, to another
  unit, which gets the category's full working days from that day.
- A unit may *reply* straight after signing for a ticket (a simple enquiry is answered the
  same day) or after *starting* work on it. The reply's text is required.
- *Call back* (回访) records what the viewer said about the reply: satisfied or basically
  satisfied moves the ticket to *called back*, ready to close; **dissatisfied reopens it** to
  *in progress* with a new deadline counted from the call-back day. A ticket is *closed* only
  after a call-back, as 12345 work orders are.
- *Request extension* is asked by the unit holding the ticket, with a reason and a later date,
  on or before the deadline day, never after it; one request waits at a time. *Grant* moves
  the deadline to the requested date; *refuse* keeps it. A reply or a return drops a request
  still waiting.
- *Urge* (督办) is the studio pressing the unit holding the ticket, with a note; it is counted.
- Nothing is done to a *closed* ticket.

Deadlines are in :mod:`studio.domain.referral_deadlines`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from studio.domain.model import ReferralCategory, ReferralStatus, Satisfaction
from studio.domain.referral_deadlines import DEFAULT_RULES, DeadlineRules
from studio.domain.refusals import QT_TRANSLATE_NOOP, WORDS, Refusal, Refused

S = ReferralStatus


class ReferralAction(StrEnum):
    """What referral staff (or the unit, through them) can do to a ticket."""

    DISPATCH = "dispatch"
    SIGN_FOR = "sign_for"
    START = "start"
    REPLY = "reply"
    CALL_BACK = "call_back"
    CLOSE = "close"
    RETURN = "return"
    REQUEST_EXTENSION = "request_extension"
    GRANT_EXTENSION = "grant_extension"
    REFUSE_EXTENSION = "refuse_extension"
    URGE = "urge"


A = ReferralAction


class ReferralRefused(Refused):
    """A move on a ticket that the lifecycle or the store refuses: a :class:`Refusal` and its
    arguments, worded by the refusal table; ``str()`` is the English."""


# The actions as a refusal's sentence says them ("cannot sign for a ticket that is …").
WORDS[ReferralAction] = {
    A.DISPATCH: QT_TRANSLATE_NOOP("Refusals", "dispatch"),
    A.SIGN_FOR: QT_TRANSLATE_NOOP("Refusals", "sign for"),
    A.START: QT_TRANSLATE_NOOP("Refusals", "start work on"),
    A.REPLY: QT_TRANSLATE_NOOP("Refusals", "reply to"),
    A.CALL_BACK: QT_TRANSLATE_NOOP("Refusals", "call back about"),
    A.CLOSE: QT_TRANSLATE_NOOP("Refusals", "close"),
    A.RETURN: QT_TRANSLATE_NOOP("Refusals", "return"),
    A.REQUEST_EXTENSION: QT_TRANSLATE_NOOP("Refusals", "ask an extension for"),
    A.GRANT_EXTENSION: QT_TRANSLATE_NOOP("Refusals", "grant an extension for"),
    A.REFUSE_EXTENSION: QT_TRANSLATE_NOOP("Refusals", "refuse an extension for"),
    A.URGE: QT_TRANSLATE_NOOP("Refusals", "urge"),
}

#: The statuses in which a unit holds the ticket (it can return it, ask for more time, be urged).
WITH_UNIT = (S.DISPATCHED, S.SIGNED_FOR, S.IN_PROGRESS)
#: Actions that change something besides the status, legal while a unit holds the ticket.
_KEEPING = (A.REQUEST_EXTENSION, A.GRANT_EXTENSION, A.REFUSE_EXTENSION, A.URGE)

#: The legal moves: (status, action) → new status. Anything not here is refused. A call-back
#: with a dissatisfied viewer goes to in progress instead (see :func:`transition`).
LEGAL_MOVES: Mapping[tuple[ReferralStatus, ReferralAction], ReferralStatus] = {
    (S.ACCEPTED, A.DISPATCH): S.DISPATCHED,
    (S.RETURNED, A.DISPATCH): S.DISPATCHED,
    (S.DISPATCHED, A.SIGN_FOR): S.SIGNED_FOR,
    (S.SIGNED_FOR, A.START): S.IN_PROGRESS,
    (S.SIGNED_FOR, A.REPLY): S.REPLIED,
    (S.IN_PROGRESS, A.REPLY): S.REPLIED,
    (S.REPLIED, A.CALL_BACK): S.CALLED_BACK,
    (S.CALLED_BACK, A.CLOSE): S.CLOSED,
    **{(status, A.RETURN): S.RETURNED for status in WITH_UNIT},
    **{(status, action): status for status in WITH_UNIT for action in _KEEPING},
}

#: The action that takes a ticket to a status (what "move to STATUS" means); a ticket never
#: moves back to accepted.
TARGET_ACTIONS: Mapping[ReferralStatus, ReferralAction] = {
    S.DISPATCHED: A.DISPATCH,
    S.SIGNED_FOR: A.SIGN_FOR,
    S.IN_PROGRESS: A.START,
    S.REPLIED: A.REPLY,
    S.CALLED_BACK: A.CALL_BACK,
    S.CLOSED: A.CLOSE,
    S.RETURNED: A.RETURN,
}


def _reason(status: ReferralStatus, action: ReferralAction) -> ReferralRefused:
    """Why ``action`` is refused in ``status``: what to do instead where there is something."""
    if status == S.CLOSED:
        return ReferralRefused(Refusal.REFERRAL_CLOSED)
    if status in (S.ACCEPTED, S.RETURNED) and action != A.DISPATCH:
        return ReferralRefused(Refusal.REFERRAL_DISPATCH_FIRST)
    if status == S.DISPATCHED and action in (A.START, A.REPLY):
        return ReferralRefused(Refusal.REFERRAL_SIGN_FOR_FIRST)
    if status in (S.REPLIED, S.CALLED_BACK) and action == A.REPLY:
        return ReferralRefused(Refusal.REFERRAL_ALREADY_REPLIED)
    if status == S.REPLIED and action == A.CLOSE:
        return ReferralRefused(Refusal.REFERRAL_CALL_BACK_FIRST)
    return ReferralRefused(Refusal.REFERRAL_CANNOT, move=action, status=status)


def transition(
    status: ReferralStatus,
    action: ReferralAction,
    satisfaction: Satisfaction | None = None,
) -> ReferralStatus:
    """The status a ticket in ``status`` gets from ``action`` (a dissatisfied call-back
    reopens the ticket: in progress).

    Raises:
        ReferralRefused: the move is not in :data:`LEGAL_MOVES`; the reason says what to do.
    """
    try:
        after = LEGAL_MOVES[(status, action)]
    except KeyError:
        raise _reason(status, action) from None
    if action == A.CALL_BACK and satisfaction == Satisfaction.DISSATISFIED:
        return S.IN_PROGRESS
    return after


def legal_actions(status: ReferralStatus) -> tuple[ReferralAction, ...]:
    """The actions a ticket in ``status`` allows, in :class:`ReferralAction` order (what a
    board offers; a ticket-level rule may still refuse one, e.g. an extension after the
    deadline)."""
    return tuple(action for action in ReferralAction if (status, action) in LEGAL_MOVES)


def action_to(target: ReferralStatus) -> ReferralAction:
    """The action that moves a ticket to ``target`` ("move to dispatched" is *dispatch*).

    Raises:
        ReferralRefused: ``target`` is accepted, where a ticket only starts.
    """
    try:
        return TARGET_ACTIONS[target]
    except KeyError:
        raise ReferralRefused(Refusal.REFERRAL_NOT_BACK_TO, status=target) from None


# -- a ticket and the moves on it -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TicketState:
    """What the lifecycle needs to know of a ticket, and all a move may change.

    Attributes:
        status: where the ticket is.
        category: what it asks (sets its working days).
        unit_id: the unit it is with (or was suggested to, while accepted; that returned it,
            while returned).
        deadline: the day it is due.
        returned_by: the unit that returned it, while it waits to be dispatched again.
        extension_until: the date a waiting extension request asks for; None when none waits.
        urges: how many times the studio urged the unit (督办).
        satisfaction: the viewer's answer at the latest call-back.
    """

    status: ReferralStatus
    category: ReferralCategory
    unit_id: int | None
    deadline: dt.date
    returned_by: int | None = None
    extension_until: dt.date | None = None
    urges: int = 0
    satisfaction: Satisfaction | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Move:
    """A move on a ticket; ``reason`` is what the history row records as its reason (a
    return's reason, an urging's note, an extension's grounds, anything staff typed)."""

    action: ClassVar[ReferralAction]
    reason: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Dispatch(Move):
    """Hand the ticket to ``unit_id`` (from accepted, or again after a return)."""

    action: ClassVar[ReferralAction] = A.DISPATCH
    unit_id: int


@dataclass(frozen=True, slots=True, kw_only=True)
class SignFor(Move):
    """The unit acknowledges it has the ticket (签收)."""

    action: ClassVar[ReferralAction] = A.SIGN_FOR


@dataclass(frozen=True, slots=True, kw_only=True)
class Start(Move):
    """The unit starts working on it (办理中)."""

    action: ClassVar[ReferralAction] = A.START


@dataclass(frozen=True, slots=True, kw_only=True)
class Reply(Move):
    """The unit's answer: ``text`` (required) and who gave it (``by``: a name, a post)."""

    action: ClassVar[ReferralAction] = A.REPLY
    text: str
    by: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class CallBack(Move):
    """What the viewer said when the studio called back about the reply (回访)."""

    action: ClassVar[ReferralAction] = A.CALL_BACK
    satisfaction: Satisfaction | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Close(Move):
    """Close the ticket (办结) after a call-back."""

    action: ClassVar[ReferralAction] = A.CLOSE


@dataclass(frozen=True, slots=True, kw_only=True)
class Return(Move):
    """The unit hands the ticket back, with a reason (退回); ``reason`` is required."""

    action: ClassVar[ReferralAction] = A.RETURN


@dataclass(frozen=True, slots=True, kw_only=True)
class RequestExtension(Move):
    """The unit asks for more time, until ``until``, with a reason (延期申请)."""

    action: ClassVar[ReferralAction] = A.REQUEST_EXTENSION
    until: dt.date


@dataclass(frozen=True, slots=True, kw_only=True)
class GrantExtension(Move):
    """Grant the waiting extension request: the deadline moves to its date."""

    action: ClassVar[ReferralAction] = A.GRANT_EXTENSION


@dataclass(frozen=True, slots=True, kw_only=True)
class RefuseExtension(Move):
    """Refuse the waiting extension request: the deadline stays."""

    action: ClassVar[ReferralAction] = A.REFUSE_EXTENSION


@dataclass(frozen=True, slots=True, kw_only=True)
class Urge(Move):
    """Press the unit (督办); ``reason`` is the note. Counted on the ticket."""

    action: ClassVar[ReferralAction] = A.URGE


def plan(
    ticket: TicketState,
    move: Move,
    today: dt.date,
    rules: DeadlineRules = DEFAULT_RULES,
) -> TicketState:
    """The ticket after ``move``, made on ``today`` (the studio's date).

    Raises:
        ReferralRefused: the move is illegal in the ticket's status, or breaks a rule of the
            move (an empty reply or return reason, no satisfaction on a call-back, a dispatch
            back to the unit that returned it, an extension after the deadline, not later than
            it or while another waits, a decision with no request waiting). The ticket is
            unchanged.
    """
    satisfaction = move.satisfaction if isinstance(move, CallBack) else None
    after = dataclasses.replace(ticket, status=transition(ticket.status, move.action, satisfaction))
    if isinstance(move, Dispatch):
        if ticket.status == S.RETURNED and move.unit_id == ticket.returned_by:
            raise ReferralRefused(Refusal.REDISPATCH_SAME_UNIT)
        # After a return the new unit gets its full time, as a 12345 re-dispatch does.
        deadline = (
            rules.deadline(ticket.category, today)
            if ticket.status == S.RETURNED
            else ticket.deadline
        )
        return dataclasses.replace(after, unit_id=move.unit_id, returned_by=None, deadline=deadline)
    if isinstance(move, Reply):
        if not move.text.strip():
            raise ReferralRefused(Refusal.REPLY_EMPTY)
        return dataclasses.replace(after, extension_until=None)
    if isinstance(move, CallBack):
        if move.satisfaction is None:
            raise ReferralRefused(Refusal.SATISFACTION_REQUIRED)
        if move.satisfaction == Satisfaction.DISSATISFIED:
            after = dataclasses.replace(after, deadline=rules.deadline(ticket.category, today))
        return dataclasses.replace(after, satisfaction=move.satisfaction)
    if isinstance(move, Return):
        if not move.reason.strip():
            raise ReferralRefused(Refusal.RETURN_REASON_EMPTY)
        return dataclasses.replace(after, returned_by=ticket.unit_id, extension_until=None)
    if isinstance(move, RequestExtension):
        if not move.reason.strip():
            raise ReferralRefused(Refusal.EXTENSION_REASON_EMPTY)
        if today > ticket.deadline:
            raise ReferralRefused(Refusal.EXTENSION_AFTER_DEADLINE, date=ticket.deadline)
        if ticket.extension_until is not None:
            raise ReferralRefused(Refusal.EXTENSION_PENDING, date=ticket.extension_until)
        if move.until <= ticket.deadline:
            raise ReferralRefused(Refusal.EXTENSION_NOT_LATER, date=ticket.deadline)
        return dataclasses.replace(after, extension_until=move.until)
    if isinstance(move, GrantExtension | RefuseExtension):
        if ticket.extension_until is None:
            raise ReferralRefused(Refusal.NO_EXTENSION_PENDING)
        granted = isinstance(move, GrantExtension)
        deadline = ticket.extension_until if granted else ticket.deadline
        return dataclasses.replace(after, deadline=deadline, extension_until=None)
    if isinstance(move, Urge):
        return dataclasses.replace(after, urges=ticket.urges + 1)
    return after
