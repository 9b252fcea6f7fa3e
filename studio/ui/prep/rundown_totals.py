"""The running order's totals under the table: count and length against the slot, the
verdict (fits, over, under) and whether every change is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from studio.domain.durations import format_duration
from studio.domain.records import SessionRecord
from studio.domain.rundown_csv import SegmentDraft


class RundownTotals(QWidget):
    """One line: the count and total against the slot, the verdict chip, the save state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.verdict_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.verdict_label.setProperty("role", "chip")
        self.save_label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.save_label.setProperty("role", "subtle")
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary_label)
        box.addWidget(self.verdict_label)
        box.addStretch(1)
        box.addWidget(self.save_label)

    def set_save_state(self, text: str, colour: QColor) -> None:
        self.save_label.setText(text)
        self.save_label.setStyleSheet(f"color: {colour.name()};")

    def show_totals(
        self, session: SessionRecord | None, slot_name: str, drafts: list[SegmentDraft]
    ) -> None:
        """The count and total of ``drafts`` against ``session``'s slot, and the verdict."""
        if session is None:
            self.summary_label.setText(
                self.tr("No session today: there is no running order to edit.")
            )
            self.verdict_label.hide()
            return
        total = sum(draft.planned_s for draft in drafts)
        slot = session.slot_s
        self.summary_label.setText(
            self.tr("{count} segments · total {total} · slot {slot} ({length})").format(
                count=len(drafts),
                total=format_duration(total),
                slot=slot_name,
                length=format_duration(slot),
            )
        )
        difference = total - slot
        if difference == 0:
            verdict, state = self.tr("fits the slot exactly"), "ok"
        elif difference > 0:
            verdict = self.tr("{time} over the slot").format(time=format_duration(difference))
            state = "warn"
        else:
            verdict = self.tr("{time} under the slot").format(time=format_duration(-difference))
            state = "warn"
        self.verdict_label.setText(verdict)
        self.verdict_label.setProperty("state", state)
        self.verdict_label.style().unpolish(self.verdict_label)
        self.verdict_label.style().polish(self.verdict_label)
        self.verdict_label.show()
