"""Nothing accepted is lost: a locked or full database holds batches back, never drops them.

The other side is real: a second sqlite3 connection holding the write lock, or the writing
connection's own ``max_page_count`` set below the file's size (SQLite's "database or disk is
full"), never a mock of our store.
"""

import datetime as dt
import logging
import re
import shutil
import sqlite3
import threading

import msgspec
import pytest
from sqlalchemy import event, select

from studio.domain.feed_event import FeedEvent, FeedEventKind
from studio.domain.model import Platform
from studio.feed.adapters import BarrageGrabAdapter
from studio.feed.batches import IngestBatch, RoomFact
from studio.feed.ingest import FeedIngest
from studio.store.database import open_database
from studio.store.demo import seed_demo
from studio.store.feed_store import FeedStore, session_text_pipeline
from studio.store.models import Question
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.fake_capture import BarrageGrabFrames, run_bounded

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
NICK = "王阿姨13812345678"


@pytest.fixture
def db_path(demo_db_file, tmp_path):
    path = tmp_path / "studio.db"
    shutil.copy(demo_db_file, path)
    return path


@pytest.fixture
def db(db_path):
    # A short busy timeout: a write waits a moment for the lock, then the batch is refused.
    database = open_database(f"sqlite:///{db_path}", busy_timeout_s=0.05)
    yield database
    database.close()


def questions(n: int, start: int = 0) -> list[FeedEvent]:
    return [
        FeedEvent(
            kind=FeedEventKind.COMMENT,
            platform=Platform.KUAISHOU,
            room_key="gov",
            msg_id=f"q{i}",
            received_at=1_790_000_000.0 + i,
            nickname=NICK,
            text=f"{i}号楼暖气不热，我电话1391234{i:04d}，请回电",
        )
        for i in range(start, start + n)
    ]


def stored_ids(db, session_id: int) -> list[str]:
    with db.sessions() as s:
        return list(
            s.scalars(
                select(Question.platform_msg_id)
                .where(Question.session_id == session_id, Question.channel == "live")
                .order_by(Question.id)
            )
        )


class HeldLock:
    """Another program holding the database's write lock (a real second connection)."""

    def __init__(self, path) -> None:
        self.connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.connection.execute("ROLLBACK")
        self.connection.close()


def make_ingest(db, **kw) -> tuple[FeedIngest, int]:
    session_id = StudioRepository(db).session_on(DEMO_DAY).id
    store = FeedStore(db, session_id)
    return FeedIngest(session_text_pipeline(db), store.write, **kw), session_id


def test_a_locked_database_holds_the_batch_until_the_lock_is_gone(db, db_path, caplog):
    backlogs, problems = [], []
    ingest, session_id = make_ingest(
        db, on_backlog=backlogs.append, on_store_problem=problems.append
    )
    lock = HeldLock(db_path)

    async def body():
        ingest.submit(questions(12))
        await ingest.flush()
        ingest.submit(questions(8, start=12))
        await ingest.flush()
        # Refused while the lock lasts: all twenty wait, and the desk is told how many.
        assert ingest.backlog == 20 and backlogs[-1] == 20
        assert "locked" in ingest.store_problem
        lock.release()
        await ingest.drain()

    with caplog.at_level(logging.DEBUG):
        run_bounded(body())
    assert stored_ids(db, session_id) == [f"q{i}" for i in range(20)]
    assert ingest.backlog == 0 and backlogs[-1] == 0 and len(problems) == 1
    assert ingest.counts()["gov"]["stored"] == 20
    # What was logged about the refused batches holds no viewer's text, name or number.
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert refusals
    for record in caplog.records:
        logged = record.getMessage() + (record.exc_text or "")
        if record.exc_info:
            logged += logging.Formatter().formatException(record.exc_info)
        assert not MOBILE.search(logged) and "暖气" not in logged and "王阿姨" not in logged


