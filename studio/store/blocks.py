"""Blocked viewers: block a question's author in its room, and who is blocked.

A block is an audited act (see :mod:`studio.store.acts`) like any desk move, so Ctrl+Z lifts
it; it holds for the question's session or for good. The feed asks :func:`blocked_authors` and
:func:`room_ids` (through :class:`studio.services.blocklist.BlockList`) for every comment.
Every function here is blocking.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole
from studio.domain.question_lifecycle import (
    AuthorBlocked,
    ModerationAction,
    MoveRefused,
    StatusChange,
    Undo,
    transition,
)
from studio.domain.records import BlockedViewerRecord
from studio.domain.refusals import Refusal
from studio.store.acts import (
    Step,
    act_time,
    audit,
    dump_json,
    new_act,
    read_questions,
    retrying,
    write_step,
)
from studio.store.database import Database
from studio.store.models import AuditEvent, BlockedAuthor, Room

#: The audit action of a block.
BLOCK = "block"
#: The audit action of lifting a block from the list of blocked viewers.
UNBLOCK = "viewer.unblock"


def _blocks_covering(room_id: int, author_id: str, session_id: int) -> Any:
    return select(BlockedAuthor.id).where(
        BlockedAuthor.room_id == room_id,
        BlockedAuthor.author_id == author_id,
        or_(BlockedAuthor.session_id.is_(None), BlockedAuthor.session_id == session_id),
    )


def block_author(
    db: Database,
    question_id: int,
    *,
    for_good: bool,
    seat: str,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo:
    """Block the author of a question in its room, for its session or for good (B).

    The question is marked ``AUTHOR_BLOCKED`` and, if it is still waiting (new, flagged,
    queued), hidden; one on air, answered or referred keeps its status, since the moderator
    decided about it before. Their later comments arrive hidden (see :func:`is_blocked`).

    Raises:
        MoveRefused: the question has no author to block (typed in from the phone or WeChat),
            or the author is blocked already for this session.
    """

    def work(s: OrmSession) -> Undo:
        q = read_questions(s, [question_id], None)[question_id]
        if q.room_id is None or not q.author_id:
            raise MoveRefused(Refusal.NO_ACCOUNT_TO_BLOCK)
        already = s.scalars(_blocks_covering(q.room_id, q.author_id, q.session_id)).first()
        existing_for_good = s.scalar(
            select(func.count())
            .select_from(BlockedAuthor)
            .where(
                BlockedAuthor.room_id == q.room_id,
                BlockedAuthor.author_id == q.author_id,
                BlockedAuthor.session_id.is_(None),
            )
        )
        if already is not None and (not for_good or existing_for_good):
            if not q.nickname:
                raise MoveRefused(Refusal.AUTHOR_ALREADY_BLOCKED)
            raise MoveRefused(Refusal.ALREADY_BLOCKED, name=q.nickname)
        at = act_time(now, s)
        status = QuestionStatus(q.status)
        waiting = status in (QuestionStatus.NEW, QuestionStatus.FLAGGED, QuestionStatus.QUEUED)
        after_status = transition(status, ModerationAction.HIDE) if waiting else status
        flags = int(QuestionFlag(q.flags) | QuestionFlag.AUTHOR_BLOCKED)
        step = Step(
            question_id,
            {"status": str(status), "flags": q.flags},
            {"status": str(after_status), "flags": flags},
        )
        write_step(s, step)
        block = BlockedAuthor(
            room_id=q.room_id,
            author_id=q.author_id,
            nickname=q.nickname,
            session_id=None if for_good else q.session_id,
            created_at=at,
        )
        s.add(block)
        s.flush()
        step.extra.update(block=block.id, for_good=for_good)
        audit(s, [step], action=BLOCK, seat=seat, session_id=q.session_id, at=at, act=new_act())
        return Undo(
            BLOCK,
            (StatusChange(question_id, status, after_status),),
            (AuthorBlocked(block.id, question_id, step.before["flags"], flags),),
        )

    return retrying(db, work, attempts)


def is_blocked(db: Database, *, room_id: int, author_id: str, session_id: int) -> bool:
    """Whether the author's comments in this room arrive hidden in this session."""
    with db.sessions() as s:
        return s.scalars(_blocks_covering(room_id, author_id, session_id)).first() is not None


