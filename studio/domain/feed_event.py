"""What the live feed carries: one viewer action or room fact from either live room, as a value."""

from __future__ import annotations

from enum import StrEnum

import msgspec

from studio.domain.model import Platform

#: The longest viewer text an adapter accepts; longer frames are rejected, not cut (see
#: ``studio.feed.adapters``). Real comments are a few dozen characters; anything this long is
#: not a viewer's question, and a truncated text could put words in a viewer's mouth on air.
MAX_TEXT_CHARS = 2_000

#: The longest name, id or key an adapter accepts (nicknames, user ids, message ids, room keys).
MAX_FIELD_CHARS = 256

#: The largest frame an adapter will parse; bigger frames are rejected unread.
MAX_FRAME_BYTES = 1 << 20


class FeedEventKind(StrEnum):
    """What happened in a live room."""

    COMMENT = "comment"
    LIKE = "like"
    GIFT = "gift"
    MEMBER = "member"
    """A viewer entered the room."""
    FOLLOW = "follow"
    STATS = "stats"
    """The room's viewer figures changed (``online``, ``total_viewers``)."""
    ENDED = "ended"
    """The capture tool says the broadcast in this room has ended."""


class FeedEvent(msgspec.Struct, frozen=True, kw_only=True):
    """One thing that happened in a live room, as an adapter understood it.

    Adapters fill only what the capture tool really said; absent counts stay ``None`` and absent
    texts stay empty, so "zero likes" and "nobody told us" are not confused.

    Attributes:
        kind: what happened.
        platform: the live platform the room is on.
        room_key: the room's identity as its capture tool names it (BarrageGrab: the streamer's
            ``SecUid``, else ``WebRoomId``; douyinLive: the live id in the URL; Kuaishou: the
            path key of the userscript's connection). The app maps keys to gov/dept rooms.
        msg_id: the platform's message id as text (BarrageGrab ids exceed 2^53), or an id the app
            made when the tool gives none. Unique per room; used to drop duplicates.
        user_id: the viewer's platform id as text, ``""`` when unknown.
        nickname: the viewer's display name, ``""`` when unknown.
        text: the comment, or the tool's description of a non-comment event; untrusted.
        received_at: when *we* received the frame, epoch seconds (no tool gives a reliable time).
        like_count: likes in this like event.
        like_total: the room's running like total, when the tool reports it.
        online: viewers in the room now.
        total_viewers: viewers in the room so far (cumulative).
        gift_name: the gift's display name.
        gift_count: the gift count the tool reported: BarrageGrab's increment for this event,
            or douyinLive's running combo count (a combo arrives as several events).
    """

    kind: FeedEventKind
    platform: Platform
    room_key: str
    msg_id: str
    received_at: float
    user_id: str = ""
    nickname: str = ""
    text: str = ""
    like_count: int | None = None
    like_total: int | None = None
    online: int | None = None
    total_viewers: int | None = None
    gift_name: str | None = None
    gift_count: int | None = None


class RejectedFrame(msgspec.Struct, frozen=True):
    """A frame an adapter refused; kept only to be counted and, briefly, logged.

    Attributes:
        room_key: the room the frame came from, ``""`` when the frame did not say.
        reason: a short, fixed-vocabulary reason (``"not JSON"``, ``"frame too large"`` …),
            never the frame's content, so it is safe to show and to log.
    """

    room_key: str
    reason: str


class FeedState(StrEnum):
    """How a capture source (a client connection, or one Kuaishou room) is doing."""

    WAITING = "waiting"
    """A server is listening but no capture tool has connected (Kuaishou)."""
    CONNECTING = "connecting"
    """The first connection attempt is under way."""
    CONNECTED = "connected"
    """Frames are flowing."""
    STALE = "stale"
    """Connected, but no frame has arrived for a while: the tool may be stuck."""
    RECONNECTING = "reconnecting"
    """The connection was lost or refused; waiting to try again."""
    ENDED = "ended"
    """The tool says the broadcast ended; the connection stays open in case it resumes."""
    STOPPED = "stopped"
    """We stopped listening."""
