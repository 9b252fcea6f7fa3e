"""Moderation in the database: each move and its audit in one transaction, refusals write
nothing, every action undoes exactly, referrals are due in working days, blocks have a scope."""

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from studio.domain.model import QuestionFlag, QuestionStatus, ReferralCategory, ReferralStatus
from studio.domain.question_lifecycle import ModerationAction, MoveRefused
from studio.store import acts
from studio.store.audit_export import AUDIT_FIELDS, export_audit
from studio.store.blocks import block_author, blocked_authors, is_blocked, room_ids
from studio.store.models import AuditEvent, BlockedAuthor, Question, Referral, Room, Session
from studio.store.moderation import edit_and_approve, merge_cluster, moderate, refer
from studio.store.undo import NothingToUndo, undo_last
from tests.conftest import DEMO_DAY

A = ModerationAction
S = QuestionStatus
NOW = dt.datetime(2026, 11, 26, 15, 10)


def statuses(db, ids):
    with db.sessions() as s:
        return [s.get(Question, i).status for i in ids]


def question(db, question_id):
    with db.sessions() as s:
        return s.get(Question, question_id)


def audit_count(db):
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def snapshot(db):
    """Everything moderation may touch, to compare before and after an undo."""
    with db.sessions() as s:
        return (
            [
                (q.id, q.status, q.display_text, q.flags, q.cluster_id)
                for q in s.scalars(select(Question).order_by(Question.id))
            ],
            s.scalar(select(func.count()).select_from(Referral)),
            s.scalar(select(func.count()).select_from(BlockedAuthor)),
        )


def test_a_move_and_one_audit_event_per_question_are_written_together(desk):
    db, session_id, ids, *_ = desk
    moderate(db, ids[:3], A.FLAG, seat="moderator", session_id=session_id, now=NOW)
    assert statuses(db, ids[:4]) == [S.FLAGGED, S.FLAGGED, S.FLAGGED, S.NEW]
    rows = [r for r in export_audit(db, session_id) if r["action"] == "question.flag"]
    assert [r["question"] for r in rows] == ids[:3]
    assert {r["seat"] for r in rows} == {"moderator"}
    assert json.loads(rows[0]["before"]) == {"status": "new"}
    after = json.loads(rows[0]["after"])
    assert after["status"] == "flagged"
    assert len({json.loads(r["after"])["act"] for r in rows}) == 1  # one act


def test_a_refused_move_writes_nothing(desk):
    db, session_id, ids, *_ = desk
    moderate(db, [ids[1]], A.HIDE, seat="m", session_id=session_id)
    before = (snapshot(db), audit_count(db))
    with pytest.raises(MoveRefused, match=f"question {ids[1]}: already hidden by m at "):
        moderate(db, [ids[0], ids[1]], A.HIDE, seat="m", session_id=session_id)
    assert (snapshot(db), audit_count(db)) == before


def test_a_question_of_another_session_is_refused(desk):
    db, session_id, ids, *_ = desk
    with pytest.raises(MoveRefused, match="not in this session"):
        moderate(db, ids[:1], A.FLAG, seat="m", session_id=session_id + 1000)


def test_putting_on_air_sends_the_previous_back_to_the_queue_in_the_same_act(desk):
    db, session_id, ids, *_ = desk
    moderate(db, ids[:1], A.PUT_ON_AIR, seat="m", session_id=session_id)
    moderate(db, ids[1:2], A.PUT_ON_AIR, seat="m", session_id=session_id)
    assert statuses(db, ids[:2]) == [S.QUEUED, S.ON_AIR]
    undo_last(db, session_id, "m")
    assert statuses(db, ids[:2]) == [S.ON_AIR, S.NEW]


@pytest.mark.parametrize(
    ("setup", "action"),
    [
        ([], A.FLAG),
        ([A.FLAG], A.UNFLAG),
        ([], A.QUEUE),
        ([A.QUEUE], A.UNQUEUE),
        ([A.QUEUE], A.PUT_ON_AIR),
        ([A.PUT_ON_AIR], A.TAKE_OFF_AIR),
        ([A.PUT_ON_AIR], A.ANSWER),
        ([], A.ANSWER),
        ([A.QUEUE], A.HIDE),
        ([A.HIDE], A.UNHIDE),
    ],
)
def test_undo_of_each_status_move_restores_it_exactly(desk, setup, action):
    db, session_id, ids, *_ = desk
    for step in setup:
        moderate(db, ids[:1], step, seat="m", session_id=session_id)
    before = snapshot(db)
    moderate(db, ids[:1], action, seat="m", session_id=session_id)
    assert snapshot(db) != before
    undone = undo_last(db, session_id, "m")
    assert undone.action == str(action)
    assert snapshot(db) == before
    undo_events = [r for r in export_audit(db, session_id) if r["action"] == "question.undo"]
    assert undo_events[-1]["seat"] == "m"


