"""The reports service on a real store: a session's report, the review saved and read back, a
unit paused from the period report and the pause undone, an export written."""

import pytest
from sqlalchemy import select

from studio.domain.report_tables import session_sheets
from studio.services.overview import ReportService
from studio.services.tasks import BackgroundTasks
from studio.store.models import RotaSetting
from studio.store.repository import StudioRepository
from studio.store.table_files import read_rows
from tests.helpers.report_session import DAY, hand_counted_session
from tests.helpers.waiting import until


@pytest.fixture
def held(demo_db):
    return hand_counted_session(demo_db)


@pytest.fixture
def service(qapp, held, event_loop_qt):
    db = held[0]
    tasks = BackgroundTasks()
    yield ReportService(StudioRepository(db), tasks, lambda: DAY), held
    event_loop_qt.run_until_complete(tasks.shutdown())


def test_a_review_is_stored_and_the_report_read_again(service, event_loop_qt):
    reports, (_db, session_id, _unit) = service
    shown = []
    reports.sessionReportLoaded.connect(shown.append)
    reports.open_session(session_id)
    event_loop_qt.run_until_complete(until(lambda: shown))
    assert shown[0].tally.questions == 5
    reports.save_review(session_id, 5, "好")
    event_loop_qt.run_until_complete(until(lambda: len(shown) == 2))
    assert (shown[1].rating, shown[1].remark) == (5, "好")


def test_a_pause_from_the_period_report_is_undone(service, event_loop_qt):
    reports, (db, _session_id, unit_id) = service
    undo = []
    reports.undoChanged.connect(undo.append)
    reports.set_paused(unit_id, True)
    event_loop_qt.run_until_complete(until(lambda: undo == [True]))
    with db.sessions() as s:
        assert s.scalar(select(RotaSetting.paused).where(RotaSetting.unit_id == unit_id))
    reports.undo_pause()
    event_loop_qt.run_until_complete(until(lambda: undo == [True, False]))
    with db.sessions() as s:
        assert not s.scalar(select(RotaSetting.paused).where(RotaSetting.unit_id == unit_id))


def test_an_export_is_written_off_the_gui_thread(service, event_loop_qt, tmp_path):
    from studio.store.reports import session_report

    reports, (db, session_id, _unit) = service
    written = []
    reports.exported.connect(written.append)
    path = tmp_path / "r.xlsx"
    reports.export(str(path), session_sheets(session_report(db, session_id)))
    event_loop_qt.run_until_complete(until(lambda: written))
    assert written == [str(path)] and ["问题（去重）", "5"] in read_rows(path)
