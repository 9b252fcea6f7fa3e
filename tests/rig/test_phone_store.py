"""Role bindings by ro.serialno, and the audit of alarms and go-live overrides."""

import datetime as dt

import pytest
from sqlalchemy import select

from studio.domain.model import RoomRole
from studio.store import phones
from studio.store.models import AuditEvent

AT = dt.datetime(2026, 11, 26, 14, 55)


def audit(db) -> list[tuple[str, str, str, str]]:
    with db.sessions() as s:
        return [
            (e.action, e.subject, e.before, e.after)
            for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]


def test_bind_replaces_the_role_holder_and_moves_a_phone(fresh_db) -> None:
    bound = phones.bind_phone(fresh_db, "GOV1", RoomRole.GOV, "手机A", "Redmi K70", now=lambda: AT)
    assert [(p.serial, p.role, p.label, p.model) for p in bound] == [
        ("GOV1", RoomRole.GOV, "手机A", "Redmi K70")
    ]
    phones.bind_phone(fresh_db, "DEPT1", RoomRole.DEPT, "手机B", now=lambda: AT)
    bound = phones.bind_phone(fresh_db, "NEW9", RoomRole.GOV, "备用机", "Pixel 7", now=lambda: AT)
    assert [(p.serial, p.role) for p in bound] == [("NEW9", "gov"), ("DEPT1", "dept")]
    bound = phones.bind_phone(fresh_db, "DEPT1", RoomRole.GOV, " 手机B ", now=lambda: AT)
    assert [(p.serial, p.role, p.label) for p in bound] == [("DEPT1", "gov", "手机B")]
    assert audit(fresh_db)[-1] == (
        "rig.phone.bound",
        "phone:DEPT1",
        "dept:DEPT1:手机B; gov:NEW9:备用机",
        "gov:DEPT1:手机B",
    )
    with pytest.raises(ValueError):
        phones.bind_phone(fresh_db, "X", RoomRole.GOV, "  ")


def test_alarm_raise_and_clear_and_override_are_audited(fresh_db) -> None:
    assert phones.record_alarms(fresh_db, [("GOV1", "too_hot")], [], now=lambda: AT) == 1
    assert phones.record_alarms(fresh_db, [], [], now=lambda: AT) == 0
    phones.record_alarms(fresh_db, [], [("GOV1", "too_hot")], now=lambda: AT)
    phones.record_go_live_override(fresh_db, "县长已到场", "dept.battery=18 %", now=lambda: AT)
    assert audit(fresh_db) == [
        ("rig.alarm.raised", "phone:GOV1", "", "too_hot"),
        ("rig.alarm.cleared", "phone:GOV1", "too_hot", ""),
        ("golive.override", "session", "dept.battery=18 %", "县长已到场"),
    ]
    with pytest.raises(ValueError):
        phones.record_go_live_override(fresh_db, " ", "")
