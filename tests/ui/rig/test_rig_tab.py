"""The Rig tab and the go-live dialog, driven by the rig service on the simulated rig and fake adb."""

from __future__ import annotations

import gc
import time

import pytest
from PySide6.QtCore import QTimer

from studio.domain.golive import PhoneStatus, checklist
from studio.domain.model import RoomRole
from studio.rig.monitor import AdbRigMonitor
from studio.rig.scrcpy import ScrcpyLauncher
from studio.rig.simulated import DEPT_SERIAL, GOV_SERIAL, SimulatedRig
from studio.ui.rig.golive_dialog import GoLiveDialog
from studio.ui.rig.rig_tab import official_marker, rig_summary
from tests.helpers.fake_adb import FakeAdbServer, phone_from_dir
from tests.helpers.phones import ready
from tests.helpers.waiting import Clock, run_until


def test_bound_phones_show_before_the_first_reading(rig_tab) -> None:
    tab, _service = rig_tab(SimulatedRig(Clock()))
    assert [c.key for c in tab.cards] == [GOV_SERIAL, DEPT_SERIAL]
    assert [c.state.text() for c in tab.cards] == ["Not monitored"] * 2
    assert tab.cards[0].title.text() == "手机A（县政府号）"


def test_live_health_alarms_and_actions(rig_tab, event_loop_qt) -> None:
    clock = Clock()
    rig = SimulatedRig(clock)
    tab, service = rig_tab(rig, interval_ms=100)
    service.start()
    run_until(event_loop_qt, lambda: tab.cards[1].state.text() == "Online")
    gov, dept = tab.cards
    assert gov.values["battery"].text() == "64 % · not charging"
    assert gov.values["app"].text() == "快手 ✓"
    assert dept.values["room"].text().endswith("青山住建")
    assert "Simulated rig" in tab.source.text()
    clock.now += 10 * 60
    run_until(event_loop_qt, lambda: dept.alarm_texts() == ["Too hot"])
    assert gov.alarm_texts() == []
    assert "Too hot" in rig_summary(service.statuses)
    assert official_marker(service.statuses).startswith("▲")

    rig.put_in_front(GOV_SERIAL, "com.tencent.mm")
    service.set_session_live(True)
    run_until(event_loop_qt, lambda: gov.alarm_texts() == ["Live app not in front"])
    gov.buttons["launch"].click()
    run_until(event_loop_qt, lambda: gov.result.text() != "")
    assert gov.result.text() == "手机A（县政府号）: done"
    run_until(event_loop_qt, lambda: gov.alarm_texts() == [])
    tab.both_buttons["stay_awake_on"].click()
    run_until(event_loop_qt, lambda: tab.results.text().startswith("Keep awake:"))
    assert tab.results.text() == "Keep awake: 手机A（县政府号）: done; 手机B（部门号）: done"


def test_mirror_without_scrcpy_says_how_to_get_it(rig_tab, event_loop_qt) -> None:
    tab, service = rig_tab(SimulatedRig(Clock()), scrcpy=ScrcpyLauncher(which=lambda _n: None))
    service.start()
    run_until(event_loop_qt, lambda: tab.cards[1].state.text() == "Online")
    tab.both_buttons["mirror"].click()
    run_until(event_loop_qt, lambda: tab.results.text() != "")
    assert "scrcpy is not installed" in tab.results.text()
    assert "scrcpy is not installed" in tab.cards[0].result.text()


def test_binding_a_phone_from_its_card(rig_tab, event_loop_qt) -> None:
    tab, service = rig_tab(SimulatedRig(Clock()))
    service.start()
    run_until(event_loop_qt, lambda: tab.cards[1].state.text() == "Online")
    card = tab.cards[1]
    card.label_edit.setText("手机B（民政局）")
    card.role_box.setCurrentIndex(card.role_box.findData("dept"))
    card.bind_button.click()
    run_until(event_loop_qt, lambda: card.title.text() == "手机B（民政局）")
    assert service.bound[1].label == "手机B（民政局）"
    card.label_edit.clear()
    card.bind_button.click()
    assert card.result.text() == "Type a label before binding."


