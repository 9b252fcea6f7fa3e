"""Following the other seats: what they committed reaches this seat's windows, row by row.

The store's listener (its own thread) says that something was committed; this service reads
the change log since the last revision it saw in a worker thread, gathers the ids per kind of
thing and emits one signal per kind on the GUI thread. A seat that was offline reads the same
way when it is back, so it catches up with everything it missed; when it missed too much (or
the log was pruned past it) it asks the services to reload wholesale instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal, Slot

from studio.domain.records import QuestionRecord
from studio.services.tasks import BackgroundTasks
from studio.store.changes import ChangeCursor, latest_revision, oldest_revision, prune
from studio.store.database import Database
from studio.store.listen import ChangeListener
from studio.store.repository import StudioRepository

log = logging.getLogger(__name__)

#: Changes older than this are pruned when a seat starts (a seat offline longer reloads).
KEEP_DAYS = 7
#: More changes than this since the last read: reloading wholesale is cheaper than row by row.
RESYNC_LIMIT = 20_000

#: The kinds whose row id is a session (see ``studio.store.change_triggers.FOLLOWED``) that
#: prep and the schedule show.
SESSION_KINDS = frozenset({"session", "segment", "briefing_note", "feed_source"})
REFERRAL_KINDS = frozenset({"referral", "referral_event", "referral_asker"})


@dataclass
class ChangeBatch:
    """What one read found, gathered by kind: ids per kind, and the followed session's
    questions read again (inserted ones apart from changed ones)."""

    by_kind: dict[str, list[int]] = field(default_factory=dict)
    inserted: list[QuestionRecord] = field(default_factory=list)
    updated: list[QuestionRecord] = field(default_factory=list)
    resync: bool = False


class SyncService(QObject):
    """Follows every seat's commits (this one's too: re-reading a row shown is harmless).

    Signals:
        onlineChanged(bool): the listening connection was lost (False) or is back (True).
        questionsInserted(list): ``QuestionRecord`` of questions of the followed session
            that some seat's ingest or manual entry stored (this seat's own included: a
            receiver skips the ones it shows).
        questionsChanged(list): ``QuestionRecord`` of the followed session's questions a seat
            moved (status, queue place, cluster, text …), read after the move.
        timerChanged(list): the sessions whose timer or screen notes changed.
        referralsChanged(list): the tickets that were made or moved.
        sessionsChanged(list): the sessions whose details, running order, briefing notes or
            feed sources changed.
        changed(str, list): every kind (a table's name) with its ids, for the rest.
        resync(): too much changed or the log was pruned past this seat: reload wholesale.
    """

    onlineChanged = Signal(bool)
    questionsInserted = Signal(list)
    questionsChanged = Signal(list)
    timerChanged = Signal(list)
    referralsChanged = Signal(list)
    sessionsChanged = Signal(list)
    changed = Signal(str, list)
    resync = Signal()
    # From the listener's thread to this object's (queued by Qt).
    _hinted = Signal(int)
    _online = Signal(bool)

    def __init__(
        self,
        db: Database,
        tasks: BackgroundTasks,
        *,
        repository: StudioRepository | None = None,
        resync_limit: int = RESYNC_LIMIT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._repository = repository or StudioRepository(db)
        self._cursor = ChangeCursor()
        #: More changes than this in one read: a wholesale reload instead.
        self.resync_limit = resync_limit
        self._listener = ChangeListener(db.url, hint=self._hinted.emit, online=self._online.emit)
        self._hinted.connect(self._on_hint)
        self._online.connect(self._on_online)
        self._reading = False
        self._again = False
        self._started = False
        self.online = True
        self.session_id: int | None = None

    @property
    def revision(self) -> int:
        """The highest revision this seat has read."""
        return self._cursor.highest

    @property
    def listening(self) -> bool:
        """Whether the listener's thread runs (online or trying to get back)."""
        return self._listener.running

    def follow_session(self, session: object) -> None:
        """Questions of this session are read again when changed (a slot for todayLoaded)."""
        self.session_id = getattr(session, "id", None)

    def start(self) -> None:
        """Start following from the newest revision (what is shown now was read after it),
        once the log's changes older than ``KEEP_DAYS`` are pruned."""
        if self._started:
            return
        self._started = True

        def begin() -> int:
            cutoff = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=KEEP_DAYS)
            try:
                pruned = prune(self._db, cutoff)
                if pruned:
                    log.info("pruned %d changes older than %d days", pruned, KEEP_DAYS)
            except Exception:  # another seat pruning at the same moment, a lock …: next time
                log.warning("pruning the change log failed", exc_info=True)
            return latest_revision(self._db)

        async def run() -> None:
            self._cursor.jump(await self._tasks.in_thread(begin))
            self._listener.start()

        self._tasks.spawn(run(), name="start following other seats")

    async def stop(self) -> None:
        """Stop listening (the thread's join is bounded, and off the GUI thread)."""
        await self._tasks.in_thread(self._listener.stop)

    def resume(self) -> None:
        """Listen again after :meth:`stop`: on connecting, the listener asks for a read, which
        catches up with everything committed since the last revision read."""
        if self._started:
            self._listener.start()

    def read_now(self) -> None:
        """Read what changed since the last revision (the listener's hint calls this)."""
        if self._reading:
            self._again = True
            return
        self._reading = True
        self._tasks.spawn(self._read_until_quiet(), name="read other seats' changes")

    # -- internals ---------------------------------------------------------------------------
    @Slot(int)
    def _on_hint(self, revision: int) -> None:
        cursor = self._cursor
        if revision and revision <= cursor.highest and not cursor.gaps:
            return  # already read (a notify of a change read with an earlier one)
        self.read_now()

    @Slot(bool)
    def _on_online(self, online: bool) -> None:
        self.online = online
        self.onlineChanged.emit(online)

    async def _read_until_quiet(self) -> None:
        try:
            while True:
                self._again = False
                try:
                    batch = await self._tasks.in_thread(self._read, self.session_id)
                except Exception:  # the database went away: the listener says offline
                    log.warning("reading other seats' changes failed", exc_info=True)
                    return
                self._deliver(batch)
                if not self._again:
                    return
        finally:
            self._reading = False

    def _read(self, session_id: int | None) -> ChangeBatch:
        """In a worker thread: the changes since the last read, gathered."""
        cursor, db = self._cursor, self._db
        last = cursor.revision
        pruned = last > 0 and oldest_revision(db) > last + 1
        limit = self.resync_limit
        changes, more = ([], False) if pruned else cursor.read(db, limit)
        if more or pruned:
            log.info("following other seats: reloading everything (more than %d changes, or "
                     "the log was pruned past revision %d)", limit, last)  # fmt: skip
            cursor.jump(latest_revision(db))
            return ChangeBatch(resync=True)
        batch = ChangeBatch()
        inserted: set[int] = set()
        updated: set[int] = set()
        for change in changes:
            if change.row_id is None:
                continue
            batch.by_kind.setdefault(change.kind, [])
            if change.row_id not in batch.by_kind[change.kind]:
                batch.by_kind[change.kind].append(change.row_id)
            if change.kind == "question":
                (inserted if change.op == "i" else updated).add(change.row_id)
        # A row inserted and then moved within one read is in both: appended where it is new,
        # changed in place where this seat's own ingest had shown it already.
        if session_id is not None and (inserted or updated):
            records = self._repository.questions_by_id(
                sorted(inserted | updated), session_id=session_id
            )
            batch.inserted = [r for r in records if r.id in inserted]
            batch.updated = [r for r in records if r.id in updated]
        return batch

    def _deliver(self, batch: ChangeBatch) -> None:
        if batch.resync:
            self.resync.emit()
            return
        if batch.inserted:
            self.questionsInserted.emit(batch.inserted)
        if batch.updated:
            self.questionsChanged.emit(batch.updated)
        kinds = batch.by_kind
        if "timer_state" in kinds:
            self.timerChanged.emit(kinds["timer_state"])
        referrals = _ids(kinds, REFERRAL_KINDS - {"referral_asker"})
        if referrals:
            self.referralsChanged.emit(referrals)
        sessions = _ids(kinds, SESSION_KINDS)
        if sessions:
            self.sessionsChanged.emit(sessions)
        for kind, ids in kinds.items():
            self.changed.emit(kind, ids)


def _ids(by_kind: dict[str, list[int]], kinds: Sequence[str] | frozenset[str]) -> list[int]:
    return sorted({i for kind in kinds for i in by_kind.get(kind, ())})
