"""This seat's reading of the database server's clock, for showing the studio's one timer.

Operations on the timer take "now" from the database in their transaction (see
:mod:`studio.store.timer_store`); a window shows readings many times a second and cannot ask
the server each time, so it reads this PC's clock corrected by the measured offset to the
server's (a few samples, the one with the shortest round trip), re-measured every minute in a
worker thread. Two seats whose PC clocks differ by minutes then show the same remaining time.
On SQLite the database's clock is this PC's: the offset is 0 and nothing is measured.
"""

from __future__ import annotations

import logging
import threading
import time

from studio.store.database import Database
from studio.store.server_clock import LocalClock, measure_offset

log = logging.getLogger(__name__)

#: How often the offset is measured again (seconds), and from how many samples.
REMEASURE_S = 60.0
SAMPLES = 5


class ServerClock:
    """Now by the database server's clock, as epoch seconds: ``clock()``.

    Attributes:
        offset_s: the server's clock minus this PC's (last measured; 0 until then).
        round_trip_s: the round trip of the sample the offset comes from.
    """

    def __init__(
        self,
        db: Database,
        *,
        local: LocalClock = time.time,
        every_s: float = REMEASURE_S,
        samples: int = SAMPLES,
    ) -> None:
        self._db = db
        self._local = local
        self._every_s = every_s
        self._samples = samples
        self.offset_s = 0.0
        self.round_trip_s = 0.0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __call__(self) -> float:
        return self._local() + self.offset_s

    @property
    def on_server(self) -> bool:
        return self._db.url.get_backend_name() == "postgresql"

    def measure(self) -> float:
        """Measure the offset now (blocking); the offset."""
        measured = measure_offset(self._db, self._local, self._samples)
        # One float replaced whole: a reader sees the old offset or the new one.
        self.offset_s, self.round_trip_s = measured.offset_s, measured.round_trip_s
        return self.offset_s

    def start(self) -> None:
        """Measure in a worker thread now and every ``every_s`` seconds (on a server only)."""
        if self._thread is not None or not self.on_server:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="server-clock", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                offset = self.measure()
                log.debug("database clock offset %.3f s (round trip %.3f s)", offset, self.round_trip_s)
            except Exception as error:  # the server is away: keep the last offset
                log.warning("cannot measure the database's clock: %s", error)
            if self._stop.wait(self._every_s):
                return
