"""Parse douyinLive frames (``ws://127.0.0.1:1088/ws/<live_id>``) into feed events.

The tool forwards Douyin's protobuf messages as protojson: camelCase names, 64-bit integers as
strings, fields left out when zero or empty, plus a top-level ``method``. We read:

==============================  ===================================================
method                          event
==============================  ===================================================
``WebcastChatMessage``          comment (``content``)
``WebcastLikeMessage``          like (``count``, ``total``)
``WebcastMemberMessage``        member (``memberCount`` → online)
``WebcastSocialMessage``        follow when ``action`` is 1; shares ignored
``WebcastGiftMessage``          gift (``gift.name``; ``repeatCount`` else ``comboCount``
                                — Douyin's running combo count, not an increment)
``WebcastRoomUserSeqMessage``   stats (``total`` → online, ``totalUser`` → total_viewers)
``WebcastControlMessage``       ended when ``action`` is 3
anything else                   ignored (Douyin sends dozens of decorative methods)
==============================  ===================================================

Status frames ``{"type": "system", "event": "live_status", "code": …}`` come from the tool
itself: ``ROOM_ENDED`` becomes an ended event; the others (``ROOM_ONLINE``, ``ROOM_OFFLINE``,
``ROOM_NOT_FOUND`` …) carry no event. The room key is the live id the client connected with,
since frames do not repeat it.
"""

from __future__ import annotations

from typing import Any

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

_FOLLOW_ACTION = 1
_ENDED_ACTION = 3


class _Common(msgspec.Struct):
    method: str | None = None
    msgId: Number | None = None
    roomId: Number | None = None


class _Head(msgspec.Struct):
    """Enough of any frame to know what it is."""

    method: str | None = None
    # Some Douyin messages have their own ``type``/``code`` fields of other types: read loosely.
    type: Any = None
    event: Any = None
    code: Any = None
    common: _Common | None = None


class _User(msgspec.Struct):
    id: Number | None = None
    idStr: str | None = None
    nickname: str | None = None
    nickName: str | None = None  # some proto revisions name field 3 nick_name


class _Gift(msgspec.Struct):
    name: str | None = None


class _Chat(msgspec.Struct):
    user: _User | None = None
    content: str | None = None


class _Like(msgspec.Struct):
    user: _User | None = None
    count: Number | None = None
    total: Number | None = None


class _Member(msgspec.Struct):
    user: _User | None = None
    memberCount: Number | None = None


class _Social(msgspec.Struct):
    user: _User | None = None
    action: Number | None = None


class _GiftMessage(msgspec.Struct):
    user: _User | None = None
    gift: _Gift | None = None
    repeatCount: Number | None = None
    comboCount: Number | None = None


class _UserSeq(msgspec.Struct):
    total: Number | None = None
    totalUser: Number | None = None


class _Control(msgspec.Struct):
    action: Number | None = None


_BODIES: dict[str, type[msgspec.Struct]] = {
    "WebcastChatMessage": _Chat,
    "WebcastLikeMessage": _Like,
    "WebcastMemberMessage": _Member,
    "WebcastSocialMessage": _Social,
    "WebcastGiftMessage": _GiftMessage,
    "WebcastRoomUserSeqMessage": _UserSeq,
    "WebcastControlMessage": _Control,
}


def parse_frame(raw: str | bytes, received_at: float, *, room_key: str) -> ParseResult:
    """Turn one douyinLive frame into events, or say why not.

    Args:
        raw: the frame as received (text, or UTF-8 bytes from a recording).
        received_at: our receive time, epoch seconds.
        room_key: the live id this connection was opened for.

    Return:
        A list of zero or one ``FeedEvent``, or a ``RejectedFrame``.
    """
    try:
        check_size(raw)
        head = decode(raw, _Head)
        if head.type == "system" and head.method is None:
            return _status_events(head, room_key, received_at)
        method = head.method or (head.common.method if head.common is not None else None)
        if not method:
            raise FrameRejected("no method")
        body_type = _BODIES.get(method)
        if body_type is None:
            return []
        body = decode(raw, body_type)
        msg_id = id_text(head.common.msgId) if head.common is not None else ""
        return _events(body, msg_id, room_key, received_at)
    except FrameRejected as rejected:
        return RejectedFrame(room_key, rejected.reason)
    except Exception as error:  # an adapter bug must cost one frame: see reject_unexpected
        return reject_unexpected(room_key, error)


