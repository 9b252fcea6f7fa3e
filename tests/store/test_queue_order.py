"""The on-air queue's order in the database: queuing puts a question last, leaving the queue
clears its place, a reorder is audited and undone like any move, and moving past an end is
refused with a reason."""

import datetime as dt
import json

import pytest
from sqlalchemy import select

from studio.domain.model import QuestionStatus
from studio.domain.question_lifecycle import ModerationAction, MoveRefused
from studio.domain.queue_fit import answer_durations
from studio.store.models import AuditEvent, Question
from studio.store.moderation import moderate
from studio.store.queue_order import queue_ids, reorder, status_moves, step_on_air
from studio.store.repository import StudioRepository
from studio.store.undo import undo_last

A = ModerationAction
S = QuestionStatus
NOW = dt.datetime(2026, 11, 26, 15, 10)


@pytest.fixture
def queue(desk):
    """Four fresh questions of today's session, the first three queued in that order.

    Built on the store fixture's five fresh questions; the demo's own queue is emptied first
    so the order is only these.
    """
    db, session_id, ids, *_ = desk
    with db.transaction() as s:
        for q in s.scalars(select(Question).where(Question.status.in_([S.QUEUED, S.ON_AIR]))):
            q.status = S.FLAGGED
    for question_id in ids[:3]:
        moderate(db, [question_id], A.QUEUE, seat="desk", session_id=session_id, now=NOW)
    return db, session_id, ids[:4]


def places(db, ids):
    with db.sessions() as s:
        return [s.get(Question, i).queue_position for i in ids]


def test_queuing_puts_each_question_last(queue):
    db, session_id, ids = queue
    assert queue_ids(db, session_id) == ids[:3]
    assert places(db, ids) == [1, 2, 3, None]


def test_leaving_the_queue_clears_the_place_and_undo_restores_it(queue):
    db, session_id, ids = queue
    moderate(db, [ids[1]], A.UNQUEUE, seat="desk", session_id=session_id)
    assert places(db, ids[:3]) == [1, None, 3]
    assert queue_ids(db, session_id) == [ids[0], ids[2]]
    undo_last(db, session_id, "desk")
    assert queue_ids(db, session_id) == ids[:3]


def test_a_question_taken_off_air_goes_first(queue):
    db, session_id, ids = queue
    moderate(db, [ids[2]], A.PUT_ON_AIR, seat="desk", session_id=session_id)
    assert queue_ids(db, session_id) == ids[:2]
    moderate(db, [ids[1]], A.PUT_ON_AIR, seat="desk", session_id=session_id)
    assert queue_ids(db, session_id) == [ids[2], ids[0]]


def test_a_reorder_moves_renumbers_and_is_audited_in_one_act(queue):
    db, session_id, ids = queue
    undo = reorder(db, ids[2], ids[0], seat="desk", session_id=session_id, now=NOW)
    assert queue_ids(db, session_id) == [ids[2], ids[0], ids[1]]
    assert places(db, ids[:3]) == [2, 3, 1]
    assert undo.action == "reorder"
    assert sorted(undo.question_ids) == sorted(ids[:3])
    with db.sessions() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "question.reorder")).all()
    moves = {
        int(e.subject.split(":")[1]): (
            json.loads(e.before)["position"],
            json.loads(e.after)["position"],
        )
        for e in events
    }
    assert moves == {ids[0]: (1, 2), ids[1]: (2, 3), ids[2]: (3, 1)}
    assert len({json.loads(e.after)["act"] for e in events}) == 1
    assert {e.seat for e in events} == {"desk"}


def test_undo_reverts_a_reorder_exactly(queue):
    db, session_id, ids = queue
    reorder(db, ids[0], ids[1], after=True, seat="desk", session_id=session_id)
    assert queue_ids(db, session_id) == [ids[1], ids[0], ids[2]]
    undone = undo_last(db, session_id, "desk")
    assert undone.action == "reorder"
    assert queue_ids(db, session_id) == ids[:3]
    assert places(db, ids[:3]) == [1, 2, 3]


@pytest.mark.parametrize(
    ("which", "anchor", "after", "reason"),
    [
        (0, None, False, "already first"),
        (2, None, True, "already last"),
        (1, 2, False, "already at that place"),
        (1, 0, True, "already at that place"),
        (1, 1, False, "already at that place"),
        (3, 0, False, "not in the on-air queue"),
        (0, 3, False, "question .* has left the queue meanwhile"),
    ],
)
def test_moves_past_an_end_are_refused_and_write_nothing(queue, which, anchor, after, reason):
    db, session_id, ids = queue
    with db.sessions() as s:
        before = len(s.scalars(select(AuditEvent)).all())
    with pytest.raises(MoveRefused, match=reason):
        reorder(
            db,
            ids[which],
            None if anchor is None else ids[anchor],
            after=after,
            seat="desk",
            session_id=session_id,
        )
    with db.sessions() as s:
        assert len(s.scalars(select(AuditEvent)).all()) == before
    assert queue_ids(db, session_id) == ids[:3]


