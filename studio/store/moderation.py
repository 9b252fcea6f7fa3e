"""Moderation in the database: apply a lifecycle move and its audit events in one transaction.

Every function here is blocking (services call them from a worker thread). Each one reads the
questions, plans the move with :mod:`studio.domain.question_lifecycle`, and writes the change
and one :class:`AuditEvent` per question in ONE transaction. A question's row is only updated
if it still holds what was read (a conditional UPDATE, as the timer does with its version), so
two desks can't overwrite each other: the loser reads again and plans again.

The audit is also the undo history. Each event's ``before``/``after`` is a JSON object of the
question's fields the action changed (``status`` always; ``text``, ``flags``, ``cluster``,
``position`` in the on-air queue when they changed) and ``after`` carries the act's id (``act``: all events of one key press share
it) and what the act created (``referral``, ``block``). Undo reverts the latest act of the
seat (the audit's ``seat``: one running desk, or the official's clicker) in the session that no
``question.undo`` event names in its ``undoes``.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import QuestionFlag, QuestionStatus, ReferralCategory, ReferralStatus
from studio.domain.question_lifecycle import (
    AuthorBlocked,
    ClusterChanged,
    Effect,
    ModerationAction,
    MoveRefused,
    ReferralCreated,
    StatusChange,
    TextEdited,
    Undo,
    plan_moves,
    referral_deadline,
    transition,
)
from studio.domain.refusals import Refusal, Refused
from studio.domain.studio_time import iso_text, now_instant
from studio.domain.text.pii import mask_pii
from studio.store.database import Database
from studio.store.models import AuditEvent, BlockedAuthor, Question, Referral, Unit

T = TypeVar("T")

#: The audit actions this module writes, besides ``question.<ModerationAction>``.
MERGE = "merge"
BLOCK = "block"
UNDO = "undo"
#: The question fields an audit event may record, and their columns.
_COLUMNS = {
    "status": Question.status,
    "text": Question.display_text,
    "flags": Question.flags,
    "cluster": Question.cluster_id,
    "position": Question.queue_position,
}
#: Fields that belong to the act, not to the question's row.
_ACT_KEYS = ("act", "undoes", "referral", "block", "for_good", "note")

AUDIT_FIELDS = ("id", "at", "seat", "action", "question", "subject", "before", "after")


class ModerationConflict(Refused):
    """Other desks kept changing the same questions; the action was not applied."""


class NothingToUndo(MoveRefused):
    """The session has no moderation action left to undo."""


class _Stale(Exception):
    """A question changed between reading and writing: read again."""


@dataclass
class _Step:
    """One question's part in an act: its fields before and after, and the act's extras."""

    question_id: int
    before: dict[str, Any]
    after: dict[str, Any]
    extra: dict[str, Any] = field(default_factory=dict)


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else now_instant()


def _retrying(db: Database, work: Callable[[OrmSession], T], attempts: int) -> T:
    """Run ``work`` in a transaction; again from a fresh read when a question went stale.

    MoveRefused from ``work`` propagates and nothing is written.
    """
    for _attempt in range(attempts):
        with db.sessions() as s:
            try:
                result = work(s)
            except _Stale:
                s.rollback()
                continue
            s.commit()
            return result
    raise ModerationConflict(Refusal.KEPT_CHANGING)


def _questions(
    s: OrmSession, question_ids: Iterable[int], session_id: int | None
) -> dict[int, Question]:
    """The selected questions, all of one session (``session_id``, or whichever they share).

    Raises:
        MoveRefused: a question does not exist or belongs to another session.
    """
    ids = list(dict.fromkeys(question_ids))
    if not ids:
        raise MoveRefused(Refusal.NO_SELECTION)
    rows = {
        q.id: q
        for q in s.scalars(
            select(Question).where(Question.id.in_(ids)).execution_options(populate_existing=True)
        )
    }
    expected = session_id
    for question_id in ids:
        row = rows.get(question_id)
        if row is None or (expected is not None and row.session_id != expected):
            raise MoveRefused(Refusal.NOT_IN_SESSION, id=question_id)
        expected = row.session_id
    return {question_id: rows[question_id] for question_id in ids}


def _update(s: OrmSession, step: _Step) -> None:
    """Write ``step.after`` if the row still holds ``step.before``; else raise _Stale."""
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
        raise _Stale


def _audit(
    s: OrmSession,
    steps: Sequence[_Step],
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
                before=_dump(step.before),
                after=_dump({**step.after, **step.extra, "act": act}),
                session_id=session_id,
            )
        )


def _dump(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _new_act() -> str:
    return uuid.uuid4().hex[:12]


def _status_steps(changes: Iterable[StatusChange]) -> list[_Step]:
    return [
        _Step(c.question_id, {"status": str(c.before)}, {"status": str(c.after)}) for c in changes
    ]


def _place_in_queue(
    s: OrmSession, session_id: int, steps: Sequence[_Step], *, displaced_last: bool = False
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


def _apply_move(
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
            select(Question).where(
                Question.session_id == session_id, Question.status == QuestionStatus.ON_AIR
            )
        ):
            current.setdefault(q.id, QuestionStatus(q.status))
    changes = plan_moves(current, rows, action)
    steps = _status_steps(changes)
    _place_in_queue(s, session_id, steps, displaced_last=displaced_last)
    for step in steps:
        _update(s, step)
    if note:
        for step in steps:
            step.extra["note"] = note
    displaced = {c.question_id: "take_off_air" for c in changes if c.question_id not in rows}
    _audit(
        s,
        steps,
        action=str(action),
        seat=seat,
        session_id=session_id,
        at=at,
        act=_new_act(),
        actions=displaced,
    )
    return Undo(str(action), changes)


# -- status moves ------------------------------------------------------------------------------
def moderate(
    db: Database,
    question_ids: Sequence[int],
    action: ModerationAction,
    *,
    seat: str,
    session_id: int,
    note: str | None = None,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo:
    """Apply ``action`` to the selected questions of a session, with their audit events.

    Putting a question on air also moves the one on air before back to queued (its own audit
    event, ``question.take_off_air``, in the same act). Refer and approve-edit need more than a
    status: use :func:`refer` and :func:`edit_and_approve`.

    Returns:
        The undo record of what was applied.

    Raises:
        MoveRefused: the move is not legal for one of the questions; nothing is written.
        ModerationConflict: other desks won every attempt.
    """
    if action in (ModerationAction.REFER, ModerationAction.APPROVE_EDIT):
        raise ValueError(f"{action} needs refer() or edit_and_approve()")

    def work(s: OrmSession) -> Undo:
        rows = _questions(s, question_ids, session_id)
        return _apply_move(
            s, rows, action, seat=seat, session_id=session_id, at=_now(now), note=note
        )

    return _retrying(db, work, attempts)


def edit_and_approve(
    db: Database,
    question_id: int,
    new_display_text: str,
    seat: str,
    *,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo:
    """Replace a question's display text with the moderator's edit and approve it (E).

    The edit is masked like any viewer text (the moderator may have typed a number back in);
    the original display text stays in the audit event's ``before``.

    Raises:
        MoveRefused: the edit is empty, or the question can't be approved in its status.
    """
    masked = mask_pii(new_display_text.strip())
    if not masked.text:
        raise MoveRefused(Refusal.EDIT_EMPTY)

    def work(s: OrmSession) -> Undo:
        q = _questions(s, [question_id], None)[question_id]
        status = QuestionStatus(q.status)
        after_status = transition(status, ModerationAction.APPROVE_EDIT)
        flags = QuestionFlag(q.flags) | QuestionFlag.EDITED
        if masked.found:
            flags |= QuestionFlag.PII
        step = _Step(
            question_id,
            {"status": str(status), "text": q.display_text, "flags": q.flags},
            {"status": str(after_status), "text": masked.text, "flags": int(flags)},
        )
        _update(s, step)
        _audit(
            s,
            [step],
            action=str(ModerationAction.APPROVE_EDIT),
            seat=seat,
            session_id=q.session_id,
            at=_now(now),
            act=_new_act(),
        )
        return Undo(
            str(ModerationAction.APPROVE_EDIT),
            (StatusChange(question_id, status, after_status),),
            (TextEdited(question_id, q.display_text, masked.text, q.flags, int(flags)),),
        )

    return _retrying(db, work, attempts)


def refer(
    db: Database,
    question_ids: Sequence[int],
    unit_id: int,
    category: ReferralCategory,
    note: str,
    seat: str,
    accepted_on: dt.date,
    *,
    now: dt.datetime | None = None,
    attempts: int = 5,
    **deadline_days: int,
) -> Undo:
    """Refer the selected questions to a unit (R): one referral ticket each, due in working days.

    ``deadline_days`` may set ``enquiry_days``, ``complaint_days`` or ``help_days`` (see
    :func:`studio.domain.question_lifecycle.referral_deadline`).

    Raises:
        MoveRefused: no such unit, or a question can't be referred in its status.
    """
    deadline = referral_deadline(category, accepted_on, **deadline_days)

    def work(s: OrmSession) -> Undo:
        unit = s.get(Unit, unit_id)
        if unit is None or unit.retired:
            raise MoveRefused(Refusal.NO_UNIT_TO_REFER, id=unit_id)
        rows = _questions(s, question_ids, None)
        current = {q.id: QuestionStatus(q.status) for q in rows.values()}
        changes = plan_moves(current, rows, ModerationAction.REFER)
        steps = _status_steps(changes)
        _place_in_queue(s, next(iter(rows.values())).session_id, steps)
        at = _now(now)
        effects: list[Effect] = []
        for step in steps:
            _update(s, step)
            q = rows[step.question_id]
            referral = Referral(
                question_id=q.id,
                session_id=q.session_id,
                unit_id=unit_id,
                category=category,
                summary=q.display_text,
                note=note,
                status=ReferralStatus.ACCEPTED,
                created_at=at,
                deadline=deadline,
            )
            s.add(referral)
            s.flush()
            step.extra.update(referral=referral.id, note=note)
            effects.append(ReferralCreated(referral.id))
        session_id = next(iter(rows.values())).session_id
        _audit(
            s,
            steps,
            action=str(ModerationAction.REFER),
            seat=seat,
            session_id=session_id,
            at=at,
            act=_new_act(),
        )
        return Undo(str(ModerationAction.REFER), changes, tuple(effects))

    return _retrying(db, work, attempts)


# -- clusters and blocks -----------------------------------------------------------------------
def merge_cluster(
    db: Database,
    question_ids: Sequence[int],
    seat: str,
    *,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo:
    """Merge the selected questions, and the clusters they are in, into one cluster (M).

    The merged cluster keeps the smallest cluster id of the selection, so the cluster most
    likely already on the desk stays; a selection without clusters gets a new id.

    Raises:
        MoveRefused: fewer than two questions, or they are one cluster already.
    """

    def work(s: OrmSession) -> Undo:
        rows = _questions(s, question_ids, None)
        if len(rows) < 2:
            raise MoveRefused(Refusal.MERGE_NEEDS_TWO)
        session_id = next(iter(rows.values())).session_id
        clusters = {q.cluster_id for q in rows.values() if q.cluster_id is not None}
        if clusters:
            target = min(clusters)
        else:
            highest = s.scalar(
                select(func.max(Question.cluster_id)).where(Question.session_id == session_id)
            )
            target = (highest or 0) + 1
        members = dict(rows)
        if clusters:
            for q in s.scalars(
                select(Question).where(
                    Question.session_id == session_id, Question.cluster_id.in_(clusters)
                )
            ):
                members.setdefault(q.id, q)
        moving = [q for q in members.values() if q.cluster_id != target]
        if not moving:
            raise MoveRefused(Refusal.ONE_CLUSTER_ALREADY)
        steps = [
            _Step(
                q.id,
                {"status": q.status, "cluster": q.cluster_id},
                {"status": q.status, "cluster": target},
            )
            for q in moving
        ]
        for step in steps:
            _update(s, step)
        _audit(
            s, steps, action=MERGE, seat=seat, session_id=session_id, at=_now(now), act=_new_act()
        )
        return Undo(
            MERGE,
            tuple(
                StatusChange(q.id, QuestionStatus(q.status), QuestionStatus(q.status))
                for q in moving
            ),
            tuple(ClusterChanged(q.id, q.cluster_id, target) for q in moving),
        )

    return _retrying(db, work, attempts)


def _blocks_covering(room_id: int, author_id: str, session_id: int) -> Any:
    return select(BlockedAuthor.id).where(
        BlockedAuthor.room_id == room_id,
        BlockedAuthor.author_id == author_id,
        or_(BlockedAuthor.session_id.is_(None), BlockedAuthor.session_id == session_id),
    )


def block_author(
    db: Database,
    question_id: int,
    *,
    for_good: bool,
    seat: str,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo:
    """Block the author of a question in its room, for its session or for good (B).

    The question is marked ``AUTHOR_BLOCKED`` and, if it is still waiting (new, flagged,
    queued), hidden; one on air, answered or referred keeps its status, since the moderator
    decided about it before. Their later comments arrive hidden (see :func:`is_blocked`).

    Raises:
        MoveRefused: the question has no author to block (typed in from the phone or WeChat),
            or the author is blocked already for this session.
    """

    def work(s: OrmSession) -> Undo:
        q = _questions(s, [question_id], None)[question_id]
        if q.room_id is None or not q.author_id:
            raise MoveRefused(Refusal.NO_ACCOUNT_TO_BLOCK)
        already = s.scalars(_blocks_covering(q.room_id, q.author_id, q.session_id)).first()
        existing_for_good = s.scalar(
            select(func.count())
            .select_from(BlockedAuthor)
            .where(
                BlockedAuthor.room_id == q.room_id,
                BlockedAuthor.author_id == q.author_id,
                BlockedAuthor.session_id.is_(None),
            )
        )
        if already is not None and (not for_good or existing_for_good):
            if not q.nickname:
                raise MoveRefused(Refusal.AUTHOR_ALREADY_BLOCKED)
            raise MoveRefused(Refusal.ALREADY_BLOCKED, name=q.nickname)
        at = _now(now)
        status = QuestionStatus(q.status)
        waiting = status in (QuestionStatus.NEW, QuestionStatus.FLAGGED, QuestionStatus.QUEUED)
        after_status = transition(status, ModerationAction.HIDE) if waiting else status
        flags = int(QuestionFlag(q.flags) | QuestionFlag.AUTHOR_BLOCKED)
        step = _Step(
            question_id,
            {"status": str(status), "flags": q.flags},
            {"status": str(after_status), "flags": flags},
        )
        _update(s, step)
        block = BlockedAuthor(
            room_id=q.room_id,
            author_id=q.author_id,
            nickname=q.nickname,
            session_id=None if for_good else q.session_id,
            created_at=at,
        )
        s.add(block)
        s.flush()
        step.extra.update(block=block.id, for_good=for_good)
        _audit(s, [step], action=BLOCK, seat=seat, session_id=q.session_id, at=at, act=_new_act())
        return Undo(
            BLOCK,
            (StatusChange(question_id, status, after_status),),
            (AuthorBlocked(block.id, question_id, step.before["flags"], flags),),
        )

    return _retrying(db, work, attempts)


def is_blocked(db: Database, *, room_id: int, author_id: str, session_id: int) -> bool:
    """Whether the author's comments in this room arrive hidden in this session."""
    with db.sessions() as s:
        return s.scalars(_blocks_covering(room_id, author_id, session_id)).first() is not None


