"""Fixtures for the store's tests: fresh questions in today's demo session."""

import datetime as dt

import pytest
from sqlalchemy import select

from studio.store.models import Room, Unit
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.seats import new_questions

NOW = dt.datetime(2026, 11, 26, 15, 10)


@pytest.fixture
def desk(demo_db):
    """Today's session with five fresh questions from five viewers in the county's room:
    (db, session_id, question ids, room_id, unit_id)."""
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    with demo_db.transaction() as s:
        room_id = s.scalars(select(Room.id).order_by(Room.id)).first()
        rows = new_questions(session_id, 5, at=NOW, room_id=room_id)
        s.add_all(rows)
        s.flush()
        ids = [q.id for q in rows]
        unit_id = s.scalars(select(Unit.id).order_by(Unit.id)).first()
    return demo_db, session_id, ids, room_id, unit_id


@pytest.fixture(params=["sqlite", "postgresql"])
def seats(request: pytest.FixtureRequest, tmp_path):
    """Two seats (two engines) on one fresh database of each kind, with a session of five new
    questions and a unit (``tests.helpers.seats.Seats``)."""
    from studio.store.database import open_database
    from tests.helpers.seats import Seats, seed

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'studio.db'}"
    else:
        url = request.getfixturevalue("pg_url")
    a, b = open_database(url), open_database(url)
    session_id, ids, unit_id = seed(a)
    yield Seats(a, b, session_id, ids, unit_id)
    a.close()
    b.close()
