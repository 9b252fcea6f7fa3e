"""The Rig tab says what to do without adb, without phones or with a key to accept; the phone
chip is amber then, not green; thermal status in words; one line of advice per alarm."""

from __future__ import annotations

import socket

from studio.domain.golive import PhoneStatus
from studio.domain.model import RoomRole
from studio.domain.phone_health import PhoneHealth
from studio.rig.monitor import AdbRigMonitor
from studio.rig.simulated import GOV_SERIAL
from studio.ui.rig.rig_tab import PhoneCard, rig_chip_state, rig_guidance
from tests.helpers.fake_adb import FakeAdbServer, FakePhone
from tests.helpers.phones import ready
from tests.helpers.waiting import run_until


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_without_adb_the_tab_says_to_install_it(rig_tab, event_loop_qt) -> None:
    tab, service = rig_tab(AdbRigMonitor("127.0.0.1", _free_port(), timeout=0.5))
    service.start()
    run_until(event_loop_qt, lambda: tab.guidance.isVisible())
    text = tab.guidance.text()
    assert "install" in text.lower() and "adb start-server" in text
    service.stop()


def test_without_phones_the_tab_says_to_enable_usb_debugging(rig_tab, event_loop_qt) -> None:
    with FakeAdbServer([], lifetime=10) as adb:
        tab, service = rig_tab(AdbRigMonitor(adb.host, adb.port, timeout=1.0))
        service.start()
        run_until(event_loop_qt, lambda: tab.guidance.isVisible())
        assert "USB debugging" in tab.guidance.text()
        assert "Build number" in tab.guidance.text()
        service.stop()


def test_an_unauthorized_phone_asks_to_accept_the_key(rig_tab, event_loop_qt) -> None:
    with FakeAdbServer([FakePhone(GOV_SERIAL, state="unauthorized")], lifetime=10) as adb:
        tab, service = rig_tab(AdbRigMonitor(adb.host, adb.port, timeout=1.0))
        service.start()
        run_until(event_loop_qt, lambda: "Allow USB debugging" in tab.guidance.text())
        card = next(c for c in tab.cards if c.key == GOV_SERIAL)
        assert "Always allow" in card.advice.text()
        service.stop()


def test_guidance_goes_once_a_phone_is_online() -> None:
    ok = PhoneStatus("A", ready("A"), RoomRole.GOV, "手机A")
    assert rig_guidance([ok], adb_missing=False) == ""
    assert rig_guidance([], adb_missing=False, simulated=True) == ""


def test_the_phone_chip_is_amber_while_setting_up_and_green_only_when_phones_report() -> None:
    ok = PhoneStatus("A", ready("A"), RoomRole.GOV, "手机A")
    gone = PhoneStatus("A", PhoneHealth("A", state="disconnected"), RoomRole.GOV, "手机A")
    assert rig_chip_state([], adb_missing=True, live=False, marker="") == "warn"
    assert rig_chip_state([], adb_missing=False, live=False, marker="") == "warn"
    assert rig_chip_state([gone], adb_missing=False, live=False, marker="▲") == "warn"
    assert rig_chip_state([gone], adb_missing=False, live=True, marker="▲") == "bad"
    assert rig_chip_state([ok], adb_missing=False, live=False, marker="") == "ok"
    assert rig_chip_state([ok], adb_missing=False, live=True, marker="▲") == "bad"


def test_the_app_s_phone_chip_is_amber_without_adb(make_desk, demo_db, event_loop_qt) -> None:
    studio = make_desk(demo_db, ["--adb", f"127.0.0.1:{_free_port()}"])
    studio.services.rig_monitor.start()  # as the app's main does once the window shows
    chip = studio.window.status.phones_label
    run_until(event_loop_qt, lambda: chip.property("state") == "warn", timeout=8)
    assert "no ADB" in chip.text()
    assert "adb start-server" in studio.window.rig.guidance.text()


def test_thermal_status_in_words_and_one_line_of_advice_per_alarm(qtbot) -> None:
    card = PhoneCard("A")
    qtbot.addWidget(card)
    hot = ready("A", temperature_c=44.0, thermal_status=3, battery_level=12)
    card.show_status(PhoneStatus("A", hot, RoomRole.GOV, "手机A", ("battery_low", "too_hot")), None)
    assert card.values["temperature"].text() == "44.0 °C · too hot, severe throttling"
    lines = card.advice.text().splitlines()
    assert len(lines) == 2
    assert "charger" in lines[0] and "case off" in lines[1]
    assert card.alarm_chips[1].toolTip().startswith("Take the case off")
