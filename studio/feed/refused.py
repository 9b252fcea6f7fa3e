"""Batches the store refused: kept in order, written again with capped backoff.

Nothing accepted is lost: a batch the store refuses (a locked database, a full disk) waits here,
later batches are prepared and queued behind it, and the oldest is tried again once its retry
is due. :class:`~studio.feed.ingest.FeedIngest` owns one of these.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from studio.domain.store_faults import is_server_gone
from studio.feed.batches import IngestBatch

#: First and longest wait before a batch the store refused is written again.
RETRY_INITIAL_S = 0.2
RETRY_MAX_S = 5.0


@dataclass(slots=True)
class HeldBatch:
    """A prepared batch the store refused, kept to be written again."""

    batch: IngestBatch
    first_at: float
    events: int


#: The reason given when the database server cannot be reached (the desk words it itself).
SERVER_GONE = "the database server cannot be reached"
def describe_store_error(error: BaseException) -> str:
    """Why a write failed, in a few words safe to log and show: an operational error's first
    line from the database driver (``database is locked``, ``database or disk is full``) or
    the error's kind — never an exception's whole text, which may quote the bound rows."""
    orig = getattr(error, "orig", None)  # a SQLAlchemy DBAPIError wraps the driver's error
    if isinstance(orig, BaseException):
        if is_server_gone(error):  # PostgreSQL stopped, restarting or cut off
            return SERVER_GONE
        lines = str(orig).strip().splitlines()
        # Operational errors are the driver's fixed words about the database, not the data.
        if lines and type(orig).__name__ == "OperationalError":
            return lines[0][:120]
        return type(orig).__name__
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return type(error).__name__


class RefusedBatches:
    """The refused batches in order, when to try the oldest again, and why the store refuses."""

    def __init__(self, monotonic: Callable[[], float]) -> None:
        self._monotonic = monotonic
        self._held: deque[HeldBatch] = deque()
        self._retry_at = 0.0
        self.delay = RETRY_INITIAL_S  # the wait before the next try
        self.problem = ""  # why the store refuses now; "" when it does not

    def __bool__(self) -> bool:
        return bool(self._held)

    @property
    def backlog(self) -> int:
        """Comments held, not stored yet."""
        return sum(len(held.batch.comments) for held in self._held)

    @property
    def oldest(self) -> HeldBatch:
        return self._held[0]

    def due(self) -> bool:
        """The oldest batch's retry is due."""
        return self._monotonic() >= self._retry_at

    def hold(self, batch: IngestBatch, first_at: float, events: int) -> None:
        """Queue a batch behind those already held."""
        self._held.append(HeldBatch(batch, first_at, events))

    def refused(self, error: Exception) -> tuple[str, bool, float]:
        """The store refused a write: back off. Returns the reason, whether it is the first
        refusal since the store last took batches, and the wait before the next try."""
        reason = describe_store_error(error)
        first = not self.problem
        self.problem = reason
        wait = self.delay
        self._retry_at = self._monotonic() + wait
        self.delay = min(wait * 2, RETRY_MAX_S)
        return reason, first, wait

    def took_oldest(self) -> bool:
        """The store took the oldest batch: drop it. Returns whether none are held any more
        (the problem is then over and the backoff starts again from the beginning)."""
        self._held.popleft()
        if self._held:
            return False
        self.problem, self.delay = "", RETRY_INITIAL_S
        return True
