"""Read-side use cases of the tabs: today's session, the schedule, rooms, phones, reports.

Each service loads records in a worker thread and emits them in a Qt signal; widgets only
connect to the signals and call :meth:`refresh`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.domain.records import SessionRecord
from studio.services.tasks import BackgroundTasks
from studio.store.repository import StudioRepository

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
    """Per-session figures over a period.

    Signals:
        figuresLoaded(list): ``SessionFigures`` list, oldest first.
    """

    figuresLoaded = Signal(list)

    def __init__(
        self,
        repository: StudioRepository,
        tasks: BackgroundTasks,
        today: Today,
        parent: QObject | None = None,
    ):
        super().__init__(repository, tasks, parent)
        self._today = today

    def refresh(self, days: int = 60) -> None:
        last = self._today()
        repo = self._repository
        self._load(
            "reports",
            lambda: repo.session_figures(last - dt.timedelta(days=days), last),
            self.figuresLoaded.emit,
        )
