"""Quitting the app: what the moderator already pressed is stored before the database closes."""

from sqlalchemy import select

from studio.domain.model import QuestionStatus
from studio.store.models import Question

S = QuestionStatus


def test_quitting_stores_every_moderation_move_already_pressed(make_desk, demo_db, event_loop_qt):
    """Four F presses, then quit at once: all four are stored, none cancelled."""
    studio = make_desk(demo_db)
    with demo_db.sessions() as s:
        ids = list(
            s.scalars(
                select(Question.id)
                .where(
                    Question.session_id == studio.moderation.session_id,
                    Question.status == S.NEW,
                )
                .order_by(Question.id)
                .limit(4)
            )
        )
    for question_id in ids:
        studio.window.desk.moderationRequested.emit("flag", [question_id])
    studio.request_quit()
    event_loop_qt.run_until_complete(studio.shutdown())
    with demo_db.sessions() as s:
        assert [S(s.get(Question, i).status) for i in ids] == [S.FLAGGED] * 4
