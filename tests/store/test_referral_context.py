"""A ticket's question in its feed: the comments around it, masked, in order, its session."""

import datetime as dt

import pytest
from sqlalchemy import select

from studio.domain.model import QuestionFlag, QuestionStatus, ReferralCategory
from studio.domain.referral_lifecycle import ReferralRefused
from studio.domain.refusals import Refusal
from studio.store.models import Question, Referral
from studio.store.moderation import refer
from studio.store.referral_context import comments_around, ticket_context
from tests.conftest import DEMO_DAY

T0 = dt.datetime(2026, 11, 26, 7, 20)  # 15:20 in the studio


@pytest.fixture
def feed(demo_db):
    """Nine comments a minute apart in a session of their own's feed (the fifth hidden), and
    one of another session at the same time: (db, ids)."""
    with demo_db.transaction() as s:
        session_id, other_session = s.scalars(
            select(Question.session_id).distinct().order_by(Question.session_id)
        ).all()[-2:]
        room_id = s.scalars(select(Question.room_id).where(Question.room_id.is_not(None))).first()
        rows = [
            Question(
                session_id=session_id,
                room_id=room_id,
                platform_msg_id=f"around-{n}",
                author_id=f"v{n}",
                nickname=f"邻居{n}",
                raw_text=f"评论{n} 13812345678",
                display_text=f"评论{n} 138****5678",
                received_at=T0 + dt.timedelta(minutes=n),
                status=QuestionStatus.HIDDEN if n == 5 else QuestionStatus.NEW,
                flags=int(QuestionFlag.IS_QUESTION),
            )
            for n in range(9)
        ]
        rows.append(
            Question(
                session_id=other_session,
                room_id=room_id,
                platform_msg_id="around-other",
                nickname="别的场次",
                raw_text="别的",
                display_text="别的",
                received_at=T0 + dt.timedelta(minutes=4, seconds=30),
            )
        )
        s.add_all(rows)
        s.flush()
        ids = [q.id for q in rows]
    return demo_db, ids


def test_three_before_and_three_after_in_feed_order_masked(feed):
    db, ids = feed
    lines = comments_around(db, ids[4])
    # the hidden fifth comment and the other session's are left out
    assert [line.question_id for line in lines] == [
        ids[1],
        ids[2],
        ids[3],
        ids[4],
        ids[6],
        ids[7],
        ids[8],
    ]
    assert [line.nickname for line in lines][:4] == ["邻居1", "邻居2", "邻居3", "邻居4"]
    assert all("13812345678" not in line.text and "138****5678" in line.text for line in lines)
    assert lines[3].received_at == T0 + dt.timedelta(minutes=4)
    assert lines[3].room_name  # the live room's account


def test_at_the_ends_of_the_feed_fewer_are_given(feed):
    db, ids = feed
    around = comments_around(db, ids[8], before=2, after=3)
    assert [line.question_id for line in around] == [ids[6], ids[7], ids[8]]
    assert [line.question_id for line in comments_around(db, ids[0], before=0, after=1)] == [
        ids[0],
        ids[1],
    ]


def test_an_unknown_question_is_refused(feed):
    db, _ = feed
    with pytest.raises(ReferralRefused) as refused:
        comments_around(db, 10**9)
    assert refused.value.code == Refusal.NO_QUESTION


def test_a_ticket_s_context_names_its_question_session_and_feed(feed):
    db, ids = feed
    with db.sessions() as s:
        unit_id = s.scalars(select(Referral.unit_id)).first()
    refer(db, [ids[2]], unit_id, ReferralCategory.ENQUIRY, "", "test", DEMO_DAY)
    with db.sessions() as s:
        ticket_id = s.scalar(select(Referral.id).where(Referral.question_id == ids[2]))
    context = ticket_context(db, ticket_id, before=1, after=1)
    assert context.question is not None and context.question.question_id == ids[2]
    assert context.question.text == "评论2 138****5678"
    assert context.session is not None and context.session.id == _session_of(db, ids[2])
    assert [line.question_id for line in context.around] == [ids[1], ids[2], ids[3]]
    with pytest.raises(ReferralRefused):
        ticket_context(db, 10**9)


def _session_of(db, question_id):
    with db.sessions() as s:
        return s.get(Question, question_id).session_id
