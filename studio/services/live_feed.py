"""The live question feed as a Qt service: sources in, batches of stored questions out as signals.

``LiveFeedService`` owns one session's ``FeedRunner`` (capture clients, the Kuaishou server, a
replay, the simulator) and its ``FeedIngest`` (text pipeline + ``FeedStore``), records raw
frames to the data dir, takes questions by phone or WeChat, and keeps the sources configured per
session.

Each room (``gov``, ``dept``) is ingested by exactly one seat: before the configured sources or
the simulator start, the room's ingest lease is taken in the database (``LeaseKeeper``, renewed
in a worker thread); a room another live seat holds is not ingested here, its chip says who
does (``roomHeld``), and when that seat dies this one takes the room over within the lease's
time. Sources started by :meth:`LiveFeedService.start` (explicit specs: a replay, a bench) take
no lease.

The runner lives on a loop of its own (:class:`~studio.feed.loop_thread.LoopThread`): sockets,
parsing, recording and batching never run on the GUI thread, so a flood of frames costs the
window nothing but the stored batches (a few a second). What the runner reports is carried
back to the GUI loop, where the signals are emitted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from studio.domain.feed_event import FeedEvent, FeedEventKind, FeedState
from studio.domain.model import Platform, RoomRole
from studio.domain.records import QuestionRecord
from studio.feed.batches import IngestBatch, WriteOutcome
from studio.feed.capture_client import Backoff
from studio.feed.ingest import FeedIngest
from studio.feed.loop_thread import LoopThread
from studio.feed.recording import (
    SessionRecorder,
    recorded_bytes,
    recording_cap_bytes,
    recording_path,
    unstored_recordings,
)
from studio.feed.refused import SERVER_GONE
from studio.feed.simulator import SimulatedRoom
from studio.feed.sources import FeedRunner, SourceSpec
from studio.feed.tap import DEFAULT_STALE_AFTER
from studio.feed.userscript import with_userscripts
from studio.services.blocklist import BlockList
from studio.services.ingest_leases import LeaseKeeper, this_seat
from studio.services.tasks import BackgroundTasks
from studio.store.database import Database
from studio.store.feed_sources import load_feed_sources, room_roles, save_feed_sources
from studio.store.feed_store import FeedStore, session_text_pipeline, unit_router
from studio.store.ingest_lease import LEASE_S, RENEW_S, LeaseHolder
from studio.store.repository import StudioRepository

log = logging.getLogger(__name__)

MANUAL_CHANNELS = ("phone", "wechat")
#: ``countsChanged`` is emitted at most this often (seconds): the strip needs no more.
COUNTS_INTERVAL_S = 0.5


def spec_of(source: Mapping[str, str]) -> SourceSpec:
    """A configured source (``feed_sources.SOURCE_FIELDS``) as a runnable spec."""
    address = source["address"]
    if source["tool"] == "douyinlive" and "/ws/" not in address and source.get("room_key"):
        address = f"{address.rstrip('/')}/ws/{source['room_key']}"
    return SourceSpec(source["tool"], address)


def specs_of(sources: Sequence[Mapping[str, str]]) -> list[SourceSpec]:
    """The configured sources as runnable specs; Kuaishou rooms on one address share a server.

    A Kuaishou server serves only the rooms configured on it, so the stock userscript (which
    cannot name its room) is accepted where exactly one room is, and refused where two are.
    """
    specs: list[SourceSpec] = []
    kuaishou: dict[str, list[str]] = {}
    for source in sources:
        spec = spec_of(source)
        if spec.tool != "kuaishou-server":
            specs.append(spec)
            continue
        if spec.address not in kuaishou:
            kuaishou[spec.address] = []
            specs.append(spec)
        key = source.get("room_key") or source["room_role"]
        if key not in kuaishou[spec.address]:
            kuaishou[spec.address].append(key)
    return [
        replace(spec, rooms=tuple(kuaishou[spec.address]))
        if spec.tool == "kuaishou-server"
        else spec
        for spec in specs
    ]


#: The rooms the simulator feeds (it plays both): it runs only where both are this seat's.
SIMULATED_ROOMS = ("gov", "dept")


@dataclass(frozen=True)
class _LeasedFeed:
    """A feed that runs on the rooms this seat holds: which rooms it wants, and its sources
    for a set of rooms held."""

    session_id: int
    rooms: tuple[str, ...]
    specs_for: Callable[[set[str]], list[SourceSpec]]
    seed: int = 0


class LiveFeedService(QObject):
    """Runs the live feed of one session.

    Signals:
        questionsAdded(list): the new ``QuestionRecord`` list of one stored batch.
        roomStateChanged(str, str): a room (``gov``/``dept``, else the source's label) and its
            ``FeedState`` value (connected, reconnecting, stale, ended …).
        countsChanged(dict): per room: received, stored, duplicates, rejected, likes, and
            online and total_viewers once the platform reported them; at most twice a second.
        sourcesLoaded(list): a session's configured sources (dicts of ``SOURCE_FIELDS``; a
            Kuaishou one also has ``userscript``, its room's script ready to copy).
        backlogChanged(int): comments accepted but waiting to be stored because the database
            refuses writes (locked, disk full); 0 once they are all stored.
        roomHeld(str, str, str): a room (``gov``/``dept``) and the name and computer of the other
            seat that ingests it (its lease); both "" when this seat ingests it again.
        roomVerified(str, bool): a script attached to a Kuaishou room (``gov``/``dept`` …);
            False when it presented no secret (the stock userscript): its comments are
            unauthenticated.
        problem(str): something failed, or the feed is defending itself (connections dropped,
            the recording capped); the text is for the status bar.

    Attributes:
        session_id: the session being fed, or None before :meth:`start`.
        runner: the running sources, or None.
    """

    questionsAdded = Signal(list)
    roomStateChanged = Signal(str, str)
    countsChanged = Signal(dict)
    sourcesLoaded = Signal(list)
    backlogChanged = Signal(int)
    roomVerified = Signal(str, bool)
    roomHeld = Signal(str, str, str)
    problem = Signal(str)

    def __init__(
        self,
        db: Database,
        tasks: BackgroundTasks,
        *,
        record: bool = True,
        backoff: Backoff | None = None,
        stale_after: float = DEFAULT_STALE_AFTER,
        kuaishou_rooms: tuple[str, ...] = ("gov", "dept"),
        seat: str = "operator",
        lease_s: float = LEASE_S,
        renew_s: float = RENEW_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._closed = False
        self._db = db
        self._tasks = tasks
        self._record = record
        self._backoff = backoff or Backoff()
        self._stale_after = stale_after
        self._kuaishou_rooms = kuaishou_rooms
        self._roles: dict[str, str] = {}
        self._opening: asyncio.Lock | None = None
        # The latest audience figures per room key, written by the store's worker thread
        # (each value replaced whole, so the loop reads an old or a new one, never half).
        self._audience: dict[str, tuple[int | None, int | None]] = {}
        self._pending_counts: dict[str, Any] | None = None
        self._counts_sent = float("-inf")
        self._counts_timer = QTimer(self, singleShot=True)
        self._counts_timer.timeout.connect(self._send_counts)
        self.session_id: int | None = None
        self.runner: FeedRunner | None = None
        self._store: FeedStore | None = None
        #: Where the runner runs (started with the first runner, closed by :meth:`stop`).
        self.feed_thread = LoopThread("studio-feed")
        self._gui_loop: asyncio.AbstractEventLoop | None = None
        self._refused_told = 0
        #: This seat's ingest leases (made on the first leased start), the feed that runs on
        #: them, and the rooms it was last started on.
        self._lease_terms = (seat, lease_s, renew_s)
        self.leases: LeaseKeeper | None = None
        self._leased: _LeasedFeed | None = None
        self._ingesting: set[str] = set()

    # -- starting -----------------------------------------------------------------------------
    def start(self, session_id: int, specs: Sequence[SourceSpec] = ()) -> None:
        """Feed ``session_id`` from ``specs`` (more can be started later)."""
        self._tasks.spawn(self._start(session_id, list(specs)), name="start live feed")

    def start_configured(self, session_id: int) -> None:
        """Feed ``session_id`` from the sources saved for it (none saved: nothing starts)."""

        async def run() -> None:
            try:
                sources = await self._tasks.in_thread(load_feed_sources, self._db, session_id)
            except Exception as error:
                self._report("loading the feed sources", error)
                return
            await self._emit_sources(sources)
            await self._start_sources(session_id, sources)

        self._tasks.spawn(run(), name="start configured feed")

    def apply_sources(self, sources: list[dict[str, str]]) -> None:
        """Save new sources for the open session and restart the feed on them."""
        session_id = self.session_id
        if session_id is None:
            self.problem.emit(self.tr("No session is open for questions yet"))
            return

        async def run() -> None:
            try:
                await self._tasks.in_thread(save_feed_sources, self._db, session_id, sources)
            except Exception as error:
                self._report("saving the feed sources", error)
                return
            await self._emit_sources(sources)
            async with self._opening_lock():
                await self._stop_runner()  # a restart on the new sources, not a shutdown
            await self._start_sources(session_id, sources)

        self._tasks.spawn(run(), name="apply feed sources")

    async def _start_sources(self, session_id: int, sources: list[dict[str, str]]) -> None:
        for source in sources:
            # States and counts are shown per room: name each source's room by its role.
            self._roles[spec_of(source).label] = source["room_role"]
            if source.get("room_key"):
                self._roles[source["room_key"]] = source["room_role"]
        rooms = tuple(dict.fromkeys(source["room_role"] for source in sources))

        def specs_for(ours: set[str]) -> list[SourceSpec]:
            return specs_of([source for source in sources if source["room_role"] in ours])

        await self._start_leased(_LeasedFeed(session_id, rooms, specs_for))

    def start_simulator(self, session_id: int, rate: float = 1.5, *, seed: int = 0) -> None:
        """Simulate both of the session's rooms at ``rate`` frames per second (the demo), if
        this seat holds both rooms' leases."""

        def specs_for(ours: set[str]) -> list[SourceSpec]:
            whole = ours >= set(SIMULATED_ROOMS)
            return [SourceSpec("simulator", "", rate)] if whole else []

        feed = _LeasedFeed(session_id, SIMULATED_ROOMS, specs_for, seed)
        self._tasks.spawn(self._start_leased(feed), name="start feed simulator")

    # -- ingest leases: one seat ingests each room ---------------------------------------------
    async def _start_leased(self, feed: _LeasedFeed) -> None:
        """Take the feed's rooms' leases and start its sources on the rooms won."""
        try:
            keeper = self._lease_keeper()
            before = self._leased.rooms if self._leased is not None else ()
            self._leased = feed
            gone = [room for room in before if room not in feed.rooms]
            if gone:
                await self._tasks.in_thread(keeper.drop, gone)
            holders = await self._tasks.in_thread(keeper.want, feed.rooms)
        except Exception as error:
            self._report("taking the rooms' ingest leases", error)
            return
        for room, holder in holders.items():
            self._say_holder(room, holder)
        self._ingesting = {room for room, holder in holders.items() if holder is None}
        await self._start(feed.session_id, feed.specs_for(self._ingesting), seed=feed.seed)

    def _lease_keeper(self) -> LeaseKeeper:
        if self.leases is None:
            seat, lease_s, renew_s = self._lease_terms
            self._gui_loop = asyncio.get_event_loop()
            self.leases = LeaseKeeper(
                self._db,
                this_seat(seat),
                on_change=self._to_gui(self._lease_changed),
                lease_s=lease_s,
                renew_s=renew_s,
            )
        return self.leases

    def _say_holder(self, room: str, holder: LeaseHolder | None) -> None:
        if holder is None:
            self.roomHeld.emit(room, "", "")
        else:
            self.roomHeld.emit(room, holder.name, holder.host)

    def _lease_changed(self, room: str, holder: LeaseHolder | None) -> None:
        """A room was taken over (by this seat, its holder having died; or from this seat,
        which stopped renewing for longer than the lease): the feed follows."""
        self._say_holder(room, holder)
        if holder is not None:
            self.problem.emit(
                self.tr("Room {room} is ingested by {name} ({host}) from now on").format(
                    room=room, name=holder.name, host=holder.host
                )
            )
        self._tasks.spawn(self._follow_leases(), name="follow ingest leases")

    async def _follow_leases(self) -> None:
        """Restart the leased feed on the rooms this seat holds now, if they changed."""
        feed, keeper = self._leased, self.leases
        if self._closed or feed is None or keeper is None:
            return
        ours = {room for room in feed.rooms if keeper.ours(room)}
        if ours == self._ingesting:
            return
        self._ingesting = ours
        async with self._opening_lock():
            await self._stop_runner()
        await self._start(feed.session_id, feed.specs_for(ours), seed=feed.seed)

    async def _start(self, session_id: int, specs: list[SourceSpec], seed: int = 0) -> None:
        if self._db.seat is not None and self._db.seat.read_only:
            log.info("a viewer's seat captures no room: it would store nothing")
            return
        try:
            # Opening and starting under one lock: a stop() waits for both, so no source
            # starts on a runner that was just stopped.
            async with self._opening_lock():
                runner = await self._open(session_id)
                runner.simulator_seed = seed
                for spec in specs:
                    await self.feed_thread.run(runner.start(spec))
        except Exception as error:
            self._report("starting the live feed", error)

    def _opening_lock(self) -> asyncio.Lock:
        # Made lazily: the lock belongs to the loop that runs, which may not exist at __init__.
        if self._opening is None:
            self._opening = asyncio.Lock()
        return self._opening

    async def open(self, session_id: int) -> FeedRunner:
        """The runner of ``session_id``, made on first use (another session's is stopped)."""
        async with self._opening_lock():
            return await self._open(session_id)

    async def _open(self, session_id: int) -> FeedRunner:
        """The body of :meth:`open`; the caller holds the opening lock."""
        if self._closed:
            raise RuntimeError("the live feed is shutting down")
        if self.runner is not None and self.session_id == session_id:
            return self.runner
        await self._stop_runner()
        self._gui_loop = asyncio.get_event_loop()
        runner, earlier = await self._tasks.in_thread(self._make_runner, session_id)
        self.session_id, self.runner = session_id, runner
        await self.feed_thread.run(_activate(runner, earlier))
        return runner

    def refresh_units(self) -> None:
        """The units or their routing keywords changed: the running feed suggests units by the
        new keywords (and names them by the new names) from its next comments on."""
        runner, store = self.runner, self._store
        if runner is None or store is None:
            return

        async def run() -> None:
            try:
                router = await self._tasks.in_thread(unit_router, self._db)
            except Exception as error:
                self._report("reading the units' keywords", error)
                return
            # One attribute each, swapped whole: the worker thread reads either the old or the
            # new one for a comment, never half of one.
            runner.ingest.pipeline.router = router
            store.forget_units()

        self._tasks.spawn(run(), name="feed units")

    def _make_runner(self, session_id: int) -> tuple[FeedRunner, list[Path]]:
        """Blocking set-up: rooms, routing keywords, the store, the recording file; and the
        session's earlier recordings that may hold comments not stored (to recover)."""
        roles = room_roles(self._db)
        for identity, role in roles.items():
            self._roles.setdefault(identity, str(role))
        hints = {
            key: RoomRole(role) for key, role in self._roles.items() if role in ("gov", "dept")
        }
        store = self._store = FeedStore(self._db, session_id, room_roles=hints)
        self._audience = {}

        def write(batch: IngestBatch) -> WriteOutcome:
            # The audience figures ride along with the batch to the store: note the latest.
            for fact in batch.facts:
                online, total = self._audience.get(fact.room_key, (None, None))
                self._audience[fact.room_key] = (
                    fact.online if fact.online is not None else online,
                    fact.total_viewers if fact.total_viewers is not None else total,
                )
            return store.write(batch)

        ingest = FeedIngest(
            session_text_pipeline(self._db),
            write,
            on_batch=self._to_gui(self._batch_stored),
            on_counts=self._to_gui(self._counts),
            is_blocked=BlockList(self._db, session_id),
            on_backlog=self._to_gui(self.backlogChanged.emit),
            on_store_problem=self._to_gui(self._store_refused),
        )
        recorder = (
            SessionRecorder(
                recording_path(session_id),
                cap_bytes=recording_cap_bytes(),
                already=recorded_bytes(session_id),
                on_capped=self._to_gui(self._recording_capped),
            )
            if self._record
            else None
        )
        runner = FeedRunner(
            ingest,
            recorder=recorder,
            on_state=self._to_gui(self._state),
            on_verified=self._to_gui(self._verified),
            on_refused_connections=self._to_gui(self._connections_refused),
            kuaishou_rooms=self._kuaishou_rooms,
            backoff=self._backoff,
            stale_after=self._stale_after,
        )
        runner.simulated_rooms = [
            SimulatedRoom(r.platform, r.identity, r.role)
            for r in StudioRepository(self._db).rooms()
            if r.platform in (Platform.DOUYIN, Platform.KUAISHOU)
        ] or None
        earlier = unstored_recordings(session_id, recorder.path if recorder else None)
        return runner, earlier

    # -- manual entry -------------------------------------------------------------------------
    def add_manual(self, text: str, channel: str, nickname: str = "") -> None:
        """Store a question taken by phone or WeChat (``channel``) like a viewer's comment."""
        text = text.strip()
        if not text:
            return
        session_id = self.session_id
        if session_id is None:
            self.problem.emit(self.tr("No session is open for questions yet"))
            return
        event = FeedEvent(
            kind=FeedEventKind.COMMENT,
            platform=Platform.MANUAL,
            room_key="",
            msg_id=f"manual-{uuid.uuid4().hex}",
            received_at=time.time(),
            nickname=nickname.strip()[:80],
            text=text[:2000],
        )

        async def run() -> None:
            try:
                runner = await self.open(session_id)
                self.feed_thread.post(runner.ingest.submit_manual, event, channel)
            except Exception as error:
                self._report("adding a question", error)

        self._tasks.spawn(run(), name="manual question")

    # -- configured sources -------------------------------------------------------------------
    async def _emit_sources(self, sources: list[dict[str, str]]) -> None:
        """``sourcesLoaded``, each Kuaishou source with its room's userscript ready to copy."""
        try:
            sources = await self._tasks.in_thread(with_userscripts, sources)
        except Exception as error:  # the secret's file cannot be read or written
            self._report("making the Kuaishou userscript", error)
        self.sourcesLoaded.emit(sources)

    def load_sources(self, session_id: int) -> None:
        """Emit ``sourcesLoaded`` with the sources saved for ``session_id``."""

        async def run() -> None:
            try:
                sources = await self._tasks.in_thread(load_feed_sources, self._db, session_id)
            except Exception as error:
                self._report("loading the feed sources", error)
                return
            await self._emit_sources(sources)

        self._tasks.spawn(run(), name="load feed sources")

    def save_sources(self, session_id: int, sources: list[dict[str, str]]) -> None:
        """Save the sources of ``session_id`` (one per room role)."""

        async def run() -> None:
            try:
                await self._tasks.in_thread(save_feed_sources, self._db, session_id, sources)
            except Exception as error:
                self._report("saving the feed sources", error)
                return
            await self._emit_sources(sources)

        self._tasks.spawn(run(), name="save feed sources")

    # -- stopping -----------------------------------------------------------------------------
    async def stop(self) -> None:
        """Stop every source, write what is pending, close the recording; start nothing after.

        A start still opening its runner is waited for first, so nothing starts behind us.
        """
        self._closed = True
        async with self._opening_lock():
            await self._stop_runner()
        await self.feed_thread.aclose()
        if self.leases is not None:  # after the runner: nothing of ours is ingested now
            await self._tasks.in_thread(self.leases.close)

    async def _stop_runner(self) -> None:
        runner, self.runner = self.runner, None
        if runner is not None:
            await self.feed_thread.run(runner.stop())
            if runner.ingest.backlog:
                # What the store still refused is in the recording, replayed on the next
                # start; the next runner reports its own backlog.
                self.backlogChanged.emit(0)

    # -- from the runner (its own loop, carried to the GUI loop) -------------------------------
    def _to_gui(self, fn: Callable[..., None]) -> Callable[..., None]:
        """``fn`` called on the GUI loop, whichever thread calls what this returns."""

        def call(*args: Any) -> None:
            loop = self._gui_loop
            if loop is None or loop.is_closed():
                return
            with contextlib.suppress(RuntimeError):  # the loop closed: the app is gone
                loop.call_soon_threadsafe(fn, *args)

        return call

    def _batch_stored(self, questions: list[QuestionRecord]) -> None:
        self.questionsAdded.emit(questions)

    def _counts(self, counts: dict[str, dict[str, int]]) -> None:
        by_room: dict[str, Any] = {}
        for key, tally in counts.items():
            room = self._roles.get(key, key)
            figures = dict(tally)
            online, total = self._audience.get(key, (None, None))
            if online is not None:
                figures["online"] = online
            if total is not None:
                figures["total_viewers"] = total
            if room in by_room:
                mine = by_room[room]
                by_room[room] = {k: mine.get(k, 0) + figures.get(k, 0) for k in {*mine, *figures}}
            else:
                by_room[room] = figures
        self._pending_counts = by_room
        # At most one emit per interval; the last counts of a burst are always sent.
        wait = self._counts_sent + COUNTS_INTERVAL_S - time.monotonic()
        if wait <= 0:
            self._send_counts()
        elif not self._counts_timer.isActive():
            self._counts_timer.start(max(1, int(wait * 1000)))

    def _send_counts(self) -> None:
        counts, self._pending_counts = self._pending_counts, None
        if counts is not None:
            self._counts_sent = time.monotonic()
            self.countsChanged.emit(counts)

    def _state(self, source: str, state: FeedState) -> None:
        self.roomStateChanged.emit(self._roles.get(source, source), str(state))

    def _verified(self, room_key: str, authenticated: bool) -> None:
        room = self._roles.get(room_key, room_key)
        self.roomVerified.emit(room, authenticated)
        if not authenticated:
            self.problem.emit(
                self.tr(
                    "Room {room} is fed by the stock userscript, which presents no key: its "
                    "comments are unverified. Install Studio Desk's userscript from the sources "
                    "dialog."
                ).format(room=room)
            )

    def _connections_refused(self, count: int) -> None:
        # Told once, then every hundred: the flood is in the log too.
        if count == 1 or count - self._refused_told >= 100:
            self._refused_told = count
            self.problem.emit(
                self.tr(
                    "The Kuaishou capture server is receiving too many connections at once; "
                    "{count} were dropped (a program on this computer may be flooding it)"
                ).format(count=f"{count:,}")
            )

    def _recording_capped(self, path: Path, cap: int) -> None:
        self.problem.emit(
            self.tr(
                "This session's recordings reached {size} MB: the feed goes on and every "
                "comment is stored, but frames are no longer recorded ({name})"
            ).format(size=f"{cap >> 20:,}", name=path.name)
        )

    def _store_refused(self, reason: str) -> None:
        if reason == SERVER_GONE:
            reason = self.tr("the database server cannot be reached")
        self.problem.emit(
            self.tr(
                "Comments cannot be stored ({reason}); they are kept and will be stored as "
                "soon as the database takes them"
            ).format(reason=reason)
        )

    def _report(self, what: str, error: Exception) -> None:
        log.exception("%s failed", what, exc_info=error)
        self.problem.emit(f"{what}: {error}")


async def _activate(runner: FeedRunner, earlier: list[Path]) -> None:
    """Start a new runner's ingest on the feed loop and replay what earlier runs left."""
    runner.ensure_running()
    runner.recover(earlier)
