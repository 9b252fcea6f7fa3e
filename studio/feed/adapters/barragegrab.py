"""Parse DouyinBarrageGrab frames (``ws://127.0.0.1:8888``) into feed events.

A frame is ``{"Type": int, "ProcessName": str, "Data": "<JSON text>"}``; ``Data`` is decoded a
second time (an object is accepted too). Type codes and what we make of them:

====  ==========  =========================================================================
Type  tool name   event
====  ==========  =========================================================================
1     弹幕         comment (``Content``; a comment without text is rejected)
2     点赞         like (``Count`` → like_count, ``Total`` → like_total)
3     进房         member (``CurrentCount`` → online)
4     关注         follow
5     礼物         gift (``GiftName``; ``GiftCount``, the increment, else ``RepeatCount``)
6     统计         stats (``OnlineUserCount`` → online, ``TotalUserCount`` → total_viewers)
7     粉团         ignored: fan-club joins/upgrades say nothing to a question desk
8     分享         ignored: shares are not counted in any report
9     下播         ended
====  ==========  =========================================================================

Other codes are rejected (``unknown Type``) so a new tool version shows up in the counts.

The room is named by the streamer: ``Onwer.SecUid`` (sic), else ``WebRoomId``. Older versions
send neither on some frames (stats), only ``RoomId``, which changes every broadcast; a
``BarrageGrabAdapter`` remembers which room each ``RoomId`` belonged to, and a frame whose
``RoomId`` it has never seen is keyed ``"roomid:<RoomId>"`` rather than dropped.
"""

from __future__ import annotations

from collections.abc import MutableMapping

import msgspec

from studio.domain.feed_event import FeedEvent, FeedEventKind, RejectedFrame
from studio.domain.model import Platform
from studio.feed.adapters._frames import (
    FrameRejected,
    Number,
    ParseResult,
    check_size,
    count,
    decode,
    id_text,
    name_text,
    reject_unexpected,
    synthetic_id,
    viewer_text,
)

_KINDS: dict[int, FeedEventKind | None] = {
    1: FeedEventKind.COMMENT,
    2: FeedEventKind.LIKE,
    3: FeedEventKind.MEMBER,
    4: FeedEventKind.FOLLOW,
    5: FeedEventKind.GIFT,
    6: FeedEventKind.STATS,
    7: None,
    8: None,
    9: FeedEventKind.ENDED,
}

_ROOM_FACTS = frozenset({FeedEventKind.STATS, FeedEventKind.ENDED})

#: How many RoomId → room key pairs an adapter remembers (one per broadcast seen).
_ROOM_MEMORY = 64


class _User(msgspec.Struct):
    Id: Number | None = None
    Nickname: str | None = None
    DisplayId: str | None = None
    SecUid: str | None = None


class _Owner(msgspec.Struct):
    UserId: Number | None = None
    SecUid: str | None = None
    Nickname: str | None = None


class _Data(msgspec.Struct):
    """The fields of every ``Data`` we read; each Type uses some, all may be absent."""

    MsgId: Number | None = None
    User: _User | None = None
    Onwer: _Owner | None = None
    Content: str | None = None
    RoomId: Number | None = None
    WebRoomId: Number | None = None
    Count: Number | None = None
    Total: Number | None = None
    CurrentCount: Number | None = None
    GiftName: str | None = None
    GiftCount: Number | None = None
    RepeatCount: Number | None = None
    OnlineUserCount: Number | None = None
    TotalUserCount: Number | None = None


class _Pack(msgspec.Struct):
    Type: int
    Data: str | _Data
    ProcessName: str | None = None


def parse_frame(
    raw: str | bytes,
    received_at: float,
    *,
    rooms: MutableMapping[str, str] | None = None,
) -> ParseResult:
    """Turn one BarrageGrab frame into events, or say why not.

    Args:
        raw: the frame as received (text, or UTF-8 bytes from a recording).
        received_at: our receive time, epoch seconds.
        rooms: ``RoomId`` → room key memory, read and updated (see the module docstring);
            ``None`` to parse without memory.

    Return:
        A list of zero or one ``FeedEvent``, or a ``RejectedFrame``.
    """
    room_key = ""
    try:
        check_size(raw)
        pack = decode(raw, _Pack)
        data = decode(pack.Data, _Data, "Data") if isinstance(pack.Data, str) else pack.Data
        room_key = _room_key(data, rooms)
        return _events(pack.Type, data, room_key, received_at)
    except FrameRejected as rejected:
        return RejectedFrame(room_key, rejected.reason)
    except Exception as error:  # an adapter bug must cost one frame: see reject_unexpected
        return reject_unexpected(room_key, error)


def _room_key(data: _Data, rooms: MutableMapping[str, str] | None) -> str:
    owner = data.Onwer
    key = name_text(owner.SecUid) if owner is not None else ""
    key = key or id_text(data.WebRoomId)
    room_id = id_text(data.RoomId)
    if key:
        if rooms is not None and room_id and rooms.get(room_id) != key:
            if len(rooms) >= _ROOM_MEMORY:
                rooms.pop(next(iter(rooms)))
            rooms[room_id] = key
        return key
    if room_id:
        remembered = rooms.get(room_id) if rooms is not None else None
        return remembered or f"roomid:{room_id}"
    raise FrameRejected("no room identity")


def _events(type_code: int, data: _Data, room_key: str, received_at: float) -> list[FeedEvent]:
    if type_code not in _KINDS:
        shown = f" {type_code}" if 0 <= type_code < 1000 else ""
        raise FrameRejected(f"unknown Type{shown}")
    kind = _KINDS[type_code]
    if kind is None:
        return []
    msg_id = id_text(data.MsgId)
    if not msg_id:
        if kind not in _ROOM_FACTS:
            raise FrameRejected("missing MsgId")
        msg_id = synthetic_id("bg", kind, received_at)
    text = viewer_text(data.Content)
    if kind is FeedEventKind.COMMENT and not text.strip():
        raise FrameRejected("empty comment")
    user = data.User
    like_count = like_total = online = total_viewers = gift_count = None
    gift_name = None
    if kind is FeedEventKind.LIKE:
        like_count, like_total = count(data.Count), count(data.Total)
    elif kind is FeedEventKind.MEMBER:
        online = count(data.CurrentCount)
    elif kind is FeedEventKind.GIFT:
        gift_name = name_text(data.GiftName) or None
        gift_count = count(data.GiftCount)
        if gift_count is None:
            gift_count = count(data.RepeatCount)
    elif kind is FeedEventKind.STATS:
        online, total_viewers = count(data.OnlineUserCount), count(data.TotalUserCount)
    event = FeedEvent(
        kind=kind,
        platform=Platform.DOUYIN,
        room_key=room_key,
        msg_id=msg_id,
        received_at=received_at,
        user_id=id_text(user.Id) if user is not None else "",
        nickname=name_text(user.Nickname) if user is not None else "",
        text=text,
        like_count=like_count,
        like_total=like_total,
        online=online,
        total_viewers=total_viewers,
        gift_name=gift_name,
        gift_count=gift_count,
    )
    return [event]


class BarrageGrabAdapter:
    """Parses one BarrageGrab connection's frames, remembering which room each ``RoomId`` is.

    One per connection (or recording): the memory is only good within one run of the tool.
    """

    platform = Platform.DOUYIN

    def __init__(self) -> None:
        self._rooms: dict[str, str] = {}

    def parse(self, raw: str | bytes, received_at: float) -> ParseResult:
        """Parse one frame; see ``parse_frame``."""
        return parse_frame(raw, received_at, rooms=self._rooms)
