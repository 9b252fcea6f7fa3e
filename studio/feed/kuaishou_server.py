"""The WebSocket server the Kuaishou userscript connects to (``127.0.0.1:5001``).

The path of each connection (``/gov``, ``/dept`` or a configured key) names its room; the
script sends no ids or times, so the server makes its own message ids. Plain asyncio with plain
callables for output (see :mod:`studio.feed.tap`); the Qt service wraps it.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import re
import secrets
import time
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from types import TracebackType
from typing import Self

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.frames import CloseCode
from websockets.protocol import State
from websockets.typing import Origin

from studio.domain.feed_event import FeedState
from studio.feed.adapters import KuaishouAdapter
from studio.feed.tap import (
    DEFAULT_STALE_AFTER,
    SERVER_RATE_CAP,
    TRANSPORT_MAX_SIZE,
    EventSink,
    FeedCounts,
    FeedTap,
    FrameSink,
    RateCap,
    RejectSink,
    StateSink,
)

logger = logging.getLogger(__name__)

#: Browsers send ``Origin``; a page on any other site must not be able to inject comments.
KUAISHOU_ORIGINS: tuple[str | re.Pattern[str] | None, ...] = (
    None,
    re.compile(r"https?://([a-z0-9-]+\.)*kuaishou\.com(:[0-9]+)?"),
)


#: Connections one server keeps open at once, the WebSocket handshake included. A studio needs
#: one per room; the cap keeps a flood of half-open connections from using up the process's
#: file descriptors (1,024 by default), which also hold the database and the logs.
MAX_CONNECTIONS = 64
#: Seconds a client has to finish the WebSocket handshake.
HANDSHAKE_TIMEOUT_S = 5.0

AuthSink = Callable[[str, bool], None]
"""Receives ``(room, authenticated)`` when a script attaches to a room."""


class ConnectionGate:
    """Keeps at most ``limit`` connections open; counts the ones it turns away.

    When full, the oldest connection still in its opening handshake is dropped to make room,
    so a crowd of half-open connections cannot lock the real userscript out: it only has to
    finish its handshake before ``limit`` newer ones arrive. When every open connection has
    finished its handshake (the rooms are served, the rest are refusals being closed), the
    newcomer is dropped.

    Attributes:
        limit: the most connections open at once.
        refused: connections dropped so far.
    """

    def __init__(self, limit: int, on_refused: Callable[[int], None] | None = None) -> None:
        self.limit = limit
        self.refused = 0
        self._on_refused = on_refused
        self._open: dict[ServerConnection, None] = {}  # insertion order: oldest first

    @property
    def open(self) -> int:
        return len(self._open)

    def admit(self, connection: ServerConnection) -> bool:
        """Take a new connection (its transport just made); whether it may stay."""
        if len(self._open) >= self.limit:
            oldest = next((c for c in self._open if c.protocol.state is State.CONNECTING), None)
            if oldest is None:
                self._drop(connection)
                return False
            self._open.pop(oldest)
            self._drop(oldest)
        self._open[connection] = None
        return True

    def release(self, connection: ServerConnection) -> None:
        self._open.pop(connection, None)

    def _drop(self, connection: ServerConnection) -> None:
        connection.transport.abort()
        self.refused += 1
        if self.refused == 1 or self.refused % 100 == 0:
            logger.warning(
                "kuaishou: more than %d connections at once; %d dropped so far",
                self.limit,
                self.refused,
            )
        if self._on_refused is not None:
            try:
                self._on_refused(self.refused)
            except Exception:
                logger.exception("kuaishou: the refused-connection callback failed")


class _GatedConnection(ServerConnection):
    """A server connection that passes its server's :class:`ConnectionGate` first."""

    gate: ConnectionGate  # set on the subclass made per server

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)
        self.gate.admit(self)

    def connection_lost(self, exc: Exception | None) -> None:
        self.gate.release(self)
        super().connection_lost(exc)


