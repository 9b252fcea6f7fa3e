"""The referral card: one ticket as an image for a department's work group (WeChat, DingTalk).

What the county head did by screenshot every night, made by the app: the ticket's number, the
unit, the category, the due date, the question as asked (masked), who asked, in which room and
when, and in which session. Drawn with QPainter onto a QImage like the posters; every text is
painted as plain text and shrinks (then is elided) until it fits its box.

The card's words are Chinese whatever the interface language: it goes to the county's
departments, like the posters and the 转办单.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from studio.ui.painting import WRAP, draw_text, fitted_text

CARD = QSize(900, 1200)

_RED = "#b3261e"
_INK = "#1f1f1f"
_GREY = "#5f6368"
_LINE = "#dadce0"
_PAPER = "#ffffff"


@dataclass(frozen=True)
class CardContent:
    """What a card says (all plain text, already masked where it is a viewer's).

    Attributes:
        county: the studio's name for the header (e.g. 青山县问政直播间).
        number: the ticket's number (ZB-0012).
        unit: the unit it is dispatched to ("" before dispatch).
        category: the category in words (咨询, 求助 …).
        due: the due date in words (2026-12-07（5 个工作日）).
        question: the question as asked, masked.
        nickname: the asker's nickname, masked.
        others: how many other viewers asked the same.
        room: platform and room in words (抖音 · 县政府号).
        asked_at: when it was asked, studio time.
        session: the session in words (2026-12-02 民政局).
        status: the ticket's status in words.
    """

    county: str
    number: str
    unit: str
    category: str
    due: str
    question: str
    nickname: str
    others: int
    room: str
    asked_at: str
    session: str
    status: str = ""


@dataclass(frozen=True)
class _Row:
    label: str
    text: str


def _rows(content: CardContent) -> list[_Row]:
    asker = content.nickname or "（未留名）"
    if content.others:
        asker += f"（另有 {content.others} 位观众问了同一问题）"
    rows = [
        _Row("承办单位", content.unit or "待派单"),
        _Row("类别", content.category),
        _Row("办理时限", content.due),
        _Row("诉求人", asker),
        _Row("来源", f"{content.room} · {content.asked_at}"),
        _Row("场次", content.session),
    ]
    if content.status:
        rows.append(_Row("状态", content.status))
    return rows


def draw_card(content: CardContent, size: QSize = CARD) -> QImage:
    """The card as an image of ``size``."""
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(_PAPER))
    width, height = size.width(), size.height()
    margin = width // 18
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        band = height // 7
        painter.fillRect(QRect(0, 0, width, band), QColor(_RED))
        painter.setPen(QColor(_PAPER))
        _text(
            painter,
            QRect(margin, band // 8, width - 2 * margin, band * 3 // 8),
            content.county,
            band // 5,
            False,
            Qt.AlignmentFlag.AlignLeft,
        )
        _text(
            painter,
            QRect(margin, band * 7 // 16, width - 2 * margin, band // 2),
            f"转办单  {content.number}",
            band * 2 // 5,
            True,
            Qt.AlignmentFlag.AlignLeft,
        )
        top = band + margin // 2
        row_height = height // 16
        label_width = width // 4
        for row in _rows(content):
            painter.setPen(QColor(_GREY))
            _text(
                painter,
                QRect(margin, top, label_width, row_height),
                row.label,
                row_height * 2 // 5,
                False,
                Qt.AlignmentFlag.AlignLeft,
            )
            painter.setPen(QColor(_INK))
            _text(
                painter,
                QRect(margin + label_width, top, width - 2 * margin - label_width, row_height),
                row.text,
                row_height * 2 // 5,
                False,
                Qt.AlignmentFlag.AlignLeft,
            )
            top += row_height
            painter.setPen(QPen(QColor(_LINE), 1))
            painter.drawLine(margin, top - 2, width - margin, top - 2)
        top += margin // 3
        painter.setPen(QColor(_GREY))
        _text(
            painter,
            QRect(margin, top, width, row_height),
            "诉求内容",
            row_height * 2 // 5,
            False,
            Qt.AlignmentFlag.AlignLeft,
        )
        top += row_height
        painter.setPen(QColor(_INK))
        question = QRect(margin, top, width - 2 * margin, height - top - margin * 2)
        _text(
            painter,
            question,
            content.question,
            row_height * 3 // 5,
            True,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )
        painter.setPen(QColor(_GREY))
        _text(
            painter,
            QRect(margin, height - margin * 3 // 2, width - 2 * margin, margin),
            "请在办理时限内签收、办理并答复；答复将在直播“转办回音”环节播报。",
            margin * 2 // 5,
            False,
            Qt.AlignmentFlag.AlignLeft,
        )
    finally:
        painter.end()
    return image


def _text(
    painter: QPainter,
    rect: QRect,
    text: str,
    max_px: int,
    bold: bool,
    align: Qt.AlignmentFlag,
) -> None:
    flags = (
        int(align | Qt.AlignmentFlag.AlignVCenter)
        if not align & Qt.AlignmentFlag.AlignTop
        else int(align)
    )
    flags |= WRAP
    font, shown = fitted_text(text, rect, max(max_px, 12), bold, flags)
    painter.setFont(font)
    draw_text(painter, rect, flags, shown)
