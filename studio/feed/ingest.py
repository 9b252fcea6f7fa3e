"""Ingest the live feed: events in, text pipeline, batches of ≤100 ms, one store write per batch.

``FeedIngest`` is fed by any source (capture clients, the Kuaishou server, a replay, the
simulator, manual entry) through :meth:`FeedIngest.submit`, which only queues: the text pipeline
and the store write run together in one worker thread per batch, so the event loop (the GUI
thread under qasync) never spends more than an append per event.

The store is injected as a blocking ``write(batch)`` callable (``studio.store.feed_store`` in the
app): ``feed`` and ``store`` are sibling layers and do not import each other.

Nothing accepted is lost: a batch the store refuses (a locked database, a full disk) is kept,
in order, and written again with capped backoff; later events are prepared behind it and wait
their turn. ``backlog`` says how many comments wait, and ``on_backlog`` tells the desk.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from studio.domain.feed_event import FeedEvent, FeedEventKind, RejectedFrame
from studio.domain.model import Platform, QuestionFlag, QuestionStatus
from studio.domain.records import QuestionRecord
from studio.domain.studio_time import from_epoch
from studio.domain.text.pii import mask_nickname
from studio.domain.text.pipeline import TextPipeline, question_flags
from studio.feed.adapters._frames import MAX_COUNT

log = logging.getLogger(__name__)

#: Longest wait between an event's arrival and its batch being written.
FLUSH_INTERVAL_S = 0.1
#: A batch is written as soon as this many events wait, whatever the time.
MAX_BATCH = 2_000
#: Counts are logged at most this often.
LOG_INTERVAL_S = 10.0
#: First and longest wait before a batch the store refused is written again.
RETRY_INITIAL_S = 0.2
RETRY_MAX_S = 5.0

_AUTHOR_BLOCKED = int(QuestionFlag.AUTHOR_BLOCKED)


@dataclass(slots=True)
class CommentRow:
    """One comment ready for the store: raw text kept, display text masked.

    Attributes:
        room_key: the room's identity as the tool names it; "" for manual entries.
        raw_text: what the viewer wrote, for the store only (may hold personal data).
        display_text: normalised and masked: the only text shown or exported.
        nickname: the viewer's name masked like the text: the only name shown or exported.
        raw_nickname: the name as it came, for the store only.
        hidden: the author is blocked; stored, but hidden from the desk.
        received_text: ``received_at`` as SQLite stores a DateTime; made here, with the rest of
            the row, so the store only has to write it ("" if not made: the store makes it).
    """

    platform: Platform
    room_key: str
    msg_id: str
    author_id: str
    nickname: str
    raw_text: str
    display_text: str
    received_at: dt.datetime
    flags: int
    unit_id: int | None
    cluster_id: int | None
    cluster_size: int
    channel: str = "live"
    hidden: bool = False
    received_text: str = ""
    raw_nickname: str = ""

    @property
    def status(self) -> QuestionStatus:
        return QuestionStatus.HIDDEN if self.hidden else QuestionStatus.NEW


@dataclass(slots=True)
class RoomFact:
    """A room's audience figures at a moment; ``likes`` is the room's running like total."""

    platform: Platform
    room_key: str
    at: dt.datetime
    online: int | None
    total_viewers: int | None
    likes: int


@dataclass(slots=True)
class IngestBatch:
    """What one store transaction writes."""

    comments: list[CommentRow] = field(default_factory=list)
    facts: list[RoomFact] = field(default_factory=list)


class WriteOutcome(Protocol):
    """What the store says about a written batch (``feed_store.StoredBatch``)."""

    questions: list[QuestionRecord]
    stored: Mapping[str, int]
    duplicates: Mapping[str, int]


BatchWriter = Callable[[IngestBatch], WriteOutcome]
"""Writes one batch in one transaction; blocking, called from a worker thread."""


@dataclass
class RoomTally:
    """What one room's feed amounted to so far."""

    received: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    likes: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "received": self.received,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "likes": self.likes,
        }


@dataclass
class BatchTiming:
    """How long a batch took: waiting from its first event, and processing + writing."""

    events: int
    latency_s: float
    process_s: float
    write_s: float


@dataclass(slots=True)
class _Held:
    """A prepared batch the store refused, kept to be written again."""

    batch: IngestBatch
    first_at: float
    events: int


