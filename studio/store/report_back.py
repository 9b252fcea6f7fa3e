"""The report-back segment in the store: the tickets chosen for a session, which one is on the
official's screen, and which tickets have been reported back (and in which session).

The choice is stored the first time a session's report-back is read (the default, see
:mod:`studio.domain.report_back`) or when staff choose; stepping the clicker through it puts
one ticket on screen and records that the ticket was reported back in this session, with a
history row on the ticket. Every function is blocking (SQL).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import ReferralStatus, SegmentKind
from studio.domain.question_lifecycle import Undo
from studio.domain.records import ReportBackItem as ReportBackRecord
from studio.domain.referral_lifecycle import ReferralRefused
from studio.domain.refusals import Refusal
from studio.domain.report_back import DEFAULT_ITEMS, REPLIED
from studio.domain.rundown_clock import reading
from studio.domain.studio_time import to_epoch
from studio.domain.text.pii import mask_pii
from studio.store.acts import act_time, dump_json, retrying
from studio.store.database import Database
from studio.store.models import (
    AuditEvent,
    Referral,
    ReferralEvent,
    ReportBackItem,
    Session,
    Unit,
)
from studio.store.queue_order import step_queue
from studio.store.referrals import ticket_number
from studio.store.timer_store import _snapshot

#: The history action of a ticket reported back on air.
REPORT_BACK = "report_back"
#: The audit action of staff choosing a session's report-back tickets.
CHOOSE = "report_back.choose"


def _candidates(s: OrmSession, session_id: int, limit: int) -> list[int]:
    """The session's unit's replied tickets no session has reported yet, oldest reply first."""
    session = s.get(Session, session_id)
    if session is None:
        raise ReferralRefused(Refusal.SESSION_MISSING, id=session_id)
    query = (
        select(Referral.id)
        .where(
            Referral.unit_id == session.unit_id,
            Referral.status.in_([str(status) for status in REPLIED]),
            Referral.reported_back_session_id.is_(None),
        )
        .order_by(Referral.replied_at, Referral.id)
        .limit(limit)
    )
    return list(s.scalars(query))


def _items(s: OrmSession, session_id: int) -> list[ReportBackRecord]:
    query = (
        select(ReportBackItem, Referral, Unit.name)
        .join(Referral, Referral.id == ReportBackItem.referral_id)
        .join(Unit, Unit.id == Referral.unit_id)
        .where(ReportBackItem.session_id == session_id)
        .order_by(ReportBackItem.position)
    )
    return [
        ReportBackRecord(
            referral_id=ticket.id,
            number=ticket.number or ticket_number(ticket.id),
            unit_name=unit_name,
            question=mask_pii(ticket.summary).text,
            reply=mask_pii(ticket.reply).text,
            reported=ticket.reported_back_session_id == session_id,
            on_screen=item.on_screen,
        )
        for item, ticket, unit_name in s.execute(query)
    ]


def _plan_default(s: OrmSession, session_id: int) -> None:
    """Store the default choice, afresh while it is only a default: until staff choose or the
    clicker has stepped into it, a ticket replied since the last read joins it."""
    items = list(s.scalars(select(ReportBackItem).where(ReportBackItem.session_id == session_id)))
    if any(item.on_screen for item in items):
        return
    chosen = s.scalar(
        select(AuditEvent.id).where(
            AuditEvent.action == CHOOSE, AuditEvent.subject == f"session:{session_id}"
        )
    )
    if chosen is not None:
        return
    fresh = _candidates(s, session_id, DEFAULT_ITEMS)
    if [item.referral_id for item in sorted(items, key=lambda i: i.position)] == fresh:
        return
    s.execute(delete(ReportBackItem).where(ReportBackItem.session_id == session_id))
    for position, referral_id in enumerate(fresh):
        s.add(ReportBackItem(session_id=session_id, referral_id=referral_id, position=position))
    s.flush()


def report_back_items(db: Database, session_id: int) -> list[ReportBackRecord]:
    """The tickets of the session's report-back segment, in order (the default chosen and
    stored on first read: the unit's replied tickets not yet reported, oldest reply first)."""
    with db.transaction() as s:
        _plan_default(s, session_id)
        return _items(s, session_id)


