"""Reading and saving a session's briefing notes (blocking: services call these in a thread)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import delete, select

from studio.domain.briefing import BriefingNote, briefing_problems
from studio.domain.refusals import Refusal, Refused
from studio.domain.studio_time import now_instant
from studio.store.database import Database
from studio.store.models import BriefingNoteRow, Session


class BriefingRefused(Refused):
    """The notes were not saved: a code and its arguments, worded by the refusal table."""


def briefing_notes(db: Database, session_id: int) -> list[BriefingNote]:
    """The session's notes in reading order."""
    with db.sessions() as s:
        query = (
            select(BriefingNoteRow)
            .where(BriefingNoteRow.session_id == session_id)
            .order_by(BriefingNoteRow.position)
        )
        return [BriefingNote(row.title, row.body) for row in s.scalars(query)]


def save_briefing_notes(
    db: Database,
    session_id: int,
    notes: Sequence[BriefingNote],
    *,
    now: Callable[[], dt.datetime] = now_instant,
) -> None:
    """Replace the session's notes with ``notes``, in one transaction.

    Raises:
        BriefingRefused: no such session, or a note that can't be stored (nothing changes).
    """
    problems = briefing_problems(notes)
    if problems:
        raise BriefingRefused(Refusal.NOTES_INVALID, problems=tuple(problems))
    with db.transaction() as s:
        if s.get(Session, session_id) is None:
            raise BriefingRefused(Refusal.NO_SESSION, id=session_id)
        s.execute(delete(BriefingNoteRow).where(BriefingNoteRow.session_id == session_id))
        at = now()
        s.add_all(
            BriefingNoteRow(
                session_id=session_id, position=i, title=n.title, body=n.body, updated_at=at
            )
            for i, n in enumerate(notes)
        )


def earlier_briefing_notes(db: Database, session_id: int) -> list[BriefingNote]:
    """The notes of the same unit's latest earlier session that has any (for carrying forward)."""
    with db.sessions() as s:
        session = s.get(Session, session_id)
        if session is None or session.unit_id is None:
            return []
        earlier = s.scalars(
            select(Session.id)
            .join(BriefingNoteRow, BriefingNoteRow.session_id == Session.id)
            .where(Session.unit_id == session.unit_id, Session.date < session.date)
            .order_by(Session.date.desc())
            .limit(1)
        ).first()
    return briefing_notes(db, earlier) if earlier is not None else []
