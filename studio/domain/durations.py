"""The one place that formats and parses durations and clock times for people."""

from __future__ import annotations

import math
import re

_MMSS = re.compile(r"^\s*(?:(\d+):)?(\d{1,3}):(\d{2})\s*$")


def format_duration(seconds: float, *, signed: bool = False) -> str:
    """Format seconds as ``m:ss`` or ``h:mm:ss``, rounding towards the larger magnitude.

    A countdown must not show 0:00 while time is still left, so positive fractions round up
    and negative ones (overtime) round down in magnitude the same way.

    Args:
        seconds: the duration; negative for overtime.
        signed: prefix ``+`` for positive values (``-`` is always shown).
    """
    negative = seconds < 0
    whole = math.ceil(abs(seconds)) if not negative else math.floor(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    if negative and whole:
        return "-" + text
    if signed and whole and not negative:
        return "+" + text
    return text


def parse_duration(text: str) -> int:
    """Parse ``mm:ss`` or ``h:mm:ss`` (or plain seconds) into whole seconds.

    Raises:
        ValueError: the text is not a duration; the message says what was expected.
    """
    stripped = text.strip()
    if stripped.isdigit():
        return int(stripped)
    match = _MMSS.match(stripped)
    if not match:
        raise ValueError(f"not a duration (mm:ss): {text!r}")
    hours, minutes, secs = match.groups()
    if int(secs) >= 60:
        raise ValueError(f"seconds must be below 60: {text!r}")
    if hours is not None and int(minutes) >= 60:
        raise ValueError(f"minutes must be below 60: {text!r}")
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(secs)
