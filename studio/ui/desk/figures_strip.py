"""The strip of live figures above the feed: each room's state and audience, and the desk's pace.

One chip per room (role, platform and account, connection state, viewers now / in total, likes,
comments stored) and one for the whole desk (comments per minute over the last 60 seconds,
questions waiting). Every chip is a plain-text label: an account name is never markup.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from studio.domain.records import RoomRecord
from studio.ui import labels

#: Chip look per feed state (``FeedState`` values): the theme's chip states.
CHIP_STATE = {
    "connected": "ok",
    "waiting": "warn",
    "connecting": "warn",
    "stale": "warn",
    "reconnecting": "bad",
    "ended": "",
    "stopped": "",
}
#: Comments per minute are counted over this many seconds.
PACE_WINDOW_S = 60.0


class FiguresStrip(QWidget):
    """Live figures per room and for the desk.

    Fed by ``LiveFeedService`` (``roomStateChanged`` → :meth:`show_state`, ``countsChanged`` →
    :meth:`show_counts`) and by the desk (:meth:`count_comments` as rows arrive,
    :meth:`show_waiting`).
    """

    def __init__(
        self, parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._box = QHBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._chips: dict[str, QLabel] = {}
        self._rooms: dict[str, RoomRecord] = {}
        self._states: dict[str, str] = {}
        self._unverified: set[str] = set()
        # Rooms another seat ingests: its name and computer.
        self._held: dict[str, tuple[str, str]] = {}
        self._counts: dict[str, Mapping[str, int]] = {}
        self._arrivals: deque[tuple[float, int]] = deque()
        self._waiting = 0
        self.pace = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.pace.setProperty("role", "chip")
        # Comments the database has not taken yet (locked, disk full): shown only while any wait.
        self.backlog = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.backlog.setProperty("role", "chip")
        self.backlog.setProperty("state", "bad")
        self.backlog.hide()
        self._box.addStretch(1)
        self._box.addWidget(self.backlog)
        self._box.addWidget(self.pace)
        # The pace falls when nothing arrives: look again every few seconds.
        self._tick = QTimer(self, interval=5000)
        self._tick.timeout.connect(self._show_pace)
        self._tick.start()
        self._show_pace()

    # -- rooms --------------------------------------------------------------------------------
    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        """The session's live rooms: one chip each (before the pace chip)."""
        for chip in self._chips.values():
            self._box.removeWidget(chip)
            chip.deleteLater()
        self._chips, self._rooms = {}, {}
        # An unassigned room is no one's chip: the window asks whose it is (settings seat).
        assigned = [room for room in rooms if room.assigned]
        for position, room in enumerate(assigned):
            chip = QLabel(textFormat=Qt.TextFormat.PlainText)
            chip.setProperty("role", "chip")
            self._box.insertWidget(position, chip)
            self._chips[str(room.role)] = chip
            self._rooms[str(room.role)] = room
            self._update(str(room.role))

    def show_state(self, room: str, state: str) -> None:
        """A room's feed state changed (``room`` is ``gov``/``dept``; others are ignored)."""
        self._states[room] = state
        self._update(room)

    def show_holder(self, room: str, name: str, host: str) -> None:
        """Another seat ingests ``room`` (its name and computer); ``name`` "": this seat does."""
        if name:
            self._held[room] = (name, host)
        else:
            self._held.pop(room, None)
        self._update(room)

    def show_verified(self, room: str, verified: bool) -> None:
        """Whether the script feeding a Kuaishou room presented the studio's key; an
        unverified room (the stock userscript) is marked on its chip until a verified one
        takes over."""
        if verified:
            self._unverified.discard(room)
        else:
            self._unverified.add(room)
        self._update(room)

    def show_counts(self, counts: Mapping[str, Mapping[str, int]]) -> None:
        """The feed's figures per room: received, stored, duplicates, rejected, likes, and
        (when the platform reports them) online and total_viewers."""
        self._counts = dict(counts)
        for room in self._chips:
            self._update(room)

    def state_of(self, room: str) -> str:
        return self._states.get(room, "")

    def chip_text(self, room: str) -> str:
        chip = self._chips.get(room)
        return chip.text() if chip is not None else ""

    def _update(self, key: str) -> None:
        chip, room = self._chips.get(key), self._rooms.get(key)
        if chip is None or room is None:
            return
        state = self._states.get(key, "")
        unverified = key in self._unverified and state not in ("waiting", "stopped", "")
        parts = [
            self.tr("{role} · {platform} {account} · {state}").format(
                role=labels.room_role(room.role),
                platform=labels.platform(room.platform),
                account=room.account_name,
                state=labels.feed_state(state),
            )
        ]
        held = self._held.get(key)
        if held is not None:
            # Not this seat's to ingest: its own capture state says nothing.
            parts[0] = self.tr("{role} · {platform} {account} · ingested by {name} ({host})").format(
                role=labels.room_role(room.role),
                platform=labels.platform(room.platform),
                account=room.account_name,
                name=held[0],
                host=held[1],
            )
        if unverified:
            parts.append(self.tr("unverified script (no key)"))
        counts = self._counts.get(key) or {}
        if "online" in counts or "total_viewers" in counts:
            parts.append(
                self.tr("{online} watching / {total} in all").format(
                    online=_number(counts.get("online", 0)),
                    total=_number(counts.get("total_viewers", 0)),
                )
            )
        if counts:
            parts.append(
                self.tr("{likes} likes · {stored} comments").format(
                    likes=_number(counts.get("likes", 0)),
                    stored=_number(counts.get("stored", 0)),
                )
            )
            if counts.get("rejected"):
                parts.append(
                    self.tr("{rejected} rejected").format(rejected=_number(counts["rejected"]))
                )
        chip.setText(" · ".join(parts))
        look = "" if held is not None else CHIP_STATE.get(state, "")
        chip.setProperty("state", "warn" if unverified else look)
        chip.style().unpolish(chip)
        chip.style().polish(chip)

    def show_backlog(self, count: int) -> None:
        """``count`` comments wait to be stored (0: none, the chip goes away)."""
        self.backlog.setText(
            self.tr("{count} comments waiting to be stored").format(count=_number(count))
            if count > 0
            else ""
        )
        self.backlog.setVisible(count > 0)

    # -- the desk's pace ----------------------------------------------------------------------
    def count_comments(self, count: int) -> None:
        """``count`` comments just arrived (the live feed, not the initial load)."""
        if count > 0:
            self._arrivals.append((self._clock(), count))
            self._show_pace()

    def show_waiting(self, waiting: int) -> None:
        """Questions waiting for the moderator (new or flagged)."""
        if waiting != self._waiting:
            self._waiting = waiting
            self._show_pace()

    def per_minute(self) -> int:
        """Comments received over the last ``PACE_WINDOW_S`` seconds, as a rate per minute."""
        horizon = self._clock() - PACE_WINDOW_S
        while self._arrivals and self._arrivals[0][0] < horizon:
            self._arrivals.popleft()
        return round(sum(n for _, n in self._arrivals) * 60.0 / PACE_WINDOW_S)

    def pace_text(self) -> str:
        return self.pace.text()

    def _show_pace(self) -> None:
        self.pace.setText(
            self.tr("{rate} comments/min · {waiting} questions waiting").format(
                rate=_number(self.per_minute()), waiting=_number(self._waiting)
            )
        )


def _number(value: int) -> str:
    """A count with thousands separated (12,345), as both languages write it."""
    return f"{int(value):,}"
