"""The rules every adapter applies to a raw frame: size, encoding, JSON shape, field bounds."""

from __future__ import annotations

from typing import TypeVar

import msgspec

from studio.domain.feed_event import (
    MAX_FIELD_CHARS,
    MAX_FRAME_BYTES,
    MAX_TEXT_CHARS,
    FeedEvent,
    RejectedFrame,
)

T = TypeVar("T")

ParseResult = list[FeedEvent] | RejectedFrame
"""What every adapter returns for one frame."""

Number = int | str
"""A JSON number, or a number sent as a string (protojson sends 64-bit integers that way)."""

_MAX_UINT64 = (1 << 64) - 1
#: Counts (likes, viewers, gifts) are kept at most this big: exact in a double, so in JSON and
#: a chart, and in any 64-bit column. No real room comes near it; a bigger one is a tool's bug.
MAX_COUNT = 2**53 - 1


class FrameRejected(Exception):
    """Raised inside an adapter to give up on a frame; turned into ``RejectedFrame`` at its edge."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_size(raw: str | bytes) -> None:
    """Reject frames over ``MAX_FRAME_BYTES`` (UTF-8 size for text) before any parsing."""
    if len(raw) > MAX_FRAME_BYTES:
        raise FrameRejected("frame too large")
    # A character is at most 4 UTF-8 bytes: only near the limit is it worth encoding to measure.
    if (
        isinstance(raw, str)
        and len(raw) * 4 > MAX_FRAME_BYTES
        and len(raw.encode("utf-8", "surrogatepass")) > MAX_FRAME_BYTES
    ):
        raise FrameRejected("frame too large")


_DECODERS: dict[type, msgspec.json.Decoder[object]] = {}


def _decoder(type_: type[T]) -> msgspec.json.Decoder[T]:
    """A decoder for ``type_``, made once: building one per frame costs more than decoding."""
    found = _DECODERS.get(type_)
    if found is None:
        found = _DECODERS[type_] = msgspec.json.Decoder(type_)
    return found  # type: ignore[return-value]


def decode(raw: str | bytes, type_: type[T], what: str = "frame") -> T:
    """Decode JSON text into ``type_``, mapping every failure to a short rejection reason."""
    try:
        return _decoder(type_).decode(raw)
    except msgspec.ValidationError as error:
        # msgspec names the expected type and the path of our own field, never frame content.
        raise FrameRejected(f"bad {what}: {error}"[:120]) from None
    except (msgspec.DecodeError, UnicodeError):
        # The category is ours to decide: msgspec's wording for bad UTF-8 differs by release
        # (0.23 reports it as a JSON error). Only a rejected frame pays for this check.
        reason = "is not UTF-8" if not _is_utf8(raw) else "is not JSON"
        raise FrameRejected(f"{what} {reason}") from None
    except RecursionError:
        raise FrameRejected(f"{what} is nested too deeply") from None


def _is_utf8(raw: str | bytes) -> bool:
    """Whether ``raw`` is (or encodes to) valid UTF-8; lone surrogates in text are not."""
    try:
        if isinstance(raw, str):
            raw.encode("utf-8")
        else:
            raw.decode("utf-8")
    except UnicodeError:
        return False
    return True


def id_text(value: Number | None) -> str:
    """An id as text; ``""`` for absent, empty or zero (C#'s and protobuf's "unset")."""
    if value is None or value == 0 or value == "0":
        return ""
    text = str(value) if isinstance(value, int) else value
    if len(text) > MAX_FIELD_CHARS:
        raise FrameRejected("id too long")
    return text


def name_text(value: str | None) -> str:
    """A nickname, gift name or similar short field; ``""`` when absent."""
    if value is None:
        return ""
    if len(value) > MAX_FIELD_CHARS:
        raise FrameRejected("name too long")
    return value


def viewer_text(value: str | None) -> str:
    """A comment or description; rejected, never cut, when over ``MAX_TEXT_CHARS``."""
    if value is None:
        return ""
    if len(value) > MAX_TEXT_CHARS:
        raise FrameRejected("text too long")
    return value


def count(value: Number | None) -> int | None:
    """A non-negative count, from a JSON number or a decimal string, at most ``MAX_COUNT``
    (bounded here, where it is parsed, so no later sum or column overflows); ``None`` when
    absent."""
    if value is None:
        return None
    if isinstance(value, str):
        if not (value.isascii() and value.isdigit() and len(value) <= 20):
            raise FrameRejected("bad count")
        value = int(value)
    if not 0 <= value <= _MAX_UINT64:
        raise FrameRejected("bad count")
    return min(value, MAX_COUNT)


def synthetic_id(prefix: str, kind: str, received_at: float) -> str:
    """An id for room facts (stats, ended) a tool sends without one; they are never deduplicated
    against viewer messages, so receive time is unique enough."""
    return f"{prefix}:{kind}:{round(received_at * 1000)}"


def reject_unexpected(room_key: str, error: Exception) -> RejectedFrame:
    """The last line of defence: an adapter bug must cost one frame, not the connection."""
    return RejectedFrame(room_key, f"adapter error: {type(error).__name__}")
