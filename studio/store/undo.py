"""Undo: revert a seat's latest audited act (Ctrl+Z), and audit the undo.

The audit is the undo history (see :mod:`studio.store.acts`): an act's events say what each
question held before and after, and what the act created (a referral, a block). Undo reverts
the latest act of the seat (the audit's ``seat``: one running desk, or the official's clicker)
in the session that no ``question.undo`` event names in its ``undoes``. Blocking.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import QuestionStatus, ReferralStatus
from studio.domain.question_lifecycle import (
    AskersJoined,
    AuthorBlocked,
    ClusterChanged,
    Effect,
    MoveRefused,
    ReferralCreated,
    StatusChange,
    TextEdited,
    Undo,
)
from studio.domain.refusals import Refusal, Refused
from studio.store.acts import (
    ACT_KEYS,
    Stale,
    Step,
    act_time,
    audit,
    new_act,
    read_questions,
    retrying,
    write_step,
)
from studio.store.database import Database
from studio.store.models import AuditEvent, BlockedAuthor, Referral
from studio.store.referrals import delete_ticket, leave_ticket

#: The audit action of an undo; its ``after`` names the act it undoes (``undoes``).
UNDO = "undo"


class NothingToUndo(MoveRefused):
    """The session has no moderation action left to undo."""


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


def _undo_record(events: Sequence[AuditEvent]) -> tuple[Undo, list[Step]]:
    """The domain's undo record of an act, and the steps that revert it."""
    changes: list[StatusChange] = []
    effects: list[Effect] = []
    reverting: list[Step] = []
    for event in events:
        question_id = int(event.subject.split(":", 1)[1])
        before = json.loads(event.before)
        after = json.loads(event.after)
        fields_after = {k: v for k, v in after.items() if k not in ACT_KEYS}
        changes.append(
            StatusChange(
                question_id, QuestionStatus(before["status"]), QuestionStatus(after["status"])
            )
        )
        if "referral" in after and ReferralCreated(after["referral"]) not in effects:
            effects.append(ReferralCreated(after["referral"]))  # once for a cluster's askers
        if "joined" in after:
            effects.append(AskersJoined(after["joined"], (question_id,)))
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
        reverting.append(Step(question_id, fields_after, restored))
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
            handled or had its contact revealed; nothing is written.
    """

    def work(s: OrmSession) -> Undo:
        events = _last_act(s, session_id, seat)
        if not events:
            raise NothingToUndo(Refusal.NOTHING_TO_UNDO)
        undo, steps = _undo_record(events)
        act = json.loads(events[0].after)["act"]
        rows = read_questions(s, undo.question_ids, session_id)
        undo.reverting({q.id: QuestionStatus(q.status) for q in rows.values()})
        for effect in undo.effects:
            if isinstance(effect, ReferralCreated):
                referral = s.get(Referral, effect.referral_id)
                if referral is not None and referral.status != ReferralStatus.ACCEPTED:
                    status = ReferralStatus(referral.status)
                    raise MoveRefused(Refusal.REFERRAL_HANDLED, id=referral.id, status=status)
                try:
                    delete_ticket(s, effect.referral_id)
                except Refused as kept:  # its contact was revealed: the audit names it
                    raise MoveRefused(kept.code, **kept.arguments) from None
            elif isinstance(effect, AskersJoined):
                leave_ticket(s, effect.referral_id, effect.question_ids)
            elif isinstance(effect, AuthorBlocked):
                s.execute(delete(BlockedAuthor).where(BlockedAuthor.id == effect.block_id))
        for step in steps:
            try:
                write_step(s, step)
            except Stale:
                # The status matched but the text or cluster did not: changed since, refuse.
                raise MoveRefused(Refusal.TEXT_CHANGED_SINCE, id=step.question_id) from None
            step.extra["undoes"] = act
        audit(
            s,
            steps,
            action=UNDO,
            seat=seat,
            session_id=session_id,
            at=act_time(now, s),
            act=new_act(),
        )
        return undo

    return retrying(db, work, attempts)
