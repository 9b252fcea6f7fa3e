"""SensitiveWords: the configurable list of words the moderator should see flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.domain.text.keywords import fold_keyword
from studio.domain.text.screening import (
    Match,
    SensitiveWords,
    load_sensitive_words,
    parse_word_list,
)

DEFAULT_LIST = Path(__file__).parents[3] / "resources" / "rules" / "sensitive_words.txt"


@pytest.fixture(scope="module")
def words() -> SensitiveWords:
    return SensitiveWords(["加微信", "私聊", "代开发票", "刷单", "傻逼", "sb", "加v"])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("要发票的加微信", [Match(4, 7, "加微信")]),
        ("加 微 信", [Match(0, 5, "加微信")]),
        ("加。微。信", [Match(0, 5, "加微信")]),
        ("代開發票，刷單", [Match(0, 4, "代开发票"), Match(5, 7, "刷单")]),
        ("加V私聊", [Match(0, 2, "加v"), Match(2, 4, "私聊")]),
        ("你个SB", [Match(2, 4, "sb")]),
        ("usb接口坏了", []),
        ("主任好，路灯坏了", []),
        ("", []),
    ],
)
def test_find(words: SensitiveWords, text: str, found: list[Match]) -> None:
    assert words.find(text) == found


def test_spans_point_at_what_the_viewer_wrote(words: SensitiveWords) -> None:
    text = "请 加-微-信 详谈"
    (match,) = words.find(text)
    assert text[match.start : match.end] == "加-微-信"


def test_parse_word_list() -> None:
    text = "# comment\n加微信\n\n  私聊  # why\n#only comment\n"
    assert parse_word_list(text) == ["加微信", "私聊"]


def test_load(tmp_path: Path) -> None:
    path = tmp_path / "words.txt"
    path.write_text("\ufeff刷单\n# x\n", encoding="utf-8")
    assert load_sensitive_words(path).find("不刷单") == [Match(1, 3, "刷单")]


def test_default_list_is_usable() -> None:
    words = parse_word_list(DEFAULT_LIST.read_text(encoding="utf-8"))
    assert len(words) >= 40
    assert len(set(words)) == len(words), "no duplicates"
    for word in words:
        assert len(fold_keyword(word)) >= 2, f"{word!r} is too short to match safely"
    screening = load_sensitive_words(DEFAULT_LIST)
    assert len(screening) == len(words)
    for text in ["加 微 信 领红包", "代開發票", "刷单兼职日结", "你就是个傻逼"]:
        assert screening.find(text), text
    for text in ["垃圾分类怎么做", "主任好，路灯坏了半个月", "低保怎么申请", "usb充电口"]:
        assert screening.find(text) == [], text
