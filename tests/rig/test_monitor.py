"""The ADB rig monitor against a fake adb server: readings, failures, time bounds, actions."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest

from studio.domain.phone_health import PhoneHealth, PhoneState, alarms
from studio.rig.monitor import AdbRigMonitor, RigActionResult, RigUnavailable
from tests.helpers.fake_adb import FakeAdbServer, FakePhone, free_port, phone_from_dir

PIXEL = "28281FDH2002RB"
XIAOMI = "7d5a1c23"
HUAWEI = "QHC0220A13001234"
OPPO_WIFI = "192.168.1.23:5555"

MONKEY_OK = (
    "  bash arg: -p\n  bash arg: com.smile.gifmaker\n  bash arg: -c\n"
    "  bash arg: android.intent.category.LAUNCHER\n  bash arg: 1\n"
    "args: [-p, com.smile.gifmaker, -c, android.intent.category.LAUNCHER, 1]\n"
    "Events injected: 1\n"
    "## Network stats: elapsed time=31ms (0ms mobile, 0ms wifi, 31ms not connected)\n"
)
MONKEY_MISSING = (
    "  bash arg: -p\n  bash arg: com.kuaishou.nebula\n"
    "** No activities found to run, monkey aborted.\n"
)


def four_phones() -> list[FakePhone]:
    return [
        phone_from_dir(PIXEL, "pixel7_a14",
                       tags={"product": "panther", "model": "Pixel_7", "device": "panther"}),
        phone_from_dir(XIAOMI, "xiaomi_k40_a12",
                       tags={"product": "alioth", "model": "M2012K11AC", "device": "alioth"}),
        phone_from_dir(HUAWEI, "huawei_p40_a10", tags={"model": "ELS_AN00"}),
        phone_from_dir(OPPO_WIFI, "oppo_findx3_a13", tags={"model": "PEEM00"}),
    ]


@pytest.fixture
def adb() -> Iterator[FakeAdbServer]:
    with FakeAdbServer(four_phones(), lifetime=20.0) as server:
        yield server


def monitor_for(server: FakeAdbServer, timeout: float = 2.0) -> AdbRigMonitor:
    return AdbRigMonitor(host=server.host, port=server.port, timeout=timeout)


def by_serial(healths: list[PhoneHealth]) -> dict[str, PhoneHealth]:
    return {h.serial: h for h in healths}


# -- readings ---------------------------------------------------------------------------------

def test_reads_four_vendors(adb: FakeAdbServer) -> None:
    healths = monitor_for(adb).poll()
    assert [h.serial for h in healths] == [PIXEL, XIAOMI, HUAWEI, OPPO_WIFI]
    got = by_serial(healths)
    assert got[PIXEL] == PhoneHealth(
        serial=PIXEL, state="device", model="Pixel 7", serialno=PIXEL, battery_level=78,
        charging=True, temperature_c=31.8, screen_on=True, stay_on=True,
        foreground_package="com.smile.gifmaker",
        foreground_activity="com.yxcorp.gifshow.live.push.LivePushActivity",
        storage_free_pct=39.3, thermal_status=0,
    )
    assert got[XIAOMI] == PhoneHealth(
        serial=XIAOMI, state="device", model="Redmi K40", serialno=XIAOMI, battery_level=15,
        charging=False, temperature_c=36.5, screen_on=True, stay_on=False,
        foreground_package="com.ss.android.ugc.aweme",
        foreground_activity="com.ss.android.ugc.aweme.live.LiveBroadcastActivity",
        storage_free_pct=3.1, thermal_status=1,
    )
    huawei, oppo = got[HUAWEI], got[OPPO_WIFI]
    assert (huawei.model, huawei.battery_level, huawei.charging, huawei.temperature_c) == (
        "HUAWEI P40 Pro", 100, True, 43.0)
    assert (huawei.screen_on, huawei.foreground_package) == (False, "com.ss.android.ugc.aweme.lite")
    assert (oppo.model, oppo.serialno, oppo.wifi, oppo.live_app) == (
        "OPPO Find X3", "e4f1b2a9", True, "快手极速版")

    assert alarms(got[PIXEL], session_live=True) == []
    assert alarms(got[XIAOMI], session_live=True) == ["battery_low", "storage_low"]
    assert alarms(huawei, session_live=True) == ["too_hot", "screen_off"]
    assert alarms(oppo, session_live=True) == ["too_hot"]  # thermal status 3, severe


def test_foreground_falls_back_only_as_far_as_needed(adb: FakeAdbServer) -> None:
    monitor_for(adb).poll()
    # Android 14: `dumpsys window windows` lacks the focus, `dumpsys window` has it.
    assert adb.shell_commands(PIXEL) == [
        "getprop", "dumpsys battery", "dumpsys power", "dumpsys window windows",
        "dumpsys window", "dumpsys diskstats", "dumpsys thermalservice",
    ]
    assert "dumpsys window" not in adb.shell_commands(XIAOMI)


def test_foreground_from_activity_activities_when_window_says_nothing() -> None:
    phone = phone_from_dir("R5CT1", "pixel7_a14", shell={"dumpsys window": "\n"})
    with FakeAdbServer([phone]) as adb:
        [health] = monitor_for(adb).poll()
        assert health.foreground_package == "com.smile.gifmaker"
        assert adb.shell_commands("R5CT1")[3:6] == [
            "dumpsys window windows", "dumpsys window", "dumpsys activity activities"]


def test_missing_services_give_unknown_readings() -> None:
    # An Android 9 phone: no thermalservice; our fake answers "Can't find service".
    phone = FakePhone("OLD1", shell={"dumpsys battery": "  level: 55\n"})
    with FakeAdbServer([phone]) as adb:
        [health] = monitor_for(adb).poll()
    assert health == PhoneHealth("OLD1", "device", battery_level=55)


def test_getprop_is_asked_once_while_the_phone_stays(adb: FakeAdbServer) -> None:
    monitor = monitor_for(adb)
    monitor.poll()
    monitor.poll()
    assert adb.shell_commands(PIXEL).count("getprop") == 1
    assert adb.shell_commands(PIXEL).count("dumpsys battery") == 2


def test_unauthorized_and_offline_phones_are_listed_but_not_queried() -> None:
    phones = [phone_from_dir(PIXEL, "pixel7_a14"), FakePhone("R58M3", state="unauthorized"),
              FakePhone("emulator-5554", state="offline")]
    with FakeAdbServer(phones) as adb:
        healths = monitor_for(adb).poll()
        assert [(h.serial, h.state) for h in healths] == [
            (PIXEL, "device"), ("R58M3", "unauthorized"), ("emulator-5554", "offline")]
        assert adb.shell_commands("R58M3") == adb.shell_commands("emulator-5554") == []
    assert alarms(healths[1], session_live=False) == ["unauthorized"]
    assert alarms(healths[2], session_live=False) == ["disconnected"]


def test_phone_that_vanishes_between_polls(adb: FakeAdbServer) -> None:
    monitor = monitor_for(adb)
    assert len(monitor.poll()) == 4
    adb.remove(XIAOMI)
    assert XIAOMI not in by_serial(monitor.poll())
    healths = monitor.poll(expected=[PIXEL, XIAOMI])
    assert healths[-1] == PhoneHealth(XIAOMI, PhoneState.DISCONNECTED)
    assert alarms(healths[-1], session_live=True) == ["disconnected"]
    assert [h.serial for h in healths].count(PIXEL) == 1


def test_phone_that_vanishes_during_a_poll_is_not_responding() -> None:
    adb = FakeAdbServer(lifetime=20.0)

    def unplug(_: str) -> str:
        adb.remove("USB1")
        return "  level: 50\n"

    adb.add(FakePhone("USB1", shell={"getprop": "[ro.product.model]: [V2145A]\n",
                                     "dumpsys battery": unplug}))
    adb.add(phone_from_dir(PIXEL, "pixel7_a14"))
    with adb:
        healths = by_serial(monitor_for(adb).poll())
    assert healths["USB1"].state == PhoneState.NOT_RESPONDING
    assert healths["USB1"].model == "V2145A"  # remembered from getprop
    assert healths[PIXEL].state == PhoneState.DEVICE


def test_hung_phone_is_not_responding_within_the_timeout_and_others_still_report() -> None:
    phones = four_phones()
    phones[1].hang.add("dumpsys window windows")
    with FakeAdbServer(phones) as adb:
        monitor = monitor_for(adb, timeout=1.0)
        started = time.monotonic()
        healths = by_serial(monitor.poll())
        elapsed = time.monotonic() - started
        assert adb.wait_for_request(
            lambda serial, text: serial == XIAOMI and text == "shell:dumpsys window windows")
    assert 0.9 <= elapsed < 1.6
    assert healths[XIAOMI] == PhoneHealth(XIAOMI, PhoneState.NOT_RESPONDING, model="Redmi K40",
                                          serialno=XIAOMI)
    assert alarms(healths[XIAOMI], session_live=True) == ["not_responding"]
    assert [h.state for s, h in healths.items() if s != XIAOMI] == ["device"] * 3
    assert healths[PIXEL].battery_level == 78


def test_slow_phone_within_the_timeout_still_reports() -> None:
    phone = phone_from_dir(PIXEL, "pixel7_a14", delays={"dumpsys power": 0.3})
    with FakeAdbServer([phone]) as adb:
        [health] = monitor_for(adb, timeout=1.5).poll()
    assert health.state == "device"
    assert health.screen_on is True


def test_no_adb_server() -> None:
    monitor = AdbRigMonitor(port=free_port(), timeout=1.0)
    started = time.monotonic()
    with pytest.raises(RigUnavailable):
        monitor.poll()
    assert time.monotonic() - started < 1.5
    assert monitor.launch_app("X", "com.smile.gifmaker") == RigActionResult(
        "X", False, "adb server is not running")
    assert monitor.start_server() is False  # ADBUTILS_ADB_PATH=/bin/false in tests


def test_adb_server_that_does_not_answer() -> None:
    with socket.socket() as mute:
        mute.bind(("127.0.0.1", 0))
        mute.listen(8)  # connections complete in the backlog, nothing ever replies
        monitor = AdbRigMonitor(port=mute.getsockname()[1], timeout=0.5)
        started = time.monotonic()
        with pytest.raises(RigUnavailable):
            monitor.poll()
        assert time.monotonic() - started < 1.5


def test_no_phones(adb: FakeAdbServer) -> None:
    for serial in (PIXEL, XIAOMI, HUAWEI, OPPO_WIFI):
        adb.remove(serial)
    assert monitor_for(adb).poll() == []


# -- actions ----------------------------------------------------------------------------------

def test_launch_app() -> None:
    phone = FakePhone(PIXEL, shell={
        "monkey -p com.smile.gifmaker -c android.intent.category.LAUNCHER 1": MONKEY_OK,
        "monkey -p com.kuaishou.nebula -c android.intent.category.LAUNCHER 1": MONKEY_MISSING,
    })
    with FakeAdbServer([phone]) as adb:
        monitor = monitor_for(adb)
        assert monitor.launch_app(PIXEL, "com.smile.gifmaker").ok
        missing = monitor.launch_app(PIXEL, "com.kuaishou.nebula")
        assert not missing.ok
        assert "No activities found" in missing.detail
        assert not monitor.launch_app(PIXEL, "x; reboot").ok  # never reaches the shell
        assert adb.shell_commands(PIXEL) == [
            "monkey -p com.smile.gifmaker -c android.intent.category.LAUNCHER 1",
            "monkey -p com.kuaishou.nebula -c android.intent.category.LAUNCHER 1",
        ]


def test_set_stay_awake() -> None:
    with FakeAdbServer([FakePhone(PIXEL, shell={"svc power stayon usb": "",
                                                "svc power stayon false": ""})]) as adb:
        monitor = monitor_for(adb)
        assert monitor.set_stay_awake(PIXEL, True) == RigActionResult(PIXEL, True, "")
        assert monitor.set_stay_awake(PIXEL, False).ok
        assert adb.shell_commands(PIXEL) == ["svc power stayon usb", "svc power stayon false"]


def test_set_stay_awake_reports_the_phones_complaint() -> None:
    usage = "Control the power manager\n\nusage: svc power stayon [true|false|usb|ac|wireless]\n"
    with FakeAdbServer([FakePhone(PIXEL, shell={"svc power stayon usb": usage})]) as adb:
        result = monitor_for(adb).set_stay_awake(PIXEL, True)
    assert not result.ok
    assert "usage" in result.detail


@pytest.mark.parametrize(("serial", "detail"), [
    ("GONE", "device 'GONE' not found"),
    ("R58M3", "device unauthorized"),
])
def test_actions_on_unusable_phones(serial: str, detail: str) -> None:
    with FakeAdbServer([FakePhone("R58M3", state="unauthorized")]) as adb:
        result = monitor_for(adb).set_stay_awake(serial, True)
    assert result.serial == serial
    assert not result.ok
    assert result.detail.startswith(detail)


def test_hung_action_is_bounded() -> None:
    with FakeAdbServer([FakePhone(PIXEL, hang={"svc power stayon usb"})]) as adb:
        started = time.monotonic()
        result = monitor_for(adb, timeout=0.5).set_stay_awake(PIXEL, True)
        assert time.monotonic() - started < 1.2
    assert not result.ok


def test_connect_wifi() -> None:
    oppo = phone_from_dir(OPPO_WIFI, "oppo_findx3_a13")
    with FakeAdbServer([], connectable={OPPO_WIFI: oppo}) as adb:
        monitor = monitor_for(adb)
        assert monitor.connect_wifi("192.168.1.23") == RigActionResult(
            OPPO_WIFI, True, f"connected to {OPPO_WIFI}")
        assert monitor.connect_wifi(OPPO_WIFI).detail == f"already connected to {OPPO_WIFI}"
        failed = monitor.connect_wifi("10.0.0.9:5555")
        assert not failed.ok
        assert "failed to connect" in failed.detail
        [health] = monitor.poll()
        assert (health.serial, health.wifi, health.serialno) == (OPPO_WIFI, True, "e4f1b2a9")
        assert ("host:connect:192.168.1.23:5555") in [c for _, c in adb.requests]
