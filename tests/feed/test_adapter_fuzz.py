"""Whatever arrives, every adapter answers with events or a rejection, and never raises."""

import json
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studio.domain.feed_event import MAX_TEXT_CHARS, FeedEvent, RejectedFrame
from studio.feed.adapters import BarrageGrabAdapter, DouyinLiveAdapter, KuaishouAdapter

Parse = Callable[[str | bytes, float], list[FeedEvent] | RejectedFrame]

FUZZ = settings(
    max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)

# JSON-ish values, with the field names and types the adapters look for mixed in, so
# examples get past the first checks and into the per-kind code.
NAMES = [
    "Type",
    "Data",
    "ProcessName",
    "MsgId",
    "User",
    "Onwer",
    "Content",
    "RoomId",
    "WebRoomId",
    "Id",
    "Nickname",
    "SecUid",
    "Count",
    "Total",
    "CurrentCount",
    "GiftName",
    "GiftCount",
    "RepeatCount",
    "OnlineUserCount",
    "TotalUserCount",
    "method",
    "common",
    "msgId",
    "user",
    "id",
    "idStr",
    "nickname",
    "nickName",
    "content",
    "count",
    "total",
    "totalUser",
    "memberCount",
    "action",
    "gift",
    "name",
    "repeatCount",
    "comboCount",
    "type",
    "event",
    "code",
    "username",
]
STRINGS = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "WebcastChatMessage",
            "WebcastLikeMessage",
            "WebcastMemberMessage",
            "WebcastSocialMessage",
            "WebcastGiftMessage",
            "WebcastRoomUserSeqMessage",
            "WebcastControlMessage",
            "system",
            "live_status",
            "ROOM_ENDED",
            "comment",
            "like",
            "gift",
            "info",
            "1",
            "3",
            "-1",
            "18446744073709551616",
            "0",
        ]
    ),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.integers(min_value=0, max_value=12),
    st.floats(allow_nan=False),
    STRINGS,
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(NAMES), st.text(max_size=8)), inner, max_size=8),
    ),
    max_leaves=30,
)

# Values of roughly the right types, so more examples reach the per-kind code.
PLAUSIBLE = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=2**64 + 5),
    STRINGS,
    st.dictionaries(
        st.sampled_from(NAMES), st.one_of(st.none(), st.integers(), STRINGS), max_size=5
    ),
    VALUES,
)
FIELDS = st.dictionaries(st.sampled_from(NAMES), PLAUSIBLE, max_size=10)


def _mutated(base: dict[str, object]) -> st.SearchStrategy[dict[str, object]]:
    """A valid-looking object with a few fields replaced or added at random."""
    changes = st.dictionaries(st.sampled_from(NAMES), PLAUSIBLE, max_size=3)
    return changes.map(lambda c: {**base, **c})


BG_DATA = _mutated(
    {
        "MsgId": 7260517442466662207,
        "RoomId": "7260415920948906807",
        "Content": "问",
        "User": {"Id": 1, "Nickname": "n"},
        "Onwer": {"SecUid": "MS4w"},
        "Count": 1,
        "Total": 2,
        "OnlineUserCount": 3,
        "TotalUserCount": 4,
        "GiftName": "g",
        "GiftCount": 1,
    }
)


def barragegrab_frames() -> st.SearchStrategy[str]:
    """Frames of the right outer shape whose Data is a mutated valid Data, text or object."""
    return st.builds(
        lambda t, d: json.dumps({"Type": t, "ProcessName": "douyin", "Data": d}),
        st.integers(min_value=0, max_value=10),  # bad Types: see test_arbitrary_json_values
        BG_DATA.map(json.dumps) | BG_DATA | FIELDS | STRINGS,
    )


def adapters() -> dict[str, Parse]:
    return {
        "barragegrab": BarrageGrabAdapter().parse,
        "douyinlive": DouyinLiveAdapter("516466932480").parse,
        "kuaishou": KuaishouAdapter("gov", "fuzz").parse,
    }


def check(result: object) -> None:
    if isinstance(result, RejectedFrame):
        assert result.reason and len(result.reason) <= 120
        assert not result.reason.startswith("adapter error"), result.reason
        return
    assert isinstance(result, list)
    for event in result:
        assert isinstance(event, FeedEvent)
        assert isinstance(event.msg_id, str) and event.msg_id
        assert len(event.text) <= MAX_TEXT_CHARS
        for count in (
            event.like_count,
            event.like_total,
            event.online,
            event.total_viewers,
            event.gift_count,
        ):
            assert count is None or (isinstance(count, int) and count >= 0)


@FUZZ
@given(raw=st.binary(max_size=200))
def test_arbitrary_bytes(raw: bytes) -> None:
    for parse in adapters().values():
        check(parse(raw, 0.0))


@FUZZ
@given(raw=st.text(max_size=200))
def test_arbitrary_text_including_lone_surrogates(raw: str) -> None:
    for parse in adapters().values():
        check(parse(raw, 0.0))


@FUZZ
@given(value=VALUES)
def test_arbitrary_json_values(value: object) -> None:
    raw = json.dumps(value)
    for parse in adapters().values():
        check(parse(raw, 0.0))
        check(parse(raw.encode(), 0.0))


@FUZZ
@given(raw=barragegrab_frames())
def test_barragegrab_shaped_frames(raw: str) -> None:
    check(BarrageGrabAdapter().parse(raw, 0.0))


@FUZZ
@given(
    method=STRINGS,
    frame=_mutated(
        {
            "common": {"msgId": "7260517442466662207"},
            "user": {"id": "1", "nickname": "n"},
            "content": "问",
            "count": "1",
            "total": "2",
            "memberCount": "3",
            "action": "1",
            "gift": {"name": "g"},
            "repeatCount": "1",
            "totalUser": "4",
        }
    ),
)
def test_douyinlive_shaped_frames(method: str, frame: dict) -> None:
    check(DouyinLiveAdapter("1").parse(json.dumps({**frame, "method": method}), 0.0))


@FUZZ
@given(
    body=_mutated({"type": "comment", "username": "u", "content": "问", "gift": "g"})
    | st.dictionaries(st.sampled_from(["type", "username", "content", "gift"]), PLAUSIBLE)
)
def test_kuaishou_shaped_messages(body: dict) -> None:
    check(KuaishouAdapter("gov", "r").parse(json.dumps(body), 0.0))


def test_deeply_nested_json_is_rejected_not_a_crash() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    inner = json.dumps({"Type": 1, "Data": deep})
    for parse in adapters().values():
        check(parse(deep, 0.0))
        check(parse(inner, 0.0))
        check(parse('{"user": ' + "[" * 50_000 + "]" * 50_000 + "}", 0.0))
