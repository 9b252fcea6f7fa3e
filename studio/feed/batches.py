"""What the feed hands the store: one batch of comment rows and room facts per transaction.

The store writes these (``studio.store.feed_store``) through an injected ``BatchWriter``;
``feed`` and ``store`` are sibling layers and do not import each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from studio.domain.model import Platform, QuestionStatus
from studio.domain.records import QuestionRecord


@dataclass(slots=True)
class CommentRow:
    """One comment ready for the store: raw text kept, display text masked.

    Attributes:
        room_key: the room's identity as the tool names it; "" for manual entries.
        raw_text: what the viewer wrote, for the store only (may hold personal data).
        display_text: normalised and masked: the only text shown or exported.
        nickname: the viewer's name masked like the text: the only name shown or exported.
        raw_nickname: the name as it came, for the store only.
        hidden: the author is blocked; stored, but hidden from the desk.
        received_text: ``received_at`` as SQLite stores a DateTime; made here, with the rest of
            the row, so the store only has to write it ("" if not made: the store makes it).
    """

    platform: Platform
    room_key: str
    msg_id: str
    author_id: str
    nickname: str
    raw_text: str
    display_text: str
    received_at: dt.datetime
    flags: int
    unit_id: int | None
    cluster_id: int | None
    cluster_size: int
    channel: str = "live"
    hidden: bool = False
    received_text: str = ""
    raw_nickname: str = ""

    @property
    def status(self) -> QuestionStatus:
        return QuestionStatus.HIDDEN if self.hidden else QuestionStatus.NEW


@dataclass(slots=True)
class RoomFact:
    """A room's audience figures at a moment; ``likes`` is the room's running like total."""

    platform: Platform
    room_key: str
    at: dt.datetime
    online: int | None
    total_viewers: int | None
    likes: int


@dataclass(slots=True)
class IngestBatch:
    """What one store transaction writes."""

    comments: list[CommentRow] = field(default_factory=list)
    facts: list[RoomFact] = field(default_factory=list)


class WriteOutcome(Protocol):
    """What the store says about a written batch (``feed_store.StoredBatch``)."""

    questions: list[QuestionRecord]
    stored: Mapping[str, int]
    duplicates: Mapping[str, int]


BatchWriter = Callable[[IngestBatch], WriteOutcome]
"""Writes one batch in one transaction; blocking, called from a worker thread."""


@dataclass
class RoomTally:
    """What one room's feed amounted to so far."""

    received: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    likes: int = 0

    def as_dict(self) -> dict[str, int]:
        return {
            "received": self.received,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "likes": self.likes,
        }
