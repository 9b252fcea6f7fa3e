"""The main window's status bar: today's session, the rooms, the phones, the other seats, the
database in use, and passing messages (saved files, problems, refusals)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from studio.domain.records import SessionRecord
from studio.ui import labels
from studio.ui.prep.prep_tab import session_slot
from studio.ui.seats_chip import SeatsChip


class StatusBar(QStatusBar):
    """Shows state in chips; the window passes it what the services report."""

    def __init__(self, database_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rig_summary = ""
        self._room_states: dict[str, str] = {}
        self.session_label = QLabel(self.tr("No session today"), textFormat=Qt.TextFormat.PlainText)
        self.rooms_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.rooms_label.setProperty("role", "chip")
        self.phones_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.phones_label.setProperty("role", "chip")
        self.overdue_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.overdue_label.setProperty("role", "chip")
        self.overdue_label.hide()  # until the referrals have been read
        self.sync_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.sync_label.setProperty("role", "chip")
        self.sync_label.setProperty("state", "bad")
        self.sync_label.hide()  # while the other seats' changes arrive
        self.database_label = QLabel(
            self.tr("Database: {name}").format(name=database_name),
            textFormat=Qt.TextFormat.PlainText,
        )
        self.database_label.setProperty("role", "subtle")
        self.seats = SeatsChip()
        self.addWidget(self.session_label, 1)
        self.addPermanentWidget(self.rooms_label)
        self.addPermanentWidget(self.phones_label)
        self.addPermanentWidget(self.overdue_label)
        self.addPermanentWidget(self.sync_label)
        self.addPermanentWidget(self.seats)
        self.addPermanentWidget(self.database_label)

    def show_session(self, session: SessionRecord | None) -> None:
        if session is None:
            self.session_label.setText(self.tr("No session today"))
        else:
            self.session_label.setText(
                self.tr("Today {slot} · {unit} · {topic} · {status}").format(
                    slot=session_slot(session),
                    unit=session.unit_name,
                    topic=session.topic,
                    status=labels.session_status(session.status),
                )
            )

    def show_room_count(self, count: int) -> None:
        self.rooms_label.setText(
            self.tr("Rooms: {count} set up, not connected").format(count=count)
        )

    def show_room_state(self, room: str, state: str) -> None:
        """A room's connection changed: sum up both rooms."""
        self._room_states[room] = state
        names = {"gov": self.tr("County"), "dept": self.tr("Department")}
        parts = [
            f"{names.get(r, r)} {labels.feed_state(s, brief=True)}"
            for r, s in sorted(
                self._room_states.items(), key=lambda item: (item[0] != "gov", item[0])
            )
        ]
        self.rooms_label.setText(self.tr("Rooms: {states}").format(states=" · ".join(parts)))
        healthy = all(s == "connected" for s in self._room_states.values())
        self.rooms_label.setProperty("state", "ok" if healthy else "warn")
        self.rooms_label.style().unpolish(self.rooms_label)
        self.rooms_label.style().polish(self.rooms_label)

    def show_phone_count(self, count: int) -> None:
        if not self._rig_summary:  # the monitor's live summary wins once it has polled
            self.phones_label.setText(self.tr("Phones: {count} registered").format(count=count))

    def show_rig(self, summary: str, marker: str, state: str | None = None) -> None:
        """The phones' live state; ``marker`` is what alarms the official's screen may show;
        ``state`` the chip's colour (ok, warn, bad), by default bad with a marker, else ok."""
        self._rig_summary = summary
        self.phones_label.setText(summary)
        self.phones_label.setProperty("state", state or ("bad" if marker else "ok"))
        self.phones_label.style().unpolish(self.phones_label)
        self.phones_label.style().polish(self.phones_label)

    def show_overdue(self, count: int) -> None:
        """How many referral tickets are overdue today (red while any is)."""
        self.overdue_label.setText(self.tr("Overdue referrals: {count}").format(count=count))
        self.overdue_label.setToolTip(
            self.tr("Tickets past their deadline while the unit's clock runs (Referrals, Ctrl+4)")
        )
        self.overdue_label.setProperty("state", "bad" if count else "ok")
        self.overdue_label.style().unpolish(self.overdue_label)
        self.overdue_label.style().polish(self.overdue_label)
        self.overdue_label.show()

    def show_online(self, online: bool) -> None:
        """Whether this seat hears the other seats' changes (the database's listening
        connection); offline, what it shows may be behind until it is back."""
        self.sync_label.setText(
            self.tr("Offline — other seats' changes show when the database is back")
        )
        self.sync_label.setToolTip(
            self.tr(
                "The connection to the database was lost; Studio Desk reconnects by itself and "
                "then shows everything changed meanwhile. Moves made now may be refused."
            )
        )
        self.sync_label.setVisible(not online)

    def show_refusal(self, reason: str) -> None:
        self.showMessage(reason, 8_000)

    def show_saved(self, path: str) -> None:
        self.showMessage(self.tr("Saved {path}").format(path=path), 10_000)

    def show_problem(self, text: str) -> None:
        self.showMessage(self.tr("Problem: {text}").format(text=text), 15_000)
