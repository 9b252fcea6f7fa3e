"""The desk's moves on questions: status moves, an edit, a referral, a merge.

Every function here is blocking (services call them from a worker thread) and is one audited
act (see :mod:`studio.store.acts`): it reads the questions, plans the move with
:mod:`studio.domain.question_lifecycle`, and writes the change and one audit event per question
in one transaction, or nothing. Blocks are in :mod:`studio.store.blocks`, moves within the
on-air queue in :mod:`studio.store.queue_order`, Ctrl+Z in :mod:`studio.store.undo`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import QuestionFlag, QuestionStatus, ReferralCategory, ReferralStatus
from studio.domain.question_lifecycle import (
    AskersJoined,
    ClusterChanged,
    Effect,
    ModerationAction,
    MoveRefused,
    ReferralCreated,
    StatusChange,
    TextEdited,
    Undo,
    plan_moves,
    transition,
)
from studio.domain.referral_deadlines import DeadlineRules, referral_deadline
from studio.domain.refusals import Refusal
from studio.domain.text.pii import mask_pii
from studio.store.acts import (
    Step,
    act_time,
    apply_move,
    audit,
    naming_mover,
    new_act,
    place_in_queue,
    read_questions,
    retrying,
    status_steps,
    write_step,
)
from studio.store.database import Database
from studio.store.models import Question, Referral, ReferralAsker, Unit
from studio.store.referrals import join_ticket, load_rules, open_ticket

#: The audit action of a merge, besides ``question.<ModerationAction>``.
MERGE = "merge"


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
        rows = read_questions(s, question_ids, session_id)
        return apply_move(
            s, rows, action, seat=seat, session_id=session_id, at=act_time(now, s), note=note
        )

    return retrying(db, work, attempts)


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
        q = read_questions(s, [question_id], None)[question_id]
        status = QuestionStatus(q.status)
        after_status = transition(status, ModerationAction.APPROVE_EDIT)
        flags = QuestionFlag(q.flags) | QuestionFlag.EDITED
        if masked.found:
            flags |= QuestionFlag.PII
        step = Step(
            question_id,
            {"status": str(status), "text": q.display_text, "flags": q.flags},
            {"status": str(after_status), "text": masked.text, "flags": int(flags)},
        )
        write_step(s, step)
        audit(
            s,
            [step],
            action=str(ModerationAction.APPROVE_EDIT),
            seat=seat,
            session_id=q.session_id,
            at=act_time(now, s),
            act=new_act(),
        )
        return Undo(
            str(ModerationAction.APPROVE_EDIT),
            (StatusChange(question_id, status, after_status),),
            (TextEdited(question_id, q.display_text, masked.text, q.flags, int(flags)),),
        )

    return retrying(db, work, attempts)


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
    rules: DeadlineRules | None = None,
    contact: str = "",
    **deadline_days: int,
) -> Undo:
    """Refer the selected questions to a unit (R): one ticket per question cluster, due in
    working days.

    A question in a cluster brings its cluster: the cluster's other questions still waiting
    (new, flagged or queued) are referred with it, and the ticket lists every one of them as an
    asker, so a question many viewers asked makes one ticket, not many. A question in no
    cluster gets a ticket of its own. ``rules`` (default: the stored rules) sets the working
    days; ``deadline_days`` may still override a category (``enquiry_days=1``, see
    :func:`studio.domain.referral_deadlines.referral_deadline`). ``contact`` is what the
    viewer left to be reached by (kept as written, shown masked).

    Raises:
        MoveRefused: no such unit, a retired unit, or a question can't be referred in its
            status; nothing is written.
    """

    def work(s: OrmSession) -> Undo:
        unit = s.get(Unit, unit_id)
        if unit is None or unit.retired:
            raise MoveRefused(Refusal.NO_UNIT_TO_REFER, id=unit_id)
        deadline = referral_deadline(
            category, accepted_on, rules=rules or load_rules(s), **deadline_days
        )
        rows = read_questions(s, question_ids, None)
        session_id = next(iter(rows.values())).session_id
        clusters = _clusters(s, session_id, rows)
        moving = {q.id: q for group in clusters for q in group}
        current = {q.id: QuestionStatus(q.status) for q in moving.values()}
        try:
            changes = plan_moves(current, moving, ModerationAction.REFER)
        except MoveRefused as refused:
            raise naming_mover(s, refused, list(rows), current) from None
        steps = {step.question_id: step for step in status_steps(changes)}
        place_in_queue(s, session_id, list(steps.values()))
        at = act_time(now, s)
        effects: list[Effect] = []
        for group in clusters:
            joined = _open_ticket_of_cluster(s, session_id, group)
            if joined is not None:
                # The cluster has a ticket already: later askers join it, one ticket per cluster.
                ids = join_ticket(s, joined, group, seat=seat, at=at, note=note)
                for q in group:
                    steps[q.id].extra.update(joined=joined.id, note=note)
                effects.append(AskersJoined(joined.id, tuple(ids)))
                continue
            referral = open_ticket(
                s,
                group,
                unit_id=unit_id,
                category=category,
                note=note,
                deadline=deadline,
                seat=seat,
                at=at,
                contact=contact,
            )
            for q in group:
                steps[q.id].extra.update(referral=referral.id, note=note)
            effects.append(ReferralCreated(referral.id))
        for step in steps.values():
            write_step(s, step)
        audit(
            s,
            list(steps.values()),
            action=str(ModerationAction.REFER),
            seat=seat,
            session_id=session_id,
            at=at,
            act=new_act(),
        )
        return Undo(str(ModerationAction.REFER), changes, tuple(effects))

    return retrying(db, work, attempts)


def _open_ticket_of_cluster(
    s: OrmSession, session_id: int, group: Sequence[Question]
) -> Referral | None:
    """The ticket (not closed) a question of the group's cluster is already on, if any."""
    cluster_id = group[0].cluster_id
    if not cluster_id:
        return None
    query = (
        select(Referral)
        .join(ReferralAsker, ReferralAsker.referral_id == Referral.id)
        .join(Question, Question.id == ReferralAsker.question_id)
        .where(
            Question.session_id == session_id,
            Question.cluster_id == cluster_id,
            Referral.status != ReferralStatus.CLOSED,
        )
        .order_by(Referral.id.desc())
        .limit(1)
    )
    return s.scalars(query).first()


