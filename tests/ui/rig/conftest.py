"""Fixtures for the rig seat's widgets: a Rig tab wired to a rig service."""

from __future__ import annotations

import pytest

from studio.services.rig_monitor import RigMonitorService
from studio.services.tasks import BackgroundTasks
from studio.store.repository import StudioRepository
from studio.ui.rig.rig_tab import RigTab
from studio.ui.rig.wiring import wire_rig_tab


@pytest.fixture
def rig_tab(qtbot, demo_db, event_loop_qt):
    """A Rig tab wired to a rig service; call it with the rig to watch."""
    made: list[tuple[RigMonitorService, BackgroundTasks]] = []

    def make(rig, **kwargs) -> tuple[RigTab, RigMonitorService]:
        tab = RigTab()
        qtbot.addWidget(tab)
        repo = StudioRepository(demo_db)
        tab.show_rooms(repo.rooms())
        tab.show_phones(repo.phones())
        tasks = BackgroundTasks()
        service = RigMonitorService(rig, demo_db, tasks, **kwargs)
        made.append((service, tasks))
        wire_rig_tab(tab, service)
        tab.resize(1400, 800)
        tab.show()
        return tab, service

    yield make
    for service, tasks in made:
        service.stop()
        event_loop_qt.run_until_complete(tasks.shutdown())
