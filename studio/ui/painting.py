"""Text painted into images (posters, referral cards): the largest font that fits a box.

What every seat's painted images share; the texts are plain (``QPainter.drawText``), never
markup. Lines break where Chinese typesetting allows: never before 、，。！？ or a closing
bracket or quote, never after an opening one (行首/行尾禁则); a run with no break opportunity (a
long number, a URL) is broken anywhere rather than run off the image.

Qt's Unicode line breaking does most of it; it takes “ ” ‘ ’ for ambiguous quotes (they open
or close by language), so :func:`_kinsoku` moves such a break one character back itself — the
one rule written here because the library cannot know the text is Chinese.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QTextLayout, QTextOption

FONT_FAMILIES = ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "sans-serif"]
WRAP = int(Qt.TextFlag.TextWordWrap | Qt.TextFlag.TextWrapAnywhere)
MIN_PIXELS = 12
#: Never at the start of a line (行首禁则).
NOT_AT_START = frozenset("、，。．,.！？!?；;：:）)》」』】〕〉］]｝}”’…‥·%％‰")
#: Never at the end of a line (行尾禁则).
NOT_AT_END = frozenset("（(《「『【〔〈［[｛{“‘")
_SEPARATOR = "\u2028"


def painted_font(pixels: int, bold: bool = False) -> QFont:
    """The images' font at ``pixels`` pixels."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


def text_option(flags: int) -> QTextOption:
    """The alignment of ``flags``, wrapping at break opportunities (anywhere only when a run
    has none)."""
    option = QTextOption(Qt.AlignmentFlag(flags & int(_ALIGNMENT)))
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


_ALIGNMENT = Qt.AlignmentFlag.AlignHorizontal_Mask | Qt.AlignmentFlag.AlignVertical_Mask


def _lines(
    shown: str, font: QFont, width: float, option: QTextOption
) -> list[tuple[int, int, float, float]]:
    """``(start, length, height, natural width)`` of each line of ``shown`` at ``width``."""
    layout = QTextLayout(shown, font)
    layout.setTextOption(option)
    layout.beginLayout()
    lines = []
    top = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, top))
        top += line.height()
        lines.append((line.textStart(), line.textLength(), line.height(), line.naturalTextWidth()))
    layout.endLayout()
    return lines


def _kinsoku(text: str, font: QFont, width: float, option: QTextOption) -> str:
    """``text`` with line separators where a break must move back a character or two, so no
    line starts with closing punctuation or ends with an opening one."""
    shown = text.replace("\n", _SEPARATOR)
    for _ in range(len(shown)):  # each pass moves one break back: bounded
        lines = _lines(shown, font, width, option)
        for (start, length, _h, _w), (next_start, _l, _h2, _w2) in itertools.pairwise(lines):
            end = start + length
            if shown[end - 1 : end] == _SEPARATOR or next_start != end:
                continue  # a break the text asked for
            body = shown[start:end].rstrip()
            if not body:
                continue
            position = None
            if shown[next_start] in NOT_AT_START:
                position = start + len(body) - 1  # take the last character down with it
                while position > start and shown[position] in NOT_AT_START:
                    position -= 1
            elif body[-1] in NOT_AT_END:
                position = start + len(body) - 1  # move the opening mark down
            while position is not None and position > start and shown[position - 1] in NOT_AT_END:
                position -= 1
            if position is not None and position > start:
                shown = shown[:position] + _SEPARATOR + shown[position:]
                break
        else:
            return shown
    return shown


def _laid_out(
    text: str, font: QFont, width: float, option: QTextOption
) -> tuple[float, float, list[str]]:
    """The height, the widest line and the lines of ``text`` wrapped to ``width``."""
    shown = _kinsoku(text, font, width, option)
    lines = _lines(shown, font, width, option)
    return (
        sum(height for _s, _l, height, _w in lines),
        max((natural for _s, _l, _h, natural in lines), default=0.0),
        [shown[start : start + length].replace(_SEPARATOR, "") for start, length, _h, _w in lines],
    )


def wrapped_lines(text: str, font: QFont, width: int, flags: int = WRAP) -> list[str]:
    """The lines ``text`` is drawn in at ``width`` pixels (as :func:`draw_text` wraps it)."""
    return _laid_out(text, font, width, text_option(flags))[2]


def _fits(text: str, font: QFont, rect: QRect, option: QTextOption) -> bool:
    height, widest, _lines = _laid_out(text, font, rect.width(), option)
    return height <= rect.height() and widest <= rect.width() + 0.5


def fitted_text(text: str, rect: QRect, max_px: int, bold: bool, flags: int) -> tuple[QFont, str]:
    """The largest font (≤ ``max_px``) at which ``text`` wraps inside ``rect``; else elided."""
    option = text_option(flags)
    pixels = max_px
    while pixels >= MIN_PIXELS:
        font = painted_font(pixels, bold)
        if _fits(text, font, rect, option):
            return font, text
        pixels -= max(1, pixels // 20)
    font = painted_font(MIN_PIXELS, bold)

    def fits(length: int) -> bool:
        return _fits(text[:length] + "…", font, rect, option)

    # The longest prefix that fits with an ellipsis, by bisection (texts may be long).
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return font, text[:low] + "…" if low and fits(low) else ""


def draw_text(painter: QPainter, rect: QRect, flags: int, text: str) -> None:
    """Draw ``text`` (fitted with :func:`fitted_text`) in ``rect``, wrapped the same way."""
    option = text_option(flags)
    shown = _kinsoku(text, painter.font(), rect.width(), option)
    painter.drawText(QRectF(rect), shown, option)
