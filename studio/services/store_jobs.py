"""Store work for an editing service: one job at a time, in order, failures said to a person.

The units page and the schedule view both change the store in small steps with undo. Their jobs
run in worker threads but strictly one after the other (an undo never overtakes the change it
takes back), and a failure never escapes as an exception: a refusal the store meant for a person
is shown in the interface's language, anything else is logged and shown with the job's name.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from studio.services.refusal_text import problem_text
from studio.services.tasks import BackgroundTasks

log = logging.getLogger(__name__)
E = TypeVar("E", bound=Exception)


class StoreJobs:
    """Runs store jobs for one service, one at a time and in the order they were asked for.

    Args:
        tasks: where the jobs run.
        topic: the service's word in task names ("units", "schedule").
        refusals: exception types whose text is meant for a person (shown without the job name).
        problem: called on the GUI thread with the text of a refusal or a failure.
    """

    def __init__(
        self,
        tasks: BackgroundTasks,
        *,
        topic: str,
        refusals: tuple[type[Exception], ...],
        problem: Callable[[str], None],
    ) -> None:
        self._tasks = tasks
        self._topic = topic
        self._refusals = refusals
        self._problem = problem
        # Made on first use: the lock belongs to the running loop, which may not exist yet.
        self._lock: asyncio.Lock | None = None

    def run(self, name: str, work: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        """Run ``work`` in a thread after the jobs before it, then ``deliver`` its result."""

        async def run() -> None:
            if self._lock is None:
                self._lock = asyncio.Lock()
            async with self._lock:
                try:
                    result = await self._tasks.in_thread(work)
                except self._refusals as refused:
                    self._problem(problem_text(refused))
                    return
                except Exception as error:  # logged and shown; the view keeps its last state
                    log.exception("%s failed", name)
                    self._problem(f"{name}: {error}")
                    return
                deliver(result)

        self._tasks.spawn(run(), name=f"{self._topic} {name}")

    def run_checked(
        self,
        name: str,
        work: Callable[[], Any],
        invalid: type[E],
        refused: Callable[[E], None],
        deliver: Callable[[Any], None],
    ) -> None:
        """Like :meth:`run`, but ``invalid`` raised by ``work`` (a file with problems) is an
        answer, not a failure: it goes to ``refused`` instead of ``deliver``."""

        def checked() -> object:
            try:
                return work()
            except invalid as error:
                return error

        def done(result: object) -> None:
            if isinstance(result, invalid):
                refused(result)
            else:
                deliver(result)

        self.run(name, checked, done)
