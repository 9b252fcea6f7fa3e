"""normalise(): one canonical, visible, bounded form of a comment."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.domain.text.normalise import ELLIPSIS, _nfkc_keeping_wide_punctuation, normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("主任好", "主任好"),
        ("  主任\t好 \n", "主任 好"),
        (
            "ＡＢＣ１２３！",
            "ABC123！",
        ),  # letters and digits folded by NFKC, Chinese punctuation kept
        ("路灯坏了？（急）", "路灯坏了？（急）"),
        ("加\u200b微\u200c信\u200d", "加微信"),  # zero-width characters
        ("\u202e反转\u202c文字\u2066x\u2069", "反转文字x"),  # bidi controls
        ("\ufeff开头有BOM", "开头有BOM"),
        ("soft\u00adhyphen", "softhyphen"),
        ("a\x00b\x07c\x1bd", "abcd"),  # C0 controls dropped
        ("line1\r\nline2\x85line3", "line1 line2 line3"),  # line breaks become spaces
        ("全角\u3000空格\u00a0不换行", "全角 空格 不换行"),
        ("\u3164\u3164", ""),  # Hangul fillers: a "blank" comment
        ("㍻", "平成"),
        ("①②③", "123"),
        ("e\u0301", "é"),
        ("x\u0301\u0302\u0303\u0304\u0305\u0306", "x\u0301\u0302\u0303"),  # zalgo capped
        ("\ud800孤立代理", "孤立代理"),  # lone surrogate
        ("", ""),
        ("   ", ""),
    ],
)
def test_table(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_long_text_is_cut_with_an_ellipsis() -> None:
    assert normalise("啊" * 20, max_len=10) == "啊" * 9 + ELLIPSIS


def test_a_number_cut_in_half_is_dropped_whole() -> None:
    text = "电话 138 1234 1234 谢谢"
    result = normalise(text, max_len=12)
    assert result == "电话" + ELLIPSIS
    assert not any(c.isdigit() for c in result)


def test_cut_after_a_whole_number_keeps_it() -> None:
    assert normalise("共123个人来了", max_len=6) == "共123个" + ELLIPSIS


def test_expanding_characters_are_bounded() -> None:
    assert len(normalise("\ufdfa" * 1000, max_len=50)) <= 50


def test_max_len_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_len"):
        normalise("x", max_len=0)


WIDE_TO_ASCII = str.maketrans("！（），：；？", "!(),:;?")


@settings(deadline=None)
@given(st.text(), st.integers(1, 600))
def test_properties(text: str, max_len: int) -> None:
    once = normalise(text, max_len)
    assert len(once) <= max_len
    assert normalise(once, max_len) == once  # idempotent
    # NFKC everywhere but the Chinese punctuation it would fold to ASCII.
    assert unicodedata.is_normalized("NFKC", once.translate(WIDE_TO_ASCII))
    assert once == once.strip()
    assert "  " not in once
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in once)


@settings(deadline=None)
@given(st.text(st.characters(codec=None, categories=None), max_size=50))
def test_any_code_point_including_surrogates(text: str) -> None:
    once = normalise(text)
    once.encode("utf-8")  # storable and displayable
    assert normalise(once) == once


@given(
    st.lists(
        st.one_of(st.text(max_size=8), st.sampled_from(list("！（），：；？，。、"))), max_size=8
    ).map("".join)
)
def test_keeping_wide_punctuation_fast_path_is_the_full_conversion(text: str) -> None:
    parts = re.split("([\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f])", text)
    expected = "".join(
        part if n % 2 else unicodedata.normalize("NFKC", part) for n, part in enumerate(parts)
    )
    assert _nfkc_keeping_wide_punctuation(text) == expected
