"""Planning single sessions and entering holidays by hand in the schedule view; what the month
shows of each day; a year without published holidays said in the window."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.store.calendar_days import work_calendar
from studio.store.schedule import list_sessions
from tests.conftest import DEMO_DAY
from tests.helpers.store_work import run

SATURDAY = DEMO_DAY + dt.timedelta(days=2)  # no session in the demo


def _focus(view, widget, loop):
    view.show()
    view.activateWindow()
    run(loop, lambda: QApplication.activeWindow() is view)
    widget.setFocus()
    run(loop, widget.hasFocus)


def _action(menu, text):
    return next(a for a in menu.actions() if a.text().startswith(text))


def test_ins_on_the_calendar_plans_a_session_on_the_selected_day(wired, event_loop_qt):
    view, _service, db = wired
    assert list_sessions(db, SATURDAY, SATURDAY) == []
    view.calendar.set_selected_date(SATURDAY)
    button = view.calendar.button_of(SATURDAY)
    _focus(view, button, event_loop_qt)
    QTest.keyClick(button, Qt.Key.Key_Insert)
    run(event_loop_qt, lambda: view.editor is not None and view.editor.isVisible())
    [created] = list_sessions(db, SATURDAY, SATURDAY)
    assert view.editor.details.session.id == created.id
    assert SATURDAY.isoformat() in view.message.text()
    run(event_loop_qt, lambda: view.day_filter.rowCount() == 1)
    # A second one on the same day is refused, in words.
    view.editor.close()
    view.new_button.click()
    run(event_loop_qt, lambda: "already has a session" in view.message.text())
    assert len(list_sessions(db, SATURDAY, SATURDAY)) == 1


def test_today_can_get_a_session_and_a_fill_starts_today(wired, event_loop_qt):
    view, service, db = wired
    assert service.next_weeks(4)[0] == DEMO_DAY
    today = list_sessions(db, DEMO_DAY, DEMO_DAY)
    menu = view.day_menu(DEMO_DAY)
    assert not _action(menu, "New session").isEnabled()  # it has one already
    assert _action(menu, "Edit session").isEnabled()
    view.month_button.click()
    # The month shows the unit on air under each day's number.
    assert today[0].unit_short_name in view.calendar.button_of(DEMO_DAY).text()


def test_a_day_entered_as_a_holiday_then_as_published(wired, event_loop_qt):
    view, _service, db = wired
    monday = DEMO_DAY + dt.timedelta(days=11)  # 2026-12-07
    view.calendar.set_selected_date(monday)
    menu = view.day_menu(monday)
    assert not _action(menu, "As the published calendar has it").isEnabled()
    _action(menu, "Mark as a day off").trigger()
    run(event_loop_qt, lambda: view.calendar.button_of(monday).property("kind") == "holiday")
    assert not work_calendar(db).is_working_day(monday)
    assert view.calendar.button_of(monday).text().startswith("7休")
    assert "entered by hand" in view.calendar.button_of(monday).toolTip()
    _action(view.day_menu(monday), "As the published calendar has it").trigger()
    run(event_loop_qt, lambda: view.calendar.button_of(monday).property("kind") == "work")
    assert work_calendar(db).entered == {}


def test_a_year_without_holiday_data_is_said_in_the_window(wired, event_loop_qt):
    view, _service, _db = wired
    assert view.calendar_warning.isHidden()
    view.calendar.set_selected_date(dt.date(2027, 1, 6))
    assert not view.calendar_warning.isHidden()
    assert "2027" in view.calendar_warning.text()
    assert view.calendar.button_of(dt.date(2027, 1, 1)).property("kind") == "holiday"
    assert "元旦" in view.calendar.button_of(dt.date(2027, 1, 1)).toolTip()
    # A Saturday entered as a 调休 working day is marked 班.
    saturday = dt.date(2027, 1, 9)
    _action(view.day_menu(saturday), "Mark as a working day").trigger()
    run(
        event_loop_qt,
        lambda: view.calendar.button_of(saturday).property("kind") == "worked_weekend",
    )
    # Back in November, a proposal reaching into 2027 says so too.
    view.calendar.set_selected_date(DEMO_DAY)
    assert view.calendar_warning.isHidden()
    view.show_preview(dt.date(2026, 12, 28), dt.date(2027, 1, 24), [])
    assert not view.calendar_warning.isHidden()
    view.discard_preview()
    assert view.calendar_warning.isHidden()