def test_undo_walks_back_and_then_has_nothing_left(desk):
    db, session_id, ids, *_ = desk
    start = snapshot(db)
    moderate(db, ids[:2], A.FLAG, seat="m", session_id=session_id)
    moderate(db, ids[:2], A.QUEUE, seat="m", session_id=session_id)
    undo_last(db, session_id, "m")
    assert statuses(db, ids[:2]) == [S.FLAGGED, S.FLAGGED]
    undo_last(db, session_id, "m")
    assert snapshot(db) == start
    with pytest.raises(NothingToUndo):
        undo_last(db, session_id, "m")


def test_undo_reverts_only_the_seat_s_own_acts(desk):
    """Two desks on one database: B's Ctrl+Z reverts B's flag, never A's later move."""
    db, session_id, ids, *_ = desk
    moderate(db, ids[1:2], A.FLAG, seat="desk-b", session_id=session_id)
    moderate(db, ids[:1], A.FLAG, seat="desk-a", session_id=session_id)
    undone = undo_last(db, session_id, "desk-b")
    assert undone.question_ids == (ids[1],)
    assert statuses(db, ids[:2]) == [S.FLAGGED, S.NEW]
    with pytest.raises(NothingToUndo):
        undo_last(db, session_id, "desk-b")
    undo_last(db, session_id, "desk-a")
    assert statuses(db, ids[:2]) == [S.NEW, S.NEW]


def test_undo_refuses_when_the_question_moved_since(desk):
    db, session_id, ids, *_ = desk
    moderate(db, ids[:1], A.FLAG, seat="m", session_id=session_id)
    with db.transaction() as s:  # another desk's change that skipped the audit
        s.get(Question, ids[0]).status = S.QUEUED
    count = audit_count(db)
    with pytest.raises(MoveRefused, match="changed since"):
        undo_last(db, session_id, "m")
    assert audit_count(db) == count


# -- refer ---------------------------------------------------------------------------------------
def test_refer_creates_tickets_due_in_working_days_across_national_day(desk):
    db, session_id, ids, _room, unit_id = desk
    accepted = dt.date(2026, 9, 30)
    refer(db, ids[:2], unit_id, ReferralCategory.ENQUIRY, "请核实", "m", accepted, now=NOW)
    refer(db, ids[2:3], unit_id, ReferralCategory.COMPLAINT, "", "m", accepted, now=NOW)
    with db.sessions() as s:
        tickets = s.scalars(select(Referral).where(Referral.question_id.in_(ids))).all()
        due = {t.question_id: t.deadline for t in tickets}
        assert due == {
            ids[0]: dt.date(2026, 10, 10),  # Saturday 10-10 is a make-up working day
            ids[1]: dt.date(2026, 10, 10),
            ids[2]: dt.date(2026, 10, 23),
        }
        assert {t.summary for t in tickets} >= {"问题0？"}
        assert all(t.status == ReferralStatus.ACCEPTED for t in tickets)
    assert statuses(db, ids[:3]) == [S.REFERRED] * 3
    after = json.loads(
        next(r for r in export_audit(db, session_id) if r["action"] == "question.refer")["after"]
    )
    assert after["note"] == "请核实" and after["referral"]


def test_undo_of_refer_removes_the_tickets(desk):
    db, session_id, ids, _room, unit_id = desk
    before = snapshot(db)
    refer(db, ids[:2], unit_id, ReferralCategory.HELP, "", "m", DEMO_DAY)
    undo = undo_last(db, session_id, "m")
    assert len(undo.effects) == 2
    assert snapshot(db) == before


