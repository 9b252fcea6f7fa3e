"""Keep the feed flowing: WebSocket clients of the Douyin capture tools, the Kuaishou server.

* ``CaptureClient`` connects to BarrageGrab or douyinLive, hands parsed events on, reconnects
  with capped, jittered exponential backoff, and reports its state. Run it as a task; cancel the
  task to stop it (the connection is closed and ``STOPPED`` reported).
* ``KuaishouServer`` listens for the Kuaishou userscript on ``127.0.0.1:5001``; the path of each
  connection (``/gov``, ``/dept`` or a configured key) names its room.

Everything is plain asyncio with plain callables for output; the Qt service wraps it later.
Callbacks run in the event loop and must be quick; one that raises is logged, never fatal.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Protocol, Self, TypedDict, Unpack

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import (
    ConnectionClosed,
    ConnectionClosedError,
    InvalidURI,
    WebSocketException,
)
from websockets.frames import CloseCode
from websockets.typing import Origin
from websockets.uri import parse_uri

from studio.domain.feed_event import FeedEvent, FeedEventKind, FeedState, RejectedFrame
from studio.feed.adapters import BarrageGrabAdapter, DouyinLiveAdapter, KuaishouAdapter

logger = logging.getLogger(__name__)

EventSink = Callable[[list[FeedEvent]], None]
"""Receives the events of one frame (never an empty list)."""
StateSink = Callable[[str, FeedState], None]
"""Receives ``(source, state)`` on every change of a source's state."""
RejectSink = Callable[[RejectedFrame], None]
FrameSink = Callable[[str | bytes, float], None]
"""Receives every raw frame with its receive time, before parsing (for the session recording)."""

#: The transport's own message limit. The adapters reject frames over 1 MiB; this is set higher
#: so a merely oversized frame costs one rejection, not the connection.
TRANSPORT_MAX_SIZE = 4 << 20

DEFAULT_STALE_AFTER = 30.0

#: Browsers send ``Origin``; a page on any other site must not be able to inject comments.
KUAISHOU_ORIGINS: tuple[str | re.Pattern[str] | None, ...] = (
    None,
    re.compile(r"https?://([a-z0-9-]+\.)*kuaishou\.com(:[0-9]+)?"),
)


class FrameParser(Protocol):
    """What a connection needs of an adapter."""

    def parse(self, raw: str | bytes, received_at: float) -> list[FeedEvent] | RejectedFrame:
        """Parse one frame without raising."""
        ...


@dataclass(frozen=True)
class Backoff:
    """Reconnect delays: exponential, capped, with "equal jitter" (between half and all of it).

    Jitter keeps two clients that lost the same tool from knocking in step; never going below
    half keeps the cap meaningful.
    """

    initial: float = 0.5
    maximum: float = 30.0
    factor: float = 2.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """The pause before retry number ``attempt`` (0 for the first retry)."""
        ceiling = min(self.maximum, self.initial * self.factor ** min(attempt, 64))
        return ceiling / 2 + rng.random() * ceiling / 2


@dataclass
class RoomCounts:
    """What one room's frames amounted to.

    Attributes:
        events: events handed on.
        rejected: frames refused.
        ended: the tool's last word on the room was that its broadcast ended.
    """

    events: int = 0
    rejected: int = 0
    ended: bool = False


@dataclass
class FeedCounts:
    """What one source received since it was made.

    Attributes:
        frames: WebSocket messages received.
        rejected: frames refused (binary, malformed, oversize …), whatever their room.
        ignored: frames understood but carrying nothing the studio uses.
        rooms: per room key; ``""`` gathers rejections whose room could not be told.
    """

    frames: int = 0
    rejected: int = 0
    ignored: int = 0
    rooms: dict[str, RoomCounts] = field(default_factory=dict)

    def room(self, key: str) -> RoomCounts:
        """The counts of one room, created on first use."""
        return self.rooms.setdefault(key, RoomCounts())


def _call(sink: Callable[..., None] | None, *args: object) -> None:
    if sink is None:
        return
    try:
        sink(*args)
    except Exception:
        logger.exception("feed callback %r failed", sink)


