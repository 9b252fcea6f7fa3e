"""No flood takes the studio down: rate caps per connection, a cap on open connections, a
recording cap. The flood's effect on the window is measured in ``bench feed`` (not here)."""

import asyncio
import contextlib
import logging
import resource
import socket
import sys

import pytest

from studio.feed.kuaishou_server import MAX_CONNECTIONS, KuaishouServer
from studio.feed.tap import OVER_RATE_CAP, RateCap, TokenBucket
from tests.helpers.fake_capture import FeedRecorder, UserscriptClient, run_bounded


def server_for(seen: FeedRecorder, **options: object) -> KuaishouServer:
    options.setdefault("run_token", "t")
    return KuaishouServer(port=0, **seen.callbacks(), **options)  # type: ignore[arg-type]


def test_token_bucket_admits_a_burst_then_the_rate() -> None:
    bucket = TokenBucket(RateCap(rate=10.0, burst=5.0), now=0.0)
    assert [bucket.admit(0.0) for _ in range(7)] == [True] * 5 + [False] * 2
    assert bucket.admit(0.1)  # one token back after 1/10 s
    assert not bucket.admit(0.1)
    assert [bucket.admit(10.0) for _ in range(6)] == [True] * 5 + [False]  # never above the burst


def test_frames_over_the_rate_cap_are_dropped_and_counted_as_rejected() -> None:
    """A client flooding its room: the burst goes through, the rest is counted, unread."""
    frozen = [100.0]

    async def scenario() -> tuple[FeedRecorder, KuaishouServer]:
        seen = FeedRecorder()
        server = server_for(seen, rate_cap=RateCap(rate=1.0, burst=50.0))
        server._taps["gov"]._monotonic = lambda: frozen[0]  # the clock stands still: no refill
        async with (
            server,
            UserscriptClient(f"ws://127.0.0.1:{server.port}/gov?key={server.secret}") as flood,
        ):
            for n in range(500):
                await flood.comment(f"刷屏{n}", "县长办公室通知")
            await seen.wait_for(lambda: server.counts("gov").frames == 500)
        assert len(seen.frames) == 50  # what was dropped was not recorded either
        return seen, server

    seen, server = run_bounded(scenario())
    assert len(seen.events) == 50
    counts = server.counts("gov")
    assert counts.throttled == 450 and counts.rejected == 450
    assert counts.rooms["gov"].rejected == 450
    assert {r.reason for r in seen.rejected} == {OVER_RATE_CAP}
    assert {r.room_key for r in seen.rejected} == {"gov"}


def test_a_new_connection_starts_with_a_full_bucket() -> None:
    frozen = [5.0]

    async def scenario() -> KuaishouServer:
        seen = FeedRecorder()
        server = server_for(seen, rate_cap=RateCap(rate=1.0, burst=3.0))
        server._taps["gov"]._monotonic = lambda: frozen[0]
        async with server:
            for connection in (1, 2):
                async with UserscriptClient(
                    f"ws://127.0.0.1:{server.port}/gov?key={server.secret}"
                ) as script:
                    for n in range(5):
                        await script.comment(f"观众{n}", "问题")
                    await seen.wait_for(lambda c=connection: server.counts("gov").frames == 5 * c)
                await seen.wait_for(lambda: server.authenticated("gov") is None)
        return server

    server = run_bounded(scenario())
    assert server.counts("gov").throttled == 4  # 2 of 5 over the burst, twice


def _half_open(port: int, count: int) -> list[socket.socket]:
    """``count`` TCP connections that never start the WebSocket handshake."""
    sockets = []
    for _ in range(count):
        s = socket.socket()
        s.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            s.connect(("127.0.0.1", port))
        sockets.append(s)
    return sockets


#: Another process on the computer opening half-open connections (the probe's attack).
ATTACKER = r"""
import resource, socket, sys, time
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
port, count = int(sys.argv[1]), int(sys.argv[2])
crowd = []
deadline = time.monotonic() + 8
for _ in range(count):
    if time.monotonic() > deadline:
        break
    s = socket.socket()
    s.settimeout(0.3)
    try:
        s.connect(("127.0.0.1", port))  # the TCP handshake, then nothing
    except OSError:
        pass
    crowd.append(s)
print("ready", flush=True)
sys.stdin.read()
"""


