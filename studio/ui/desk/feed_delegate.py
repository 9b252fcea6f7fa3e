"""How feed cells are painted: sensitive words marked in a comment, and the room as a badge.

Both delegates paint plain strings with ``QPainter.drawText``: a viewer's text never passes
through a rich-text document, so ``<b>`` or ``<img …>`` in a comment shows as those characters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from studio.domain.text.screening import SensitiveWords, load_sensitive_words
from studio.ui import theme
from studio.ui.record_model import RECORD_ROLE

Span = tuple[int, int]
Index = QModelIndex | QPersistentModelIndex

#: Behind a sensitive word, and the line under it.
MARK_FILL = QColor("#ffe08a")
MARK_LINE = theme.BAD
MARK_TEXT = QColor("#1f2328")
#: Badge colours by room (``gov``/``dept``/``manual``), white text on each.
BADGE_COLOURS = {
    "gov": QColor("#1f6feb"),
    "dept": QColor("#8250df"),
    "manual": theme.WARN,
}
#: Spans remembered per record; beyond this the memory starts again (only visible rows paint).
_CACHE_LIMIT = 20_000


def sensitive_words(path: Path) -> SensitiveWords:
    """The word list at ``path``; an unreadable list marks nothing (the feed still shows)."""
    try:
        return load_sensitive_words(path)
    except (OSError, UnicodeDecodeError):
        return SensitiveWords(())


def segments(text: str, spans: Sequence[Span]) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each with whether it lies in one of ``spans`` (which are
    sorted, may overlap, and may reach past the end of ``text``)."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for start, end in sorted(spans):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        if start > at:
            pieces.append((text[at:start], False))
        pieces.append((text[start:end], True))
        at = end
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces


class SensitiveTextDelegate(QStyledItemDelegate):
    """Paints a comment with its sensitive words on a highlight and underlined.

    The words are found by the domain's matcher on the shown (masked) text, once per record
    and text: a repaint while scrolling costs a dictionary look-up.
    """

    def __init__(self, find: Callable[[str], Sequence[Span]], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._find = find
        self._spans: dict[object, tuple[str, tuple[Span, ...]]] = {}

    @classmethod
    def for_words(cls, words: SensitiveWords, parent: object = None) -> SensitiveTextDelegate:
        return cls(lambda text: [(m.start, m.end) for m in words.find(text)], parent)

    def spans(self, text: str, key: object = None) -> tuple[Span, ...]:
        """The sensitive spans of ``text`` (remembered under ``key``, e.g. the record id)."""
        if key is not None:
            kept = self._spans.get(key)
            if kept is not None and kept[0] == text:
                return kept[1]
        found = tuple(self._find(text)) if text else ()
        if key is not None:
            if len(self._spans) >= _CACHE_LIMIT:
                self._spans.clear()
            self._spans[key] = (text, found)
        return found

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        record = index.data(RECORD_ROLE)
        spans = self.spans(text, getattr(record, "id", None))
        if not spans:
            super().paint(painter, option, index)
            return
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        area = area.adjusted(margin, 0, -margin, 0)
        metrics = opt.fontMetrics
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        plain = opt.palette.color(group)
        baseline = area.top() + (area.height() - metrics.height()) // 2 + metrics.ascent()
        painter.save()
        painter.setClipRect(area)
        painter.setFont(opt.font)
        x = area.left()
        for piece, marked in segments(shown, spans):
            width = metrics.horizontalAdvance(piece)
            if marked:
                painter.fillRect(QRect(x, area.top() + 2, width, area.height() - 4), MARK_FILL)
                painter.fillRect(QRect(x, baseline + 2, width, 2), MARK_LINE)
            painter.setPen(MARK_TEXT if marked else plain)
            painter.drawText(QPoint(x, baseline), piece)
            x += width
        painter.restore()


class BadgeDelegate(QStyledItemDelegate):
    """Paints a cell's text as a small coloured chip (the colour is the BackgroundRole)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 16, hint.height())  # the chip's padding and margin

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        colour = opt.backgroundBrush.color() if opt.backgroundBrush.style() else None
        text = opt.text
        opt.text = ""
        opt.backgroundBrush = QBrush()
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        metrics = opt.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 12, opt.rect.width() - 4)
        chip = QRect(opt.rect.left() + 4, opt.rect.top() + 2, width, opt.rect.height() - 4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour or theme.MUTED)
        painter.drawRoundedRect(chip, 6, 6)
        painter.setPen(QColor("white"))
        painter.setFont(opt.font)
        painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()
