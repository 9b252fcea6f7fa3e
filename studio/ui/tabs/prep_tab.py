"""Prep (准备): today's session and its running order, the schedule, the units on the rota."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import SessionStatus
from studio.domain.records import SegmentRecord, SessionRecord, UnitRecord
from studio.domain.rundown_csv import SegmentDraft
from studio.ui import labels
from studio.ui.briefing_panel import BriefingPanel
from studio.ui.rota_panel import RotaPanel
from studio.ui.rundown_editor import RundownEditor
from studio.ui.schedule_view import ScheduleView
from studio.ui.units_page import UnitsPage


def session_slot(session: SessionRecord) -> str:
    return f"{session.start:%H:%M}–{session.end:%H:%M}"


def session_day(day: dt.date) -> str:
    return f"{day.isoformat()} {labels.weekday(day.weekday())}"


class SessionCard(QFrame):
    """Who is on air today, about what, and when; "Edit…" prepares it (e.g. to "ready").

    Signals:
        editRequested(int): edit today's session (the schedule's edit dialog opens).
    """

    editRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._session_id: int | None = None
        box = QVBoxLayout(self)
        self._date = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._date.setProperty("role", "subtle")
        self._topic = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self._topic.setProperty("role", "heading")
        self._who = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self._status = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._status.setProperty("role", "chip")
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(
            self.tr("Unit, official, topic, time and status of today's session")
        )
        self.edit_button.clicked.connect(self._edit)
        for widget in (self._date, self._topic, self._who):
            box.addWidget(widget)
        status_row = QHBoxLayout()
        status_row.addWidget(self._status)
        status_row.addStretch(1)
        status_row.addWidget(self.edit_button)
        box.addLayout(status_row)
        self.show_session(None)

    def _edit(self) -> None:
        if self._session_id is not None:
            self.editRequested.emit(self._session_id)

    def show_session(self, session: SessionRecord | None) -> None:
        self._session_id = session.id if session is not None else None
        self.edit_button.setEnabled(session is not None)
        if session is None:
            self._date.setText(self.tr("Today"))
            self._topic.setText(self.tr("No session is scheduled for today"))
            self._who.setText("")
            self._status.hide()
            return
        self._date.setText(
            self.tr("Today's session · {day} · {slot}").format(
                day=session_day(session.date), slot=session_slot(session)
            )
        )
        self._topic.setText(session.topic or self.tr("(no topic yet)"))
        self._who.setText(
            self.tr("{unit} · {title} {name}").format(
                unit=session.unit_name, title=session.official_title, name=session.official_name
            )
        )
        self._status.setText(labels.session_status(session.status))
        self._status.setProperty(
            "state", "ok" if session.status in (SessionStatus.READY, SessionStatus.LIVE) else "warn"
        )
        self._status.style().unpolish(self._status)
        self._status.style().polish(self._status)
        self._status.show()


class PrepTab(QWidget):
    """The operator's preparation before 15:00."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: SessionRecord | None = None
        self.card = SessionCard()

        # The running order is edited in place; the app attaches the editing service to it.
        self.rundown = RundownEditor(self)
        self.rundown_model = self.rundown.model
        self.rundown_view = self.rundown.view

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.card)
        rundown_title = QLabel(self.tr("Running order"))
        rundown_title.setProperty("role", "heading")
        left_box.addWidget(rundown_title)
        left_box.addWidget(self.rundown, 1)

        # The schedule: a month calendar with the day's sessions, fill from the rota, moves.
        self.schedule = ScheduleView(self)
        self.schedule_model = self.schedule.sessions_model
        self.schedule_view = self.schedule.table
        # Units and officials: add, edit, retire; the app attaches the editing service to it.
        self.units_page = UnitsPage(self)
        self.units_model = self.units_page.units_model
        self.units_view = self.units_page.units_view
        right = QTabWidget()
        right.addTab(self.schedule, self.tr("Schedule"))
        right.addTab(self.units_page, self.tr("Units"))
        self.rota = RotaPanel(self)
        right.addTab(self.rota, self.tr("Rota"))
        self.briefing = BriefingPanel(self)
        right.addTab(self.briefing, self.tr("Briefing notes"))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        box = QVBoxLayout(self)
        box.addWidget(splitter)

    # -- slots -------------------------------------------------------------------------------
    def show_today(self, session: SessionRecord | None) -> None:
        self._session = session
        self.card.show_session(session)
        self.briefing.set_session(session)
        self.rundown.set_session(session, session_slot(session) if session else "")

    def show_rundown(self, segments: list[SegmentRecord]) -> None:
        """Today's stored running order, for the editor (which keeps newer edits of its own)."""
        if self._session is None:
            return
        drafts = [
            SegmentDraft(s.title, s.kind, s.planned_s, s.warning_s, s.danger_s, s.notes)
            for s in segments
        ]
        self.rundown.show_rundown(self._session.id, drafts)

    def show_schedule(self, sessions: list[SessionRecord]) -> None:
        """The sessions of the weeks around today, for the schedule's calendar."""
        self.schedule.show_sessions(sessions)

    def show_units(self, units: list[UnitRecord]) -> None:
        self.units_page.show_units(units)