# adbutils leaves the hung phone's socket for the garbage collector (see test_rig_monitor).
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_a_hung_phone_shows_not_responding_and_the_gui_keeps_running(
    rig_tab, event_loop_qt
) -> None:
    gov = phone_from_dir(
        GOV_SERIAL,
        "pixel7_a14",
        hang={"dumpsys power"},
        shell={"getprop": f"[ro.serialno]: [{GOV_SERIAL}]\n"},
    )
    with FakeAdbServer([gov], lifetime=10) as adb:
        tab, service = rig_tab(AdbRigMonitor(adb.host, adb.port, timeout=1.0))
        ticks: list[float] = []
        ticker = QTimer(interval=20, timeout=lambda: ticks.append(time.monotonic()))
        ticker.start()
        started = time.monotonic()
        service.start()
        run_until(event_loop_qt, lambda: tab.cards[0].state.text() == "Not responding")
        elapsed = time.monotonic() - started
        ticker.stop()
        assert len(ticks) > elapsed / 0.02 * 0.5  # the loop turned all along
        card = tab.cards[0]
        assert card.alarm_texts() == ["Not responding"]
        assert not card.buttons["launch"].isEnabled()
        assert tab.cards[1].state.text() == "Disconnected"
        assert f"127.0.0.1:{adb.port}" in tab.source.text()
        service.stop()
    time.sleep(0.5)  # the server stopped: the hung worker ends; collect its socket here
    gc.collect()


# -- status texts and the go-live dialog ----------------------------------------------------


def test_summary_texts() -> None:
    assert rig_summary([]) == "Phones: none detected"
    ok = PhoneStatus("A", ready("A"), RoomRole.GOV, "手机A")
    hot = PhoneStatus("B", ready("B"), RoomRole.DEPT, "手机B", ("too_hot", "storage_low"))
    assert rig_summary([ok, hot]) == "Phones: 2/2 online · ▲ 手机B: Too hot (+1 more)"
    assert rig_summary([ok]) == "Phones: 1/1 online"
    assert official_marker([ok]) == ""
    assert official_marker([ok, hot]) == "▲ Phone check: 手机B"


def test_go_live_dialog_goes_when_the_checklist_passes(qtbot) -> None:
    dialog = GoLiveDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.isModal()
    assert not dialog.go_button.isEnabled()
    dialog.show_checklist(checklist({RoomRole.GOV: ready("A"), RoomRole.DEPT: ready("B")}))
    assert dialog.go_button.isEnabled() and not dialog.override_button.isEnabled()
    assert dialog.verdict.text() == "All checks passed."
    with qtbot.waitSignal(dialog.goLiveConfirmed) as confirmed:
        dialog.go_button.click()
    assert confirmed.args == [""]
    assert not dialog.isVisible()


def test_go_live_dialog_override_needs_a_reason(qtbot) -> None:
    dialog = GoLiveDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.show_checklist(
        checklist(
            {
                RoomRole.GOV: ready("A", battery_level=18, charging=True),
                RoomRole.DEPT: ready("B", temperature_c=43.5),
            }
        )
    )
    assert dialog.verdict.text() == "Checks not passed: 1"
    shown = [(m.text(), c.text(), d.text()) for m, _r, c, d in dialog.rows if not m.isHidden()]
    assert ("✓", "Battery at least 30 % or charging", "18 %, charging") in shown
    assert ("✗", "Temperature below 42 °C", "43.5 °C") in shown
    assert not dialog.go_button.isEnabled() and not dialog.override_button.isEnabled()
    dialog.reason.setText("   ")
    assert not dialog.override_button.isEnabled()
    dialog.reason.setText("县长已到场，备用机就位")
    with qtbot.waitSignal(dialog.goLiveConfirmed) as confirmed:
        dialog.override_button.click()
    assert confirmed.args == ["县长已到场，备用机就位"]
    dialog.show_checklist(checklist({}))
    assert sum(1 for m, *_ in dialog.rows if not m.isHidden()) == 10
