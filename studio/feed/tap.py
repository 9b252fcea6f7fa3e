"""One feed source's frames → its adapter → the callbacks, with counts and a state.

What the capture clients (:mod:`studio.feed.capture_client`) and the Kuaishou server
(:mod:`studio.feed.kuaishou_server`) share: the callback types, the frame counts, and
:class:`FeedTap`, which receives a connection's frames, parses them, hands the events on, and
says when the source went stale or its rooms ended. Callbacks run in the event loop and must be
quick; one that raises is logged, never fatal.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from websockets.asyncio.client import ClientConnection
from websockets.asyncio.server import ServerConnection

from studio.domain.feed_event import FeedEvent, FeedEventKind, FeedState, RejectedFrame

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

#: Seconds without a frame before a connected source is called stale.
DEFAULT_STALE_AFTER = 30.0


@dataclass(frozen=True)
class RateCap:
    """At most ``rate`` frames a second from one connection, in bursts of up to ``burst``.

    A token bucket: a frame over the cap is dropped before it is parsed or recorded, and
    counted as rejected ("over the rate cap"), so a flooding client costs the studio the
    reading of its frames and nothing more.
    """

    rate: float
    burst: float


#: What a capture tool may send: BarrageGrab relays every room the browser has open, and a
#: busy Douyin room sends hundreds of frames a second (members, likes, gifts, comments).
CLIENT_RATE_CAP = RateCap(rate=2_000.0, burst=6_000.0)
#: What one userscript page may send: it reports comments as they appear on the page.
SERVER_RATE_CAP = RateCap(rate=300.0, burst=1_000.0)
#: The rejection reason of a frame over the cap.
OVER_RATE_CAP = "over the rate cap"


class TokenBucket:
    """The running state of a :class:`RateCap` for one connection."""

    def __init__(self, cap: RateCap, now: float) -> None:
        self.cap = cap
        self._tokens = cap.burst
        self._at = now

    def admit(self, now: float) -> bool:
        """Whether a frame arriving at ``now`` (monotonic seconds) is within the cap."""
        self._tokens = min(self.cap.burst, self._tokens + (now - self._at) * self.cap.rate)
        self._at = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False


class FrameParser(Protocol):
    """What a connection needs of an adapter."""

    def parse(self, raw: str | bytes, received_at: float) -> list[FeedEvent] | RejectedFrame:
        """Parse one frame without raising."""
        ...


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
        throttled: of the rejected, frames dropped unread because their connection went over
            its rate cap.
        rooms: per room key; ``""`` gathers rejections whose room could not be told.
    """

    frames: int = 0
    rejected: int = 0
    throttled: int = 0
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


class FeedTap:
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
        rate_cap: RateCap | None = None,
        monotonic: Callable[[], float] = time.monotonic,
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
        self.rate_cap = rate_cap
        self._monotonic = monotonic
        self._bucket: TokenBucket | None = None
        self._throttled_here = 0
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
        self._bucket = TokenBucket(self.rate_cap, self._monotonic()) if self.rate_cap else None
        self._throttled_here = 0
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
            if self._bucket is not None and not self._bucket.admit(self._monotonic()):
                self.throttle()
                continue
            self.handle(raw)

    def throttle(self) -> None:
        """Drop a frame over the connection's rate cap, counted as rejected."""
        self.counts.frames += 1
        self.counts.throttled += 1
        self._throttled_here += 1
        if self._throttled_here == 1:
            assert self.rate_cap is not None
            logger.warning(
                "feed %s: the client sends more than %d frames a second; the frames over that "
                "are dropped and counted as rejected",
                self.source,
                self.rate_cap.rate,
            )
        self.reject(RejectedFrame(self.default_room, OVER_RATE_CAP))

    def disconnected(self) -> None:
        """The connection ended: say how many of its frames went over the cap, if any."""
        if self._throttled_here:
            logger.warning(
                "feed %s: %d frames over the rate cap were dropped on that connection",
                self.source,
                self._throttled_here,
            )
        self._throttled_here = 0

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
