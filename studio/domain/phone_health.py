"""What a broadcast phone's dumpsys texts say about its health, and the alarms that raises.

The parsers read the text that ``adb shell dumpsys …`` and ``getprop`` print on the Android
versions and vendor ROMs the studio meets (Pixel, Xiaomi/MIUI, Huawei/EMUI, OPPO/ColorOS;
Android 10–14). They never raise: anything they cannot read comes back as ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

LIVE_APPS: Mapping[str, str] = MappingProxyType({
    "com.smile.gifmaker": "快手",
    "com.kuaishou.nebula": "快手极速版",
    "com.ss.android.ugc.aweme": "抖音",
    "com.ss.android.ugc.aweme.lite": "抖音极速版",
})
"""Package name -> the app's name as operators know it, for every app we stream from."""

BATTERY_LOW_PCT = 20
TOO_HOT_C = 42.0
THERMAL_SEVERE = 3  # PowerManager.THERMAL_STATUS_SEVERE: the phone throttles hard
STORAGE_LOW_PCT = 5.0


class PhoneState(StrEnum):
    """The states a phone can be in: adb's own words plus two of ours."""

    DEVICE = "device"  # adb: online and authorised
    OFFLINE = "offline"  # adb: seen but not talking (cable, adbd restarting)
    UNAUTHORIZED = "unauthorized"  # adb: the RSA prompt on the phone was not accepted
    NOT_RESPONDING = "not_responding"  # ours: listed, but its queries failed or timed out
    DISCONNECTED = "disconnected"  # ours: expected, but not in adb's list any more


def phone_state(adb_state: str) -> str:
    """adb's state word as a `PhoneState` when it is one, else unchanged (``recovery`` …)."""
    try:
        return PhoneState(adb_state)
    except ValueError:
        return adb_state


class PhoneAlarm(StrEnum):
    """Stable alarm codes, in the order `alarms` reports them (worst first)."""

    DISCONNECTED = "disconnected"
    UNAUTHORIZED = "unauthorized"
    NOT_RESPONDING = "not_responding"
    BATTERY_LOW = "battery_low"
    TOO_HOT = "too_hot"
    LIVE_APP_NOT_IN_FRONT = "live_app_not_in_front"
    SCREEN_OFF = "screen_off"
    STORAGE_LOW = "storage_low"


# -- small readers ---------------------------------------------------------------------------

_INT = re.compile(r"[+-]?[0-9]{1,12}", re.ASCII)


def _to_int(text: str | None, low: int, high: int) -> int | None:
    if text is None:
        return None
    text = text.strip()
    if not _INT.fullmatch(text):
        return None
    value = int(text)
    return value if low <= value <= high else None


def _to_bool(text: str | None) -> bool | None:
    if text is None:
        return None
    return {"true": True, "false": False}.get(text.strip().lower())


# -- dumpsys battery -------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class BatteryReading:
    """What ``dumpsys battery`` says.

    Attributes:
        level: charge in percent (0–100), scaled if the phone reports another ``scale``.
        status: BatteryManager status: 1 unknown, 2 charging, 3 discharging, 4 not charging,
            5 full.
        ac_powered, usb_powered, wireless_powered: which chargers are plugged in.
        temperature_c: battery temperature in °C (the phone reports tenths of a degree).
    """

    level: int | None = None
    status: int | None = None
    ac_powered: bool | None = None
    usb_powered: bool | None = None
    wireless_powered: bool | None = None
    temperature_c: float | None = None

    @property
    def powered(self) -> bool | None:
        """A charger of any kind is plugged in; None when the phone did not say."""
        sources = (self.ac_powered, self.usb_powered, self.wireless_powered)
        if any(sources):
            return True
        return None if all(s is None for s in sources) else False

    @property
    def charging(self) -> bool | None:
        """The battery is not draining: charging, or full on a charger.

        Status 4 ("not charging" while plugged in, e.g. paused because it is hot) counts as
        not charging: the battery will drain if the phone works hard.
        """
        if self.status == 2:
            return True
        if self.status == 5:
            return self.powered is not False
        if self.status in (1, 3, 4):
            return False
        return self.powered


