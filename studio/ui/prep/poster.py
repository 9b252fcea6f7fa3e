"""Posters of the preview announcement, drawn with QPainter onto a QImage (no window needed).

Two sizes: 1080×1920 for the short-video platforms and 900×383 for the WeChat cover. Every
text sits in a box of the layout and is shrunk (then elided) until it fits, so the longest unit
name or topic never runs off the image.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QLinearGradient,
    QPainter,
    QPen,
)

from studio.domain.announcement import announcement_fields
from studio.domain.records import SessionRecord
from studio.ui.painting import (
    FONT_FAMILIES,
    MIN_PIXELS,
    WRAP,
    draw_text,
    fitted_text,
    painted_font,
)

__all__ = ["FONT_FAMILIES", "MIN_PIXELS", "WRAP", "fitted_text"]  # where tests look for them

PORTRAIT = QSize(1080, 1920)
COVER = QSize(900, 383)

_RED = "#b3261e"
_DARK = "#5c0f0b"
_GOLD = "#ffd57a"
_WHITE = "#ffffff"


@dataclass(frozen=True)
class PosterContent:
    """What a poster says; the texts are data (Chinese), not translated interface words."""

    county: str
    programme: str
    unit: str
    official: str
    topic: str
    when: str
    footer: str = "快手 · 抖音 同步直播  欢迎留言提问"
    logo: QImage | None = None
    # The live accounts' QR codes (a caption such as "快手 · 青山县人民政府", the image): the
    # portrait poster shows up to two of them above its footer.
    qr_codes: tuple[tuple[str, QImage], ...] = ()

    @classmethod
    def of_session(  # type: ignore[no-untyped-def]
        cls,
        session: SessionRecord,
        county: str,
        logo: QImage | None = None,
        qr_codes: tuple[tuple[str, QImage], ...] = (),
    ):
        fields = announcement_fields(session, county)
        return cls(
            county=county,
            programme=f"{county}问政直播间" if county else "问政直播间",
            unit=session.unit_name,
            official=f"{session.official_title} {session.official_name}".strip(),
            topic=session.topic or "主题待定",
            when=f"{fields['date']}（{fields['weekday']}）{fields['time']}",
            logo=logo,
            qr_codes=qr_codes[:QR_MAX],
        )


@dataclass(frozen=True)
class _Box:
    """One text of a layout: which field, where (fractions of the image), how large at most."""

    field: str
    x: float
    y: float
    w: float
    h: float
    max_px: int
    bold: bool = False
    colour: str = _WHITE
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class PlacedText:
    """A text as it is drawn: its box, the fitted font, the flags and the (maybe elided) text."""

    field: str
    rect: QRect
    font: QFont
    flags: int
    text: str


_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_PORTRAIT_BOXES = (
    _Box("county", 0.20, 0.035, 0.72, 0.07, 56, True, _WHITE, _LEFT),
    _Box("tag", 0.08, 0.13, 0.84, 0.06, 64, True, _GOLD),
    _Box("programme", 0.06, 0.20, 0.88, 0.10, 110, True),
    _Box("topic", 0.08, 0.34, 0.84, 0.24, 104, True, _GOLD),
    _Box("unit", 0.08, 0.61, 0.84, 0.07, 72),
    _Box("official", 0.08, 0.68, 0.84, 0.06, 64),
    _Box("when", 0.06, 0.78, 0.88, 0.07, 64, True),
    _Box("footer", 0.06, 0.90, 0.88, 0.05, 44),
)
_COVER_BOXES = (
    _Box("tag", 0.22, 0.06, 0.74, 0.11, 26, True, _GOLD, _LEFT),
    _Box("programme", 0.22, 0.19, 0.74, 0.15, 40, True, _WHITE, _LEFT),
    _Box("topic", 0.04, 0.38, 0.92, 0.30, 50, True, _GOLD),
    _Box("unit", 0.04, 0.70, 0.46, 0.11, 28, False, _WHITE, _LEFT),
    _Box("official", 0.04, 0.82, 0.46, 0.11, 26, False, _WHITE, _LEFT),
    _Box("when", 0.50, 0.70, 0.46, 0.23, 26, True, _WHITE),
)
# With QR codes the portrait's footer moves down to make room for them.
_PORTRAIT_BOXES_QR = tuple(
    _Box("footer", 0.06, 0.955, 0.88, 0.035, 36) if b.field == "footer" else b
    for b in _PORTRAIT_BOXES
)
QR_MAX = 2
# The QR band of the portrait: top and height as fractions of the image's height.
_QR_TOP, _QR_SIDE, _QR_CAPTION = 0.855, 0.075, 0.022
# The logo slot: (x, y, size) as fractions of the image width/height and of its height.
_PORTRAIT_LOGO = (0.06, 0.03, 0.045)
_COVER_LOGO = (0.04, 0.05, 0.28)


def _boxes(
    size: QSize, with_qr: bool = False
) -> tuple[tuple[_Box, ...], tuple[float, float, float]]:
    if size.height() <= size.width():
        return _COVER_BOXES, _COVER_LOGO
    return (_PORTRAIT_BOXES_QR if with_qr else _PORTRAIT_BOXES), _PORTRAIT_LOGO


def _shows_qr(content: PosterContent, size: QSize) -> bool:
    """QR codes go on the portrait poster only: on the 900×383 cover they would be too small
    to scan."""
    return bool(content.qr_codes) and size.height() > size.width()


def qr_rects(content: PosterContent, size: QSize) -> list[tuple[QRect, QRect]]:
    """Where each QR code and its caption go (none on the cover)."""
    if not _shows_qr(content, size):
        return []
    side = round(_QR_SIDE * size.height())
    caption_h = round(_QR_CAPTION * size.height())
    count = len(content.qr_codes)
    slot = size.width() * 0.88 / count
    top = round(_QR_TOP * size.height())
    places = []
    for n in range(count):
        centre = size.width() * 0.06 + slot * (n + 0.5)
        image = QRect(round(centre - side / 2), top, side, side)
        caption = QRect(round(centre - slot / 2), top + side, round(slot), caption_h)
        places.append((image, caption))
    return places


def poster_layout(content: PosterContent, size: QSize) -> list[PlacedText]:
    """Where every text of the poster goes and in which font (what :func:`draw_poster` draws)."""
    boxes, _logo = _boxes(size, _shows_qr(content, size))
    texts = {
        "county": content.county,
        "tag": "直播预告",
        "programme": content.programme,
        "topic": f"“{content.topic}”",
        "unit": content.unit,
        "official": content.official,
        "when": content.when,
        "footer": content.footer,
    }
    placed = []
    for box in boxes:
        rect = QRectF(
            box.x * size.width(), box.y * size.height(), box.w * size.width(), box.h * size.height()
        ).toAlignedRect()
        flags = int(box.align) | WRAP
        font, text = fitted_text(texts[box.field], rect, box.max_px, box.bold, flags)
        placed.append(PlacedText(box.field, rect, font, flags, text))
    for (caption, _image), (_rect, caption_rect) in zip(
        content.qr_codes, qr_rects(content, size), strict=False
    ):
        flags = int(Qt.AlignmentFlag.AlignCenter)
        max_px = max(MIN_PIXELS, caption_rect.height() - 4)
        font, text = fitted_text(caption, caption_rect, max_px, False, flags)
        placed.append(PlacedText("qr_caption", caption_rect, font, flags, text))
    return placed


def logo_rect(size: QSize) -> QRect:
    """The square slot of the county's logo."""
    (x, y, side) = _boxes(size)[1]
    edge = side * size.height()
    return QRectF(x * size.width(), y * size.height(), edge, edge).toAlignedRect()


