"""BarrageGrab frames → feed events: each Type, ids kept exact, room identity and its fallbacks."""

import json

import pytest

from studio.domain.feed_event import FeedEvent, FeedEventKind, RejectedFrame
from studio.domain.model import Platform
from studio.feed.adapters.barragegrab import BarrageGrabAdapter, parse_frame
from tests.helpers.fake_capture import (
    BIG_MSG_ID,
    DEPT_ROOM,
    GOV_ROOM,
    BarrageGrabFrames,
    bg_user,
)

T = 1_716_881_601.5


def one(result: list[FeedEvent] | RejectedFrame) -> FeedEvent:
    assert isinstance(result, list), result
    assert len(result) == 1
    return result[0]


def rejected(result: list[FeedEvent] | RejectedFrame) -> str:
    assert isinstance(result, RejectedFrame), result
    return result.reason


def test_comment_keeps_a_message_id_above_2_53_exactly() -> None:
    frames = BarrageGrabFrames()
    event = one(parse_frame(frames.comment("低保怎么申请？"), T))

    assert event == FeedEvent(
        kind=FeedEventKind.COMMENT,
        platform=Platform.DOUYIN,
        room_key=GOV_ROOM.sec_uid,
        msg_id=str(BIG_MSG_ID),
        received_at=T,
        user_id="3051117652871000",
        nickname="山里的云",
        text="低保怎么申请？",
    )
    assert BIG_MSG_ID > 2**53 and float(BIG_MSG_ID) != BIG_MSG_ID  # a float would corrupt it


def test_message_id_sent_as_a_string_is_kept_as_is() -> None:
    frames = BarrageGrabFrames()
    raw = frames.frame(1, frames.data(msg_id=None, user=bg_user(), content="问", MsgId="0012"))
    assert one(parse_frame(raw, T)).msg_id == "0012"


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda f: f.like(count=15, total=3210), {"like_count": 15, "like_total": 3210}),
        (lambda f: f.member(current=48), {"online": 48}),
        (lambda f: f.follow(), {}),
        (lambda f: f.gift("小心心", count=2, repeat=5), {"gift_name": "小心心", "gift_count": 2}),
    ],
    ids=["like", "member", "follow", "gift"],
)
def test_viewer_events(build, expected) -> None:
    event = one(parse_frame(build(BarrageGrabFrames()), T))
    assert event.user_id == "3051117652871000"
    assert event.nickname == "山里的云"
    for name, value in expected.items():
        assert getattr(event, name) == value, name


@pytest.mark.parametrize(
    ("type_code", "kind"),
    [
        (1, "comment"),
        (2, "like"),
        (3, "member"),
        (4, "follow"),
        (5, "gift"),
        (6, "stats"),
        (9, "ended"),
    ],
)
def test_type_codes(type_code: int, kind: str) -> None:
    frames = BarrageGrabFrames()
    raw = frames.frame(type_code, frames.data(user=bg_user(), content="内容"))
    assert one(parse_frame(raw, T)).kind == kind


def test_stats_with_null_user_and_the_design_example() -> None:
    # DESIGN.md §4's example Data, verbatim: no Onwer, no WebRoomId, RoomId as a string.
    data = (
        '{"OnlineUserCount": 50, "TotalUserCount": 22003, "MsgId": 7260517442466662207, '
        '"User": null, "Content": "当前直播间人数 50，累计直播间人数 2.2万", '
        '"RoomId": "7260415920948906807"}'
    )
    raw = json.dumps({"Type": 6, "ProcessName": "douyin", "Data": data}, ensure_ascii=False)
    event = one(parse_frame(raw, T))
    assert event.kind is FeedEventKind.STATS
    assert (event.online, event.total_viewers) == (50, 22003)
    assert (event.user_id, event.nickname) == ("", "")
    assert event.msg_id == "7260517442466662207"
    assert event.room_key == "roomid:7260415920948906807"


def test_null_user_on_a_comment_is_an_anonymous_comment() -> None:
    event = one(
        parse_frame(
            BarrageGrabFrames().frame(1, BarrageGrabFrames().data(user=None, content="有人吗")), T
        )
    )
    assert (event.user_id, event.nickname, event.text) == ("", "", "有人吗")


def test_room_key_falls_back_to_web_room_id() -> None:
    frames = BarrageGrabFrames()
    data = frames.data(user=bg_user(), content="问题")
    data["Onwer"] = None
    assert one(parse_frame(frames.frame(1, data), T)).room_key == str(GOV_ROOM.web_room_id)
    data["Onwer"] = {"UserId": 0, "SecUid": "", "Nickname": ""}  # C# defaults: unset
    assert one(parse_frame(frames.frame(1, data), T)).room_key == str(GOV_ROOM.web_room_id)


