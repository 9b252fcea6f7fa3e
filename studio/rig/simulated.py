"""A simulated pair of broadcast phones for the demo, behind the same interface as the ADB monitor.

Every reading is derived from the injected clock (seconds since the rig was made), so a test
that moves the clock sees exactly the same phones every time. Phone A (the county's Redmi)
drains slowly and stays cool; phone B (the department's Huawei) drains faster and heats up
until, after about eight minutes, it raises the too-hot alarm.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from studio.domain.phone_health import PhoneHealth, PhoneState
from studio.rig.monitor import RigActionResult

GOV_SERIAL = "9B141FFAZ004WJ"
DEPT_SERIAL = "R5CW31XK7PL"


@dataclass(frozen=True, slots=True)
class SimulatedPhone:
    """How one simulated phone starts and changes.

    Attributes:
        battery_start, drain_per_min: percent at the start, and lost per minute.
        temp_start, heat_per_min, temp_max: °C at the start, gained per minute, ceiling.
    """

    serial: str
    model: str
    package: str
    activity: str
    battery_start: float
    drain_per_min: float
    temp_start: float
    heat_per_min: float
    temp_max: float
    storage_free_pct: float


DEMO_PHONES = (
    SimulatedPhone(
        GOV_SERIAL,
        "Redmi K70",
        "com.smile.gifmaker",
        "com.yxcorp.gifshow.live.push.LivePushActivity",
        battery_start=64,
        drain_per_min=0.5,
        temp_start=35.2,
        heat_per_min=0.1,
        temp_max=38.0,
        storage_free_pct=41.7,
    ),
    SimulatedPhone(
        DEPT_SERIAL,
        "HUAWEI nova 12",
        "com.ss.android.ugc.aweme",
        "com.ss.android.ugc.aweme.live.LiveBroadcastActivity",
        battery_start=47,
        drain_per_min=1.0,
        temp_start=38.0,
        heat_per_min=0.5,
        temp_max=45.5,
        storage_free_pct=12.4,
    ),
)


class SimulatedRig:
    """Two phones whose batteries drain and one of which runs hot; actions change them.

    Offers `poll`, `launch_app`, `set_stay_awake`, `connect_wifi`, `server_running` and
    `start_server` like `studio.rig.monitor.AdbRigMonitor`. Thread-safe: the service polls
    from a worker thread while an action runs in another.

    Args:
        clock: seconds, monotonic (tests pass their own).
        phones: the phones and how they behave.
    """

    host = "simulated"
    port = 0

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        phones: Iterable[SimulatedPhone] = DEMO_PHONES,
    ) -> None:
        self._clock = clock
        self._start = clock()
        self._phones = {p.serial: p for p in phones}
        self._lock = threading.Lock()
        self._foreground = {p.serial: p.package for p in self._phones.values()}
        self._stay_on = dict.fromkeys(self._phones, False)
        # Charging since (minutes into the demo), so the level then climbs instead of draining.
        self._plugged_at: dict[str, float] = {}

    def _minutes(self) -> float:
        return max(0.0, self._clock() - self._start) / 60

    def server_running(self) -> bool:
        return True

    def start_server(self) -> bool:
        return True

    def plug_in(self, serial: str) -> None:
        """Put a phone on its charger (from now on its battery climbs 1 % a minute)."""
        with self._lock:
            self._plugged_at.setdefault(serial, self._minutes())

    def poll(self, expected: Iterable[str] = ()) -> list[PhoneHealth]:
        """The phones as they are now, then ``expected`` serials they are not, as disconnected."""
        minutes = self._minutes()
        with self._lock:
            healths = [self._health(p, minutes) for p in self._phones.values()]
        healths += [
            PhoneHealth(serial=s, state=PhoneState.DISCONNECTED)
            for s in dict.fromkeys(expected)
            if s not in self._phones
        ]
        return healths

    def _health(self, p: SimulatedPhone, minutes: float) -> PhoneHealth:
        plugged = self._plugged_at.get(p.serial)
        if plugged is None:
            level = p.battery_start - p.drain_per_min * minutes
        else:
            level = p.battery_start - p.drain_per_min * plugged + (minutes - plugged)
        temp = min(p.temp_max, p.temp_start + p.heat_per_min * minutes)
        package = self._foreground[p.serial]
        return PhoneHealth(
            serial=p.serial,
            state=PhoneState.DEVICE,
            model=p.model,
            serialno=p.serial,
            battery_level=int(max(1, min(100, level))),
            charging=plugged is not None,
            temperature_c=round(temp, 1),
            screen_on=True,
            stay_on=self._stay_on[p.serial],
            foreground_package=package,
            foreground_activity=p.activity if package == p.package else None,
            storage_free_pct=p.storage_free_pct,
            thermal_status=3 if temp >= 44 else 2 if temp >= 41 else 1 if temp >= 38 else 0,
        )

    # -- actions ------------------------------------------------------------------------------
    def launch_app(self, serial: str, package: str) -> RigActionResult:
        with self._lock:
            if serial not in self._phones:
                return RigActionResult(serial, False, f"device '{serial}' not found")
            self._foreground[serial] = package
        return RigActionResult(serial, True, "Events injected: 1")

    def set_stay_awake(self, serial: str, on: bool) -> RigActionResult:
        with self._lock:
            if serial not in self._phones:
                return RigActionResult(serial, False, f"device '{serial}' not found")
            self._stay_on[serial] = on
        return RigActionResult(serial, True, "")

    def connect_wifi(self, addr: str) -> RigActionResult:
        return RigActionResult(addr, False, "the simulated rig has no phones on Wi-Fi")

    def put_in_front(self, serial: str, package: str) -> None:
        """Another app comes to the front (a call, a notification tapped): for demos and tests."""
        with self._lock:
            self._foreground[serial] = package
