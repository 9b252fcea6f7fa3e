"""The question lifecycle on the live desk: which moderation moves are legal, and how to undo one.

A pure state machine: no Qt, no database. The store applies what this module plans and writes
the audit; the live desk shows a refused move's reason to the moderator.

Legal moves (``·`` = refused, with a reason). Rows are the status a question is in, columns the
moderator's action::

    status \\ action  flag     unflag  queue   unqueue  put_on_air take_off_air answer    hide    unhide  refer     approve_edit
    new               flagged  ·       queued  ·        on_air     ·            answered  hidden  ·       referred  flagged
    flagged           ·        new     queued  ·        on_air     ·            answered  hidden  ·       referred  flagged
    queued            ·        ·       ·       flagged  on_air     ·            answered  hidden  ·       referred  queued
    on_air            ·        ·       ·       ·        ·          queued       answered  hidden  ·       referred  on_air
    answered          ·        ·       ·       ·        ·          ·            ·         hidden  ·       referred  ·
    referred          ·        ·       ·       ·        ·          ·            ·         hidden  ·       ·         ·
    hidden            ·        ·       ·       ·        ·          ·            ·         ·       new     referred  flagged

Decisions behind the table:

- *Hide* and *refer* work from any other state, as the issue asks: a question on air may turn
  out to be a personal case (refer it), an answered one may need a department's follow-up.
- *Answer* works on waiting questions too, not only the one on air, because the official often
  answers several near-duplicates at once (A on a multi-selection).
- *Put on air* takes one question. The question on air before it goes back to **queued**, not to
  answered: the figures count only answers the moderator confirmed with A, and a question taken
  off air unanswered must not be lost from the queue.
- *Unqueue* returns a question to **flagged** (it stays on the moderator's shortlist); *unhide*
  returns it to **new** (the feed shows it again, nobody has judged it yet). Undo, unlike these
  actions, restores exactly the status a question had.
- *Approve edit* (E: the moderator rewrites a comment, then approves it) puts a new, flagged or
  hidden question on the shortlist (flagged) and keeps a queued or on-air one where it is; an
  answered or referred question's text is on record and is not edited.
- A move on a multi-selection is all or nothing: one refused question refuses the whole move,
  so the desk never ends up half-applied.

Referral deadlines live in :mod:`studio.domain.referral_deadlines` (``referral_deadline`` is
imported here too, for the callers that always found it here).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from studio.domain.model import QuestionStatus
from studio.domain.referral_deadlines import referral_deadline as referral_deadline
from studio.domain.refusals import QT_TRANSLATE_NOOP, WORDS, Refusal, Refused

S = QuestionStatus


class ModerationAction(StrEnum):
    """What the moderator can do to a question's status (the keys of the live desk)."""

    FLAG = "flag"
    UNFLAG = "unflag"
    QUEUE = "queue"
    UNQUEUE = "unqueue"
    PUT_ON_AIR = "put_on_air"
    TAKE_OFF_AIR = "take_off_air"
    ANSWER = "answer"
    HIDE = "hide"
    UNHIDE = "unhide"
    REFER = "refer"
    APPROVE_EDIT = "approve_edit"


A = ModerationAction


class MoveRefused(Refused):
    """A move the lifecycle (or the store) does not allow: a :class:`Refusal` and its
    arguments, worded for the moderator by the refusal table; ``str()`` is the English."""

    @property
    def reason(self) -> str:
        return str(self)


# The actions as a refusal's sentence says them ("cannot put on air a question that is …").
WORDS[ModerationAction] = {
    A.FLAG: QT_TRANSLATE_NOOP("Refusals", "flag"),
    A.UNFLAG: QT_TRANSLATE_NOOP("Refusals", "unflag"),
    A.QUEUE: QT_TRANSLATE_NOOP("Refusals", "queue"),
    A.UNQUEUE: QT_TRANSLATE_NOOP("Refusals", "take out of the queue"),
    A.PUT_ON_AIR: QT_TRANSLATE_NOOP("Refusals", "put on air"),
    A.TAKE_OFF_AIR: QT_TRANSLATE_NOOP("Refusals", "take off air"),
    A.ANSWER: QT_TRANSLATE_NOOP("Refusals", "mark answered"),
    A.HIDE: QT_TRANSLATE_NOOP("Refusals", "hide"),
    A.UNHIDE: QT_TRANSLATE_NOOP("Refusals", "unhide"),
    A.REFER: QT_TRANSLATE_NOOP("Refusals", "refer"),
    A.APPROVE_EDIT: QT_TRANSLATE_NOOP("Refusals", "edit and approve"),
}


