"""What the control API reports: the studio's state as one JSON object, and when it changed.

The board follows the services' signals (no polling of its own) and keeps the last of each:
the timer, the question on air and the queue's length, each room's connection state and
counts, the phones' alarms, the note. Listeners hear the *name* of what changed; they read
the whole status when they are ready, so a slow WebSocket client gets the latest state, not
a backlog.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from studio.domain.durations import format_duration
from studio.domain.golive import PhoneStatus
from studio.services.live_feed import LiveFeedService
from studio.services.moderation import ModerationService
from studio.services.rig_monitor import RigMonitorService
from studio.services.sync import SyncService
from studio.services.tasks import BackgroundTasks
from studio.services.timer import TimerService
from studio.store.timer_store import TimerSnapshot, timer_status

log = logging.getLogger(__name__)

#: The timer's countdown is sent at most this often; a change of phase or segment at once.
TICK_INTERVAL_S = 1.0

Listener = Callable[[str], None]


class StatusBoard(QObject):
    """The studio's state for the API, following the services.

    Attributes:
        listeners: called with the name of what changed (``timer``, ``tick``, ``note``,
            ``on_air``, ``rooms``, ``phones``).
    """

    def __init__(
        self,
        timer: TimerService,
        moderation: ModerationService,
        live_feed: LiveFeedService,
        rig_monitor: RigMonitorService,
        tasks: BackgroundTasks,
        *,
        sync: SyncService | None = None,
        now: Callable[[], float] = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._timer = timer
        self._moderation = moderation
        self._live_feed = live_feed
        self._rig = rig_monitor
        self._tasks = tasks
        self._now = now
        self.listeners: list[Listener] = []
        self._rooms: dict[str, dict[str, Any]] = {}
        self._alarms: dict[str, list[str]] = {}
        self._on_air: dict[str, Any] | None = None
        self._queue_length = 0
        self._timer_key: tuple[object, ...] | None = None
        self._notes_key: tuple[object, ...] | None = None
        self._tick_sent = float("-inf")
        self._queue_session: int | None = None
        timer.snapshotChanged.connect(self._snapshot_changed)
        timer.readingChanged.connect(self._reading_changed)
        moderation.questionsChanged.connect(self._questions_changed)
        if sync is not None:  # another seat's move may put a question on air too
            sync.questionsChanged.connect(self._questions_changed)
        live_feed.roomStateChanged.connect(self._room_state)
        live_feed.countsChanged.connect(self._counts)
        rig_monitor.healthChanged.connect(self._phones)
        self._phones(rig_monitor.statuses)
        if timer.snapshot is not None:
            self._snapshot_changed(timer.snapshot)

    # -- the status --------------------------------------------------------------------------
    def status(self) -> dict[str, Any]:
        """The whole state, as ``GET /api/status`` answers it."""
        snapshot = self._timer.snapshot
        timer: dict[str, Any] | None = None
        note: dict[str, Any] | None = None
        if snapshot is not None:
            timer = timer_status(snapshot, self._now())
            # What a button shows: the countdown as the official's screen words it.
            timer["remaining_text"] = format_duration(timer["remaining_s"])  # type: ignore[arg-type]
            notes = snapshot.notes
            note = {
                "text": notes.note,
                "read": notes.note != "" and not notes.unread,
                "read_at": notes.read_at,
                "blackout": notes.blackout,
            }
        return {
            "timer": timer,
            "on_air": self._on_air,
            "queue_length": self._queue_length,
            "rooms": self._rooms,
            "phones": {"alarms": self._alarms},
            "note": note,
        }

    async def refresh_queue(self) -> None:
        """Read the question on air and the queue's length again (after a move)."""
        session_id = self._moderation.session_id
        if session_id is None:
            return
        on_air, length = await self._moderation.on_air_and_queue()
        if session_id != self._moderation.session_id:
            return
        shown = None
        if on_air is not None:
            shown = {
                "id": on_air.id,
                "text": on_air.display_text,
                "room": on_air.room_role and str(on_air.room_role),
            }
        if (shown, length) != (self._on_air, self._queue_length):
            self._on_air, self._queue_length = shown, length
            self._tell("on_air")

    # -- following the services --------------------------------------------------------------
    def _tell(self, what: str) -> None:
        for listener in list(self.listeners):
            listener(what)

    def _snapshot_changed(self, snapshot: TimerSnapshot) -> None:
        n = snapshot.notes
        notes_key = (snapshot.session_id, n.note, n.blink, n.blackout, n.read_at)
        if notes_key != self._notes_key:
            first = self._notes_key is None
            self._notes_key = notes_key
            if not first:
                self._tell("note")
        if snapshot.session_id != self._queue_session:
            self._queue_session = snapshot.session_id
            self._tasks.spawn(self.refresh_queue(), name="api: read the queue")

    def _reading_changed(self, reading: Any) -> None:
        key = (
            self._timer.session_id,
            reading.started,
            reading.running,
            reading.paused,
            reading.ended,
            reading.segment_index,
            str(reading.phase),
            self._timer.snapshot.version if self._timer.snapshot else None,
        )
        now = time.monotonic()
        if key != self._timer_key:
            self._timer_key = key
            self._tick_sent = now
            self._tell("timer")
        elif reading.running and now - self._tick_sent >= TICK_INTERVAL_S:
            self._tick_sent = now
            self._tell("tick")

    def _questions_changed(self, _records: list[Any]) -> None:
        # Any move may put a question on air or take one out of the queue: read them again.
        self._tasks.spawn(self.refresh_queue(), name="api: read the queue")

    def _room_state(self, room: str, state: str) -> None:
        self._rooms.setdefault(room, {})["state"] = state
        self._tell("rooms")

    def _counts(self, counts: dict[str, dict[str, int]]) -> None:
        for room, figures in counts.items():
            self._rooms.setdefault(room, {})["counts"] = dict(figures)
        self._tell("rooms")

    def _phones(self, statuses: list[PhoneStatus]) -> None:
        alarms = {s.key: list(s.alarms) for s in statuses if s.alarms}
        if alarms != self._alarms:
            self._alarms = alarms
            self._tell("phones")