def test_adapter_remembers_which_room_a_room_id_belongs_to() -> None:
    adapter = BarrageGrabAdapter()
    gov, dept = BarrageGrabFrames(GOV_ROOM), BarrageGrabFrames(DEPT_ROOM)
    gov_bare = BarrageGrabFrames(GOV_ROOM, with_owner=False)
    assert one(adapter.parse(gov_bare.stats(), T)).room_key == f"roomid:{GOV_ROOM.room_id}"

    assert one(adapter.parse(gov.comment("问"), T)).room_key == GOV_ROOM.sec_uid
    assert one(adapter.parse(dept.comment("问"), T)).room_key == DEPT_ROOM.sec_uid
    assert one(adapter.parse(gov_bare.stats(), T)).room_key == GOV_ROOM.sec_uid
    dept_bare = BarrageGrabFrames(DEPT_ROOM, with_owner=False)
    assert one(adapter.parse(dept_bare.stats(), T)).room_key == DEPT_ROOM.sec_uid


def test_data_may_be_an_object_instead_of_a_string() -> None:
    frames = BarrageGrabFrames()
    raw = json.dumps({"Type": 1, "ProcessName": "x", "Data": frames.data(user=None, content="问")})
    assert one(parse_frame(raw, T)).text == "问"


def test_bytes_are_read_as_utf8() -> None:
    raw = BarrageGrabFrames().comment("办证").encode()
    assert one(parse_frame(raw, T)).text == "办证"


@pytest.mark.parametrize("type_code", [7, 8])
def test_fan_club_and_share_are_ignored(type_code: int) -> None:
    frames = BarrageGrabFrames()
    raw = frames.fansclub() if type_code == 7 else frames.share()
    assert parse_frame(raw, T) == []


def test_ended_and_stats_without_a_message_id_get_one_made_up() -> None:
    frames = BarrageGrabFrames()
    data = frames.data(user=None, content="直播已结束")
    del data["MsgId"]
    event = one(parse_frame(frames.frame(9, data), T))
    assert event.kind is FeedEventKind.ENDED
    assert event.msg_id.startswith("bg:ended:")


def _comment_with(**changes: object) -> str:
    frames = BarrageGrabFrames()
    data = frames.data(user=bg_user(), content="问题")
    data.update(changes)
    return frames.frame(1, data)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "frame is not JSON"),
        ("not json", "frame is not JSON"),
        (b"\xff\xfe{}", "frame is not UTF-8"),  # a UTF-16 byte-order mark: not UTF-8 at all
        (b"{\"Type\": 1, \"Data\": \"\xc3\"}", "frame is not UTF-8"),  # a cut multi-byte character
        ("{\"Type\": 1, \"Data\": \"\ud800\"}", "frame is not UTF-8"),  # a lone surrogate in text
        (b'{"Type": 1, "Data": "\xed\xa0\x80"}', "frame is not UTF-8"),
        ("[]", "bad frame"),
        ('{"Type": "1", "Data": "{}"}', "bad frame"),
        ('{"Type": 1}', "bad frame"),
        ('{"Type": 1, "Data": "{not json"}', "Data is not JSON"),
        ('{"Type": 1, "Data": "[1, 2]"}', "bad Data"),
        ('{"Type": 1, "Data": "{\\"MsgId\\": 1.5, \\"RoomId\\": 1}"}', "bad Data"),
        ('{"Type": 1, "Data": "{\\"MsgId\\": 1, \\"Content\\": \\"x\\"}"}', "no room identity"),
        ('{"Type": 42, "Data": "{\\"RoomId\\": 1}"}', "unknown Type 42"),
        ('{"Type": 99999999999, "Data": "{\\"RoomId\\": 1}"}', "unknown Type"),
        (_comment_with(MsgId=None), "missing MsgId"),
        (_comment_with(Content=""), "empty comment"),
        (_comment_with(Content="   "), "empty comment"),
        (_comment_with(Content=None), "empty comment"),
        (_comment_with(Content="问" * 2001), "text too long"),
        (_comment_with(User={"Nickname": "名" * 257}), "name too long"),
        (_comment_with(User={"Id": "9" * 300}), "id too long"),
        (_comment_with(User={"Id": [1]}), "bad Data"),
        ("x" * (1 << 20 | 1), "frame too large"),
        ("汉" * 400_000, "frame too large"),
    ],
)
def test_bad_frames_are_rejected_with_a_reason(raw: str | bytes, reason: str) -> None:
    assert rejected(parse_frame(raw, T)).startswith(reason)


def test_text_at_the_bound_is_accepted() -> None:
    assert one(parse_frame(_comment_with(Content="问" * 2000), T)).text == "问" * 2000


def test_negative_like_count_is_rejected() -> None:
    frames = BarrageGrabFrames()
    raw = frames.frame(2, frames.data(user=bg_user(), content="赞", Count=-3, Total=10))
    assert rejected(parse_frame(raw, T)) == "bad count"


def test_rejection_names_the_room_when_it_is_known() -> None:
    result = parse_frame(_comment_with(Content="问" * 2001), T)
    assert result == RejectedFrame(GOV_ROOM.sec_uid, "text too long")
