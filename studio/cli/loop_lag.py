"""How late the GUI loop runs a precise Qt timer: what every window benchmark measures.

A timer of ``interval_ms`` fires on the loop; each tick records how much later than the
interval it came (ms). A blocked loop shows as late ticks.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer


class LoopLag:
    """A precise timer on the running Qt loop and the lateness of its ticks.

    Attributes:
        late: lateness of each tick since :meth:`start` (ms); :meth:`phase` starts a new list.
    """

    def __init__(self, interval_ms: int) -> None:
        self.interval_ms = interval_ms
        self.late: list[float] = []
        self._last = 0.0
        self._timer = QTimer(interval=interval_ms, timeout=self._tick)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)

    def start(self) -> None:
        """Measure from now (what was measured before is dropped)."""
        self.late = []
        self._last = time.perf_counter()
        self._timer.start()

    def phase(self) -> list[float]:
        """End a phase of the run: its lateness; the ticks after go to a new list."""
        done, self.late = self.late, []
        return done

    def stop(self) -> list[float]:
        """Stop ticking; the lateness measured since the last start or phase."""
        self._timer.stop()
        return self.late

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self._last) * 1000 - self.interval_ms))
        self._last = now