def test_a_full_database_keeps_the_comments_until_there_is_room(db, caplog):
    """``max_page_count`` below the file's size: SQLite's own "database or disk is full"."""
    full = [True]

    @event.listens_for(db.engine, "begin")
    def no_room(conn):  # the other side: a disk with no space left, while ``full`` holds
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        limit = pages if full[0] else 2_000_000_000
        conn.exec_driver_sql(f"PRAGMA max_page_count = {limit}")

    ingest, session_id = make_ingest(db)
    # Long comments, so the batch needs pages the full file cannot give.
    big = [msgspec.structs.replace(e, text=e.text + "物业" * 900) for e in questions(200)]

    async def body():
        ingest.submit(big)
        await ingest.flush()
        assert ingest.backlog == 200
        assert "full" in ingest.store_problem
        full[0] = False
        await ingest.drain()

    run_bounded(body())
    assert len(stored_ids(db, session_id)) == 200


def test_a_huge_like_total_costs_no_comment(db):
    """A like ``Total`` of 2^63 (BarrageGrab sends up to 2^64-1) used to make every later batch
    with a room figure overflow the database's integer and be dropped."""
    ingest, session_id = make_ingest(db)
    adapter, bg = BarrageGrabAdapter(), BarrageGrabFrames()

    async def body():
        frames = [bg.like(1, total=2**63)]
        for n in range(600):
            frames.append(bg.comment(f"第{n}个问题：暖气什么时候来？"))
            if n % 50 == 0:
                frames.append(bg.stats(online=120 + n, total=9000 + n))
        for raw in frames:
            result = adapter.parse(raw, 1_790_000_000.0)
            assert isinstance(result, list)
            ingest.submit(result)
            if len(ingest._pending) >= 100:
                await ingest.flush()
        await ingest.drain()

    run_bounded(body())
    assert len(stored_ids(db, session_id)) == 600
    assert ingest.backlog == 0


def test_the_store_drops_a_bad_figure_not_the_comments_beside_it(db):
    ingest, session_id = make_ingest(db)
    store = FeedStore(db, session_id)
    rows = [ingest.comment_row(e) for e in questions(3)]
    fact = RoomFact(Platform.KUAISHOU, "gov", dt.datetime(2026, 11, 26, 15), 2**70, 5, 2**64)
    outcome = store.write(IngestBatch(rows, [fact]))
    assert outcome.stored == {"gov": 3} and outcome.dropped_facts == 1
    assert stored_ids(db, session_id) == ["q0", "q1", "q2"]


def test_a_drain_waits_out_a_brief_lock(db, db_path):
    ingest, session_id = make_ingest(db)
    lock = HeldLock(db_path)

    async def body():
        ingest.submit(questions(20))
        threading.Timer(0.5, lock.release).start()
        await ingest.drain(timeout=10)

    run_bounded(body(), timeout=15)
    assert stored_ids(db, session_id) == [f"q{i}" for i in range(20)]


def test_the_engine_never_shows_bound_values_in_its_errors(db, db_path):
    lock = HeldLock(db_path)
    try:
        with pytest.raises(Exception) as caught, db.engine.begin() as conn:
            conn.execute(Question.__table__.insert(), {"raw_text": NICK, "session_id": 1})
    finally:
        lock.release()
    assert NICK not in str(caught.value)


def test_counts_are_bounded_where_they_are_parsed():
    from studio.feed.adapters._frames import MAX_COUNT

    (like,) = BarrageGrabAdapter().parse(BarrageGrabFrames().like(2**63, total=2**64 - 1), 0.0)
    assert like.like_count == like.like_total == MAX_COUNT


# -- PostgreSQL: the server going away (stopped with ``pg_ctl stop -m fast``, which cuts every
# connection, while comments arrive; then started again) --


def test_comments_wait_while_the_server_is_down_and_are_stored_when_it_is_back(pg_cluster, pg_url):
    db = open_database(pg_url)
    try:
        assert seed_demo(db, DEMO_DAY)
        problems: list[str] = []
        ingest, session_id = make_ingest(db, on_store_problem=problems.append)

        async def body():
            ingest.submit(questions(5))
            await ingest.flush()
            pg_cluster.down()
            try:
                ingest.submit(questions(7, start=5))
                await ingest.flush()
                # Refused while the server is away: the seven wait, the desk is told.
                assert ingest.backlog == 7
                assert ingest.store_problem
            finally:
                pg_cluster.up()
            await ingest.drain(timeout=20)

        run_bounded(body(), timeout=60)
        assert stored_ids(db, session_id) == [f"q{i}" for i in range(12)]
        assert ingest.backlog == 0 and ingest.counts()["gov"]["stored"] == 12
        assert problems == ["the database server cannot be reached"]
    finally:
        db.close()
