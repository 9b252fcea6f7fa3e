"""The rig seat's wiring: the phones' tab and the go-live checklist, and the rig service.

Everything here is a signal connection; the widgets hold no service. The phones follow today's
session and whether it is live (their alarms depend on it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from studio.domain.model import RoomRole
from studio.ui.rig.golive_dialog import GoLiveDialog
from studio.ui.rig.rig_tab import RigTab, rig_guidance
from studio.ui.services_bundle import Services

if TYPE_CHECKING:
    from studio.services.rig_monitor import RigMonitorService


def wire_rig(rig: RigTab, go_live: GoLiveDialog, services: Services) -> None:
    """Connect the Rig tab and the go-live checklist (opened by the desk's Go)."""
    s, monitor = services, services.rig_monitor
    wire_rig_tab(rig, monitor)
    monitor.checklistChanged.connect(go_live.show_checklist)

    def go_live_confirmed(override_reason: str) -> None:
        s.timer.go()
        if override_reason:
            monitor.record_override(override_reason)

    go_live.goLiveConfirmed.connect(go_live_confirmed)
    s.timer.readingChanged.connect(lambda r: monitor.set_session_live(r.started and not r.ended))
    s.schedule.todayLoaded.connect(
        lambda session: monitor.set_session(getattr(session, "id", None))
    )


def source_text(service: RigMonitorService) -> str:
    """Where the phones are read from, and whether that works."""
    if service.simulated:
        return QCoreApplication.translate("Rig", "Simulated rig (demo): two phones, no ADB.")
    if service.adb_unavailable is not None:
        return QCoreApplication.translate(
            "Rig", "No ADB server at {address}. Start it with: adb start-server"
        ).format(address=service.address)
    return QCoreApplication.translate("Rig", "ADB server {address} · read every 2 s").format(
        address=service.address
    )


def wire_rig_tab(tab: RigTab, service: RigMonitorService) -> None:
    """The tab shows the phones' health and bindings, and sends its actions to ``service``."""
    service.healthChanged.connect(tab.show_health)
    service.healthChanged.connect(lambda _statuses: tab.show_source(source_text(service)))
    service.healthChanged.connect(
        lambda statuses: tab.show_guidance(
            rig_guidance(
                statuses,
                adb_missing=service.adb_unavailable is not None,
                simulated=service.simulated,
            )
        )
    )
    service.bindingsChanged.connect(tab.show_phones)
    service.actionFinished.connect(tab.show_results)

    def act(action: str, keys: list[str]) -> None:
        if action == "launch":
            service.launch_live_app(keys)
        elif action in ("stay_awake_on", "stay_awake_off"):
            service.set_stay_awake(keys, action == "stay_awake_on")

    tab.actionRequested.connect(act)
    tab.mirrorRequested.connect(service.mirror)
    tab.wifiRequested.connect(service.connect_wifi)
    tab.bindRequested.connect(
        lambda serialno, role, label, model: service.bind(serialno, RoomRole(role), label, model)
    )
