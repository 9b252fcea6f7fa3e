"""Audited acts on questions: the machinery every moderation move shares.

An *act* is one key press (or click) of a seat: it reads the questions, plans the change, and
writes the change and one :class:`AuditEvent` per question in ONE transaction (see
:func:`retrying`). A question's row is only updated if it still holds what was read (a
conditional UPDATE, as the timer does with its version, :func:`write_step`), so two desks can't
overwrite each other: the loser reads again and plans again.

The audit is also the undo history. Each event's ``before``/``after`` is a JSON object of the
question's fields the action changed (``status`` always; ``text``, ``flags``, ``cluster``,
``position`` in the on-air queue when they changed) and ``after`` carries the act's id (``act``:
all events of one key press share it) and what the act created (``referral``, ``block``); see
:mod:`studio.store.undo`.

The moves themselves live by subject: :mod:`studio.store.moderation` (status moves, edits,
referrals, merges), :mod:`studio.store.blocks`, :mod:`studio.store.queue_order`,
:mod:`studio.store.undo`.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import exc as sa_exc
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import QuestionStatus
from studio.domain.question_lifecycle import (
    ModerationAction,
    MoveRefused,
    StatusChange,
    Undo,
    plan_moves,
)
from studio.domain.refusals import Refusal, Refused
from studio.domain.studio_time import clock_text, from_epoch, now_instant
from studio.store.database import Database
from studio.store.models import AuditEvent, Question
from studio.store.server_clock import database_epoch

T = TypeVar("T")

#: The question fields an audit event may record, and their columns.
_COLUMNS = {
    "status": Question.status,
    "text": Question.display_text,
    "flags": Question.flags,
    "cluster": Question.cluster_id,
    "position": Question.queue_position,
}
#: Fields of an event's ``after`` that belong to the act, not to the question's row.
ACT_KEYS = ("act", "undoes", "referral", "joined", "block", "for_good", "note")


class ModerationConflict(Refused):
    """Other desks kept changing the same questions; the action was not applied."""


class Stale(Exception):
    """A question changed between reading and writing: read again (:func:`retrying` does)."""


@dataclass
class Step:
    """One question's part in an act: its fields before and after, and the act's extras."""

    question_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


def act_time(now: dt.datetime | None, s: OrmSession | None = None) -> dt.datetime:
    """The act's instant: ``now`` when the caller gives one (tests, imports), else the
    database's clock read in ``s``'s transaction (PostgreSQL's: every seat's acts are timed by
    one clock), else this PC's."""
    if now is not None:
        return now
    return from_epoch(database_epoch(s)) if s is not None else now_instant()


#: PostgreSQL's SQLSTATEs for "run the transaction again": a deadlock the server broke by
#: cancelling us, a serialization failure.
_RUN_AGAIN = {"40P01", "40001"}


def retrying(db: Database, work: Callable[[OrmSession], T], attempts: int) -> T:
    """Run ``work`` in a transaction; again from a fresh read when a question went stale (or
    PostgreSQL broke a deadlock with another seat by cancelling this transaction).

    MoveRefused from ``work`` propagates and nothing is written.
    """
    for _attempt in range(attempts):
        with db.sessions() as s:
            try:
                result = work(s)
            except Stale:
                s.rollback()
                continue
            except sa_exc.DBAPIError as error:
                if getattr(error.orig, "sqlstate", None) not in _RUN_AGAIN:
                    raise
                s.rollback()
                continue
            s.commit()
            return result
    raise ModerationConflict(Refusal.KEPT_CHANGING)


