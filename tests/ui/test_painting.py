"""Painted text (posters, referral cards): Chinese line breaking, fitting, plain text."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect

from studio.ui.painting import (
    NOT_AT_END,
    NOT_AT_START,
    WRAP,
    fitted_text,
    painted_font,
    wrapped_lines,
)

QUESTION = "我家老人今年七十多了，低保申请交上去三个月了一直没有消息，村里说等乡里，乡里说等县里，到底卡在哪个环节？（急）电话139****5678"


@pytest.mark.parametrize("width", range(180, 900, 37))
def test_no_line_starts_with_closing_punctuation_or_ends_with_an_opening_one(qapp, width):
    lines = wrapped_lines(QUESTION, painted_font(40, True), width)
    assert "".join(lines) == QUESTION
    assert len(lines) > 1
    for line in lines[1:]:
        assert line[0] not in NOT_AT_START, lines
    for line in lines[:-1]:
        assert line.rstrip()[-1] not in NOT_AT_END, lines


#: Phrases of a few characters, each with at most one mark of punctuation around it.
PHRASE = st.tuples(
    st.sampled_from(["", "（", "《", "“"]),
    st.text(alphabet="问政直播低保怎么办理乡里县里", min_size=1, max_size=8),
    st.sampled_from(["", "，", "。", "？", "！", "、", "）", "》", "”"]),
).map("".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(PHRASE, min_size=3, max_size=20), st.integers(min_value=160, max_value=600))
def test_the_rules_hold_for_any_text(qapp, phrases, width):
    """For text as written (a mark of punctuation at a time, lines of four characters or
    more), no line starts with closing punctuation or ends with an opening one."""
    text = "".join(phrases)
    lines = wrapped_lines(text, painted_font(32), width)
    assert "".join(lines) == text
    for line in lines[1:]:
        assert line[0] not in NOT_AT_START, lines
    for line in lines[:-1]:
        assert line.rstrip()[-1] not in NOT_AT_END, lines


def test_a_long_run_without_break_opportunities_is_broken_rather_than_cut(qapp):
    text = "https://example.gov.cn/" + "a" * 200
    font, shown = fitted_text(text, QRect(0, 0, 400, 400), 40, False, WRAP)
    assert shown == text  # fits by wrapping anywhere inside the run, nothing elided
    assert len(wrapped_lines(text, font, 400)) > 1


def test_a_text_too_long_for_its_box_is_elided_at_the_smallest_size(qapp):
    font, shown = fitted_text(QUESTION * 20, QRect(0, 0, 300, 60), 40, False, WRAP)
    assert font.pixelSize() == 12 and shown.endswith("…") and len(shown) < len(QUESTION * 20)
