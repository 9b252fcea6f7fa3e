"""douyinLive frames → feed events: methods, string-encoded numbers, status frames."""

import json

import pytest

from studio.domain.feed_event import FeedEvent, FeedEventKind, RejectedFrame
from studio.domain.model import Platform
from studio.feed.adapters.douyinlive import DouyinLiveAdapter, parse_frame
from tests.helpers.fake_capture import BIG_MSG_ID, DouyinLiveFrames

T = 1_716_881_601.5
LIVE_ID = "516466932480"


def parse(raw: str | bytes) -> list[FeedEvent] | RejectedFrame:
    return parse_frame(raw, T, room_key=LIVE_ID)


def one(result: list[FeedEvent] | RejectedFrame) -> FeedEvent:
    assert isinstance(result, list), result
    assert len(result) == 1
    return result[0]


def test_chat_message() -> None:
    event = one(parse(DouyinLiveFrames().chat("路灯坏了找谁？")))
    assert event == FeedEvent(
        kind=FeedEventKind.COMMENT,
        platform=Platform.DOUYIN,
        room_key=LIVE_ID,
        msg_id=str(BIG_MSG_ID),
        received_at=T,
        user_id="3051117652871000",
        nickname="山里的云",
        text="路灯坏了找谁？",
    )


def test_message_id_as_a_json_number_is_kept_exactly() -> None:
    frame = json.loads(DouyinLiveFrames().chat("问"))
    text = json.dumps(frame).replace(f'"{BIG_MSG_ID}"', str(BIG_MSG_ID))
    assert f'"msgId": {BIG_MSG_ID}' in text
    assert one(parse(text)).msg_id == str(BIG_MSG_ID)


@pytest.mark.parametrize(
    ("build", "kind", "expected"),
    [
        (lambda f: f.like(15, 3210), "like", {"like_count": 15, "like_total": 3210}),
        (lambda f: f.member(48), "member", {"online": 48}),
        (lambda f: f.follow(), "follow", {}),
        (lambda f: f.gift("玫瑰", repeat=3), "gift", {"gift_name": "玫瑰", "gift_count": 3}),
        (lambda f: f.user_seq(50, 22003), "stats", {"online": 50, "total_viewers": 22003}),
        (lambda f: f.control(3), "ended", {}),
    ],
    ids=["like", "member", "follow", "gift", "stats", "control-ended"],
)
def test_methods(build, kind: str, expected: dict[str, object]) -> None:
    event = one(parse(build(DouyinLiveFrames())))
    assert event.kind == kind
    assert event.room_key == LIVE_ID
    for name, value in expected.items():
        assert getattr(event, name) == value, name


def test_nickname_under_its_other_protojson_name() -> None:
    user = {"id": "42", "nickName": "老王"}
    assert one(parse(DouyinLiveFrames().chat("问", user=user))).nickname == "老王"


def test_room_ended_status_frame_is_an_ended_event() -> None:
    event = one(parse(DouyinLiveFrames.status("ROOM_ENDED")))
    assert event.kind is FeedEventKind.ENDED
    assert event.msg_id.startswith("dl:ended:")


@pytest.mark.parametrize("code", ["ROOM_ONLINE", "ROOM_OFFLINE", "ROOM_NOT_FOUND", "X"])
def test_other_status_frames_carry_no_event(code: str) -> None:
    assert parse(DouyinLiveFrames.status(code)) == []


@pytest.mark.parametrize(
    "raw",
    [
        DouyinLiveFrames().share(),
        DouyinLiveFrames().control(1),
        DouyinLiveFrames().rank(),
        # A message with its own ``type``/``code`` fields of other types is still just ignored.
        '{"method": "WebcastFansclubMessage", "type": 2, "code": {"a": 1}}',
        '{"type": "system", "event": "service_status", "code": "SERVICE_SHUTTING_DOWN"}',
    ],
)
def test_uninteresting_frames_are_ignored(raw: str) -> None:
    assert parse(raw) == []


def test_method_from_common_when_top_level_is_missing() -> None:
    frame = json.loads(DouyinLiveFrames().chat("问"))
    del frame["method"]
    assert one(parse(json.dumps(frame))).kind is FeedEventKind.COMMENT


def _chat_with(**changes: object) -> str:
    frame = json.loads(DouyinLiveFrames().chat("问题"))
    frame.update(changes)
    return json.dumps(frame, ensure_ascii=False)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("pong", "frame is not JSON"),
        ("{}", "no method"),
        ('{"common": {"msgId": "1"}}', "no method"),
        ('{"method": 5}', "bad frame"),
        (_chat_with(common={"msgId": 1.5}), "bad frame"),
        (_chat_with(common={}), "missing msgId"),
        (_chat_with(content=""), "empty comment"),
        (_chat_with(content="问" * 2001), "text too long"),
        (_chat_with(user="nobody"), "bad frame"),
        ('{"method": "WebcastLikeMessage", "common": {"msgId": "1"}, "count": "-5"}', "bad count"),
        ('{"method": "WebcastLikeMessage", "common": {"msgId": "1"}, "count": "1e3"}', "bad count"),
        (b"\x80", "frame is not"),
    ],
)
def test_bad_frames_are_rejected_with_the_live_id(raw: str | bytes, reason: str) -> None:
    result = parse(raw)
    assert isinstance(result, RejectedFrame), result
    assert result.room_key == LIVE_ID
    assert result.reason.startswith(reason)


def test_adapter_keys_events_by_its_live_id() -> None:
    adapter = DouyinLiveAdapter("live-7")
    assert one(adapter.parse(DouyinLiveFrames().chat("问"), T)).room_key == "live-7"
