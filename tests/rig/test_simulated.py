"""The demo's simulated rig: deterministic phones that drain and heat up, and its actions."""

from studio.domain.phone_health import alarms
from studio.rig.simulated import DEPT_SERIAL, GOV_SERIAL, SimulatedRig
from tests.helpers.waiting import Clock


def test_two_demo_phones_start_healthy() -> None:
    rig = SimulatedRig(Clock(1000.0))
    gov, dept = rig.poll()
    assert (gov.serial, gov.serialno, gov.model) == (GOV_SERIAL, GOV_SERIAL, "Redmi K70")
    assert (dept.serial, dept.model) == (DEPT_SERIAL, "HUAWEI nova 12")
    assert gov.live_app == "快手" and dept.live_app == "抖音"
    assert (gov.battery_level, dept.battery_level) == (64, 47)
    assert alarms(gov, session_live=True) == alarms(dept, session_live=True) == []


def test_batteries_drain_and_the_department_phone_runs_hot() -> None:
    clock = Clock(1000.0)
    rig = SimulatedRig(clock)
    clock.now += 10 * 60
    gov, dept = rig.poll()
    assert (gov.battery_level, dept.battery_level) == (59, 37)
    assert dept.temperature_c == 43.0
    assert alarms(dept, session_live=False) == ["too_hot"]
    assert alarms(gov, session_live=False) == []
    clock.now += 30 * 60
    gov, dept = rig.poll()
    assert dept.battery_level == 7 and dept.temperature_c == 45.5
    assert alarms(dept, session_live=False) == ["battery_low", "too_hot"]
    assert rig.poll() == [gov, dept]  # the same instant gives the same readings


def test_charging_reverses_the_drain() -> None:
    clock = Clock(1000.0)
    rig = SimulatedRig(clock)
    clock.now += 120
    rig.plug_in(DEPT_SERIAL)
    clock.now += 300
    dept = rig.poll()[1]
    assert dept.charging is True and dept.battery_level == 50


def test_actions_change_the_phones() -> None:
    rig = SimulatedRig(Clock(1000.0))
    rig.put_in_front(GOV_SERIAL, "com.tencent.mm")
    assert alarms(rig.poll()[0], session_live=True) == ["live_app_not_in_front"]
    assert rig.launch_app(GOV_SERIAL, "com.smile.gifmaker").ok
    assert rig.poll()[0].live_app_in_front is True
    assert rig.set_stay_awake(DEPT_SERIAL, True).ok
    assert rig.poll()[1].stay_on is True
    assert not rig.launch_app("NOPE", "com.smile.gifmaker").ok
    assert not rig.connect_wifi("192.168.1.9").ok
    assert rig.poll(expected=["GONE"])[-1].state == "disconnected"
