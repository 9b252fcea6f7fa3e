"""FeedIngest: batching, counting, likes, manual entries, and the text pipeline on the way."""

import asyncio
import datetime as dt
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.domain.feed_event import FeedEvent, FeedEventKind, RejectedFrame
from studio.domain.model import Platform, QuestionFlag, QuestionStatus
from studio.domain.records import QuestionRecord
from studio.domain.text.pipeline import TextPipeline
from studio.feed.batches import IngestBatch
from studio.feed.ingest import FeedIngest
from tests.helpers.fake_capture import run_bounded

NOW = 1_790_000_000.0


def event(msg_id: str, text: str = "暖气不热怎么办？", room: str = "gov", **kw) -> FeedEvent:
    fields = dict(
        kind=FeedEventKind.COMMENT,
        platform=Platform.KUAISHOU,
        room_key=room,
        msg_id=msg_id,
        received_at=NOW,
        nickname="青山人",
        text=text,
    )
    fields.update(kw)
    return FeedEvent(**fields)


@dataclass
class MemoryStore:
    """Keeps rows like the database would: an exact (room, id) resend is a duplicate."""

    batches: list[IngestBatch] = field(default_factory=list)
    keys: set[tuple[str, str]] = field(default_factory=set)
    questions: list[QuestionRecord] = field(default_factory=list)
    stored: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)

    def write(self, batch: IngestBatch) -> "MemoryStore":
        self.batches.append(batch)
        out = MemoryStore()
        for c in batch.comments:
            if (c.room_key, c.msg_id) in self.keys:
                out.duplicates[c.room_key] = out.duplicates.get(c.room_key, 0) + 1
                continue
            self.keys.add((c.room_key, c.msg_id))
            out.stored[c.room_key] = out.stored.get(c.room_key, 0) + 1
            out.questions.append(
                QuestionRecord(
                    len(self.keys),
                    c.received_at,
                    None,
                    c.platform,
                    c.nickname,
                    c.display_text,
                    c.status,
                    QuestionFlag(c.flags),
                    "",
                    c.cluster_id,
                    c.channel,
                )
            )
        return out


def make(**kw) -> tuple[FeedIngest, MemoryStore, list[list[QuestionRecord]]]:
    store, batches = MemoryStore(), []
    ingest = FeedIngest(TextPipeline(), store.write, on_batch=batches.append, **kw)
    return ingest, store, batches


def test_events_are_written_in_one_batch_and_reported_once():
    async def body():
        ingest, store, batches = make()
        task = asyncio.create_task(ingest.run())
        ingest.submit([event("1"), event("2", room="dept")])
        ingest.submit([event("3")])
        await asyncio.sleep(0.25)
        task.cancel()
        return ingest, store, batches

    ingest, store, batches = run_bounded(body())
    assert len(store.batches) == 1 and len(batches) == 1 and len(batches[0]) == 3
    assert ingest.counts()["gov"]["stored"] == 2 and ingest.counts()["dept"]["stored"] == 1


def test_a_full_batch_is_written_without_waiting():
    async def body():
        ingest, store, _ = make(flush_interval=10.0, max_batch=5)
        task = asyncio.create_task(ingest.run())
        ingest.submit([event(str(n)) for n in range(12)])
        await asyncio.sleep(0.3)
        task.cancel()
        return store

    store = run_bounded(body())
    assert [len(b.comments) for b in store.batches][:2] == [5, 5]


def test_resends_are_counted_as_duplicates_within_and_across_batches():
    async def body():
        ingest, _, _ = make()
        ingest.submit([event("1"), event("1")])
        await ingest.drain()
        ingest.submit([event("1"), event("2")])
        await ingest.drain()
        return ingest.counts()["gov"]

    counts = run_bounded(body())
    assert counts == {"received": 4, "stored": 2, "duplicates": 2, "rejected": 0, "likes": 0}


def test_rejected_frames_are_counted_per_room():
    ingest, _, _ = make()
    ingest.reject(RejectedFrame("dept", "not JSON"))
    assert ingest.counts()["dept"]["rejected"] == 1


def test_display_text_is_masked_raw_text_kept():
    ingest, _, _ = make()
    batch = ingest.prepare([event("1", text="我电话13912345678，暖气不热")])
    (row,) = batch.comments
    assert "13912345678" in row.raw_text
    assert "13912345678" not in row.display_text
    assert row.flags & QuestionFlag.PII


