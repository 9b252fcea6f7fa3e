"""Events into rows: comments through the text pipeline, likes and audience figures into facts.

:class:`~studio.feed.ingest.FeedIngest` runs one :class:`RowMaker` in its worker thread, one batch
at a time: the pipeline's clusters and the rooms' like totals are state, not for two threads.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import msgspec

from studio.domain.feed_event import FeedEvent, FeedEventKind
from studio.domain.model import Platform, QuestionFlag
from studio.domain.studio_time import from_epoch
from studio.domain.text.pii import mask_nickname
from studio.domain.text.pipeline import TextPipeline, question_flags
from studio.feed.adapters._frames import MAX_COUNT
from studio.feed.batches import CommentRow, IngestBatch, RoomFact, RoomTally

_AUTHOR_BLOCKED = int(QuestionFlag.AUTHOR_BLOCKED)


class RowMaker:
    """Turns a batch's events into store rows, keeping the rooms' running like totals."""

    def __init__(
        self,
        pipeline: TextPipeline,
        is_blocked: Callable[[Platform, str, str], bool] | None = None,
    ) -> None:
        """Args:
        pipeline: the session's text pipeline.
        is_blocked: ``(platform, room_key, author_id)`` → the author is blocked.
        """
        self.pipeline = pipeline
        self.is_blocked = is_blocked
        self.likes: dict[str, int] = {}  # each room's running like total
        self.channels: dict[str, str] = {}  # manual entries' msg_id → phone, wechat …

    def prepare(self, events: list[FeedEvent], tally: Callable[[str], RoomTally]) -> IngestBatch:
        """Turn events into rows: comments through the text pipeline, likes and stats into facts.

        ``tally(room_key)`` gives the room's counts, to note what was received and duplicated.
        Blocking and stateful (clusters, like totals): call from one thread at a time.
        """
        batch = IngestBatch()
        seen: set[tuple[str, str]] = set()
        for event in events:
            counts = tally(event.room_key)
            counts.received += 1
            kind = event.kind
            if kind is FeedEventKind.COMMENT:
                key = (event.room_key, event.msg_id)
                if key in seen:
                    counts.duplicates += 1
                    continue
                seen.add(key)
                channel = "live"
                if event.platform is Platform.MANUAL:
                    channel = self.channels.pop(event.msg_id, "manual")
                batch.comments.append(self.comment_row(event, channel=channel))
            elif kind is FeedEventKind.LIKE:
                self._add_likes(event)
            elif kind is FeedEventKind.STATS or kind is FeedEventKind.ENDED:
                batch.facts.append(
                    RoomFact(
                        event.platform,
                        event.room_key,
                        from_epoch(event.received_at),
                        event.online,
                        event.total_viewers,
                        self.likes.get(event.room_key, 0),
                    )
                )
        return batch

    def _add_likes(self, event: FeedEvent) -> None:
        if event.like_total is not None:
            # The tool's own running total is the truth; our sum only fills its gaps.
            total = max(event.like_total, self.likes.get(event.room_key, 0))
            self.likes[event.room_key] = min(total, MAX_COUNT)
        elif event.like_count is not None:
            total = self.likes.get(event.room_key, 0) + event.like_count
            self.likes[event.room_key] = min(total, MAX_COUNT)

    def comment_row(self, event: FeedEvent, *, channel: str = "live") -> CommentRow:
        """One comment through the text pipeline."""
        event = _storable(event)
        author = event.user_id or event.nickname
        asker: Hashable = (event.platform, event.room_key, author) if author else None
        processed = self.pipeline.process(event.text, asker=asker)
        flags = question_flags(processed)
        hidden = bool(
            self.is_blocked is not None
            and author
            and self.is_blocked(event.platform, event.room_key, author)
        )
        if hidden:
            flags |= _AUTHOR_BLOCKED
        received = from_epoch(event.received_at)  # naive UTC, as stored
        return CommentRow(
            platform=event.platform,
            room_key=event.room_key,
            msg_id=event.msg_id,
            # The Kuaishou userscript sends no user id: the nickname is then the author's key
            # (what blocking matches on; two viewers of one nickname are blocked together).
            author_id=author,
            nickname=mask_nickname(event.nickname),
            raw_nickname=event.nickname,
            raw_text=event.text,
            display_text=processed.display,
            received_at=received,
            received_text=received.isoformat(" ", "microseconds"),
            flags=flags,
            unit_id=processed.unit_id,
            cluster_id=processed.cluster_id,
            cluster_size=processed.cluster_size,
            channel=channel,
            hidden=hidden,
        )


def _storable(event: FeedEvent) -> FeedEvent:
    """The event with NUL characters replaced (U+FFFD): PostgreSQL's text refuses them, and a
    viewer's comment must not fail a whole batch. Everything else is kept as sent."""
    fields = ("msg_id", "user_id", "nickname", "text")
    if not any("\x00" in (getattr(event, name) or "") for name in fields):
        return event
    return msgspec.structs.replace(
        event,
        **{
            name: getattr(event, name).replace("\x00", "\ufffd")
            for name in fields
            if getattr(event, name)
        },
    )
