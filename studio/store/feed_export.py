"""Read a session's stored comments for export: one flat row each, masked text only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from studio.domain.model import QuestionFlag
from studio.domain.studio_time import iso_text
from studio.store.database import Database
from studio.store.models import Question, Room, Unit

EXPORT_FIELDS = (
    "id",
    "room",
    "room_name",
    "room_identity",
    "platform",
    "msg_id",
    "author",
    "text",
    "received_at",
    "is_question",
    "status",
    "unit",
    "cluster_size",
    "pii",
    "sensitive",
    "channel",
)


def question_export_rows(db: Database, session_id: int) -> list[dict[str, Any]]:
    """Every stored comment of a session, oldest first, as ``EXPORT_FIELDS`` dicts.

    ``text`` is the display text (normalised, personal data masked); the raw text never leaves
    the database. ``room`` is the room's role, ``room_name`` and ``room_identity`` its account. ``cluster_size`` counts the session's comments in the same cluster.
    """
    clusters = (
        select(Question.cluster_id, func.count().label("size"))
        .where(Question.session_id == session_id, Question.cluster_id.is_not(None))
        .group_by(Question.cluster_id)
        .subquery()
    )
    query = (
        select(
            Question,
            Room.role,
            Room.assigned,
            Room.account_name,
            Room.identity,
            Room.platform,
            Unit.name,
            clusters.c.size,
        )
        .outerjoin(Room, Question.room_id == Room.id)
        .outerjoin(Unit, Question.unit_id == Unit.id)
        .outerjoin(clusters, Question.cluster_id == clusters.c.cluster_id)
        .where(Question.session_id == session_id)
        .order_by(Question.received_at, Question.id)
    )
    rows = []
    with db.sessions() as s:
        for q, role, assigned, name, identity, platform, unit, size in s.execute(query):
            flags = QuestionFlag(q.flags)
            rows.append(
                {
                    "id": q.id,
                    # The role (gov, dept; "unassigned" until someone says whose the room
                    # is), then the account's name and the identity the capture tool reported.
                    "room": ("unassigned" if assigned is False else role) or "",
                    "room_name": name or "",
                    "room_identity": identity or "",
                    "platform": platform or "manual",
                    "msg_id": q.platform_msg_id,
                    "author": q.nickname,
                    "text": q.display_text,
                    "received_at": iso_text(q.received_at),
                    "is_question": bool(flags & QuestionFlag.IS_QUESTION),
                    "status": q.status,
                    "unit": unit or "",
                    "cluster_size": int(size or 0),
                    "pii": bool(flags & QuestionFlag.PII),
                    "sensitive": bool(flags & QuestionFlag.SENSITIVE),
                    "channel": q.channel,
                }
            )
    return rows
