"""Prep (准备): today's session and its running order, the schedule, the units on the rota.

The card and the running order show today's session, or another one chosen in the schedule to
prepare it ahead ("Prepare this session"); today's session stays what the timer, the Live desk
and the official's screen use either way.
"""

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
from studio.ui.keys import bind_keys
from studio.ui.prep.briefing_panel import BriefingPanel
from studio.ui.prep.rota_panel import RotaPanel
from studio.ui.prep.rundown_editor import RundownEditor
from studio.ui.prep.schedule_view import ScheduleView
from studio.ui.prep.units_page import UnitsPage


def session_slot(session: SessionRecord) -> str:
    return f"{session.start:%H:%M}–{session.end:%H:%M}"


def session_day(day: dt.date) -> str:
    return f"{day.isoformat()} {labels.weekday(day.weekday())}"


class SessionCard(QFrame):
    """Who is on air, about what, and when; "Edit…" prepares it (e.g. to "ready").

    It shows today's session, or another day's one under a banner that says so.

    Signals:
        editRequested(int): edit the shown session (the schedule's edit dialog opens).
        todayRequested(): show today's session again (the banner's button).
    """

    editRequested = Signal(int)
    todayRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._session_id: int | None = None
        box = QVBoxLayout(self)
        # Shown only while another day's session is prepared: edits go to that day.
        self.banner = QFrame()
        self._banner_text = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self._banner_text.setProperty("role", "chip")
        self._banner_text.setProperty("state", "warn")
        self.today_button = QPushButton(self.tr("Back to today"))
        self.today_button.setToolTip(self.tr("Show today's session again (Ctrl+T)"))
        self.today_button.clicked.connect(self.todayRequested.emit)
        banner_box = QHBoxLayout(self.banner)
        banner_box.setContentsMargins(0, 0, 0, 0)
        banner_box.addWidget(self._banner_text, 1)
        banner_box.addWidget(self.today_button)
        self.banner.hide()
        box.addWidget(self.banner)
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

    def show_session(self, session: SessionRecord | None, *, today: bool = True) -> None:
        """Show ``session``: today's (None: there is none), or with ``today=False`` another
        day's one being prepared, under the banner."""
        self._session_id = session.id if session is not None else None
        self.edit_button.setEnabled(session is not None)
        self.banner.setVisible(session is not None and not today)
        self.edit_button.setToolTip(
            self.tr("Unit, official, topic, time and status of today's session")
            if today
            else self.tr("Unit, official, topic, time and status of this session")
        )
        if session is None:
            self._date.setText(self.tr("Today"))
            self._topic.setText(self.tr("No session is scheduled for today"))
            self._who.setText("")
            self._status.hide()
            return
        day, slot = session_day(session.date), session_slot(session)
        if today:
            self._date.setText(
                self.tr("Today's session · {day} · {slot}").format(day=day, slot=slot)
            )
        else:
            self._date.setText(self.tr("Session · {day} · {slot}").format(day=day, slot=slot))
            self._banner_text.setText(
                self.tr("Preparing {weekday} {date} — not today").format(
                    weekday=labels.weekday(session.date.weekday()), date=session.date.isoformat()
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
    """The operator's preparation before 15:00, and of the days ahead.

    Signals:
        rundownRequested(int): load this session's running order into the editor (the app
            asks the rundown editing service, whose ``rundownLoaded`` the editor follows).
    """

    rundownRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: SessionRecord | None = None
        # Today's as last read, kept while another day is prepared, to show again on return.
        self._today_segments: list[SegmentRecord] | None = None
        self._prepared: SessionRecord | None = None
        self.card = SessionCard()
        self.card.todayRequested.connect(self.back_to_today)

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
        self.schedule.prepareRequested.connect(self.prepare)
        # Units and officials: add, edit, retire; the app attaches the editing service to it.
        self.units_page = UnitsPage(self)
        self.units_model = self.units_page.units_model
        self.units_view = self.units_page.units_view
        right = self.side_tabs = QTabWidget()
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
        bind_keys(
            self,
            [("Ctrl+T", self.back_to_today, self.tr("Back to today"))],
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def show_units_page(self) -> None:
        """Bring the units and officials forward (the first-run checklist's steps 2 and 3)."""
        self.side_tabs.setCurrentWidget(self.units_page)
        self.units_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- slots -------------------------------------------------------------------------------
    @property
    def prepared(self) -> SessionRecord | None:
        """The other day's session shown on the left, or None while it shows today's."""
        return self._prepared

    def show_today(self, session: SessionRecord | None) -> None:
        """Today's session; the card and the editor follow it unless another day is prepared."""
        self._session = session
        if self._prepared is None:
            self.briefing.set_session(session)
            self.card.show_session(session)
            self.rundown.set_session(session, session_slot(session) if session else "")

    def show_rundown(self, segments: list[SegmentRecord]) -> None:
        """Today's stored running order, for the editor (which keeps newer edits of its own)."""
        self._today_segments = list(segments)
        if self._session is None or self._prepared is not None:
            return
        drafts = [
            SegmentDraft(s.title, s.kind, s.planned_s, s.warning_s, s.danger_s, s.notes)
            for s in segments
        ]
        self.rundown.show_rundown(self._session.id, drafts)

    def prepare(self, session: SessionRecord) -> None:
        """Show ``session`` on the card and in the editor (today's one: just go back to it)."""
        if self._session is not None and session.id == self._session.id:
            self.back_to_today()
            return
        self._prepared = session
        self.card.show_session(session, today=False)
        # The briefing notes follow the day prepared, like the card and the running order.
        self.briefing.set_session(session)
        self.rundown.set_session(session, session_slot(session))
        self.rundownRequested.emit(session.id)
        self.rundown.view.setFocus()

    def back_to_today(self) -> None:
        """Show today's session and running order again, as last read."""
        if self._prepared is None:
            return
        self._prepared = None
        self.show_today(self._session)
        if self._today_segments is not None:
            self.show_rundown(self._today_segments)

    def follow_session(self, session: SessionRecord) -> None:
        """A session after an edit or a move: the prepared one's card shows its new state."""
        if self._prepared is None or session.id != self._prepared.id:
            return
        if self._session is not None and session.id == self._session.id:
            self.back_to_today()  # moved to today: it is today's session now
            return
        self._prepared = session
        self.card.show_session(session, today=False)
        self.briefing.set_session(session)
        self.rundown.set_session(session, session_slot(session))

    def follow_sessions(self, sessions: list[SessionRecord]) -> None:
        """Freshly read sessions: the prepared one, if among them, shows its stored state."""
        if self._prepared is not None:
            for session in sessions:
                if session.id == self._prepared.id:
                    self.follow_session(session)
                    return

    def forget_sessions(self, session_ids: list[int]) -> None:
        """Sessions were removed (a fill undone): if the prepared one is among them, there is
        nothing left to prepare, so the left side goes back to today."""
        if self._prepared is not None and self._prepared.id in session_ids:
            self.back_to_today()

    def reload_rundown(self, session_id: int) -> None:
        """The prepared session's running order changed in the store (started from the
        standard one): read it again."""
        if self._prepared is not None and session_id == self._prepared.id:
            self.rundownRequested.emit(session_id)

    def show_schedule(self, sessions: list[SessionRecord]) -> None:
        """The sessions of the weeks around today, for the schedule's calendar."""
        self.schedule.show_sessions(sessions)
        self.follow_sessions(sessions)

    def show_units(self, units: list[UnitRecord]) -> None:
        self.units_page.show_units(units)