#: The legal moves: (status, action) → new status. Anything not here is refused.
LEGAL_MOVES: Mapping[tuple[QuestionStatus, ModerationAction], QuestionStatus] = {
    (S.NEW, A.FLAG): S.FLAGGED,
    (S.NEW, A.QUEUE): S.QUEUED,
    (S.NEW, A.PUT_ON_AIR): S.ON_AIR,
    (S.NEW, A.ANSWER): S.ANSWERED,
    (S.NEW, A.HIDE): S.HIDDEN,
    (S.NEW, A.REFER): S.REFERRED,
    (S.NEW, A.APPROVE_EDIT): S.FLAGGED,
    (S.FLAGGED, A.UNFLAG): S.NEW,
    (S.FLAGGED, A.QUEUE): S.QUEUED,
    (S.FLAGGED, A.PUT_ON_AIR): S.ON_AIR,
    (S.FLAGGED, A.ANSWER): S.ANSWERED,
    (S.FLAGGED, A.HIDE): S.HIDDEN,
    (S.FLAGGED, A.REFER): S.REFERRED,
    (S.FLAGGED, A.APPROVE_EDIT): S.FLAGGED,
    (S.QUEUED, A.UNQUEUE): S.FLAGGED,
    (S.QUEUED, A.PUT_ON_AIR): S.ON_AIR,
    (S.QUEUED, A.ANSWER): S.ANSWERED,
    (S.QUEUED, A.HIDE): S.HIDDEN,
    (S.QUEUED, A.REFER): S.REFERRED,
    (S.QUEUED, A.APPROVE_EDIT): S.QUEUED,
    (S.ON_AIR, A.TAKE_OFF_AIR): S.QUEUED,
    (S.ON_AIR, A.ANSWER): S.ANSWERED,
    (S.ON_AIR, A.HIDE): S.HIDDEN,
    (S.ON_AIR, A.REFER): S.REFERRED,
    (S.ON_AIR, A.APPROVE_EDIT): S.ON_AIR,
    (S.ANSWERED, A.HIDE): S.HIDDEN,
    (S.ANSWERED, A.REFER): S.REFERRED,
    (S.REFERRED, A.HIDE): S.HIDDEN,
    (S.HIDDEN, A.UNHIDE): S.NEW,
    (S.HIDDEN, A.REFER): S.REFERRED,
    (S.HIDDEN, A.APPROVE_EDIT): S.FLAGGED,
}

# Reasons that say more than "not allowed": what the moderator should do instead.
_REASONS: Mapping[tuple[QuestionStatus, ModerationAction], Refusal] = {
    (S.FLAGGED, A.FLAG): Refusal.ALREADY_FLAGGED,
    (S.QUEUED, A.QUEUE): Refusal.ALREADY_QUEUED,
    (S.ON_AIR, A.PUT_ON_AIR): Refusal.ALREADY_ON_AIR,
    (S.ANSWERED, A.ANSWER): Refusal.ALREADY_ANSWERED,
    (S.HIDDEN, A.HIDE): Refusal.ALREADY_HIDDEN,
    (S.REFERRED, A.REFER): Refusal.ALREADY_REFERRED,
    (S.REFERRED, A.ANSWER): Refusal.REFERRED_ANSWERED_BY_REPLY,
    (S.HIDDEN, A.FLAG): Refusal.HIDDEN_UNHIDE_FIRST,
    (S.HIDDEN, A.QUEUE): Refusal.HIDDEN_UNHIDE_FIRST,
    (S.HIDDEN, A.PUT_ON_AIR): Refusal.HIDDEN_UNHIDE_FIRST,
    (S.HIDDEN, A.ANSWER): Refusal.HIDDEN_UNHIDE_FIRST,
    (S.ANSWERED, A.APPROVE_EDIT): Refusal.ANSWERED_TEXT_ON_RECORD,
    (S.REFERRED, A.APPROVE_EDIT): Refusal.REFERRED_TEXT_ON_RECORD,
}


def _refused(status: QuestionStatus, action: ModerationAction) -> MoveRefused:
    specific = _REASONS.get((status, action))
    if specific is not None:
        return MoveRefused(specific)
    return MoveRefused(Refusal.CANNOT, action=action, status=status)


