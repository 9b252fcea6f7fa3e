"""The session's audit trail for people: exported (CSV), staff notes masked. Blocking."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from studio.domain.studio_time import iso_text
from studio.domain.text.pii import mask_pii
from studio.store.acts import dump_json
from studio.store.database import Database
from studio.store.models import AuditEvent

AUDIT_FIELDS = (
    "id",
    "at",
    "seat",
    "person",
    "role",
    "action",
    "question",
    "subject",
    "before",
    "after",
)


def export_audit(db: Database, session_id: int) -> list[dict[str, Any]]:
    """The session's audit trail in the order it was written, as ``AUDIT_FIELDS`` dicts.

    ``person`` and ``role`` are who sat at the seat ("" in events written before seats had
    names); ``question`` is the question's id for moderation events ("" for others, e.g. the timer);
    ``before`` and ``after`` are as stored (JSON text) but for a staff ``note``, masked here
    (see :func:`_masked_notes`). Texts in them are display texts, already masked: the raw text
    never enters the audit.
    """
    with db.sessions() as s:
        events = s.scalars(
            select(AuditEvent).where(AuditEvent.session_id == session_id).order_by(AuditEvent.id)
        ).all()
        return [
            {
                "id": e.id,
                "at": iso_text(e.at),
                "seat": e.seat,
                "person": e.person,
                "role": e.role,
                "action": e.action,
                "question": int(e.subject.split(":", 1)[1])
                if e.subject.startswith("question:")
                else "",
                "subject": e.subject,
                "before": _masked_notes(e.before),
                "after": _masked_notes(e.after),
            }
            for e in events
        ]


def _masked_notes(stored: str) -> str:
    """An audit event's JSON with its staff note masked (a refer or a moderation note, the note
    to the official): staff type phone numbers and addresses into notes too. The database keeps
    the note as written; screens and exports get it masked."""
    if '"note"' not in stored:
        return stored
    try:
        data = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(data, dict) or not isinstance(data.get("note"), str):
        return stored
    return dump_json({**data, "note": mask_pii(data["note"]).text})
