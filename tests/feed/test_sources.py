"""FeedRunner end to end: fake capture tools and a userscript → ingest → the real store."""

import asyncio

import pytest
from sqlalchemy import func, select

from studio.domain.model import Platform, RoomRole
from studio.feed.capture_client import Backoff
from studio.feed.ingest import FeedIngest
from studio.feed.recording import SessionRecorder, read_recording
from studio.feed.sources import FeedRunner, SourceSpec, parse_source_spec
from studio.feed.userscript import stored_secret
from studio.store.feed_store import FeedStore, session_text_pipeline
from studio.store.models import Question
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.fake_capture import (
    BarrageGrabFrames,
    DouyinLiveFrames,
    FakeBarrageGrab,
    FakeDouyinLive,
    FeedRecorder,
    UserscriptClient,
    run_bounded,
)

FAST = Backoff(initial=0.05, maximum=0.2)


def runner_for(db, tmp_path=None):
    session_id = StudioRepository(db).session_on(DEMO_DAY).id
    store = FeedStore(db, session_id)
    batches = []
    ingest = FeedIngest(session_text_pipeline(db), store.write, on_batch=batches.append)
    recorder = SessionRecorder(tmp_path / "rec.jsonl") if tmp_path else None
    states = FeedRecorder()
    runner = FeedRunner(ingest, recorder=recorder, on_state=states.on_state, backoff=FAST)
    return runner, batches, states, session_id


def stored(db, session_id) -> list[str]:
    with db.sessions() as s:
        return list(
            s.scalars(
                select(Question.platform_msg_id)
                .where(Question.session_id == session_id, Question.channel == "live")
                .order_by(Question.id)
            )
        )


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("barragegrab:ws://127.0.0.1:8888", SourceSpec("barragegrab", "ws://127.0.0.1:8888")),
        ("douyinlive:ws://h:1088/ws/516", SourceSpec("douyinlive", "ws://h:1088/ws/516")),
        ("kuaishou-server:127.0.0.1:5001", SourceSpec("kuaishou-server", "127.0.0.1:5001")),
        ("replay:/tmp/a.jsonl@10", SourceSpec("replay", "/tmp/a.jsonl", 10.0)),
        ("replay:/tmp/a.jsonl", SourceSpec("replay", "/tmp/a.jsonl", 1.0)),
        ("simulator:5", SourceSpec("simulator", "", 5.0)),
        (
            "kuaishou-server:127.0.0.1:5001?secret=abcdefghijklmnop",
            SourceSpec("kuaishou-server", "127.0.0.1:5001?secret=abcdefghijklmnop"),
        ),
        ("kuaishou-server:0.0.0.0:5001?lan=1", SourceSpec("kuaishou-server", "0.0.0.0:5001?lan=1")),
        (
            "kuaishou-server:127.0.0.1:5001?rooms=gov",
            SourceSpec("kuaishou-server", "127.0.0.1:5001?rooms=gov", rooms=("gov",)),
        ),
        ("kuaishou-server:[::1]:5001", SourceSpec("kuaishou-server", "[::1]:5001")),
        ("kuaishou-server:localhost:5001", SourceSpec("kuaishou-server", "localhost:5001")),
    ],
)
def test_source_specs(text, spec):
    assert parse_source_spec(text) == spec


@pytest.mark.parametrize(
    "text",
    [
        "nope:x",
        "barragegrab:",
        "barragegrab:http://x",
        "douyinlive:ws://h:1/x",
        "kuaishou-server:5001",
        "kuaishou-server:127.0.0.1:5001?secret=short",
        "kuaishou-server:127.0.0.1:5001?token=abcdefghijklmnop",
        "kuaishou-server:127.0.0.1:5001?rooms=",
        "kuaishou-server:127.0.0.1:5001?rooms=gov,县",
        "replay:f@fast",
    ],
)
def test_bad_source_specs_say_why(text):
    with pytest.raises(ValueError):
        parse_source_spec(text)


def test_a_dropped_connection_loses_nothing_and_stores_no_duplicate(demo_db, tmp_path):
    bg = BarrageGrabFrames()
    frames = [bg.comment(f"第{n}个问题：暖气什么时候热？") for n in range(6)] + [bg.stats()]

    async def body():
        runner, _batches, _states, session_id = runner_for(demo_db, tmp_path)
        async with FakeBarrageGrab(frames, drop_after=3) as tool:
            await runner.start(SourceSpec("barragegrab", tool.url))
            deadline = asyncio.get_running_loop().time() + 3
            while runner.frames < 3 + len(frames):
                assert asyncio.get_running_loop().time() < deadline
                await asyncio.sleep(0.02)
            await runner.stop()
            return runner, session_id, tool.connections

    runner, session_id, connections = run_bounded(body())
    assert connections == 2
    ids = stored(demo_db, session_id)
    assert len(ids) == 6 == len(set(ids))
    counts = runner.ingest.counts()
    (room,) = [c for key, c in counts.items() if key]
    assert room["received"] == 10  # 3 before the drop, all 7 again after
    assert room["stored"] == 6 and room["duplicates"] == 3
    recorded = list(read_recording(tmp_path / "rec.jsonl"))
    assert len(recorded) == 10 and {src for _, src, _ in recorded} == {"barragegrab"}