def test_undo_of_refer_is_refused_once_the_ticket_is_dispatched(desk):
    db, session_id, ids, _room, unit_id = desk
    refer(db, ids[:1], unit_id, ReferralCategory.ENQUIRY, "", "m", DEMO_DAY)
    with db.transaction() as s:
        s.scalars(
            select(Referral).where(Referral.question_id == ids[0])
        ).one().status = ReferralStatus.DISPATCHED
    with pytest.raises(MoveRefused, match="dispatched"):
        undo_last(db, session_id, "m")
    assert statuses(db, ids[:1]) == [S.REFERRED]


def test_refer_to_no_unit_is_refused(desk):
    db, _session_id, ids, *_ = desk
    with pytest.raises(MoveRefused, match="no unit"):
        refer(db, ids[:1], 99999, ReferralCategory.ENQUIRY, "", "m", DEMO_DAY)
    assert statuses(db, ids[:1]) == [S.NEW]


# -- edit ----------------------------------------------------------------------------------------
def test_edit_masks_the_new_text_and_keeps_the_original_in_the_audit(desk):
    db, session_id, ids, *_ = desk
    edit_and_approve(db, ids[0], "  请回电 13812341234 关于供暖  ", "m", now=NOW)
    q = question(db, ids[0])
    assert q.display_text == "请回电 138****1234 关于供暖"
    assert q.status == S.FLAGGED
    assert QuestionFlag(q.flags) & QuestionFlag.EDITED and QuestionFlag(q.flags) & QuestionFlag.PII
    event = next(r for r in export_audit(db, session_id) if r["action"] == "question.approve_edit")
    assert json.loads(event["before"])["text"] == "问题0？"
    assert "13812341234" not in event["after"]


def test_undo_of_an_edit_restores_text_and_flags(desk):
    db, session_id, ids, *_ = desk
    before = snapshot(db)
    edit_and_approve(db, ids[0], "改写后的问题", "m")
    undo_last(db, session_id, "m")
    assert snapshot(db) == before


def test_an_empty_edit_or_an_answered_question_is_refused(desk):
    db, session_id, ids, *_ = desk
    with pytest.raises(MoveRefused, match="empty"):
        edit_and_approve(db, ids[0], "   ", "m")
    moderate(db, ids[:1], A.ANSWER, seat="m", session_id=session_id)
    with pytest.raises(MoveRefused, match="on record"):
        edit_and_approve(db, ids[0], "新文本", "m")


# -- merge ---------------------------------------------------------------------------------------
def test_merge_joins_the_clusters_of_the_selection_and_undoes(desk):
    db, session_id, ids, *_ = desk
    with db.transaction() as s:
        for question_id, cluster in zip(ids, (501, 501, 502, None, 503), strict=True):
            s.get(Question, question_id).cluster_id = cluster
    before = snapshot(db)
    merge_cluster(db, [ids[0], ids[2], ids[3]], "m")
    clusters = [question(db, i).cluster_id for i in ids]
    assert clusters == [501, 501, 501, 501, 503]  # ids[1] came along with its cluster
    undo_last(db, session_id, "m")
    assert snapshot(db) == before


def test_merge_needs_two_questions_not_yet_one_cluster(desk):
    db, _session_id, ids, *_ = desk
    with pytest.raises(MoveRefused, match="at least two"):
        merge_cluster(db, ids[:1], "m")
    merge_cluster(db, ids[:2], "m")
    with pytest.raises(MoveRefused, match="one cluster already"):
        merge_cluster(db, ids[:2], "m")


# -- block ---------------------------------------------------------------------------------------
def test_block_for_the_session_hides_the_question_and_ends_with_the_session(desk):
    db, session_id, ids, room_id, _unit = desk
    block_author(db, ids[0], for_good=False, seat="m")
    q = question(db, ids[0])
    assert q.status == S.HIDDEN and QuestionFlag(q.flags) & QuestionFlag.AUTHOR_BLOCKED
    assert is_blocked(db, room_id=room_id, author_id="viewer0", session_id=session_id)
    assert not is_blocked(db, room_id=room_id, author_id="viewer0", session_id=session_id + 1)
    assert not is_blocked(db, room_id=room_id, author_id="viewer1", session_id=session_id)
    assert blocked_authors(db, session_id) == {(room_id, "viewer0")}
    with pytest.raises(MoveRefused, match="already blocked"):
        block_author(db, ids[0], for_good=False, seat="m")


