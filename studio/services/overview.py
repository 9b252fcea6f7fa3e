"""Read-side use cases of the tabs: today's session, the schedule, rooms, phones, referrals, reports.

Each service loads records in a worker thread and emits them in a Qt signal; widgets only
connect to the signals and call :meth:`refresh`.
"""

from __future__ import annotations

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
    """The comments and questions stored for today's session.

    Signals:
        questionsLoaded(list): ``QuestionRecord`` list, oldest first.
    """

    questionsLoaded = Signal(list)

    def refresh(self, session_id: int) -> None:
        repo = self._repository
        self._load("questions", lambda: repo.questions(session_id), self.questionsLoaded.emit)


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


class ReferralService(_StoreReader):
    """Referral tickets, soonest deadline first.

    Signals:
        referralsLoaded(list): ``ReferralRecord`` list.
    """

    referralsLoaded = Signal(list)

    def refresh(self) -> None:
        self._load("referrals", self._repository.referrals, self.referralsLoaded.emit)


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
