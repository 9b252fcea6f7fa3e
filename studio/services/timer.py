"""The session timer as a use case: operations persisted first, a steady reading, outside changes.

An operation is applied in the database (read, apply, write with the version read, audit) in a
worker thread, one at a time in the order asked; only then does the window show it, so what is
shown is always what a restart would resume. Changes made by another seat or process
(``python -m studio timer next``, a Stream Deck) reach :meth:`TimerService.follow_changes`
from the sync service (``studio.services.sync``), which hears them as they commit.

The studio has one clock: operations are timed by the database's clock in their transaction,
and readings by this PC's clock corrected to the database server's (:class:`ServerClock`), so
seats on PCs whose clocks disagree show the same remaining time.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from studio.domain import rundown_clock as clock
from studio.domain.refusals import Refusal, Refused
from studio.domain.rundown_clock import ClockError, ClockReading
from studio.domain.rundown_plan import Rundown
from studio.domain.rundown_report import actuals_csv
from studio.domain.screen_notes import ScreenNotes
from studio.services.refusal_text import problem_text, refusal_text
from studio.services.server_clock import ServerClock
from studio.services.tasks import BackgroundTasks
from studio.store import timer_store
from studio.store.database import Database
from studio.store.seat_audit import acting_for
from studio.store.timer_store import ClockChange, NotesChange, TimerSnapshot

log = logging.getLogger(__name__)

TICK_MS = 200

#: The clock's operations asked from outside (:meth:`TimerService.perform`), by name; each
#: takes the operation's argument (seconds to add, a segment's index) and gives the change.
CLOCK_OPERATIONS: dict[str, Callable[[int], ClockChange]] = {
    "go": lambda _v: clock.go,
    "next": lambda _v: clock.next_segment,
    "previous": lambda _v: clock.previous_segment,
    "pause": lambda _v: lambda s, _r, now: clock.pause(s, now),
    "resume": lambda _v: lambda s, _r, now: clock.resume(s, now),
    "add": lambda v: lambda s, _r, _now: clock.add_time(s, v),
    "jump": lambda v: lambda s, r, now: clock.jump_to(s, r, v, now),
}
#: The official's screen's operations asked from outside, by name (the argument: a note's text).
NOTE_OPERATIONS: dict[str, Callable[[str], NotesChange]] = {
    "note": lambda text: lambda n: n.with_note(text),
    "clear_note": lambda _t: ScreenNotes.cleared,
    "blackout": lambda _t: ScreenNotes.toggled_blackout,
}


class TimerService(QObject):
    """Owns today's session timer for the windows.

    Signals:
        snapshotChanged(object): a new ``TimerSnapshot`` (plan, facts, notes) was loaded or written.
        readingChanged(object): the ``ClockReading`` now; emitted every tick and on every change.
        problem(str): an operation was refused or failed; the text says why, for a person.
        exported(str): the segment timings were written to this path.
        sessionStatusChanged(int): the session went live or ended (the store changed its
            status with the clock, here or from another process): whatever shows the session's
            status reads it again.
    """

    sessionStatusChanged = Signal(int)
    snapshotChanged = Signal(object)
    readingChanged = Signal(object)
    problem = Signal(str)
    exported = Signal(str)

    def __init__(
        self,
        db: Database,
        tasks: BackgroundTasks,
        *,
        now: Callable[[], float] | None = None,
        clock: ServerClock | None = None,
        seat: str = "operator",
        parent: QObject | None = None,
    ) -> None:
        """``now``: one clock for readings and operations alike (tests); by default readings
        follow ``clock`` (this PC's clock corrected to the database server's) and operations
        take the database's clock in their transaction."""
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.clock: ServerClock | None = None
        self._now: Callable[[], float]
        if now is not None:
            self._now = now
        else:
            self.clock = self._now = clock or ServerClock(db)
        # What operations are timed by: the given clock, else the database's (None).
        self._store_now = now
        self._seat = seat
        self._lock = asyncio.Lock()
        self._watching = False
        self._watch_again = False
        self.snapshot: TimerSnapshot | None = None
        self._tick = QTimer(self, interval=TICK_MS, timeout=self._emit_reading)
        self._stopped = False

    # -- loading -----------------------------------------------------------------------------
    @property
    def session_id(self) -> int | None:
        return self.snapshot.session_id if self.snapshot else None

    def load(self, session_id: int) -> None:
        """Load (or reload, e.g. after the rundown was edited) the timer of a session."""

        async def run() -> None:
            async with self._lock:
                snapshot = await self._tasks.in_thread(timer_store.load_timer, self._db, session_id)
            self._show(snapshot)
            if not self._stopped:
                self._tick.start()
                if self.clock is not None:
                    self.clock.start()  # measured in its own thread, again every minute

        self._tasks.spawn(self._guard(run), name=f"load timer {session_id}")

    def reload(self, session_id: int | None = None) -> None:
        target = session_id if session_id is not None else self.session_id
        if target is not None and target == self.session_id:
            self.load(target)

    def stop(self) -> None:
        """No more ticks, and no more reads of outside changes (quitting)."""
        self._stopped = True
        self._tick.stop()
        if self.clock is not None:
            self.clock.stop()

    def follow_changes(self, session_ids: list[int]) -> None:
        """Some seat changed the timer of these sessions (a slot for the sync service's
        ``timerChanged``): the one shown is read again when its version moved."""
        if self.snapshot is not None and self.snapshot.session_id in session_ids:
            self._check_outside_change()

    def reading(self) -> ClockReading | None:
        if self.snapshot is None:
            return None
        return clock.reading(self.snapshot.state, self.snapshot.rundown, self._now())

    # -- clock operations --------------------------------------------------------------------
    def go(self) -> None:
        self._change("go", clock.go)

    def next(self) -> None:
        self._change("next", clock.next_segment)

    def previous(self) -> None:
        self._change("previous", clock.previous_segment)

    def pause(self) -> None:
        self._change("pause", lambda s, _r, now: clock.pause(s, now))

    def resume(self) -> None:
        self._change("resume", lambda s, _r, now: clock.resume(s, now))

    def toggle_pause(self) -> None:
        """Pause when running, resume when paused (one key for both), decided on the stored
        clock in the writing transaction: the window may not show another seat's pause yet."""
        session_id = self.session_id
        if session_id is None:
            self.problem.emit(self.tr("There is no session to time today."))
            return

        def write() -> TimerSnapshot:
            return timer_store.toggle_pause(
                self._db, session_id, seat=self._seat, now=self._store_now
            )

        self._tasks.spawn(self._guard(lambda: self._write(write)), name="timer pause/resume")

    def add(self, seconds: int) -> None:
        self._change("add", lambda s, _r, _now: clock.add_time(s, seconds), detail=seconds)

    def jump(self, index: int) -> None:
        self._change("jump", lambda s, r, now: clock.jump_to(s, r, index, now), detail=index)

    def set_absorb(self, on: bool) -> None:
        self._change("absorb", lambda s, _r, _now: clock.set_absorb(s, on), detail=on)

    # -- the official's screen notes ---------------------------------------------------------
    def set_note(self, text: str, *, blink: bool = False) -> None:
        self._change_notes("note", lambda n: n.with_note(text, blink=blink))

    def clear_note(self) -> None:
        self._change_notes("clear_note", ScreenNotes.cleared)

    def toggle_blackout(self) -> None:
        self._change_notes("blackout", ScreenNotes.toggled_blackout)

    def acknowledge_note(self) -> None:
        """The official pressed the clicker: an unread note becomes read (the moderator sees
        when), and stops blinking. Nothing is written when there is no unread note."""
        if self.snapshot is None or not self.snapshot.notes.unread:
            return
        at = self._now()
        self._change_notes("note_read", lambda n: n.acknowledged(at), seat="official")

    def export_actuals(self, path: str) -> None:
        """Write planned against actual times per segment as CSV (UTF-8 with BOM, for Excel)."""
        snapshot = self.snapshot
        if snapshot is None:
            self.problem.emit(self.tr("There is no session to time today."))
            return
        text = actuals_csv(clock.segment_actuals(snapshot.state, snapshot.rundown, self._now()))

        async def run() -> None:
            await self._tasks.in_thread(Path(path).write_text, text, "utf-8-sig")
            self.exported.emit(path)

        self._tasks.spawn(self._guard(run), name="export segment timings")

    # -- from outside (the control API) ------------------------------------------------------
    async def perform(
        self, operation: str, argument: int | str | None = None, *, seat: str
    ) -> TimerSnapshot:
        """Apply a clock or screen operation (a key of :data:`CLOCK_OPERATIONS` or
        :data:`NOTE_OPERATIONS`) as the keys do (stored first, one at a time, in order, then
        shown), but awaited, audited as ``seat``, and a refusal raised rather than shown.

        Raises:
            ClockError: the clock refuses it, or there is no session today.
            TimerConflict: other writers kept changing the timer.
            KeyError: no such operation.
        """
        session_id = self.session_id
        if session_id is None:
            raise ClockError(Refusal.NO_SESSION_TODAY)
        write: Callable[[], TimerSnapshot]
        if operation in CLOCK_OPERATIONS:
            label = operation if argument is None else f"{operation}:{argument}"
            change = CLOCK_OPERATIONS[operation](int(argument or 0))

            def write() -> TimerSnapshot:
                return timer_store.change_timer(
                    self._db, session_id, change, action=label, seat=seat, now=self._store_now
                )

        else:
            notes = NOTE_OPERATIONS[operation]("" if argument is None else str(argument))
            label = operation  # the note's text is in the audit's before and after

            def write() -> TimerSnapshot:
                return timer_store.change_notes(
                    self._db, session_id, notes, action=label, seat=seat, now=self._store_now
                )

        with acting_for(seat):  # the audit names the outside caller, not this desk's person
            await self._write(write)
        assert self.snapshot is not None
        return self.snapshot

    # -- internals ---------------------------------------------------------------------------
    def _change(self, action: str, change: ClockChange, detail: object = None) -> None:
        session_id = self.session_id
        if session_id is None:
            self.problem.emit(self.tr("There is no session to time today."))
            return
        label = action if detail is None else f"{action}:{detail}"

        def write() -> TimerSnapshot:
            return timer_store.change_timer(
                self._db, session_id, change, action=label, seat=self._seat, now=self._store_now
            )

        self._tasks.spawn(self._guard(lambda: self._write(write)), name=f"timer {label}")

    def _change_notes(self, action: str, change: NotesChange, *, seat: str = "moderator") -> None:
        session_id = self.session_id
        if session_id is None:
            return

        def write() -> TimerSnapshot:
            return timer_store.change_notes(
                self._db, session_id, change, action=action, seat=seat, now=self._store_now
            )

        self._tasks.spawn(self._guard(lambda: self._write(write)), name=f"screen {action}")

    async def _write(self, write: Callable[[], TimerSnapshot]) -> None:
        # One write at a time, in the order asked: a later key press never lands first.
        async with self._lock:
            snapshot = await self._tasks.in_thread(write)
        self._show(snapshot)

    async def _guard(self, work: Callable[[], Awaitable[None]]) -> None:
        """Run ``work()`` and turn expected failures into a message; the broadcast goes on.

        ``work`` is a function, not a coroutine, so nothing is created if the task never starts.
        """
        try:
            await work()
        except ClockError as refused:
            self.problem.emit(self.tr("Timer: {reason}").format(reason=refusal_text(refused)))
        except timer_store.TimerConflict as conflict:
            self.problem.emit(str(conflict))
        except Refused as refused:  # a viewer's seat, say: worded in the interface's language
            self.problem.emit(
                self.tr("Timer not saved: {error}").format(error=refusal_text(refused))
            )
        except Exception as error:  # the database went away, a disk filled up …
            log.exception("timer operation failed")
            self.problem.emit(self.tr("Timer not saved: {error}").format(error=problem_text(error)))

    def _check_outside_change(self) -> None:
        if self._stopped or self.snapshot is None:
            return
        if self._watching:
            self._watch_again = True
            return
        session_id, known = self.snapshot.session_id, self.snapshot.version
        self._watching = True
        self._watch_again = False

        async def run() -> None:
            try:
                version = await self._tasks.in_thread(
                    timer_store.timer_version, self._db, session_id
                )
                if version != known and not self._lock.locked():
                    async with self._lock:
                        snapshot = await self._tasks.in_thread(
                            timer_store.load_timer, self._db, session_id
                        )
                    if self.snapshot is None or snapshot.version != self.snapshot.version:
                        log.info("timer changed outside this window (version %s)", snapshot.version)
                        self._show(snapshot)
            finally:
                self._watching = False
            if self._watch_again:  # another change came while this one was read
                self._check_outside_change()

        if self._tasks.spawn(self._guard(run), name="watch timer") is None:
            self._watching = False

    def _show(self, snapshot: TimerSnapshot) -> None:
        if self.snapshot is None or self.snapshot.session_id != snapshot.session_id:
            r = clock.reading(snapshot.state, snapshot.rundown, self._now())
            # One line a restart can be checked against: where the clock resumed.
            log.info(
                "timer of session %s resumed: version=%s segment=%s remaining_s=%.3f paused=%s "
                "started=%s ended=%s added_s=%s",
                snapshot.session_id,
                snapshot.version,
                r.segment_index,
                r.remaining_s,
                r.paused,
                r.started,
                r.ended,
                snapshot.state.added_for(r.segment_index),
            )
        before = self.snapshot
        self.snapshot = snapshot
        self.snapshotChanged.emit(snapshot)
        self._emit_reading()
        if (
            before is not None
            and before.session_id == snapshot.session_id
            and _live_and_ended(before) != _live_and_ended(snapshot)
        ):
            self.sessionStatusChanged.emit(snapshot.session_id)

    def _emit_reading(self) -> None:
        reading = self.reading()
        if reading is not None:
            self.readingChanged.emit(reading)

    @property
    def rundown(self) -> Rundown | None:
        return self.snapshot.rundown if self.snapshot else None


def _live_and_ended(snapshot: TimerSnapshot) -> tuple[bool, bool]:
    """What of the clock the session's status follows (see timer_store)."""
    return snapshot.state.started, snapshot.state.ended
