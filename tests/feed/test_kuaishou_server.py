"""KuaishouServer with userscript-like clients: rooms by path, unknown paths, origins, states."""

import asyncio
import contextlib

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus

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


def url(server: KuaishouServer, path: str, key: str | None = "") -> str:
    """``path`` on the server, presenting the server's secret (or ``key``; ``None``: no key)."""
    if key is None:
        return f"ws://127.0.0.1:{server.port}{path}"
    sep = "&" if "?" in path else "?"
    return f"ws://127.0.0.1:{server.port}{path}{sep}key={key or server.secret}"


def test_two_rooms_by_path() -> None:
    async def scenario() -> tuple[FeedRecorder, KuaishouServer]:
        seen = FeedRecorder()
        async with server_for(seen) as server:
            assert server.state("gov") is WAITING and server.state("dept") is WAITING
            async with (
                UserscriptClient(url(server, "/gov")) as gov,
                UserscriptClient(url(server, "/dept")) as dept,
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


@pytest.mark.parametrize("path", ["/gov2", "/GOV", "/dept/extra", "/%E5%8E%BF"])
def test_unknown_path_is_closed_with_a_clear_reason(path: str) -> None:
    async def scenario() -> tuple[int | None, str | None]:
        seen = FeedRecorder()
        async with server_for(seen) as server:
            async with UserscriptClient(url(server, path)) as script:
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
            UserscriptClient(url(server, "/gov/?v=2.1")) as gov,
        ):
            await gov.comment("a", "问")
            await seen.wait_for(lambda: len(seen.events) == 1)
        return seen

    assert run_bounded(scenario()).events[0].room_key == "gov"


def test_a_foreign_web_page_cannot_connect() -> None:
    async def scenario() -> None:
        seen = FeedRecorder()
        async with server_for(seen) as server:
            gov = url(server, "/gov")
            with pytest.raises(InvalidStatus) as refused:
                async with UserscriptClient(gov, origin="https://evil.example"):
                    pass
            assert refused.value.response.status_code == 403
            for origin in ("https://live.kuaishou.com", "https://www.kuaishou.com", None):
                async with UserscriptClient(gov, origin=origin):
                    pass

    run_bounded(scenario())


def test_a_new_connection_with_the_secret_replaces_the_old_one() -> None:
    async def scenario() -> tuple[FeedRecorder, str | None]:
        seen = FeedRecorder()
        async with server_for(seen) as server:
            gov = url(server, "/gov")
            async with UserscriptClient(gov) as old:
                await old.comment("a", "一")
                await seen.wait_for(lambda: len(seen.events) == 1)
                async with UserscriptClient(gov) as new:
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
            UserscriptClient(url(server, "/dept")) as dept,
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
            UserscriptClient(url(server, "/gov")) as gov,
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
        async with UserscriptClient(url(server, "/county-gov")) as script:
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


# -- who may feed a room (issue 18 §1) ---------------------------------------------------------
STOCK_HELLO = {"type": "info", "content": "ws连接成功"}
FAKE = {"type": "comment", "username": "县长办公室", "content": "假消息"}


async def try_sending(client: UserscriptClient, *messages: dict[str, str]) -> None:
    """Send what a refused client would send; the server may close before it all arrives."""
    with contextlib.suppress(ConnectionClosed):
        for message in messages:
            await client.send(message)


@pytest.mark.parametrize("key", [None, "wrong", ""])
def test_a_client_without_the_secret_is_refused(key: str | None) -> None:
    async def scenario() -> tuple[FeedRecorder, str | None, bool | None]:
        seen = FeedRecorder()
        async with server_for(seen, secret="s3cret") as server:
            target = url(server, "/gov", None if key is None else key or "?")
            if key == "":
                target = url(server, "/gov", None) + "?key="
            async with UserscriptClient(target) as intruder:
                await try_sending(intruder, FAKE)
                code, reason = await intruder.closed()
            assert code == 1008
            return seen, reason, server.authenticated("gov")

    seen, reason, authenticated = run_bounded(scenario())
    assert seen.events == [] and authenticated is None
    assert reason is not None and "key" in reason and "sources dialog" in reason


def test_an_unauthenticated_client_never_takes_a_room_over() -> None:
    async def scenario() -> tuple[FeedRecorder, str | None]:
        seen = FeedRecorder()
        async with (
            server_for(seen, rooms=["gov"]) as server,
            UserscriptClient(url(server, "/gov")) as real,
        ):
            await real.comment("真实观众", "一")
            await seen.wait_for(lambda: len(seen.events) == 1)
            for _ in range(20):  # the stock script's shape: root path, no key
                async with UserscriptClient(url(server, "/", None)) as fake:
                    await try_sending(fake, STOCK_HELLO, FAKE)
                    _, reason = await fake.closed()
            await real.comment("真实观众", "二")
            await seen.wait_for(lambda: len(seen.events) == 2)
            assert server.authenticated("gov") is True
        return seen, reason

    seen, reason = run_bounded(scenario())
    assert [e.nickname for e in seen.events] == ["真实观众", "真实观众"]
    assert reason == "room /gov is already served; only a client with the key can replace it"


def test_the_stock_script_feeds_the_only_room_marked_unauthenticated(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def scenario() -> tuple[FeedRecorder, list[bool | None]]:
        seen = FeedRecorder()
        marks = []
        async with (
            server_for(seen, rooms=["gov"]) as server,
            UserscriptClient(url(server, "/", None)) as stock,
        ):
            await stock.send(STOCK_HELLO)
            await stock.comment("快手网友", "乡道什么时候修？")
            await stock.like("路人甲")
            await stock.gift("快手网友", "棒棒糖")
            await seen.wait_for(lambda: len(seen.events) == 3)
            marks.append(server.authenticated("gov"))
            # Our own script, with the key, replaces it (and the room is authenticated).
            async with UserscriptClient(url(server, "/gov")) as ours:
                await stock.closed()
                await ours.comment("b", "二")
                await seen.wait_for(lambda: len(seen.events) == 4)
                marks.append(server.authenticated("gov"))
        return seen, marks

    with caplog.at_level("WARNING", logger="studio.feed.kuaishou_server"):
        seen, marks = run_bounded(scenario())
    assert [e.kind for e in seen.events] == ["comment", "like", "gift", "comment"]
    assert {e.room_key for e in seen.events} == {"gov"}
    assert marks == [False, True]
    assert any("stock userscript" in r.getMessage() for r in caplog.records)


def test_the_stock_script_is_refused_when_two_rooms_are_served() -> None:
    async def scenario() -> tuple[FeedRecorder, int | None, str | None]:
        seen = FeedRecorder()
        async with (
            server_for(seen) as server,
            UserscriptClient(url(server, "/", None)) as stock,
        ):
            await try_sending(stock, STOCK_HELLO, FAKE)
            code, reason = await stock.closed()
        return seen, code, reason

    seen, code, reason = run_bounded(scenario())
    assert seen.events == [] and code == 1008
    assert reason is not None
    assert "install Studio Desk's userscript from the sources dialog" in reason
    assert "can't tell the rooms apart" in reason
