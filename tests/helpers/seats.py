"""Two seats on one database: two ``Database`` objects (engines, pools) on the same URL, a
session with fresh questions to act on, and a race that starts both acts at once (bounded)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from studio.domain.model import QuestionFlag, QuestionStatus, UnitKind
from studio.store.database import Database
from studio.store.models import Question, Session, Unit

NOW = dt.datetime(2026, 11, 26, 7, 10)  # 15:10 in the studio (UTC+8)


@dataclass
class Seats:
    """Seat A's and seat B's databases, the session, its questions and a unit to refer to."""

    a: Database
    b: Database
    session_id: int
    ids: list[int]
    unit_id: int


def seed(db: Database, count: int = 5) -> tuple[int, list[int], int]:
    """A session of today with ``count`` new questions and a unit: (session, ids, unit)."""
    with db.transaction() as s:
        unit = Unit(name="民政局", short_name="民政", kind=UnitKind.DEPARTMENT)
        session = Session(date=NOW.date(), topic="低保", unit=unit)
        s.add_all([unit, session])
        s.flush()
        rows = new_questions(session.id, count, at=NOW)
        s.add_all(rows)
        s.flush()
        return session.id, [q.id for q in rows], unit.id


def new_questions(
    session_id: int, count: int, *, at: dt.datetime, room_id: int | None = None
) -> list[Question]:
    """``count`` new questions of ``session_id`` from as many viewers, received ``at``."""
    return [
        Question(
            session_id=session_id,
            room_id=room_id,
            platform_msg_id=f"t-{n}",
            author_id=f"viewer{n}",
            nickname=f"观众{n}",
            raw_text=f"问题{n}",
            display_text=f"问题{n}？",
            received_at=at,
            status=QuestionStatus.NEW,
            flags=int(QuestionFlag.IS_QUESTION),
        )
        for n in range(count)
    ]


def race(*acts: Callable[[], Any], timeout: float = 30.0) -> list[Any]:
    """Run the acts in threads released together by a barrier; each one's result or the
    exception it raised, in the order given."""
    barrier = threading.Barrier(len(acts), timeout=timeout)
    results: list[Any] = [None] * len(acts)

    def run(index: int, act: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[index] = act()
        except Exception as error:  # the refusal is the result under test
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, act)) for i, act in enumerate(acts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
        assert not thread.is_alive(), "an act did not finish"
    return results
