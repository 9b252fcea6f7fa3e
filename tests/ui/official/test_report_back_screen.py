"""The report-back segment (转办回音) on the official's screen: the replied tickets one by
one, the question and the reply's summary, stepped by the clicker and recorded in the store."""

from PySide6.QtCore import Qt

from studio.domain.model import SegmentKind
from studio.domain.report_back import reply_summary
from studio.store.models import Referral
from studio.store.report_back import report_back_items
from studio.store.repository import StudioRepository
from studio.ui.fit_label import FitLabel
from tests.conftest import DEMO_DAY
from tests.helpers.shown import shown_texts
from tests.helpers.waiting import press_in_loop, run_until


def test_the_clicker_steps_through_the_replies_in_the_report_back_segment(
    make_desk, demo_db, event_loop_qt
):
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    items = report_back_items(demo_db, session_id)
    assert len(items) >= 2
    studio = make_desk(demo_db)
    w, timer = studio.window, studio.services.timer
    index = [g.kind for g in w._segments].index(SegmentKind.REPORT_BACK)
    timer.go()
    run_until(event_loop_qt, lambda: timer.reading() is not None and timer.reading().started)
    timer.jump(index)
    run_until(event_loop_qt, lambda: timer.reading().segment_index == index)
    # Before the first press: how many replies wait, and the first ones as "next".
    run_until(event_loop_qt, lambda: "2" in studio.official.view().focus_caption)
    assert studio.official.view().next_items[0].startswith(items[0].number)

    press_in_loop(event_loop_qt, studio.official, Qt.Key.Key_PageDown)  # the clicker's "next"
    run_until(event_loop_qt, lambda: items[0].number in studio.official.view().focus_caption)
    view = studio.official.view()
    assert view.focus_text == items[0].question
    assert reply_summary(items[0].reply) in view.focus_detail
    assert f"1 of {len(items)}" in view.focus_caption
    painted = [label.text() for label in studio.official.findChildren(FitLabel)]
    assert view.focus_text in painted  # the question, in the big fitting label
    assert view.focus_detail in shown_texts(studio.official)
    assert view.next_items[0].startswith(items[1].number)
    # The desk's preview shows the same.
    assert w.desk.queue.preview.view().focus_caption == view.focus_caption

    press_in_loop(event_loop_qt, studio.official, Qt.Key.Key_PageDown)
    run_until(event_loop_qt, lambda: items[1].number in studio.official.view().focus_caption)
    with demo_db.sessions() as s:
        for item in items[:2]:
            assert s.get(Referral, item.referral_id).reported_back_session_id == session_id
        assert s.get(Referral, items[-1].referral_id).reported_back_session_id is None or len(
            items
        ) == 2
