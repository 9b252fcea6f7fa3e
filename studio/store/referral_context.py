"""Where a referral ticket's question came from: the question as asked and the feed around it.

Blocking (SQL): services call these from a worker thread. Every text and nickname handed out
is the masked one the desk shows (``display_text``, ``nickname``), never the raw one.
"""

from __future__ import annotations

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import Platform, QuestionStatus, RoomRole
from studio.domain.records import FeedLineRecord, TicketContextRecord
from studio.domain.referral_lifecycle import ReferralRefused
from studio.domain.refusals import Refusal
from studio.store.database import Database
from studio.store.models import Question, Referral, Room, Session
from studio.store.repository import _sessions_query, session_record

_LINE = (
    Question.id,
    Question.received_at,
    Question.nickname,
    Question.display_text,
    Room.platform,
    Room.role,
    Room.account_name,
)


def _line(row: tuple) -> FeedLineRecord:  # type: ignore[type-arg]
    question_id, received_at, nickname, text, platform, role, account = row
    return FeedLineRecord(
        question_id=question_id,
        received_at=received_at,
        nickname=nickname,
        text=text,
        platform=Platform(platform) if platform else None,
        room_role=RoomRole(role) if role else None,
        room_name=account or "",
    )


def _around(s: OrmSession, question: Question, before: int, after: int) -> list[FeedLineRecord]:
    shown = (Question.session_id == question.session_id) & (
        Question.status != QuestionStatus.HIDDEN
    )
    base = select(*_LINE).outerjoin(Room, Room.id == Question.room_id).where(shown)
    at, qid = question.received_at, question.id
    earlier = or_(Question.received_at < at, and_(Question.received_at == at, Question.id < qid))
    later = or_(Question.received_at > at, and_(Question.received_at == at, Question.id > qid))
    first = (
        s.execute(
            base.where(earlier)
            .order_by(Question.received_at.desc(), Question.id.desc())
            .limit(max(before, 0))
        ).all()
        if before > 0
        else []
    )
    itself = s.execute(
        select(*_LINE).outerjoin(Room, Room.id == Question.room_id).where(Question.id == qid)
    ).one()
    last = (
        s.execute(base.where(later).order_by(Question.received_at, Question.id).limit(after)).all()
        if after > 0
        else []
    )
    return [_line(r) for r in (*reversed(first), itself, *last)]


def comments_around(
    db: Database, question_id: int, before: int = 3, after: int = 3
) -> list[FeedLineRecord]:
    """The comments of the merged feed (both rooms) around a question, oldest first: up to
    ``before`` received just before it, the question itself, up to ``after`` just after.

    Comments the moderator hid are left out (they were hidden for a reason); texts and
    nicknames are masked. Only the question's own session is looked at.

    Raises:
        ReferralRefused: no such question (``NO_QUESTION``).
    """
    with db.sessions() as s:
        question = s.get(Question, question_id)
        if question is None:
            raise ReferralRefused(Refusal.NO_QUESTION, id=question_id)
        return _around(s, question, before, after)


def ticket_context(
    db: Database, referral_id: int, before: int = 3, after: int = 3
) -> TicketContextRecord:
    """A ticket's question as asked (room, time), its session and the feed around it.

    Raises:
        ReferralRefused: no such ticket (``NO_REFERRAL``).
    """
    with db.sessions() as s:
        referral = s.get(Referral, referral_id)
        if referral is None:
            raise ReferralRefused(Refusal.NO_REFERRAL, id=referral_id)
        row = s.scalars(_sessions_query().where(Session.id == referral.session_id)).first()
        session = session_record(row) if row else None
        question = s.get(Question, referral.question_id) if referral.question_id else None
        if question is None:
            return TicketContextRecord(None, session)
        around = _around(s, question, before, after)
        subject = next(line for line in around if line.question_id == question.id)
        return TicketContextRecord(subject, session, tuple(around))
