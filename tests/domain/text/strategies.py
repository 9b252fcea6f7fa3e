"""Hypothesis strategies and oracles shared by the text pipeline's tests."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from hypothesis import strategies as st

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

# The oracle's idea of "a number as written": digits (any script) joined by up to three
# spaces, dashes or dots — a subset of what the masker joins, so it can only be laxer.
_ORACLE_RUN = re.compile(r"\d(?:[\s\-.]{0,3}\d)*(?:[\s\-.]{0,3}[Xx])?")


def id_check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits of an ID number."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def make_id(area: str, born: date, sequence: str) -> str:
    first17 = f"{area}{born:%Y%m%d}{sequence}"
    return first17 + id_check_char(first17)


def _digits_of_runs(text: str) -> list[str]:
    runs = []
    for run in _ORACLE_RUN.finditer(text):
        runs.append(
            "".join(
                str(unicodedata.decimal(c)) if c not in "Xx" else "X"
                for c in run.group()
                if c in "Xx" or unicodedata.decimal(c, None) is not None
            )
        )
    return runs


def mobiles_in(text: str) -> list[str]:
    """Every 11-digit mainland mobile number anywhere in the numbers written in ``text``."""
    found = []
    for digits in _digits_of_runs(text):
        found += [
            digits[i : i + 11]
            for i in range(len(digits) - 10)
            if re.fullmatch(r"1[3-9]\d{9}", digits[i : i + 11])
        ]
    return found


def valid_ids_in(text: str) -> list[str]:
    """Every valid 18-character ID number anywhere in the numbers written in ``text``."""
    found = []
    for digits in _digits_of_runs(text):
        for i in range(len(digits) - 17):
            window = digits[i : i + 18]
            if window[:17].isdigit() and _plausible_id(window):
                found.append(window)
    return found


def _plausible_id(number: str) -> bool:
    if id_check_char(number[:17]) != number[17]:
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return 1900 <= born.year <= 2099


_SEPARATORS = st.sampled_from([" ", "-", ".", "  ", " - ", "\u3000", "\u2014", "\u00a0"])


def _written(draw: st.DrawFn, digits: str, max_splits: int) -> str:
    """``digits`` split into groups by separators, maybe in fullwidth digits."""
    cuts = draw(st.sets(st.integers(1, len(digits) - 1), max_size=max_splits))
    out = []
    for i, digit in enumerate(digits):
        if i in cuts:
            out.append(draw(_SEPARATORS))
        out.append(digit)
    text = "".join(out)
    if draw(st.booleans()):
        text = text.translate(_FULLWIDTH)
    return text


@st.composite
def mobile_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(the 11 digits, the number as a viewer might write it: groups, +86/0086, fullwidth)."""
    digits = (
        "1" + draw(st.sampled_from("3456789")) + draw(st.text("0123456789", min_size=9, max_size=9))
    )
    prefix = draw(st.sampled_from(["", "+86", "+86 ", "+86-", "0086", "0086 ", "86", "(+86)"]))
    return digits, prefix + _written(draw, digits, max_splits=10)


@st.composite
def id_numbers(draw: st.DrawFn) -> tuple[str, str]:
    """(the 18 characters, the ID number as written: maybe grouped, lower-case x, fullwidth)."""
    area = draw(st.sampled_from("123456789")) + draw(st.text("0123456789", min_size=5, max_size=5))
    born = draw(st.dates(date(1900, 1, 1), date(2099, 12, 31)))
    sequence = draw(st.text("0123456789", min_size=3, max_size=3))
    number = make_id(area, born, sequence)
    written = _written(draw, number, max_splits=4)
    if draw(st.booleans()):
        written = written.replace("X", "x")
    return number, written


#: Text around a number: anything at all, or something like a comment.
context = st.one_of(
    st.text(max_size=30),
    st.text("我的电话是身份证号请联系0123456789 -.+()xX，：", max_size=15),
)


# -- numbers as viewers disguise them, and an oracle that reads them back ---------------------
#: Chinese numerals for each digit, as viewers write them (an oracle of its own, not pii's).
CHINESE_DIGITS = {
    "0": "〇零",
    "1": "一幺壹",
    "2": "二贰",
    "3": "三叁",
    "4": "四肆",
    "5": "五伍",
    "6": "六陆",
    "7": "七柒",
    "8": "八捌",
    "9": "九玖",
}
_CHINESE_VALUE = {c: d for d, cs in CHINESE_DIGITS.items() for c in cs}
#: Separators between digit groups, emoji included.
DISGUISING_SEPARATORS = [" ", "-", ".", "🙂", "❤️", "👍🏻", "、", "~", "|", "_", "\u3000", "—"]


def _digit_of(char: str) -> str | None:
    if char in _CHINESE_VALUE:
        return _CHINESE_VALUE[char]
    value = unicodedata.decimal(char, None)
    return None if value is None else str(value)


def visible_digit_runs(text: str) -> list[str]:
    """The digits a reader can see in ``text``, as ASCII, one string per run.

    A run ends at ``*`` and at a letter or ideograph (other than a Chinese numeral); anything
    else (spaces, punctuation, emoji) is read across, as a reader would.
    """
    runs, current = [], []
    for char in text:
        digit = _digit_of(char)
        if digit is not None:
            current.append(digit)
        elif char == "*" or unicodedata.category(char).startswith("L"):
            if current:
                runs.append("".join(current))
            current = []
    if current:
        runs.append("".join(current))
    return runs


def shows_digits_of(text: str, secret: str, at_least: int = 5) -> bool:
    """Whether ``at_least`` digits of ``secret`` in a row can be read in ``text``."""
    windows = {secret[i : i + at_least] for i in range(len(secret) - at_least + 1)}
    return any(w in run for run in visible_digit_runs(text) for w in windows)


@st.composite
def disguised(draw: st.DrawFn, digits: str, max_splits: int = 4) -> str:
    """``digits`` written with Chinese numerals, fullwidth or ASCII digits (mixed), and split
    by separators emoji included."""
    cuts = draw(st.sets(st.integers(1, len(digits) - 1), max_size=max_splits))
    style = draw(st.sampled_from(["ascii", "fullwidth", "chinese", "mixed"]))
    out = []
    for i, digit in enumerate(digits):
        if i in cuts:
            out.append(draw(st.sampled_from(DISGUISING_SEPARATORS)))
        kind = (
            draw(st.sampled_from(["ascii", "fullwidth", "chinese"])) if style == "mixed" else style
        )
        if kind == "chinese":
            out.append(draw(st.sampled_from(CHINESE_DIGITS[digit])))
        elif kind == "fullwidth":
            out.append(digit.translate(_FULLWIDTH))
        else:
            out.append(digit)
    return "".join(out)


#: Words around personal data that hold no digit and join nothing.
words = st.sampled_from(
    [
        "",
        "我的电话",
        "身份证",
        "卡号",
        "请联系",
        "低保的事，",
        "医保",
        "拆迁补偿",
        "谢谢",
        "主任好：",
    ]
)