def draw_poster(content: PosterContent, size: QSize = PORTRAIT) -> QImage:
    """The poster as an image of ``size`` (PORTRAIT or COVER, or another of the same shape)."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        gradient = QLinearGradient(0, 0, 0, size.height())
        gradient.setColorAt(0.0, QColor(_RED))
        gradient.setColorAt(1.0, QColor(_DARK))
        painter.fillRect(image.rect(), QBrush(gradient))
        _draw_logo(painter, content, logo_rect(size))
        for (_caption, qr), (rect, _caption_rect) in zip(
            content.qr_codes, qr_rects(content, size), strict=False
        ):
            # A white quiet zone around the code: a phone's camera needs it to scan.
            painter.fillRect(rect.adjusted(-6, -6, 6, 6), QColor(_WHITE))
            painter.drawImage(
                rect,
                qr.scaled(
                    rect.size(),
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.FastTransformation,
                ),
            )
        colours = {b.field: b.colour for b in _boxes(size, _shows_qr(content, size))[0]}
        for text in poster_layout(content, size):
            painter.setFont(text.font)
            colour = colours.get(text.field, _WHITE)
            painter.setPen(QColor(colour))
            draw_text(painter, text.rect, text.flags, text.text)
    finally:
        painter.end()
    return image


def _draw_logo(painter: QPainter, content: PosterContent, rect: QRect) -> None:
    if content.logo is not None and not content.logo.isNull():
        scaled = content.logo.scaled(
            rect.size(),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        painter.drawImage(
            rect.x() + (rect.width() - scaled.width()) // 2,
            rect.y() + (rect.height() - scaled.height()) // 2,
            scaled,
        )
        return
    # No logo yet: a round badge with the county's first character keeps the slot visible.
    painter.setPen(QPen(QColor(_GOLD), max(2, rect.width() // 24)))
    painter.setBrush(QColor(255, 255, 255, 30))
    painter.drawEllipse(rect.adjusted(2, 2, -2, -2))
    painter.setPen(QColor(_GOLD))
    painter.setFont(painted_font(max(MIN_PIXELS, rect.height() // 2), True))
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), content.county[:1] or "政")