#: The statuses in which a cluster's other questions join a referral of one of them.
_JOINING = (QuestionStatus.NEW, QuestionStatus.FLAGGED, QuestionStatus.QUEUED)


def _clusters(
    s: OrmSession, session_id: int, selected: dict[int, Question]
) -> list[list[Question]]:
    """The selection grouped by cluster, each group with the cluster's waiting questions (the
    selected ones first, in selection order); a question in no cluster is a group alone."""
    groups: dict[object, list[Question]] = {}
    for q in selected.values():
        groups.setdefault(("cluster", q.cluster_id) if q.cluster_id else ("q", q.id), []).append(q)
    cluster_ids = {q.cluster_id for q in selected.values() if q.cluster_id}
    if cluster_ids:
        mates = s.scalars(
            select(Question)
            .where(
                Question.session_id == session_id,
                Question.cluster_id.in_(cluster_ids),
                Question.status.in_(_JOINING),
                Question.id.not_in(list(selected)),
            )
            .order_by(Question.received_at, Question.id)
        )
        for q in mates:
            groups[("cluster", q.cluster_id)].append(q)
    return list(groups.values())


# -- clusters ---------------------------------------------------------------------------------------------
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
        rows = read_questions(s, question_ids, None)
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
            Step(
                q.id,
                {"status": q.status, "cluster": q.cluster_id},
                {"status": q.status, "cluster": target},
            )
            for q in moving
        ]
        for step in steps:
            write_step(s, step)
        audit(
            s,
            steps,
            action=MERGE,
            seat=seat,
            session_id=session_id,
            at=act_time(now, s),
            act=new_act(),
        )
        return Undo(
            MERGE,
            tuple(
                StatusChange(q.id, QuestionStatus(q.status), QuestionStatus(q.status))
                for q in moving
            ),
            tuple(ClusterChanged(q.id, q.cluster_id, target) for q in moving),
        )

    return retrying(db, work, attempts)
