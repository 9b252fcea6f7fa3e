"""CaptureClient against fake BarrageGrab and douyinLive servers: flow, states, reconnects."""

import asyncio
import dataclasses
import random
import socket

import pytest

from studio.domain.feed_event import FeedEventKind, FeedState, RejectedFrame
from studio.feed.capture_client import (
    Backoff,
    CaptureClient,
    barragegrab_client,
    douyinlive_client,
)
from studio.feed.tap import TRANSPORT_MAX_SIZE
from tests.helpers.fake_capture import (
    BIG_MSG_ID,
    DEPT_ROOM,
    GOV_ROOM,
    BarrageGrabFrames,
    DouyinLiveFrames,
    FakeBarrageGrab,
    FakeDouyinLive,
    FeedRecorder,
    InvalidText,
    Session,
    run_bounded,
)

FAST = Backoff(initial=0.05, maximum=0.2)
LIVE_ID = "516466932480"

CONNECTING, CONNECTED, STALE = FeedState.CONNECTING, FeedState.CONNECTED, FeedState.STALE
RECONNECTING, ENDED, STOPPED = FeedState.RECONNECTING, FeedState.ENDED, FeedState.STOPPED


async def stop(task: asyncio.Task[None]) -> None:
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


def test_backoff_grows_is_capped_and_jittered() -> None:
    backoff, rng = Backoff(), random.Random(7)
    ceilings = [min(30.0, 0.5 * 2**n) for n in range(10)]
    for attempt, ceiling in enumerate(ceilings):
        delays = {backoff.delay(attempt, rng) for _ in range(20)}
        assert all(ceiling / 2 <= d <= ceiling for d in delays)
        assert len(delays) > 1  # jittered
    assert backoff.delay(10_000, rng) <= 30.0  # no overflow however long the outage


def test_barragegrab_frames_become_events_and_counts() -> None:
    gov, dept = BarrageGrabFrames(GOV_ROOM), BarrageGrabFrames(DEPT_ROOM, next_id=BIG_MSG_ID + 100)
    frames: list[str | bytes] = [
        gov.comment("低保怎么申请？"),
        dept.like(count=3, total=9),
        gov.stats(online=50, total=22003),
        gov.fansclub(),
        "garbage",
        b"\x00binary",
        gov.comment("问" * 2001),
    ]

    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with FakeBarrageGrab(frames) as tool:
            client = barragegrab_client(tool.url, **seen.callbacks(), backoff=FAST)
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: client.counts.frames == len(frames))
            counts = client.counts
            assert (counts.frames, counts.rejected, counts.ignored) == (7, 3, 1)
            assert counts.rooms[GOV_ROOM.sec_uid].events == 2
            assert counts.rooms[GOV_ROOM.sec_uid].rejected == 1
            assert counts.rooms[DEPT_ROOM.sec_uid].events == 1
            assert counts.rooms[""].rejected == 2
            await stop(task)
            assert client.state is STOPPED
        return seen

    seen = run_bounded(scenario())
    assert [e.kind for e in seen.events] == ["comment", "like", "stats"]
    assert seen.events[0].msg_id == str(BIG_MSG_ID)
    assert seen.events[1].room_key == DEPT_ROOM.sec_uid
    assert seen.frames[5] == b"\x00binary"
    assert seen.rejected == [
        RejectedFrame("", "frame is not JSON"),
        RejectedFrame("", "binary frame"),
        RejectedFrame(GOV_ROOM.sec_uid, "text too long"),
    ]
    assert seen.state_sequence() == [CONNECTING, CONNECTED, STOPPED]
    assert {source for source, _ in seen.states} == {"barragegrab"}


def test_dropped_connection_reconnects_and_the_tool_resends() -> None:
    gov = BarrageGrabFrames()
    frames = [gov.comment("一"), gov.comment("二"), gov.comment("三")]

    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with FakeBarrageGrab(frames, drop_after=1) as tool:
            client = barragegrab_client(tool.url, **seen.callbacks(), backoff=FAST)
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: len(seen.events) == 4)
            assert tool.connections == 2
            await stop(task)
        return seen

    seen = run_bounded(scenario())
    assert [e.text for e in seen.events] == ["一", "一", "二", "三"]
    # The resent frame keeps its id, so the pipeline can drop the duplicate.
    assert seen.events[0].msg_id == seen.events[1].msg_id
    assert seen.state_sequence() == [CONNECTING, CONNECTED, RECONNECTING, CONNECTED, STOPPED]


def test_keeps_retrying_until_the_tool_starts() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        client = barragegrab_client(f"ws://127.0.0.1:{port}", **seen.callbacks(), backoff=FAST)
        task = asyncio.create_task(client.run())
        await seen.wait_for(lambda: RECONNECTING in seen.state_sequence())
        await asyncio.sleep(0.3)  # a few refused attempts
        async with FakeBarrageGrab([BarrageGrabFrames().comment("终于连上了")], port=port):
            await seen.wait_for(lambda: len(seen.events) == 1)
            await stop(task)
        return seen

    seen = run_bounded(scenario())
    assert seen.state_sequence() == [CONNECTING, RECONNECTING, CONNECTED, STOPPED]


