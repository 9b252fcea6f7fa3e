"""Two seats acting on the same question at once: one move applies, the other is refused with
who moved first and when, and the audit holds one event; on SQLite and on PostgreSQL."""

import pytest
from sqlalchemy import select

from studio.domain.model import QuestionStatus, ReferralCategory
from studio.domain.question_lifecycle import ModerationAction, MoveRefused, Undo
from studio.domain.refusals import Refusal
from studio.store.models import AuditEvent, Question, Referral
from studio.store.moderation import moderate, refer
from studio.store.queue_order import queue_ids, reorder
from tests.helpers.seats import NOW, race

A = ModerationAction
S = QuestionStatus


def events(db, question_id, action):
    with db.sessions() as s:
        return list(
            s.scalars(
                select(AuditEvent).where(
                    AuditEvent.subject == f"question:{question_id}",
                    AuditEvent.action == f"question.{action}",
                )
            )
        )


def status(db, question_id):
    with db.sessions() as s:
        return s.get(Question, question_id).status


def one_won(results):
    """The winner's index and the loser's refusal."""
    won = [i for i, r in enumerate(results) if isinstance(r, Undo)]
    lost = [r for r in results if isinstance(r, MoveRefused)]
    assert len(won) == 1 and len(lost) == 1, results
    return won[0], lost[0]


def test_two_seats_answer_the_same_question_one_is_refused_with_the_winner(seats):
    names = ["李明", "王芳"]
    for question_id in seats.ids[:3]:
        results = race(
            *(
                lambda db=db, who=who, q=question_id: moderate(
                    db, [q], A.ANSWER, seat=who, session_id=seats.session_id, now=NOW
                )
                for db, who in ((seats.a, names[0]), (seats.b, names[1]))
            )
        )
        winner, refused = one_won(results)
        assert refused.code == Refusal.ALREADY_BY
        assert refused.arguments == {
            "status": S.ANSWERED,
            "who": names[winner],
            "time": "15:10",
        }
        assert str(refused) == f"already answered by {names[winner]} at 15:10"
        assert [e.seat for e in events(seats.a, question_id, "answer")] == [names[winner]]
        assert status(seats.b, question_id) == S.ANSWERED


def test_a_different_move_loses_to_the_first_and_says_what_it_became(seats):
    question_id = seats.ids[0]
    moderate(seats.a, [question_id], A.FLAG, seat="李明", session_id=seats.session_id, now=NOW)
    results = race(
        lambda: moderate(
            seats.a, [question_id], A.HIDE, seat="李明", session_id=seats.session_id, now=NOW
        ),
        lambda: moderate(
            seats.b, [question_id], A.UNFLAG, seat="王芳", session_id=seats.session_id, now=NOW
        ),
    )
    # Hide wins from flagged or from new; unflag only wins first, then hide follows it.
    if isinstance(results[1], MoveRefused):
        assert results[1].code == Refusal.MOVED_BY
        assert results[1].arguments["who"] == "李明"
        assert results[1].arguments["status"] == S.HIDDEN
        assert isinstance(results[0], Undo)
    else:
        assert all(isinstance(r, Undo) for r in results)
    assert status(seats.a, question_id) == S.HIDDEN
    assert len(events(seats.a, question_id, "hide")) == 1


def test_two_seats_refer_the_same_question_one_ticket(seats):
    question_id = seats.ids[1]

    def referring(db, who):
        return lambda: refer(
            db,
            [question_id],
            seats.unit_id,
            ReferralCategory.HELP,
            "低保",
            who,
            NOW.date(),
            now=NOW,
        )

    results = race(referring(seats.a, "李明"), referring(seats.b, "王芳"))
    winner, refused = one_won(results)
    assert refused.code == Refusal.ALREADY_BY
    assert refused.arguments["who"] == ["李明", "王芳"][winner]
    with seats.a.sessions() as s:
        assert len(s.scalars(select(Referral)).all()) == 1
    assert len(events(seats.a, question_id, "refer")) == 1


def test_a_selection_names_the_question_another_seat_moved(seats):
    first, second = seats.ids[2], seats.ids[3]
    moderate(seats.b, [second], A.ANSWER, seat="王芳", session_id=seats.session_id, now=NOW)
    with pytest.raises(MoveRefused) as refused:
        moderate(
            seats.a, [first, second], A.ANSWER, seat="李明", session_id=seats.session_id, now=NOW
        )
    assert str(refused.value) == f"question {second}: already answered by 王芳 at 15:10"
    assert status(seats.a, first) == S.NEW  # all or nothing


def test_a_status_no_act_set_is_refused_as_before(seats):
    with pytest.raises(MoveRefused) as refused:
        moderate(seats.a, [seats.ids[4]], A.UNFLAG, seat="李明", session_id=seats.session_id)
    assert (refused.value.code, refused.value.arguments) == (
        Refusal.CANNOT,
        {"action": A.UNFLAG, "status": S.NEW},
    )


def test_reorders_racing_on_two_seats_each_land_at_their_anchor(seats):
    a, b, c, d = seats.ids[:4]
    for question_id in (a, b, c, d):
        moderate(seats.a, [question_id], A.QUEUE, seat="李明", session_id=seats.session_id)
    results = race(
        lambda: reorder(seats.a, c, a, seat="李明", session_id=seats.session_id),
        lambda: reorder(seats.b, d, b, seat="王芳", session_id=seats.session_id),
    )
    assert all(isinstance(r, Undo) for r in results), results
    assert queue_ids(seats.b, seats.session_id) == [c, a, d, b]


def test_the_refusal_names_the_person_at_the_winning_seat(seats):
    """Seats with names (``--seat 李明``): the refusal names the person, not the desk's id."""
    from studio.domain.seats import Seat, SeatRole

    seats.a.seat = Seat("李明", SeatRole.MODERATOR)
    seats.b.seat = Seat("王芳", SeatRole.MODERATOR)
    question_id = seats.ids[2]
    moderate(
        seats.a,
        [question_id],
        A.ANSWER,
        seat="moderator@desk1",
        session_id=seats.session_id,
        now=NOW,
    )
    with pytest.raises(MoveRefused) as refused:
        moderate(
            seats.b,
            [question_id],
            A.ANSWER,
            seat="moderator@desk2",
            session_id=seats.session_id,
            now=NOW,
        )
    assert str(refused.value) == "already answered by 李明 at 15:10"
