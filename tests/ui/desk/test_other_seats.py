"""Seat B's desk follows seat A, on one database: A's moves and A's ingested comments show in
B's feed rows, in place (the feed is never reset), and B's status bar says when it is offline."""

import datetime as dt

from studio.domain.model import Platform, QuestionFlag, QuestionStatus
from studio.feed.batches import CommentRow, IngestBatch
from studio.services.moderation import ModerationService
from studio.services.tasks import BackgroundTasks
from studio.store.feed_store import FeedStore
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.waiting import until


def test_a_move_and_a_comment_on_seat_a_show_in_seat_b_desk(
    two_seats, make_desk, event_loop_qt
):
    db_a, db_b = two_seats
    seat_b = make_desk(db_b)
    seat_b.services.sync.start()
    event_loop_qt.run_until_complete(until(lambda: seat_b.services.sync.listening))
    model = seat_b.window.desk.feed_model
    event_loop_qt.run_until_complete(until(lambda: not model.loading and model.rowCount()))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))

    tasks = BackgroundTasks()
    session = StudioRepository(db_a).session_on(DEMO_DAY)
    seat_a = ModerationService(db_a, StudioRepository(db_a), tasks, today=lambda: DEMO_DAY)
    seat_a.follow_session(session)
    waiting = next(
        model.record(r) for r in range(model.rowCount())
        if model.record(r).status == QuestionStatus.NEW
    )  # fmt: skip
    seat_a.act("queue", [waiting.id])

    def queued_on_b() -> bool:
        row = model.row_of(waiting.id)
        return row is not None and model.record(row).status == QuestionStatus.QUEUED

    event_loop_qt.run_until_complete(until(queued_on_b, timeout=20))

    rows = model.rowCount()
    text = "北街路灯坏了三天了，谁来修？"
    comment = CommentRow(
        platform=Platform.KUAISHOU, room_key="gov", msg_id="from-seat-a", author_id="",
        nickname="青山人", raw_text=text, display_text=text,
        received_at=dt.datetime(2026, 11, 26, 7, 20), flags=int(QuestionFlag.IS_QUESTION),
        unit_id=None, cluster_id=None, cluster_size=1,
    )  # fmt: skip
    stored = FeedStore(db_a, session.id).write(IngestBatch([comment]))
    event_loop_qt.run_until_complete(until(lambda: model.rowCount() == rows + 1, timeout=20))
    assert model.record(rows).id == stored.questions[0].id
    assert model.record(rows).display_text == text
    assert resets == []
    event_loop_qt.run_until_complete(tasks.shutdown())


def test_the_status_bar_says_when_this_seat_is_offline(make_desk, demo_db, event_loop_qt):
    studio = make_desk(demo_db)
    bar = studio.window.status
    sync = studio.services.sync
    sync.onlineChanged.emit(False)
    assert bar.sync_label.isVisible() and "Offline" in bar.sync_label.text()
    sync.onlineChanged.emit(True)
    assert not bar.sync_label.isVisible()