def test_block_for_good_holds_in_every_session(desk):
    db, session_id, ids, room_id, _unit = desk
    block_author(db, ids[1], for_good=False, seat="m")
    block_author(db, ids[1], for_good=True, seat="m")  # upgrading a session block is allowed
    with db.sessions() as s:
        later = s.scalars(select(Session.id).where(Session.id != session_id)).first()
    assert is_blocked(db, room_id=room_id, author_id="viewer1", session_id=later)
    assert blocked_authors(db, later) == {(room_id, "viewer1")}
    with pytest.raises(MoveRefused, match="already blocked"):
        block_author(db, ids[1], for_good=True, seat="m")


def test_blocking_keeps_an_answered_question_and_undo_lifts_the_block(desk):
    db, session_id, ids, room_id, _unit = desk
    moderate(db, ids[:1], A.ANSWER, seat="m", session_id=session_id)
    before = snapshot(db)
    block_author(db, ids[0], for_good=True, seat="m")
    assert question(db, ids[0]).status == S.ANSWERED
    undo_last(db, session_id, "m")
    assert snapshot(db) == before
    assert not is_blocked(db, room_id=room_id, author_id="viewer0", session_id=session_id)


def test_the_feed_finds_a_blocked_author_s_room_by_platform_and_identity(desk):
    db, session_id, ids, room_id, _unit = desk
    block_author(db, ids[2], for_good=False, seat="m")
    with db.sessions() as s:
        room = s.get(Room, room_id)
        key = (str(room.platform), room.identity)
    assert room_ids(db)[key] == room_id
    assert (room_ids(db)[key], "viewer2") in blocked_authors(db, session_id)


def test_a_question_without_a_viewer_account_cannot_be_blocked(desk):
    db, _session_id, ids, *_ = desk
    with db.transaction() as s:
        s.get(Question, ids[0]).room_id = None
    with pytest.raises(MoveRefused, match="no viewer account"):
        block_author(db, ids[0], for_good=False, seat="m")


def test_refer_and_edit_go_through_their_own_functions(desk):
    db, session_id, ids, *_ = desk
    with pytest.raises(ValueError):
        moderate(db, ids[:1], A.REFER, seat="m", session_id=session_id)


def test_the_export_lists_the_session_s_events_oldest_first(desk):
    db, session_id, ids, *_ = desk
    moderate(db, ids[:1], A.FLAG, seat="m", session_id=session_id, now=NOW)
    rows = export_audit(db, session_id)
    assert tuple(rows[-1]) == AUDIT_FIELDS
    assert rows[-1]["subject"] == f"question:{ids[0]}"
    assert rows[-1]["at"] == "2026-11-26T23:10:00+08:00"  # NOW is stored UTC; shown in Beijing


# -- two desks at once -----------------------------------------------------------------------------
# On PostgreSQL the questions are read under a row lock, so no other desk can write between the
# read and the write (it waits, in this one thread for ever): the interleaving below is SQLite's;
# tests/store/test_concurrent_moves.py races two seats on both databases.
@pytest.mark.sqlite_only
def test_a_move_planned_on_a_stale_read_is_planned_again(desk, monkeypatch):
    db, session_id, ids, *_ = desk
    real_update = acts.write_step
    raced = []

    def other_desk_first(s, step):
        if not raced:  # between our read and our write, another desk flags the question
            raced.append(True)
            with db.transaction() as other:
                other.get(Question, ids[0]).status = S.FLAGGED
        real_update(s, step)

    monkeypatch.setattr(acts, "write_step", other_desk_first)
    undo = moderate(db, ids[:1], A.QUEUE, seat="m", session_id=session_id)
    assert undo.changes[0].before == S.FLAGGED  # planned again from what the other desk left
    assert statuses(db, ids[:1]) == [S.QUEUED]
    queued = [r for r in export_audit(db, session_id) if r["action"] == "question.queue"]
    assert len(queued) == 1 and json.loads(queued[0]["before"]) == {"status": "flagged"}


def test_a_desk_that_always_loses_gives_up_and_writes_nothing(desk, monkeypatch):
    db, session_id, ids, *_ = desk

    def always_stale(s, step):
        raise acts.Stale

    monkeypatch.setattr(acts, "write_step", always_stale)
    count = audit_count(db)
    with pytest.raises(acts.ModerationConflict):
        moderate(db, ids[:1], A.FLAG, seat="m", session_id=session_id, attempts=2)
    assert audit_count(db) == count