def parse_battery(text: str) -> BatteryReading:
    """Read ``dumpsys battery`` (first value of each key wins; unknown values are None)."""
    values: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            values.setdefault(key.strip(), value.strip())
    level = _to_int(values.get("level"), 0, 10_000)
    scale = _to_int(values.get("scale"), 1, 10_000)
    if level is not None and scale is not None and scale != 100:
        level = round(level * 100 / scale)
    if level is not None and level > 100:
        level = None
    tenths = _to_int(values.get("temperature"), -600, 1500)
    return BatteryReading(
        level=level,
        status=_to_int(values.get("status"), 1, 7),
        ac_powered=_to_bool(values.get("AC powered")),
        usb_powered=_to_bool(values.get("USB powered")),
        wireless_powered=_to_bool(values.get("Wireless powered")),
        temperature_c=None if tenths is None else tenths / 10,
    )


# -- dumpsys window / activity: the app in front ---------------------------------------------

@dataclass(frozen=True, slots=True)
class ForegroundApp:
    """The app in front: its package and activity (full class name, or None if unknown)."""

    package: str
    activity: str | None = None


_PKG = r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+"
_COMPONENT = re.compile(rf"({_PKG})/([A-Za-z0-9_.$]+)", re.ASCII)
_SPLASH = re.compile(rf"Splash Screen ({_PKG})", re.ASCII)
# mCurrentFocus=Window{c39f0b2 u0 com.smile.gifmaker/com.yxcorp.gifshow.HomeActivity}
_CURRENT_FOCUS = re.compile(r"mCurrentFocus=Window\{[0-9a-f]+ u[0-9]+ ([^{}\n]*)\}", re.ASCII)
# ActivityRecord{5a9e1f3 u0 com.smile.gifmaker/.HomeActivity t2841}, after one of the keys:
_RECORD = r"[^\n]{0,200}?ActivityRecord\{[0-9a-f]+ u[0-9]+ " + rf"({_PKG})/([A-Za-z0-9_.$]+)"
_RECORD_KEYS = (
    re.compile(r"mFocusedApp=" + _RECORD, re.ASCII),  # Android 11+ and, wrapped, Android 10
    re.compile(r"topResumedActivity=" + _RECORD, re.ASCII),  # dumpsys activity, Android 12+
    re.compile(r"(?<![A-Za-z])m?ResumedActivity: ?" + _RECORD, re.ASCII),  # Android ≤ 11
)


def _app(package: str, activity: str | None) -> ForegroundApp:
    if activity and activity.startswith("."):
        activity = package + activity
    return ForegroundApp(package, activity or None)


def parse_foreground(text: str) -> ForegroundApp | None:
    """Find the app in front in ``dumpsys window [windows]`` or ``dumpsys activity activities``.

    Looks, in order, at the focused window (``mCurrentFocus``), the focused app
    (``mFocusedApp``), then the resumed activity (``topResumedActivity=``,
    ``mResumedActivity:``, ``ResumedActivity:``). A focused window that belongs to no app
    (notification shade, keyguard, status bar) yields to the focused app behind it, so a live
    app under a pulled-down shade still counts as in front. Returns None if none is found
    (Android 14's ``dumpsys window windows`` has no focus lines at all).
    """
    focus = _CURRENT_FOCUS.search(text)
    if focus:
        title = focus.group(1)
        component = _COMPONENT.search(title)
        if component:
            return _app(component.group(1), component.group(2))
        splash = _SPLASH.search(title)  # an app that is starting: package only
        if splash:
            return ForegroundApp(splash.group(1))
    for pattern in _RECORD_KEYS:
        record = pattern.search(text)
        if record:
            return _app(record.group(1), record.group(2))
    return None


