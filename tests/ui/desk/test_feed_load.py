"""The desk's feed over a session's life: loaded once in pages, then following the store by change."""

import datetime as dt

import pytest
from sqlalchemy import func, select

from studio.cli.bench_desk import fill_session
from studio.domain.model import QuestionStatus
from studio.gui_gc import GuiThreadCollector
from studio.services.live_feed import LiveFeedService
from studio.store.models import Question
from studio.store.rundowns import load_rundown
from studio.store.units import list_units
from tests.conftest import DEMO_DAY
from tests.helpers.shown import shown_texts
from tests.helpers.store_work import settled
from tests.helpers.waiting import run_until, until


def selected_ids(tab) -> list[int]:
    return [q.id for q in tab.selected_questions()]


def test_edits_elsewhere_keep_the_feed_its_selection_and_new_questions(
    make_desk, demo_db, event_loop_qt
):
    """A running-order save, a unit edit and a schedule refresh each make today's session be
    read again: the feed is not reset, the selection stays, a question stored meanwhile stays,
    and a renamed unit's rows show its new name in place."""
    studio = make_desk(demo_db)
    loop, tab = event_loop_qt, studio.window.desk
    model, proxy = tab.feed_model, tab.feed_filter
    assert model.rowCount()
    resets: list[str] = []
    model.modelAboutToBeReset.connect(lambda: resets.append("feed"))
    proxy.modelAboutToBeReset.connect(lambda: resets.append("filter"))
    routed = next(model.record(r) for r in range(model.rowCount()) if model.record(r).unit_name)
    unit = next(u for u in list_units(demo_db) if u.name == routed.unit_name)
    tab.feed_view.selectRow(proxy.row_of(routed.id))
    assert selected_ids(tab) == [routed.id]
    session = studio.schedule.today_session
    today_loads: list[object] = []
    studio.schedule.todayLoaded.connect(today_loads.append)
    # A live feed of its own, wired as the app wires it: the app's was started in the test's
    # set-up, and qasync runs a step of it outside the loop whenever a wait ends there.
    feed = LiveFeedService(demo_db, studio.tasks, record=False, parent=studio.window)
    feed.questionsAdded.connect(tab.append_questions)

    async def edits() -> None:
        studio.rundown_editing.save(session.id, load_rundown(demo_db, session.id))
        await until(lambda: len(today_loads) >= 1)
        studio.units_editing.edit_unit(
            unit, unit.name + "（新）", unit.short_name, str(unit.kind), list(unit.keywords)
        )
        await until(lambda: len(today_loads) >= 2)
        await feed.open(session.id)
        rows_before = model.rowCount()
        studio.schedule.refresh()
        feed.add_manual("路灯坏了什么时候修？", "phone", "张先生")
        await until(lambda: len(today_loads) >= 3 and model.rowCount() == rows_before + 1)
        await settled(studio)
        await feed.stop()

    loop.run_until_complete(edits())

    assert resets == []
    assert selected_ids(tab) == [routed.id]
    assert model.record(model.rowCount() - 1).display_text == "路灯坏了什么时候修？"
    assert model.record(model.row_of(routed.id)).unit_name == unit.name + "（新）"


@pytest.fixture
def gui_thread_gc(qapp):
    """Collect garbage on the GUI thread only, as the app does while it runs (``StudioDesk.run``):
    the pages are built in worker threads, and a collection there would destroy QObjects left
    over from earlier tests in the wrong thread."""
    collector = GuiThreadCollector()
    collector.start()
    yield
    collector.stop()


@pytest.fixture
def long_session(demo_db, gui_thread_gc):
    """Today's session with 25,000 more stored comments; the 20,001st of them queued."""
    from studio.store.repository import StudioRepository

    session = StudioRepository(demo_db).session_on(DEMO_DAY)
    start = dt.datetime.combine(DEMO_DAY, dt.time(15, 0))
    fill_session(demo_db, session.id, 25_000, queued=(20_000,), start=start)
    with demo_db.sessions() as s:
        total = s.scalar(select(func.count()).where(Question.session_id == session.id))
        late = s.scalar(select(Question).where(Question.platform_msg_id.like("%-20000")))
        assert late.status == QuestionStatus.QUEUED
        return session.id, total, late.id


def test_a_long_session_shows_every_comment_loaded_in_pages(
    make_desk, demo_db, long_session, event_loop_qt
):
    session_id, total, late_id = long_session
    studio = make_desk(demo_db)
    tab = studio.window.desk
    model = tab.feed_model
    assert model.rowCount() == total > 25_000
    assert len({model.record(r).id for r in range(total)}) == total
    assert any(text.startswith(f"{total} ") for text in shown_texts(tab))
    assert tab.filter_bar.buttons["all"].text().endswith(f" {total}")
    assert late_id in [q.id for q in tab.queue.ordered()]
    # Pages, not one read: the next session opened loads as many rows in steps again.
    pages: list[int] = []
    studio.feed.questionsLoaded.connect(lambda page: pages.append(len(page)))
    studio.feed.session_id = None  # as if another session had been open
    studio.feed.refresh(session_id)
    assert model.loading and model.rowCount() == 0
    run_until(event_loop_qt, lambda: not model.loading, timeout=30)
    assert sum(pages) == total and len(pages) > 1
    assert max(pages) <= studio.feed.page_size
    assert model.rowCount() == total and late_id in [q.id for q in tab.queue.ordered()]
