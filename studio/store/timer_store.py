"""The session timer in the database: load it, change it safely from any process, watch it.

Every change is read → apply a pure clock operation → write with the version it read, in one
transaction, together with its audit event and the session's status. Two writers (the app and
``python -m studio timer next``) can't overwrite each other: the loser sees the newer version,
reads again and applies its operation to that.

"Now" for an operation is the database's clock, read in its transaction
(:func:`studio.store.server_clock.database_epoch`: PostgreSQL's clock, or this PC's on SQLite),
so every seat times the show by one clock however its own PC's is set; a caller may pass its
own ``now`` (tests, a replay).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import exc as sa_exc
from sqlalchemy import select, update
from sqlalchemy.orm import Session as OrmSession

from studio.domain import rundown_clock as clock
from studio.domain.model import SessionStatus
from studio.domain.rundown_plan import Rundown
from studio.domain.rundown_state import ClockState
from studio.domain.screen_notes import ScreenNotes
from studio.domain.studio_time import from_epoch
from studio.domain.timer_status import plan_of, status_of
from studio.store.database import Database
from studio.store.models import AuditEvent, Segment, Session, TimerState
from studio.store.server_clock import database_epoch

log = logging.getLogger(__name__)

ClockChange = Callable[[ClockState, Rundown, float], ClockState]
NotesChange = Callable[[ScreenNotes], ScreenNotes]


class TimerConflict(Exception):
    """Other writers kept changing the timer; the operation was not applied."""


class NoSuchSession(LookupError):
    """The session id names no session."""


@dataclass(frozen=True)
class TimerSnapshot:
    """The timer as stored: plan, facts, the screen's notes, and the version they carry."""

    session_id: int
    rundown: Rundown
    state: ClockState
    notes: ScreenNotes
    version: int


def rundown_of(s: OrmSession, session_id: int) -> Rundown:
    """The session's running order and slot as the clock's plan.

    Raises:
        NoSuchSession: no such session.
    """
    row = s.get(Session, session_id)
    if row is None:
        raise NoSuchSession(f"no session with id {session_id}")
    segments = s.execute(
        select(Segment.title, Segment.kind, Segment.planned_s, Segment.warning_s, Segment.danger_s)
        .where(Segment.session_id == session_id)
        .order_by(Segment.position)
    ).all()
    return plan_of(row.date, row.start, row.end, row.topic, segments)


def _row(s: OrmSession, session_id: int) -> TimerState | None:
    return s.get(TimerState, session_id, populate_existing=True)


def _snapshot(s: OrmSession, session_id: int) -> TimerSnapshot:
    rundown = rundown_of(s, session_id)
    row = _row(s, session_id)
    if row is None:
        return TimerSnapshot(session_id, rundown, ClockState(), ScreenNotes(), 0)
    try:
        state = ClockState.from_json(json.loads(row.state_json))
    except ValueError as error:
        # A damaged state must not stop the broadcast: say so and start from a clean clock.
        log.error(
            "timer state of session %s is unreadable (%s); starting afresh", session_id, error
        )
        state = ClockState()
    try:
        notes = ScreenNotes.from_json(json.loads(row.screen_json or "{}"))
    except ValueError:
        notes = ScreenNotes()
    return TimerSnapshot(session_id, rundown, state, notes, row.version)


def load_timer(db: Database, session_id: int) -> TimerSnapshot:
    with db.sessions() as s:
        return _snapshot(s, session_id)


def timer_version(db: Database, session_id: int) -> int:
    """The stored version (0 when the timer was never written): cheap enough to poll."""
    with db.sessions() as s:
        version = s.scalar(select(TimerState.version).where(TimerState.session_id == session_id))
        return version or 0


def _summary(state: ClockState) -> str:
    return json.dumps(
        {
            "segment": state.current_index,
            "started": state.started,
            "paused": state.is_paused,
            "ended": state.ended,
            "added_s": dict(state.added_s).get(state.current_index, 0),
        },
        sort_keys=True,
    )


def _notes_json(notes: ScreenNotes) -> str:
    return json.dumps(notes.to_json(), ensure_ascii=False)


