"""Editing the schedule: a month's sessions, a fill from the rota (preview, create, undo), moves,
editing one session (with undo), and the schedule's files (export, import with a preview).

Store work runs in worker threads, one job at a time and in order (so an undo never overtakes
the fill it takes back); results come back as Qt signals that feed the schedule view.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.domain.briefing import BriefingNote
from studio.domain.records import SessionRecord
from studio.domain.rotation import RotaEntry, period_of_weeks
from studio.domain.schedule_table import ScheduleTableInvalid
from studio.domain.session_readiness import SessionEdit
from studio.services.store_jobs import StoreJobs
from studio.services.tasks import BackgroundTasks
from studio.store.briefing import (
    BriefingRefused,
    briefing_notes,
    earlier_briefing_notes,
    save_briefing_notes,
)
from studio.store.calendar_days import enter_day, work_calendar
from studio.store.database import Database
from studio.store.schedule import (
    ScheduleProblem,
    create_session,
    edit_session,
    generate_schedule,
    list_sessions,
    move_session,
    remove_planned_sessions,
    rota,
    session_details,
    set_rota,
    start_rundown,
)
from studio.store.schedule_files import ScheduleImport, export_schedule, import_schedule

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
        detailsLoaded(object): the ``SessionDetails`` of a session, to edit it.
        edited(object): the ``SessionRecord`` of a session after an edit (or its undo).
        created(object): the ``SessionRecord`` of a session planned by :meth:`create`.
        rundownStarted(int, int): a session and the length of its running order, started from
            the default template when it had none.
        exported(str, int): a file written and how many sessions it holds.
        importPreviewed(str, list, list, list): a valid file and the days whose sessions it would
            create, change and leave as they are (``datetime.date`` lists); nothing is stored yet.
        importRefused(str, list): a file and its ``TableProblem`` list; nothing was stored.
        imported(str, list, list, list): a file and the days it created, changed, left alone.
        calendarLoaded(object): the ``WorkCalendar`` with the days entered by hand.
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
    detailsLoaded = Signal(object)
    edited = Signal(object)
    created = Signal(object)
    editUndone = Signal(object)
    editUndoable = Signal(bool)
    rundownStarted = Signal(int, int)
    exported = Signal(str, int)
    importPreviewed = Signal(str, list, list, list)
    importRefused = Signal(str, list)
    imported = Signal(str, list, list, list)
    calendarLoaded = Signal(object)
    problem = Signal(str)

    def __init__(
        self, db: Database, tasks: BackgroundTasks, today: Today, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._today = today
        self._jobs = StoreJobs(
            tasks,
            topic="schedule",
            refusals=(ScheduleProblem, BriefingRefused),
            problem=self.problem.emit,
        )
        self._last_fill: list[int] = []
        self._last_edit: tuple[int, SessionEdit] | None = None
        self._shown: tuple[dt.date, dt.date] | None = None

    @property
    def can_undo(self) -> bool:
        return bool(self._last_fill)

    def _run(self, name: str, work: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        self._jobs.run(name, work, deliver)

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
        """The period "the next ``weeks`` weeks": from today on (a day that has its session
        keeps it; a free today gets one)."""
        return period_of_weeks(self._today(), weeks)

    def load_calendar(self) -> None:
        """Read the days entered by hand; ``calendarLoaded`` follows."""
        db = self._db
        self._run("calendar", lambda: work_calendar(db), self.calendarLoaded.emit)

    def enter_day(self, day: dt.date, working: object, note: str = "") -> None:
        """Enter ``day`` as a working day (True), a day off (False) or forget the entry (None);
        ``calendarLoaded`` follows."""
        db = self._db
        choice = None if working is None else bool(working)
        self._run(
            "calendar day", lambda: enter_day(db, day, choice, note), self.calendarLoaded.emit
        )

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
            if self._last_edit is not None and self._last_edit[0] in removed:
                self._set_last_edit(None)  # nothing left to put back
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

    # -- one session -------------------------------------------------------------------------
    def create(self, day: dt.date) -> None:
        """Plan a session on ``day`` (the first-run checklist's last step) and open it for
        editing: ``created``, ``changed`` and ``detailsLoaded`` follow."""
        db = self._db

        def done(session: SessionRecord) -> None:
            self.created.emit(session)
            self._after_change()
            self.load_details(session.id)

        self._run("create", lambda: create_session(db, day), done)

    def load_details(self, session_id: int) -> None:
        """Read what the edit dialog needs of a session; ``detailsLoaded`` follows."""
        db = self._db
        self._run("details", lambda: session_details(db, session_id), self.detailsLoaded.emit)

    def edit(self, session_id: int, edit: SessionEdit) -> None:
        """Store an edit of a session (:meth:`undo_edit` takes it back); ``edited`` follows."""
        db = self._db

        def done(result: tuple[SessionRecord, SessionEdit]) -> None:
            session, before = result
            self._set_last_edit((session_id, before))
            self.edited.emit(session)
            self._after_change()

        self._run("edit", lambda: edit_session(db, session_id, edit), done)

    def undo_edit(self) -> None:
        """Put the last edited session back as it was before that edit."""
        if self._last_edit is None:
            return
        session_id, before = self._last_edit
        self._set_last_edit(None)
        db = self._db

        def done(result: tuple[SessionRecord, SessionEdit]) -> None:
            self.editUndone.emit(result[0])
            self._after_change()

        self._run("undo edit", lambda: edit_session(db, session_id, before), done)

    def _set_last_edit(self, last: tuple[int, SessionEdit] | None) -> None:
        """What "Undo edit" would put back; the view's button follows ``editUndoable``."""
        self._last_edit = last
        self.editUndoable.emit(last is not None)

    def start_rundown(self, session_id: int) -> None:
        """Start a session's empty running order from the default template."""
        db = self._db

        def done(count: int) -> None:
            self.rundownStarted.emit(session_id, count)
            self._after_change()

        self._run("running order", lambda: start_rundown(db, session_id), done)

    # -- files -------------------------------------------------------------------------------
    def export(self, first: dt.date, last: dt.date, path: str) -> None:
        """Write the sessions from ``first`` to ``last`` (CSV or XLSX by the file's suffix)."""
        db = self._db
        self._run(
            "export",
            lambda: export_schedule(db, first, last, Path(path)),
            lambda count: self.exported.emit(path, count),
        )

    def preview_import(self, path: str) -> None:
        """Check a whole file and say what importing it would do; stores nothing."""
        self._import(path, dry_run=True)

    def import_file(self, path: str) -> None:
        """Import a file (all of it, or nothing when a row has a problem)."""
        self._import(path, dry_run=False)

    def _import(self, path: str, *, dry_run: bool) -> None:
        db = self._db

        def done(result: ScheduleImport) -> None:
            days = [list(result.created), list(result.updated), list(result.unchanged)]
            if dry_run:
                self.importPreviewed.emit(path, *days)
            else:
                # The file may have changed the edited session: its "before" is no longer true.
                self._set_last_edit(None)
                self.imported.emit(path, *days)
                self._after_change()

        self._jobs.run_checked(
            "import",
            lambda: import_schedule(db, Path(path), dry_run=dry_run),
            ScheduleTableInvalid,
            lambda invalid: self.importRefused.emit(path, invalid.problems),
            done,
        )

    def _after_change(self) -> None:
        self.changed.emit()
        if self._shown is not None:
            self.load(*self._shown)
