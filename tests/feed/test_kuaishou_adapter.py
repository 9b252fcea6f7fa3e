"""Kuaishou userscript messages → feed events, with ids the app makes."""

import pytest

from studio.domain.feed_event import FeedEvent, FeedEventKind, RejectedFrame
from studio.domain.model import Platform
from studio.feed.adapters.kuaishou import KuaishouAdapter, parse_message

T = 1_716_881_601.5


def test_comment_like_gift_and_numbering() -> None:
    adapter = KuaishouAdapter("gov", "run1")
    comment = adapter.parse('{"type": "comment", "username": "快手用户", "content": "问个事"}', T)
    like = adapter.parse('{"type": "like", "username": "快手用户"}', T)
    gift = adapter.parse('{"type": "gift", "username": "快手用户", "gift": "棒棒糖"}', T)

    assert comment == [
        FeedEvent(
            kind=FeedEventKind.COMMENT,
            platform=Platform.KUAISHOU,
            room_key="gov",
            msg_id="gov-run1-1",
            received_at=T,
            nickname="快手用户",
            text="问个事",
        )
    ]
    assert isinstance(like, list) and like[0].kind is FeedEventKind.LIKE
    assert (like[0].msg_id, like[0].like_count) == ("gov-run1-2", 1)
    assert isinstance(gift, list) and gift[0].kind is FeedEventKind.GIFT
    assert (gift[0].msg_id, gift[0].gift_name, gift[0].gift_count) == ("gov-run1-3", "棒棒糖", None)


def test_info_is_ignored_and_uses_no_id() -> None:
    adapter = KuaishouAdapter("dept", "r")
    assert adapter.parse('{"type": "info", "content": "直播间公告"}', T) == []
    result = adapter.parse('{"type": "like"}', T)
    assert isinstance(result, list) and result[0].msg_id == "dept-r-1"
    assert result[0].nickname == ""


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("hello", "frame is not JSON"),
        ('{"username": "a"}', "bad frame"),
        ('{"type": "comment", "username": 5, "content": "x"}', "bad frame"),
        ('{"type": "dance"}', "unknown type"),
        ('{"type": "comment", "username": "a"}', "empty comment"),
        ('{"type": "comment", "content": "' + "长" * 2001 + '"}', "text too long"),
        ('{"type": "gift", "gift": "' + "礼" * 257 + '"}', "name too long"),
    ],
)
def test_bad_messages(raw: str, reason: str) -> None:
    ids: list[str] = []

    def make_id() -> str:
        ids.append("x")
        return "x"

    result = parse_message(raw, T, room_key="gov", make_id=make_id)
    assert isinstance(result, RejectedFrame)
    assert result == RejectedFrame("gov", result.reason)
    assert result.reason.startswith(reason)
    assert ids == []