def _write(
    s: OrmSession,
    before: TimerSnapshot,
    state: ClockState,
    notes: ScreenNotes,
    now: float,
) -> bool:
    """Write if nobody wrote since ``before`` was read; False means read again and retry."""
    stamp = from_epoch(now)
    state_json = json.dumps(state.to_json())
    notes_json = _notes_json(notes)
    if before.version == 0:
        try:
            with s.begin_nested():
                s.add(
                    TimerState(
                        session_id=before.session_id,
                        state_json=state_json,
                        screen_json=notes_json,
                        version=1,
                        updated_at=stamp,
                    )
                )
        except sa_exc.IntegrityError:
            return False
        return True
    result = s.execute(
        update(TimerState)
        .where(TimerState.session_id == before.session_id, TimerState.version == before.version)
        .values(
            state_json=state_json,
            screen_json=notes_json,
            version=before.version + 1,
            updated_at=stamp,
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def _change(
    db: Database,
    session_id: int,
    apply: Callable[[TimerSnapshot, float], tuple[ClockState, ScreenNotes]],
    *,
    action: str,
    seat: str,
    now: Callable[[], float] | None,
    attempts: int,
) -> TimerSnapshot:
    for _attempt in range(attempts):
        with db.sessions() as s:
            before = _snapshot(s, session_id)
            at = now() if now is not None else database_epoch(s)
            state, notes = apply(before, at)  # ClockError propagates: nothing is written
            if not _write(s, before, state, notes, at):
                s.rollback()  # someone wrote first: read their state and apply ours to it
                continue
            _follow_session_status(s, session_id, before.state, state)
            clock_action = action.startswith("timer.")
            s.add(
                AuditEvent(
                    at=from_epoch(at),
                    seat=seat,
                    action=action,
                    subject=f"session:{session_id}",
                    before=_summary(before.state) if clock_action else _notes_json(before.notes),
                    after=_summary(state) if clock_action else _notes_json(notes),
                    session_id=session_id,
                )
            )
            s.commit()
            return TimerSnapshot(session_id, before.rundown, state, notes, before.version + 1)
    raise TimerConflict(f"the timer of session {session_id} kept changing; try again")


def _follow_session_status(
    s: OrmSession, session_id: int, old: ClockState, new: ClockState
) -> None:
    """Going live and ending are what the clock says; the session's status follows it."""
    row = s.get(Session, session_id)
    if row is None:
        return
    if new.ended and not old.ended:
        row.status = SessionStatus.ENDED
    elif new.started and not old.started:
        row.status = SessionStatus.LIVE


def change_timer(
    db: Database,
    session_id: int,
    change: ClockChange,
    *,
    action: str,
    seat: str = "operator",
    now: Callable[[], float] | None = None,
    attempts: int = 5,
) -> TimerSnapshot:
    """Apply a pure clock operation and persist it with its audit event.

    ``now``: the operation's clock; by default the database's, read in the transaction.

    Raises:
        ClockError: the operation makes no sense now (nothing is written).
        TimerConflict: other writers won every attempt.
        NoSuchSession: no such session.
    """
    return _change(
        db,
        session_id,
        lambda before, at: (change(before.state, before.rundown, at), before.notes),
        action=f"timer.{action}",
        seat=seat,
        now=now,
        attempts=attempts,
    )


def change_notes(
    db: Database,
    session_id: int,
    change: NotesChange,
    *,
    action: str,
    seat: str = "moderator",
    now: Callable[[], float] | None = None,
    attempts: int = 5,
) -> TimerSnapshot:
    """Change the note, blink or blackout of the official's screen, persisted and audited."""
    return _change(
        db,
        session_id,
        lambda before, _at: (before.state, change(before.notes)),
        action=f"screen.{action}",
        seat=seat,
        now=now,
        attempts=attempts,
    )


class _PauseDecisionStale(Exception):
    """The stored clock changed between deciding pause-or-resume and writing it."""


def toggle_pause(
    db: Database,
    session_id: int,
    *,
    seat: str = "operator",
    now: Callable[[], float] | None = None,
    attempts: int = 5,
) -> TimerSnapshot:
    """F6: pause a running clock, resume a paused one, decided on the stored state.

    Not on what a window shows: another seat (or ``studio timer pause``) may have paused it a
    moment ago. The decision is checked again inside the writing transaction; if the stored
    clock changed in between, it is decided again. The audit says ``timer.pause`` or
    ``timer.resume``, what was done.

    Raises:
        ClockError: the clock can be neither paused nor resumed (not started, ended).
        TimerConflict: other writers won every attempt.
    """
    for _attempt in range(attempts):
        paused = load_timer(db, session_id).state.is_paused

        def flip(
            state: ClockState, _rundown: Rundown, at: float, paused: bool = paused
        ) -> ClockState:
            if state.is_paused != paused:
                raise _PauseDecisionStale
            return clock.resume(state, at) if paused else clock.pause(state, at)

        try:
            return change_timer(
                db, session_id, flip, action="resume" if paused else "pause", seat=seat, now=now
            )
        except _PauseDecisionStale:
            continue
    raise TimerConflict(f"the timer of session {session_id} kept changing; try again")


def timer_status(snapshot: TimerSnapshot, now: float) -> dict[str, object]:
    """The timer as one JSON object (what a Stream Deck or a script reads)."""
    return status_of(snapshot.session_id, snapshot.rundown, snapshot.state, now)