def test_a_reorder_after_a_concurrent_change_plans_again(queue):
    """Another desk queued a question meanwhile: the reorder sees it (one fresh read)."""
    db, session_id, ids = queue
    moderate(db, [ids[3]], A.QUEUE, seat="other desk", session_id=session_id)
    reorder(db, ids[3], ids[0], seat="desk", session_id=session_id)
    assert queue_ids(db, session_id) == [ids[3], *ids[:3]]


def test_a_reorder_is_anchored_to_the_question_not_to_the_place(queue):
    """The desk showed [a, b, c] and dropped c before b; meanwhile another seat queued d and
    moved it first ([d, a, b, c]). An index (1) would put c after d; the anchor puts it just
    before b, where the moderator dropped it."""
    db, session_id, (a, b, c, d) = queue
    moderate(db, [d], A.QUEUE, seat="other desk", session_id=session_id)
    reorder(db, d, a, seat="other desk", session_id=session_id)
    assert queue_ids(db, session_id) == [d, a, b, c]
    reorder(db, c, b, seat="desk", session_id=session_id)
    assert queue_ids(db, session_id) == [d, a, c, b]
    reorder(db, d, b, after=True, seat="desk", session_id=session_id)  # Alt+Down past b
    assert queue_ids(db, session_id) == [a, c, b, d]


def test_the_answer_times_come_from_the_audit(queue):
    db, session_id, ids = queue
    start = dt.datetime(2026, 11, 26, 15, 20)
    for n, question_id in enumerate(ids[:3]):
        on_air = start + dt.timedelta(minutes=10 * n)
        moderate(db, [question_id], A.PUT_ON_AIR, seat="desk", session_id=session_id, now=on_air)
        moderate(
            db,
            [question_id],
            A.ANSWER,
            seat="desk",
            session_id=session_id,
            now=on_air + dt.timedelta(seconds=60 * (n + 1)),
        )
    assert sorted(answer_durations(status_moves(db, session_id))) == [60.0, 120.0, 180.0]


def test_the_repository_reads_the_queue_in_order_with_the_one_on_air_first(queue):
    db, session_id, ids = queue
    moderate(db, [ids[1]], A.PUT_ON_AIR, seat="desk", session_id=session_id)
    reorder(db, ids[2], ids[0], seat="desk", session_id=session_id)
    records = StudioRepository(db).queue(session_id)
    assert [q.id for q in records] == [ids[1], ids[2], ids[0]]
    assert [q.queue_position for q in records] == [None, 1, 2]


def test_questions_queued_before_places_existed_wait_ahead_of_new_ones(queue):
    db, session_id, ids = queue
    with db.transaction() as s:
        s.get(Question, ids[1]).queue_position = None  # as left by the migration
    moderate(db, [ids[3]], A.QUEUE, seat="desk", session_id=session_id)
    assert queue_ids(db, session_id) == [ids[1], ids[0], ids[2], ids[3]]
    reorder(db, ids[3], ids[1], seat="desk", session_id=session_id)
    assert places(db, [ids[3], ids[1], ids[0], ids[2]]) == [1, 2, 3, 4]
    undo_last(db, session_id, "desk")
    assert places(db, ids) == [1, None, 3, 4]


def on_air(db, session_id):
    with db.sessions() as s:
        return s.scalars(
            select(Question.id).where(
                Question.session_id == session_id, Question.status == S.ON_AIR
            )
        ).all()


def test_the_clicker_steps_the_stored_on_air_question_round_the_queue(queue):
    """Next puts the first queued on air and the one on air last; previous undoes it."""
    db, session_id, (a, b, c, _d) = queue
    step_on_air(db, forward=True, seat="official@1", session_id=session_id)
    assert on_air(db, session_id) == [a] and queue_ids(db, session_id) == [b, c]
    step_on_air(db, forward=True, seat="official@1", session_id=session_id)
    assert on_air(db, session_id) == [b] and queue_ids(db, session_id) == [c, a]
    step_on_air(db, forward=False, seat="official@1", session_id=session_id)
    assert on_air(db, session_id) == [a] and queue_ids(db, session_id) == [b, c]
    with db.sessions() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(2)).all()
    assert {(e.action, e.seat) for e in last} == {
        ("question.put_on_air", "official@1"),
        ("question.take_off_air", "official@1"),
    }
    assert json.loads(last[0].after)["act"] == json.loads(last[1].after)["act"]  # one act


def test_the_clicker_is_refused_when_nothing_waits_in_the_queue(queue):
    db, session_id, ids = queue
    for question_id in ids[:3]:
        moderate(db, [question_id], A.ANSWER, seat="desk", session_id=session_id)
    with pytest.raises(MoveRefused, match="no question is waiting"):
        step_on_air(db, forward=True, seat="official@1", session_id=session_id)