def test_half_open_connections_neither_lock_the_userscript_out_nor_log_tracebacks(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The probe: 1,100 half-open connections from another process (more than the default
    1,024 descriptors) locked the real userscript out and logged 996 tracebacks."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1_200:
        pytest.skip(f"this machine allows only {hard} open files; the attacker needs 1,200")
    attackers = 1_100

    async def scenario() -> tuple[KuaishouServer, FeedRecorder, int]:
        seen = FeedRecorder()
        async with server_for(seen) as server:  # the default cap
            attacker = await asyncio.create_subprocess_exec(
                sys.executable,
                "-c",
                ATTACKER,
                str(server.port),
                str(attackers),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
            )
            try:
                assert attacker.stdout is not None and attacker.stdin is not None
                assert (await attacker.stdout.readline()).strip() == b"ready"
                await seen.wait_for(lambda: server.gate.refused >= 100, timeout=10)
                most_open = server.gate.open
                async with UserscriptClient(
                    f"ws://127.0.0.1:{server.port}/gov?key={server.secret}"
                ) as script:
                    await script.comment("真实观众", "低保怎么申请？")
                    await seen.wait_for(lambda: len(seen.events) == 1)
                    assert server.authenticated("gov") is True
            finally:
                if attacker.stdin is not None:
                    attacker.stdin.close()
                await attacker.wait()
        return server, seen, most_open

    # This process keeps the default limit the probe met (the app raises its own at start).
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(1_024, hard), hard))
    try:
        with caplog.at_level(logging.WARNING):
            server, seen, most_open = run_bounded(scenario(), timeout=30)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert seen.events[0].text == "低保怎么申请？"
    assert most_open <= MAX_CONNECTIONS
    assert server.gate.refused >= 100
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    warnings = [r for r in caplog.records if "connections at once" in r.getMessage()]
    assert 1 <= len(warnings) <= attackers // 100 + 1  # told, not once per connection


def test_the_oldest_half_open_connection_makes_room_for_a_newcomer() -> None:
    async def scenario() -> tuple[KuaishouServer, FeedRecorder]:
        seen = FeedRecorder()
        async with server_for(seen, max_connections=4) as server:
            assert server.port is not None
            crowd = _half_open(server.port, 4)
            try:
                await seen.wait_for(lambda: server.gate.open == 4)
                async with UserscriptClient(
                    f"ws://127.0.0.1:{server.port}/dept?key={server.secret}"
                ) as script:
                    await script.comment("观众", "公交什么时候通？")
                    await seen.wait_for(lambda: len(seen.events) == 1)
            finally:
                for s in crowd:
                    s.close()
        return server, seen

    server, seen = run_bounded(scenario())
    assert server.gate.refused == 1
    assert seen.events[0].room_key == "dept"


def test_when_every_open_connection_is_established_the_newcomer_is_dropped() -> None:
    async def scenario() -> tuple[KuaishouServer, FeedRecorder]:
        seen = FeedRecorder()
        async with server_for(seen, max_connections=2) as server:
            base = f"ws://127.0.0.1:{server.port}"
            async with (
                UserscriptClient(f"{base}/gov?key={server.secret}") as gov,
                UserscriptClient(f"{base}/dept?key={server.secret}") as dept,
            ):
                with pytest.raises((OSError, asyncio.TimeoutError, Exception)):
                    async with UserscriptClient(f"{base}/gov?key={server.secret}"):
                        pass
                await gov.comment("甲", "一")
                await dept.comment("乙", "二")
                await seen.wait_for(lambda: len(seen.events) == 2)
        return server, seen

    server, seen = run_bounded(scenario())
    assert server.gate.refused == 1
    assert {e.room_key for e in seen.events} == {"gov", "dept"}