def test_stale_when_the_tool_goes_quiet_and_back_when_it_speaks() -> None:
    gov = BarrageGrabFrames()
    session = Session([gov.comment("一"), gov.comment("二")], interval=0.4)

    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with FakeBarrageGrab(sessions=[session]) as tool:
            client = barragegrab_client(tool.url, **seen.callbacks(), stale_after=0.15)
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: len(seen.events) == 2)
            await seen.wait_for(lambda: seen.state_sequence().count(STALE) == 2)
            await stop(task)
        return seen

    seen = run_bounded(scenario())
    assert seen.state_sequence() == [CONNECTING, CONNECTED, STALE, CONNECTED, STALE, STOPPED]


def test_ended_only_when_every_room_on_the_connection_has_ended() -> None:
    gov, dept = BarrageGrabFrames(GOV_ROOM), BarrageGrabFrames(DEPT_ROOM, next_id=1)
    frames = [
        gov.comment("问"),
        dept.comment("问"),
        gov.ended(),
        dept.ended(),
        gov.comment("又开播"),
    ]

    async def scenario() -> list[tuple[FeedState, int]]:
        transitions: list[tuple[FeedState, int]] = []
        async with FakeBarrageGrab(frames) as tool:
            client = barragegrab_client(
                tool.url,
                on_events=lambda events: None,
                on_state=lambda _, state: transitions.append((state, client.counts.frames)),
            )
            task = asyncio.create_task(client.run())
            await FeedRecorder().wait_for(lambda: client.counts.frames == len(frames))
            assert client.counts.rooms[DEPT_ROOM.sec_uid].ended is True
            assert client.counts.rooms[GOV_ROOM.sec_uid].ended is False
            await stop(task)
        return transitions

    # (state, frames received when it was entered): ended only with the 4th frame, dept's end.
    assert run_bounded(scenario()) == [
        (CONNECTING, 0),
        (CONNECTED, 0),
        (ENDED, 4),
        (CONNECTED, 5),
        (STOPPED, 5),
    ]


def test_douyinlive_room_ends_without_going_stale_and_resumes() -> None:
    dl = DouyinLiveFrames()
    session = Session(
        [
            DouyinLiveFrames.status("ROOM_ONLINE"),
            dl.chat("路灯坏了"),
            dl.like(),
            DouyinLiveFrames.status("ROOM_ENDED"),
        ]
    )

    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with FakeDouyinLive(LIVE_ID, sessions=[session]) as tool:
            client = douyinlive_client(LIVE_ID, tool.base_url, **seen.callbacks(), stale_after=0.1)
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: client.state is ENDED)
            await asyncio.sleep(0.3)  # > stale_after: still ended, not stale
            assert client.state is ENDED
            assert tool.paths == [f"/ws/{LIVE_ID}"]
            await stop(task)
        return seen

    seen = run_bounded(scenario())
    assert [e.kind for e in seen.events] == ["comment", "like", "ended"]
    assert {e.room_key for e in seen.events} == {LIVE_ID}
    assert seen.state_sequence() == [CONNECTING, CONNECTED, ENDED, STOPPED]
    assert {source for source, _ in seen.states} == {f"douyinlive:{LIVE_ID}"}


def test_douyinlive_events_after_ended_mean_live_again() -> None:
    dl = DouyinLiveFrames()
    frames = [dl.chat("一"), DouyinLiveFrames.status("ROOM_ENDED"), dl.chat("二")]

    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with FakeDouyinLive(LIVE_ID, frames) as tool:
            client = douyinlive_client(LIVE_ID, tool.base_url, **seen.callbacks())
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: len(seen.events) == 3)
            await stop(task)
        return seen

    seen = run_bounded(scenario())
    assert seen.state_sequence() == [CONNECTING, CONNECTED, ENDED, CONNECTED, STOPPED]


def test_douyinlive_unknown_live_id_is_refused_and_retried() -> None:
    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with FakeDouyinLive(LIVE_ID, [DouyinLiveFrames().chat("x")]) as tool:
            client = douyinlive_client("999", tool.base_url, **seen.callbacks(), backoff=FAST)
            task = asyncio.create_task(client.run())
            await asyncio.sleep(0.4)
            assert client.state is RECONNECTING
            assert tool.connections == 0
            await stop(task)
        return seen

    seen = run_bounded(scenario())
    assert seen.events == []
    assert seen.state_sequence() == [CONNECTING, RECONNECTING, STOPPED]