def test_likes_keep_a_running_total_and_stats_carry_it():
    ingest, _, _ = make()
    like = dict(kind=FeedEventKind.LIKE, text="")
    batch = ingest.prepare(
        [
            event("l1", **like, like_count=5),
            event("l2", **like, like_count=3),
            event("s", kind=FeedEventKind.STATS, text="", online=40, total_viewers=900),
            event("l3", **like, like_count=2, like_total=100),
        ]
    )
    (fact,) = batch.facts
    assert (fact.online, fact.total_viewers, fact.likes) == (40, 900, 8)
    # The total a later figure carries: like_total (100) is the room's own count, kept as is.
    stats = dict(kind=FeedEventKind.STATS, text="", online=40, total_viewers=900)
    (later,) = ingest.prepare([event("s2", **stats)]).facts
    assert later.likes == 100


def test_manual_entries_keep_their_channel():
    async def body():
        ingest, _, batches = make()
        ingest.submit_manual(event("m1", platform=Platform.MANUAL, room=""), "phone")
        await ingest.drain()
        return batches

    (batch,) = run_bounded(body())
    assert batch[0].channel == "phone"


def test_blocked_authors_arrive_hidden():
    ingest, _, _ = make(is_blocked=lambda platform, room, author: author == "坏人")
    batch = ingest.prepare([event("1", nickname="坏人"), event("2")])
    assert [c.status for c in batch.comments] == [QuestionStatus.HIDDEN, QuestionStatus.NEW]
    assert batch.comments[0].flags & QuestionFlag.AUTHOR_BLOCKED


def test_an_author_without_a_platform_id_is_keyed_by_nickname():
    """Kuaishou's userscript sends nicknames only: the nickname is what a block can match."""
    ingest, _, _ = make()
    batch = ingest.prepare([event("1", nickname="快手用户"), event("2", user_id="u-9")])
    assert [c.author_id for c in batch.comments] == ["快手用户", "u-9"]


def test_rows_carry_their_time_as_sqlite_stores_it():
    ingest, _, _ = make()
    (row,) = ingest.prepare([event("1")]).comments
    assert row.received_text == row.received_at.isoformat(" ", "microseconds")


def test_a_refused_batch_is_kept_and_written_again_in_order():
    store, refusals, backlogs, problems = MemoryStore(), [2], [], []

    def flaky(batch):
        if refusals[0]:
            refusals[0] -= 1
            raise OSError(28, "No space left on device")
        return store.write(batch)

    async def body():
        ingest = FeedIngest(
            TextPipeline(),
            flaky,
            on_backlog=backlogs.append,
            on_store_problem=problems.append,
        )
        ingest.submit([event("1"), event("2")])
        await ingest.flush()  # refused: kept
        assert ingest.backlog == 2 and ingest.store_problem == "No space left on device"
        ingest.submit([event("3"), event("2")])  # behind the refused batch, a resend among them
        await ingest.drain()
        assert ingest.backlog == 0 and not ingest.store_problem
        return ingest

    ingest = run_bounded(body())
    # Written in the order they came; the resend reached the store and was dropped there.
    assert [c.msg_id for b in store.batches for c in b.comments] == ["1", "2", "3", "2"]
    assert store.keys == {("gov", "1"), ("gov", "2"), ("gov", "3")}
    assert ingest.counts()["gov"]["stored"] == 3 and ingest.counts()["gov"]["duplicates"] == 1
    assert problems == ["No space left on device"]
    assert backlogs[0] >= 2 and backlogs[-1] == 0


events_strategy = st.builds(
    FeedEvent,
    kind=st.sampled_from(FeedEventKind),
    platform=st.sampled_from(Platform),
    room_key=st.text(max_size=20),
    msg_id=st.text(max_size=30),
    received_at=st.floats(min_value=0, max_value=4e9),
    user_id=st.text(max_size=10),
    nickname=st.text(max_size=20),
    text=st.text(max_size=300),
    like_count=st.none() | st.integers(0, 2**64 - 1),
    like_total=st.none() | st.integers(0, 2**64 - 1),
    online=st.none() | st.integers(0, 2**31),
    total_viewers=st.none() | st.integers(0, 2**31),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events_strategy, max_size=15))
def test_preparing_any_events_never_raises(events):
    ingest, _, _ = make()
    batch = ingest.prepare(events)
    for row in batch.comments:
        assert isinstance(row.display_text, str)
        assert isinstance(row.received_at, dt.datetime)
