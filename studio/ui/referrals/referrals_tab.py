"""Referrals (转办): questions handed to departments, their deadlines and replies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from studio.domain.model import ReferralStatus
from studio.domain.records import ReferralRecord
from studio.domain.referral_deadlines import RUNNING
from studio.ui import labels, theme
from studio.ui.record_model import CENTER, RIGHT, Column, RecordTableModel, record_table

OPEN = RUNNING  # the statuses whose deadline still runs


class ReferralsTab(QWidget):
    """The referral tickets, soonest deadline first, overdue ones in red."""

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.model = RecordTableModel(
            [
                Column(self.tr("No."), lambda r: f"ZB-{r.id:04d}", CENTER, sort_key=lambda r: r.id),
                Column(self.tr("Session"), lambda r: r.session_date.isoformat()),
                Column(self.tr("Unit"), lambda r: r.unit_name),
                Column(self.tr("Category"), lambda r: labels.referral_category(r.category)),
                Column(self.tr("Question"), lambda r: r.summary, tooltip=lambda r: r.summary),
                Column(self.tr("Status"), lambda r: labels.referral_status(r.status)),
                Column(
                    self.tr("Deadline"),
                    lambda r: r.deadline.isoformat(),
                    sort_key=lambda r: r.deadline.toordinal(),
                ),
                Column(
                    self.tr("Days left"),
                    self._days_left,
                    RIGHT,
                    sort_key=self._days_left_key,
                    colour=self._deadline_colour,
                ),
                Column(self.tr("Reply"), lambda r: r.reply, tooltip=lambda r: r.reply),
            ],
            self,
        )
        self.view = record_table(self.model, self)
        heading = QLabel(self.tr("Referred questions"))
        heading.setProperty("role", "heading")
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.summary.setProperty("role", "subtle")
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(self.summary)
        box.addWidget(self.view, 1)

    def _days_left_key(self, referral: ReferralRecord) -> int:
        return (referral.deadline - self._today()).days if referral.status in OPEN else 10_000

    def _days_left(self, referral: ReferralRecord) -> str:
        if referral.status not in OPEN:
            return "—"
        days = (referral.deadline - self._today()).days
        if days < 0:
            return self.tr("{days} days overdue").format(days=-days)
        return str(days)

    def _deadline_colour(self, referral: ReferralRecord):  # type: ignore[no-untyped-def]
        if referral.status not in OPEN:
            return theme.MUTED
        days = (referral.deadline - self._today()).days
        return theme.BAD if days < 0 else theme.WARN if days <= 1 else None

    def show_referrals(self, referrals: list[ReferralRecord]) -> None:
        self.model.set_records(referrals)
        self.view.resizeColumnsToContents()
        self.view.setColumnWidth(4, 420)
        today = self._today()
        open_count = sum(1 for r in referrals if r.status in OPEN)
        overdue = sum(1 for r in referrals if r.status in OPEN and r.deadline < today)
        replied = sum(
            1
            for r in referrals
            if r.status
            in (ReferralStatus.REPLIED, ReferralStatus.CALLED_BACK, ReferralStatus.CLOSED)
        )
        self.summary.setText(
            self.tr(
                "{total} referrals · {open} open · {overdue} overdue · {replied} replied"
            ).format(total=len(referrals), open=open_count, overdue=overdue, replied=replied)
        )
