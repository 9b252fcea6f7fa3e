"""The one duration format: a countdown never shows 00:00 while time is left."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.domain.durations import format_duration, parse_duration


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "00:00"),
        (0.2, "00:01"),
        (59.5, "01:00"),
        (300, "05:00"),
        (3600, "1:00:00"),
        (-61, "-01:01"),
    ],
)
def test_format(seconds, text):
    assert format_duration(seconds) == text


def test_signed_shows_a_plus():
    assert format_duration(90, signed=True) == "+01:30"


@pytest.mark.parametrize(
    ("text", "seconds"), [("05:00", 300), ("1:02:03", 3723), ("90", 90), (" 12:30 ", 750)]
)
def test_parse(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "5", "5:60", "abc", "1:60:00", "-1:00"])
def test_parse_rejects_what_is_not_a_duration(text):
    if text.isdigit():
        assert parse_duration(text) == int(text)
        return
    with pytest.raises(ValueError):
        parse_duration(text)


@given(st.integers(min_value=0, max_value=10 * 3600))
def test_round_trip(seconds):
    assert parse_duration(format_duration(seconds)) == seconds
