"""Briefing notes: shown on the Live desk, one point on the official's screen, carried forward."""

import datetime as dt

from studio.domain.briefing import BriefingNote
from studio.store.briefing import earlier_briefing_notes, save_briefing_notes
from studio.store.models import Session
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.waiting import until


def test_today_s_notes_reach_the_desk_and_a_point_reaches_the_official(
    make_desk, demo_db, event_loop_qt
):
    studio = make_desk(demo_db)
    viewer = studio.window.desk.briefing
    event_loop_qt.run_until_complete(until(lambda: viewer.titles.count() == 4))
    assert viewer.titles.item(0).text() == "口径：供暖收费"
    viewer.titles.setCurrentRow(1)
    viewer.show_button.setChecked(True)
    view = studio.official.view()
    assert "老旧小区改造" in view.focus_caption
    assert view.focus_text.startswith("2026 年改造 12 个小区")
    viewer.titles.setCurrentRow(2)  # a new selection follows while shown
    assert "加装电梯" in studio.official.view().focus_caption
    viewer.show_button.setChecked(False)
    assert studio.official.view().focus_text.startswith("问候网友")


def test_the_unit_s_last_notes_can_be_carried_forward(demo_db):
    repo = StudioRepository(demo_db)
    today = repo.session_on(DEMO_DAY)
    with demo_db.transaction() as s:
        earlier = Session(
            date=DEMO_DAY - dt.timedelta(days=30),
            unit_id=today.unit_id,
            topic="物业服务提升",
            status="ended",
        )
        s.add(earlier)
        s.flush()
        earlier_id = earlier.id
    save_briefing_notes(demo_db, earlier_id, [BriefingNote("上次口径", "物业费标准不变")])
    assert earlier_briefing_notes(demo_db, today.id) == [BriefingNote("上次口径", "物业费标准不变")]
    # A unit with no earlier notes gives nothing.
    other = next(
        s
        for s in repo.sessions_between(DEMO_DAY, DEMO_DAY + dt.timedelta(days=7))
        if s.unit_id != today.unit_id
    )
    assert earlier_briefing_notes(demo_db, other.id) == []


def test_carried_notes_are_added_unsaved(make_desk, demo_db, event_loop_qt):
    studio = make_desk(demo_db)
    panel = studio.window.prep.briefing
    event_loop_qt.run_until_complete(until(lambda: len(panel.notes()) == 4))
    panel.add_earlier(panel.session_id, [BriefingNote("上次口径", "物业费标准不变")])
    assert [n.title for n in panel.notes()][-1] == "上次口径"
    assert panel.status.text() in ("Not saved", "未保存")
