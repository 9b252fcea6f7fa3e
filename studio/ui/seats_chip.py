"""The status bar's chip of the other seats: who else is connected, and where."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from studio.domain.seats import PresentSeat
from studio.domain.studio_time import clock_text
from studio.ui import labels

#: How many seats the chip names before "+N" (the tooltip names them all).
SHOWN = 2


def seat_line(seat: PresentSeat) -> str:
    """ "王芳 · 操作员 · office-pc"."""
    return f"{seat.person} · {labels.seat_role(seat.role)} · {seat.host}"


class SeatsChip(QLabel):
    """Names the other connected seats (hidden while this is the only one); its tooltip lists
    them all with the time they started, and the seats that left within the hour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, textFormat=Qt.TextFormat.PlainText)
        self.setProperty("role", "chip")
        self.hide()  # until the first heartbeat has read who is there

    def show_seats(self, seats: Sequence[PresentSeat]) -> None:
        connected = [s for s in seats if s.connected]
        left = [s for s in seats if not s.connected]
        if not connected and not left:
            self.hide()
            return
        names = "; ".join(seat_line(s) for s in connected[:SHOWN])
        if len(connected) > SHOWN:
            names += " " + self.tr("+{count}").format(count=len(connected) - SHOWN)
        self.setText(
            self.tr("Also here: {seats}").format(seats=names)
            if connected
            else self.tr("No other seat connected")
        )
        lines = [
            self.tr("{seat} — since {time}").format(
                seat=seat_line(s), time=clock_text(s.started_at)
            )
            for s in connected
        ]
        if left:
            lines.append(self.tr("Left recently:"))
            lines += [
                self.tr("{seat} — last seen {time}").format(
                    seat=seat_line(s), time=clock_text(s.closed_at or s.last_seen)
                )
                for s in left
            ]
        self.setToolTip("\n".join(lines))
        self.show()
