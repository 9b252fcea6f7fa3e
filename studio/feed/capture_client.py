"""WebSocket clients of the Douyin capture tools (BarrageGrab, douyinLive).

``CaptureClient`` connects to a tool, hands parsed events on, reconnects with capped, jittered
exponential backoff, and reports its state. Run it as a task; cancel the task to stop it (the
connection is closed and ``STOPPED`` reported). Plain asyncio with plain callables for output
(see :mod:`studio.feed.tap`); the Qt service wraps it.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict, Unpack

from websockets.asyncio.client import connect
from websockets.exceptions import (
    ConnectionClosed,
    ConnectionClosedError,
    InvalidURI,
    WebSocketException,
)
from websockets.frames import CloseCode
from websockets.uri import parse_uri

from studio.domain.feed_event import FeedState, RejectedFrame
from studio.feed.adapters import BarrageGrabAdapter, DouyinLiveAdapter
from studio.feed.tap import (
    CLIENT_RATE_CAP,
    DEFAULT_STALE_AFTER,
    TRANSPORT_MAX_SIZE,
    EventSink,
    FeedCounts,
    FeedTap,
    FrameParser,
    FrameSink,
    RateCap,
    RejectSink,
    StateSink,
)

logger = logging.getLogger(__name__)


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
        rate_cap: RateCap | None = CLIENT_RATE_CAP,
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
            rate_cap: frames a second taken from one connection (``None``: no cap); the
                frames over it are dropped and counted as rejected.
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
        self._tap = FeedTap(
            self.source,
            adapter,
            on_events=on_events,
            on_state=on_state,
            on_rejected=on_rejected,
            on_frame=on_frame,
            stale_after=stale_after,
            clock=clock,
            default_room=default_room,
            rate_cap=rate_cap,
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
                        try:
                            await self._tap.pump(ws)
                        finally:
                            self._tap.disconnected()
                except ConnectionClosed as closed:
                    if self._note_closed(closed):
                        attempt = 0  # the tool is fine; one frame of it was not
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

    def _note_closed(self, closed: ConnectionClosed) -> bool:
        """Count a frame that broke the protocol; whether that (not the tool) ended it.

        A text frame that is not UTF-8 or a frame over the transport's limit makes the
        WebSocket close (the protocol leaves no choice), but the tool itself is healthy: the
        frames before it were delivered, and the reconnect starts again from the shortest
        wait instead of climbing the backoff towards 30 s with every bad frame.
        """
        logger.info("feed %s: connection closed: %s", self.source, closed)
        if not isinstance(closed, ConnectionClosedError) or closed.sent is None:
            return False
        reason = _BROKEN_FRAME.get(closed.sent.code)
        if reason is None:
            return False
        self._tap.reject(RejectedFrame(self._tap.default_room, reason))
        return True


#: Close codes we send when one frame broke the protocol, and the rejection they count as.
_BROKEN_FRAME = {
    CloseCode.MESSAGE_TOO_BIG: "frame too large",
    CloseCode.INVALID_DATA: "frame is not UTF-8",
}


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
    rate_cap: RateCap | None


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
