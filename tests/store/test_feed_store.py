"""FeedStore: one transaction per batch, exact resends dropped and counted, rooms and stats."""

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole
from studio.feed.batches import CommentRow, IngestBatch, RoomFact
from studio.store.feed_store import FeedStore, session_text_pipeline, stored_msg_id, upsert_ignoring
from studio.store.models import Question, Room, StatsSample
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY

AT = dt.datetime(2026, 11, 26, 15, 5)
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def comment(msg_id: str, room_key: str = "gov", text: str = "暖气不热怎么办？", **kw) -> CommentRow:
    fields = dict(
        platform=Platform.KUAISHOU,
        room_key=room_key,
        msg_id=msg_id,
        author_id="",
        nickname="青山人",
        raw_text=text,
        display_text=text,
        received_at=AT,
        flags=int(QuestionFlag.IS_QUESTION),
        unit_id=None,
        cluster_id=1,
        cluster_size=1,
    )
    fields.update(kw)
    return CommentRow(**fields)


def today_id(db) -> int:
    return StudioRepository(db).session_on(DEMO_DAY).id


def count(db, model) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_batch_is_stored_and_an_exact_resend_is_a_duplicate(demo_db):
    store = FeedStore(demo_db, today_id(demo_db))
    before = count(demo_db, Question)
    first = store.write(IngestBatch([comment("a"), comment("b")]))
    assert [q.display_text for q in first.questions] == ["暖气不热怎么办？"] * 2
    assert first.stored == {"gov": 2} and first.duplicates == {}
    again = store.write(IngestBatch([comment("a"), comment("c")]))
    assert again.stored == {"gov": 1} and again.duplicates == {"gov": 1}
    assert count(demo_db, Question) == before + 3
    record = again.questions[0]
    assert record.room_role is RoomRole.GOV and record.platform is Platform.KUAISHOU
    assert record.status is QuestionStatus.NEW


def test_known_rooms_are_found_unknown_ones_created_with_their_role(demo_db):
    store = FeedStore(demo_db, today_id(demo_db), room_roles={"new-room": RoomRole.DEPT})
    rooms = count(demo_db, Room)
    out = store.write(
        IngestBatch([comment("x", room_key="new-room", platform=Platform.DOUYIN), comment("y")])
    )
    assert count(demo_db, Room) == rooms + 1
    assert [q.room_role for q in out.questions] == [RoomRole.DEPT, RoomRole.GOV]


def test_same_id_in_two_rooms_is_two_questions(demo_db):
    store = FeedStore(demo_db, today_id(demo_db))
    out = store.write(IngestBatch([comment("1"), comment("1", room_key="other")]))
    assert len(out.questions) == 2


def test_manual_entries_have_no_room_and_keep_their_channel(demo_db):
    store = FeedStore(demo_db, today_id(demo_db))
    out = store.write(
        IngestBatch([comment("m-1", room_key="", platform=Platform.MANUAL, channel="phone")])
    )
    (record,) = out.questions
    assert record.room_role is None and record.platform is Platform.MANUAL
    assert record.channel == "phone"


def test_blocked_authors_arrive_hidden(demo_db):
    store = FeedStore(demo_db, today_id(demo_db))
    out = store.write(IngestBatch([comment("h", hidden=True)]))
    assert out.questions[0].status is QuestionStatus.HIDDEN


def test_room_facts_become_stats_samples(demo_db):
    store = FeedStore(demo_db, today_id(demo_db))
    before = count(demo_db, StatsSample)
    store.write(IngestBatch(facts=[RoomFact(Platform.KUAISHOU, "gov", AT, 50, 22003, 310)]))
    assert count(demo_db, StatsSample) == before + 1
    with demo_db.sessions() as s:
        sample = s.scalars(select(StatsSample).order_by(StatsSample.id.desc())).first()
    assert (sample.online, sample.total_viewers, sample.likes) == (50, 22003, 310)


def test_long_ids_are_digested_not_cut():
    long_a, long_b = "9" * 70 + "a", "9" * 70 + "b"
    assert stored_msg_id("short") == "short"
    assert stored_msg_id(long_a) != stored_msg_id(long_b)
    assert len(stored_msg_id(long_a)) <= 64


def test_the_insert_ignores_conflicts_on_postgresql_too():
    sql = str(
        upsert_ignoring("postgresql", Question.__table__).compile(dialect=postgresql.dialect())
    )
    assert "ON CONFLICT (session_id, room_id, platform_msg_id) DO NOTHING" in sql
    assert "RETURNING" in sql


def test_session_pipeline_routes_with_the_units_keywords(demo_db):
    pipeline = session_text_pipeline(demo_db)
    units = {u.name: u.id for u in StudioRepository(demo_db).units()}
    processed = pipeline.process("我家暖气不热，请问找谁？")
    assert processed.unit_id == units["住房和城乡建设局"]


def test_feed_sources_are_saved_per_session_and_replaced(demo_db):
    from studio.store.feed_sources import load_feed_sources, room_roles, save_feed_sources

    session_id = today_id(demo_db)
    gov = {
        "room_role": "gov",
        "tool": "kuaishou-server",
        "address": "127.0.0.1:5001",
        "room_key": "gov",
    }
    dept = {
        "room_role": "dept",
        "tool": "barragegrab",
        "address": "ws://127.0.0.1:8888",
        "room_key": "",
    }
    save_feed_sources(demo_db, session_id, [dept, gov])
    assert load_feed_sources(demo_db, session_id) == [gov, dept]
    save_feed_sources(demo_db, session_id, [gov])
    assert load_feed_sources(demo_db, session_id) == [gov]
    assert room_roles(demo_db)["gov"] is RoomRole.GOV


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    st.lists(
        st.tuples(st.sampled_from(["gov", "dept", "x" * 300, ""]), _text, _text, _text),
        max_size=12,
    )
)
def test_any_comments_go_through_the_pipeline_into_the_store(demo_db, comments):
    from studio.domain.feed_event import FeedEvent, FeedEventKind
    from studio.feed.ingest import FeedIngest

    store = FeedStore(demo_db, today_id(demo_db))
    ingest = FeedIngest(session_text_pipeline(demo_db), store.write)
    events = [
        FeedEvent(
            kind=FeedEventKind.COMMENT,
            platform=Platform.MANUAL if not room else Platform.DOUYIN,
            room_key=room,
            msg_id=msg_id or "0",
            received_at=1_790_000_000.0,
            nickname=nickname,
            text=text,
        )
        for room, msg_id, nickname, text in comments
    ]
    out = store.write(ingest.prepare(events))
    assert all(MOBILE.search(q.display_text) is None for q in out.questions)
