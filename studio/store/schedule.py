"""Writing the schedule: fill a period from the rota, move or edit a session, undo a fill.

Every function is blocking and does its work in one transaction: services call them from a
worker thread, the ``studio schedule`` commands directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import joinedload

from studio.domain.model import SessionStatus
from studio.domain.records import OfficialRecord, SessionRecord
from studio.domain.refusals import Refusal, Refused
from studio.domain.rotation import RotaEntry, RotaProblem, RotaSlot, RotaUnit, plan_rotation
from studio.domain.schedule_table import TOPIC_MAX
from studio.domain.session_readiness import (
    SETTABLE,
    SessionDetails,
    SessionEdit,
    is_editable,
    missing_for_ready,
    slot_is_valid,
)
from studio.store.calendar_days import work_calendar_in
from studio.store.database import Database
from studio.store.models import (
    Official,
    Question,
    Referral,
    RotaSetting,
    Segment,
    Session,
    StudioProfileRow,
    Unit,
)
from studio.store.repository import StudioRepository, session_record
from studio.store.rundowns import list_templates, save_rundown

SESSION_START = dt.time(15, 0)
SESSION_END = dt.time(16, 0)
# How far back the rota looks to continue fairly from the last sessions.
HISTORY_DAYS = 90


class ScheduleProblem(Refused):
    """A schedule change was refused: a code and its arguments, worded by the refusal table."""


def default_slot(s: OrmSession) -> tuple[dt.time, dt.time]:
    """A new session's slot: the profile's (15:00–16:00 until it is set)."""
    profile = s.get(StudioProfileRow, 1)
    if profile is None:
        return SESSION_START, SESSION_END
    return profile.slot_start, profile.slot_end


def create_session(db: Database, day: dt.date) -> SessionRecord:
    """A planned session on ``day`` (any day: a first session may be a rehearsal on a Sunday),
    in the profile's slot, with the first unit on the rota and its official in the chair; the
    operator edits it from there.

    Raises:
        ScheduleProblem: the day has a session already, or there is no unit to put in the chair.
    """
    with db.transaction() as s:
        if s.scalar(select(exists().where(Session.date == day))):
            raise ScheduleProblem(Refusal.DAY_TAKEN, date=day)
        paused = select(RotaSetting.unit_id).where(RotaSetting.paused.is_(True))
        unit = s.scalars(
            select(Unit)
            .where(Unit.retired.is_(False), Unit.id.not_in(paused))
            .order_by(Unit.id)
            .limit(1)
        ).first()
        if unit is None:
            raise ScheduleProblem(Refusal.NO_UNIT_FOR_SESSION)
        start, end = default_slot(s)
        row = Session(
            date=day,
            start=start,
            end=end,
            unit=unit,
            official=_first_officials(s).get(unit.id),
            topic="",
            status=SessionStatus.PLANNED,
        )
        s.add(row)
        s.flush()
        return session_record(row)


def list_sessions(db: Database, first: dt.date, last: dt.date) -> list[SessionRecord]:
    """The sessions from ``first`` to ``last`` (both included), in date order."""
    return StudioRepository(db).sessions_between(first, last)


def _unit_ids(units: list[Unit], names: Iterable[str]) -> dict[str, int]:
    by_name = {u.name: u.id for u in units} | {u.short_name: u.id for u in units}
    found = {}
    for name in names:
        if name not in by_name:
            raise ScheduleProblem(Refusal.NO_UNIT_CALLED, name=name)
        found[name] = by_name[name]
    return found


def generate_schedule(
    db: Database,
    first: dt.date,
    last: dt.date,
    *,
    paused: Collection[str] = (),
    weights: Mapping[str, float] | None = None,
    dry_run: bool = False,
) -> list[SessionRecord]:
    """Fill the working days from ``first`` to ``last`` that have no session from the rota.

    Args:
        paused: names (or short names) of units to leave out this time.
        weights: unit name → weight (default 1.0 each).
        dry_run: plan only; nothing is written and the records have id 0.

    Returns:
        The sessions created (or that would be), in date order: status planned, no topic yet,
        the unit's first official in the chair.
    """
    weights = weights or {}
    with db.transaction() as s:
        units = list(s.scalars(select(Unit).where(Unit.retired.is_(False)).order_by(Unit.id)))
        stored = {r.unit_id: r for r in s.scalars(select(RotaSetting))}
        # The stored rota, with this run's pauses and weights on top.
        paused_ids = set(_unit_ids(units, paused).values())
        paused_ids |= {i for i, r in stored.items() if r.paused}
        weight_ids = {i: r.weight for i, r in stored.items()}
        weight_ids |= {_unit_ids(units, [n])[n]: w for n, w in weights.items()}
        entries = [RotaUnit(u.id, weight_ids.get(u.id, 1.0), u.id in paused_ids) for u in units]
        around = s.execute(
            select(Session.date, Session.unit_id).where(
                Session.date >= first - dt.timedelta(days=HISTORY_DAYS), Session.date <= last
            )
        ).all()
        booked = {day: unit_id for day, unit_id in around if day >= first}
        history = [RotaSlot(day, u) for day, u in around if day < first and u is not None]
        try:
            slots = plan_rotation(
                entries,
                first,
                last,
                booked=booked,
                history=history,
                working_day=work_calendar_in(s).is_working_day,
            )
        except RotaProblem as problem:
            raise ScheduleProblem(problem.code, **problem.arguments) from None
        officials = _first_officials(s)
        by_id = {u.id: u for u in units}
        start, end = default_slot(s)
        if dry_run:
            return [_unsaved(slot.day, by_id[slot.unit_id], officials) for slot in slots]
        rows = [
            Session(
                date=slot.day,
                start=start,
                end=end,
                unit=by_id[slot.unit_id],
                official=officials.get(slot.unit_id),
                topic="",
                status=SessionStatus.PLANNED,
            )
            for slot in slots
        ]
        s.add_all(rows)
        s.flush()
        return [session_record(row) for row in rows]


def rota(db: Database) -> list[RotaEntry]:
    """Every unit not retired, with its weight and whether it is paused."""
    with db.transaction() as s:
        stored = {r.unit_id: r for r in s.scalars(select(RotaSetting))}
        entries = []
        for unit in s.scalars(select(Unit).where(Unit.retired.is_(False)).order_by(Unit.id)):
            setting = stored.get(unit.id)
            entries.append(
                RotaEntry(
                    unit.id,
                    unit.name,
                    setting.weight if setting else 1.0,
                    setting.paused if setting else False,
                    setting.note if setting else "",
                )
            )
        return entries


def set_rota(
    db: Database,
    unit: str,
    *,
    weight: float | None = None,
    paused: bool | None = None,
    note: str | None = None,
) -> None:
    """Change a unit's weight, pause or note on the rota (what is None stays as it is).

    Raises:
        ScheduleProblem: no such unit, or a weight that is not positive.
    """
    if weight is not None and weight <= 0:
        raise ScheduleProblem(Refusal.WEIGHT_NOT_POSITIVE, name=unit)
    with db.transaction() as s:
        units = list(s.scalars(select(Unit).where(Unit.retired.is_(False))))
        unit_id = _unit_ids(units, [unit])[unit]
        setting = s.get(RotaSetting, unit_id)
        if setting is None:
            setting = RotaSetting(unit_id=unit_id, weight=1.0, paused=False, note="")
            s.add(setting)
        if weight is not None:
            setting.weight = weight
        if paused is not None:
            setting.paused = paused
        if note is not None:
            setting.note = note


def _unsaved(day: dt.date, unit: Unit, officials: Mapping[int, Official]) -> SessionRecord:
    """The record of a session the rota proposes but nobody stored (id 0)."""
    official = officials.get(unit.id)
    return SessionRecord(
        id=0,
        date=day,
        start=SESSION_START,
        end=SESSION_END,
        unit_id=unit.id,
        unit_name=unit.name,
        unit_short_name=unit.short_name,
        official_name=official.name if official else "",
        official_title=official.title if official else "",
        topic="",
        status=SessionStatus.PLANNED,
    )


def _first_officials(s: OrmSession) -> dict[int, Official]:
    """Each unit's official in the chair: its first one not retired."""
    officials: dict[int, Official] = {}
    query = select(Official).where(Official.retired.is_(False)).order_by(Official.id)
    for official in s.scalars(query):
        officials.setdefault(official.unit_id, official)
    return officials


