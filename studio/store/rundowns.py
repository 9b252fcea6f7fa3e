"""Writes and reads of running orders: a session's segments and the named rundown templates.

Every function but :func:`ensure_default_template` opens its own transaction and blocks (it runs
SQL): services call them from a worker thread.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import SegmentKind, SessionStatus
from studio.domain.refusals import Refusal, Refused
from studio.domain.rundown_csv import RundownTemplateRecord, SegmentDraft
from studio.domain.rundown_plan import DEFAULT_DAILY_RUNDOWN
from studio.domain.studio_time import now_instant
from studio.store.database import Database
from studio.store.models import RundownTemplate, Segment, Session

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE_NAME = "每日问政标准流程"
TEMPLATE_NAME_MAX = 80
"""The template table's name column is this wide."""


class RundownProblem(Refused):
    """A rundown or template can't be written or read: a refusal code and its arguments."""


#: Why an aired session's running order is not changed.
LOCKED_REASONS = {
    SessionStatus.LIVE: Refusal.RUNDOWN_LIVE,
    SessionStatus.ENDED: Refusal.RUNDOWN_ENDED,
}


class RundownLocked(RundownProblem):
    """The session is live or has ended: its running order is what aired, and is not changed.

    Attributes:
        status: the session's status.
    """

    def __init__(self, status: SessionStatus) -> None:
        super().__init__(LOCKED_REASONS[status])
        self.status = status


def rundown_locked(status: SessionStatus) -> bool:
    """Whether a session in ``status`` has a read-only running order (live or ended)."""
    return status in LOCKED_REASONS


def save_rundown(db: Database, session_id: int, drafts: Sequence[SegmentDraft]) -> None:
    """Replace the session's segments with ``drafts``, in their order, in one transaction.

    A ready session left without a running order is planned again: "ready" needs one.

    Raises:
        RundownLocked: the session is live or has ended (its running order is what aired;
            live, the timer adjusts the hour); nothing is written.
        RundownProblem: the session does not exist (any more).
    """
    with db.transaction() as s:
        session = s.get(Session, session_id)
        if session is None:
            raise RundownProblem(Refusal.SESSION_MISSING, id=session_id)
        if rundown_locked(SessionStatus(session.status)):
            raise RundownLocked(SessionStatus(session.status))
        if not drafts and session.status == SessionStatus.READY:
            session.status = SessionStatus.PLANNED
        s.execute(delete(Segment).where(Segment.session_id == session_id))
        s.add_all(
            Segment(
                session_id=session_id,
                position=position,
                title=draft.title,
                kind=draft.kind.value,
                planned_s=draft.planned_s,
                warning_s=draft.warning_s,
                danger_s=draft.danger_s,
                notes=draft.notes,
            )
            for position, draft in enumerate(drafts)
        )


def load_rundown(db: Database, session_id: int) -> list[SegmentDraft]:
    """The session's segments in order (empty when it has none or does not exist)."""
    with db.sessions() as s:
        rows = s.scalars(
            select(Segment).where(Segment.session_id == session_id).order_by(Segment.position)
        )
        return [
            SegmentDraft(
                row.title,
                SegmentKind(row.kind),
                row.planned_s,
                row.warning_s,
                row.danger_s,
                row.notes,
            )
            for row in rows
        ]


def list_templates(db: Database) -> list[RundownTemplateRecord]:
    """Every template, the default one first, then by name.

    Creates the default daily template first if it is missing (a database that was never
    seeded with the demo still offers the studio's standard hour).
    """
    with db.transaction() as s:
        ensure_default_template(s)
        s.flush()
        rows = s.scalars(
            select(RundownTemplate).order_by(
                RundownTemplate.is_default.desc(), RundownTemplate.name
            )
        ).all()
        records = []
        for row in rows:
            try:
                records.append(_template_record(row))
            except RundownProblem as problem:
                # One damaged template must not hide the others.
                log.warning("skipping template %s: %s", row.id, problem)
        return records


def save_template(db: Database, name: str, drafts: Sequence[SegmentDraft]) -> RundownTemplateRecord:
    """Store ``drafts`` as the template ``name``, replacing a template of that name.

    Raises:
        RundownProblem: the name is empty or too long.
    """
    name = name.strip()
    if not name:
        raise RundownProblem(Refusal.TEMPLATE_NAME_EMPTY)
    if len(name) > TEMPLATE_NAME_MAX:
        raise RundownProblem(Refusal.TEMPLATE_NAME_TOO_LONG, max=TEMPLATE_NAME_MAX)
    with db.transaction() as s:
        row = s.scalars(select(RundownTemplate).where(RundownTemplate.name == name)).first()
        if row is None:
            row = RundownTemplate(name=name, is_default=False, created_at=now_instant())
            s.add(row)
        row.segments_json = _segments_json(drafts)
        s.flush()
        return _template_record(row)


def load_template(db: Database, template_id: int) -> list[SegmentDraft]:
    """The template's segments, in order.

    Raises:
        RundownProblem: no such template, or its stored segments are damaged.
    """
    with db.sessions() as s:
        row = s.get(RundownTemplate, template_id)
        if row is None:
            raise RundownProblem(Refusal.TEMPLATE_MISSING, id=template_id)
        return list(_template_record(row).segments)


def ensure_default_template(s: OrmSession) -> None:
    """Add the default daily template (from ``DEFAULT_DAILY_RUNDOWN``) unless it exists.

    Args:
        s: an ORM session inside the caller's transaction; the caller commits.
    """
    exists = s.scalars(
        select(RundownTemplate.id).where(RundownTemplate.name == DEFAULT_TEMPLATE_NAME)
    ).first()
    if exists is None:
        drafts = [SegmentDraft.from_planned(plan) for plan in DEFAULT_DAILY_RUNDOWN]
        s.add(
            RundownTemplate(
                name=DEFAULT_TEMPLATE_NAME,
                segments_json=_segments_json(drafts),
                is_default=True,
                created_at=now_instant(),
            )
        )


def _segments_json(drafts: Sequence[SegmentDraft]) -> str:
    return json.dumps(
        [
            {
                "title": d.title,
                "kind": d.kind.value,
                "planned_s": d.planned_s,
                "warning_s": d.warning_s,
                "danger_s": d.danger_s,
                "notes": d.notes,
            }
            for d in drafts
        ],
        ensure_ascii=False,
    )


def _template_record(row: RundownTemplate) -> RundownTemplateRecord:
    try:
        items: list[dict[str, Any]] = json.loads(row.segments_json)
        segments = tuple(
            SegmentDraft(
                str(item["title"]),
                SegmentKind(item["kind"]),
                int(item["planned_s"]),
                int(item["warning_s"]),
                int(item["danger_s"]),
                str(item.get("notes", "")),
            )
            for item in items
        )
    except (ValueError, KeyError, TypeError) as error:
        log.warning("template %s is damaged: %s", row.id, error)
        raise RundownProblem(Refusal.TEMPLATE_DAMAGED, name=row.name) from None
    return RundownTemplateRecord(row.id, row.name, row.is_default, segments)
