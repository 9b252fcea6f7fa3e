"""An asyncio event loop in a thread of its own, for the feed's sockets, parsing and recording.

Under qasync the window's event loop is the GUI thread: every frame a capture server receives
there is time the window does not repaint, and a flood of them froze it for seconds. The live
feed therefore runs on a :class:`LoopThread`: its WebSocket servers and clients, the adapters,
the recorder and the ingest's batching; the window only hears of stored batches, counts and
states, a few times a second.

Python's own ``asyncio.run_coroutine_threadsafe`` carries the calls across; this class adds the
thread's life: started on first use, and stopped with every task on it cancelled, its async
generators and default executor shut down, so nothing outlives :meth:`close`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

#: A loop error of the same kind is logged at most this often (an accept that keeps failing
#: for want of descriptors would otherwise log a traceback per attempt).
ERROR_LOG_INTERVAL_S = 10.0


class LoopThread:
    """An event loop running in a daemon thread until :meth:`close`.

    Attributes:
        name: the thread's name (for logs and debuggers).
    """

    def __init__(self, name: str = "studio-feed") -> None:
        self.name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._closed = False
        self._last_error: dict[str, float] = {}

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        """The thread's loop, started on first use.

        Raises:
            RuntimeError: after :meth:`close`.
        """
        with self._lock:
            if self._closed:
                raise RuntimeError(f"{self.name}: the loop thread is closed")
            if self._thread is None:
                self._thread = threading.Thread(target=self._main, name=self.name, daemon=True)
                self._thread.start()
        self._ready.wait()
        assert self._loop is not None
        return self._loop

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def in_thread(self) -> bool:
        """Whether the caller runs on this loop's thread."""
        return threading.current_thread() is self._thread

    async def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run ``coro`` on the thread's loop and await its result from the caller's loop.

        Cancelling the caller cancels ``coro`` too.
        """
        try:
            future = asyncio.run_coroutine_threadsafe(coro, self.loop)
        except RuntimeError:
            coro.close()
            raise
        # The caller's loop, not "the running loop": see BackgroundTasks.in_thread (qasync).
        return await asyncio.wrap_future(future, loop=asyncio.get_event_loop())

    def post(self, fn: Callable[..., object], *args: object) -> None:
        """Call ``fn(*args)`` soon on the thread's loop (from any thread); dropped once closed."""
        try:
            self.loop.call_soon_threadsafe(fn, *args)
        except RuntimeError:
            log.debug("%s: closed; %r not called", self.name, fn)

    async def aclose(self, timeout: float = 10.0) -> None:
        """:meth:`close` without blocking the caller's loop."""
        await asyncio.get_event_loop().run_in_executor(None, self.close, timeout)

    def close(self, timeout: float = 10.0) -> None:
        """Cancel what runs on the loop, stop it and wait (up to ``timeout``) for the thread."""
        with self._lock:
            self._closed = True
            thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        with contextlib.suppress(RuntimeError):  # already closed
            loop.call_soon_threadsafe(loop.stop)
        if threading.current_thread() is not thread:
            thread.join(timeout)
            if thread.is_alive():
                log.warning(
                    "%s: still running %.0f s after it was asked to stop", self.name, timeout
                )

    # -- the thread ---------------------------------------------------------------------------
    def _main(self) -> None:
        loop = asyncio.new_event_loop()
        loop.set_exception_handler(self._loop_error)
        asyncio.set_event_loop(loop)
        self._loop = loop
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            try:
                self._finish(loop)
            finally:
                asyncio.set_event_loop(None)
                loop.close()

    @staticmethod
    def _finish(loop: asyncio.AbstractEventLoop) -> None:
        tasks = asyncio.all_tasks(loop)
        for task in tasks:
            task.cancel()
        if tasks:
            loop.run_until_complete(asyncio.gather(*tasks, return_exceptions=True))
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.run_until_complete(loop.shutdown_default_executor())

    def _loop_error(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        """Log a loop error; the same message at most every ``ERROR_LOG_INTERVAL_S`` seconds."""
        message = str(context.get("message", "unexpected error"))
        now = time.monotonic()
        if now - self._last_error.get(message, float("-inf")) < ERROR_LOG_INTERVAL_S:
            return
        self._last_error[message] = now
        error = context.get("exception")
        if isinstance(error, OSError):
            # Out of descriptors, a reset connection: one line, not a traceback each time.
            log.warning("%s: %s (%s)", self.name, message, error.strerror or error)
        else:
            log.error("%s: %s", self.name, message, exc_info=error)
