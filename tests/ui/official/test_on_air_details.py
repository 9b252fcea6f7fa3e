"""The official's screen names the segment and its number, and says how many viewers asked the
question on air and from which room; a paused clock is dimmed and says so."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from studio.domain.model import QuestionStatus, RoomRole
from studio.store.models import Question, Room
from studio.store.moderation import merge_cluster
from studio.store.repository import StudioRepository
from studio.ui import theme
from studio.ui.official.official_screen import OfficialScreen
from studio.ui.official_view import OfficialView
from tests.conftest import DEMO_DAY
from tests.helpers.feed_rows import select_rows
from tests.helpers.shown import shown_texts
from tests.helpers.waiting import press_in_loop, run_until


def _one_per_room(db):
    """A new question from the county's room and two from the department's."""
    session_id = StudioRepository(db).session_on(DEMO_DAY).id
    picked = []
    with db.sessions() as s:
        for role, count in ((RoomRole.GOV, 1), (RoomRole.DEPT, 2)):
            picked += s.scalars(
                select(Question.id)
                .join(Room, Room.id == Question.room_id)
                .where(
                    Question.session_id == session_id,
                    Question.status == QuestionStatus.NEW,
                    Room.role == role,
                )
                .order_by(Question.id)
                .limit(count)
            ).all()
    return picked


def test_the_question_on_air_says_how_many_asked_and_from_where(make_desk, demo_db, event_loop_qt):
    ids = _one_per_room(demo_db)
    assert len(ids) == 3
    merge_cluster(demo_db, ids, "m")
    studio = make_desk(demo_db)
    w, tab = studio.window, studio.window.desk
    w.tabs.setCurrentWidget(tab)
    select_rows(studio, tab.feed_filter.row_of(ids[1]))
    tab.feed_view.setFocus()
    press_in_loop(event_loop_qt, tab.feed_view, Qt.Key.Key_Return)
    run_until(event_loop_qt, lambda: studio.official.view().focus_detail)
    view = studio.official.view()
    # Its own room (the department's) first, then the other room it was asked in.
    assert view.focus_detail == "3 viewers asked this · Department account, County account"
    assert view.segment_number == "Segment 1 of 5"
    assert "Segment 1 of 5" in shown_texts(studio.official)
    assert view.focus_detail in shown_texts(studio.official)


def test_a_lone_question_on_air_names_its_room(make_desk, demo_db, event_loop_qt):
    (qid, *_rest) = _one_per_room(demo_db)
    studio = make_desk(demo_db)
    tab = studio.window.desk
    studio.window.tabs.setCurrentWidget(tab)
    select_rows(studio, tab.feed_filter.row_of(qid))
    tab.feed_view.setFocus()
    press_in_loop(event_loop_qt, tab.feed_view, Qt.Key.Key_Return)
    run_until(event_loop_qt, lambda: studio.official.view().focus_detail)
    assert studio.official.view().focus_detail == "Asked in: County account"


def test_a_paused_countdown_is_dimmed_and_shaped_as_paused(qtbot):
    screen = OfficialScreen()
    qtbot.addWidget(screen)
    screen.show_view(
        OfficialView(phase="normal", phase_word="Paused · On time", paused=True, remaining="05:00")
    )
    assert "❚❚ Paused · On time" in shown_texts(screen)
    assert screen._remaining.colour() == theme.OFFICIAL_MUTED
