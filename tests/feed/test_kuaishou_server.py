"""KuaishouServer with userscript-like clients: rooms by path, unknown paths, origins, states."""

import asyncio

import pytest
from websockets.exceptions import InvalidStatus

from studio.domain.feed_event import FeedState, RejectedFrame
from studio.feed.kuaishou_server import KuaishouServer
from tests.helpers.fake_capture import FeedRecorder, UserscriptClient, run_bounded

WAITING, CONNECTED, STALE, STOPPED = (
    FeedState.WAITING,
    FeedState.CONNECTED,
    FeedState.STALE,
    FeedState.STOPPED,
)


def server_for(seen: FeedRecorder, **options: object) -> KuaishouServer:
    options.setdefault("run_token", "t")
    return KuaishouServer(port=0, **seen.callbacks(), **options)  # type: ignore[arg-type]


def test_two_rooms_by_path() -> None:
    async def scenario() -> tuple[FeedRecorder, KuaishouServer]:
        seen = FeedRecorder()
        async with server_for(seen) as server:
            assert server.state("gov") is WAITING and server.state("dept") is WAITING
            base = f"ws://127.0.0.1:{server.port}"
            async with (
                UserscriptClient(f"{base}/gov") as gov,
                UserscriptClient(f"{base}/dept") as dept,
            ):
                await gov.comment("快手网友", "乡道什么时候修？")
                await dept.like("路人甲")
                await gov.gift("快手网友", "棒棒糖")
                await dept.info("直播间公告")
                await dept.comment("路人乙", "办事大厅几点下班")
                await seen.wait_for(lambda: len(seen.events) == 4)
                assert server.state("gov") is CONNECTED
            await seen.wait_for(lambda: server.state("gov") is WAITING)
            await seen.wait_for(lambda: server.state("dept") is WAITING)
        return seen, server

    seen, server = run_bounded(scenario())
    by_room = {(e.room_key, e.kind, e.msg_id) for e in seen.events}
    assert by_room == {
        ("gov", "comment", "gov-t-1"),
        ("gov", "gift", "gov-t-2"),
        ("dept", "like", "dept-t-1"),
        ("dept", "comment", "dept-t-2"),
    }
    assert {e.platform for e in seen.events} == {"kuaishou"}
    assert server.counts("dept").ignored == 1
    assert server.counts("gov").rooms["gov"].events == 2
    assert seen.state_sequence("gov") == [WAITING, CONNECTED, WAITING, STOPPED]
    assert seen.state_sequence("dept") == [WAITING, CONNECTED, WAITING, STOPPED]


@pytest.mark.parametrize("path", ["/", "/gov2", "/GOV", "/dept/extra", "/%E5%8E%BF"])
def test_unknown_path_is_closed_with_a_clear_reason(path: str) -> None:
    async def scenario() -> tuple[int | None, str | None]:
        seen = FeedRecorder()
        async with server_for(seen) as server:
            async with UserscriptClient(f"ws://127.0.0.1:{server.port}{path}") as script:
                code, reason = await script.closed()
            assert seen.state_sequence() == [WAITING, WAITING]
        return code, reason

    code, reason = run_bounded(scenario())
    assert code == 1008
    assert reason is not None and "unknown room" in reason and "use /gov, /dept" in reason
    assert len(reason.encode()) <= 123


def test_query_string_and_trailing_slash_are_tolerated() -> None:
    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with (
            server_for(seen) as server,
            UserscriptClient(f"ws://127.0.0.1:{server.port}/gov/?v=2.1") as gov,
        ):
            await gov.comment("a", "问")
            await seen.wait_for(lambda: len(seen.events) == 1)
        return seen

    assert run_bounded(scenario()).events[0].room_key == "gov"


def test_a_foreign_web_page_cannot_connect() -> None:
    async def scenario() -> None:
        seen = FeedRecorder()
        async with server_for(seen) as server:
            url = f"ws://127.0.0.1:{server.port}/gov"
            with pytest.raises(InvalidStatus) as refused:
                async with UserscriptClient(url, origin="https://evil.example"):
                    pass
            assert refused.value.response.status_code == 403
            for origin in ("https://live.kuaishou.com", "https://www.kuaishou.com", None):
                async with UserscriptClient(url, origin=origin):
                    pass

    run_bounded(scenario())