def blocked_authors(db: Database, session_id: int) -> frozenset[tuple[int, str]]:
    """The (room id, author id) pairs blocked in a session, to check a whole batch at once."""
    with db.sessions() as s:
        rows = s.execute(
            select(BlockedAuthor.room_id, BlockedAuthor.author_id).where(
                or_(BlockedAuthor.session_id.is_(None), BlockedAuthor.session_id == session_id)
            )
        )
        return frozenset((room_id, author_id) for room_id, author_id in rows)


# -- undo --------------------------------------------------------------------------------------
def _last_act(s: OrmSession, session_id: int, seat: str) -> list[AuditEvent]:
    """The audit events of the seat's latest moderation act in the session not undone yet."""
    events = s.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.session_id == session_id,
            AuditEvent.action.like("question.%"),
            AuditEvent.seat == seat,
        )
        .order_by(AuditEvent.id)
    ).all()
    undone: set[str] = set()
    acts: dict[str, list[AuditEvent]] = {}
    for event in events:
        after = json.loads(event.after or "{}")
        if event.action == f"question.{UNDO}":
            undone.add(after.get("undoes", ""))
        elif "act" in after:
            acts.setdefault(after["act"], []).append(event)
    for act in reversed(acts):
        if act not in undone:
            return acts[act]
    return []


