"""Referral tickets in the store: open one per question cluster, read, move (audited), reveal.

Every function is blocking (SQL): services call them from a worker thread, the CLI directly.

A move (:func:`move_ticket`) is one transaction: it reads the ticket, plans the move with
:mod:`studio.domain.referral_lifecycle`, writes the ticket only if its ``version`` is still
the one read (another seat's move in between makes it read and plan again), and writes a
:class:`~studio.store.models.ReferralEvent` — seat, time, status before → after, reason, what
else changed. A refused move writes nothing.

Personal data: everything a record carries is masked (the askers' names and texts as the desk
shows them, the reply, notes, the contact). :func:`reveal_contact` is the one way to the
unmasked contact, and each call writes an audit event (who, when, which ticket) in the same
transaction as the read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import Platform, ReferralCategory, ReferralStatus, Satisfaction
from studio.domain.records import (
    AskerRecord,
    ReferralEventRecord,
    ReferralRecord,
    RevealedAsker,
    RevealedContact,
)
from studio.domain.referral_deadlines import DeadlineRules, is_overdue
from studio.domain.referral_lifecycle import (
    CallBack,
    Close,
    Dispatch,
    Move,
    ReferralRefused,
    Reply,
    Return,
    SignFor,
    TicketState,
    plan,
)
from studio.domain.refusals import Refusal
from studio.domain.studio_time import to_studio
from studio.domain.text.pii import mask_pii
from studio.store.acts import Stale, act_time, dump_json
from studio.store.calendar_days import work_calendar_in
from studio.store.database import Database
from studio.store.models import (
    AuditEvent,
    Question,
    Referral,
    ReferralAsker,
    ReferralEvent,
    Room,
    Session,
    Unit,
)
from studio.store.profile import referral_days_in

#: The audit action of a contact reveal (an :class:`AuditEvent`, subject ``referral:<id>``).
REVEAL_CONTACT = "referral.reveal_contact"
#: The history action of a ticket's creation (before any move).
ACCEPT = "accept"
_TICKET = re.compile(r"(?:ZB-?)?([0-9]+)", re.IGNORECASE | re.ASCII)


def ticket_number(referral_id: int) -> str:
    """What people quote for ticket ``referral_id``: ``ZB-0012``."""
    return f"ZB-{referral_id:04d}"


def parse_ticket_id(text: str) -> int:
    """A ticket's id from what a person typed: ``12``, ``ZB-0012`` or ``zb12``.

    Raises:
        ReferralRefused: not a ticket number (``NO_REFERRAL``).
    """
    found = _TICKET.fullmatch(text.strip())
    if found is None or not 0 < int(found[1]) < 2**63:
        raise ReferralRefused(Refusal.NO_REFERRAL, id=text)
    return int(found[1])


# -- opening a ticket (the desk's R) ---------------------------------------------------------------
def open_ticket(
    s: OrmSession,
    questions: Sequence[Question],
    *,
    unit_id: int,
    category: ReferralCategory,
    note: str,
    deadline: dt.date,
    seat: str,
    at: dt.datetime,
    contact: str = "",
) -> Referral:
    """Add one accepted ticket for ``questions`` (one cluster: the first is the one the
    moderator chose, the summary is its display text) with every question as an asker and its
    ``accept`` history row, in the open transaction. The caller checked the unit."""
    first = questions[0]
    referral = Referral(
        question_id=first.id,
        session_id=first.session_id,
        unit_id=unit_id,
        category=category,
        summary=first.display_text,
        note=note,
        status=ReferralStatus.ACCEPTED,
        created_at=at,
        deadline=deadline,
        contact=contact.strip(),
    )
    s.add(referral)
    s.flush()
    referral.number = ticket_number(referral.id)
    s.add_all(ReferralAsker(referral_id=referral.id, question_id=q.id) for q in questions)
    s.add(
        ReferralEvent(
            referral_id=referral.id,
            at=at,
            seat=seat,
            action=ACCEPT,
            status_before="",
            status_after=ReferralStatus.ACCEPTED,
            unit_id=unit_id,
            reason=note,
            detail=dump_json({"deadline": deadline.isoformat(), "askers": len(questions)}),
        )
    )
    return referral


#: The history action of later askers joining a cluster's ticket.
JOIN = "join"


def join_ticket(
    s: OrmSession,
    referral: Referral,
    questions: Sequence[Question],
    *,
    seat: str,
    at: dt.datetime,
    note: str = "",
) -> list[int]:
    """Add ``questions`` (a cluster's later askers) to the cluster's ticket, with a history
    row, in the open transaction; returns the ids added (those not on it already)."""
    already = set(
        s.scalars(select(ReferralAsker.question_id).where(ReferralAsker.referral_id == referral.id))
    )
    added = [q.id for q in questions if q.id not in already]
    s.add_all(ReferralAsker(referral_id=referral.id, question_id=qid) for qid in added)
    s.add(
        ReferralEvent(
            referral_id=referral.id,
            at=at,
            seat=seat,
            action=JOIN,
            status_before=referral.status,
            status_after=referral.status,
            unit_id=referral.unit_id,
            reason=note,
            detail=dump_json({"askers": added}),
        )
    )
    return added


def leave_ticket(s: OrmSession, referral_id: int, question_ids: Sequence[int]) -> None:
    """Take these askers off a ticket again (the undo of :func:`join_ticket`)."""
    s.execute(
        delete(ReferralAsker).where(
            ReferralAsker.referral_id == referral_id,
            ReferralAsker.question_id.in_(list(question_ids)),
        )
    )


def delete_ticket(s: OrmSession, referral_id: int) -> None:
    """Remove a ticket with its askers and history (undo of the R that opened it).

    Raises:
        ReferralRefused: the viewer's contact on it was revealed (``CONTACT_REVEALED``): the
            reveal's audit names the ticket, so the ticket stays.
    """
    revealed = s.scalar(
        select(AuditEvent.id).where(
            AuditEvent.action == REVEAL_CONTACT, AuditEvent.subject == f"referral:{referral_id}"
        )
    )
    if revealed is not None:
        raise ReferralRefused(Refusal.CONTACT_REVEALED, id=referral_id)
    for table in (ReferralAsker, ReferralEvent):
        s.query(table).filter(table.referral_id == referral_id).delete(synchronize_session=False)
    s.query(Referral).filter(Referral.id == referral_id).delete(synchronize_session=False)


# -- reading -----------------------------------------------------------------------------------
def _masked(text: str) -> str:
    return mask_pii(text).text if text else ""


def _askers(s: OrmSession, ids: Iterable[int]) -> dict[int, list[AskerRecord]]:
    """Each ticket's askers, masked, in the order they asked."""
    query = (
        select(
            ReferralAsker.referral_id,
            Question.id,
            Question.nickname,
            Question.display_text,
            Room.platform,
        )
        .join(Question, Question.id == ReferralAsker.question_id)
        .outerjoin(Room, Room.id == Question.room_id)
        .where(ReferralAsker.referral_id.in_(list(ids)))
        .order_by(ReferralAsker.referral_id, Question.received_at, Question.id)
    )
    found: dict[int, list[AskerRecord]] = {}
    for referral_id, question_id, nickname, text, platform in s.execute(query):
        found.setdefault(referral_id, []).append(
            AskerRecord(question_id, nickname, text, Platform(platform) if platform else None)
        )
    return found


def _record(row: Referral, unit: Unit, day: dt.date, askers: list[AskerRecord]) -> ReferralRecord:
    return ReferralRecord(
        id=row.id,
        session_date=day,
        unit_name=unit.name,
        category=ReferralCategory(row.category),
        summary=row.summary,
        status=ReferralStatus(row.status),
        created_at=row.created_at,
        deadline=row.deadline,
        replied_at=row.replied_at,
        reply=_masked(row.reply),
        reported_back=row.reported_back_session_id is not None,
        number=row.number or ticket_number(row.id),
        session_id=row.session_id,
        unit_id=row.unit_id,
        unit_short_name=unit.short_name,
        note=_masked(row.note),
        reply_by=_masked(row.reply_by),
        satisfaction=Satisfaction(row.satisfaction) if row.satisfaction else None,
        askers=tuple(askers),
        contact=_masked(row.contact),
        dispatched_at=row.dispatched_at,
        signed_at=row.signed_at,
        called_back_at=row.called_back_at,
        closed_at=row.closed_at,
        urge_count=row.urge_count,
        returned_reason=_masked(row.returned_reason),
        returned_by_unit_id=row.returned_by_unit_id,
        extension_until=row.extension_until,
        reported_back_session_id=row.reported_back_session_id,
        version=row.version,
    )


def _unit_ids(s: OrmSession, unit: str | int) -> set[int]:
    """The ids of the unit named ``unit`` (its id, name or short name; retired ones too).

    Raises:
        ReferralRefused: no such unit (``NO_SUCH_UNIT``).
    """
    text = str(unit).strip()
    condition = (Unit.name == text) | (Unit.short_name == text)
    if text.isascii() and text.isdigit():
        condition = condition | (Unit.id == int(text))
    ids = set(s.scalars(select(Unit.id).where(condition)))
    if not ids:
        raise ReferralRefused(Refusal.NO_SUCH_UNIT, name=text)
    return ids


def unit_id_named(db: Database, unit: str | int) -> int:
    """The id of the unit named ``unit`` (its id, name or short name).

    Raises:
        ReferralRefused: no such unit (``NO_SUCH_UNIT``).
    """
    with db.sessions() as s:
        return min(_unit_ids(s, unit))


def list_tickets(
    db: Database,
    *,
    unit: str | int | None = None,
    status: ReferralStatus | None = None,
    overdue_on: dt.date | None = None,
    session_id: int | None = None,
) -> list[ReferralRecord]:
    """The tickets, soonest deadline first, masked.

    Args:
        unit: only the tickets with this unit (its id, name or short name).
        status: only the tickets in this status.
        overdue_on: only the tickets overdue on this day (the studio's today, usually).
        session_id: only the tickets of this session's questions.

    Raises:
        ReferralRefused: ``unit`` names no unit.
    """
    with db.sessions() as s:
        query = (
            select(Referral, Unit, Session.date)
            .join(Unit, Unit.id == Referral.unit_id)
            .join(Session, Session.id == Referral.session_id)
            .order_by(Referral.deadline, Referral.id)
        )
        if unit is not None:
            query = query.where(Referral.unit_id.in_(_unit_ids(s, unit)))
        if status is not None:
            query = query.where(Referral.status == status)
        if session_id is not None:
            query = query.where(Referral.session_id == session_id)
        rows = s.execute(query).all()
        if overdue_on is not None:
            rows = [
                r
                for r in rows
                if is_overdue(ReferralStatus(r[0].status), r[0].deadline, overdue_on)
            ]
        askers = _askers(s, [r[0].id for r in rows])
        return [_record(row, u, day, askers.get(row.id, [])) for row, u, day in rows]


def get_ticket(db: Database, referral_id: int) -> ReferralRecord:
    """One ticket, masked.

    Raises:
        ReferralRefused: no such ticket (``NO_REFERRAL``).
    """
    with db.sessions() as s:
        return _read_record(s, referral_id)


def _read_record(s: OrmSession, referral_id: int) -> ReferralRecord:
    found = s.execute(
        select(Referral, Unit, Session.date)
        .join(Unit, Unit.id == Referral.unit_id)
        .join(Session, Session.id == Referral.session_id)
        .where(Referral.id == referral_id)
        .execution_options(populate_existing=True)
    ).first()
    if found is None:
        raise ReferralRefused(Refusal.NO_REFERRAL, id=referral_id)
    row, unit, day = found
    return _record(row, unit, day, _askers(s, [row.id]).get(row.id, []))


def ticket_history(db: Database, referral_id: int) -> list[ReferralEventRecord]:
    """The ticket's moves, oldest first (reasons masked).

    Raises:
        ReferralRefused: no such ticket.
    """
    with db.sessions() as s:
        if s.get(Referral, referral_id) is None:
            raise ReferralRefused(Refusal.NO_REFERRAL, id=referral_id)
        query = (
            select(ReferralEvent, Unit.name)
            .outerjoin(Unit, Unit.id == ReferralEvent.unit_id)
            .where(ReferralEvent.referral_id == referral_id)
            .order_by(ReferralEvent.id)
        )
        return [
            ReferralEventRecord(
                id=e.id,
                referral_id=e.referral_id,
                at=e.at,
                seat=e.seat,
                action=e.action,
                status_before=ReferralStatus(e.status_before) if e.status_before else None,
                status_after=ReferralStatus(e.status_after),
                unit_name=unit_name or "",
                reason=_masked(e.reason),
                detail=json.loads(e.detail) if e.detail else {},
                person=e.person,
            )
            for e, unit_name in s.execute(query)
        ]


def referral_labels(db: Database, session_id: int) -> dict[int, tuple[str, str]]:
    """Each referred question of a session → its ticket's number and unit short name, for the
    desk's rows ("转办 ZB-0012 · 民政局"); every asker of a cluster's ticket is listed."""
    with db.sessions() as s:
        query = (
            select(ReferralAsker.question_id, Referral.id, Referral.number, Unit.short_name)
            .join(Referral, Referral.id == ReferralAsker.referral_id)
            .join(Unit, Unit.id == Referral.unit_id)
            .where(Referral.session_id == session_id)
            .order_by(Referral.id)
        )
        return {
            question_id: (number or ticket_number(referral_id), short_name)
            for question_id, referral_id, number, short_name in s.execute(query)
        }


# -- moves -------------------------------------------------------------------------------------
def _state(row: Referral) -> TicketState:
    return TicketState(
        status=ReferralStatus(row.status),
        category=ReferralCategory(row.category),
        unit_id=row.unit_id,
        deadline=row.deadline,
        returned_by=row.returned_by_unit_id,
        extension_until=row.extension_until,
        urges=row.urge_count,
        satisfaction=Satisfaction(row.satisfaction) if row.satisfaction else None,
    )


def _changes(
    before: TicketState, after: TicketState, move: Move, at: dt.datetime
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The columns the move writes, and the history row's detail (what changed besides the
    status, as JSON values)."""
    values: dict[str, Any] = {
        "status": after.status,
        "unit_id": after.unit_id,
        "deadline": after.deadline,
        "returned_by_unit_id": after.returned_by,
        "extension_until": after.extension_until,
        "urge_count": after.urges,
        "satisfaction": after.satisfaction,
    }
    detail: dict[str, Any] = {}
    for name, old, new in (
        ("deadline", before.deadline, after.deadline),
        ("unit", before.unit_id, after.unit_id),
        ("extension_until", before.extension_until, after.extension_until),
        ("urges", before.urges, after.urges),
        ("satisfaction", before.satisfaction, after.satisfaction),
    ):
        if old != new:
            detail[name] = [_json(old), _json(new)]
    if isinstance(move, Dispatch):
        values.update(dispatched_at=at, signed_at=None)
    elif isinstance(move, SignFor):
        values["signed_at"] = at
    elif isinstance(move, Reply):
        values.update(reply=move.text.strip(), reply_by=move.by.strip(), replied_at=at)
        detail.update(reply=move.text.strip(), by=move.by.strip())
    elif isinstance(move, CallBack):
        values["called_back_at"] = at
    elif isinstance(move, Close):
        values["closed_at"] = at
    elif isinstance(move, Return):
        values["returned_reason"] = move.reason.strip()
    return values, detail


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def _check_unit(s: OrmSession, unit_id: int) -> None:
    unit = s.get(Unit, unit_id)
    if unit is None:
        raise ReferralRefused(Refusal.NO_UNIT_TO_REFER, id=unit_id)
    if unit.retired:
        raise ReferralRefused(Refusal.UNIT_RETIRED, name=unit.name)


def move_ticket(
    db: Database,
    referral_id: int,
    move: Move,
    *,
    seat: str,
    now: dt.datetime | None = None,
    today: dt.date | None = None,
    rules: DeadlineRules | None = None,
    attempts: int = 5,
) -> ReferralRecord:
    """Make ``move`` on a ticket, with its history row, in one transaction.

    Args:
        seat: who moves it (the audit's "who": a staff seat, ``cli`` …).
        now: the move's instant, naive UTC (default: the clock).
        today: the studio's date the move is made on, for deadlines (default: ``now``'s).
        rules: working days per category (default: the stored rules).

    Returns:
        The ticket after the move, masked.

    Raises:
        ReferralRefused: no such ticket; a dispatch to an unknown or retired unit; or the
            lifecycle refuses the move (see :func:`studio.domain.referral_lifecycle.plan`);
            or other seats moved the ticket at every attempt (``TICKET_KEPT_CHANGING``).
            Nothing is written.
    """

    def work(s: OrmSession) -> ReferralRecord:
        row = s.get(Referral, referral_id, populate_existing=True)
        if row is None:
            raise ReferralRefused(Refusal.NO_REFERRAL, id=referral_id)
        if isinstance(move, Dispatch):
            _check_unit(s, move.unit_id)
        at = act_time(now)
        day = today or to_studio(at).date()
        before = _state(row)
        after = plan(before, move, day, rules or load_rules(s))
        values, detail = _changes(before, after, move, at)
        written = s.execute(
            update(Referral)
            .where(Referral.id == referral_id, Referral.version == row.version)
            .values(**values, version=row.version + 1)
            .execution_options(synchronize_session=False)
        )
        if written.rowcount != 1:  # type: ignore[attr-defined]
            raise Stale
        s.add(
            ReferralEvent(
                referral_id=referral_id,
                at=at,
                seat=seat,
                action=str(move.action),
                status_before=before.status,
                status_after=after.status,
                unit_id=after.unit_id,
                reason=move.reason.strip(),
                detail=dump_json(detail) if detail else "",
            )
        )
        s.flush()
        return _read_record(s, referral_id)

    for _attempt in range(attempts):
        with db.sessions() as s:
            try:
                result = work(s)
            except Stale:
                s.rollback()
                continue
            s.commit()
            return result
    raise ReferralRefused(Refusal.TICKET_KEPT_CHANGING)


# -- the viewer's contact ------------------------------------------------------------------------
def reveal_contact(
    db: Database, referral_id: int, *, seat: str, now: dt.datetime | None = None
) -> RevealedContact:
    """The ticket's contact and its askers unmasked, for a department that needs to reach the
    viewer; audited (who: ``seat``, when, which ticket) in the same transaction.

    Raises:
        ValueError: no seat (a reveal must say who).
        ReferralRefused: no such ticket.
    """
    if not seat.strip():
        raise ValueError("a contact is revealed by someone: give the seat")
    with db.transaction() as s:
        row = s.get(Referral, referral_id)
        if row is None:
            raise ReferralRefused(Refusal.NO_REFERRAL, id=referral_id)
        askers = tuple(
            RevealedAsker(q.id, q.raw_nickname or q.nickname, q.author_id, q.raw_text)
            for q in s.scalars(
                select(Question)
                .join(ReferralAsker, ReferralAsker.question_id == Question.id)
                .where(ReferralAsker.referral_id == referral_id)
                .order_by(Question.received_at, Question.id)
            )
        )
        number = row.number or ticket_number(row.id)
        event = AuditEvent(
            at=act_time(now),
            seat=seat.strip(),
            action=REVEAL_CONTACT,
            subject=f"referral:{referral_id}",
            before="",
            after=dump_json({"number": number, "askers": len(askers)}),
            session_id=row.session_id,
        )
        s.add(event)
        s.flush()
        return RevealedContact(referral_id, number, row.contact, askers, event.id)


def contact_reveals(db: Database, referral_id: int) -> list[tuple[dt.datetime, str]]:
    """Who revealed the ticket's contact and when (naive UTC), oldest first."""
    with db.sessions() as s:
        query = (
            select(AuditEvent.at, AuditEvent.seat)
            .where(
                AuditEvent.action == REVEAL_CONTACT,
                AuditEvent.subject == f"referral:{referral_id}",
            )
            .order_by(AuditEvent.id)
        )
        return [(at, seat) for at, seat in s.execute(query)]


# -- deadline rules ------------------------------------------------------------------------------
def load_rules(s: OrmSession) -> DeadlineRules:
    """The working days per category the studio's profile sets (the settings page), read in
    the open transaction, counted on the studio's calendar (days entered by hand included)."""
    return DeadlineRules(
        {ReferralCategory(c): days for c, days in referral_days_in(s).items()},
        calendar=work_calendar_in(s),
    )


def load_deadline_rules(db: Database) -> DeadlineRules:
    """The working days per category as set in the studio's profile (the defaults before)."""
    with db.sessions() as s:
        return load_rules(s)