# -- dumpsys power ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class PowerReading:
    """What ``dumpsys power`` says.

    Attributes:
        screen_on: the phone is awake and interactive (dozing, dreaming, asleep -> False).
        stay_on: "stay awake while charging" is in effect right now (``mStayOn``).
    """

    screen_on: bool | None = None
    stay_on: bool | None = None


_WAKEFULNESS = re.compile(r"(?<![A-Za-z])mWakefulness=([A-Za-z]+)", re.ASCII)
_DISPLAY_POWER = re.compile(r"Display Power: state=([A-Z_]+)", re.ASCII)
_DISPLAY_BLOCKER = re.compile(r"mHoldingDisplaySuspendBlocker=(true|false)", re.ASCII)
_STAY_ON = re.compile(r"(?<![A-Za-z])mStayOn=(true|false)", re.ASCII)


def parse_power(text: str) -> PowerReading:
    """Read ``dumpsys power``: wakefulness first, then the display state, then the blocker."""
    screen_on: bool | None = None
    if m := _WAKEFULNESS.search(text):
        screen_on = {"Awake": True, "Asleep": False, "Dozing": False, "Dreaming": False}.get(
            m.group(1))
    if screen_on is None and (m := _DISPLAY_POWER.search(text)):
        screen_on = m.group(1) in ("ON", "VR")
    if screen_on is None and (m := _DISPLAY_BLOCKER.search(text)):
        screen_on = m.group(1) == "true"
    stay = _STAY_ON.search(text)
    stay_on = None if stay is None else stay.group(1) == "true"
    return PowerReading(screen_on=screen_on, stay_on=stay_on)


# -- dumpsys diskstats, thermalservice; getprop ----------------------------------------------

_DATA_FREE = re.compile(r"Data-Free: ([0-9]{1,15})K / ([0-9]{1,15})K total", re.ASCII)
_THERMAL = re.compile(r"Thermal Status: ([0-9]{1,3})\b", re.ASCII)
_PROP = re.compile(r"^\[([^\]\n]+)\]: \[([^\n]*)\]\s*$", re.MULTILINE)


def parse_storage_free_pct(text: str) -> float | None:
    """Free space of the data partition in percent (one decimal) from ``dumpsys diskstats``."""
    m = _DATA_FREE.search(text)
    if m is None:
        return None
    free, total = int(m.group(1)), int(m.group(2))
    if 0 <= free <= total and total > 0:
        return round(free * 100 / total, 1)
    return None  # an emulator's empty or a nonsense partition: no reading, no false alarm


def parse_thermal_status(text: str) -> int | None:
    """``Thermal Status: N`` from ``dumpsys thermalservice``: 0 none … 3 severe … 6 shutdown."""
    m = _THERMAL.search(text)
    return _to_int(m.group(1), 0, 6) if m else None


def parse_getprop(text: str) -> dict[str, str]:
    """The ``[name]: [value]`` lines of a full ``getprop`` dump."""
    return {m.group(1): m.group(2) for m in _PROP.finditer(text)}


_MODEL_PROPS = (
    "ro.product.marketname",  # Xiaomi / Redmi: "Redmi K40" instead of "M2012K11AC"
    "ro.config.marketing_name",  # Huawei / Honor
    "ro.vendor.oplus.market.name",  # OPPO / OnePlus / realme (ColorOS 12+)
    "ro.product.model",
)


def model_name(props: Mapping[str, str]) -> str | None:
    """The phone's name as its owner knows it (marketing name if the vendor sets one)."""
    for key in _MODEL_PROPS:
        value = props.get(key, "").strip()
        if value:
            return value
    return None


_WIFI_SERIAL = re.compile(
    r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}:[0-9]{1,5}"  # adb connect 192.168.1.23:5555
    r"|\[[0-9A-Fa-f:]{2,39}\]:[0-9]{1,5}"  # the same over IPv6
    r"|adb-[A-Za-z0-9-]{1,64}\._adb-tls-connect\._tcp\.?",  # Android 11+ wireless debugging
    re.ASCII)


