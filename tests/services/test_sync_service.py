"""Two seats on one database: what one stores reaches the other's signals, row by row."""

import datetime as dt

import pytest

from studio.domain.model import Platform, QuestionFlag, QuestionStatus
from studio.feed.batches import CommentRow, IngestBatch
from studio.services.moderation import ModerationService
from studio.services.sync import SyncService
from studio.services.tasks import BackgroundTasks
from studio.store.changes import latest_revision
from studio.store.feed_store import FeedStore
from studio.store.repository import StudioRepository
from studio.store.timer_store import change_notes
from tests.conftest import DEMO_DAY
from tests.helpers.waiting import until


def comment(msg_id: str, text: str) -> CommentRow:
    return CommentRow(
        platform=Platform.KUAISHOU,
        room_key="gov",
        msg_id=msg_id,
        author_id="",
        nickname="青山人",
        raw_text=text,
        display_text=text,
        received_at=dt.datetime(2026, 11, 26, 7, 5),
        flags=int(QuestionFlag.IS_QUESTION),
        unit_id=None,
        cluster_id=None,
        cluster_size=1,
    )


@pytest.fixture
def seats(qapp, two_seats, event_loop_qt):
    """Seat A's moderation and seat B's sync service, both on today's session."""
    db_a, db_b = two_seats
    tasks = BackgroundTasks()
    session = StudioRepository(db_a).session_on(DEMO_DAY)
    moderation = ModerationService(db_a, StudioRepository(db_a), tasks, today=lambda: DEMO_DAY)
    moderation.follow_session(session)
    sync = SyncService(db_b, tasks)
    sync.follow_session(session)
    heard: dict[str, list] = {"inserted": [], "changed": [], "timer": [], "kinds": []}
    sync.questionsInserted.connect(heard["inserted"].extend)
    sync.questionsChanged.connect(heard["changed"].extend)
    sync.timerChanged.connect(heard["timer"].extend)
    sync.changed.connect(lambda kind, ids: heard["kinds"].append(kind))
    sync.start()
    event_loop_qt.run_until_complete(until(lambda: sync.listening and sync.online))
    yield db_a, session.id, moderation, sync, heard
    event_loop_qt.run_until_complete(sync.stop())
    event_loop_qt.run_until_complete(tasks.shutdown())


def test_a_move_on_one_seat_reaches_the_other(seats, event_loop_qt):
    db_a, session_id, moderation, _sync, heard = seats
    question = StudioRepository(db_a).questions(session_id)[-1]
    moderation.act("queue", [question.id])
    def queued_on_b() -> bool:
        return any(q.id == question.id and q.status == QuestionStatus.QUEUED for q in heard["changed"])

    event_loop_qt.run_until_complete(until(queued_on_b, timeout=20))


def test_a_comment_stored_on_one_seat_appears_on_the_other(seats, event_loop_qt):
    db_a, session_id, _moderation, _sync, heard = seats
    stored = FeedStore(db_a, session_id).write(IngestBatch([comment("sync-1", "路灯坏了谁修？")]))
    new_id = stored.questions[0].id
    event_loop_qt.run_until_complete(
        until(lambda: [q.id for q in heard["inserted"]] == [new_id], timeout=20)
    )
    assert heard["inserted"][0].display_text == "路灯坏了谁修？"


def test_a_timer_note_on_one_seat_reaches_the_other(seats, event_loop_qt):
    db_a, session_id, _moderation, _sync, heard = seats
    change_notes(db_a, session_id, lambda n: n.with_note("请看提词"), action="note", seat="a")
    event_loop_qt.run_until_complete(until(lambda: session_id in heard["timer"], timeout=20))


def test_another_sessions_questions_are_not_read(seats, event_loop_qt):
    db_a, session_id, _moderation, sync, heard = seats
    sync.follow_session(None)  # e.g. no session today on seat B
    FeedStore(db_a, session_id).write(IngestBatch([comment("sync-2", "几点开始？")]))
    event_loop_qt.run_until_complete(until(lambda: "question" in heard["kinds"], timeout=20))
    assert heard["inserted"] == []


def test_too_many_changes_ask_for_a_reload(seats, event_loop_qt):
    db_a, session_id, _moderation, sync, _heard = seats
    sync.resync_limit = 3
    reloads: list[bool] = []
    sync.resync.connect(lambda: reloads.append(True))
    FeedStore(db_a, session_id).write(
        IngestBatch([comment(f"many-{n}", f"问题{n}？") for n in range(5)])
    )
    event_loop_qt.run_until_complete(until(lambda: reloads, timeout=20))
    event_loop_qt.run_until_complete(until(lambda: sync.revision == latest_revision(db_a)))
