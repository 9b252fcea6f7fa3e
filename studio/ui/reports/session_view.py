"""One session's report in the window: its figures, the charts, the tables (the PDF's content)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.domain.durations import format_duration
from studio.domain.report_tables import REFERRAL_STATES, percent
from studio.domain.session_report import SessionReport
from studio.ui.reports.charts import ChartView, draw_bars, draw_comments, draw_viewers


class SessionReportView(QWidget):
    """The report of the session chosen in the table (empty until one is)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: SessionReport | None = None
        self.title = QLabel(self.tr("Choose a session to see its report."))
        self.title.setProperty("role", "heading")
        self.figures: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = [
            ("peak", self.tr("Peak online")),
            ("viewers", self.tr("Viewers")),
            ("likes", self.tr("Likes")),
            ("comments", self.tr("Comments")),
            ("questions", self.tr("Distinct questions")),
            ("answered", self.tr("Answered on air")),
            ("referred", self.tr("Referred")),
            ("open", self.tr("Left open")),
            ("handled", self.tr("Handled")),
        ]
        for n, (key, text) in enumerate(names):
            value = QLabel("—", textFormat=Qt.TextFormat.PlainText)
            value.setProperty("role", "heading")
            caption = QLabel(text)
            caption.setProperty("role", "subtle")
            grid.addWidget(value, 0, n)
            grid.addWidget(caption, 1, n)
            self.figures[key] = value
        self.comments_chart = ChartView(self)
        self.viewers_chart = ChartView(self, height=200)
        self.units_chart = ChartView(self, height=160)
        self.top = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.segments = QTableWidget(0, 4, self)
        self.segments.setHorizontalHeaderLabels(
            [self.tr("Segment"), self.tr("Planned"), self.tr("Actual"), self.tr("Over")]
        )
        self.segments.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.segments.verticalHeader().hide()
        self.referrals = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addLayout(grid)
        for heading, widget in [
            (self.tr("Comments per minute, the running order behind"), self.comments_chart),
            (self.tr("Viewers online per room"), self.viewers_chart),
            (self.tr("Questions by unit"), self.units_chart),
            (self.tr("Most asked"), self.top),
            (self.tr("Planned against actual"), self.segments),
            (self.tr("What became of the referrals"), self.referrals),
        ]:
            label = QLabel(heading)
            label.setProperty("role", "subheading")
            box.addWidget(label)
            box.addWidget(widget)
        box.addStretch(1)

    def show_report(self, report: SessionReport) -> None:
        self.report = report
        s, t = report.session, report.tally
        self.title.setText(f"{s.date.isoformat()} · {s.unit_name} · {s.topic}")
        values = {
            "peak": f"{report.peak_online:,}",
            "viewers": f"{report.viewers:,}",
            "likes": f"{report.likes:,}",
            "comments": f"{t.comments:,}",
            "questions": f"{t.questions:,}",
            "answered": f"{t.answered:,}",
            "referred": f"{t.referred:,}",
            "open": f"{t.left_open:,}",
            "handled": percent(t.handled_rate),
        }
        for key, text in values.items():
            self.figures[key].setText(text)
        self.comments_chart.set_drawing(draw_comments(report, self.tr("comments / minute")))
        self.viewers_chart.set_drawing(draw_viewers(report, self.tr("online")))
        pairs = [(name or self.tr("(no unit)"), float(n)) for name, n in report.by_unit]
        self.units_chart.set_drawing(draw_bars(pairs, self.tr("distinct questions")))
        self.units_chart.setMinimumHeight(40 + 24 * max(len(pairs), 1))
        self.top.setText(
            "\n".join(
                self.tr("{n}. {text} ({count} asked)").format(n=i, text=text, count=count)
                for i, (text, count) in enumerate(report.top_questions, 1)
            )
            or "—"
        )
        self.segments.setRowCount(len(report.segments))
        for row, g in enumerate(report.segments):
            ran = g.started_s is not None
            cells = [
                g.title,
                format_duration(g.planned_s),
                format_duration(g.actual_s) if ran else self.tr("did not run"),
                format_duration(g.over_s, signed=True) if ran else "",
            ]
            for column, text in enumerate(cells):
                self.segments.setItem(row, column, QTableWidgetItem(text))
        self.segments.resizeColumnsToContents()
        self.segments.setMinimumHeight(30 + 26 * len(report.segments))
        self.referrals.setText(
            " · ".join(f"{REFERRAL_STATES.get(k, k)} {n}" for k, n in report.referrals) or "—"
        )
