"""The rundown editing service on a real database: loads, serialised saves, templates, CSV."""

import asyncio
import codecs
import threading
import time

import pytest

from studio.domain.model import SegmentKind
from studio.domain.rundown_csv import Problem, SegmentDraft, read_rundown_csv
from studio.services import rundown_editing
from studio.services.rundown_editing import RundownEditingService
from studio.services.tasks import BackgroundTasks
from studio.store.repository import StudioRepository
from studio.store.rundowns import DEFAULT_TEMPLATE_NAME, load_rundown
from tests.conftest import DEMO_DAY

A = [SegmentDraft("A", SegmentKind.QA, 60)]
B = [SegmentDraft("B", SegmentKind.QA, 120)]
C = [SegmentDraft("C", SegmentKind.CLOSING, 180, 60, 30, "谢谢")]


class Recorder:
    """Every emission of the service's signals, in order, as (name, args)."""

    NAMES = (
        "rundownLoaded",
        "rundownSaved",
        "saveFailed",
        "templatesLoaded",
        "templateSaved",
        "imported",
        "importFailed",
        "exported",
        "problem",
    )

    def __init__(self, service: RundownEditingService) -> None:
        self.calls: list[tuple[str, tuple]] = []
        for name in self.NAMES:
            getattr(service, name).connect(lambda *args, n=name: self.calls.append((n, args)))

    def of(self, name: str) -> list[tuple]:
        return [args for n, args in self.calls if n == name]


@pytest.fixture
def editing(demo_db, event_loop_qt):
    tasks = BackgroundTasks()
    service = RundownEditingService(demo_db, tasks)
    recorder = Recorder(service)
    today = StudioRepository(demo_db).session_on(DEMO_DAY)

    def run_until(predicate, timeout_s: float = 5.0, *, flush: bool = True) -> None:
        async def wait() -> None:
            deadline = time.monotonic() + timeout_s
            while not predicate():
                assert time.monotonic() < deadline, f"timed out; got {recorder.calls}"
                await asyncio.sleep(0.01)
            if flush:
                await service.flush()

        event_loop_qt.run_until_complete(wait())

    yield service, recorder, run_until, today.id
    event_loop_qt.run_until_complete(tasks.shutdown())


def test_load_answers_with_the_session_s_segments(editing):
    service, recorder, run_until, session_id = editing
    service.load(session_id)
    run_until(lambda: recorder.of("rundownLoaded"))
    ((loaded_id, drafts),) = recorder.of("rundownLoaded")
    assert loaded_id == session_id
    assert [d.title for d in drafts] == ["开场", "政策解读", "网友提问", "转办回音", "结束语"]
    assert all(isinstance(d, SegmentDraft) and d.notes for d in drafts)


def test_a_save_is_stored_then_announced(editing, demo_db):
    service, recorder, run_until, session_id = editing
    service.save(session_id, C)
    assert service.busy
    run_until(lambda: recorder.of("rundownSaved"))
    assert recorder.of("rundownSaved") == [(session_id,)]
    assert load_rundown(demo_db, session_id) == C
    assert not service.busy


def test_saves_run_one_at_a_time_and_the_newest_lands_last(editing, demo_db, monkeypatch):
    service, recorder, run_until, session_id = editing
    started = threading.Event()
    written: list[str] = []
    real = rundown_editing.save_rundown

    def slow_save(db, sid, drafts):
        started.set()
        time.sleep(0.2)  # a slow disk: edits pile up meanwhile
        real(db, sid, drafts)
        written.append(drafts[0].title)

    monkeypatch.setattr(rundown_editing, "save_rundown", slow_save)
    service.save(session_id, A)
    run_until(started.is_set, flush=False)
    service.save(session_id, B)
    service.save(session_id, C)
    run_until(lambda: len(written) == 2)
    # B was superseded while queued; the older write never lands after the newer one.
    assert written == ["A", "C"]
    assert load_rundown(demo_db, session_id) == C
    # Announced once, when the stored rundown is the newest one asked for.
    assert recorder.of("rundownSaved") == [(session_id,)]


def test_a_failed_save_is_reported_and_the_queue_goes_on(editing, demo_db):
    service, recorder, run_until, session_id = editing
    service.save(999_999, A)
    service.save(session_id, B)
    run_until(lambda: recorder.of("rundownSaved"))
    ((failed_id, text),) = recorder.of("saveFailed")
    assert failed_id == 999_999
    assert "999999" in text
    assert load_rundown(demo_db, session_id) == B


def test_templates_are_listed_and_saved_by_name(editing):
    service, recorder, run_until, _session_id = editing
    service.refresh_templates()
    run_until(lambda: recorder.of("templatesLoaded"))
    ((templates,),) = recorder.of("templatesLoaded")
    assert [t.name for t in templates] == [DEFAULT_TEMPLATE_NAME]
    service.save_as_template("短流程", C)
    run_until(lambda: recorder.of("templateSaved"))
    assert recorder.of("templateSaved") == [("短流程",)]
    templates = recorder.of("templatesLoaded")[-1][0]
    assert [t.name for t in templates] == [DEFAULT_TEMPLATE_NAME, "短流程"]
    assert templates[1].segments == tuple(C)
    service.save_as_template("  ", C)
    run_until(lambda: recorder.of("problem"))
    assert "name" in recorder.of("problem")[0][0]


def test_a_good_csv_is_read_but_not_stored(editing, demo_db, tmp_path):
    service, recorder, run_until, session_id = editing
    path = tmp_path / "流程.csv"
    path.write_bytes(codecs.BOM_UTF8 + "标题,类型,时长\n开场,开场,3:00\n".encode())
    before = load_rundown(demo_db, session_id)
    service.import_csv(str(path))
    run_until(lambda: recorder.of("imported"))
    ((imported_path, drafts),) = recorder.of("imported")
    assert imported_path == str(path)
    assert drafts == [SegmentDraft("开场", SegmentKind.OPENING, 180)]
    assert load_rundown(demo_db, session_id) == before


def test_a_bad_csv_reports_every_problem_and_changes_nothing(editing, demo_db, tmp_path):
    service, recorder, run_until, session_id = editing
    path = tmp_path / "bad.csv"
    path.write_text("title,kind,duration\nA,qa,1:00\nB,nope,1:00\nC,qa,soon\n", encoding="utf-8")
    before = load_rundown(demo_db, session_id)
    service.import_csv(str(path))
    run_until(lambda: recorder.of("importFailed"))
    ((failed_path, problems),) = recorder.of("importFailed")
    assert failed_path == str(path)
    assert [(p.line, p.code) for p in problems] == [
        (3, Problem.UNKNOWN_KIND),
        (4, Problem.BAD_DURATION),
    ]
    assert not recorder.of("imported")
    assert load_rundown(demo_db, session_id) == before


def test_an_unreadable_file_is_a_problem(editing, tmp_path):
    service, recorder, run_until, _session_id = editing
    service.import_csv(str(tmp_path / "missing.csv"))
    run_until(lambda: recorder.of("problem"))
    assert "missing.csv" in recorder.of("problem")[0][0]
    service.export_csv(str(tmp_path / "no-such-dir" / "out.csv"), A)
    run_until(lambda: len(recorder.of("problem")) == 2)
    assert not recorder.of("exported")


def test_export_writes_a_bom_csv_that_reads_back(editing, tmp_path):
    service, recorder, run_until, _session_id = editing
    path = tmp_path / "out.csv"
    service.export_csv(str(path), C)
    run_until(lambda: recorder.of("exported"))
    assert recorder.of("exported") == [(str(path),)]
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert read_rundown_csv(data) == C
