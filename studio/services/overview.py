"""Read-side use cases of the tabs: today's session, the schedule, rooms, phones, reports.

Each service loads records in a worker thread and emits them in a Qt signal; widgets only
connect to the signals and call :meth:`refresh`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.domain.records import SessionRecord
from studio.services.tasks import BackgroundTasks
from studio.store.reports import (
    save_platform_figures,
    save_review,
    session_report,
    set_unit_paused,
    unit_period,
)
from studio.store.repository import StudioRepository
from studio.store.table_files import write_sheets

log = logging.getLogger(__name__)
Today = Callable[[], dt.date]


class _StoreReader(QObject):
    """Shared plumbing: run a repository read in a thread, then hand the result to a slot.

    Signals:
        problem(str): a read failed; the text is for the status bar.
    """

    problem = Signal(str)

    def __init__(
        self, repository: StudioRepository, tasks: BackgroundTasks, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._repository = repository
        self._tasks = tasks

    def _load(self, name: str, read: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        async def run() -> None:
            try:
                result = await self._tasks.in_thread(read)
            except Exception as error:  # shown, logged, and the tab keeps its last data
                log.exception("reading %s failed", name)
                self.problem.emit(f"{name}: {error}")
                return
            deliver(result)

        self._tasks.spawn(run(), name=f"load {name}")


class ScheduleService(_StoreReader):
    """Today's session with its running order, and the sessions around it.

    Signals:
        todayLoaded(object): the ``SessionRecord`` of today, or None.
        rundownLoaded(list): today's ``SegmentRecord`` list.
        scheduleLoaded(list): ``SessionRecord`` list of the weeks around today.
        unitsLoaded(list): ``UnitRecord`` list.
    """

    todayLoaded = Signal(object)
    rundownLoaded = Signal(list)
    scheduleLoaded = Signal(list)
    unitsLoaded = Signal(list)

    def __init__(
        self,
        repository: StudioRepository,
        tasks: BackgroundTasks,
        today: Today,
        parent: QObject | None = None,
    ):
        super().__init__(repository, tasks, parent)
        self._today = today
        self.today_session: SessionRecord | None = None

    def refresh(self) -> None:
        day = self._today()
        repo = self._repository

        def read() -> tuple[SessionRecord | None, list[Any], list[Any], list[Any]]:
            session = repo.session_on(day)
            segments = repo.segments(session.id) if session else []
            schedule = repo.sessions_between(
                day - dt.timedelta(days=14), day + dt.timedelta(days=28)
            )
            return session, segments, schedule, repo.units(include_retired=True)

        self._load("schedule", read, self._deliver)

    def _deliver(
        self, result: tuple[SessionRecord | None, list[Any], list[Any], list[Any]]
    ) -> None:
        session, segments, schedule, units = result
        self.today_session = session
        self.todayLoaded.emit(session)
        self.rundownLoaded.emit(segments)
        self.scheduleLoaded.emit(schedule)
        self.unitsLoaded.emit(units)


class FeedService(_StoreReader):
    """The comments and questions stored for today's session, loaded in pages.

    A session is loaded once, when it opens (:meth:`refresh` with another session's id); the
    same session again loads nothing: from then on the desk follows the store by changes (the
    live feed's batches, moderation moves). Pages are read by keyset in a worker thread, so a
    session of 129,000 comments never holds the window for more than one page's insertion.

    Signals:
        sessionOpened(int): another session: its feed starts empty.
        questionsLoaded(list): one page of ``QuestionRecord``, oldest first.
        loadFinished(int): every question stored when the load began has been delivered (how
            many the pages held).

    Attributes:
        session_id: the session whose questions are (being) loaded, or None.
        page_size: rows per page.
    """

    sessionOpened = Signal(int)
    # ``object``, not ``list``: a list argument is converted item by item (~6 ms a page).
    questionsLoaded = Signal(object)
    loadFinished = Signal(int)

    #: Seconds to wait before reading a page again after a failed read (doubling, capped).
    RETRY_S = (0.5, 8.0)

    def __init__(
        self,
        repository: StudioRepository,
        tasks: BackgroundTasks,
        *,
        page_size: int = 2_000,
        parent: QObject | None = None,
    ):
        super().__init__(repository, tasks, parent)
        self.session_id: int | None = None
        self.page_size = page_size
        self._opened = 0  # counts opened sessions: a page of an older one is dropped

    def refresh(self, session_id: int) -> None:
        """Load ``session_id``'s questions, unless that session is the one already loaded."""
        if session_id == self.session_id:
            return
        self.session_id = session_id
        self._opened += 1
        self.sessionOpened.emit(session_id)
        self._tasks.spawn(self._load_pages(session_id, self._opened), name="load questions")

    def reload(self) -> None:
        """Load the current session's questions again from the start (after this seat missed
        too many of the other seats' changes to follow them row by row)."""
        session_id, self.session_id = self.session_id, None
        if session_id is not None:
            self.refresh(session_id)

    async def _load_pages(self, session_id: int, opened: int) -> None:
        read = self._repository.questions_page
        after: tuple[dt.datetime, int] | None = None
        loaded, wait = 0, self.RETRY_S[0]
        while True:
            try:
                page = await self._tasks.in_thread(read, session_id, after, self.page_size)
            except Exception as error:  # told, and read again: a session is never left half
                log.exception("reading the questions failed")
                self.problem.emit(f"questions: {error}")
                await asyncio.sleep(wait)
                wait = min(wait * 2, self.RETRY_S[1])
                if opened != self._opened:
                    return
                continue
            if opened != self._opened:
                return  # another session opened meanwhile
            if page:
                loaded += len(page)
                after = (page[-1].received_at, page[-1].id)
                self.questionsLoaded.emit(page)
            if len(page) < self.page_size:
                break
        self.loadFinished.emit(loaded)


class RigService(_StoreReader):
    """The registered phones and the live rooms they stream to.

    Signals:
        phonesLoaded(list): ``PhoneRecord`` list.
        roomsLoaded(list): ``RoomRecord`` list.
    """

    phonesLoaded = Signal(list)
    roomsLoaded = Signal(list)

    def refresh(self) -> None:
        repo = self._repository
        self._load("phones", lambda: (repo.phones(), repo.rooms()), self._deliver)

    def _deliver(self, result: tuple[list[Any], list[Any]]) -> None:
        phones, rooms = result
        self.phonesLoaded.emit(phones)
        self.roomsLoaded.emit(rooms)


class ReportService(_StoreReader):
    """Per-session figures over a period, one session's report, each unit's period figures, and
    the reports' exports and the one action (pause a unit in the rota, undoable).

    Signals:
        figuresLoaded(list): ``SessionFigures`` list, oldest first.
        sessionReportLoaded(object): a ``SessionReport``.
        periodLoaded(object): ``(first, last, list of UnitPeriod)``.
        exported(str): a file was written (its path).
        pauseChanged(int, bool): a unit was paused (True) or put back on the rota (False).
        undoChanged(bool): whether a pause can be undone.
    """

    figuresLoaded = Signal(list)
    sessionReportLoaded = Signal(object)
    periodLoaded = Signal(object)
    exported = Signal(str)
    pauseChanged = Signal(int, bool)
    undoChanged = Signal(bool)

    #: Who the audit says paused a unit from here.
    SEAT = "reports"

    def __init__(
        self,
        repository: StudioRepository,
        tasks: BackgroundTasks,
        today: Today,
        parent: QObject | None = None,
    ):
        super().__init__(repository, tasks, parent)
        self._today = today
        self._first: dt.date | None = None
        self._last: dt.date | None = None
        self._undo: tuple[int, bool] | None = None

    def current_range(self, days: int = 60) -> tuple[dt.date, dt.date]:
        """The range last asked for, else the last ``days`` days."""
        last = self._last or self._today()
        return self._first or last - dt.timedelta(days=days), last

    def refresh(self, days: int = 60) -> None:
        """Read the sessions of the range last asked for (else the last ``days`` days)."""
        first, last = self.current_range(days)
        repo = self._repository
        self._load("reports", lambda: repo.session_figures(first, last), self.figuresLoaded.emit)

    def set_range(self, first: dt.date, last: dt.date) -> None:
        self._first, self._last = first, last
        self.refresh()

    def open_session(self, session_id: int) -> None:
        db = self._repository.database
        self._load(
            "session report", lambda: session_report(db, session_id), self.sessionReportLoaded.emit
        )

    def load_period(self, first: dt.date, last: dt.date) -> None:
        """Read each unit's figures over the range, marked by the profile's stored threshold."""
        db, today = self._repository.database, self._today()

        def read() -> tuple[dt.date, dt.date, list[Any]]:
            units = unit_period(db, first, last, today=today)
            return first, last, units

        self._load("period report", read, self.periodLoaded.emit)

    def export(
        self, path: str, sheets: Any = None, write: Callable[[], object] | None = None
    ) -> None:
        """Write ``sheets`` (``(title, rows)`` list) as XLSX to ``path``, or run ``write`` (a
        PDF writer the window built), in a worker thread."""

        def work() -> str:
            if write is not None:
                write()
            else:
                write_sheets(Path(path), sheets)
            return path

        self._load("export", work, self.exported.emit)

    def save_review(self, session_id: int, rating: int | None, remark: str) -> None:
        """Store the county head's review, then read the session's report again."""
        db = self._repository.database

        def work() -> int:
            save_review(db, session_id, rating, remark, seat=self.SEAT)
            return session_id

        self._load("review", work, self.open_session)

    def save_hand_figures(self, session_id: int, rows: list[tuple[Any, ...]]) -> None:
        """Store the platforms' figures typed in per room, then read the report and the
        sessions' figures again."""
        db = self._repository.database

        def work() -> int:
            for room_id, viewers, likes, followers, watch in rows:
                save_platform_figures(
                    db,
                    session_id,
                    room_id,
                    viewers=viewers,
                    likes=likes,
                    new_followers=followers,
                    mean_watch_s=watch,
                    seat=self.SEAT,
                )
            return session_id

        def done(session_id: int) -> None:
            self.open_session(session_id)
            self.refresh()

        self._load("platform figures", work, done)

    def set_paused(self, unit_id: int, paused: bool) -> None:
        db = self._repository.database

        def work() -> tuple[int, bool, bool]:
            before = set_unit_paused(db, unit_id, paused, seat=self.SEAT, reason="报告：互动偏低")
            return unit_id, before, paused

        self._load("rota", work, self._paused)

    def undo_pause(self) -> None:
        if self._undo is None:
            return
        unit_id, before = self._undo
        self._undo = None
        db = self._repository.database

        def work() -> tuple[int, bool, None]:
            set_unit_paused(db, unit_id, before, seat=self.SEAT)
            return unit_id, before, None

        self._load("rota", work, self._paused)

    def _paused(self, result: tuple[int, bool, bool | None]) -> None:
        unit_id, before, paused = result
        if paused is None:  # an undo
            self.pauseChanged.emit(unit_id, before)
        else:
            self._undo = (unit_id, before)
            self.pauseChanged.emit(unit_id, paused)
        self.undoChanged.emit(self._undo is not None)