def is_wifi_serial(serial: str) -> bool:
    """adb reaches this phone over the network (``ip:port`` or a wireless-debugging name)."""
    return _WIFI_SERIAL.fullmatch(serial) is not None


# -- the health of one phone and its alarms --------------------------------------------------

@dataclass(frozen=True, slots=True)
class PhoneHealth:
    """One phone as the rig last saw it. Fields a phone did not report are None.

    Attributes:
        serial: adb's serial (for a phone on Wi-Fi ``ip:port``, which changes).
        state: a `PhoneState` value, or another adb state (``recovery``, ``sideload`` …).
        model: the phone's name (see `model_name`).
        serialno: ``ro.serialno``, the stable id to bind a phone to its room.
        battery_level: percent.
        charging: the battery is not draining (see `BatteryReading.charging`).
        temperature_c: battery temperature in °C.
        screen_on: awake and interactive.
        stay_on: "stay awake while charging" is in effect.
        foreground_package, foreground_activity: the app in front.
        storage_free_pct: free space on the data partition, percent.
        thermal_status: 0 none … 6 shutdown (Android 10+).
    """

    serial: str
    state: str
    model: str | None = None
    serialno: str | None = None
    battery_level: int | None = None
    charging: bool | None = None
    temperature_c: float | None = None
    screen_on: bool | None = None
    stay_on: bool | None = None
    foreground_package: str | None = None
    foreground_activity: str | None = None
    storage_free_pct: float | None = None
    thermal_status: int | None = None

    @property
    def online(self) -> bool:
        return self.state == PhoneState.DEVICE

    @property
    def live_app(self) -> str | None:
        """The live app in front by name (快手, 抖音 …); None for another app or unknown."""
        return LIVE_APPS.get(self.foreground_package or "")

    @property
    def live_app_in_front(self) -> bool | None:
        """A live app is in front; None when the app in front is unknown."""
        if self.foreground_package is None:
            return None
        return self.foreground_package in LIVE_APPS

    @property
    def wifi(self) -> bool:
        """adb reaches this phone over Wi-Fi rather than a cable."""
        return is_wifi_serial(self.serial)


def alarms(health: PhoneHealth, *, session_live: bool) -> list[str]:
    """The `PhoneAlarm` codes this phone raises, worst first.

    A phone that is not online raises only the alarm for its state. Unknown readings raise
    nothing: a vendor ROM we cannot read must not cry wolf for a whole session.

    Args:
        health: the phone's last reading.
        session_live: the session is on air; only then do the app in front and the screen
            matter (before 15:00 the operator is still setting up).
    """
    if health.state == PhoneState.NOT_RESPONDING:
        return [PhoneAlarm.NOT_RESPONDING]
    if health.state == PhoneState.UNAUTHORIZED:
        return [PhoneAlarm.UNAUTHORIZED]
    if health.state != PhoneState.DEVICE:
        return [PhoneAlarm.DISCONNECTED]
    raised: list[str] = []
    if (health.battery_level is not None and health.battery_level < BATTERY_LOW_PCT
            and health.charging is not True):
        raised.append(PhoneAlarm.BATTERY_LOW)
    if ((health.temperature_c is not None and health.temperature_c >= TOO_HOT_C)
            or (health.thermal_status is not None and health.thermal_status >= THERMAL_SEVERE)):
        raised.append(PhoneAlarm.TOO_HOT)
    if session_live and health.live_app_in_front is False:
        raised.append(PhoneAlarm.LIVE_APP_NOT_IN_FRONT)
    if session_live and health.screen_on is False:
        raised.append(PhoneAlarm.SCREEN_OFF)
    if health.storage_free_pct is not None and health.storage_free_pct < STORAGE_LOW_PCT:
        raised.append(PhoneAlarm.STORAGE_LOW)
    return raised
