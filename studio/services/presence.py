"""This app's seat among the studio's seats: it says it is there, and hears who else is."""

from __future__ import annotations

import asyncio
import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer, Signal

from studio.domain.seats import HEARTBEAT_S, PresentSeat, Seat
from studio.services.tasks import BackgroundTasks
from studio.store import presence
from studio.store.database import Database

log = logging.getLogger(__name__)


class SeatPresenceService(QObject):
    """Keeps this app's seat on the list of connected seats and reports the others.

    Every :data:`HEARTBEAT_S` seconds a worker thread stamps this seat's row with the database
    server's now and reads the list (never the GUI thread); a clean quit (:meth:`stop`) marks
    the row closed, so the others list the seat as left at once rather than after it goes
    silent. A failed heartbeat is logged and tried again on the next beat.

    Signals:
        seatsChanged(list): the other seats (``PresentSeat``), connected ones first, then those
            that left within the hour; after every heartbeat.
    """

    seatsChanged = Signal(list)

    def __init__(
        self,
        db: Database,
        tasks: BackgroundTasks,
        seat: Seat,
        *,
        host: str | None = None,
        interval_s: float = HEARTBEAT_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.seat = seat
        self.host = host or socket.gethostname()
        self.presence_id: int | None = None
        self._beat: asyncio.Task[None] | None = None
        self._failing = False
        self._stopped = False
        self._timer = QTimer(self, interval=int(interval_s * 1000), timeout=self.beat)

    def start(self) -> None:
        """Register now, then beat every interval."""
        self._timer.start()
        self.beat()

    def beat(self) -> None:
        """One heartbeat and a fresh list (skipped while the last one still runs)."""
        if self._stopped or (self._beat is not None and not self._beat.done()):
            return
        self._beat = self._tasks.spawn(self._run_beat(), name="seat heartbeat")

    async def _run_beat(self) -> None:
        try:
            others = await self._tasks.in_thread(self._beat_in_thread)
        except Exception as error:  # the database is away: the next beat tries again
            if not self._failing:
                log.warning("seat heartbeat failed: %s", error)
            self._failing = True
            return
        if self._failing:
            log.info("seat heartbeat works again")
        self._failing = False
        self.seatsChanged.emit(others)

    def _beat_in_thread(self) -> list[PresentSeat]:
        if self.presence_id is None or not presence.heartbeat(self._db, self.presence_id):
            self.presence_id = presence.register_seat(
                self._db, self.seat, host=self.host, pid=os.getpid()
            )
        return [s for s in presence.list_seats(self._db) if s.id != self.presence_id]

    async def stop(self) -> None:
        """Stop beating and mark this seat as left (quitting awaits this, bounded)."""
        self._stopped = True
        self._timer.stop()
        if self._beat is not None and not self._beat.done():
            await asyncio.wait({self._beat})
        if self.presence_id is not None:
            presence_id, self.presence_id = self.presence_id, None
            try:
                await self._tasks.in_thread(presence.close_seat, self._db, presence_id)
            except Exception as error:
                log.warning("could not mark this seat as left: %s", error)
