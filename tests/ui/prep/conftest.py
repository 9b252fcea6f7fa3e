"""Fixtures for the prep seat's widgets: the schedule view wired to its service on the demo studio."""

import pytest

from studio.services.schedule_editing import ScheduleEditingService
from studio.services.tasks import BackgroundTasks
from studio.ui.prep.schedule_view import ScheduleView
from studio.ui.prep.wiring import wire_schedule_view
from tests.conftest import DEMO_DAY
from tests.helpers.store_work import RUNNING, run


@pytest.fixture
def wired(qtbot, demo_db, event_loop_qt):
    """The schedule view wired to its service as the app does, on the demo studio:
    (view, service, db)."""
    tasks = BackgroundTasks()
    service = ScheduleEditingService(demo_db, tasks, lambda: DEMO_DAY)
    view = ScheduleView()
    qtbot.addWidget(view)
    view.county = "青山县"
    wire_schedule_view(view, service)
    view.set_today(DEMO_DAY)
    service.load(*view.visible_range())
    RUNNING.append(tasks)
    run(event_loop_qt, lambda: view.sessions_model.rowCount() > 0)
    RUNNING.clear()
    RUNNING.append(tasks)
    yield view, service, demo_db
    RUNNING.clear()
    event_loop_qt.run_until_complete(tasks.shutdown())