def read_questions(
    s: OrmSession, question_ids: Iterable[int], session_id: int | None
) -> dict[int, Question]:
    """The selected questions, all of one session (``session_id``, or whichever they share),
    locked for the transaction on PostgreSQL (in id order, so two acts never wait on each other
    in a circle; SQLite has one writer at a time and ignores the lock).

    Raises:
        MoveRefused: a question does not exist or belongs to another session.
    """
    ids = list(dict.fromkeys(question_ids))
    if not ids:
        raise MoveRefused(Refusal.NO_SELECTION)
    rows = {
        q.id: q
        for q in s.scalars(
            select(Question)
            .where(Question.id.in_(ids))
            .order_by(Question.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    }
    expected = session_id
    for question_id in ids:
        row = rows.get(question_id)
        if row is None or (expected is not None and row.session_id != expected):
            raise MoveRefused(Refusal.NOT_IN_SESSION, id=question_id)
        expected = row.session_id
    return {question_id: rows[question_id] for question_id in ids}


def write_step(s: OrmSession, step: Step) -> None:
    """Write ``step.after`` if the row still holds ``step.before``; else raise Stale."""
    conditions = [Question.id == step.question_id]
    conditions += [_COLUMNS[key] == value for key, value in step.before.items()]
    values = {_COLUMNS[key].key: value for key, value in step.after.items()}
    result = s.execute(
        update(Question)
        .where(*conditions)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Stale


def audit(
    s: OrmSession,
    steps: Sequence[Step],
    *,
    action: str,
    seat: str,
    session_id: int,
    at: dt.datetime,
    act: str,
    actions: dict[int, str] | None = None,
) -> None:
    """One audit event per question of the act."""
    for step in steps:
        s.add(
            AuditEvent(
                at=at,
                seat=seat,
                action=f"question.{(actions or {}).get(step.question_id, action)}",
                subject=f"question:{step.question_id}",
                before=dump_json(step.before),
                after=dump_json({**step.after, **step.extra, "act": act}),
                session_id=session_id,
            )
        )


#: Refusals about a question's status that name who set that status, and the code they become.
_NAMED = {
    Refusal.ALREADY_FLAGGED: Refusal.ALREADY_BY,
    Refusal.ALREADY_QUEUED: Refusal.ALREADY_BY,
    Refusal.ALREADY_ON_AIR: Refusal.ALREADY_BY,
    Refusal.ALREADY_ANSWERED: Refusal.ALREADY_BY,
    Refusal.ALREADY_HIDDEN: Refusal.ALREADY_BY,
    Refusal.ALREADY_REFERRED: Refusal.ALREADY_BY,
    Refusal.CANNOT: Refusal.MOVED_BY,
}


def who_moved(event: AuditEvent) -> str:
    """Whom a refusal names for an audit event: the seat's person ("李明"), else the seat that
    wrote it (events from before seats had names, or from a seat without one)."""
    return event.person or event.seat


def naming_mover(
    s: OrmSession,
    refused: MoveRefused,
    selected: Sequence[int],
    current: Mapping[int, QuestionStatus],
) -> MoveRefused:
    """``refused`` saying who moved the question into the status that refuses the move, and
    when (studio time): from the question's last audit event, read in the open transaction.

    A refusal about something else (a selection, advice such as "unhide it first"), or about a
    status no act set (a new question), is returned as it is.
    """
    code, arguments = refused.code, refused.arguments
    inner = arguments.get("reason") if code == Refusal.IN_SELECTION else code
    question_id = arguments.get("id") if code == Refusal.IN_SELECTION else None
    if question_id is None and len(set(selected)) == 1:
        question_id = selected[0]
    named = _NAMED.get(inner) if isinstance(inner, Refusal) else None
    if named is None or not isinstance(question_id, int) or question_id not in current:
        return refused
    status = current[question_id]
    event = s.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.subject == f"question:{question_id}",
            AuditEvent.action.like("question.%"),
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    ).first()
    if event is None or json.loads(event.after or "{}").get("status") != str(status):
        return refused
    said = {"status": status, "who": who_moved(event), "time": clock_text(event.at)}
    if code == Refusal.IN_SELECTION:
        return MoveRefused(Refusal.IN_SELECTION, id=question_id, reason=named, **said)
    return MoveRefused(named, **said)


def dump_json(value: dict[str, Any]) -> str:
    """An audit event's ``before``/``after`` as stored: JSON, keys sorted, Chinese kept as is."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def new_act() -> str:
    """A fresh act id: every audit event of one key press carries the same one."""
    return uuid.uuid4().hex[:12]


def status_steps(changes: Iterable[StatusChange]) -> list[Step]:
    """One step per planned status change, holding only the status (queue places come later)."""
    return [
        Step(c.question_id, {"status": str(c.before)}, {"status": str(c.after)}) for c in changes
    ]


def place_in_queue(
    s: OrmSession, session_id: int, steps: Sequence[Step], *, displaced_last: bool = False
) -> None:
    """Give the steps that enter or leave the queue their queue places (audited, so undone).

    Queuing puts a question last; one taken off air goes first (it was interrupted, it should
    not wait behind the whole queue) unless ``displaced_last``; leaving the queue clears the
    place. (A block hides a queued question without this: its stale place is ignored, as only
    queued ones are ordered.)
    """
    queued = str(QuestionStatus.QUEUED)
    moving = [
        st for st in steps if (st.before["status"] == queued) != (st.after["status"] == queued)
    ]
    if not moving:
        return
    ids = [st.question_id for st in moving]
    query = select(Question.id, Question.queue_position).where(Question.id.in_(ids))
    places = {question_id: place for question_id, place in s.execute(query)}
    in_queue = (Question.session_id == session_id, Question.status == queued)
    place = Question.queue_position
    last = s.scalar(select(func.coalesce(func.max(place), 0)).where(*in_queue))
    first = s.scalar(select(func.coalesce(func.min(place), 1)).where(*in_queue))
    for st in moving:
        # A place is recorded only where there is one: undo turns a missing one back to None.
        if places.get(st.question_id) is not None:
            st.before["position"] = places[st.question_id]
        if st.after["status"] != queued:
            if "position" in st.before:
                st.after["position"] = None
        elif st.before["status"] == str(QuestionStatus.ON_AIR) and not displaced_last:
            first -= 1
            st.after["position"] = first
        else:
            last += 1
            st.after["position"] = last


def apply_move(
    s: OrmSession,
    rows: dict[int, Question],
    action: ModerationAction,
    *,
    seat: str,
    session_id: int,
    at: dt.datetime,
    note: str | None = None,
    displaced_last: bool = False,
) -> Undo:
    """Plan, write and audit one status move on ``rows`` (one act) in the open transaction.

    ``displaced_last``: the question a put-on-air takes off air goes to the end of the queue
    instead of its front (the clicker's *next*: the official has moved on from it).
    """
    current = {q.id: QuestionStatus(q.status) for q in rows.values()}
    if action == ModerationAction.PUT_ON_AIR:
        for q in s.scalars(
            # Not locked: a row another seat just took off air would drop out of a locked
            # read, hiding the one it put on air; read as it was, its write goes stale instead.
            select(Question).where(
                Question.session_id == session_id, Question.status == QuestionStatus.ON_AIR
            )
        ):
            current.setdefault(q.id, QuestionStatus(q.status))
    try:
        changes = plan_moves(current, rows, action)
    except MoveRefused as refused:
        raise naming_mover(s, refused, list(rows), current) from None
    steps = status_steps(changes)
    place_in_queue(s, session_id, steps, displaced_last=displaced_last)
    for step in steps:
        write_step(s, step)
    if note:
        for step in steps:
            step.extra["note"] = note
    displaced = {c.question_id: "take_off_air" for c in changes if c.question_id not in rows}
    audit(
        s,
        steps,
        action=str(action),
        seat=seat,
        session_id=session_id,
        at=at,
        act=new_act(),
        actions=displaced,
    )
    return Undo(str(action), changes)