def transition(status: QuestionStatus, action: ModerationAction) -> QuestionStatus:
    """The status a question in ``status`` gets from ``action``.

    Raises:
        MoveRefused: the move is not in :data:`LEGAL_MOVES`; the reason is for the moderator.
    """
    try:
        return LEGAL_MOVES[(status, action)]
    except KeyError:
        raise _refused(status, action) from None


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One question's status before and after a move (equal when only its text or cluster changed)."""

    question_id: int
    before: QuestionStatus
    after: QuestionStatus


@dataclass(frozen=True, slots=True)
class ReferralCreated:
    """A referral ticket the move created; undo removes it."""

    referral_id: int


@dataclass(frozen=True, slots=True)
class AskersJoined:
    """Questions a move added to a ticket their cluster already had; undo takes them off it."""

    referral_id: int
    question_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class TextEdited:
    """The moderator's edit of a question's display text (and its flags, which mark the edit)."""

    question_id: int
    before_text: str
    after_text: str
    before_flags: int
    after_flags: int


@dataclass(frozen=True, slots=True)
class ClusterChanged:
    """A question moved into another cluster by a merge."""

    question_id: int
    before: int | None
    after: int | None


@dataclass(frozen=True, slots=True)
class AuthorBlocked:
    """An author blocked from a question (the block's row id); undo lifts the block."""

    block_id: int
    question_id: int
    before_flags: int
    after_flags: int


Effect = ReferralCreated | AskersJoined | TextEdited | ClusterChanged | AuthorBlocked


@dataclass(frozen=True, slots=True)
class Undo:
    """Everything needed to revert one applied action exactly.

    Attributes:
        action: what the moderator did (a :class:`ModerationAction` value, or ``merge``, ``block``).
        changes: every status change the action made, including a question it moved off air.
        effects: what else it did besides statuses: referrals, edits, clusters, blocks.
    """

    action: str
    changes: tuple[StatusChange, ...]
    effects: tuple[Effect, ...] = ()

    @property
    def question_ids(self) -> tuple[int, ...]:
        return tuple(change.question_id for change in self.changes)

    def reverting(self, current: Mapping[int, QuestionStatus]) -> tuple[StatusChange, ...]:
        """The status changes that undo this action, given the questions' statuses now.

        Raises:
            MoveRefused: a question changed since the action (someone else moved it), so the
                undo would overwrite a later decision.
        """
        for change in self.changes:
            now = current.get(change.question_id)
            if now != change.after:
                if now is None:
                    raise MoveRefused(
                        Refusal.GONE_SINCE, id=change.question_id, before=change.after
                    )
                raise MoveRefused(
                    Refusal.CHANGED_SINCE, id=change.question_id, before=change.after, now=now
                )
        return tuple(
            StatusChange(change.question_id, change.after, change.before)
            for change in reversed(self.changes)
        )


def plan_moves(
    current: Mapping[int, QuestionStatus],
    selected: Iterable[int],
    action: ModerationAction,
) -> tuple[StatusChange, ...]:
    """The status changes ``action`` on the ``selected`` questions makes, all or nothing.

    Args:
        current: the statuses of the selected questions and of the question on air, if any.
        selected: the moderator's selection (order kept, repeats ignored).
        action: what the moderator pressed.

    Raises:
        MoveRefused: one of the questions refuses the move, or the move needs one question
            (put on air) and got several or none; nothing is to be applied.
    """
    ids = list(dict.fromkeys(selected))
    if not ids:
        raise MoveRefused(Refusal.NO_SELECTION)
    if action == A.PUT_ON_AIR and len(ids) > 1:
        raise MoveRefused(Refusal.ONE_ON_AIR)
    changes = []
    for question_id in ids:
        status = current.get(question_id)
        if status is None:
            raise MoveRefused(Refusal.NOT_IN_SESSION, id=question_id)
        try:
            changes.append(StatusChange(question_id, status, transition(status, action)))
        except MoveRefused as refused:
            if len(ids) == 1:
                raise
            raise MoveRefused(
                Refusal.IN_SELECTION, id=question_id, reason=refused.code, **refused.arguments
            ) from None
    if action == A.PUT_ON_AIR:
        # The question on air before makes way: back to the queue, unanswered (see above).
        for question_id, status in current.items():
            if status == S.ON_AIR and question_id not in ids:
                changes.append(
                    StatusChange(question_id, status, transition(status, A.TAKE_OFF_AIR))
                )
    return tuple(changes)


def apply_changes(
    statuses: Mapping[int, QuestionStatus], changes: Iterable[StatusChange]
) -> dict[int, QuestionStatus]:
    """``statuses`` with ``changes`` applied (a new dict)."""
    result = dict(statuses)
    for change in changes:
        result[change.question_id] = change.after
    return result
