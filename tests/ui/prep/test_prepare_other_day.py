"""Preparing another day's session on the Prep tab: card, running order, "ready", back to today."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from studio.domain.model import SessionStatus
from studio.store.rundowns import load_rundown
from studio.store.schedule import list_sessions
from tests.conftest import DEMO_DAY
from tests.helpers.shown import shown_texts
from tests.helpers.store_work import settled
from tests.helpers.waiting import until


@pytest.fixture
def studio(demo_db, make_desk):
    """The whole desk on the demo studio, on its today (DEMO_DAY)."""
    return make_desk(demo_db)


def _future_planned(db):
    sessions = list_sessions(db, DEMO_DAY + dt.timedelta(days=1), DEMO_DAY + dt.timedelta(days=30))
    return next(s for s in sessions if s.status == SessionStatus.PLANNED)


def _stored(db, session_id):
    sessions = list_sessions(db, DEMO_DAY, DEMO_DAY + dt.timedelta(days=30))
    return next(s for s in sessions if s.id == session_id)


def _select_day(view, day, loop):
    """Show ``day``'s one session in the schedule's list."""
    view.calendar.set_selected_date(day)
    loop.run_until_complete(until(lambda: view.day_filter.rowCount() == 1))


def _focus(studio, widget, loop):
    """The main window active and ``widget`` focused: shortcuts need both."""
    studio.window.activateWindow()
    loop.run_until_complete(until(lambda: QApplication.activeWindow() is studio.window))
    widget.setFocus()
    loop.run_until_complete(until(widget.hasFocus))


def test_prepare_tomorrow_s_session_to_ready_and_go_back(studio, demo_db, event_loop_qt, qtbot):
    loop = event_loop_qt
    prep = studio.window.prep
    card, view, editor = prep.card, prep.schedule, prep.rundown
    today = studio.schedule.today_session
    today_rundown = load_rundown(demo_db, today.id)
    today_titles = [d.title for d in editor.model.drafts()]
    assert today_titles == [d.title for d in today_rundown] and today_titles
    assert card.banner.isHidden()
    session = _future_planned(demo_db)
    assert load_rundown(demo_db, session.id) == []

    # Choose it in the schedule and press Ctrl+P.
    _select_day(view, session.date, loop)
    view.table.setCurrentIndex(view.day_filter.index(0, 0))
    assert view.prepare_button.isEnabled()
    _focus(studio, view.table, loop)
    qtbot.keyClick(view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert prep.prepared is not None and prep.prepared.id == session.id
    assert not card.banner.isHidden()
    day = session.date.isoformat()
    assert any(text.endswith(f"{day} — not today") for text in shown_texts(card))
    assert any(text.startswith(f"Session · {day}") for text in shown_texts(card))
    assert "Planned" in shown_texts(card)
    # The briefing notes follow the prepared day too.
    assert prep.briefing.session_id == session.id
    assert day in prep.briefing.heading.text()
    assert editor.model.rowCount() == 0 and editor.view.isEnabled()

    # A schedule refresh reads today again: the card, the editor and the notes stay on the
    # prepared day.
    studio.schedule.refresh()
    loop.run_until_complete(settled(studio))
    assert prep.prepared.id == session.id and editor.model.rowCount() == 0
    assert prep.briefing.session_id == session.id
    assert not card.banner.isHidden()

    # Insert adds a segment; it is stored for that session, not today's.
    editor.view.setFocus()
    loop.run_until_complete(until(editor.view.hasFocus))
    qtbot.keyClick(editor.view, Qt.Key.Key_Insert)
    qtbot.keyClicks(QApplication.focusWidget(), "Opening")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    loop.run_until_complete(
        until(lambda: [d.title for d in load_rundown(demo_db, session.id)] == ["Opening"])
    )
    loop.run_until_complete(until(lambda: editor.save_label.text() == "All changes saved"))
    assert load_rundown(demo_db, today.id) == today_rundown

    # The card's Edit… opens the dialog of that session; with a topic it can be ready.
    view.editor = None
    card.edit_button.click()
    loop.run_until_complete(until(lambda: view.editor is not None))
    dialog = view.editor
    assert dialog.details.session.id == session.id
    assert dialog.details.segments == 1
    dialog.topic.selectAll()
    dialog.topic.insert("冬季供暖")  # QTest types Latin-1 only
    assert dialog.ready_item().isEnabled()
    dialog.status.setCurrentIndex(dialog.status.findData(SessionStatus.READY))
    dialog.save_button.click()
    loop.run_until_complete(
        until(lambda: _stored(demo_db, session.id).status == SessionStatus.READY)
    )
    assert _stored(demo_db, session.id).topic == "冬季供暖"
    loop.run_until_complete(until(lambda: "Ready" in shown_texts(card)))
    assert "冬季供暖" in shown_texts(card) and not card.banner.isHidden()
    # The schedule's list shows it ready too.
    loop.run_until_complete(until(lambda: view.selected_session().status == SessionStatus.READY))

    # Back to today (Ctrl+T on the Prep tab): today's session and running order, untouched.
    _focus(studio, editor.view, loop)
    qtbot.keyClick(editor.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert prep.prepared is None and card.banner.isHidden()
    assert prep.briefing.session_id == today.id
    assert any(text.startswith("Today's session") for text in shown_texts(card))
    assert [d.title for d in editor.model.drafts()] == today_titles
    assert load_rundown(demo_db, today.id) == today_rundown
    # The clock, the desk and the official's screen never left today's session.
    assert studio.timer.session_id == today.id
    assert studio.window.desk.briefing.session_id == today.id
    assert studio.window.official_view().heading.endswith(f" · {today.topic}")


def test_the_banner_s_button_goes_back_and_today_s_own_session_is_not_prepared(
    studio, demo_db, event_loop_qt
):
    loop, prep = event_loop_qt, studio.window.prep
    card, view = prep.card, prep.schedule
    today = studio.schedule.today_session
    # "Prepare" on today's own session just shows today's (no banner).
    _select_day(view, DEMO_DAY, loop)
    view.prepare_button.click()
    assert prep.prepared is None and card.banner.isHidden()
    # Another day, then the banner's button.
    session = _future_planned(demo_db)
    _select_day(view, session.date, loop)
    view.prepare_button.click()
    assert prep.prepared.id == session.id and card.today_button.isVisible()
    card.today_button.click()
    assert prep.prepared is None and card.banner.isHidden()
    assert today.topic in shown_texts(card)


def test_a_running_order_started_in_the_dialog_shows_in_the_editor(studio, demo_db, event_loop_qt):
    session = _future_planned(demo_db)
    loop, prep = event_loop_qt, studio.window.prep
    view, editor = prep.schedule, prep.rundown
    _select_day(view, session.date, loop)
    view.prepare_button.click()
    loop.run_until_complete(settled(studio))
    assert editor.model.rowCount() == 0
    view.editor = None
    prep.card.edit_button.click()
    loop.run_until_complete(until(lambda: view.editor is not None))
    view.editor.rundown_button.click()
    loop.run_until_complete(until(lambda: editor.model.rowCount() == 5))
    assert [d.title for d in editor.model.drafts()] == [
        d.title for d in load_rundown(demo_db, session.id)
    ]
    assert prep.prepared.id == session.id
    view.editor.close()


def test_undoing_the_fill_that_made_the_prepared_session_goes_back_to_today(
    studio, demo_db, event_loop_qt
):
    loop, prep = event_loop_qt, studio.window.prep
    editing, view = studio.schedule_editing, prep.schedule
    loop.run_until_complete(until(lambda: studio.schedule.today_session is not None))
    editing.generate(*editing.next_weeks(4))
    loop.run_until_complete(until(lambda: editing.can_undo))
    made = next(
        s
        for s in list_sessions(demo_db, DEMO_DAY, DEMO_DAY + dt.timedelta(days=40))
        if s.status == SessionStatus.PLANNED and not s.topic
    )
    _select_day(view, made.date, loop)
    view.prepare_button.click()
    assert prep.prepared.id == made.id
    editing.undo_generation()
    loop.run_until_complete(until(lambda: prep.prepared is None))
    assert prep.card.banner.isHidden()
    assert studio.schedule.today_session.topic in shown_texts(prep.card)
