"""The on-air queue's order in the database: reorder moves (audited, undoable) and queue reads.

A queued question's ``queue_position`` orders the queue (smaller first; only the order
matters, values may be sparse or negative). A status move gives a question its place when it
enters the queue and clears it when it leaves (:func:`studio.store.acts.place_in_queue`); this
module moves a question within the queue, and steps the official's clicker through it
(:func:`step_on_air`). A reorder is a moderation act like any other: one ``question.reorder``
audit event per question whose place changed, ``before``/``after`` holding its status and
place, in the same transaction as the change, so :func:`studio.store.undo.undo_last` reverts it.

Every function here is blocking (services call them from a worker thread).
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import QuestionStatus
from studio.domain.question_lifecycle import ModerationAction, MoveRefused, StatusChange, Undo
from studio.domain.queue_fit import StatusMove
from studio.domain.refusals import Refusal
from studio.store.acts import Step, act_time, apply_move, audit, new_act, retrying, write_step
from studio.store.database import Database
from studio.store.models import AuditEvent, Question

#: The audit action of a move within the queue.
REORDER = "reorder"


def _queued(s: OrmSession, session_id: int, *, lock: bool = False) -> list[Question]:
    """The session's queued questions in queue order (unplaced ones first, oldest first;
    see :func:`studio.domain.queue_fit.in_queue_order`).

    ``lock``: first lock them for the transaction (PostgreSQL), in id order, so that two seats
    renumbering the queue at once take turns instead of deadlocking on rows taken in two orders.
    """
    in_queue = (Question.session_id == session_id, Question.status == QuestionStatus.QUEUED)
    if lock:
        s.execute(select(Question.id).where(*in_queue).order_by(Question.id).with_for_update())
    return list(
        s.scalars(
            select(Question)
            .where(Question.session_id == session_id, Question.status == QuestionStatus.QUEUED)
            .order_by(
                Question.queue_position.is_not(None),
                Question.queue_position,
                Question.received_at,
                Question.id,
            )
            .execution_options(populate_existing=True)
        )
    )


def queue_ids(db: Database, session_id: int) -> list[int]:
    """The ids of the session's queued questions, in queue order."""
    with db.sessions() as s:
        return [q.id for q in _queued(s, session_id)]


def step_on_air(
    db: Database,
    *,
    forward: bool,
    seat: str,
    session_id: int,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo:
    """The official's clicker: the next (or previous) queued question goes on air.

    The queue and the question on air form a ring, so *next* and *previous* undo each other:
    *next* puts the first queued question on air and sends the one on air to the end of the
    queue (the official has moved on from it; it stays queued, unanswered, until the moderator
    says otherwise); *previous* puts the last queued question on air (the one just moved on
    from) and sends the one on air back to the front. Decided from the stored queue in the
    transaction, audited like the desk's Enter (``question.put_on_air`` and
    ``question.take_off_air``, one act).

    Raises:
        MoveRefused: no question is waiting in the queue; nothing is written.
    """

    return retrying(
        db,
        lambda s: step_queue(
            s, forward=forward, seat=seat, session_id=session_id, at=act_time(now, s)
        ),
        attempts,
    )


def step_queue(
    s: OrmSession, *, forward: bool, seat: str, session_id: int, at: dt.datetime
) -> Undo:
    """:func:`step_on_air` in the open transaction."""
    queue = _queued(s, session_id)
    if not queue:
        raise MoveRefused(Refusal.QUEUE_EMPTY)
    target = queue[0] if forward else queue[-1]
    return apply_move(
        s,
        {target.id: target},
        ModerationAction.PUT_ON_AIR,
        seat=seat,
        session_id=session_id,
        at=at,
        displaced_last=forward,
    )


def reorder(
    db: Database,
    question_id: int,
    anchor_id: int | None,
    *,
    after: bool = False,
    seat: str,
    session_id: int,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo:
    """Move a queued question just before ``anchor_id`` (just after it when ``after``) and
    renumber the queue 1…n.

    Anchored to a question, not to an index: the desk says where it dropped the row ("before
    question 42"), and the move is planned on the queue as stored in the transaction, so a
    question another seat queued or moved meanwhile does not misplace it. ``anchor_id`` None
    means there is no question on that side (Alt+Up on the first one): refused, already first
    (or last). Only the questions whose place changed are written and audited
    (``question.reorder``).

    Returns:
        The undo record: a queued → queued change per question that moved.

    Raises:
        MoveRefused: the question (or its anchor) is not queued, there is nothing on that side,
            or the move changes nothing; nothing is written.
    """

    def work(s: OrmSession) -> Undo:
        queue = _queued(s, session_id, lock=True)
        ids = [q.id for q in queue]
        if question_id not in ids:
            raise MoveRefused(Refusal.NOT_QUEUED)
        if anchor_id is None:
            raise MoveRefused(Refusal.ALREADY_LAST if after else Refusal.ALREADY_FIRST)
        if anchor_id == question_id:
            raise MoveRefused(Refusal.ALREADY_THERE)
        if anchor_id not in ids:
            raise MoveRefused(Refusal.ANCHOR_LEFT_QUEUE, id=anchor_id)
        moved = queue.pop(ids.index(question_id))
        at = [q.id for q in queue].index(anchor_id) + (1 if after else 0)
        queue.insert(at, moved)
        if [q.id for q in queue] == ids:
            raise MoveRefused(Refusal.ALREADY_THERE)
        queued = str(QuestionStatus.QUEUED)
        steps = [
            # An unplaced question (queued before places existed) records no place before.
            Step(
                q.id,
                {"status": queued, "position": q.queue_position}
                if q.queue_position is not None
                else {"status": queued},
                {"status": queued, "position": place},
            )
            for place, q in enumerate(queue, start=1)
            if q.queue_position != place
        ]
        for step in steps:
            write_step(s, step)
        audit(
            s,
            steps,
            action=REORDER,
            seat=seat,
            session_id=session_id,
            at=act_time(now, s),
            act=new_act(),
        )
        status = QuestionStatus.QUEUED
        return Undo(
            REORDER, tuple(StatusChange(step.question_id, status, status) for step in steps)
        )

    return retrying(db, work, attempts)


def status_moves(db: Database, session_id: int) -> list[StatusMove]:
    """Every status change of the session's questions in the audit, in the order written.

    Undo events count too (they are status changes), which is what lets the answer times
    forget an undone answer (see :func:`studio.domain.queue_fit.answer_durations`).
    """
    with db.sessions() as s:
        rows = s.execute(
            select(AuditEvent.subject, AuditEvent.at, AuditEvent.before, AuditEvent.after)
            .where(AuditEvent.session_id == session_id, AuditEvent.action.like("question.%"))
            .order_by(AuditEvent.id)
        )
        moves = []
        for subject, at, before, after in rows:
            before_status = json.loads(before or "{}").get("status")
            after_status = json.loads(after or "{}").get("status")
            if before_status is None or after_status is None or before_status == after_status:
                continue
            question_id = int(subject.split(":", 1)[1])
            moves.append(
                StatusMove(
                    question_id, at, QuestionStatus(before_status), QuestionStatus(after_status)
                )
            )
        return moves
