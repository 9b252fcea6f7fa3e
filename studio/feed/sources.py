"""Run the feed's sources as asyncio tasks — capture clients, the Kuaishou server, a replay, the
simulator — into one ``FeedIngest``, recording every raw frame on the way.

Shared by the GUI's ``LiveFeedService`` and the headless ``studio ingest`` command, so both
connect, reconnect and count alike.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import re
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.domain.feed_event import FeedEvent, FeedEventKind, FeedState, RejectedFrame
from studio.feed.adapters import BarrageGrabAdapter, DouyinLiveAdapter, KuaishouAdapter
from studio.feed.capture_client import Backoff, CaptureClient
from studio.feed.ingest import FeedIngest
from studio.feed.kuaishou_server import KuaishouServer, is_loopback
from studio.feed.recording import SessionRecorder, mark_stored, read_frames, replay
from studio.feed.simulator import FeedSimulator, SimulatedRoom
from studio.feed.tap import DEFAULT_STALE_AFTER, FrameParser
from studio.feed.userscript import stored_secret

log = logging.getLogger(__name__)

TOOLS = ("barragegrab", "douyinlive", "kuaishou-server", "replay", "simulator")


@dataclass(frozen=True)
class SourceSpec:
    """One source of the feed, as the command line or the sources dialog names it.

    Attributes:
        tool: one of ``TOOLS``.
        address: ``ws://host:port[/ws/<live id>]``, ``host:port``, or a recording's path.
        speed: replay speed (1 real time, N faster, 0 as fast as possible); simulator: frames/s.
        rooms: kuaishou-server: the room keys (paths) it serves; the runner's
            ``kuaishou_rooms`` when empty.
    """

    tool: str
    address: str
    speed: float = 1.0
    rooms: tuple[str, ...] = ()

    @property
    def live_id(self) -> str:
        """douyinLive: the live id at the end of ``/ws/<live id>``."""
        path = urllib.parse.urlsplit(self.address).path
        return urllib.parse.unquote(path.rsplit("/ws/", 1)[-1]) if "/ws/" in path else ""

    @property
    def server_options(self) -> dict[str, str]:
        """kuaishou-server: the options after ``?`` (``secret``, ``lan``, ``rooms``)."""
        _, _, query = self.address.partition("?")
        return dict(urllib.parse.parse_qsl(query))

    @property
    def server_host_port(self) -> tuple[str, int]:
        """kuaishou-server: where to listen."""
        host, _, port = self.address.partition("?")[0].rpartition(":")
        return host.strip("[]"), int(port)

    @property
    def label(self) -> str:
        return f"{self.tool}:{self.address}" if self.address else self.tool


def parse_source_spec(text: str) -> SourceSpec:
    """``barragegrab:ws://H:P``, ``douyinlive:ws://H:P/ws/ID``,
    ``kuaishou-server:H:P[?secret=S][&lan=1][&rooms=gov,dept]``, ``replay:FILE[@SPEED]`` or
    ``simulator[:RATE]``.

    A Kuaishou server listens on loopback unless ``lan=1`` says the operator means it: any
    other host lets other machines reach it. ``rooms`` names the paths it serves (both
    ``gov`` and ``dept`` when not given); with one room, the stock userscript is accepted for
    it, unverified.

    Raises:
        ValueError: with a message naming what is wrong.
    """
    tool, _, rest = text.partition(":")
    if tool not in TOOLS:
        raise ValueError(f"unknown source {tool!r}; use one of {', '.join(TOOLS)}")
    if tool == "simulator":
        return SourceSpec(tool, "", float(rest) if rest else 2.0)
    if not rest:
        raise ValueError(f"{tool}: an address is missing ({tool}:ADDRESS)")
    if tool in ("barragegrab", "douyinlive"):
        if not rest.startswith(("ws://", "wss://")):
            raise ValueError(f"{tool}: expected a ws:// URL, not {rest!r}")
        try:
            parts = urllib.parse.urlsplit(rest)
            parts.port  # noqa: B018 - raises for a port out of range or not a number
        except ValueError as error:
            raise ValueError(f"{tool}: not a usable URL {rest!r} ({error})") from None
        if not parts.hostname:
            raise ValueError(f"{tool}: the URL {rest!r} names no host")
    if tool == "douyinlive" and not SourceSpec(tool, rest).live_id:
        raise ValueError("douyinlive: the URL must end in /ws/<live id>")
    if tool == "kuaishou-server":
        where, _, query = rest.partition("?")
        host, _, port = where.rpartition(":")
        if not host or not port.isdigit():
            raise ValueError(f"kuaishou-server: expected HOST:PORT, not {rest!r}")
        if int(port) > 65535:  # 0 asks the system for a free port
            raise ValueError(f"kuaishou-server: port {port} is out of range (1-65535)")
        options = dict(urllib.parse.parse_qsl(query, keep_blank_values=True))
        unknown = set(options) - {"secret", "lan", "rooms"}
        if unknown:
            raise ValueError(
                f"kuaishou-server: unknown option {sorted(unknown)[0]!r}; use secret, lan, rooms"
            )
        rooms = tuple(key for key in options.get("rooms", "").split(",") if key)
        for key in rooms:
            if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", key):
                raise ValueError(
                    f"kuaishou-server: room {key!r}: use 1-32 letters, digits, '-' or '_'"
                )
        if "rooms" in options and not rooms:
            raise ValueError("kuaishou-server: rooms= names no room (e.g. rooms=gov,dept)")
        if "secret" in options and not re.fullmatch(r"[A-Za-z0-9_-]{16,128}", options["secret"]):
            raise ValueError("kuaishou-server: the secret must be 16-128 letters, digits, - or _")
        if not is_loopback(host) and options.get("lan") != "1":
            raise ValueError(
                f"kuaishou-server: {host} lets other computers reach the capture server; "
                f"use 127.0.0.1, or add ?lan=1 if that is what you mean"
            )
        return SourceSpec(tool, rest, rooms=rooms)
    if tool == "replay":
        path, at, speed = rest.rpartition("@")
        spec = SourceSpec(tool, rest)
        if at and path:
            try:
                spec = SourceSpec(tool, path, float(speed))
            except ValueError:
                raise ValueError(f"replay: bad speed {speed!r}") from None
        return spec
    return SourceSpec(tool, rest)


StateCallback = Callable[[str, FeedState], None]


class FeedRunner:
    """Starts sources as tasks feeding one ``FeedIngest``; :meth:`stop` ends them all.

    Attributes:
        ingest: where every source's events go.
        recorder: where raw frames are appended, or None.
        last_frame_at: monotonic time of the last frame from any source (for ``--until-idle``).
        kuaishou_ports: the bound port of each Kuaishou server started.
        kuaishou_secret: what Kuaishou clients present (``?key=``) unless the source names its
            own; the studio's stored secret when None.
    """

    def __init__(
        self,
        ingest: FeedIngest,
        *,
        recorder: SessionRecorder | None = None,
        on_state: StateCallback | None = None,
        on_verified: Callable[[str, bool], None] | None = None,
        on_refused_connections: Callable[[int], None] | None = None,
        kuaishou_rooms: tuple[str, ...] = ("gov", "dept"),
        kuaishou_secret: str | None = None,
        backoff: Backoff | None = None,
        stale_after: float = DEFAULT_STALE_AFTER,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ingest = ingest
        self.recorder = recorder
        self.on_state = on_state
        self.on_verified = on_verified
        self.on_refused_connections = on_refused_connections
        self.kuaishou_rooms = kuaishou_rooms
        self.kuaishou_secret = kuaishou_secret
        self.backoff = backoff or Backoff()
        self.stale_after = stale_after
        self.clock = clock
        self.last_frame_at = time.monotonic()
        self.kuaishou_ports: list[int] = []
        self.simulated_rooms: list[SimulatedRoom] | None = None
        self.simulator_seed = 0
        self.frames = 0
        self.recovered = 0
        self._recovery: asyncio.Task[Any] | None = None
        self._tasks: list[asyncio.Task[Any]] = []
        self._parsers: dict[str, FrameParser] = {}
        self._run_token = f"r{int(clock() * 1000):x}"

    # -- starting -----------------------------------------------------------------------------
    def ensure_running(self) -> None:
        """Start the ingest's flusher (and the recording's), once."""
        if not self._tasks:
            self._spawn(self.ingest.run(), "feed ingest")
            self._spawn(self._flush_recording(), "feed recording")

    async def start(self, spec: SourceSpec) -> None:
        """Start one source; a Kuaishou server is listening when this returns."""
        self.ensure_running()
        if spec.tool in ("barragegrab", "douyinlive"):
            self._start_client(spec)
        elif spec.tool == "kuaishou-server":
            await self._start_kuaishou(spec)
        elif spec.tool == "replay":
            self._spawn(self._replay(spec), f"replay {spec.address}")
        else:
            self._spawn(self._simulate(spec.speed, self.simulator_seed), "feed simulator")

    def _spawn(self, coro: Any, name: str) -> asyncio.Task[Any]:
        task = asyncio.get_running_loop().create_task(coro, name=name)
        task.add_done_callback(self._finished)
        self._tasks.append(task)
        return task

    @staticmethod
    def _finished(task: asyncio.Task[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            log.error("feed task %s failed", task.get_name(), exc_info=task.exception())

    def _frame_sink(self, src: str, run: str = "") -> Callable[[str | bytes, float], None]:
        def on_frame(raw: str | bytes, received_at: float) -> None:
            self.frames += 1
            self.last_frame_at = time.monotonic()
            if self.recorder is not None:
                self.recorder.append(src, raw, received_at, run)

        return on_frame

    def _events(self, events: list[FeedEvent]) -> None:
        self.ingest.submit(events)

    def _rejected(self, rejected: RejectedFrame) -> None:
        self.ingest.reject(rejected)

    def _state(self, source: str, state: FeedState) -> None:
        if self.on_state is not None:
            self.on_state(source, state)

    def _start_client(self, spec: SourceSpec) -> None:
        if spec.tool == "barragegrab":
            adapter: FrameParser = BarrageGrabAdapter()
            src, default_room = "barragegrab", ""
        else:
            live_id = spec.live_id
            adapter, src, default_room = (
                DouyinLiveAdapter(live_id),
                f"douyinlive:{live_id}",
                live_id,
            )
        client = CaptureClient(
            spec.address,
            adapter,
            on_events=self._events,
            on_state=self._state,
            on_rejected=self._rejected,
            on_frame=self._frame_sink(src),
            source=spec.label,
            default_room=default_room,
            backoff=self.backoff,
            stale_after=self.stale_after,
            clock=self.clock,
            rng=random.Random(),
        )
        self._spawn(client.run(), spec.label)

    async def _start_kuaishou(self, spec: SourceSpec) -> None:
        host, port = spec.server_host_port
        secret = (
            spec.server_options.get("secret")
            or self.kuaishou_secret
            or await asyncio.to_thread(stored_secret)
        )
        # The script sends no ids: ours are numbered under this token, which the recording
        # keeps so that a replay after a crash makes the very same ids (and the store knows
        # the comments it already has).
        token = f"{self._run_token}k{len(self.kuaishou_ports)}"
        server = KuaishouServer(
            on_events=self._events,
            on_state=self._state,
            on_rejected=self._rejected,
            frame_sink_for=lambda key: self._frame_sink(f"kuaishou:{key}", token),
            run_token=token,
            rooms=spec.rooms or self.kuaishou_rooms,
            host=host,
            port=port,
            stale_after=self.stale_after,
            clock=self.clock,
            secret=secret,
            on_authenticated=self.on_verified,
            on_refused_connections=self.on_refused_connections,
        )
        await server.start()
        assert server.port is not None
        self.kuaishou_ports.append(server.port)
        self._spawn(self._serve(server), spec.label)

    @staticmethod
    async def _serve(server: KuaishouServer) -> None:
        try:
            await asyncio.Future()
        finally:
            await server.stop()

    # -- frames that do not come over a socket ------------------------------------------------
    def deliver(self, src: str, raw: str, received_at: float) -> None:
        """Parse one frame of a named adapter (replay, simulator) into the ingest."""
        self.frames += 1
        self.last_frame_at = time.monotonic()
        if self.recorder is not None:
            run = self._run_token if src.startswith("kuaishou:") else ""
            self.recorder.append(src, raw, received_at, run)
        parser = self._parsers.get(src)
        if parser is None:
            parser = self._parsers[src] = self._parser_for(src)
        result = parser.parse(raw, received_at)
        if isinstance(result, RejectedFrame):
            self.ingest.reject(result)
        elif result:
            self.ingest.submit(result)

    def _parser_for(self, src: str, run: str = "") -> FrameParser:
        kind, _, key = src.partition(":")
        if kind == "douyinlive":
            return DouyinLiveAdapter(key)
        if kind == "kuaishou":
            return KuaishouAdapter(key, run or self._run_token)
        return BarrageGrabAdapter()

    # -- recovery -----------------------------------------------------------------------------
    def recover(self, paths: list[Path]) -> None:
        """Store the comments of earlier recordings of this session that may not be stored
        (a killed run, a database that refused writes to the end), then mark each stored.

        Only comments are replayed, with the time they were received: the store drops the ones
        it already has by message id, while room figures would be counted twice.
        """
        if paths:
            self.ensure_running()
            self._recovery = self._spawn(self._recover(paths), "feed recovery")

    @property
    def recovering(self) -> bool:
        """Earlier recordings are still being replayed into the store."""
        return self._recovery is not None and not self._recovery.done()

    async def _recover(self, paths: list[Path]) -> None:
        for path in paths:
            try:
                comments = await asyncio.to_thread(recorded_comments, path, self._parser_for)
            except OSError as error:
                log.error("cannot read the recording %s: %s", path.name, error.strerror)
                continue
            log.info("feed: %d comments replayed from %s", len(comments), path.name)
            self.recovered += len(comments)
            self.ingest.submit(comments)
            await self.ingest.stored_up_to(self.ingest.accepted)
            mark_stored(path)

    async def _replay(self, spec: SourceSpec) -> None:
        label = spec.label
        self._state(label, FeedState.CONNECTED)
        try:
            count = await replay(
                Path(spec.address), self.deliver, speed=spec.speed or None, clock=self.clock
            )
            log.info("replayed %d frames from %s", count, spec.address)
        except OSError as error:
            log.error("cannot replay %s: %s", spec.address, error)
        self._state(label, FeedState.ENDED)

    async def _simulate(self, rate: float, seed: int = 0) -> None:
        simulator = FeedSimulator(self.simulated_rooms, seed=seed)
        for room in simulator.rooms:
            self._state(room.key, FeedState.CONNECTED)
        loop = asyncio.get_running_loop()
        started, made = loop.time(), 0
        try:
            for src, raw in simulator.frames():
                self.deliver(src, raw, self.clock())
                made += 1
                delay = started + made / rate - loop.time()
                await asyncio.sleep(max(delay, 0))
        finally:
            for room in simulator.rooms:
                self._state(room.key, FeedState.STOPPED)

    async def _flush_recording(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            if self.recorder is not None:
                self.recorder.flush()

    # -- stopping -----------------------------------------------------------------------------
    async def stop(self, drain_timeout: float = 5.0) -> None:
        """Stop the sources, write what the ingest still holds, close the recording.

        The runner can be started again afterwards (with a new recorder, if any).
        """
        ingest_tasks = self._tasks[:2]
        sources = self._tasks[2:]
        for task in sources:
            task.cancel()
        await asyncio.gather(*sources, return_exceptions=True)
        with contextlib.suppress(TimeoutError):
            await self.ingest.drain(drain_timeout)
        for task in ingest_tasks:
            task.cancel()
        await asyncio.gather(*ingest_tasks, return_exceptions=True)
        self._tasks.clear()
        if self.recorder is not None:
            self.recorder.close()
            if self.ingest.all_stored:  # else the next start replays it
                mark_stored(self.recorder.path)
            self.recorder = None


def recorded_comments(path: Path, parser_for: Callable[[str, str], FrameParser]) -> list[FeedEvent]:
    """The comments of a recording, parsed as when they came (blocking: a worker thread)."""
    parsers: dict[tuple[str, str], FrameParser] = {}
    comments: list[FeedEvent] = []
    for t, src, raw, run in read_frames(path):
        if src.startswith("kuaishou:") and not run:
            continue  # recorded before ids were replayable: they would be stored twice
        parser = parsers.get((src, run))
        if parser is None:
            parser = parsers[src, run] = parser_for(src, run)
        result = parser.parse(raw, t)
        if isinstance(result, list):
            comments.extend(e for e in result if e.kind is FeedEventKind.COMMENT)
    return comments