def _undo_record(events: Sequence[AuditEvent]) -> tuple[Undo, list[_Step]]:
    """The domain's undo record of an act, and the steps that revert it."""
    changes: list[StatusChange] = []
    effects: list[Effect] = []
    reverting: list[_Step] = []
    for event in events:
        question_id = int(event.subject.split(":", 1)[1])
        before = json.loads(event.before)
        after = json.loads(event.after)
        fields_after = {k: v for k, v in after.items() if k not in _ACT_KEYS}
        changes.append(
            StatusChange(
                question_id, QuestionStatus(before["status"]), QuestionStatus(after["status"])
            )
        )
        if "referral" in after:
            effects.append(ReferralCreated(after["referral"]))
        if "block" in after:
            effects.append(
                AuthorBlocked(after["block"], question_id, before["flags"], after["flags"])
            )
        elif "text" in before:
            effects.append(
                TextEdited(
                    question_id, before["text"], after["text"], before["flags"], after["flags"]
                )
            )
        if "cluster" in before:
            effects.append(ClusterChanged(question_id, before["cluster"], after["cluster"]))
        # A field the act set that had no value before (a queue place) goes back to None.
        restored = {**dict.fromkeys(fields_after.keys() - before.keys()), **before}
        reverting.append(_Step(question_id, fields_after, restored))
    action = events[0].action.removeprefix("question.")
    return Undo(action, tuple(changes), tuple(effects)), reverting


