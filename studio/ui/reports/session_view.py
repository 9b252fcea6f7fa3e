"""One session's report in the window: its figures, the charts, the tables (the PDF's content)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.domain.durations import format_duration
from studio.domain.report_tables import REFERRAL_STATES, percent
from studio.domain.session_report import SessionReport
from studio.ui.reports.charts import ChartView, draw_bars, draw_comments, draw_viewers

#: The platform figures typed in per room: the table's editable columns, in order.
HAND_COLUMNS = ("viewers", "likes", "new_followers", "mean_watch_s")


class SessionReportView(QWidget):
    """The report of the session chosen in the table (empty until one is), with the county
    head's review and the platforms' own figures to type in.

    Signals:
        reviewSaved(int, object, str): session, rating (1–5 or None), remark.
        handFiguresSaved(int, list): session, ``(room_id, viewers, likes, new_followers,
            mean_watch_s)`` per room (None: not given).
    """

    reviewSaved = Signal(int, object, str)
    handFiguresSaved = Signal(int, list)

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
        self.rating = QComboBox()
        self.rating.addItem(self.tr("Not rated"), None)
        for stars in range(1, 6):
            self.rating.addItem("★" * stars, stars)
        self.remark = QLineEdit(placeholderText=self.tr("The county head's remark"))
        self.save_review = QPushButton(self.tr("Save review"))
        self.save_review.clicked.connect(self._save_review)
        review = QWidget()
        row = QHBoxLayout(review)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.rating)
        row.addWidget(self.remark, 1)
        row.addWidget(self.save_review)
        self.hand = QTableWidget(0, 1 + len(HAND_COLUMNS), self)
        self.hand.setHorizontalHeaderLabels(
            [
                self.tr("Room"),
                self.tr("Viewers (platform)"),
                self.tr("Likes"),
                self.tr("New followers"),
                self.tr("Mean watch (s)"),
            ]
        )
        self.hand.verticalHeader().hide()
        self.save_hand = QPushButton(self.tr("Save platform figures"))
        self.save_hand.clicked.connect(self._save_hand)
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
            (self.tr("The county head's review"), review),
            (self.tr("The platforms' own figures, typed in after the show"), self.hand),
        ]:
            label = QLabel(heading)
            label.setProperty("role", "subheading")
            box.addWidget(label)
            box.addWidget(widget)
        box.addWidget(self.save_hand, 0, Qt.AlignmentFlag.AlignRight)
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
        self.rating.setCurrentIndex(max(self.rating.findData(report.rating), 0))
        self.remark.setText(report.remark)
        self.hand.setRowCount(len(report.rooms))
        for row, room in enumerate(report.rooms):
            name = QTableWidgetItem(room.label)
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            name.setData(Qt.ItemDataRole.UserRole, room.room_id)
            self.hand.setItem(row, 0, name)
            given = (
                (room.viewers, room.likes, room.new_followers, room.mean_watch_s)
                if room.by_hand
                else (None, None, None, None)
            )
            for column, value in enumerate(given, 1):
                self.hand.setItem(
                    row, column, QTableWidgetItem("" if value is None else str(value))
                )
        self.hand.resizeColumnsToContents()
        self.hand.setMinimumHeight(30 + 26 * len(report.rooms))

    def _save_review(self) -> None:
        if self.report is not None:
            self.reviewSaved.emit(
                self.report.session.id, self.rating.currentData(), self.remark.text()
            )

    def hand_figures(self) -> list[tuple[int, int | None, int | None, int | None, int | None]]:
        """What the table holds: per room, each figure typed in (None: left empty or not a
        whole number of at least 0)."""
        rows = []
        for row in range(self.hand.rowCount()):
            room_id = self.hand.item(row, 0).data(Qt.ItemDataRole.UserRole)
            values: list[int | None] = []
            for column in range(1, 1 + len(HAND_COLUMNS)):
                item = self.hand.item(row, column)
                text = (item.text() if item else "").replace(",", "").strip()
                values.append(int(text) if text.isdigit() else None)
            rows.append((room_id, *values))
        return rows  # type: ignore[return-value]

    def _save_hand(self) -> None:
        if self.report is not None:
            self.handFiguresSaved.emit(self.report.session.id, self.hand_figures())
