"""Reading phones' dumpsys texts, and the alarms a phone's health raises."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.domain.phone_health import (
    LIVE_APPS,
    BatteryReading,
    ForegroundApp,
    PhoneAlarm,
    PhoneHealth,
    PhoneState,
    PowerReading,
    alarms,
    is_wifi_serial,
    model_name,
    parse_battery,
    parse_foreground,
    parse_getprop,
    parse_power,
    parse_storage_free_pct,
    parse_thermal_status,
    phone_state,
)

DUMPSYS = Path(__file__).resolve().parent.parent / "rig" / "dumpsys"
PHONES = ("pixel7_a14", "xiaomi_k40_a12", "huawei_p40_a10", "oppo_findx3_a13")


def canned(phone: str, command: str) -> str:
    return (DUMPSYS / phone / (command.replace(" ", "_") + ".txt")).read_text(encoding="utf-8")


# -- the canned texts of four vendors ---------------------------------------------------------

DOUYIN_LIVE = ForegroundApp("com.ss.android.ugc.aweme",
                            "com.ss.android.ugc.aweme.live.LiveBroadcastActivity")

@pytest.mark.parametrize(("phone", "expected"), [
    ("pixel7_a14", BatteryReading(78, 2, False, True, False, 31.8)),
    ("xiaomi_k40_a12", BatteryReading(15, 3, False, False, False, 36.5)),
    ("huawei_p40_a10", BatteryReading(100, 5, True, False, False, 43.0)),
    ("oppo_findx3_a13", BatteryReading(50, 4, False, True, False, 39.5)),
])
def test_battery_of_each_vendor(phone: str, expected: BatteryReading) -> None:
    assert parse_battery(canned(phone, "dumpsys battery")) == expected


@pytest.mark.parametrize(("phone", "charging", "powered"), [
    ("pixel7_a14", True, True),  # 2 charging over USB
    ("xiaomi_k40_a12", False, False),  # 3 discharging
    ("huawei_p40_a10", True, True),  # 5 full, on AC: not draining
    ("oppo_findx3_a13", False, True),  # 4 plugged in but not charging (too warm)
])
def test_charging_means_not_draining(phone: str, charging: bool, powered: bool) -> None:
    reading = parse_battery(canned(phone, "dumpsys battery"))
    assert (reading.charging, reading.powered) == (charging, powered)


@pytest.mark.parametrize(("phone", "command", "expected"), [
    # Android 14 dropped the focus lines from `dumpsys window windows`.
    ("pixel7_a14", "dumpsys window windows", None),
    ("pixel7_a14", "dumpsys window",
     ForegroundApp("com.smile.gifmaker", "com.yxcorp.gifshow.live.push.LivePushActivity")),
    ("pixel7_a14", "dumpsys activity activities",
     ForegroundApp("com.smile.gifmaker", "com.yxcorp.gifshow.live.push.LivePushActivity")),
    ("xiaomi_k40_a12", "dumpsys window windows", DOUYIN_LIVE),
    ("xiaomi_k40_a12", "dumpsys activity activities", DOUYIN_LIVE),  # ".live.X" is expanded
    # Huawei, Android 10, screen locked: the keyguard (StatusBar) has focus, the app is behind it.
    ("huawei_p40_a10", "dumpsys window windows",
     ForegroundApp("com.ss.android.ugc.aweme.lite",
                   "com.ss.android.ugc.aweme.live.LiveBroadcastActivity")),
    # Paused while asleep: only mLastPausedActivity, which is not the app in front.
    ("huawei_p40_a10", "dumpsys activity activities", None),
    # OPPO, notification shade pulled down over the live app.
    ("oppo_findx3_a13", "dumpsys window windows",
     ForegroundApp("com.kuaishou.nebula", "com.yxcorp.gifshow.live.push.LivePushActivity")),
    ("oppo_findx3_a13", "dumpsys activity activities",
     ForegroundApp("com.kuaishou.nebula", "com.yxcorp.gifshow.live.push.LivePushActivity")),
])
def test_foreground_of_each_vendor(
    phone: str, command: str, expected: ForegroundApp | None
) -> None:
    assert parse_foreground(canned(phone, command)) == expected


@pytest.mark.parametrize(("phone", "expected"), [
    ("pixel7_a14", PowerReading(screen_on=True, stay_on=True)),
    ("xiaomi_k40_a12", PowerReading(screen_on=True, stay_on=False)),
    ("huawei_p40_a10", PowerReading(screen_on=False, stay_on=False)),
    ("oppo_findx3_a13", PowerReading(screen_on=True, stay_on=True)),
])
def test_power_of_each_vendor(phone: str, expected: PowerReading) -> None:
    assert parse_power(canned(phone, "dumpsys power")) == expected


@pytest.mark.parametrize(("phone", "free", "thermal", "model", "serialno"), [
    ("pixel7_a14", 39.3, 0, "Pixel 7", "28281FDH2002RB"),
    ("xiaomi_k40_a12", 3.1, 1, "Redmi K40", "7d5a1c23"),
    ("huawei_p40_a10", 25.1, 2, "HUAWEI P40 Pro", "QHC0220A13001234"),
    ("oppo_findx3_a13", 22.0, 3, "OPPO Find X3", "e4f1b2a9"),
])
def test_storage_thermal_and_props_of_each_vendor(
    phone: str, free: float, thermal: int, model: str, serialno: str
) -> None:
    assert parse_storage_free_pct(canned(phone, "dumpsys diskstats")) == free
    assert parse_thermal_status(canned(phone, "dumpsys thermalservice")) == thermal
    props = parse_getprop(canned(phone, "getprop"))
    assert model_name(props) == model
    assert props["ro.serialno"] == serialno


# -- odd texts --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("", BatteryReading()),
    ("Can't find service: battery", BatteryReading()),
    # After `dumpsys battery set level 5` the first line changes; the values still count.
    ("Current Battery Service state:\n  (UPDATES STOPPED -- use 'reset' to restart)\n"
     "  AC powered: false\n  level: 5\n  temperature: -52\n",
     BatteryReading(level=5, ac_powered=False, temperature_c=-5.2)),
    ("  level: 40\n  scale: 50\n", BatteryReading(level=80)),
    ("  level: 250\n  scale: 100\n  status: 9\n", BatteryReading()),
    ("  level: abc\n  temperature: 31.5\n  USB powered: maybe\n", BatteryReading()),
    ("  level: ٥٠\n", BatteryReading()),  # Arabic-Indic digits are not adb's
])
def test_battery_odd_texts(text: str, expected: BatteryReading) -> None:
    assert parse_battery(text) == expected


def test_charging_unknown_status_falls_back_to_charger() -> None:
    assert BatteryReading(usb_powered=True).charging is True
    assert BatteryReading(ac_powered=False, usb_powered=False).charging is False
    assert BatteryReading().charging is None
    assert BatteryReading(status=5, ac_powered=False, usb_powered=False).charging is False


@pytest.mark.parametrize(("text", "expected"), [
    ("", None),
    ("mCurrentFocus=null\nmFocusedApp=null", None),
    ("  mCurrentFocus=Window{1a2b u0 com.smile.gifmaker/.HomeActivity}",
     ForegroundApp("com.smile.gifmaker", "com.smile.gifmaker.HomeActivity")),
    # Android 12+ starting window: the package, no activity yet.
    ("  mCurrentFocus=Window{77c u0 Splash Screen com.ss.android.ugc.aweme}",
     ForegroundApp("com.ss.android.ugc.aweme")),
    ("  mCurrentFocus=Window{77c u0 PopupWindow:9a1b3c}\n"
     "  mFocusedApp=ActivityRecord{5a9 u0 com.kuaishou.nebula/com.yxcorp.gifshow.HomeActivity t9}",
     ForegroundApp("com.kuaishou.nebula", "com.yxcorp.gifshow.HomeActivity")),
    # Android 10 wraps the record in a window token.
    ("  mFocusedApp=AppWindowToken{3d0 token=Token{a94 ActivityRecord{c1f u0 "
     "com.ss.android.ugc.aweme.lite/.main.MainActivity t88}}}",
     ForegroundApp("com.ss.android.ugc.aweme.lite",
                   "com.ss.android.ugc.aweme.lite.main.MainActivity")),
    ("    mResumedActivity: ActivityRecord{9f u0 com.miui.home/.launcher.Launcher t1}",
     ForegroundApp("com.miui.home", "com.miui.home.launcher.Launcher")),
    ("  ResumedActivity:ActivityRecord{9f u10 com.example.app/com.example.app.Main$Inner t1}",
     ForegroundApp("com.example.app", "com.example.app.Main$Inner")),
    ("mLastPausedActivity: ActivityRecord{9f u0 com.example.app/.Main t1}", None),
])
def test_foreground_odd_texts(text: str, expected: ForegroundApp | None) -> None:
    assert parse_foreground(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("", PowerReading()),
    ("  mWakefulness=Dozing\n  mStayOn=true\nDisplay Power: state=ON", PowerReading(False, True)),
    ("  mWakefulness=Dreaming\n", PowerReading(screen_on=False)),
    ("  mWakefulnessChanging=false\nDisplay Power: state=DOZE_SUSPEND", PowerReading(False)),
    ("  mHoldingDisplaySuspendBlocker=true\n  mStayOnWhilePluggedInSetting=7\n",
     PowerReading(screen_on=True)),
    ("  mWakefulness=Sideways\n  mStayOn=sometimes\n", PowerReading()),
])
def test_power_odd_texts(text: str, expected: PowerReading) -> None:
    assert parse_power(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("", None),
    ("Data-Free: 0K / 0K total = 0% free", None),  # emulator: no partition, no alarm
    ("Data-Free: 9K / 5K total = 180% free", None),
    ("System-Free: 0K / 5603680K total = 0% free\nData-Free: 1K / 4K total = 25% free", 25.0),
    ("Data-Free: 1186K / 117245668K total = 0% free", 0.0),
])
def test_storage_odd_texts(text: str, expected: float | None) -> None:
    assert parse_storage_free_pct(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Can't find service: thermalservice", None),  # Android 9 and older
    ("Thermal Status: 6", 6),
    ("Thermal Status: 7", None),
    ("Thermal Status: -1", None),
])
def test_thermal_odd_texts(text: str, expected: int | None) -> None:
    assert parse_thermal_status(text) == expected


def test_getprop_and_model_name() -> None:
    props = parse_getprop("[ro.product.model]: [SM-S9180]\n[empty]: []\nnot a prop\n[a]: [b] c\n")
    assert props == {"ro.product.model": "SM-S9180", "empty": ""}
    assert model_name(props) == "SM-S9180"
    xiaomi = {"ro.product.marketname": " ", "ro.product.model": "M2012K11AC"}
    assert model_name(xiaomi) == "M2012K11AC"
    assert model_name({}) is None


@pytest.mark.parametrize(("serial", "wifi"), [
    ("192.168.1.23:5555", True),
    ("[fe80::1]:5555", True),
    ("adb-28281FDH2002RB-AbCdEf._adb-tls-connect._tcp", True),
    ("28281FDH2002RB", False),
    ("emulator-5554", False),
    ("192.168.1.23", False),
])
def test_wifi_serial(serial: str, wifi: bool) -> None:
    assert is_wifi_serial(serial) is wifi
    assert PhoneHealth(serial, PhoneState.DEVICE).wifi is wifi


def test_phone_state_keeps_unknown_adb_states() -> None:
    assert phone_state("unauthorized") is PhoneState.UNAUTHORIZED
    assert phone_state("recovery") == "recovery"


# -- the health and its alarms ----------------------------------------------------------------

def test_live_apps_are_the_four_we_stream_from() -> None:
    assert set(LIVE_APPS) == {"com.smile.gifmaker", "com.kuaishou.nebula",
                              "com.ss.android.ugc.aweme", "com.ss.android.ugc.aweme.lite"}


@pytest.mark.parametrize(("package", "in_front", "name"), [
    ("com.smile.gifmaker", True, "快手"),
    ("com.ss.android.ugc.aweme.lite", True, "抖音极速版"),
    ("com.miui.home", False, None),
    (None, None, None),
])
def test_live_app_in_front(package: str | None, in_front: bool | None, name: str | None) -> None:
    health = PhoneHealth("A", PhoneState.DEVICE, foreground_package=package)
    assert health.live_app_in_front is in_front
    assert health.live_app == name


HEALTHY = PhoneHealth(
    "A", PhoneState.DEVICE, battery_level=80, charging=False, temperature_c=35.0, screen_on=True,
    foreground_package="com.smile.gifmaker", storage_free_pct=40.0, thermal_status=0,
)


def _with(**changes: object) -> PhoneHealth:
    values = {name: getattr(HEALTHY, name) for name in HEALTHY.__dataclass_fields__}
    values.update(changes)
    return PhoneHealth(**values)


@pytest.mark.parametrize(("health", "live", "expected"), [
    (HEALTHY, True, []),
    (_with(state=PhoneState.DISCONNECTED), True, ["disconnected"]),
    (_with(state="offline"), False, ["disconnected"]),
    (_with(state="recovery"), False, ["disconnected"]),
    (_with(state="unauthorized"), True, ["unauthorized"]),
    (_with(state=PhoneState.NOT_RESPONDING), True, ["not_responding"]),
    (_with(battery_level=19), False, ["battery_low"]),
    (_with(battery_level=19, charging=None), False, ["battery_low"]),
    (_with(battery_level=19, charging=True), False, []),
    (_with(battery_level=20), False, []),
    (_with(battery_level=None), False, []),
    (_with(temperature_c=42.0), False, ["too_hot"]),
    (_with(temperature_c=41.9), False, []),
    (_with(thermal_status=3), False, ["too_hot"]),
    (_with(thermal_status=2), False, []),
    (_with(foreground_package="com.miui.home"), True, ["live_app_not_in_front"]),
    (_with(foreground_package="com.miui.home"), False, []),
    (_with(foreground_package=None), True, []),  # unknown: no alarm
    (_with(screen_on=False), True, ["screen_off"]),
    (_with(screen_on=False), False, []),
    (_with(storage_free_pct=4.9), False, ["storage_low"]),
    (_with(storage_free_pct=5.0), False, []),
    (_with(battery_level=3, temperature_c=45.5, foreground_package="x.y", screen_on=False,
           storage_free_pct=1.0), True,
     ["battery_low", "too_hot", "live_app_not_in_front", "screen_off", "storage_low"]),
])
def test_alarms(health: PhoneHealth, live: bool, expected: list[str]) -> None:
    assert alarms(health, session_live=live) == expected


# -- garbage never raises ---------------------------------------------------------------------

_FRAGMENTS = st.sampled_from([
    "level: ", "scale: ", "status: ", "temperature: ", "AC powered: ", "USB powered: ", "true",
    "false", "0", "9", "-", "99999999999999999999", "\n", " ", ":", "mCurrentFocus=Window{",
    "mFocusedApp=", "topResumedActivity=", "mResumedActivity: ", "ActivityRecord{", "1a2b ",
    "u0 ", "com.", "x", "/", ".", "}", "{", "Splash Screen ", "mWakefulness=", "Awake",
    "mStayOn=", "Display Power: state=", "ON", "Data-Free: ", "K / ", "K total = ", "% free",
    "Thermal Status: ", "[", "]: [", "]", "٣", "\x00", "\r\n",
])
_TEXTS = st.one_of(st.text(), st.lists(_FRAGMENTS, max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_parsers_never_raise(text: str) -> None:
    battery = parse_battery(text)
    assert battery.level is None or 0 <= battery.level <= 100
    foreground = parse_foreground(text)
    assert foreground is None or foreground.package
    parse_power(text)
    free = parse_storage_free_pct(text)
    assert free is None or 0.0 <= free <= 100.0
    thermal = parse_thermal_status(text)
    assert thermal is None or 0 <= thermal <= 6
    model_name(parse_getprop(text))
    is_wifi_serial(text)


_ORDER = [a.value for a in PhoneAlarm]


@settings(max_examples=200, deadline=None)
@given(st.builds(
    PhoneHealth,
    serial=st.text(max_size=20),
    state=st.sampled_from([*PhoneState, "recovery", ""]),
    battery_level=st.none() | st.integers(-5, 105),
    charging=st.none() | st.booleans(),
    temperature_c=st.none() | st.floats(allow_nan=True),
    screen_on=st.none() | st.booleans(),
    foreground_package=st.none() | st.sampled_from([*LIVE_APPS, "com.miui.home"]),
    storage_free_pct=st.none() | st.floats(allow_nan=True),
    thermal_status=st.none() | st.integers(0, 6),
), st.booleans())
def test_alarms_are_known_codes_in_order(health: PhoneHealth, live: bool) -> None:
    raised = alarms(health, session_live=live)
    assert all(code in _ORDER for code in raised)
    assert raised == sorted(raised, key=_ORDER.index)
    assert len(set(raised)) == len(raised)