def _status_events(head: _Head, room_key: str, received_at: float) -> list[FeedEvent]:
    if head.event == "live_status" and head.code == "ROOM_ENDED":
        return [_room_fact(FeedEventKind.ENDED, room_key, received_at)]
    return []


def _room_fact(
    kind: FeedEventKind,
    room_key: str,
    received_at: float,
    msg_id: str = "",
    *,
    online: int | None = None,
    total_viewers: int | None = None,
) -> FeedEvent:
    return FeedEvent(
        kind=kind,
        platform=Platform.DOUYIN,
        room_key=room_key,
        msg_id=msg_id or synthetic_id("dl", kind, received_at),
        received_at=received_at,
        online=online,
        total_viewers=total_viewers,
    )


def _events(
    body: msgspec.Struct, msg_id: str, room_key: str, received_at: float
) -> list[FeedEvent]:
    if isinstance(body, _UserSeq):
        online, total_viewers = count(body.total), count(body.totalUser)
        return [
            _room_fact(
                FeedEventKind.STATS,
                room_key,
                received_at,
                msg_id,
                online=online,
                total_viewers=total_viewers,
            )
        ]
    if isinstance(body, _Control):
        if count(body.action) != _ENDED_ACTION:
            return []
        return [_room_fact(FeedEventKind.ENDED, room_key, received_at, msg_id)]
    if isinstance(body, _Social) and count(body.action) != _FOLLOW_ACTION:
        return []
    if not msg_id:
        raise FrameRejected("missing msgId")
    text = ""
    like_count = like_total = online = gift_count = None
    gift_name = None
    if isinstance(body, _Chat):
        kind = FeedEventKind.COMMENT
        text = viewer_text(body.content)
        if not text.strip():
            raise FrameRejected("empty comment")
    elif isinstance(body, _Like):
        kind = FeedEventKind.LIKE
        like_count, like_total = count(body.count), count(body.total)
    elif isinstance(body, _Member):
        kind = FeedEventKind.MEMBER
        online = count(body.memberCount)
    elif isinstance(body, _Social):
        kind = FeedEventKind.FOLLOW
    elif isinstance(body, _GiftMessage):
        kind = FeedEventKind.GIFT
        gift_name = name_text(body.gift.name if body.gift is not None else None) or None
        gift_count = count(body.repeatCount)
        if gift_count is None:
            gift_count = count(body.comboCount)
    else:  # pragma: no cover - _BODIES and this chain are kept in step
        return []
    user: _User | None = getattr(body, "user", None)
    return [
        FeedEvent(
            kind=kind,
            platform=Platform.DOUYIN,
            room_key=room_key,
            msg_id=msg_id,
            received_at=received_at,
            user_id=_user_id(user),
            nickname=_nickname(user),
            text=text,
            like_count=like_count,
            like_total=like_total,
            online=online,
            gift_name=gift_name,
            gift_count=gift_count,
        )
    ]


def _user_id(user: _User | None) -> str:
    if user is None:
        return ""
    return id_text(user.id) or id_text(user.idStr)


def _nickname(user: _User | None) -> str:
    if user is None:
        return ""
    return name_text(user.nickname) or name_text(user.nickName)


class DouyinLiveAdapter:
    """Parses the frames of one douyinLive connection, i.e. one live room.

    Attributes:
        live_id: the live id in the connection's URL; the room key of every event.
    """

    platform = Platform.DOUYIN

    def __init__(self, live_id: str) -> None:
        self.live_id = live_id

    def parse(self, raw: str | bytes, received_at: float) -> ParseResult:
        """Parse one frame; see ``parse_frame``."""
        return parse_frame(raw, received_at, room_key=self.live_id)
