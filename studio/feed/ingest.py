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
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from studio.domain.feed_event import FeedEvent, RejectedFrame
from studio.domain.model import Platform, QuestionFlag
from studio.domain.records import QuestionRecord
from studio.domain.text.pipeline import TextPipeline
from studio.feed.batches import BatchWriter, CommentRow, IngestBatch, RoomTally, WriteOutcome
from studio.feed.refused import HeldBatch, RefusedBatches
from studio.feed.rows import RowMaker

log = logging.getLogger(__name__)

#: Longest wait between an event's arrival and its batch being written.
FLUSH_INTERVAL_S = 0.1
#: A batch is written as soon as this many events wait, whatever the time.
MAX_BATCH = 2_000
#: Counts are logged at most this often.
LOG_INTERVAL_S = 10.0

_AUTHOR_BLOCKED = int(QuestionFlag.AUTHOR_BLOCKED)


@dataclass
class BatchTiming:
    """How long a batch took: waiting from its first event, and processing + writing."""

    events: int
    latency_s: float
    process_s: float
    write_s: float


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
        self._rows = RowMaker(pipeline, is_blocked)
        self._last_log = 0.0
        self.accepted = 0  # events submitted so far
        self.written = 0  # of them, how many are in batches the store took (they go in order)
        self._held = RefusedBatches(monotonic)  # prepared batches the store refused, in order
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
        self._rows.channels[event.msg_id] = channel
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
        return self._held.backlog

    @property
    def store_problem(self) -> str:
        """Why the store refuses batches now (one line, no viewer text); "" when it does not."""
        return self._held.problem

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
                if not retry_now and not self._held.due():
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
                await asyncio.sleep(self._held.delay)

    async def _write(self, events: list[FeedEvent], first_at: float) -> None:
        if self._held:
            # An earlier batch waits for the store: prepare this one and queue it behind.
            batch = await asyncio.to_thread(self.prepare, events)
            self._held.hold(batch, first_at, len(events))
            return
        batch, outcome, error, timing = await asyncio.to_thread(self._process_and_write, events)
        if outcome is None:
            assert error is not None
            self._held.hold(batch, first_at, len(events))
            self._refused(error)
            return
        self._stored(outcome, timing, first_at)

    async def _write_held(self) -> bool:
        """Write the oldest refused batch again; whether the store took it."""
        held = self._held.oldest
        outcome, error, timing = await asyncio.to_thread(self._write_timed, held)
        if outcome is None:
            assert error is not None
            self._refused(error)
            return False
        if self._held.took_oldest():
            log.info("feed: the store takes batches again; the waiting comments are stored")
        self._stored(outcome, timing, held.first_at)
        return True

    def _refused(self, error: Exception) -> None:
        reason, first, wait = self._held.refused(error)
        # Only what we word ourselves is logged: an exception's text may quote bound values,
        # and those are viewers' comments and nicknames.
        log.warning(
            "feed: the store refused a batch (%s); %d comments kept, next try in %.1f s",
            reason,
            self.backlog,
            wait,
        )
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
        for room_key, likes in self._rows.likes.items():
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
        self, held: HeldBatch
    ) -> tuple[WriteOutcome | None, Exception | None, BatchTiming]:
        started = time.perf_counter()
        try:
            outcome = self.write(held.batch)
        except Exception as error:
            return None, error, BatchTiming(held.events, 0.0, 0.0, 0.0)
        return outcome, None, BatchTiming(held.events, 0.0, 0.0, time.perf_counter() - started)

    def prepare(self, events: list[FeedEvent]) -> IngestBatch:
        """Turn events into rows (see :meth:`RowMaker.prepare`); from one thread at a time."""
        return self._rows.prepare(events, self._tally)

    def comment_row(self, event: FeedEvent, *, channel: str = "live") -> CommentRow:
        """One comment through the text pipeline."""
        return self._rows.comment_row(event, channel=channel)