def remove_planned_sessions(db: Database, session_ids: Iterable[int]) -> list[int]:
    """Undo a fill: delete the sessions that are still planned and have nothing attached.

    A session that got questions or referrals, or left the planned state, since the fill is
    kept. Returns the ids actually removed.
    """
    ids = list(session_ids)
    if not ids:
        return []
    removed = []
    with db.transaction() as s:
        query = select(Session).where(
            Session.id.in_(ids),
            Session.status == SessionStatus.PLANNED,
            ~exists().where(Question.session_id == Session.id),
            ~exists().where(Referral.session_id == Session.id),
            ~exists().where(Referral.reported_back_session_id == Session.id),
        ).order_by(Session.id)
        for row in s.scalars(query):
            removed.append(row.id)
            s.delete(row)
    return removed


def move_session(db: Database, session_id: int, day: dt.date) -> SessionRecord:
    """Move a session to another day, keeping its unit, official, topic and running order.

    Raises:
        ScheduleProblem: no such session, it is live or over, the day is not a working day,
            or another session is already on that day.
    """
    with db.transaction() as s:
        row = _session_row(s, session_id)
        if row.status in (SessionStatus.LIVE, SessionStatus.ENDED):
            raise ScheduleProblem(
                Refusal.SESSION_STAYS,
                id=session_id,
                status=SessionStatus(row.status),
                date=row.date,
            )
        if row.date == day:
            return session_record(row)
        if not work_calendar_in(s).is_working_day(day):
            raise ScheduleProblem(Refusal.NOT_A_WORKING_DAY, date=day)
        taken = s.scalar(
            select(func.count())
            .select_from(Session)
            .where(Session.date == day, Session.id != session_id)
        )
        if taken:
            raise ScheduleProblem(Refusal.DAY_TAKEN, date=day)
        row.date = day
        s.flush()
        return session_record(row)


