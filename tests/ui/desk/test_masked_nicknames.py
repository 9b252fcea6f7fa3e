"""A viewer's name with a phone number in it is masked on every screen, like a comment's text."""

import re

from sqlalchemy import select

from studio.domain.feed_event import FeedEvent, FeedEventKind
from studio.domain.model import Platform
from studio.domain.question_lifecycle import ModerationAction
from studio.feed.batches import IngestBatch
from studio.feed.ingest import FeedIngest
from studio.store.feed_store import FeedStore, session_text_pipeline
from studio.store.models import Question
from studio.store.moderation import moderate
from studio.store.repository import StudioRepository
from studio.ui.desk.desk_tab import FEED_COLUMNS
from tests.conftest import DEMO_DAY

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
NAME, MASKED = "王阿姨13812345678", "王阿姨138****5678"


def _store_a_comment_from_the_aunt(db) -> int:
    session_id = StudioRepository(db).session_on(DEMO_DAY).id
    ingest = FeedIngest(session_text_pipeline(db), write=lambda batch: None)  # type: ignore[arg-type,return-value]
    event = FeedEvent(
        kind=FeedEventKind.COMMENT,
        platform=Platform.KUAISHOU,
        room_key="/gov",
        msg_id="aunt-1",
        received_at=1_795_676_700.0,
        nickname=NAME,
        text="低保怎么申请？",
    )
    stored = FeedStore(db, session_id).write(IngestBatch(comments=[ingest.comment_row(event)]))
    (record,) = stored.questions
    assert record.nickname == MASKED  # what the desk is handed as the batch arrives
    with db.sessions() as s:
        row = s.scalars(select(Question).where(Question.id == record.id)).one()
        assert (row.nickname, row.raw_nickname) == (MASKED, NAME)  # the original stays here
    moderate(db, [record.id], ModerationAction.QUEUE, seat="test", session_id=session_id)
    return record.id


def test_the_desk_the_queue_and_the_official_see_the_name_masked(make_desk, demo_db):
    question_id = _store_a_comment_from_the_aunt(demo_db)
    desk = make_desk(demo_db, ["--demo"])
    model = desk.window.desk.feed_model
    author = FEED_COLUMNS.index("author")
    row = next(r for r in range(model.rowCount()) if model.record(r).id == question_id)
    assert model.index(row, author).data() == MASKED
    names = [model.index(r, author).data() for r in range(model.rowCount())]
    assert not any(MOBILE.search(n) for n in names)
    queue = desk.window.desk.queue.model
    shown = [queue.row_text(r) for r in range(queue.rowCount())]
    assert shown and not any(MOBILE.search(text) for text in shown)
    view = desk.window.official_view()
    screen = " ".join(str(value) for value in vars(view).values())
    assert not MOBILE.search(screen)


def test_the_feed_shows_when_a_comment_came_in_studio_time(make_desk, demo_db):
    """The comment came at 07:05 UTC: 15:05 in the studio, whatever this machine's zone."""
    question_id = _store_a_comment_from_the_aunt(demo_db)
    desk = make_desk(demo_db, ["--demo"])
    model = desk.window.desk.feed_model
    row = next(r for r in range(model.rowCount()) if model.record(r).id == question_id)
    assert model.index(row, FEED_COLUMNS.index("time")).data() == "15:05:00"