def blocked_authors(db: Database, session_id: int) -> frozenset[tuple[int, str]]:
    """The (room id, author id) pairs blocked in a session, to check a whole batch at once."""
    with db.sessions() as s:
        rows = s.execute(
            select(BlockedAuthor.room_id, BlockedAuthor.author_id).where(
                or_(BlockedAuthor.session_id.is_(None), BlockedAuthor.session_id == session_id)
            )
        )
        return frozenset((room_id, author_id) for room_id, author_id in rows)


def room_ids(db: Database) -> dict[tuple[str, str], int]:
    """Every room's id by ``(platform, room identity)``, as the feed names a comment's room."""
    with db.sessions() as s:
        return {
            (platform, identity): room_id
            for room_id, platform, identity in s.execute(
                select(Room.id, Room.platform, Room.identity)
            )
        }


def blocked_viewers(db: Database, session_id: int | None) -> list[BlockedViewerRecord]:
    """The viewers blocked for a session (by its own blocks or for good), newest first, one
    entry per viewer and room (a block for good wins over one for the session); with
    ``session_id`` None, every viewer blocked in any session."""
    query = (
        select(BlockedAuthor, Room)
        .join(Room, Room.id == BlockedAuthor.room_id)
        .order_by(BlockedAuthor.created_at.desc(), BlockedAuthor.id.desc())
    )
    if session_id is not None:
        query = query.where(
            or_(BlockedAuthor.session_id.is_(None), BlockedAuthor.session_id == session_id)
        )
    viewers: dict[tuple[int, str], BlockedViewerRecord] = {}
    with db.sessions() as s:
        for block, room in s.execute(query):
            record = _viewer(block, room)
            key = (block.room_id, block.author_id)
            kept = viewers.get(key)
            if kept is None or (record.for_good and not kept.for_good):
                viewers[key] = record
    return sorted(viewers.values(), key=lambda v: (v.created_at, v.id), reverse=True)


def _viewer(block: BlockedAuthor, room: Room | None) -> BlockedViewerRecord:
    return BlockedViewerRecord(
        id=block.id,
        nickname=block.nickname,
        room_role=RoomRole(room.role) if room is not None and room.role else None,
        platform=Platform(room.platform) if room is not None else Platform.MANUAL,
        account_name=room.account_name if room is not None else "",
        session_id=block.session_id,
        created_at=block.created_at,
    )


def unblock(
    db: Database,
    block_id: int,
    *,
    seat: str,
    session_id: int | None = None,
    now: dt.datetime | None = None,
) -> BlockedViewerRecord:
    """Unblock the viewer of a block in its room (the blocked viewers' Unblock, ``studio
    blocked unblock``): every block of theirs there goes, for a session or for good.

    Their later comments arrive as anyone's; those hidden while blocked stay hidden (H shows
    one again). Audited as ``viewer.unblock``, one event per block lifted, in the block's
    session (``session_id`` for a block for good).

    Raises:
        MoveRefused: no such block (lifted already, or undone).
    """
    at = act_time(now)
    with db.sessions() as s:
        row = s.get(BlockedAuthor, block_id)
        if row is None:
            raise MoveRefused(Refusal.NOT_BLOCKED, id=block_id)
        record = _viewer(row, s.get(Room, row.room_id))
        same_viewer = select(BlockedAuthor).where(
            BlockedAuthor.room_id == row.room_id, BlockedAuthor.author_id == row.author_id
        )
        act = new_act()
        for block in s.scalars(same_viewer).all():
            before = {
                "block": block.id,
                "room": block.room_id,
                "nickname": block.nickname,
                "for_good": block.session_id is None,
            }
            s.add(
                AuditEvent(
                    at=at,
                    seat=seat,
                    action=UNBLOCK,
                    subject=f"block:{block.id}",
                    before=dump_json(before),
                    after=dump_json({"act": act}),
                    session_id=block.session_id if block.session_id is not None else session_id,
                )
            )
            s.delete(block)
        s.commit()
    return record