def _segment_count(s: OrmSession, session_id: int) -> int:
    query = select(func.count()).select_from(Segment).where(Segment.session_id == session_id)
    return int(s.scalar(query) or 0)


def _session_row(s: OrmSession, session_id: int) -> Session:
    row = s.scalars(
        select(Session)
        .options(joinedload(Session.unit), joinedload(Session.official))
        .where(Session.id == session_id)
    ).first()
    if row is None:
        raise ScheduleProblem(Refusal.NO_SESSION, id=session_id)
    return row


def session_details(db: Database, session_id: int) -> SessionDetails:
    """A session with its official, the length of its running order and the choices to edit it.

    Raises:
        ScheduleProblem: no such session.
    """
    units = StudioRepository(db).units()
    with db.transaction() as s:
        row = _session_row(s, session_id)
        query = (
            select(Official)
            .options(joinedload(Official.unit))
            .where(Official.retired.is_(False))
            .order_by(Official.unit_id, Official.id)
        )
        officials = tuple(
            OfficialRecord(o.id, o.name, o.title, o.unit_id, o.unit.name) for o in s.scalars(query)
        )
        return SessionDetails(
            session_record(row),
            row.official_id,
            _segment_count(s, row.id),
            tuple(units),
            officials,
        )


def edit_session(
    db: Database, session_id: int, edit: SessionEdit
) -> tuple[SessionRecord, SessionEdit]:
    """Set a session's unit, official, topic, slot and status in one transaction.

    Returns:
        The session as it is now, and as it was before (an edit that undoes this one).

    Raises:
        ScheduleProblem: no such session; it is live or over; the slot ends before it starts;
            the unit is retired or the official not one of the unit's own (retired ones only
            where they already sit); a status set by hand other than planned or ready; or
            "ready" while the topic, the official or the running order is missing.
    """
    with db.transaction() as s:
        row = _session_row(s, session_id)
        status = SessionStatus(row.status)
        if not is_editable(status):
            raise ScheduleProblem(Refusal.SESSION_NOT_EDITABLE, id=session_id, status=status)
        if edit.status not in SETTABLE:
            raise ScheduleProblem(Refusal.STATUS_NOT_BY_HAND, status=edit.status)
        if not slot_is_valid(edit.start, edit.end):
            raise ScheduleProblem(
                Refusal.SLOT_BACKWARDS, start=f"{edit.start:%H:%M}", end=f"{edit.end:%H:%M}"
            )
        topic = edit.topic.strip()
        if len(topic) > TOPIC_MAX:
            raise ScheduleProblem(Refusal.TOPIC_TOO_LONG, max=TOPIC_MAX)
        if edit.unit_id is not None and edit.unit_id != row.unit_id:
            unit = s.get(Unit, edit.unit_id)
            if unit is None or unit.retired:
                raise ScheduleProblem(Refusal.UNIT_NOT_ON_ROTA, id=edit.unit_id)
        if edit.official_id is not None:
            official = s.get(Official, edit.official_id)
            if official is None or official.unit_id != edit.unit_id:
                raise ScheduleProblem(Refusal.OFFICIAL_NOT_OF_UNIT)
            if official.retired and edit.official_id != row.official_id:
                raise ScheduleProblem(Refusal.OFFICIAL_RETIRED, name=official.name)
        if edit.status == SessionStatus.READY:
            missing = missing_for_ready(topic, edit.official_id, _segment_count(s, row.id))
            if missing:
                raise ScheduleProblem(Refusal.READY_MISSING, missing=tuple(missing))
        before = SessionEdit(row.unit_id, row.official_id, row.topic, row.start, row.end, status)
        row.unit_id, row.official_id = edit.unit_id, edit.official_id
        row.topic, row.start, row.end, row.status = topic, edit.start, edit.end, edit.status
        s.flush()
        s.expire(row, ["unit", "official"])
        return session_record(row), before


def start_rundown(db: Database, session_id: int) -> int:
    """Give a session without a running order the default template's; returns its length.

    A session being prepared days ahead (to be "ready") has no running order yet, and the
    running order editor follows today's session; this starts it from the studio's standard.
    A session that already has segments keeps them.

    Raises:
        ScheduleProblem: no such session, or it is live or over.
    """
    with db.transaction() as s:
        row = _session_row(s, session_id)
        if not is_editable(SessionStatus(row.status)):
            raise ScheduleProblem(
                Refusal.SESSION_NOT_EDITABLE, id=session_id, status=SessionStatus(row.status)
            )
        segments = _segment_count(s, session_id)
    if segments:
        return segments
    templates = list_templates(db)  # the default one first (created if missing)
    if not templates:
        raise ScheduleProblem(Refusal.NO_TEMPLATE_READABLE)
    drafts = list(templates[0].segments)
    save_rundown(db, session_id, drafts)
    return len(drafts)
