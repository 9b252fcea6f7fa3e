"""mask_pii(): no phone or ID number reaches a screen or an export."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from studio.domain.text import pii
from studio.domain.text.normalise import normalise
from studio.domain.text.pii import (
    DIGIT,
    ID_NUMBER,
    LANDLINE,
    LONG_NUMBER,
    MOBILE,
    MaskResult,
    _mask_once,
    is_valid_id_number,
    mask_pii,
)
from tests.domain.text.strategies import (
    context,
    id_numbers,
    make_id,
    mobile_numbers,
    mobiles_in,
    valid_ids_in,
)

ID = make_id("110105", date(1949, 12, 31), "002")  # 11010519491231002X
ID_DIGIT = make_id("440301", date(1990, 1, 1), "123")


@pytest.mark.parametrize(
    ("text", "masked", "kinds"),
    [
        # mobiles, however written
        ("我的电话13812341234", "我的电话138****1234", {MOBILE}),
        ("电话 138 1234 1234 谢谢", "电话 138****1234 谢谢", {MOBILE}),
        ("138-1234-1234", "138****1234", {MOBILE}),
        ("138.1234.1234", "138****1234", {MOBILE}),
        ("138，1234，1234", "138****1234", {MOBILE}),
        ("1 3 8 1 2 3 4 1 2 3 4", "138****1234", {MOBILE}),
        ("+86 138 1234 1234", "+86 138****1234", {MOBILE}),
        ("+8613812341234", "+86138****1234", {MOBILE}),
        ("0086-13812341234", "0086-138****1234", {MOBILE}),
        ("１３８１２３４１２３４", "138****1234", {MOBILE}),  # fullwidth, not normalised
        ("١٣٨١٢٣٤١٢٣٤", "138****1234", {MOBILE}),  # Arabic-Indic digits
        ("138\u200b1234\u200b1234", "138****1234", {MOBILE}),  # zero-width between groups
        ("13812341234，13912345678", "138****1234，139****5678", {MOBILE}),
        ("13812341234 19912345678", "138****1234 199****5678", {MOBILE}),
        ("213812341234", "2138****1234", {MOBILE}),  # privacy first: inside longer numbers
        ("共1300000，1000户", "共130****1000户", {MOBILE}),  # privacy first: a false alarm
        # ID numbers
        (f"身份证{ID}", "身份证110105********002X", {ID_NUMBER}),
        (f"身份证{ID.lower()}号", "身份证110105********002X号", {ID_NUMBER}),
        ("身份证 110105 19491231 002X", "身份证 110105********002X", {ID_NUMBER}),
        (ID_DIGIT, ID_DIGIT[:6] + "********" + ID_DIGIT[-4:], {ID_NUMBER}),
        (f"{ID}和13812341234", "110105********002X和138****1234", {ID_NUMBER, MOBILE}),
        # landlines: area code + **** + last two digits
        ("0571-88886666", "0571****66", {LANDLINE}),
        ("(010)12345678", "010****78", {LANDLINE}),
        ("（010）12345678", "010****78", {LANDLINE}),
        ("0471 1234567", "0471****67", {LANDLINE}),
        ("办公室02087654321", "办公室020****21", {LANDLINE}),
        ("打 0571-8888 6666 转 123", "打 0571****66 转 123", {LANDLINE}),
        # other long numbers: bank cards, old ID numbers
        ("卡号6222021234567890123", "卡号622202*********0123", {LONG_NUMBER}),
        ("6222 0212 3456 7890", "622202******7890", {LONG_NUMBER}),  # not 021 3456 7890
        # 17 digits: no mobile after six digits, a long number (ID number without its check)
        ("11010519491231002Y", "110105*******1002Y", {LONG_NUMBER}),
        ("110105 19491231 002", "110105*******1002", {LONG_NUMBER}),
        ("6217001391234567890", "621700*********7890", {LONG_NUMBER}),  # not 62170****1234567890
        ("6222 0212 1381 2341 234", "622202*********1234", {LONG_NUMBER}),
        (
            "13812341234，6217001391234567890",
            "138****1234，621700*********7890",
            {MOBILE, LONG_NUMBER},
        ),
        ("0086 138 1234 1234", "0086 138****1234", {MOBILE}),
        ("008613812341234", "0086138****1234", {MOBILE}),
    ],
)
def test_masks(text: str, masked: str, kinds: set[str]) -> None:
    result = mask_pii(text)
    assert result.text == masked
    assert result.found
    assert result.kinds == kinds


@pytest.mark.parametrize(
    "text",
    [
        "主任好，我们小区路灯坏了",
        "金额1380000元",
        "2023年5月1日下午3点",
        "15:00-16:00 直播",
        "打12345热线没人接",
        "订单号12345678901",  # 11 digits, but no mobile (second digit 2)
        "3号楼",  # a building alone (a house number: see test_pii_forms)
        "价格 12.5 元，共 300 份",
        "1381234123",  # 10 digits: not a number that can be dialled
        "02123456789012",  # starts like a Shanghai landline but is longer
        "",
    ],
)
def test_leaves_other_text_alone(text: str) -> None:
    result = mask_pii(text)
    assert result.text == text
    assert not result.found
    assert result.kinds == frozenset()


def test_wrong_check_digit_is_no_id_but_masked_as_a_long_number() -> None:
    assert not is_valid_id_number("110105194912310021")
    result = mask_pii("110105194912310021")
    assert ID_NUMBER not in result.kinds
    assert mobiles_in(result.text) == []
    assert result.text == "110105********0021"  # not 110105194****10021: the birth date


@pytest.mark.parametrize(
    ("number", "valid"),
    [
        (ID, True),
        (ID.lower(), True),
        (ID_DIGIT, True),
        ("110105194912310021", False),  # check digit
        (make_id("110105", date(1949, 12, 31), "002")[:-1] + "0", False),
        ("11010518990101" + "0000", False),  # year 1899 (check digit aside)
        ("1101051949123100", False),  # too short
        ("11010519491331002X", False),  # month 13
        ("１１０１０５１９４９１２３１００２X", False),  # not ASCII
    ],
)
def test_is_valid_id_number(number: str, valid: bool) -> None:
    assert is_valid_id_number(number) is valid


def test_february_29_only_in_leap_years() -> None:
    assert is_valid_id_number(make_id("110105", date(2000, 2, 29), "001"))
    first17 = "11010519010229001"  # 1901 is no leap year
    assert not any(is_valid_id_number(first17 + c) for c in "0123456789X")


@settings(deadline=None)
@given(context, mobile_numbers(), context)
def test_no_mobile_number_survives(before: str, number: tuple[str, str], after: str) -> None:
    digits, written = number
    text = before + written + after
    for masked in (mask_pii(text).text, mask_pii(normalise(text)).text):
        assert mobiles_in(masked) == []
        assert digits not in masked
    assert mask_pii(text).found


@settings(deadline=None)
@given(context, id_numbers(), context)
def test_no_valid_id_number_survives(before: str, number: tuple[str, str], after: str) -> None:
    _, written = number
    text = before + written + after
    for masked in (mask_pii(text).text, mask_pii(normalise(text)).text):
        assert valid_ids_in(masked) == []
        assert mobiles_in(masked) == []


@settings(deadline=None)
@given(mobile_numbers(), id_numbers())
def test_alone_they_mask_to_the_documented_form(
    mobile: tuple[str, str], id_number: tuple[str, str]
) -> None:
    digits, written = mobile
    masked = mask_pii(normalise(written)).text
    assert masked.endswith(digits[:3] + "****" + digits[-4:])
    number, written = id_number
    assert mask_pii(normalise(written)).text == number[:6] + "*" * 8 + number[-4:]


@settings(deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text("0123456789 -.+()xX", max_size=60),
        st.builds(lambda a, n, b: a + n[1] + b, context, mobile_numbers(), context),
        st.builds(lambda a, n, b: a + n[1] + b, context, id_numbers(), context),
    )
)
def test_masking_is_idempotent(text: str) -> None:
    once = mask_pii(text)
    twice = mask_pii(once.text)
    assert twice.text == once.text
    assert not twice.found
    assert len(once.text) <= len(text)


@settings(deadline=None)
@given(st.text())
def test_text_without_digits_is_unchanged(text: str) -> None:
    # (e-mail addresses and WeChat ids need no digit: see test_pii_forms)
    assume(not re.search(DIGIT, text) and not re.search("[@\uff20]|wx|vx|微信|v信", text, re.I))
    result = mask_pii(text)
    assert result.text == text
    assert not result.found


# Words without digits or number separators (see pii.SEPARATORS: not even a comma or 。),
# without the units of a house number (号, 栋, 单元 …), and numbers too short to be personal data.
_words = st.text("主任好小路灯坏了元年月日点ABCxyz！？", min_size=1, max_size=8)
_short_numbers = st.integers(0, 10**10 - 1).map(str)


@settings(deadline=None)
@given(st.lists(st.tuples(_words, _short_numbers), max_size=6), _words)
def test_short_numbers_are_unchanged(parts: list[tuple[str, str]], tail: str) -> None:
    text = "".join(word + number for word, number in parts) + tail
    result = mask_pii(text)
    assert result.text == text
    assert not result.found


_hints = st.text("13579０８〇三幺@＠.-_ 号栋单元室组路村微信QqVvXxwid:：", max_size=30)


@settings(deadline=None)
@given(
    st.one_of(st.text(max_size=40), _hints, st.builds(str.__add__, st.text(max_size=10), _hints))
)
def test_the_quick_checks_never_skip_a_mask(text: str) -> None:
    """Each step runs only after a cheap question; a "no" must mean the step finds nothing."""
    kinds: set[str] = set()
    if not pii._FIVE_DIGITS.search(text):
        assert pii._mask_numbers(text, kinds) == text
    if not pii._CONTACT_WORD_ONLY.search(text):
        assert pii._mask_contact_numbers(text, kinds) == text
        assert "wxid_" in text or not pii._WECHAT_ID.search(text)
    if "@" not in text and "\uff20" not in text:
        assert not pii._EMAIL.search(text)
    if not pii._ADDRESS_HINT.search(text):
        assert not pii._HOUSE.search(text)
    assert not kinds


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",)), max_size=60))
def test_text_without_anything_personal_takes_the_fast_path(text: str) -> None:
    assume(not re.search(DIGIT, text) and not re.search("[@\uff20]|wx|vx|微信|v信", text, re.I))
    kinds: set[str] = set()
    assert _mask_once(text, kinds) is text and not kinds
    assert mask_pii(text) == MaskResult(text, False, frozenset())
