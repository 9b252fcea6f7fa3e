"""One ticket in full beside the board: the question as asked, where, by whom, the feed around
it, the note, the reply and call-back, the history, and the contact (masked until revealed).

Every text here is a viewer's or a staff member's: shown as plain text only. The unmasked
contact is shown only for the ticket it was revealed on, until another ticket is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import ReferralStatus
from studio.domain.records import (
    FeedLineRecord,
    ReferralEventRecord,
    ReferralRecord,
    RevealedContact,
    TicketDetailRecord,
)
from studio.domain.referral_deadlines import RUNNING, working_days_left
from studio.domain.studio_time import to_studio
from studio.ui import labels


def studio_time_text(at: dt.datetime | None) -> str:
    """An instant (naive UTC) as the studio's wall clock, ``2026-11-26 15:12``."""
    return to_studio(at).strftime("%Y-%m-%d %H:%M") if at is not None else ""


def _label(text: str = "") -> QLabel:
    label = QLabel(text, textFormat=Qt.TextFormat.PlainText, wordWrap=True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class TicketDetail(QScrollArea):
    """The selected ticket in full (see the module's doc).

    Attributes:
        ticket_id: the ticket shown, or None.
        contact: the contact as shown: masked, or unmasked after a reveal.
    """

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.ticket_id: int | None = None
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Ticket"))
        body = QWidget()
        box = QVBoxLayout(body)
        self.title = _label()
        self.title.setProperty("role", "heading")
        self.question = _label()
        big = QFont(self.question.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.question.setFont(big)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.asked = _label()
        self.session = _label()
        self.askers = _label()
        self.deadline = _label()
        self.note = _label()
        self.reply = _label()
        self.satisfaction = _label()
        self.contact = _label()
        self.revealed_askers = _label()
        self.reveals = _label()
        for name, widget in (
            (self.tr("Asked"), self.asked),
            (self.tr("Session"), self.session),
            (self.tr("Askers"), self.askers),
            (self.tr("Due"), self.deadline),
            (self.tr("Moderator's note"), self.note),
            (self.tr("Reply"), self.reply),
            (self.tr("Call-back"), self.satisfaction),
            (self.tr("Contact"), self.contact),
            ("", self.revealed_askers),
            (self.tr("Revealed"), self.reveals),
        ):
            self.form.addRow(name, widget)
        self.feed = QListWidget()
        self.feed.setWordWrap(True)
        self.feed.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.feed.setMinimumHeight(120)
        feed_box = QGroupBox(self.tr("In the feed"))
        QVBoxLayout(feed_box).addWidget(self.feed)
        self.history = QTableWidget(0, 4)
        self.history.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Seat"), self.tr("Move"), self.tr("Reason")]
        )
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.verticalHeader().setVisible(False)
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(160)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        history_box = QGroupBox(self.tr("History"))
        QVBoxLayout(history_box).addWidget(self.history)
        self.body = QWidget()
        body_box = QVBoxLayout(self.body)
        body_box.setContentsMargins(0, 0, 0, 0)
        body_box.addWidget(self.question)
        body_box.addLayout(self.form)
        body_box.addWidget(feed_box)
        body_box.addWidget(history_box)
        box.addWidget(self.title)
        box.addWidget(self.body)
        box.addStretch(1)
        self.setWidget(body)
        self.clear()

    # -- what is shown -------------------------------------------------------------------------
    def clear(self) -> None:
        """Nothing selected."""
        self.ticket_id = None
        self.title.setText(self.tr("Select a ticket to see it in full."))
        for label in (
            self.question,
            self.asked,
            self.session,
            self.askers,
            self.deadline,
            self.note,
            self.reply,
            self.satisfaction,
            self.contact,
            self.revealed_askers,
            self.reveals,
        ):
            label.clear()
        self.revealed_askers.hide()
        self.contact.setProperty("revealed", False)
        self.body.hide()
        self.feed.clear()
        self.history.setRowCount(0)

    def show_ticket(self, ticket: ReferralRecord) -> None:
        """The ticket's own fields (at once, from the board's row); the rest follows with
        :meth:`show_detail`. Another ticket drops a revealed contact."""
        if ticket.id != self.ticket_id:
            self.clear()
            self.ticket_id = ticket.id
            self.body.show()
        self._show_fields(ticket)

    def show_detail(self, detail: TicketDetailRecord) -> None:
        """The ticket's history, reveals and feed (ignored unless it is the ticket shown)."""
        ticket = detail.ticket
        if ticket.id != self.ticket_id:
            return
        self._show_fields(ticket)
        context = detail.context
        if context.question is not None:
            self.question.setText(context.question.text)
            self.asked.setText(self._asked(context.question))
        if context.session is not None:
            s = context.session
            self.session.setText(
                " · ".join(p for p in (s.date.isoformat(), s.unit_name, s.topic) if p)
            )
        self._show_feed(context.around, context.question)
        self._show_history(detail.history)
        self.reveals.setText(
            "\n".join(
                self.tr("{seat} at {time}").format(seat=seat, time=studio_time_text(at))
                for at, seat in detail.reveals
            )
            or self.tr("never")
        )

    def show_revealed(self, revealed: RevealedContact) -> None:
        """The unmasked contact of the ticket shown (after an audited reveal)."""
        if revealed.referral_id != self.ticket_id:
            return
        self.contact.setText(revealed.contact or self.tr("(none left with the ticket)"))
        self.contact.setProperty("revealed", True)
        lines = [
            self.tr("{name} ({id}): {text}").format(
                name=a.nickname, id=a.author_id or "—", text=a.text
            )
            for a in revealed.askers
        ]
        self.revealed_askers.setText("\n".join(lines))
        self.revealed_askers.setVisible(bool(lines))

    @property
    def revealed(self) -> bool:
        return bool(self.contact.property("revealed"))

    # -- parts ---------------------------------------------------------------------------------
    def _show_fields(self, ticket: ReferralRecord) -> None:
        self.title.setText(
            " · ".join(
                (
                    ticket.number,
                    labels.referral_status(ticket.status),
                    ticket.unit_name,
                    labels.referral_category(ticket.category),
                )
            )
        )
        if not self.question.text():
            self.question.setText(ticket.summary)
        others = len(ticket.askers)
        names = "、".join(a.nickname for a in ticket.askers if a.nickname)
        self.askers.setText(
            self.tr("{count} viewers asked this: {names}").format(count=others, names=names)
            if others > 1
            else self.tr("one viewer")
        )
        self.deadline.setText(self._due(ticket))
        self.note.setText(ticket.note or "—")
        if ticket.reply:
            by = f"（{ticket.reply_by}）" if ticket.reply_by else ""
            self.reply.setText(f"{ticket.reply}{by}\n{studio_time_text(ticket.replied_at)}")
        else:
            self.reply.setText(self.tr("no reply yet"))
        self.satisfaction.setText(
            labels.satisfaction(ticket.satisfaction) if ticket.satisfaction else "—"
        )
        if not self.revealed:
            self.contact.setText(ticket.contact or self.tr("(none left with the ticket)"))

    def _due(self, ticket: ReferralRecord) -> str:
        parts = [ticket.deadline.isoformat()]
        if ticket.status in RUNNING:
            left = working_days_left(ticket.deadline, self._today())
            parts.append(
                self.tr("{days} working days overdue").format(days=-left)
                if left < 0
                else self.tr("{days} working days left").format(days=left)
            )
        if ticket.extension_until is not None:
            parts.append(
                self.tr("more time asked until {date}").format(
                    date=ticket.extension_until.isoformat()
                )
            )
        if ticket.urge_count:
            parts.append(self.tr("urged {count} times").format(count=ticket.urge_count))
        if ticket.returned_reason and ticket.status == ReferralStatus.RETURNED:
            parts.append(self.tr("returned: {reason}").format(reason=ticket.returned_reason))
        return " · ".join(parts)

    def _asked(self, line: FeedLineRecord) -> str:
        room = labels.platform(line.platform) if line.platform else ""
        if line.room_name:
            room = f"{room} · {line.room_name}" if room else line.room_name
        who = line.nickname or self.tr("(no name)")
        return " · ".join(p for p in (who, room, studio_time_text(line.received_at)) if p)

    def _show_feed(self, lines: Sequence[FeedLineRecord], subject: FeedLineRecord | None) -> None:
        self.feed.clear()
        for line in lines:
            time = to_studio(line.received_at).strftime("%H:%M:%S")
            item = QListWidgetItem(f"{time}  {line.nickname}：{line.text}")
            if subject is not None and line.question_id == subject.question_id:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.feed.addItem(item)

    def _show_history(self, history: Sequence[ReferralEventRecord]) -> None:
        self.history.setRowCount(len(history))
        for row, event in enumerate(history):
            before = labels.referral_status(event.status_before) if event.status_before else ""
            after = labels.referral_status(event.status_after)
            move = labels.referral_action(event.action)
            if before and before != after:
                move += f"（{before} → {after}）"
            if event.unit_name and event.action in ("dispatch", "accept"):
                move += f" · {event.unit_name}"
            who = event.person or event.seat  # the person at the seat, where it has one
            cells = (studio_time_text(event.at), who, move, event.reason)
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeRowsToContents()
