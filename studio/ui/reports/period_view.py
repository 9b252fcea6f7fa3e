"""Each unit's figures over the period: a league chart and table, departments and townships
side by side, the low-engagement units marked, with one action: pause the unit in the rota."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.report_tables import number, percent
from studio.domain.session_report import (
    LOW_ENGAGEMENT_PER_1000,
    UnitPeriod,
    league,
    weekly_trend,
)
from studio.ui.record_model import RECORD_ROLE, RIGHT, Column, RecordTableModel, record_table
from studio.ui.reports.charts import ChartView, draw_league, draw_trend

_LOW = QColor("#d93025")


class PeriodView(QWidget):
    """The period report in the window.

    Signals:
        pauseAsked(int): pause this unit in the rota.
        undoAsked(): undo the last pause.
    """

    pauseAsked = Signal(int)
    undoAsked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units: list[UnitPeriod] = []
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Departments and townships"), "")
        self.kind.addItem(self.tr("Departments"), "department")
        self.kind.addItem(self.tr("Townships"), "township")
        self.kind.currentIndexChanged.connect(lambda _i: self._show())
        self.threshold = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.threshold.setProperty("role", "subtle")
        self.threshold.setToolTip(
            self.tr(
                "A unit drawing fewer distinct questions per 1,000 viewers is marked. The mark "
                "is the studio's setting: File ▸ Studio settings…"
            )
        )
        self.show_threshold(LOW_ENGAGEMENT_PER_1000)
        self.pause = QPushButton(self.tr("Pause in the rota"), enabled=False)
        self.pause.clicked.connect(self._pause)
        self.undo = QPushButton(self.tr("Undo pause"), enabled=False)
        self.undo.clicked.connect(self.undoAsked)
        low = lambda u: _LOW if u.low_engagement else None  # noqa: E731
        columns = [
            Column(self.tr("Unit"), lambda u: u.unit, colour=low),
            Column(self.tr("Kind"), lambda u: self._kind_text(u.kind)),
            Column(self.tr("Sessions"), lambda u: str(u.sessions), RIGHT, lambda u: u.sessions),
            Column(
                self.tr("Mean viewers"),
                lambda u: number(u.mean_viewers),
                RIGHT,
                lambda u: u.mean_viewers or 0,
            ),
            Column(
                self.tr("Questions / session"),
                lambda u: number(u.questions_per_session, 1),
                RIGHT,
                lambda u: u.questions_per_session or 0,
            ),
            Column(
                self.tr("Per 1,000 viewers"),
                lambda u: number(u.questions_per_1000_viewers, 2),
                RIGHT,
                lambda u: u.questions_per_1000_viewers or 0,
                colour=low,
            ),
            Column(self.tr("Answered on air"), lambda u: percent(u.answered_share), RIGHT),
            Column(self.tr("Referrals"), lambda u: str(u.referrals), RIGHT, lambda u: u.referrals),
            Column(self.tr("On time"), lambda u: percent(u.on_time_rate), RIGHT),
            Column(self.tr("Satisfied"), lambda u: percent(u.satisfaction_rate), RIGHT),
            Column(
                self.tr("Low engagement"),
                lambda u: self.tr("low") if u.low_engagement else "",
                colour=low,
            ),
        ]
        self.model = RecordTableModel(columns, self, key=lambda u: u.unit_id)
        self.view = record_table(self.model, self)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())
        self.chart = ChartView(self, height=260)
        self.trend = ChartView(self, height=200)
        bar = QHBoxLayout()
        bar.addWidget(self.kind)
        bar.addWidget(self.threshold)
        bar.addStretch(1)
        bar.addWidget(self.pause)
        bar.addWidget(self.undo)
        box = QVBoxLayout(self)
        box.addLayout(bar)
        charts = QHBoxLayout()
        charts.addWidget(self.chart, 1)
        charts.addWidget(self.trend, 1, Qt.AlignmentFlag.AlignTop)
        box.addLayout(charts)
        box.addWidget(self.view, 1)

    def _kind_text(self, kind: str) -> str:
        return self.tr("Township") if kind == "township" else self.tr("Department")

    def show_threshold(self, per_1000: float) -> None:
        """The stored low-engagement mark the report is drawn with (set on the settings page)."""
        self.threshold.setText(
            self.tr("Low below {n:g} distinct questions per 1,000 viewers (Studio settings)").format(
                n=per_1000
            )
        )

    def show_units(self, units: list[UnitPeriod]) -> None:
        self.units = units
        self._show()

    def shown(self) -> list[UnitPeriod]:
        """The units held in the period, of the kind chosen, in league order."""
        kind = self.kind.currentData()
        return league([u for u in self.units if not kind or u.kind == kind])

    def _show(self) -> None:
        shown = self.shown()
        self.model.set_records(shown)
        self.chart.set_drawing(draw_league(shown, self.tr("distinct questions per 1,000 viewers")))
        self.chart.setMinimumHeight(40 + 24 * max(len(shown), 1))
        self.trend.set_drawing(
            draw_trend(self.trend_series(shown), self.tr("distinct questions per session, by week"))
        )
        self._selected()

    def trend_series(self, units: list[UnitPeriod]) -> dict[str, list[tuple[dt.date, float]]]:
        """The weekly trend per kind, named in the interface's language."""
        return {self._kinds_text(kind): points for kind, points in weekly_trend(units).items()}

    def _kinds_text(self, kind: str) -> str:
        return self.tr("Townships") if kind == "township" else self.tr("Departments")

    def _chosen(self) -> UnitPeriod | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None

    def _selected(self) -> None:
        unit = self._chosen()
        self.pause.setEnabled(unit is not None and unit.low_engagement)

    def _pause(self) -> None:
        unit = self._chosen()
        if unit is not None:
            self.pauseAsked.emit(unit.unit_id)

    def set_undo(self, possible: bool) -> None:
        self.undo.setEnabled(possible)
