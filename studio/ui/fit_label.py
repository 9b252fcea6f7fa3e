"""A label whose font grows or shrinks so its (plain) text fills the space it is given."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

FLAGS = Qt.TextFlag.TextWordWrap


class FitLabel(QWidget):
    """Draws its text as plain text at the largest size (within bounds) that fits.

    Viewer text is never interpreted as markup here: it is painted with ``drawText``.

    Args:
        max_pt / min_pt: bounds of the point size; below min_pt the text is elided.
        align: alignment of the text block.
    """

    def __init__(
        self,
        text: str = "",
        *,
        max_pt: int = 160,
        min_pt: int = 12,
        bold: bool = False,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._max_pt = max_pt
        self._min_pt = min_pt
        self._bold = bold
        self._align = align
        self._colour: QColor | None = None
        self._fitted: tuple[str, QSize, int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # Qt-style name: it mirrors QLabel.setText
        if text != self._text:
            self._text = text
            self._fitted = None
            self.update()

    def colour(self) -> QColor | None:
        """The text's colour as set (None: the palette's)."""
        return self._colour

    def set_colour(self, colour: QColor | None) -> None:
        self._colour = colour
        self.update()

    def fitted_point_size(self) -> int:
        """The point size the text is drawn at for the current size (computed once per change)."""
        size = self.contentsRect().size()
        if self._fitted and self._fitted[0] == self._text and self._fitted[1] == size:
            return self._fitted[2]
        low, high, best = self._min_pt, self._max_pt, self._min_pt
        while low <= high:  # binary search: the largest size whose wrapped text still fits
            mid = (low + high) // 2
            if self._fits(mid, size):
                best, low = mid, mid + 1
            else:
                high = mid - 1
        self._fitted = (self._text, size, best)
        return best

    def _font(self, point_size: int) -> QFont:
        font = QFont(self.font())
        font.setPointSize(point_size)
        font.setBold(self._bold)
        return font

    def _fits(self, point_size: int, size: QSize) -> bool:
        if not self._text:
            return True
        metrics = QFontMetrics(self._font(point_size))
        bounds = metrics.boundingRect(QRect(0, 0, size.width(), 100_000), int(FLAGS), self._text)
        return bounds.width() <= size.width() and bounds.height() <= size.height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fitted = None
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self._font(self.fitted_point_size()))
        painter.setPen(self._colour or self.palette().windowText().color())
        painter.drawText(self.contentsRect(), int(self._align | FLAGS), self._text)
        painter.end()