def choose_report_back(
    db: Database,
    session_id: int,
    referral_ids: Sequence[int],
    *,
    seat: str,
    now: dt.datetime | None = None,
) -> list[ReportBackRecord]:
    """Staff choose the session's report-back tickets, in this order (audited).

    Raises:
        ReferralRefused: no such session or ticket, or a ticket without a reply yet; nothing
            is written.
    """
    ids = list(dict.fromkeys(referral_ids))
    with db.transaction() as s:
        if s.get(Session, session_id) is None:
            raise ReferralRefused(Refusal.SESSION_MISSING, id=session_id)
        for referral_id in ids:
            ticket = s.get(Referral, referral_id)
            if ticket is None:
                raise ReferralRefused(Refusal.NO_REFERRAL, id=referral_id)
            if ReferralStatus(ticket.status) not in REPLIED:
                raise ReferralRefused(
                    Refusal.REPORT_BACK_NOT_REPLIED, id=ticket.number or ticket_number(ticket.id)
                )
        before = [item.referral_id for item in _items(s, session_id)]
        s.execute(delete(ReportBackItem).where(ReportBackItem.session_id == session_id))
        s.add_all(
            ReportBackItem(session_id=session_id, referral_id=referral_id, position=position)
            for position, referral_id in enumerate(ids)
        )
        s.add(
            AuditEvent(
                at=act_time(now),
                seat=seat,
                action=CHOOSE,
                subject=f"session:{session_id}",
                before=dump_json(before),
                after=dump_json(ids),
                session_id=session_id,
            )
        )
        s.flush()
        return _items(s, session_id)


def step_report_back(
    s: OrmSession, session_id: int, *, forward: bool, seat: str, at: dt.datetime
) -> list[ReportBackRecord]:
    """The clicker in the report-back segment, in the open transaction: the next (or
    previous) ticket goes on the official's screen and is recorded as reported back in this
    session (a history row on the ticket, the first time).

    Raises:
        ReferralRefused: the segment has no ticket to report (``REPORT_BACK_EMPTY``).
    """
    _plan_default(s, session_id)
    items = list(
        s.scalars(
            select(ReportBackItem)
            .where(ReportBackItem.session_id == session_id)
            .order_by(ReportBackItem.position)
        )
    )
    if not items:
        raise ReferralRefused(Refusal.REPORT_BACK_EMPTY)
    current = next((i for i, item in enumerate(items) if item.on_screen), None)
    if current is None:
        target = 0 if forward else len(items) - 1
    else:
        target = min(current + 1, len(items) - 1) if forward else max(current - 1, 0)
    for index, item in enumerate(items):
        item.on_screen = index == target
    ticket = s.get(Referral, items[target].referral_id)
    assert ticket is not None
    if ticket.reported_back_session_id is None:
        ticket.reported_back_session_id = session_id
        s.add(
            ReferralEvent(
                referral_id=ticket.id,
                at=at,
                seat=seat,
                action=REPORT_BACK,
                status_before=ticket.status,
                status_after=ticket.status,
                unit_id=ticket.unit_id,
                reason="",
                detail=dump_json({"session_id": session_id}),
            )
        )
    s.flush()
    return _items(s, session_id)


def in_report_back(s: OrmSession, session_id: int, now: dt.datetime) -> bool:
    """Whether the session's timer is in a report-back segment at ``now`` (from the store)."""
    snapshot = _snapshot(s, session_id)
    if not snapshot.state.started:
        return False
    index = reading(snapshot.state, snapshot.rundown, to_epoch(now)).segment_index
    segments = snapshot.rundown.segments
    return 0 <= index < len(segments) and segments[index].kind == SegmentKind.REPORT_BACK


def clicker_step(
    db: Database,
    *,
    forward: bool,
    seat: str,
    session_id: int,
    now: dt.datetime | None = None,
    attempts: int = 5,
) -> Undo | list[ReportBackRecord]:
    """The official's clicker, decided from the store: in a report-back segment it steps
    through the segment's tickets (returns them); otherwise through the on-air queue (returns
    the move's undo, see :func:`studio.store.queue_order.step_on_air`).

    Raises:
        MoveRefused: nothing queued (outside report-back); ReferralRefused: no ticket to
            report (inside). Nothing is written.
    """
    at = act_time(now)

    def work(s: OrmSession) -> Undo | list[ReportBackRecord]:
        if in_report_back(s, session_id, at):
            return step_report_back(s, session_id, forward=forward, seat=seat, at=at)
        return step_queue(s, forward=forward, seat=seat, session_id=session_id, at=at)

    return retrying(db, work, attempts)