def undo_last(
    db: Database,
    session_id: int,
    seat: str,
    *,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo:
    """Revert this seat's latest moderation act in the session not undone yet (Ctrl+Z), and
    audit the undo.

    Only the seat's own acts: a moderator's Ctrl+Z never reverts what another desk (or the
    official's clicker) did a moment ago, which they could not even see coming. Repeated, it
    walks further back. Each reverted question gets a ``question.undo`` event whose ``after``
    names the act it undoes. A question another seat changed since is refused.

    Returns:
        The undo record of the act that was reverted.

    Raises:
        NothingToUndo: no act left.
        MoveRefused: a question changed since the act, or its referral is already being
            handled; nothing is written.
    """

    def work(s: OrmSession) -> Undo:
        events = _last_act(s, session_id, seat)
        if not events:
            raise NothingToUndo(Refusal.NOTHING_TO_UNDO)
        undo, steps = _undo_record(events)
        act = json.loads(events[0].after)["act"]
        rows = _questions(s, undo.question_ids, session_id)
        undo.reverting({q.id: QuestionStatus(q.status) for q in rows.values()})
        for effect in undo.effects:
            if isinstance(effect, ReferralCreated):
                referral = s.get(Referral, effect.referral_id)
                if referral is not None and referral.status != ReferralStatus.ACCEPTED:
                    status = ReferralStatus(referral.status)
                    raise MoveRefused(Refusal.REFERRAL_HANDLED, id=referral.id, status=status)
                s.execute(delete(Referral).where(Referral.id == effect.referral_id))
            elif isinstance(effect, AuthorBlocked):
                s.execute(delete(BlockedAuthor).where(BlockedAuthor.id == effect.block_id))
        for step in steps:
            try:
                _update(s, step)
            except _Stale:
                # The status matched but the text or cluster did not: changed since, refuse.
                raise MoveRefused(Refusal.TEXT_CHANGED_SINCE, id=step.question_id) from None
            step.extra["undoes"] = act
        _audit(
            s, steps, action=UNDO, seat=seat, session_id=session_id, at=_now(now), act=_new_act()
        )
        return undo

    return _retrying(db, work, attempts)


# -- export ------------------------------------------------------------------------------------
def export_audit(db: Database, session_id: int) -> list[dict[str, Any]]:
    """The session's audit trail in the order it was written, as ``AUDIT_FIELDS`` dicts.

    ``question`` is the question's id for moderation events ("" for others, e.g. the timer);
    ``before`` and ``after`` are as stored (JSON text) but for a staff ``note``, masked here
    (see :func:`_masked_notes`). Texts in them are display texts, already masked: the raw text
    never enters the audit.
    """
    with db.sessions() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.session_id == session_id).order_by(AuditEvent.id)
        ).all()
        return [
            {
                "id": e.id,
                "at": iso_text(e.at),
                "seat": e.seat,
                "action": e.action,
                "question": int(e.subject.split(":", 1)[1])
                if e.subject.startswith("question:")
                else "",
                "subject": e.subject,
                "before": _masked_notes(e.before),
                "after": _masked_notes(e.after),
            }
            for e in events
        ]


def _masked_notes(stored: str) -> str:
    """An audit event's JSON with its staff note masked (a refer or a moderation note, the note
    to the official): staff type phone numbers and addresses into notes too. The database keeps
    the note as written; screens and exports get it masked."""
    if '"note"' not in stored:
        return stored
    try:
        data = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(data, dict) or not isinstance(data.get("note"), str):
        return stored
    return _dump({**data, "note": mask_pii(data["note"]).text})
