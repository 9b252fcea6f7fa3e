"""Reading the change log: what other seats changed since a revision, and its pruning.

The triggers (``studio.store.change_triggers``) write one row per changed row. Revisions are
handed out when a row is written, not when its transaction commits: on PostgreSQL a
transaction that wrote revision 10 may commit after another's 11. :class:`ChangeCursor` keeps
such a hole open for a while (``GAP_WAIT_S``) and asks for it again, so a slow commit is not
skipped; a hole left by a rolled-back transaction is given up after that time.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, func, select

from studio.store.database import Database
from studio.store.models import ChangeLogRow

#: How long a revision missing below a seen one is asked for again: longer than any writing
#: transaction of the studio takes from its first change to its commit.
GAP_WAIT_S = 30.0
#: Holes tracked at most; beyond this (a huge rolled-back import) the oldest are given up.
MAX_GAPS = 5_000


@dataclass(frozen=True)
class Change:
    """One logged change: ``kind`` is the table, ``row_id`` the id to re-read, ``op`` one of
    ``i`` (inserted), ``u`` (updated) and ``d`` (deleted)."""

    revision: int
    kind: str
    row_id: int | None
    op: str


def _changes(rows: Iterable[ChangeLogRow]) -> list[Change]:
    return [Change(r.revision, r.kind, r.row_id, r.op) for r in rows]


def latest_revision(db: Database) -> int:
    """The highest revision logged (0 when the log is empty)."""
    with db.sessions() as s:
        return int(s.scalar(select(func.max(ChangeLogRow.revision))) or 0)


def oldest_revision(db: Database) -> int:
    """The lowest revision still in the log (0 when it is empty): a seat whose last revision
    is below it missed pruned changes."""
    with db.sessions() as s:
        return int(s.scalar(select(func.min(ChangeLogRow.revision))) or 0)


def changes_since(db: Database, revision: int, limit: int = 10_000) -> list[Change]:
    """The changes after ``revision``, oldest first, at most ``limit``."""
    with db.sessions() as s:
        rows = s.scalars(
            select(ChangeLogRow)
            .where(ChangeLogRow.revision > revision)
            .order_by(ChangeLogRow.revision)
            .limit(limit)
        )
        return _changes(rows)


def changes_among(db: Database, revisions: Sequence[int]) -> list[Change]:
    """Those of ``revisions`` that are logged (committed) now, oldest first."""
    if not revisions:
        return []
    with db.sessions() as s:
        rows = s.scalars(
            select(ChangeLogRow)
            .where(ChangeLogRow.revision.in_(list(revisions)))
            .order_by(ChangeLogRow.revision)
        )
        return _changes(rows)


def prune(db: Database, older_than: dt.datetime) -> int:
    """Delete the changes logged before ``older_than`` (UTC, naive); returns how many.

    The newest change is always kept: SQLite hands out the next revision after the highest
    one in the table, which must never go back. Revisions grow with time, so the first row
    to keep is found along the revision's index (``at`` has none: it would slow every write).
    """
    with db.transaction() as s:
        first_kept = s.scalar(
            select(ChangeLogRow.revision)
            .where(ChangeLogRow.at >= older_than)
            .order_by(ChangeLogRow.revision)
            .limit(1)
        )
        if first_kept is None:
            first_kept = s.scalar(select(func.max(ChangeLogRow.revision)))
        if first_kept is None:
            return 0
        result = s.execute(delete(ChangeLogRow).where(ChangeLogRow.revision < first_kept))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


@dataclass
class ChangeCursor:
    """Where a seat is in the log: every revision up to ``revision`` was seen (or given up),
    and of those above it, ``seen`` were; ``gaps`` are the holes below the highest seen, with
    when each was first noticed.

    :meth:`read` fetches what is new and what filled a hole, never a change twice.
    """

    revision: int = 0
    seen: set[int] = field(default_factory=set)
    gaps: dict[int, float] = field(default_factory=dict)
    clock: Callable[[], float] = time.monotonic

    @property
    def highest(self) -> int:
        return max(self.seen, default=self.revision)

    def read(self, db: Database, limit: int = 10_000) -> tuple[list[Change], bool]:
        """The changes not seen yet, oldest first, and whether more are waiting (``limit``
        reached: the caller reads again, or reloads wholesale)."""
        fresh = changes_since(db, self.highest, limit)
        filled = changes_among(db, sorted(self.gaps)[:1000]) if self.gaps else []
        news = self.take(filled + fresh)
        return news, len(fresh) >= limit

    def take(self, changes: Sequence[Change]) -> list[Change]:
        """Record ``changes`` as seen; returns those not seen before, oldest first."""
        now = self.clock()
        news = sorted(
            {c.revision: c for c in changes if self._unseen(c.revision)}.values(),
            key=lambda c: c.revision,
        )
        top = self.highest
        for change in news:
            self.seen.add(change.revision)
            self.gaps.pop(change.revision, None)
            if change.revision > top:
                for hole in range(max(top + 1, change.revision - MAX_GAPS), change.revision):
                    self.gaps.setdefault(hole, now)
                top = change.revision
        self._advance(now)
        return news

    def jump(self, revision: int) -> None:
        """Start over at ``revision`` (after a wholesale reload): nothing before it is asked."""
        self.revision = revision
        self.seen.clear()
        self.gaps.clear()

    def _unseen(self, revision: int) -> bool:
        return revision > self.revision and revision not in self.seen

    def _advance(self, now: float) -> None:
        for hole, noticed in list(self.gaps.items()):
            if now - noticed > GAP_WAIT_S:
                del self.gaps[hole]
        if len(self.gaps) > MAX_GAPS:
            for hole in sorted(self.gaps)[: len(self.gaps) - MAX_GAPS]:
                del self.gaps[hole]
        # Everything below the lowest hole is settled.
        settled = min(self.gaps, default=self.highest + 1) - 1
        if settled > self.revision:
            self.seen = {r for r in self.seen if r > settled}
            self.revision = settled
