"""The reports' charts, drawn with ``QPainter``: one drawing for the window and the PDF.

Why not a chart library: Qt's own charts (QtCharts) come in PySide6-Addons, a large download
for four simple charts, and pyqtgraph needs numpy and draws to its own scene, not a plain
``QPainter``; the PDF wants the same picture as the screen. A chart here is a function
``draw(painter, rect)``: :class:`ChartView` calls it in ``paintEvent`` and :func:`chart_image`
calls it on a ``QImage`` that :mod:`studio.ui.documents` places in the PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from studio.domain.session_report import SessionReport, UnitPeriod
from studio.ui.documents import cjk_family

Draw = Callable[[QPainter, QRectF], None]

#: Colours of the series (rooms, kinds), in order.
SERIES = ("#1a73e8", "#e8710a", "#188038", "#a142f4", "#d93025")
_BANDS = ("#eef3fb", "#f8f9fa")
_AXIS = QColor("#5f6368")
_GRID = QColor("#dadce0")


def _font(painter: QPainter, points: float) -> None:
    font = QFont(cjk_family())
    font.setPointSizeF(points)
    painter.setFont(font)


def _plot_area(rect: QRectF) -> QRectF:
    return rect.adjusted(46, 22, -10, -24)


def _y_axis(painter: QPainter, area: QRectF, top: float, label: str) -> None:
    painter.setPen(QPen(_GRID, 1))
    steps = 4
    for i in range(steps + 1):
        y = area.bottom() - area.height() * i / steps
        painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
        painter.setPen(_AXIS)
        painter.drawText(
            QRectF(area.left() - 44, y - 8, 40, 16),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{top * i / steps:,.0f}",
        )
        painter.setPen(QPen(_GRID, 1))
    painter.setPen(_AXIS)
    painter.drawText(QRectF(area.left(), area.top() - 20, area.width(), 16), 0, label)


def _x_minutes(painter: QPainter, area: QRectF, minutes: int) -> None:
    painter.setPen(_AXIS)
    step = 10 if minutes > 20 else 5
    for m in range(0, minutes + 1, step):
        x = area.left() + area.width() * m / max(minutes, 1)
        painter.drawText(
            QRectF(x - 20, area.bottom() + 4, 40, 16), int(Qt.AlignmentFlag.AlignHCenter), f"{m}′"
        )


def draw_comments(report: SessionReport, label: str) -> Draw:
    """Comments per minute as bars, the running order's segments as bands behind them (where
    each segment ran; where it was planned when it never ran)."""

    def draw(painter: QPainter, rect: QRectF) -> None:
        _font(painter, 8)
        area = _plot_area(rect)
        counts = report.comments_per_minute or (0,)
        minutes = len(counts)
        per_minute = area.width() / minutes
        for n, g in enumerate(report.segments):
            begin = (g.started_s if g.started_s is not None else g.planned_start_s) / 60.0
            length = (g.actual_s if g.started_s is not None else g.planned_s) / 60.0
            x0 = area.left() + max(begin, 0.0) * per_minute
            x1 = min(area.left() + (begin + length) * per_minute, area.right())
            if x1 <= x0:
                continue
            band = QRectF(x0, area.top(), x1 - x0, area.height())
            painter.fillRect(band, QColor(_BANDS[n % 2]))
            painter.setPen(_AXIS)
            painter.drawText(
                band.adjusted(2, 2, -2, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                painter.fontMetrics().elidedText(
                    g.title, Qt.TextElideMode.ElideRight, int(band.width()) - 4
                ),
            )
        top = -(-max(max(counts), 1) // 4) * 4  # a multiple of the four grid steps
        _y_axis(painter, area, top, label)
        _x_minutes(painter, area, minutes)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(SERIES[0]))
        for m, n in enumerate(counts):
            h = area.height() * n / top
            painter.drawRect(
                QRectF(area.left() + m * per_minute + 0.5, area.bottom() - h, per_minute - 1, h)
            )

    return draw


def draw_viewers(report: SessionReport, label: str) -> Draw:
    """Viewers online over time, one line per room, the room named at its line's end."""

    def draw(painter: QPainter, rect: QRectF) -> None:
        _font(painter, 8)
        area = _plot_area(rect)
        minutes = max(len(report.comments_per_minute), 1)
        top = max([1, *(n for r in report.rooms for _, n in r.online)])
        _y_axis(painter, area, top, label)
        _x_minutes(painter, area, minutes)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i, room in enumerate(report.rooms):
            colour = QColor(SERIES[i % len(SERIES)])
            path = QPainterPath()
            for k, (minute, online) in enumerate(room.online):
                point = QPointF(
                    area.left() + area.width() * min(max(minute, 0.0), minutes) / minutes,
                    area.bottom() - area.height() * online / top,
                )
                path.moveTo(point) if k == 0 else path.lineTo(point)
            painter.setPen(QPen(colour, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(colour)
            for k in range(path.elementCount()):  # each sample as a dot (one sample: no line)
                element = path.elementAt(k)
                painter.drawEllipse(QPointF(element.x, element.y), 2.5, 2.5)
            painter.drawText(
                QRectF(area.left() + 4, area.top() + 2 + 14 * i, area.width() - 8, 14),
                int(Qt.AlignmentFlag.AlignRight),
                room.label,
            )

    return draw


def draw_bars(
    pairs: Sequence[tuple[str, float]], label: str, *, marks: frozenset[str] = frozenset()
) -> Draw:
    """Horizontal bars, one per ``(name, value)``; a name in ``marks`` is drawn in red."""

    def draw(painter: QPainter, rect: QRectF) -> None:
        _font(painter, 8)
        painter.setPen(_AXIS)
        painter.drawText(QRectF(rect.left() + 4, rect.top() + 2, rect.width(), 16), 0, label)
        if not pairs:
            return
        names = 110.0
        area = rect.adjusted(names, 22, -50, -4)
        row = area.height() / len(pairs)
        top = max([v for _, v in pairs] + [1e-9])
        for i, (name, value) in enumerate(pairs):
            y = area.top() + i * row
            painter.setPen(_AXIS)
            painter.drawText(
                QRectF(rect.left() + 4, y, names - 10, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                painter.fontMetrics().elidedText(
                    name, Qt.TextElideMode.ElideRight, int(names) - 12
                ),
            )
            w = area.width() * value / top
            painter.fillRect(
                QRectF(area.left(), y + row * 0.15, w, row * 0.7),
                QColor("#d93025" if name in marks else SERIES[0]),
            )
            painter.drawText(
                QRectF(area.left() + w + 4, y, 46, row),
                int(Qt.AlignmentFlag.AlignVCenter),
                f"{value:,.1f}" if value % 1 else f"{value:,.0f}",
            )

    return draw


def draw_league(units: Sequence[UnitPeriod], label: str) -> Draw:
    """Distinct questions per 1,000 viewers per unit, departments and townships side by side;
    low-engagement units in red."""
    pairs = [(u.unit, u.questions_per_1000_viewers or 0.0) for u in units]
    return draw_bars(pairs, label, marks=frozenset(u.unit for u in units if u.low_engagement))


def draw_trend(series: Mapping[str, Sequence[tuple[dt.date, float]]], label: str) -> Draw:
    """Lines over the period's weeks, one per named series (departments, townships), each
    week's value a dot; the series named in the top right corner."""

    def draw(painter: QPainter, rect: QRectF) -> None:
        _font(painter, 8)
        area = _plot_area(rect)
        days = [day for points in series.values() for day, _ in points]
        top = max([1.0, *(v for points in series.values() for _, v in points)])
        _y_axis(painter, area, top, label)
        if not days:
            return
        first, last = min(days), max(days)
        span = max((last - first).days, 1)
        painter.setPen(_AXIS)
        for day, align in (
            (first, Qt.AlignmentFlag.AlignLeft),
            (last, Qt.AlignmentFlag.AlignRight),
        ):
            x = area.left() + area.width() * (day - first).days / span
            box = (
                QRectF(x, area.bottom() + 4, 80, 16)
                if day == first
                else QRectF(x - 80, area.bottom() + 4, 80, 16)
            )
            painter.drawText(box, int(align), day.isoformat())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for i, (name, points) in enumerate(series.items()):
            colour = QColor(SERIES[i % len(SERIES)])
            painter.setPen(QPen(colour, 2))
            painter.setBrush(colour)
            previous: QPointF | None = None
            for day, value in points:
                point = QPointF(
                    area.left() + area.width() * (day - first).days / span,
                    area.bottom() - area.height() * value / top,
                )
                if previous is not None:
                    painter.drawLine(previous, point)
                painter.drawEllipse(point, 2.5, 2.5)
                previous = point
            painter.drawText(
                QRectF(area.left() + 4, area.top() + 2 + 14 * i, area.width() - 8, 14),
                int(Qt.AlignmentFlag.AlignRight),
                name,
            )

    return draw


def chart_image(draw: Draw, width: int = 1600, height: int = 560) -> QImage:
    """The chart drawn on a white ``width`` × ``height`` image (for the PDF), at twice the
    window's scale so it stays sharp on paper."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.scale(2.0, 2.0)
        draw(painter, QRectF(0, 0, width / 2.0, height / 2.0))
    finally:
        painter.end()
    return image


class ChartView(QWidget):
    """A chart on screen: the same drawing as the PDF's picture."""

    def __init__(self, parent: QWidget | None = None, height: int = 240) -> None:
        super().__init__(parent)
        self._draw: Draw | None = None
        self._height = height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(600, self._height)

    def set_drawing(self, draw: Draw | None) -> None:
        self._draw = draw
        self.update()

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("white"))
            if self._draw is not None:
                self._draw(painter, QRectF(self.rect()))
        finally:
            painter.end()
