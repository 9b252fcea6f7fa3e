"""A hand-counted session for the reports' tests: an ended session of the first unit on
``DAY`` with ``COMMENTS`` (clusters, duplicates, a hidden one, chatter) and two rooms' samples."""

import datetime as dt

from sqlalchemy import select

from studio.domain.model import QuestionFlag, QuestionStatus, SessionStatus
from studio.domain.studio_time import studio_epoch
from studio.store.models import Question, Room, Session, StatsSample, Unit

DAY = dt.date(2027, 6, 1)
Q = int(QuestionFlag.IS_QUESTION)
NEW, ANSWERED, REFERRED, HIDDEN = (
    QuestionStatus.NEW,
    QuestionStatus.ANSWERED,
    QuestionStatus.REFERRED,
    QuestionStatus.HIDDEN,
)

# (cluster, status, flags, minute from the start): counted by hand in the comments below.
COMMENTS = [
    # cluster 7: five viewers ask one thing; one of them answered on air → 1 answered
    *[(7, ANSWERED if n == 0 else NEW, Q, 0) for n in range(5)],
    # cluster 8: three ask, the question referred → 1 referred
    *[(8, REFERRED if n == 0 else NEW, Q, 1) for n in range(3)],
    # cluster 9: answered and referred → counts once, as answered
    (9, ANSWERED, Q, 2),
    (9, REFERRED, Q, 2),
    # two questions alone, open; one hidden (not a question the studio owes)
    (None, NEW, Q, 2),
    (None, NEW, Q, 3),
    (None, HIDDEN, Q, 3),
    # chatter: comments, not questions
    *[(None, NEW, 0, 5) for _ in range(3)],
]


def hand_counted_session(demo_db):
    """Store the session in ``demo_db``: (db, session id, unit id)."""
    start = dt.datetime.fromtimestamp(studio_epoch(DAY, dt.time(15, 0)), dt.UTC).replace(
        tzinfo=None
    )
    with demo_db.transaction() as s:
        unit = s.scalars(select(Unit).order_by(Unit.id)).first()
        rooms = s.scalars(select(Room.id).order_by(Room.id)).all()[:2]
        session = Session(date=DAY, unit_id=unit.id, topic="测试", status=SessionStatus.ENDED)
        s.add(session)
        s.flush()
        for n, (cluster, status, flags, minute) in enumerate(COMMENTS):
            s.add(
                Question(
                    session_id=session.id,
                    room_id=rooms[0],
                    platform_msg_id=f"r-{n}",
                    raw_text=f"问{n}",
                    display_text=f"问{n}",
                    received_at=start + dt.timedelta(minutes=minute, seconds=30),
                    status=status,
                    flags=flags,
                    cluster_id=cluster,
                )
            )
        for room, peaks in zip(rooms, [(100, 300), (40, 20)], strict=True):
            for k, online in enumerate(peaks):
                s.add(
                    StatsSample(
                        session_id=session.id,
                        room_id=room,
                        at=start + dt.timedelta(minutes=10 * k),
                        online=online,
                        total_viewers=(k + 1) * 1000,
                        likes=(k + 1) * 50,
                    )
                )
        return demo_db, session.id, unit.id
