"""The control API: HTTP actions, ``GET /api/status`` and a WebSocket, on the app's own loop.

A Stream Deck (through Bitfocus Companion), a foot pedal or a script presses a button with a
plain GET; the same paths take a POST. Every action goes through the same service as the
desk's key (stored first, one at a time, audited as the seat ``api`` or the token's name) and
answers ``{"ok": true, ...the status}`` or ``{"ok": false, "code": …, "reason": …}`` with a 4xx.

Who may call: on loopback (the default) any local program, but no web page — a browser's
request carries an ``Origin`` that is not ours and is refused, and a ``Host`` that is not a
loopback name (DNS rebinding) is refused too; on the LAN only a caller with the token
(``Authorization: Bearer …``, ``X-Studio-Token`` or ``?token=``). Bodies and query strings
are bounded; no answer ever carries a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import WSMsgType, web

from studio.api.status import StatusBoard
from studio.domain.api_choice import DEFAULT_PORT
from studio.domain.refusals import Refused
from studio.services.moderation import ModerationService
from studio.services.refusal_text import refusal_text
from studio.services.rig_monitor import RigMonitorService
from studio.services.timer import TimerService
from studio.store.timer_store import TimerConflict

log = logging.getLogger(__name__)

MAX_BODY = 4096
MAX_QUERY = 1024
MAX_NOTE = 200
MAX_ADD_S = 3600
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ApiRefusal(Exception):
    """A request the API answers with a 4xx: the HTTP status, a code and the reason."""

    def __init__(self, status: int, code: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class ApiAccess:
    """Where the API listens and who may call it.

    Attributes:
        host, port: the address (port 0: any free port, for tests).
        token: the secret a caller presents; required unless ``host`` is loopback.
        token_name: the seat the audit names for a caller with the token ("api" if none).
    """

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    token: str | None = None
    token_name: str = "api"

    @property
    def loopback(self) -> bool:
        if self.host in LOOPBACK_NAMES:
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def token_from_text(text: str | None) -> tuple[str | None, str]:
    """``NAME:SECRET`` or ``SECRET`` (e.g. ``$STUDIO_API_TOKEN``): the secret and the audit's
    seat (``api:NAME``, or ``api``)."""
    if not text:
        return None, "api"
    name, sep, secret = text.partition(":")
    if sep and name and secret:
        return secret, f"api:{name}"
    return text, "api"


def _refused(status: int, code: str, reason: str) -> web.Response:
    return web.json_response({"ok": False, "code": code, "reason": reason}, status=status)


class ControlApi:
    """Serves the API for one running studio (start once, stop before the database closes)."""

    def __init__(
        self,
        access: ApiAccess,
        board: StatusBoard,
        timer: TimerService,
        moderation: ModerationService,
        rig_monitor: RigMonitorService,
    ) -> None:
        if not access.loopback and not access.token:
            raise ValueError("the control API listens beyond this computer only with a token")
        self.access = access
        self.board = board
        self._timer = timer
        self._moderation = moderation
        self._rig = rig_monitor
        self._runner: web.AppRunner | None = None
        self._sockets: set[web.WebSocketResponse] = set()
        self._wakes: set[_Changes] = set()
        self.port: int | None = None
        board.listeners.append(self._changed)

    # -- starting and stopping ---------------------------------------------------------------
    async def start(self) -> int:
        """Listen; returns the port (the one chosen when ``access.port`` is 0)."""
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        for path, handler in self._actions().items():
            app.router.add_get(path, handler, allow_head=False)
            app.router.add_post(path, handler)
        app.router.add_get("/api/status", self._status, allow_head=False)
        app.router.add_get("/api/ws", self._websocket, allow_head=False)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=5)
        await runner.setup()
        site = web.TCPSite(runner, self.access.host, self.access.port)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.port = runner.addresses[0][1]
        log.info("control API on http://%s:%s/api/", self.access.host, self.port)
        return self.port

    async def stop(self) -> None:
        """Close every WebSocket, wait (bounded) for the actions under way, stop listening."""
        if self._runner is None:
            return
        runner, self._runner = self._runner, None
        with contextlib.suppress(ValueError):
            self.board.listeners.remove(self._changed)
        for ws in list(self._sockets):
            await ws.close(code=1001, message=b"the studio is closing")
        await runner.cleanup()
        log.info("control API stopped")

    # -- guarding every request --------------------------------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            self._check(request)
            return await handler(request)
        except ApiRefusal as refusal:
            return _refused(refusal.status, refusal.code, refusal.reason)
        except Refused as refused:  # the clock or the store refused; nothing was written
            return _refused(409, str(refused.code), refusal_text(refused))
        except web.HTTPException as http:  # no such path, wrong method, body too large …
            if http.status < 400:
                raise
            reason = {404: "no such endpoint", 405: "method not allowed"}.get(
                http.status, http.reason
            )
            return _refused(http.status, "http", reason)
        except Exception:
            log.exception("control API: %s %s failed", request.method, request.path)
            return _refused(500, "internal", "the studio could not do it; see its log")

    def _check(self, request: web.Request) -> None:
        if len(request.query_string) > MAX_QUERY:
            raise ApiRefusal(414, "too_long", f"the query is longer than {MAX_QUERY} characters")
        if self.access.loopback and (request.url.host or "").strip("[]") not in LOOPBACK_NAMES:
            raise ApiRefusal(403, "host", "this API answers only to a loopback address")
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            raise ApiRefusal(403, "origin", "requests from a web page are refused")
        if self.access.token is not None:
            given = (
                request.headers.get("X-Studio-Token")
                or _bearer(request.headers.get("Authorization", ""))
                or request.query.get("token", "")
            )
            if not hmac.compare_digest(given.encode(), self.access.token.encode()):
                raise ApiRefusal(401, "token", "a valid token is needed")

    # -- state -------------------------------------------------------------------------------
    async def _status(self, _request: web.Request) -> web.Response:
        return web.json_response({"ok": True, **self.board.status()})

    def _changed(self, what: str) -> None:
        for changes in self._wakes:
            changes.add(what)

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(heartbeat=30, max_msg_size=MAX_BODY)
        await ws.prepare(request)
        changes = _Changes()
        self._sockets.add(ws)
        self._wakes.add(changes)
        sender = asyncio.ensure_future(self._send_changes(ws, changes))
        try:
            async for message in ws:  # nothing is read from a client; it may only close
                if message.type == WSMsgType.ERROR:
                    break
        finally:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sender
            self._wakes.discard(changes)
            self._sockets.discard(ws)
        return ws

    async def _send_changes(self, ws: web.WebSocketResponse, changes: _Changes) -> None:
        try:
            await ws.send_str(self._message(["snapshot"]))
            while not ws.closed:
                events = await changes.wait()
                if ws.closed:
                    return
                await ws.send_str(self._message(events))
        except ConnectionError:  # the client went away between two changes
            log.debug("control API: a WebSocket client left")

    def _message(self, events: list[str]) -> str:
        return json.dumps({"events": events, **self.board.status()}, ensure_ascii=False)

    # -- actions -----------------------------------------------------------------------------
    def _actions(self) -> dict[str, Handler]:
        def timer(operation: str) -> Handler:
            async def handle(_request: web.Request) -> web.Response:
                return await self._timer_action(operation)

            return handle

        actions: dict[str, Handler] = {
            f"/api/timer/{op}": timer(op) for op in ("go", "pause", "resume", "next", "previous")
        }
        actions |= {
            "/api/timer/add/{seconds}": self._add,
            "/api/timer/jump/{number}": self._jump,
            "/api/screen/blackout": timer("blackout"),
            "/api/screen/clear": timer("clear_note"),
            "/api/screen/note": self._note,
            "/api/queue/next": self._queue_next,
            "/api/question/answered": self._answered,
            "/api/phones/stayon": self._stay_on,
        }
        return actions

    async def _timer_action(
        self, operation: str, argument: int | str | None = None
    ) -> web.Response:
        try:
            await self._timer.perform(operation, argument, seat=self.access.token_name)
        except TimerConflict as conflict:
            raise ApiRefusal(409, "conflict", str(conflict)) from None
        return await self._done()

    async def _add(self, request: web.Request) -> web.Response:
        seconds = _whole_number(request.match_info["seconds"], "seconds")
        if not -MAX_ADD_S <= seconds <= MAX_ADD_S or seconds == 0:
            raise ApiRefusal(400, "value", f"add between 1 and {MAX_ADD_S} seconds (or take away)")
        return await self._timer_action("add", seconds)

    async def _jump(self, request: web.Request) -> web.Response:
        number = _whole_number(request.match_info["number"], "segment number")
        if number < 1:
            raise ApiRefusal(400, "value", "segments are numbered from 1")
        return await self._timer_action("jump", number - 1)

    async def _note(self, request: web.Request) -> web.Response:
        text = request.query.get("text")
        if text is None and request.content_type == "application/x-www-form-urlencoded":
            field = (await request.post()).get("text")
            text = field if isinstance(field, str) else None
        elif text is None and request.method == "POST" and request.can_read_body:
            body = await request.text()
            try:
                parsed = json.loads(body)
                text = parsed.get("text") if isinstance(parsed, dict) else None
            except ValueError:
                text = body
        text = (text or "").strip()
        if not text:
            raise ApiRefusal(400, "value", "a note needs text (?text=…)")
        if len(text) > MAX_NOTE:
            raise ApiRefusal(400, "value", f"a note is at most {MAX_NOTE} characters")
        return await self._timer_action("note", text)

    async def _queue_next(self, _request: web.Request) -> web.Response:
        await self._moderation.step_on_air_now("next", seat=self.access.token_name)
        return await self._done(queue_changed=True)

    async def _answered(self, _request: web.Request) -> web.Response:
        await self._moderation.answer_on_air(seat=self.access.token_name)
        return await self._done(queue_changed=True)

    async def _stay_on(self, _request: web.Request) -> web.Response:
        keys = [s.key for s in self._rig.statuses]
        if not keys:
            raise ApiRefusal(409, "no_phones", "no phone is connected")
        self._rig.set_stay_awake(keys, True)
        return web.json_response({"ok": True, "phones": keys})

    async def _done(self, *, queue_changed: bool = False) -> web.Response:
        if queue_changed:  # the answer shows the move's result, not the state before it
            await self.board.refresh_queue()
        return web.json_response({"ok": True, **self.board.status()})


class _Changes:
    """What changed since a WebSocket client was last sent the status (names, in order)."""

    def __init__(self) -> None:
        self._events: list[str] = []
        self._wake = asyncio.Event()

    def add(self, what: str) -> None:
        if what not in self._events:
            self._events.append(what)
        self._wake.set()

    async def wait(self) -> list[str]:
        await self._wake.wait()
        self._wake.clear()
        events, self._events = self._events, []
        return events


def _bearer(header: str) -> str:
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _whole_number(text: str, what: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ApiRefusal(400, "value", f"not a whole number ({what}): {text[:20]!r}") from None
