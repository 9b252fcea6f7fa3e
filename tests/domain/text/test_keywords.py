"""fold() and KeywordIndex: matching that sees through case, script and separators."""

from __future__ import annotations

import opencc
import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.domain.text.keywords import KeywordIndex, fold, fold_keyword, to_simplified


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("加微信", "加微信"),
        ("加 微-信。", "加微信"),
        ("綠化帶", "绿化带"),
        ("VX号", "vx号"),
        ("", ""),
        ("，。！", ""),
    ],
)
def test_fold(text: str, key: str) -> None:
    assert fold(text).key == key


def test_fold_maps_back_to_the_source() -> None:
    folded = fold("请 加 微 信 谢谢")
    start = folded.key.index("加微信")
    assert folded.source_span(start, start + 3) == (2, 7)
    assert folded.source[2:7] == "加 微 信"


def test_to_simplified_keeps_length() -> None:
    for text in ["乾隆年間的乾燥天氣", "頭髮", "於是", "abc", "😀學校"]:
        assert len(to_simplified(text)) == len(text)
    assert to_simplified("學校") == "学校"


def test_fold_keyword_normalises_first() -> None:
    assert fold_keyword("ＶＸ") == "vx"
    assert fold_keyword(" 加\u200b微信 ") == "加微信"


def test_index_longest_and_overlapping() -> None:
    index = KeywordIndex([("微信", 1), ("加微信", 2), ("信用", 3)])
    folded = fold("加微信用户")
    assert [(h.start, h.end, h.value) for h in index.find(folded)] == [(0, 3, 2)]
    overlapping = {(h.start, h.end, h.value) for h in index.find(folded, overlapping=True)}
    assert overlapping == {(0, 3, 2), (1, 3, 1), (2, 4, 3)}


@pytest.mark.parametrize(
    ("text", "hit"),
    [("你是sb吧", True), ("SB!", True), ("s b", True), ("usb接口", False), ("sbx", False)],
)
def test_ascii_keywords_match_whole_words(text: str, hit: bool) -> None:
    index = KeywordIndex([("sb", "sb")])
    assert bool(list(index.find(fold(text)))) is hit


def test_empty_index() -> None:
    index: KeywordIndex[int] = KeywordIndex([("", 1), ("。", 2)])
    assert len(index) == 0
    assert list(index.find(fold("anything"))) == []


# -- fast paths: the same answers as the slow ones ---------------------------------------------

_CONVERTER = opencc.OpenCC("t2s")


@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40))
def test_ascii_is_never_converted(text: str) -> None:
    assert to_simplified(text) == text == _CONVERTER.convert(text)


@given(st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_remembering_the_last_text_changes_no_answer(texts: list[str]) -> None:
    # Repeated and alternating texts: each answer as if computed afresh.
    for text in [*texts, *texts, texts[0], texts[0]]:
        text = text.replace("\ud800", "")  # lone surrogates cannot be converted at all
        try:
            expected = _CONVERTER.convert(text)
        except UnicodeEncodeError:
            continue
        if len(expected) == len(text):
            assert to_simplified(text) == expected
        folded = fold(text)
        assert folded.source == text
        assert fold(text) == folded


def test_fold_after_a_different_text_is_that_texts_fold() -> None:
    first, second = fold("綠化 帶"), fold("加-微信")
    assert (first.key, second.key) == ("绿化带", "加微信")
    assert fold("綠化 帶") == first
