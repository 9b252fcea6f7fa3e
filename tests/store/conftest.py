"""Fixtures for the store's tests: fresh questions in today's demo session."""

import datetime as dt

import pytest
from sqlalchemy import select

from studio.domain.model import QuestionFlag, QuestionStatus
from studio.store.models import Question, Room, Unit
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY

NOW = dt.datetime(2026, 11, 26, 15, 10)


@pytest.fixture
def desk(demo_db):
    """Today's session with five fresh questions from five viewers in the county's room:
    (db, session_id, question ids, room_id, unit_id)."""
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    with demo_db.transaction() as s:
        room_id = s.scalars(select(Room.id).order_by(Room.id)).first()
        rows = [
            Question(
                session_id=session_id,
                room_id=room_id,
                platform_msg_id=f"t-{n}",
                author_id=f"viewer{n}",
                nickname=f"观众{n}",
                raw_text=f"问题{n}",
                display_text=f"问题{n}？",
                received_at=NOW,
                status=QuestionStatus.NEW,
                flags=int(QuestionFlag.IS_QUESTION),
                cluster_id=None,
            )
            for n in range(5)
        ]
        s.add_all(rows)
        s.flush()
        ids = [q.id for q in rows]
        unit_id = s.scalars(select(Unit.id).order_by(Unit.id)).first()
    return demo_db, session_id, ids, room_id, unit_id
