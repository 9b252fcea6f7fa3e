"""The WebSocket server the Kuaishou userscript connects to (``127.0.0.1:5001``).

The path of each connection (``/gov``, ``/dept`` or a configured key) names its room; the
script sends no ids or times, so the server makes its own message ids. Plain asyncio with plain
callables for output (see :mod:`studio.feed.tap`); the Qt service wraps it.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import Self

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.frames import CloseCode
from websockets.typing import Origin

from studio.domain.feed_event import FeedState
from studio.feed.adapters import KuaishouAdapter
from studio.feed.tap import (
    DEFAULT_STALE_AFTER,
    TRANSPORT_MAX_SIZE,
    EventSink,
    FeedCounts,
    FeedTap,
    FrameSink,
    RejectSink,
    StateSink,
)

logger = logging.getLogger(__name__)

#: Browsers send ``Origin``; a page on any other site must not be able to inject comments.
KUAISHOU_ORIGINS: tuple[str | re.Pattern[str] | None, ...] = (
    None,
    re.compile(r"https?://([a-z0-9-]+\.)*kuaishou\.com(:[0-9]+)?"),
)


class KuaishouServer:
    """The WebSocket server the Kuaishou userscript connects to, one path per live room.

    Each room has its own state: ``WAITING`` (no script attached) ⇄ ``CONNECTED`` ⇄ ``STALE``;
    ``STOPPED`` after the server closes. A connection to an unknown path is accepted and closed
    at once with code 1008 and a reason naming the valid paths, so the script's console says
    what is wrong. A second connection on a room's path replaces the first (a reloaded page
    must not wait for its dead predecessor to time out).

    Use as ``async with KuaishouServer(...) as server:`` or run ``serve_forever()`` as a task.

    Attributes:
        rooms: the path keys served.
        port: the bound port (useful with ``port=0``); ``None`` until started.
    """

    def __init__(
        self,
        *,
        on_events: EventSink,
        on_state: StateSink | None = None,
        on_rejected: RejectSink | None = None,
        on_frame: FrameSink | None = None,
        frame_sink_for: Callable[[str], FrameSink] | None = None,
        rooms: Iterable[str] = ("gov", "dept"),
        host: str = "127.0.0.1",
        port: int = 5001,
        stale_after: float = DEFAULT_STALE_AFTER,
        allowed_origins: Sequence[str | re.Pattern[str] | None] | None = KUAISHOU_ORIGINS,
        clock: Callable[[], float] = time.time,
        run_token: str | None = None,
    ) -> None:
        """Make a server; nothing listens until started.

        Args:
            on_events / on_state / on_rejected / on_frame: see the ``…Sink`` types; the source
                passed to ``on_state`` is the room key.
            frame_sink_for: instead of ``on_frame``, each room's own frame sink, made from
                its key (a frame does not name its room).
            rooms: path keys, e.g. ``("gov", "dept")``; letters, digits, ``-`` and ``_``.
            host, port: where to listen; keep the host on loopback.
            stale_after: seconds without a message before a room is called stale.
            allowed_origins: acceptable ``Origin`` headers (``None`` in the list: no header);
                ``None`` to accept any.
            clock: wall clock for ``received_at``.
            run_token: distinguishes this run's message ids; derived from the clock by default.
        """
        self.rooms = tuple(rooms)
        for key in self.rooms:
            if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", key):
                raise ValueError(f"room key {key!r}: use 1-32 letters, digits, '-' or '_'")
        self.host = host
        self.port: int | None = None
        self._requested_port = port
        self._origins = (
            None
            if allowed_origins is None
            else [Origin(o) if isinstance(o, str) else o for o in allowed_origins]
        )
        token = run_token or _base36(int(clock() * 1000))
        self._taps = {
            key: FeedTap(
                key,
                KuaishouAdapter(key, token),
                on_events=on_events,
                on_state=on_state,
                on_rejected=on_rejected,
                on_frame=frame_sink_for(key) if frame_sink_for else on_frame,
                stale_after=stale_after,
                clock=clock,
                default_room=key,
            )
            for key in self.rooms
        }
        self._current: dict[str, ServerConnection] = {}
        self._server: Server | None = None

    def state(self, room: str) -> FeedState | None:
        """A room's current state; ``None`` before the server started."""
        return self._taps[room].state

    def counts(self, room: str) -> FeedCounts:
        """What a room's script has sent so far."""
        return self._taps[room].counts

    async def start(self) -> None:
        """Bind and start accepting connections."""
        self._server = await serve(
            self._handle,
            self.host,
            self._requested_port,
            origins=self._origins,
            max_size=TRANSPORT_MAX_SIZE,
            close_timeout=2.0,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        for tap in self._taps.values():
            tap.set_state(FeedState.WAITING)

    async def stop(self) -> None:
        """Close every connection and stop listening."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
            await server.wait_closed()
        for tap in self._taps.values():
            tap.set_state(FeedState.STOPPED)

    async def serve_forever(self) -> None:
        """Start, then serve until cancelled."""
        async with self:
            await asyncio.Future()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    async def _handle(self, ws: ServerConnection) -> None:
        path = urllib.parse.urlsplit(ws.request.path if ws.request else "").path
        key = path.strip("/")
        tap = self._taps.get(key)
        if tap is None:
            logger.warning("kuaishou: refused a connection to unknown room path %r", path[:64])
            await ws.close(CloseCode.POLICY_VIOLATION, self._unknown_path_reason(path))
            return
        previous = self._current.get(key)
        self._current[key] = ws
        if previous is not None:
            await previous.close(CloseCode.NORMAL_CLOSURE, "replaced by a newer connection")
        tap.connected()
        try:
            await tap.pump(ws)
        except ConnectionClosed:
            pass
        finally:
            if self._current.get(key) is ws:
                del self._current[key]
                tap.set_state(FeedState.WAITING if self._server else FeedState.STOPPED)

    def _unknown_path_reason(self, path: str) -> str:
        shown = path if len(path) <= 24 else path[:23] + "…"
        valid = ", ".join("/" + key for key in self.rooms)
        reason = f"unknown room {shown!r}; use {valid}"
        # A close reason must fit in 123 bytes of UTF-8.
        return reason.encode()[:123].decode(errors="ignore")


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = digits[digit] + text
        if not number:
            return text