def test_oversized_frames_cost_a_rejection_not_the_feed() -> None:
    gov = BarrageGrabFrames()
    big = gov.comment("长" * 10) + " " * (1 << 20)  # valid JSON, over the adapter's 1 MiB
    huge = "x" * (TRANSPORT_MAX_SIZE + 1)  # over the transport's limit: connection is lost
    sessions = [Session([big, gov.comment("一"), huge]), Session([gov.comment("二")])]

    async def scenario() -> tuple[FeedRecorder, CaptureClient]:
        seen = FeedRecorder()
        async with FakeBarrageGrab(sessions=sessions) as tool:
            client = barragegrab_client(tool.url, **seen.callbacks(), backoff=FAST)
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: len(seen.events) == 2)
            await stop(task)
        return seen, client

    seen, client = run_bounded(scenario())
    assert [e.text for e in seen.events] == ["一", "二"]
    assert [r.reason for r in seen.rejected] == ["frame too large", "frame too large"]
    assert client.counts.rejected == 2
    assert seen.state_sequence() == [CONNECTING, CONNECTED, RECONNECTING, CONNECTED, STOPPED]


def test_a_failing_callback_does_not_stop_the_feed(caplog: pytest.LogCaptureFixture) -> None:
    gov = BarrageGrabFrames()
    received: list[str] = []

    def flaky(events: list) -> None:
        received.extend(e.text for e in events)
        if len(received) == 1:
            raise RuntimeError("consumer bug")

    async def scenario() -> None:
        async with FakeBarrageGrab([gov.comment("一"), gov.comment("二")]) as tool:
            client = barragegrab_client(tool.url, on_events=flaky)
            task = asyncio.create_task(client.run())
            await FeedRecorder().wait_for(lambda: len(received) == 2)
            assert client.state is CONNECTED
            await stop(task)

    run_bounded(scenario())
    assert "feed callback" in caplog.text


def test_received_at_comes_from_the_injected_clock() -> None:
    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with FakeBarrageGrab([BarrageGrabFrames().comment("问")]) as tool:
            client = barragegrab_client(tool.url, **seen.callbacks(), clock=lambda: 1234.5)
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: len(seen.events) == 1)
            await stop(task)
        return seen

    assert run_bounded(scenario()).events[0].received_at == 1234.5


def test_a_malformed_url_fails_at_construction() -> None:
    with pytest.raises(ValueError, match="valid"):
        CaptureClient("http://127.0.0.1:8888", object(), on_events=print)  # type: ignore[arg-type]


def test_events_of_one_frame_arrive_as_one_batch() -> None:
    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        frames = [BarrageGrabFrames().comment("问"), BarrageGrabFrames().stats()]
        async with FakeBarrageGrab(frames) as tool:
            client = barragegrab_client(tool.url, **seen.callbacks())
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: len(seen.events) == 2)
            await stop(task)
        return seen

    seen = run_bounded(scenario())
    assert seen.batches == 2
    assert seen.events[1].kind is FeedEventKind.STATS


def test_a_late_stats_frame_does_not_bring_an_ended_room_back() -> None:
    dl = DouyinLiveFrames()
    frames = [dl.chat("一"), dl.control(3), dl.user_seq(3, 22010)]

    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with FakeDouyinLive(LIVE_ID, frames) as tool:
            client = douyinlive_client(LIVE_ID, tool.base_url, **seen.callbacks())
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: len(seen.events) == 3)
            assert client.state is ENDED
            await stop(task)
        return seen

    seen = run_bounded(scenario())
    assert [e.kind for e in seen.events] == ["comment", "ended", "stats"]
    assert seen.state_sequence() == [CONNECTING, CONNECTED, ENDED, STOPPED]


@dataclasses.dataclass(frozen=True)
class CountingBackoff(Backoff):
    """The real backoff, remembering which retry each wait was for."""

    attempts: list[int] = dataclasses.field(default_factory=list)

    def delay(self, attempt: int, rng: random.Random) -> float:
        self.attempts.append(attempt)
        return super().delay(attempt, rng)


def test_frames_that_break_the_protocol_cost_only_themselves() -> None:
    """A text frame that is not UTF-8 closes the WebSocket (1007), as the protocol says; the
    frames before it arrive, it is counted, and each reconnect starts from the shortest wait:
    the tool is healthy, so six bad frames in a row never climb the backoff towards 30 s."""
    gov = BarrageGrabFrames()
    bad = InvalidText(b'{"Type": 1, "Data": "\xff"}')
    sessions = [Session([gov.comment(f"第{n}条"), bad]) for n in range(6)]
    sessions.append(Session([gov.comment("好了")]))
    backoff = CountingBackoff(initial=0.05, maximum=30.0)

    async def scenario() -> tuple[FeedRecorder, CaptureClient]:
        seen = FeedRecorder()
        async with FakeBarrageGrab(sessions=sessions) as tool:
            client = barragegrab_client(tool.url, **seen.callbacks(), backoff=backoff)
            task = asyncio.create_task(client.run())
            await seen.wait_for(lambda: len(seen.events) == 7, timeout=10)
            await stop(task)
        return seen, client

    seen, client = run_bounded(scenario(), timeout=15)
    assert [e.text for e in seen.events] == [*(f"第{n}条" for n in range(6)), "好了"]
    assert [r.reason for r in seen.rejected] == ["frame is not UTF-8"] * 6
    assert client.counts.rejected == 6
    assert backoff.attempts == [0] * 6  # a lost tool would have climbed: 0, 1, 2, 3, 4, 5
