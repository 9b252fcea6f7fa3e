"""The go-live checklist and the merge of readings with role bindings."""

from studio.domain.golive import (
    GoLiveCheck,
    checklist,
    checklist_of,
    failed_summary,
    merge,
    passes,
)
from studio.domain.model import RoomRole
from studio.domain.phone_health import PhoneHealth, PhoneState
from studio.domain.records import PhoneRecord

READY = PhoneHealth(
    "GOV1",
    "device",
    model="Redmi K70",
    serialno="GOV1",
    battery_level=64,
    charging=False,
    temperature_c=35.0,
    screen_on=True,
    stay_on=True,
    foreground_package="com.smile.gifmaker",
    thermal_status=0,
)


def ready(serial: str, **changes: object) -> PhoneHealth:
    from dataclasses import replace

    changes.setdefault("serialno", serial)
    return replace(READY, serial=serial, **changes)  # type: ignore[arg-type]


def test_two_ready_phones_pass() -> None:
    results = checklist({RoomRole.GOV: ready("GOV1"), RoomRole.DEPT: ready("DEPT1")})
    assert len(results) == 10
    assert [r.check for r in results[:5]] == list(GoLiveCheck)
    assert passes(results)
    assert failed_summary(results) == ""


def test_a_missing_phone_fails_every_check_of_its_role() -> None:
    results = checklist({RoomRole.GOV: ready("GOV1")})
    assert not passes(results)
    dept = [r for r in results if r.role == RoomRole.DEPT]
    assert [(r.passed, r.detail) for r in dept] == [(False, "missing")] * 5
    assert failed_summary(results).startswith("dept.connected=missing; dept.live_app=missing")


def test_battery_needs_30_percent_or_a_charger() -> None:
    low = checklist({RoomRole.GOV: ready("A", battery_level=29), RoomRole.DEPT: ready("B")})
    assert [(r.check, r.detail) for r in low if not r.passed] == [(GoLiveCheck.BATTERY, "29 %")]
    charging = checklist(
        {
            RoomRole.GOV: ready("A", battery_level=12, charging=True),
            RoomRole.DEPT: ready("B", battery_level=30),
        }
    )
    assert passes(charging)
    assert charging[2].detail == "12 % +"


def test_heat_app_screen_and_unknown_readings_fail() -> None:
    results = checklist(
        {
            RoomRole.GOV: ready("A", temperature_c=42.0, foreground_package="com.tencent.mm"),
            RoomRole.DEPT: ready("B", screen_on=None, thermal_status=3),
        }
    )
    failed = {(r.role, r.check): r.detail for r in results if not r.passed}
    assert failed == {
        (RoomRole.GOV, GoLiveCheck.TEMPERATURE): "42.0 °C",
        (RoomRole.GOV, GoLiveCheck.LIVE_APP): "com.tencent.mm",
        (RoomRole.DEPT, GoLiveCheck.TEMPERATURE): "35.0 °C",
        (RoomRole.DEPT, GoLiveCheck.SCREEN_AWAKE): "unknown",
    }


def test_not_responding_phone_fails_with_its_state() -> None:
    hung = PhoneHealth("B", PhoneState.NOT_RESPONDING, serialno="B")
    results = checklist({RoomRole.GOV: ready("A"), RoomRole.DEPT: hung})
    assert {r.detail for r in results if not r.passed} == {"not_responding"}


def test_merge_binds_by_serialno_whatever_the_connection() -> None:
    bound = [
        PhoneRecord(1, "GOV1", "手机A", RoomRole.GOV, "Redmi K70"),
        PhoneRecord(2, "DEPT1", "手机B", RoomRole.DEPT, "HUAWEI nova 12"),
    ]
    wifi = ready("192.168.1.5:5555", serialno="GOV1")
    stranger = PhoneHealth("X9", "unauthorized")
    statuses = merge([stranger, wifi], bound, session_live=True)
    assert [(s.key, s.role, s.label, s.health.state) for s in statuses] == [
        ("GOV1", RoomRole.GOV, "手机A", "device"),
        ("DEPT1", RoomRole.DEPT, "手机B", PhoneState.DISCONNECTED),
        ("X9", None, "", "unauthorized"),
    ]
    assert statuses[0].health.serial == "192.168.1.5:5555"
    assert statuses[1].health.model == "HUAWEI nova 12"
    assert statuses[1].alarms == ("disconnected",)
    assert statuses[2].alarms == ("unauthorized",)
    assert [r.passed for r in checklist_of(statuses)][:5] == [True] * 5


def test_merge_prefers_the_working_usb_connection_of_a_phone_listed_twice() -> None:
    usb = ready("GOV1")
    wifi = ready("10.0.0.2:5555", serialno="GOV1", state=PhoneState.NOT_RESPONDING)
    [status] = merge([wifi, usb], [], session_live=False)
    assert status.health.serial == "GOV1"
    offline_usb = PhoneHealth("GOV1", "offline")
    [status] = merge([offline_usb, ready("10.0.0.2:5555", serialno="GOV1")], [], session_live=False)
    assert status.key == "GOV1" and status.health.serial == "10.0.0.2:5555"


def test_unbound_phones_raise_no_live_alarms() -> None:
    away = ready("Z1", foreground_package="com.tencent.mm")
    [status] = merge([away], [], session_live=True)
    assert status.alarms == ()
    bound = [PhoneRecord(1, "Z1", "A", RoomRole.GOV, "")]
    [status] = merge([away], bound, session_live=True)
    assert status.alarms == ("live_app_not_in_front",)
