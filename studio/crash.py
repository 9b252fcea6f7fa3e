"""Uncaught errors: logged with their traceback and shown to a person, never a silent death.

Like qutebrowser's crashsignal: ``sys.excepthook`` (which PySide6 also calls for exceptions in
slots), ``threading.excepthook``, asyncio's loop handler, and ``faulthandler`` for hard crashes.
The session's state is persisted on every change, so an error here loses nothing accepted.
"""

from __future__ import annotations

import asyncio
import faulthandler
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from studio.paths import log_dir, open_private

log = logging.getLogger("studio.crash")

Notify = Callable[[str], None]


class CrashHandler:
    """Routes every uncaught exception to the log and to ``notify(summary)``.

    Args:
        notify: shows a one-line summary to the person at the desk (non-modal).
        on_interrupt: called for Ctrl-C arriving as KeyboardInterrupt.
    """

    def __init__(self, notify: Notify, on_interrupt: Callable[[], None]) -> None:
        self._notify = notify
        self._on_interrupt = on_interrupt
        self._fault_file: IO[str] | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.handled = 0

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        self._fault_file = open_private(log_dir() / "fault.log", "a", encoding="utf-8")
        faulthandler.enable(file=self._fault_file, all_threads=True)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._on_interrupt()
            return
        self.handled += 1
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.critical("uncaught exception:\n%s", text)
        try:
            self._notify(f"{exc_type.__name__}: {exc}")
        except Exception:  # the notice itself must never take the app down
            log.exception("could not show the error notice")

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def asyncio_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            self.excepthook(type(exc), exc, exc.__traceback__)
        else:
            log.error("asyncio: %s", context.get("message"))

    @staticmethod
    def log_path() -> Path:
        return log_dir() / "studio.log"