def test_a_new_connection_replaces_the_old_one() -> None:
    async def scenario() -> tuple[FeedRecorder, str | None]:
        seen = FeedRecorder()
        async with server_for(seen) as server:
            url = f"ws://127.0.0.1:{server.port}/gov"
            async with UserscriptClient(url) as old:
                await old.comment("a", "一")
                await seen.wait_for(lambda: len(seen.events) == 1)
                async with UserscriptClient(url) as new:
                    _, reason = await old.closed()
                    await new.comment("b", "二")
                    await seen.wait_for(lambda: len(seen.events) == 2)
                    assert server.state("gov") is CONNECTED
                await seen.wait_for(lambda: server.state("gov") is WAITING)
        return seen, reason

    seen, reason = run_bounded(scenario())
    assert reason == "replaced by a newer connection"
    assert [e.msg_id for e in seen.events] == ["gov-t-1", "gov-t-2"]  # numbering continues
    assert seen.state_sequence("gov") == [WAITING, CONNECTED, WAITING, STOPPED]


def test_a_quiet_room_goes_stale_and_recovers() -> None:
    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        async with (
            server_for(seen, stale_after=0.1) as server,
            UserscriptClient(f"ws://127.0.0.1:{server.port}/dept") as dept,
        ):
            await seen.wait_for(lambda: server.state("dept") is STALE)
            await dept.comment("a", "还在吗")
            await seen.wait_for(lambda: len(seen.events) == 1)
            assert server.state("dept") in (CONNECTED, STALE)
        return seen

    seen = run_bounded(scenario())
    assert seen.state_sequence("dept")[:4] == [WAITING, CONNECTED, STALE, CONNECTED]
    assert seen.state_sequence("gov") == [WAITING, STOPPED]


def test_bad_messages_are_counted_against_their_room() -> None:
    async def scenario() -> tuple[FeedRecorder, KuaishouServer]:
        seen = FeedRecorder()
        async with (
            server_for(seen) as server,
            UserscriptClient(f"ws://127.0.0.1:{server.port}/gov") as gov,
        ):
            await gov.send("ping")
            await gov.send(b"\x01\x02")
            await gov.send({"type": "comment", "username": "a", "content": "长" * 2001})
            await gov.comment("a", "正常的问题")
            await seen.wait_for(lambda: len(seen.events) == 1)
        return seen, server

    seen, server = run_bounded(scenario())
    assert seen.rejected == [
        RejectedFrame("gov", "frame is not JSON"),
        RejectedFrame("gov", "binary frame"),
        RejectedFrame("gov", "text too long"),
    ]
    assert server.counts("gov").rooms["gov"].rejected == 3
    assert seen.events[0].msg_id == "gov-t-1"


def test_configured_room_keys_and_serve_forever_stops_on_cancel() -> None:
    async def scenario() -> FeedRecorder:
        seen = FeedRecorder()
        server = server_for(seen, rooms=["county-gov"])
        task = asyncio.create_task(server.serve_forever())
        await seen.wait_for(lambda: server.port is not None)
        async with UserscriptClient(f"ws://127.0.0.1:{server.port}/county-gov") as script:
            await script.comment("a", "问")
            await seen.wait_for(lambda: len(seen.events) == 1)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            code, _ = await script.closed()
            assert code == 1001  # going away
        return seen

    seen = run_bounded(scenario())
    assert seen.events[0].msg_id == "county-gov-t-1"
    assert seen.state_sequence() == [WAITING, CONNECTED, STOPPED]


def test_room_keys_are_checked() -> None:
    with pytest.raises(ValueError, match="room key"):
        KuaishouServer(on_events=print, rooms=["gov/../x"])


def test_default_run_token_makes_ids_differ_between_runs() -> None:
    first = KuaishouServer(on_events=print, clock=lambda: 1_716_881_601.0)
    second = KuaishouServer(on_events=print, clock=lambda: 1_716_881_602.0)
    results = [
        server._taps["gov"].adapter.parse('{"type": "like"}', 0.0) for server in (first, second)
    ]
    ids = [result[0].msg_id for result in results if isinstance(result, list)]
    assert ids[0] != ids[1]
    assert all(i.startswith("gov-") and i.endswith("-1") for i in ids)
