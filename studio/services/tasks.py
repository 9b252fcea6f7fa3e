"""Background work for the GUI: asyncio tasks kept alive, blocking calls sent to threads."""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class BackgroundTasks:
    """Starts tasks, keeps a reference to each (or asyncio may collect them), logs failures.

    Widgets never define ``async`` methods: services start work here (FeelUOwn's habit), and
    the app awaits :meth:`shutdown` before quitting so no task dies half-way.
    """

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    def spawn(self, coro: Coroutine[Any, Any, T], *, name: str) -> asyncio.Task[T] | None:
        """Start ``coro`` as a task; after :meth:`shutdown` it is dropped (returns None)."""
        if self._closed:
            # A Qt timer may still fire while the app quits: nothing new starts then.
            coro.close()
            log.debug("not starting %s: shutting down", name)
            return None
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            exc = task.exception()
            assert exc is not None
            # Through the loop's handler, so the crash handler logs and shows it.
            task.get_loop().call_exception_handler(
                {"message": f"task {task.get_name()} failed", "exception": exc, "task": task}
            )

    @staticmethod
    async def in_thread(fn: Callable[..., T], *args: Any) -> T:
        """Run a blocking call (SQL, ADB, files) in a worker thread.

        Like ``asyncio.to_thread``, but on the current event loop rather than "the running
        loop": qasync can run a task's step just after its loop was asked to stop, when no
        loop counts as running, and ``to_thread`` would then fail and lose the step's work.
        """
        loop = asyncio.get_event_loop()
        call = functools.partial(contextvars.copy_context().run, fn, *args)
        return await loop.run_in_executor(None, call)

    @property
    def running(self) -> int:
        return len(self._tasks)

    def names(self) -> list[str]:
        return sorted(task.get_name() for task in self._tasks)

    async def shutdown(self) -> None:
        """Cancel what is still running and wait until it has stopped; start nothing new."""
        self._closed = True
        tasks = list(self._tasks)
        if tasks:
            log.info("cancelling %s", ", ".join(sorted(t.get_name() for t in tasks)))
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