class KuaishouServer:
    """The WebSocket server the Kuaishou userscript connects to, one path per live room.

    Each room has its own state: ``WAITING`` (no script attached) ⇄ ``CONNECTED`` ⇄ ``STALE``;
    ``STOPPED`` after the server closes. A connection that is refused is accepted and closed at
    once with code 1008 and a reason saying what to change, so the script's console says what
    is wrong: an unknown path, a missing or wrong ``?key=SECRET``.

    Any local process can connect to a loopback port, so a client must present the studio's
    secret (``/gov?key=SECRET``; a browser WebSocket cannot set headers). With it, a second
    connection on a room's path replaces the first (a reloaded page must not wait for its dead
    predecessor to time out); without it nothing ever takes a room over. The one exception is
    the stock userscript (greasyfork 490966), which connects to ``/`` and cannot present a
    secret: it is accepted only while exactly one room is served (it is that room), only when
    the room is free, and the room is marked unauthenticated (:meth:`authenticated`, the log).

    A flood costs only itself: at most ``max_connections`` are open at once (see
    :class:`ConnectionGate`), a client has ``HANDSHAKE_TIMEOUT_S`` to finish its handshake, and
    each connection's frames over its rate cap are dropped unread and counted as rejected.

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
        secret: str | None = None,
        rate_cap: RateCap | None = SERVER_RATE_CAP,
        max_connections: int = MAX_CONNECTIONS,
        on_refused_connections: Callable[[int], None] | None = None,
        on_authenticated: AuthSink | None = None,
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
            secret: what clients present as ``?key=``; a fresh random one by default (see
                :attr:`secret`).
            rate_cap: frames a second taken from one connection (``None``: no cap).
            max_connections: connections open at once (see :class:`ConnectionGate`).
            on_refused_connections: called with the running count of connections dropped
                because too many were open.
            on_authenticated: called with ``(room, authenticated)`` when a script attaches.
        """
        self.rooms = tuple(rooms)
        for key in self.rooms:
            if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", key):
                raise ValueError(f"room key {key!r}: use 1-32 letters, digits, '-' or '_'")
        self.secret = secret or secrets.token_urlsafe(18)
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
                rate_cap=rate_cap,
            )
            for key in self.rooms
        }
        self.gate = ConnectionGate(max_connections, on_refused_connections)
        self._on_authenticated = on_authenticated
        self._current: dict[str, ServerConnection] = {}
        self._unauthenticated: set[str] = set()
        self._server: Server | None = None

    def state(self, room: str) -> FeedState | None:
        """A room's current state; ``None`` before the server started."""
        return self._taps[room].state

    def authenticated(self, room: str) -> bool | None:
        """Whether a room's current script presented the secret; ``None`` when none is attached."""
        if room not in self._current:
            return None
        return room not in self._unauthenticated

    def counts(self, room: str) -> FeedCounts:
        """What a room's script has sent so far."""
        return self._taps[room].counts

    async def start(self) -> None:
        """Bind and start accepting connections."""
        if not is_loopback(self.host):
            logger.warning(
                "kuaishou: listening on %s, beyond this computer: other machines on the "
                "network can reach the capture server (they still need the secret)",
                self.host,
            )
        gated = type("GatedConnection", (_GatedConnection,), {"gate": self.gate})
        self._server = await serve(
            self._handle,
            self.host,
            self._requested_port,
            origins=self._origins,
            max_size=TRANSPORT_MAX_SIZE,
            open_timeout=HANDSHAKE_TIMEOUT_S,
            close_timeout=2.0,
            create_connection=gated,
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
        parts = urllib.parse.urlsplit(ws.request.path if ws.request else "")
        path = parts.path
        key = path.strip("/")
        presented = urllib.parse.parse_qs(parts.query).get("key", [""])[0]
        authenticated = hmac.compare_digest(presented.encode(), self.secret.encode())
        stock = not key and not presented
        if stock and len(self.rooms) == 1:
            key = self.rooms[0]
        refusal = self._refusal(path, key, presented, authenticated, stock)
        if refusal is not None:
            logger.warning("kuaishou: refused a connection to %r: %s", path[:64], refusal[0])
            await ws.close(CloseCode.POLICY_VIOLATION, _fit(refusal[1]))
            return
        tap = self._taps[key]
        previous = self._current.get(key)
        self._current[key] = ws
        if authenticated:
            self._unauthenticated.discard(key)
        else:
            self._unauthenticated.add(key)
            logger.warning(
                "kuaishou: room %r is fed by the stock userscript, which presents no secret: "
                "its comments are unauthenticated; install Studio Desk's userscript from the "
                "sources dialog",
                key,
            )
        if previous is not None:
            await previous.close(CloseCode.NORMAL_CLOSURE, "replaced by a newer connection")
        tap.connected()
        if self._on_authenticated is not None:
            try:
                self._on_authenticated(key, authenticated)
            except Exception:
                logger.exception("kuaishou: the authentication callback failed")
        try:
            await tap.pump(ws)
        except ConnectionClosed:
            pass
        finally:
            tap.disconnected()
            if self._current.get(key) is ws:
                del self._current[key]
                self._unauthenticated.discard(key)
                tap.set_state(FeedState.WAITING if self._server else FeedState.STOPPED)

    def _refusal(
        self, path: str, key: str, presented: str, authenticated: bool, stock: bool
    ) -> tuple[str, str] | None:
        """Why a connection is refused — (for the log, for the close reason) — or ``None``."""
        if stock and not key:
            return (
                "the stock script cannot tell the rooms apart",
                STOCK_SCRIPT_REASON,
            )
        if key not in self._taps:
            reason = self._unknown_path_reason(path)
            return reason, reason
        if not stock and not authenticated:
            why = "a wrong key" if presented else "no key"
            return (
                f"{why} for room {key!r}",
                f"{why}: copy Studio Desk's userscript again from the sources dialog",
            )
        if not authenticated and key in self._current:
            return (
                f"room {key!r} is already served and the newcomer presents no secret",
                f"room /{key} is already served; only a client with the key can replace it",
            )
        return None

    def _unknown_path_reason(self, path: str) -> str:
        shown = path if len(path) <= 24 else path[:23] + "…"
        valid = ", ".join("/" + key for key in self.rooms)
        return f"unknown room {shown!r}; use {valid}"


def raise_descriptor_limit(wanted: int = 8192) -> int:
    """Raise the process's soft limit of open files towards ``wanted`` (never past the hard
    limit); returns the limit now. Linux's default soft limit of 1,024 is shared by the
    database, the logs, Qt and every socket; the capture server's own cap stays far below.
    """
    try:
        import resource
    except ImportError:  # Windows: no such limit to raise
        return 0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError) as error:
            logger.info("cannot raise the open-file limit from %d: %s", soft, error)
    return soft


def is_loopback(host: str) -> bool:
    """Whether listening on ``host`` keeps the server on this computer."""
    host = host.strip("[]")
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name other than localhost may resolve anywhere
        return False


STOCK_SCRIPT_REASON = (
    "install Studio Desk's userscript from the sources dialog: the stock script can't tell "
    "the rooms apart"
)


def _fit(reason: str) -> str:
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
