"""The control API end to end: a demo hour driven through HTTP alone, followed over a WebSocket."""

import asyncio
import json

import aiohttp
import pytest
from sqlalchemy import select

from studio.api.server import ApiAccess
from studio.domain.seats import Seat, SeatRole
from studio.options import parse_options
from studio.store.models import AuditEvent

TIMEOUT = aiohttp.ClientTimeout(total=10)


async def next_change(ws, check, timeout: float = 5.0) -> dict:
    """The next WebSocket message for which ``check(message)`` holds (bounded)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        left = deadline - loop.time()
        assert left > 0, "the WebSocket did not show the change in time"
        message = await ws.receive(timeout=left)
        assert message.type == aiohttp.WSMsgType.TEXT, message
        data = json.loads(message.data)
        if check(data):
            return data


async def act(http, url: str, *, method: str = "GET", expect: int = 200, **kwargs) -> dict:
    async with http.request(method, url, **kwargs) as response:
        body = await response.json()
        assert response.status == expect, body
        assert body["ok"] is (expect == 200)
        return body


def test_a_whole_demo_hour_through_the_api_alone(serve, demo_db, event_loop_qt):
    studio, base = serve(demo_db)

    async def hour() -> int:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
            ws = await http.ws_connect(f"{base}/api/ws")
            snap = await next_change(ws, lambda m: "snapshot" in m["events"])
            assert snap["timer"]["started"] is False
            assert snap["on_air"] is None and snap["queue_length"] == 2
            segments = snap["timer"]["segment_count"]

            done = await act(http, f"{base}/api/timer/go")
            assert done["timer"]["running"] is True
            seen = await next_change(ws, lambda m: m["timer"]["running"])
            assert "timer" in seen["events"] and seen["timer"]["segment_index"] == 0

            await act(http, f"{base}/api/screen/note", params={"text": "请先答第一个问题"})
            seen = await next_change(ws, lambda m: "note" in m["events"])
            assert seen["note"]["text"] == "请先答第一个问题" and seen["note"]["read"] is False

            done = await act(http, f"{base}/api/queue/next", method="POST")
            assert done["on_air"] is not None and done["queue_length"] == 1
            first = done["on_air"]["id"]
            seen = await next_change(ws, lambda m: "on_air" in m["events"])
            assert seen["on_air"]["id"] == first

            done = await act(http, f"{base}/api/question/answered")
            assert done["on_air"] is None
            seen = await next_change(ws, lambda m: m["on_air"] is None)
            assert seen["queue_length"] == 1

            before = studio.timer.reading().remaining_s
            done = await act(http, f"{base}/api/timer/add/120")
            assert done["timer"]["remaining_s"] > before + 100
            await next_change(ws, lambda m: m["timer"]["remaining_s"] > before + 100)

            await act(http, f"{base}/api/screen/note", method="POST", json={"text": "还剩五分钟"})
            await next_change(ws, lambda m: m["note"]["text"] == "还剩五分钟")
            await act(http, f"{base}/api/screen/note", method="POST", data={"text": "请收尾"})
            await next_change(ws, lambda m: m["note"]["text"] == "请收尾")
            await act(http, f"{base}/api/screen/clear")
            await next_change(ws, lambda m: m["note"]["text"] == "")
            await act(http, f"{base}/api/screen/blackout")
            await next_change(ws, lambda m: m["note"]["blackout"])
            await act(http, f"{base}/api/screen/blackout", method="POST")
            await next_change(ws, lambda m: not m["note"]["blackout"])

            # The countdown runs on without any call: ticks, at most once a second.
            tick = await next_change(ws, lambda m: m["events"] == ["tick"])
            assert tick["timer"]["remaining_text"]

            done = await act(http, f"{base}/api/timer/next")
            assert done["timer"]["segment_index"] == 1
            await next_change(ws, lambda m: m["timer"]["segment_index"] == 1)

            done = await act(http, f"{base}/api/queue/next")
            second = done["on_air"]["id"]
            assert second != first and done["queue_length"] == 0
            await next_change(ws, lambda m: (m["on_air"] or {}).get("id") == second)
            await act(http, f"{base}/api/question/answered")
            await next_change(ws, lambda m: m["on_air"] is None)

            await act(http, f"{base}/api/timer/jump/{segments}")
            await next_change(ws, lambda m: m["timer"]["segment_index"] == segments - 1)
            done = await act(http, f"{base}/api/timer/next")
            assert done["timer"]["ended"] is True
            seen = await next_change(ws, lambda m: m["timer"]["ended"])
            assert seen["timer"]["running"] is False

            status = await act(http, f"{base}/api/status")
            assert status["timer"]["ended"] and status["on_air"] is None
            await ws.close()
            return segments

    segments = event_loop_qt.run_until_complete(hour())
    with demo_db.sessions() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.seat == "api"))]
    for action in ("timer.go", "screen.note", "timer.add:120", "screen.clear_note", "timer.next"):
        assert action in actions, (action, actions)
    assert f"timer.jump:{segments - 1}" in actions, actions
    assert actions.count("question.answer") == 2, actions
    assert actions.count("question.put_on_air") == 2, actions


def test_refusals_are_4xx_json_with_a_reason(serve, demo_db, event_loop_qt):
    _studio, base = serve(demo_db)

    async def refused() -> None:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
            body = await act(http, f"{base}/api/timer/pause", expect=409)
            assert body["reason"]
            body = await act(http, f"{base}/api/question/answered", expect=409)
            assert body["code"] == "nothing_on_air"
            for _ in range(2):  # the queue and the one on air form a ring: answer both
                await act(http, f"{base}/api/queue/next")
                await act(http, f"{base}/api/question/answered")
            body = await act(http, f"{base}/api/queue/next", expect=409)
            assert body["code"] == "queue_empty"
            body = await act(http, f"{base}/api/phones/stayon", expect=409)
            assert body["code"] == "no_phones"
            await act(http, f"{base}/api/timer/add/ten", expect=400)
            await act(http, f"{base}/api/timer/add/99999", expect=400)
            await act(http, f"{base}/api/timer/jump/0", expect=400)
            await act(http, f"{base}/api/timer/jump/99", expect=409)
            await act(http, f"{base}/api/screen/note", expect=400)
            await act(http, f"{base}/api/screen/note", params={"text": "长" * 500}, expect=400)
            body = await act(http, f"{base}/api/nothing/here", expect=404)
            assert "Traceback" not in json.dumps(body)
            await act(http, f"{base}/api/timer/go", method="PUT", expect=405)
            await act(http, f"{base}/api/status", params={"q": "x" * 2000}, expect=414)
            await act(http, f"{base}/api/screen/note", method="POST", data="x" * 10_000, expect=413)
            # A web page in the operator's browser must not drive the show.
            await act(
                http, f"{base}/api/timer/go", headers={"Origin": "http://evil.example"}, expect=403
            )
            # Nor one reaching us through a name that resolves to 127.0.0.1 (DNS rebinding).
            await act(http, f"{base}/api/status", headers={"Host": "evil.example"}, expect=403)
            # Nothing refused was applied.
            status = await act(http, f"{base}/api/status")
            assert status["timer"]["started"] is False and status["note"]["text"] == ""

    event_loop_qt.run_until_complete(refused())


def test_with_a_token_only_its_holder_acts_audited_by_its_name(serve, demo_db, event_loop_qt):
    demo_db.seat = Seat("王芳", SeatRole.MODERATOR)  # the desk's person: not the API's acts'
    _studio, base = serve(
        demo_db, ApiAccess(host="127.0.0.1", port=0, token="s3cret", token_name="api:deck")
    )

    async def calls() -> None:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
            await act(http, f"{base}/api/timer/go", expect=401)
            await act(http, f"{base}/api/timer/go", params={"token": "wrong"}, expect=401)
            await act(http, f"{base}/api/status", headers={"X-Studio-Token": "s3cret"})
            await act(http, f"{base}/api/timer/go", headers={"Authorization": "Bearer s3cret"})

    event_loop_qt.run_until_complete(calls())
    with demo_db.sessions() as s:
        seats = set(
            tuple(row)
            for row in s.execute(
                select(AuditEvent.seat, AuditEvent.person, AuditEvent.role).where(
                    AuditEvent.action == "timer.go"
                )
            )
        )
    assert seats == {("api:deck", "api:deck", "api")}


def test_the_lan_is_refused_without_a_token(serve, demo_db, event_loop_qt):
    studio, _base = serve(demo_db)
    studio.api, first = None, studio.api
    try:
        lan = ApiAccess(host="0.0.0.0", port=0)
        assert event_loop_qt.run_until_complete(studio.start_api(lan)) is None
    finally:
        studio.api = first


def test_the_api_option_takes_host_and_port():
    assert parse_options(["--api", "4780"]).api == ("127.0.0.1", 4780)
    assert parse_options(["--api", "0.0.0.0:8088"]).api == ("0.0.0.0", 8088)
    assert parse_options([]).api is None
    with pytest.raises(SystemExit):
        parse_options(["--api", "here"])


def test_the_command_line_drives_the_timer_through_the_api(serve, demo_db, event_loop_qt):
    """``studio timer … --api``: the same JSON keys as without it, audited as the API's seat."""
    import subprocess
    import sys

    from studio.store.timer_store import load_timer, timer_status

    studio, base = serve(demo_db)
    address = base.removeprefix("http://")

    def command(*argv: str) -> subprocess.CompletedProcess[str]:
        run = [sys.executable, "-m", "studio", "timer", *argv, "--api", address]
        return subprocess.run(run, capture_output=True, text=True, timeout=30)

    async def presses() -> None:
        loop = asyncio.get_running_loop()
        went = await loop.run_in_executor(None, command, "go", "--json")
        assert went.returncode == 0, went.stderr
        shown = json.loads(went.stdout)
        expected = timer_status(load_timer(demo_db, studio.timer.session_id), 0.0)
        assert shown.keys() == expected.keys() and shown["running"] is True
        added = await loop.run_in_executor(None, command, "add", "-30")
        assert added.returncode == 0 and "segment 1/" in added.stdout, added
        refused = await loop.run_in_executor(None, command, "go")
        assert refused.returncode == 1 and refused.stderr.startswith("studio: ")

    event_loop_qt.run_until_complete(presses())
    with demo_db.sessions() as s:
        actions = set(s.scalars(select(AuditEvent.action).where(AuditEvent.seat == "api")))
    assert {"timer.go", "timer.add:-30"} <= actions


def test_commands_the_api_path_does_not_handle_go_to_the_full_command_line():
    from studio.api_client import _request

    assert _request(["timer", "jump", "3", "--api", "4780", "--json"]) == (
        "127.0.0.1",
        4780,
        "/api/timer/jump/3",
        True,
    )
    assert _request(["timer", "status", "--api", "[::1]:80"]) == ("::1", 80, "/api/status", False)
    for argv in (
        ["timer", "status", "--json"],  # no --api: the database
        ["timer", "actuals", "--api", "4780"],
        ["timer", "add", "--api", "4780"],
        ["timer", "go", "--session", "3", "--api", "4780"],
        ["feed", "status", "--api", "4780"],
        ["timer", "go", "--api", "here"],
    ):
        assert _request(argv) is None, argv
