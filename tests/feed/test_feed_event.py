"""FeedEvent is a frozen value that survives a JSON round trip (the session recording)."""

import msgspec
import pytest

from studio.domain.feed_event import FeedEvent, FeedEventKind, RejectedFrame
from studio.domain.model import Platform


def test_round_trip_and_frozen() -> None:
    event = FeedEvent(
        kind=FeedEventKind.LIKE,
        platform=Platform.DOUYIN,
        room_key="MS4w",
        msg_id="7260517442466662207",
        received_at=1.5,
        like_count=3,
    )
    encoded = msgspec.json.encode(event)
    assert b'"msg_id":"7260517442466662207"' in encoded
    assert msgspec.json.decode(encoded, type=FeedEvent) == event
    with pytest.raises(AttributeError):
        event.text = "changed"  # type: ignore[misc]


def test_rejected_frame_is_a_value() -> None:
    assert RejectedFrame("gov", "not JSON") == RejectedFrame("gov", "not JSON")
    assert hash(RejectedFrame("gov", "x")) == hash(RejectedFrame("gov", "x"))


def test_kinds_are_the_designed_seven() -> None:
    assert [k.value for k in FeedEventKind] == [
        "comment",
        "like",
        "gift",
        "member",
        "follow",
        "stats",
        "ended",
    ]
