"""The rig before and during going live: each phone with its role and alarms, and the checklist.

Pure rules over the last `PhoneHealth` of each phone. In the checklist a reading the phone did
not give counts as not passed: before going on air the operator must see it, or override with
a reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from studio.domain.model import RoomRole
from studio.domain.phone_health import (
    THERMAL_SEVERE,
    TOO_HOT_C,
    PhoneHealth,
    PhoneState,
    alarms,
)
from studio.domain.records import PhoneRecord

GO_LIVE_BATTERY_PCT = 30
"""Below this a phone must be charging: a 60-minute stream drains about a quarter."""


@dataclass(frozen=True, slots=True)
class PhoneStatus:
    """A phone as the Rig tab shows it: its health, its binding and its alarms.

    Attributes:
        key: the phone's stable id: ``ro.serialno`` when known, else adb's serial.
        health: the last reading (``health.serial`` is adb's serial, used for actions).
        role, label: its binding; None and "" for a phone not bound to a role.
        alarms: `PhoneAlarm` codes, worst first.
    """

    key: str
    health: PhoneHealth
    role: RoomRole | None = None
    label: str = ""
    alarms: tuple[str, ...] = field(default_factory=tuple)


def _rank(h: PhoneHealth) -> tuple[int, int]:
    # A phone on both USB and Wi-Fi is listed twice: show the connection that works, USB first.
    return (0 if h.online else 1, 1 if h.wifi else 0)


def merge(
    healths: Sequence[PhoneHealth], bound: Sequence[PhoneRecord], *, session_live: bool
) -> list[PhoneStatus]:
    """One status per phone: bound phones first (county, department), then the others.

    A bound phone that adb does not list is shown as disconnected with its stored model.
    """
    best: dict[str, PhoneHealth] = {}
    for h in healths:
        key = h.serialno or h.serial
        if key not in best or _rank(h) < _rank(best[key]):
            best[key] = h
    statuses = []
    for phone in bound:
        found = best.pop(phone.serial, None)
        h = found or PhoneHealth(
            serial=phone.serial,
            state=PhoneState.DISCONNECTED,
            model=phone.model or None,
            serialno=phone.serial,
        )
        statuses.append(
            PhoneStatus(
                phone.serial,
                h,
                phone.role,
                phone.label,
                tuple(alarms(h, session_live=session_live)),
            )
        )
    # Unbound phones raise no live-session alarms: they are not on air.
    statuses += [
        PhoneStatus(key, h, alarms=tuple(alarms(h, session_live=False))) for key, h in best.items()
    ]
    return statuses


class GoLiveCheck(StrEnum):
    """What the checklist asks of each phone, in the order it is shown."""

    CONNECTED = "connected"
    LIVE_APP = "live_app"
    BATTERY = "battery"
    TEMPERATURE = "temperature"
    SCREEN_AWAKE = "screen_awake"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One line of the checklist.

    Attributes:
        role: the phone's role (county or department account).
        check: a `GoLiveCheck`.
        passed: the phone is ready in this respect.
        detail: the reading behind it, language-neutral (``"78 %"``, ``"43.0 °C"``, a package
            name, a `PhoneState`), or ``"unknown"`` / ``"missing"``.
    """

    role: RoomRole
    check: GoLiveCheck
    passed: bool
    detail: str


def _phone_checks(role: RoomRole, health: PhoneHealth | None) -> list[CheckResult]:
    if health is None or health.state != PhoneState.DEVICE:
        state = "missing" if health is None else str(health.state)
        first = CheckResult(role, GoLiveCheck.CONNECTED, False, state)
        rest = [CheckResult(role, c, False, state) for c in list(GoLiveCheck)[1:]]
        return [first, *rest]
    checks = [CheckResult(role, GoLiveCheck.CONNECTED, True, health.model or health.serial)]
    checks.append(
        CheckResult(
            role,
            GoLiveCheck.LIVE_APP,
            health.live_app_in_front is True,
            health.foreground_package or "unknown",
        )
    )
    level, charging = health.battery_level, health.charging
    battery_ok = charging is True or (level is not None and level >= GO_LIVE_BATTERY_PCT)
    battery = "unknown" if level is None else f"{level} %"
    if charging:
        battery += " +"  # the UI shows "+" as "charging"
    checks.append(CheckResult(role, GoLiveCheck.BATTERY, battery_ok, battery))
    temp, thermal = health.temperature_c, health.thermal_status
    temp_ok = (
        temp is not None and temp < TOO_HOT_C and (thermal is None or thermal < THERMAL_SEVERE)
    )
    checks.append(
        CheckResult(
            role, GoLiveCheck.TEMPERATURE, temp_ok, "unknown" if temp is None else f"{temp:.1f} °C"
        )
    )
    screen = {True: "on", False: "off", None: "unknown"}[health.screen_on]
    checks.append(CheckResult(role, GoLiveCheck.SCREEN_AWAKE, health.screen_on is True, screen))
    return checks


def checklist(by_role: Mapping[RoomRole, PhoneHealth | None]) -> list[CheckResult]:
    """Every check for both roles, county account first.

    Args:
        by_role: the last reading of the phone bound to each role; a role without a phone (or
            missing from the mapping) fails every check with detail ``"missing"``.
    """
    results: list[CheckResult] = []
    for role in (RoomRole.GOV, RoomRole.DEPT):
        results += _phone_checks(role, by_role.get(role))
    return results


def checklist_of(statuses: Sequence[PhoneStatus]) -> list[CheckResult]:
    """The checklist of the phones bound to a role (see `merge`)."""
    return checklist({s.role: s.health for s in statuses if s.role is not None})


def passes(results: Sequence[CheckResult]) -> bool:
    """The session may go live without an override."""
    return bool(results) and all(r.passed for r in results)


def failed_summary(results: Sequence[CheckResult]) -> str:
    """The failed checks in one line for the audit (``gov.battery=18 %; dept.connected=…``)."""
    return "; ".join(f"{r.role}.{r.check}={r.detail}" for r in results if not r.passed)
