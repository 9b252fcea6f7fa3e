"""Fixtures for the prep seat's widgets: the schedule view wired to its service on the demo studio."""

import pytest

from studio.services.schedule_editing import ScheduleEditingService
from studio.services.tasks import BackgroundTasks
from studio.ui.prep.schedule_view import ScheduleView
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
    view.rangeRequested.connect(service.load)
    view.previewRequested.connect(lambda weeks: service.preview(*service.next_weeks(weeks)))
    view.generateRequested.connect(service.generate)
    view.undoRequested.connect(service.undo_generation)
    view.moveRequested.connect(service.move)
    service.sessionsLoaded.connect(view.show_range)
    service.previewReady.connect(view.show_preview)
    service.generated.connect(view.show_generated)
    service.undone.connect(view.show_undone)
    service.moved.connect(view.show_moved)
    service.problem.connect(view.show_problem)
    view.editRequested.connect(service.load_details)
    service.detailsLoaded.connect(view.open_editor)
    view.sessionEditRequested.connect(service.edit)
    view.undoEditRequested.connect(service.undo_edit)
    service.edited.connect(view.show_edited)
    service.editUndone.connect(view.show_edit_undone)
    service.editUndoable.connect(view.set_edit_undoable)
    view.rundownRequested.connect(service.start_rundown)
    service.rundownStarted.connect(view.show_rundown_started)
    view.files.exportRequested.connect(service.export)
    service.exported.connect(view.files.show_exported)
    view.files.importPreviewRequested.connect(service.preview_import)
    view.files.importRequested.connect(service.import_file)
    service.importPreviewed.connect(view.files.show_import_preview)
    service.importRefused.connect(view.files.show_import_problems)
    service.imported.connect(view.files.show_imported)
    view.set_today(DEMO_DAY)
    service.load(*view.visible_range())
    RUNNING.append(tasks)
    run(event_loop_qt, lambda: view.sessions_model.rowCount() > 0)
    RUNNING.clear()
    RUNNING.append(tasks)
    yield view, service, demo_db
    RUNNING.clear()
    event_loop_qt.run_until_complete(tasks.shutdown())