class _FeedTap:
    """One source's frames → adapter → callbacks, counts and state (shared by client and server)."""

    def __init__(
        self,
        source: str,
        adapter: FrameParser,
        *,
        on_events: EventSink,
        on_state: StateSink | None,
        on_rejected: RejectSink | None,
        on_frame: FrameSink | None,
        stale_after: float,
        clock: Callable[[], float],
        default_room: str = "",
    ) -> None:
        self.source = source
        self.adapter = adapter
        self.on_events = on_events
        self.on_state = on_state
        self.on_rejected = on_rejected
        self.on_frame = on_frame
        self.stale_after = stale_after
        self.clock = clock
        self.default_room = default_room
        self.counts = FeedCounts()
        self.state: FeedState | None = None
        self._rooms_ended: dict[str, bool] = {}

    def set_state(self, state: FeedState) -> None:
        if state is self.state:
            return
        logger.info("feed %s: %s", self.source, state)
        self.state = state
        _call(self.on_state, self.source, state)

    def connected(self) -> None:
        """A new connection is up: forget which rooms had ended on the last one."""
        self._rooms_ended.clear()
        self.set_state(FeedState.CONNECTED)

    async def pump(self, ws: ClientConnection | ServerConnection) -> None:
        """Receive until the connection closes (``ConnectionClosed`` is raised)."""
        while True:
            try:
                async with asyncio.timeout(self.stale_after):
                    raw = await ws.recv()
            except TimeoutError:
                if self.state is FeedState.CONNECTED:
                    self.set_state(FeedState.STALE)
                continue
            self.handle(raw)

    def handle(self, raw: str | bytes) -> None:
        received_at = self.clock()
        self.counts.frames += 1
        _call(self.on_frame, raw, received_at)
        result: list[FeedEvent] | RejectedFrame
        if isinstance(raw, bytes):
            # Neither tool sends binary messages; a recording may still hold UTF-8 bytes,
            # which is why the adapters themselves accept them.
            result = RejectedFrame(self.default_room, "binary frame")
        else:
            result = self.adapter.parse(raw, received_at)
        if isinstance(result, RejectedFrame):
            self.reject(result)
        elif result:
            self._deliver(result)
        else:
            self.counts.ignored += 1
        if self.state is FeedState.STALE:
            self.set_state(FeedState.CONNECTED)

    def reject(self, rejected: RejectedFrame) -> None:
        self.counts.rejected += 1
        self.counts.room(rejected.room_key).rejected += 1
        logger.debug("feed %s: rejected frame (%s)", self.source, rejected.reason)
        _call(self.on_rejected, rejected)

    def _deliver(self, events: list[FeedEvent]) -> None:
        for event in events:
            room = self.counts.room(event.room_key)
            room.events += 1
            # A room is live again when viewers act in it; a late stats frame is not enough
            # (Douyin often sends one right after the end).
            if event.kind is not FeedEventKind.STATS:
                room.ended = event.kind is FeedEventKind.ENDED
            self._rooms_ended[event.room_key] = room.ended
        _call(self.on_events, events)
        if all(self._rooms_ended.values()):
            self.set_state(FeedState.ENDED)
        elif self.state is FeedState.ENDED:
            self.set_state(FeedState.CONNECTED)


