"""Garbage collection on the GUI thread only, so Qt objects never die in a worker thread.

Python collects reference cycles in whichever thread happens to allocate; a cycle holding a
QObject with timers, collected in a worker thread, makes Qt warn or crash. Like qutebrowser's
garbage collector, we switch automatic collection off and collect from a Qt timer instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class GuiThreadCollector(QObject):
    """Runs gc generation by generation from a timer on the GUI thread while it exists."""

    def __init__(self, interval_ms: int = 500, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, interval=interval_ms, timeout=self._collect)
        self._thresholds = gc.get_threshold()

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def _collect(self) -> None:
        # Collect a generation once it has grown past the thresholds automatic collection uses.
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return