def describe_store_error(error: BaseException) -> str:
    """Why a write failed, in a few words safe to log and show: an operational error's first
    line from the database driver (``database is locked``, ``database or disk is full``) or
    the error's kind — never an exception's whole text, which may quote the bound rows."""
    orig = getattr(error, "orig", None)  # a SQLAlchemy DBAPIError wraps the driver's error
    if isinstance(orig, BaseException):
        lines = str(orig).strip().splitlines()
        # Operational errors are the driver's fixed words about the database, not the data.
        if lines and type(orig).__name__ == "OperationalError":
            return lines[0][:120]
        return type(orig).__name__
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return type(error).__name__


class FeedIngest:
    """Batches events, runs them through the text pipeline and the store, reports each batch.

    Run :meth:`run` as a task; cancel it to stop (call :meth:`drain` first to write what waits).

    Attributes:
        tallies: counts per room key.
        timings: the last batches' timings (for the benchmark), bounded.
    """

    def __init__(
        self,
        pipeline: TextPipeline,
        write: BatchWriter,
        *,
        on_batch: Callable[[list[QuestionRecord]], None] | None = None,
        on_counts: Callable[[dict[str, dict[str, int]]], None] | None = None,
        is_blocked: Callable[[Platform, str, str], bool] | None = None,
        on_backlog: Callable[[int], None] | None = None,
        on_store_problem: Callable[[str], None] | None = None,
        flush_interval: float = FLUSH_INTERVAL_S,
        max_batch: int = MAX_BATCH,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """Args:
        pipeline: the session's text pipeline (used only from the worker thread).
        write: the store's batch writer.
        on_batch: called in the loop with the new questions of each written batch.
        on_counts: called in the loop with all tallies after each batch.
        is_blocked: ``(platform, room_key, author_id)`` → the author is blocked.
        on_backlog: called in the loop with ``backlog`` whenever it changes.
        on_store_problem: called in the loop when the store starts refusing batches, with
            the reason in a few words (never viewer text).
        """
        self.pipeline = pipeline
        self.write = write
        self.on_batch = on_batch
        self.on_counts = on_counts
        self.is_blocked = is_blocked
        self.on_backlog = on_backlog
        self.on_store_problem = on_store_problem
        self.flush_interval = flush_interval
        self.max_batch = max_batch
        self.tallies: dict[str, RoomTally] = {}
        self.timings: list[BatchTiming] = []
        self._monotonic = monotonic
        self._pending: list[FeedEvent] = []
        self._first_at: float | None = None
        self._wake = asyncio.Event()
        self._lock = asyncio.Lock()
        self._likes: dict[str, int] = {}
        self._channels: dict[str, str] = {}  # manual entries' msg_id → phone, wechat …
        self._last_log = 0.0
        self.accepted = 0  # events submitted so far
        self.written = 0  # of them, how many are in batches the store took (they go in order)
        self._held: deque[_Held] = deque()  # prepared batches the store refused, in order
        self._retry_at = 0.0
        self._retry_delay = RETRY_INITIAL_S
        self._problem = ""
        self._reported_backlog = 0

    # -- input (event loop) -------------------------------------------------------------------
    def submit(self, events: Iterable[FeedEvent]) -> None:
        """Queue events; cheap, never raises (the sink of capture clients and servers)."""
        before = len(self._pending)
        self._pending.extend(events)
        if len(self._pending) == before:
            return
        self.accepted += len(self._pending) - before
        if self._first_at is None:
            self._first_at = self._monotonic()
        if len(self._pending) >= self.max_batch:
            self._wake.set()

    def submit_manual(self, event: FeedEvent, channel: str) -> None:
        """Queue a question taken by phone or WeChat (platform ``MANUAL``) with its channel."""
        self._channels[event.msg_id] = channel
        self.submit([event])

    def reject(self, rejected: RejectedFrame) -> None:
        """Count a frame an adapter refused."""
        self._tally(rejected.room_key).rejected += 1

    def _tally(self, room_key: str) -> RoomTally:
        tally = self.tallies.get(room_key)
        if tally is None:
            tally = self.tallies[room_key] = RoomTally()
        return tally

    @property
    def pending(self) -> int:
        return len(self._pending)

    async def stored_up_to(self, accepted: int, poll: float = 0.1) -> None:
        """Wait until the first ``accepted`` events submitted are in stored batches."""
        while self.written < accepted:
            await asyncio.sleep(poll)

    @property
    def all_stored(self) -> bool:
        """Every event submitted so far is in a batch the store took."""
        return self.written >= self.accepted

    @property
    def backlog(self) -> int:
        """Comments accepted but not stored yet because the store refused their batch."""
        return sum(len(held.batch.comments) for held in self._held)

    @property
    def store_problem(self) -> str:
        """Why the store refuses batches now (one line, no viewer text); "" when it does not."""
        return self._problem

    # -- the flusher --------------------------------------------------------------------------
    async def run(self) -> None:
        """Write batches until cancelled: every ``flush_interval`` or ``max_batch`` events."""
        while True:
            try:
                async with asyncio.timeout(self.flush_interval):
                    await self._wake.wait()
            except TimeoutError:
                pass
            self._wake.clear()
            if self._pending or self._held:
                await self.flush()

    async def flush(self, *, retry_now: bool = False) -> None:
        """Write what is queued, in batches of at most ``max_batch`` events, one at a time.

        Batches the store refused go first, once their retry is due (at once with
        ``retry_now``); while they wait, new events are prepared and queued behind them.
        """
        # One batch at a time: the text pipeline's clusters are not for two threads at once.
        async with self._lock:
            while self._held:
                if not retry_now and self._monotonic() < self._retry_at:
                    break
                if not await self._write_held():
                    break
            while self._pending:
                events = self._pending[: self.max_batch]
                del self._pending[: self.max_batch]
                first_at = self._first_at if self._first_at is not None else self._monotonic()
                self._first_at = self._monotonic() if self._pending else None
                await self._write(events, first_at)
            self._report_backlog()

    async def drain(self, timeout: float = 5.0) -> None:
        """Write everything submitted so far, retrying refused batches until ``timeout``.

        Raises:
            TimeoutError: something is still unstored (``pending`` or ``backlog``).
        """
        async with asyncio.timeout(timeout):
            while True:
                await self.flush(retry_now=True)
                if not self._held and not self._pending:
                    return
                await asyncio.sleep(min(self._retry_delay, RETRY_MAX_S))

    async def _write(self, events: list[FeedEvent], first_at: float) -> None:
        if self._held:
            # An earlier batch waits for the store: prepare this one and queue it behind.
            batch = await asyncio.to_thread(self.prepare, events)
            self._held.append(_Held(batch, first_at, len(events)))
            return
        batch, outcome, error, timing = await asyncio.to_thread(self._process_and_write, events)
        if outcome is None:
            assert error is not None
            self._held.append(_Held(batch, first_at, len(events)))
            self._refused(error)
            return
        self._stored(outcome, timing, first_at)

    async def _write_held(self) -> bool:
        """Write the oldest refused batch again; whether the store took it."""
        held = self._held[0]
        outcome, error, timing = await asyncio.to_thread(self._write_timed, held)
        if outcome is None:
            assert error is not None
            self._refused(error)
            return False
        self._held.popleft()
        if not self._held:
            log.info("feed: the store takes batches again; the waiting comments are stored")
            self._problem, self._retry_delay = "", RETRY_INITIAL_S
        self._stored(outcome, timing, held.first_at)
        return True

    def _refused(self, error: Exception) -> None:
        reason = describe_store_error(error)
        first = not self._problem
        self._problem = reason
        self._retry_at = self._monotonic() + self._retry_delay
        # Only what we word ourselves is logged: an exception's text may quote bound values,
        # and those are viewers' comments and nicknames.
        log.warning(
            "feed: the store refused a batch (%s); %d comments kept, next try in %.1f s",
            reason,
            self.backlog,
            self._retry_delay,
        )
        self._retry_delay = min(self._retry_delay * 2, RETRY_MAX_S)
        if first and self.on_store_problem is not None:
            self._call(self.on_store_problem, reason)
        self._report_backlog()

    def _report_backlog(self) -> None:
        backlog = self.backlog
        if backlog != self._reported_backlog:
            self._reported_backlog = backlog
            if self.on_backlog is not None:
                self._call(self.on_backlog, backlog)

    def _stored(self, outcome: WriteOutcome, timing: BatchTiming, first_at: float) -> None:
        self.written += timing.events
        timing.latency_s = self._monotonic() - first_at
        self.timings.append(timing)
        del self.timings[:-1000]
        for room_key, count in outcome.duplicates.items():
            self._tally(room_key).duplicates += count
        for room_key, count in outcome.stored.items():
            self._tally(room_key).stored += count
        for room_key, likes in self._likes.items():
            self._tally(room_key).likes = likes
        questions = outcome.questions
        if questions and self.on_batch is not None:
            self._call(self.on_batch, questions)
        if self.on_counts is not None:
            self._call(self.on_counts, self.counts())
        self._log_counts()

    def _call(self, sink: Callable[..., None], *args: object) -> None:
        try:
            sink(*args)
        except Exception:
            log.exception("feed batch callback %r failed", sink)

    def counts(self) -> dict[str, dict[str, int]]:
        """All tallies as plain dicts, by room key."""
        return {key: tally.as_dict() for key, tally in self.tallies.items()}

    def _log_counts(self) -> None:
        now = self._monotonic()
        if now - self._last_log < LOG_INTERVAL_S:
            return
        self._last_log = now
        for key, tally in self.tallies.items():
            log.info("feed room %s: %s", key or "(none)", tally.as_dict())

    # -- worker thread ------------------------------------------------------------------------
    def _process_and_write(
        self, events: list[FeedEvent]
    ) -> tuple[IngestBatch, WriteOutcome | None, Exception | None, BatchTiming]:
        started = time.perf_counter()
        batch = self.prepare(events)
        prepared = time.perf_counter()
        try:
            outcome = self.write(batch)
        except Exception as error:
            return batch, None, error, BatchTiming(len(events), 0.0, prepared - started, 0.0)
        written = time.perf_counter()
        return (
            batch,
            outcome,
            None,
            BatchTiming(len(events), 0.0, prepared - started, written - prepared),
        )

    def _write_timed(
        self, held: _Held
    ) -> tuple[WriteOutcome | None, Exception | None, BatchTiming]:
        started = time.perf_counter()
        try:
            outcome = self.write(held.batch)
        except Exception as error:
            return None, error, BatchTiming(held.events, 0.0, 0.0, 0.0)
        return outcome, None, BatchTiming(held.events, 0.0, 0.0, time.perf_counter() - started)

    def prepare(self, events: list[FeedEvent]) -> IngestBatch:
        """Turn events into rows: comments through the text pipeline, likes and stats into facts.

        Blocking and stateful (clusters, like totals): call from one thread at a time.
        """
        batch = IngestBatch()
        seen: set[tuple[str, str]] = set()
        for event in events:
            tally = self.tallies.get(event.room_key)
            if tally is None:
                tally = self.tallies[event.room_key] = RoomTally()
            tally.received += 1
            kind = event.kind
            if kind is FeedEventKind.COMMENT:
                key = (event.room_key, event.msg_id)
                if key in seen:
                    tally.duplicates += 1
                    continue
                seen.add(key)
                channel = "live"
                if event.platform is Platform.MANUAL:
                    channel = self._channels.pop(event.msg_id, "manual")
                batch.comments.append(self.comment_row(event, channel=channel))
            elif kind is FeedEventKind.LIKE:
                self._add_likes(event)
            elif kind is FeedEventKind.STATS or kind is FeedEventKind.ENDED:
                batch.facts.append(
                    RoomFact(
                        event.platform,
                        event.room_key,
                        from_epoch(event.received_at),
                        event.online,
                        event.total_viewers,
                        self._likes.get(event.room_key, 0),
                    )
                )
        return batch

    def _add_likes(self, event: FeedEvent) -> None:
        if event.like_total is not None:
            # The tool's own running total is the truth; our sum only fills its gaps.
            total = max(event.like_total, self._likes.get(event.room_key, 0))
            self._likes[event.room_key] = min(total, MAX_COUNT)
        elif event.like_count is not None:
            total = self._likes.get(event.room_key, 0) + event.like_count
            self._likes[event.room_key] = min(total, MAX_COUNT)

    def comment_row(self, event: FeedEvent, *, channel: str = "live") -> CommentRow:
        """One comment through the text pipeline."""
        author = event.user_id or event.nickname
        asker: Hashable = (event.platform, event.room_key, author) if author else None
        processed = self.pipeline.process(event.text, asker=asker)
        flags = question_flags(processed)
        hidden = bool(
            self.is_blocked is not None
            and author
            and self.is_blocked(event.platform, event.room_key, author)
        )
        if hidden:
            flags |= _AUTHOR_BLOCKED
        received = from_epoch(event.received_at)  # naive UTC, as stored
        return CommentRow(
            platform=event.platform,
            room_key=event.room_key,
            msg_id=event.msg_id,
            # The Kuaishou userscript sends no user id: the nickname is then the author's key
            # (what blocking matches on; two viewers of one nickname are blocked together).
            author_id=author,
            nickname=mask_nickname(event.nickname),
            raw_nickname=event.nickname,
            raw_text=event.text,
            display_text=processed.display,
            received_at=received,
            received_text=received.isoformat(" ", "microseconds"),
            flags=flags,
            unit_id=processed.unit_id,
            cluster_id=processed.cluster_id,
            cluster_size=processed.cluster_size,
            channel=channel,
            hidden=hidden,
        )
