"""The rig in the database: which phone plays which role, and the audit of alarms and overrides.

Every function blocks (it runs SQL): services call them from a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from sqlalchemy import select

from studio.domain.model import RoomRole
from studio.domain.records import PhoneRecord
from studio.domain.studio_time import now_instant
from studio.store.database import Database
from studio.store.models import AuditEvent, Phone
from studio.store.repository import StudioRepository

Now = Callable[[], dt.datetime]

ALARM_RAISED = "rig.alarm.raised"
ALARM_CLEARED = "rig.alarm.cleared"
PHONE_BOUND = "rig.phone.bound"
GO_LIVE_OVERRIDE = "golive.override"


def bound_phones(db: Database) -> list[PhoneRecord]:
    """The phones bound to a role, county account first."""
    return StudioRepository(db).phones()


def bind_phone(
    db: Database,
    serialno: str,
    role: RoomRole,
    label: str,
    model: str = "",
    *,
    seat: str = "operator",
    now: Now = now_instant,
) -> list[PhoneRecord]:
    """Bind the phone with ``ro.serialno`` ``serialno`` to ``role`` under ``label``.

    Each role has one phone: the phone that held the role before is unbound (its row goes),
    and a phone moving to the other role leaves its old one. The binding is by ``ro.serialno``,
    so it holds whether the phone comes back over USB or Wi-Fi.

    Returns:
        The bound phones after the change.

    Raises:
        ValueError: an empty serial number or label.
    """
    serialno, label = serialno.strip(), label.strip()
    if not serialno or not label:
        raise ValueError("a phone needs a serial number and a label")
    with db.sessions() as s:
        rows = list(s.scalars(select(Phone).order_by(Phone.id)))
        before = "; ".join(
            f"{p.role}:{p.serial}:{p.label}" for p in rows if p.role == role or p.serial == serialno
        )
        phone = next((p for p in rows if p.serial == serialno), None)
        for other in rows:
            if other.role == role and other is not phone:
                s.delete(other)
        if phone is None:
            phone = Phone(serial=serialno, label=label, role=role, model=model)
            s.add(phone)
        else:
            phone.label, phone.role = label, role
            phone.model = model or phone.model
        s.add(
            AuditEvent(
                at=now(),
                seat=seat,
                action=PHONE_BOUND,
                subject=f"phone:{serialno}",
                before=before,
                after=f"{role}:{serialno}:{label}",
            )
        )
        s.commit()
    return bound_phones(db)


def record_alarms(
    db: Database,
    raised: Iterable[tuple[str, str]],
    cleared: Iterable[tuple[str, str]],
    *,
    session_id: int | None = None,
    seat: str = "rig",
    now: Now = now_instant,
) -> int:
    """Write one audit event per alarm raised or cleared; returns how many were written.

    Args:
        raised, cleared: ``(phone, alarm code)`` pairs; the phone is its ``ro.serialno`` when
            known, else adb's serial.
        session_id: today's session, if there is one.
    """
    at = now()
    events = [
        AuditEvent(
            at=at,
            seat=seat,
            action=action,
            subject=f"phone:{phone}",
            before="" if action == ALARM_RAISED else alarm,
            after=alarm if action == ALARM_RAISED else "",
            session_id=session_id,
        )
        for action, pairs in ((ALARM_RAISED, raised), (ALARM_CLEARED, cleared))
        for phone, alarm in pairs
    ]
    if events:
        with db.sessions() as s:
            s.add_all(events)
            s.commit()
    return len(events)


def record_go_live_override(
    db: Database,
    reason: str,
    failed: str,
    *,
    session_id: int | None = None,
    seat: str = "operator",
    now: Now = now_instant,
) -> None:
    """Audit that the session went live although the checklist failed, and why.

    Args:
        reason: what the operator typed.
        failed: the failed checks (`studio.domain.golive.failed_summary`).

    Raises:
        ValueError: an empty reason (an override must say why).
    """
    if not reason.strip():
        raise ValueError("an override needs a reason")
    with db.sessions() as s:
        s.add(
            AuditEvent(
                at=now(),
                seat=seat,
                action=GO_LIVE_OVERRIDE,
                subject=f"session:{session_id}" if session_id else "session",
                before=failed,
                after=reason.strip(),
                session_id=session_id,
            )
        )
        s.commit()
