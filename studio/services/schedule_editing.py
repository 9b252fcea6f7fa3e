"""Editing the schedule: a month's sessions, a fill from the rota (preview, create, undo), moves.

Store work runs in worker threads, one job at a time and in order (so an undo never overtakes
the fill it takes back); results come back as Qt signals that feed the schedule view.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.domain.briefing import BriefingNote
from studio.domain.records import SessionRecord
from studio.domain.rotation import RotaEntry, period_of_weeks
from studio.services.tasks import BackgroundTasks
from studio.store.briefing import (
    BriefingRefused,
    briefing_notes,
    earlier_briefing_notes,
    save_briefing_notes,
)
from studio.store.database import Database
from studio.store.schedule import (
    ScheduleProblem,
    generate_schedule,
    list_sessions,
    move_session,
    remove_planned_sessions,
    rota,
    set_rota,
)

log = logging.getLogger(__name__)
Today = Callable[[], dt.date]


class ScheduleEditingService(QObject):
    """The schedule as the Prep tab's calendar shows and changes it.

    Args:
        db: the open database (used only from worker threads).
        tasks: where the work runs.
        today: the studio's date (injected so tests control it).

    Signals:
        sessionsLoaded(object, object, list): first and last day asked for (``datetime.date``)
            and the ``SessionRecord`` list of those days.
        previewReady(object, object, list): a period and the sessions a fill would create
            (records with id 0); nothing is stored yet.
        generated(list): the ``SessionRecord`` list a fill created (:meth:`undo_generation`
            takes them back).
        undone(list): ids of the sessions the undo removed.
        moved(object): the ``SessionRecord`` of a session after a move.
        changed(): the stored schedule changed (the app refreshes today's session on it).
        rotaLoaded(list): ``RotaEntry`` list, each unit's weight and pause.
        briefingLoaded(int, list): a session id and its ``BriefingNote`` list.
        briefingSaved(int): the session's notes are stored.
        earlierBriefingLoaded(int, list): notes of the unit's last session, to carry forward.
        problem(str): a change was refused or failed; the text is for a person.
    """

    sessionsLoaded = Signal(object, object, list)
    previewReady = Signal(object, object, list)
    generated = Signal(list)
    undone = Signal(list)
    moved = Signal(object)
    changed = Signal()
    rotaLoaded = Signal(list)
    briefingLoaded = Signal(int, list)
    briefingSaved = Signal(int)
    earlierBriefingLoaded = Signal(int, list)
    problem = Signal(str)

    def __init__(
        self, db: Database, tasks: BackgroundTasks, today: Today, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._today = today
        self._lock: asyncio.Lock | None = None
        self._last_fill: list[int] = []
        self._shown: tuple[dt.date, dt.date] | None = None

    @property
    def can_undo(self) -> bool:
        return bool(self._last_fill)

    def _run(self, name: str, work: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        async def run() -> None:
            if self._lock is None:
                self._lock = asyncio.Lock()
            async with self._lock:
                try:
                    result = await self._tasks.in_thread(work)
                except (ScheduleProblem, BriefingRefused) as refused:
                    self.problem.emit(str(refused))
                    return
                except Exception as error:  # logged and shown; the view keeps its last state
                    log.exception("%s failed", name)
                    self.problem.emit(f"{name}: {error}")
                    return
                deliver(result)

        self._tasks.spawn(run(), name=f"schedule {name}")

    # -- reads -------------------------------------------------------------------------------
    def load(self, first: dt.date, last: dt.date) -> None:
        """Read the sessions from ``first`` to ``last``; ``sessionsLoaded`` follows."""
        self._shown = (first, last)
        db = self._db
        self._run(
            "load",
            lambda: list_sessions(db, first, last),
            lambda sessions: self.sessionsLoaded.emit(first, last, sessions),
        )

    def next_weeks(self, weeks: int = 4) -> tuple[dt.date, dt.date]:
        """The period "the next ``weeks`` weeks": from tomorrow on."""
        return period_of_weeks(self._today() + dt.timedelta(days=1), weeks)

    def preview(self, first: dt.date, last: dt.date) -> None:
        """What a fill of the period would create; ``previewReady`` follows."""
        db = self._db
        self._run(
            "preview",
            lambda: generate_schedule(db, first, last, dry_run=True),
            lambda sessions: self.previewReady.emit(first, last, sessions),
        )

    # -- changes -----------------------------------------------------------------------------
    def generate(self, first: dt.date, last: dt.date) -> None:
        """Fill the free working days of the period; ``generated`` then ``changed`` follow."""
        db = self._db

        def done(sessions: list[SessionRecord]) -> None:
            self._last_fill = [s.id for s in sessions]
            self.generated.emit(sessions)
            self._after_change()

        self._run("generate", lambda: generate_schedule(db, first, last), done)

    def undo_generation(self) -> None:
        """Take back the last fill (sessions since prepared or used are kept)."""
        ids, self._last_fill = self._last_fill, []
        db = self._db

        def done(removed: list[int]) -> None:
            self.undone.emit(removed)
            self._after_change()

        self._run("undo", lambda: remove_planned_sessions(db, ids), done)

    def move(self, session_id: int, day: dt.date) -> None:
        """Move a session to ``day`` with its content; ``moved`` then ``changed`` follow."""
        db = self._db

        def done(session: SessionRecord) -> None:
            self.moved.emit(session)
            self._after_change()

        self._run("move", lambda: move_session(db, session_id, day), done)

    def load_rota(self) -> None:
        """Read each unit's weight and pause; ``rotaLoaded`` follows."""
        db = self._db
        self._run("rota", lambda: rota(db), self.rotaLoaded.emit)

    def set_rota(self, unit_name: str, weight: float, paused: bool, note: str) -> None:
        """Store a unit's weight and pause (every later fill uses them); ``rotaLoaded`` follows."""
        db = self._db

        def work() -> list[RotaEntry]:
            set_rota(db, unit_name, weight=weight, paused=paused, note=note)
            return rota(db)

        self._run("rota change", work, self.rotaLoaded.emit)

    def load_briefing(self, session_id: int) -> None:
        """Read a session's briefing notes; ``briefingLoaded`` follows."""
        db = self._db
        self._run(
            "briefing",
            lambda: briefing_notes(db, session_id),
            lambda notes: self.briefingLoaded.emit(session_id, notes),
        )

    def load_earlier_briefing(self, session_id: int) -> None:
        """Read the notes of the same unit's last session; ``earlierBriefingLoaded`` follows."""
        db = self._db
        self._run(
            "earlier briefing",
            lambda: earlier_briefing_notes(db, session_id),
            lambda notes: self.earlierBriefingLoaded.emit(session_id, notes),
        )

    def save_briefing(self, session_id: int, notes: list[BriefingNote]) -> None:
        """Store a session's notes (replacing them); ``briefingSaved`` follows."""
        db, notes = self._db, list(notes)
        self._run(
            "briefing save",
            lambda: save_briefing_notes(db, session_id, notes),
            lambda _none: self.briefingSaved.emit(session_id),
        )

    def _after_change(self) -> None:
        self.changed.emit()
        if self._shown is not None:
            self.load(*self._shown)
