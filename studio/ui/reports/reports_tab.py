"""Reports (报告): what each session drew and achieved, for the operator and county leaders."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from studio.domain.model import SessionStatus
from studio.domain.records import SessionFigures
from studio.ui.record_model import RIGHT, Column, RecordTableModel, record_table


def _number(value: int) -> str:
    return f"{value:,}"


def _count(getter):  # type: ignore[no-untyped-def]
    return lambda f: _number(getter(f))


class ReportsTab(QWidget):
    """Per-session figures of the ended sessions, with the period's totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        figures = [
            (self.tr("Peak online"), lambda f: f.peak_online),
            (self.tr("Viewers"), lambda f: f.total_viewers),
            (self.tr("Likes"), lambda f: f.likes),
            (self.tr("Comments"), lambda f: f.comments),
            (self.tr("Questions"), lambda f: f.questions),
            (self.tr("Answered"), lambda f: f.answered),
            (self.tr("Referred"), lambda f: f.referred),
        ]
        columns = [
            Column(
                self.tr("Date"),
                lambda f: f.session.date.isoformat(),
                sort_key=lambda f: f.session.date.toordinal(),
            ),
            Column(self.tr("Unit"), lambda f: f.session.unit_name),
            Column(self.tr("Topic"), lambda f: f.session.topic),
        ]
        columns += [Column(header, _count(get), RIGHT, sort_key=get) for header, get in figures]
        self.model = RecordTableModel(columns, self, key=lambda f: f.session.id)
        self.view = record_table(self.model, self)
        self.view.horizontalHeader().setStretchLastSection(False)
        heading = QLabel(self.tr("Sessions held"))
        heading.setProperty("role", "heading")
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.summary.setProperty("role", "subtle")
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(self.summary)
        box.addWidget(self.view, 1)

    def show_figures(self, figures: list[SessionFigures]) -> None:
        held = [f for f in figures if f.session.status == SessionStatus.ENDED]
        self.model.set_records(held)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        questions = sum(f.questions for f in held)
        answered = sum(f.answered for f in held)
        referred = sum(f.referred for f in held)
        rate = f"{(answered + referred) / questions:.0%}" if questions else "—"
        self.summary.setText(
            self.tr(
                "{sessions} sessions · {viewers} viewers · {questions} questions · "
                "{answered} answered on air · {referred} referred · {rate} handled"
            ).format(
                sessions=len(held),
                viewers=_number(sum(f.total_viewers for f in held)),
                questions=questions,
                answered=answered,
                referred=referred,
                rate=rate,
            )
        )