def test_douyinlive_frames_reach_the_store(demo_db):
    dl = DouyinLiveFrames()

    async def body():
        runner, batches, states, _session_id = runner_for(demo_db)
        async with FakeDouyinLive("516466932480", [dl.chat("路灯坏了谁来修？"), dl.like()]) as tool:
            await runner.start(SourceSpec("douyinlive", f"{tool.base_url}/ws/516466932480"))
            while runner.frames < 2:
                await asyncio.sleep(0.02)
            await runner.stop()
        return batches, states

    batches, _states = run_bounded(body())
    assert [q.display_text for batch in batches for q in batch] == ["路灯坏了谁来修？"]
    assert batches[0][0].platform is Platform.DOUYIN


def test_a_userscript_client_feeds_our_kuaishou_server(demo_db, tmp_path):
    async def body():
        runner, batches, states, _session_id = runner_for(demo_db, tmp_path)
        await runner.start(SourceSpec("kuaishou-server", "127.0.0.1:0"))
        (port,) = runner.kuaishou_ports
        async with UserscriptClient(f"ws://127.0.0.1:{port}/gov?key={stored_secret()}") as script:
            await script.comment("<b>x</b>", "请问公租房排队要等多久？")
            await script.comment("北关老李", "我电话13912345678，供暖不热")
            await script.like("北关老李")
            while runner.frames < 3:
                await asyncio.sleep(0.02)
        await runner.stop()
        return batches, states

    batches, states = run_bounded(body())
    questions = [q for batch in batches for q in batch]
    assert [q.nickname for q in questions] == ["<b>x</b>", "北关老李"]
    assert "13912345678" not in questions[1].display_text
    assert ("gov", "connected") in [(s, str(v)) for s, v in states.states]
    sources = {src for _, src, _ in read_recording(tmp_path / "rec.jsonl")}
    assert sources == {"kuaishou:gov"}


def test_ingest_serves_one_named_room_and_the_stock_script_feeds_it(demo_db, tmp_path):
    """``?rooms=gov``: one room, so the stock userscript (root path, no key) is its feed."""

    async def body():
        runner, batches, _states, _session_id = runner_for(demo_db, tmp_path)
        await runner.start(parse_source_spec("kuaishou-server:127.0.0.1:0?rooms=gov"))
        (port,) = runner.kuaishou_ports
        async with UserscriptClient(f"ws://127.0.0.1:{port}/") as stock:
            await stock.comment("快手网友", "办事大厅几点下班？")
            while runner.frames < 1:
                await asyncio.sleep(0.02)
        async with UserscriptClient(f"ws://127.0.0.1:{port}/dept?key={stored_secret()}") as dept:
            code, reason = await dept.closed()
        await runner.stop()
        return batches, code, reason

    batches, code, reason = run_bounded(body())
    assert [q.room_role for batch in batches for q in batch] == [RoomRole.GOV]
    assert code == 1008 and "use /gov" in reason


def test_a_recording_replays_into_the_same_rows_and_its_resend_is_all_duplicates(demo_db, tmp_path):
    async def body():
        runner, _, _, session_id = runner_for(demo_db, tmp_path)
        await runner.start(SourceSpec("simulator", "", 2000.0))
        while runner.frames < 200:
            await asyncio.sleep(0.01)
        await runner.stop()
        before = stored(demo_db, session_id)
        again, _, _, _ = runner_for(demo_db)
        await again.start(SourceSpec("replay", str(tmp_path / "rec.jsonl"), 0))
        while again.frames < runner.frames:
            await asyncio.sleep(0.01)
        await again.stop()
        return before, stored(demo_db, session_id), again.ingest.counts()

    before, after, counts = run_bounded(body())
    douyin = [i for i in before if not i.startswith("gov-") and not i.startswith("dept-")]
    assert douyin and before
    # BarrageGrab ids come from the frames: replaying them adds nothing new for Douyin rooms.
    assert [i for i in after if i in set(douyin)] == douyin
    assert sum(c["duplicates"] for c in counts.values()) >= len(douyin)


def test_stopping_a_runner_twice_is_harmless(demo_db):
    async def body():
        runner, *_ = runner_for(demo_db)
        await runner.start(SourceSpec("simulator", "", 100.0))
        await asyncio.sleep(0.05)
        await runner.stop()
        await runner.stop()

    run_bounded(body())
    with demo_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Question)) > 0


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "[::]", "studio.local"])
def test_a_kuaishou_server_beyond_loopback_needs_an_explicit_choice(host):
    with pytest.raises(ValueError, match=r"other computers.*\?lan=1"):
        parse_source_spec(f"kuaishou-server:{host}:5001")
    assert parse_source_spec(f"kuaishou-server:{host}:5001?lan=1").server_host_port[1] == 5001


def test_the_kuaishou_server_takes_the_sources_secret(demo_db, tmp_path):
    secret = "the-sources-own-secret"

    async def body():
        runner, batches, _states, _session_id = runner_for(demo_db, tmp_path)
        await runner.start(parse_source_spec(f"kuaishou-server:127.0.0.1:0?secret={secret}"))
        (port,) = runner.kuaishou_ports
        async with UserscriptClient(f"ws://127.0.0.1:{port}/gov?key={stored_secret()}") as old:
            code, _ = await old.closed()
        async with UserscriptClient(f"ws://127.0.0.1:{port}/gov?key={secret}") as script:
            await script.comment("北关老李", "供暖不热")
            while runner.frames < 1:
                await asyncio.sleep(0.02)
        await runner.stop()
        return code, batches

    code, batches = run_bounded(body())
    assert code == 1008  # the stored secret is not this source's
    assert [q.display_text for batch in batches for q in batch] == ["供暖不热"]