class CaptureClient:
    """A WebSocket client of one capture tool that keeps reconnecting until cancelled.

    States: ``CONNECTING`` (first attempt) → ``CONNECTED`` ⇄ ``STALE`` (no frame for
    ``stale_after`` s); ``ENDED`` once every room seen on the connection has ended (the
    connection is kept: douyinLive and BarrageGrab resume when the room goes live again);
    ``RECONNECTING`` while waiting to retry; ``STOPPED`` when the task is cancelled.

    Attributes:
        url: the tool's WebSocket URL.
        source: the label passed to ``on_state``.
        counts: what has been received so far.
    """

    def __init__(
        self,
        url: str,
        adapter: FrameParser,
        *,
        on_events: EventSink,
        on_state: StateSink | None = None,
        on_rejected: RejectSink | None = None,
        on_frame: FrameSink | None = None,
        source: str | None = None,
        default_room: str = "",
        stale_after: float = DEFAULT_STALE_AFTER,
        backoff: Backoff = Backoff(),
        stable_after: float = 10.0,
        open_timeout: float = 5.0,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        """Make a client; nothing happens until ``run()``.

        Args:
            url: ``ws://host:port/path`` of the tool; checked here (``ValueError``).
            adapter: parses this tool's frames.
            on_events / on_state / on_rejected / on_frame: see the ``…Sink`` types.
            source: label for ``on_state`` and logs; the URL by default.
            default_room: room key for rejections that cannot name one (douyinLive: live id).
            stale_after: seconds without a frame before a connection is called stale.
            backoff: reconnect delays.
            stable_after: a connection that lasted this long resets the backoff.
            open_timeout: seconds allowed for TCP + WebSocket handshake.
            clock: wall clock for ``received_at``.
            rng: randomness for jitter (seed it in tests).
        """
        try:
            parse_uri(url)  # fail now, not in the loop, on a malformed URL
        except InvalidURI as error:
            raise ValueError(str(error)) from error
        self.url = url
        self.source = source or url
        self.backoff = backoff
        self.stable_after = stable_after
        self.open_timeout = open_timeout
        self._rng = rng or random.Random()
        self._tap = _FeedTap(
            self.source,
            adapter,
            on_events=on_events,
            on_state=on_state,
            on_rejected=on_rejected,
            on_frame=on_frame,
            stale_after=stale_after,
            clock=clock,
            default_room=default_room,
        )

    @property
    def state(self) -> FeedState | None:
        """The current state; ``None`` before ``run()``."""
        return self._tap.state

    @property
    def counts(self) -> FeedCounts:
        return self._tap.counts

    async def run(self) -> None:
        """Connect, receive and reconnect until cancelled; never returns otherwise."""
        loop = asyncio.get_running_loop()
        attempt = 0
        self._tap.set_state(FeedState.CONNECTING)
        try:
            while True:
                connected_at: float | None = None
                try:
                    async with connect(
                        self.url,
                        proxy=None,
                        open_timeout=self.open_timeout,
                        close_timeout=2.0,
                        max_size=TRANSPORT_MAX_SIZE,
                    ) as ws:
                        connected_at = loop.time()
                        self._tap.connected()
                        await self._tap.pump(ws)
                except ConnectionClosed as closed:
                    self._note_closed(closed)
                except (OSError, TimeoutError, WebSocketException) as error:
                    logger.info("feed %s: cannot connect: %s", self.source, error)
                except Exception:
                    logger.exception("feed %s: unexpected failure", self.source)
                if connected_at is not None and loop.time() - connected_at >= self.stable_after:
                    attempt = 0
                self._tap.set_state(FeedState.RECONNECTING)
                await asyncio.sleep(self.backoff.delay(attempt, self._rng))
                attempt += 1
        finally:
            self._tap.set_state(FeedState.STOPPED)

    def _note_closed(self, closed: ConnectionClosed) -> None:
        if (
            isinstance(closed, ConnectionClosedError)
            and closed.sent is not None
            and closed.sent.code == CloseCode.MESSAGE_TOO_BIG
        ):
            self._tap.reject(RejectedFrame(self._tap.default_room, "frame too large"))
        logger.info("feed %s: connection closed: %s", self.source, closed)


class ClientOptions(TypedDict, total=False):
    """The keyword arguments of ``CaptureClient`` the factories pass through."""

    on_state: StateSink | None
    on_rejected: RejectSink | None
    on_frame: FrameSink | None
    source: str | None
    stale_after: float
    backoff: Backoff
    stable_after: float
    open_timeout: float
    clock: Callable[[], float]
    rng: random.Random | None


def barragegrab_client(
    url: str = "ws://127.0.0.1:8888",
    *,
    on_events: EventSink,
    **options: Unpack[ClientOptions],
) -> CaptureClient:
    """A client of DouyinBarrageGrab; ``options`` as for ``CaptureClient``."""
    options.setdefault("source", "barragegrab")
    return CaptureClient(url, BarrageGrabAdapter(), on_events=on_events, **options)


def douyinlive_client(
    live_id: str,
    base_url: str = "ws://127.0.0.1:1088",
    *,
    on_events: EventSink,
    **options: Unpack[ClientOptions],
) -> CaptureClient:
    """A client of douyinLive for one live room; ``options`` as for ``CaptureClient``."""
    url = f"{base_url.rstrip('/')}/ws/{urllib.parse.quote(live_id, safe='')}"
    options.setdefault("source", f"douyinlive:{live_id}")
    return CaptureClient(
        url, DouyinLiveAdapter(live_id), on_events=on_events, default_room=live_id, **options
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
            key: _FeedTap(
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
