"""Posters: every text fits its box and the image, for the longest names and topics of the demo."""

import datetime as dt

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFontMetrics, QImage

from studio.domain.model import SessionStatus
from studio.domain.records import SessionRecord
from studio.store.demo import load_demo_content
from studio.ui.prep.poster import (
    COVER,
    PORTRAIT,
    PosterContent,
    draw_poster,
    logo_rect,
    poster_layout,
    qr_rects,
)

DEMO = load_demo_content()


def _contents():
    longest_unit = max((u["name"] for u in DEMO["units"]), key=len)
    longest_topic = max((t for u in DEMO["units"] for t in u["topics"]), key=len)
    for unit in DEMO["units"]:
        for topic in [*unit["topics"], longest_topic]:
            yield PosterContent(
                county=DEMO["county"],
                programme=f"{DEMO['county']}问政直播间",
                unit=unit["name"] if topic != longest_topic else longest_unit,
                official=" ".join(reversed(unit["official"])),
                topic=topic,
                when="12月31日（周四）15:00—16:00",
            )


def _assert_inside(content, size):
    image = QImage(size, QImage.Format.Format_ARGB32).rect()
    for placed in poster_layout(content, size):
        bounds = QFontMetrics(placed.font).boundingRect(placed.rect, placed.flags, placed.text)
        assert image.contains(placed.rect), placed.field
        assert placed.rect.contains(bounds), (placed.field, placed.text, bounds, placed.rect)
    assert image.contains(logo_rect(size))


@pytest.mark.parametrize("size", [PORTRAIT, COVER], ids=["portrait", "cover"])
def test_demo_texts_fit_unshortened(qapp, size):
    for content in _contents():
        _assert_inside(content, size)
        texts = {p.field: p.text for p in poster_layout(content, size)}
        assert texts["topic"] == f"“{content.topic}”"
        assert texts["unit"] == content.unit


@pytest.mark.parametrize("size", [PORTRAIT, COVER, QSize(540, 960)], ids=["p", "c", "small"])
def test_absurdly_long_text_is_elided_inside(qapp, size):
    content = PosterContent(
        "青山县", "青山县问政直播间", "局" * 80, "局长 " * 30, "主题" * 3000, "时间"
    )
    _assert_inside(content, size)
    topic = next(p for p in poster_layout(content, size) if p.field == "topic")
    assert topic.text.endswith("…")


def test_draw_both_sizes_with_and_without_logo(qapp, tmp_path):
    session = SessionRecord(
        1,
        dt.date(2026, 11, 26),
        dt.time(15),
        dt.time(16),
        1,
        "住房和城乡建设局",
        "住建局",
        "张志强",
        "局长",
        "",
        SessionStatus.READY,
    )
    logo = QImage(64, 64, QImage.Format.Format_ARGB32)
    logo.fill(QColor("#00ff00"))
    for content in (
        PosterContent.of_session(session, "青山县"),
        PosterContent.of_session(session, "青山县", logo),
    ):
        for size in (PORTRAIT, COVER):
            image = draw_poster(content, size)
            assert image.size() == size
            assert image.save(str(tmp_path / f"{size.width()}.png"))
    assert content.topic == "主题待定"
    centre = logo_rect(COVER).center()
    assert draw_poster(content, COVER).pixelColor(centre) == QColor("#00ff00")


def test_qr_codes_and_their_captions_fit_the_portrait_only(qapp):
    code = QImage(40, 40, QImage.Format.Format_ARGB32)
    code.fill(QColor("#000000"))
    for content in list(_contents())[:20]:
        with_qr = PosterContent(
            content.county,
            content.programme,
            content.unit,
            content.official,
            content.topic,
            content.when,
            qr_codes=(
                ("快手 · 青山县人民政府", code),
                ("抖音 · 青山县住房和城乡建设局官方账号", code),
            ),
        )
        _assert_inside(with_qr, PORTRAIT)
        places = qr_rects(with_qr, PORTRAIT)
        texts = [p for p in poster_layout(with_qr, PORTRAIT)]
        footer = next(p.rect for p in texts if p.field == "footer")
        when = next(p.rect for p in texts if p.field == "when")
        for image, caption in places:
            assert not image.intersects(footer) and not image.intersects(when)
            assert not caption.intersects(footer) and caption.top() >= image.bottom()
        assert qr_rects(with_qr, COVER) == []
