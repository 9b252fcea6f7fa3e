"""Parse the Kuaishou live-room userscript's messages into feed events.

The script (greasyfork 490966 and copies) watches the chat of a Kuaishou live page and sends,
over a WebSocket to *our* server:

* ``{"type": "comment", "username": …, "content": …}`` → comment
* ``{"type": "like", "username": …}`` → like (like_count 1)
* ``{"type": "gift", "username": …, "gift": …}`` → gift (gift_name; no count is sent)
* ``{"type": "info", "content": …}`` → ignored: free-form notices with no stable meaning
* ``{"type": "account", "id": …}`` → ignored: Studio Desk's own script names the page's account

It sends no ids, user ids or times: the room key is the connection's path key, user_id stays
empty (nicknames are all we get), and ids are made by the app — ``f"{room}-{run}-{n}"``, where
``run`` is fixed per server start so ids never repeat across restarts of the app.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import msgspec

from studio.domain.feed_event import FeedEvent, FeedEventKind, RejectedFrame
from studio.domain.model import Platform
from studio.feed.adapters._frames import (
    FrameRejected,
    ParseResult,
    check_size,
    decode,
    name_text,
    reject_unexpected,
    viewer_text,
)

_KINDS = {
    "comment": FeedEventKind.COMMENT,
    "like": FeedEventKind.LIKE,
    "gift": FeedEventKind.GIFT,
    "info": None,
    "account": None,
}


class _Message(msgspec.Struct):
    type: str
    username: str | None = None
    content: str | None = None
    gift: str | None = None


def parse_message(
    raw: str | bytes, received_at: float, *, room_key: str, make_id: Callable[[], str]
) -> ParseResult:
    """Turn one userscript message into events, or say why not.

    Args:
        raw: the message as received.
        received_at: our receive time, epoch seconds.
        room_key: the path key the script connected on (``gov``, ``dept`` …).
        make_id: called once per event made, for its message id.

    Return:
        A list of zero or one ``FeedEvent``, or a ``RejectedFrame``.
    """
    try:
        check_size(raw)
        message = decode(raw, _Message)
        if message.type not in _KINDS:
            raise FrameRejected("unknown type")
        kind = _KINDS[message.type]
        if kind is None:
            return []
        nickname = name_text(message.username)
        text = viewer_text(message.content) if kind is FeedEventKind.COMMENT else ""
        if kind is FeedEventKind.COMMENT and not text.strip():
            raise FrameRejected("empty comment")
        gift_name = (name_text(message.gift) or None) if kind is FeedEventKind.GIFT else None
        return [
            FeedEvent(
                kind=kind,
                platform=Platform.KUAISHOU,
                room_key=room_key,
                msg_id=make_id(),
                received_at=received_at,
                nickname=nickname,
                text=text,
                like_count=1 if kind is FeedEventKind.LIKE else None,
                gift_name=gift_name,
            )
        ]
    except FrameRejected as rejected:
        return RejectedFrame(room_key, rejected.reason)
    except Exception as error:  # an adapter bug must cost one frame: see reject_unexpected
        return reject_unexpected(room_key, error)


class KuaishouAdapter:
    """Parses the messages of one Kuaishou room, numbering its events.

    The numbering continues across the script's reconnects as long as the adapter lives.

    Attributes:
        room_key: the path key of the room (``gov``, ``dept`` …).
    """

    platform = Platform.KUAISHOU

    def __init__(self, room_key: str, run_token: str) -> None:
        self.room_key = room_key
        self._ids = (f"{room_key}-{run_token}-{n}" for n in itertools.count(1))

    def parse(self, raw: str | bytes, received_at: float) -> ParseResult:
        """Parse one message; see ``parse_message``."""
        return parse_message(
            raw, received_at, room_key=self.room_key, make_id=lambda: next(self._ids)
        )
