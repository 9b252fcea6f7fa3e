"""The week view: the working days of a week with their sessions, holidays and 调休 marked."""

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.domain.model import SessionStatus
from studio.domain.records import SessionRecord
from studio.ui.prep.week_view import WeekView, week_days
from tests.conftest import DEMO_DAY
from tests.helpers.store_work import run


def _session(day, unit, topic="", status=SessionStatus.PLANNED):
    return SessionRecord(
        day.toordinal(),
        day,
        dt.time(15),
        dt.time(16),
        1,
        unit,
        unit,
        "张志强",
        "局长",
        topic,
        status,
    )


def test_national_day_weeks_show_holidays_and_the_make_up_day():
    # 2026: 1–7 October off; Saturday 10 October is worked (调休).
    assert week_days(dt.date(2026, 10, 1)) == [
        dt.date(2026, 9, 28) + dt.timedelta(days=n) for n in range(5)
    ]
    assert week_days(dt.date(2026, 10, 8)) == [
        dt.date(2026, 10, 5) + dt.timedelta(days=n) for n in range(6)
    ]


def test_rows_say_who_what_and_how_far(qtbot):
    week = WeekView()
    qtbot.addWidget(week)
    sessions = {
        dt.date(2026, 10, 8): [
            _session(dt.date(2026, 10, 8), "住房和城乡建设局", "供暖", SessionStatus.READY)
        ],
        dt.date(2026, 10, 10): [_session(dt.date(2026, 10, 10), "<b>城关镇</b>")],
    }
    week.show_week(dt.date(2026, 10, 8), lambda day: sessions.get(day, []))
    assert week.title.text() == "Week 41: 2026-10-05 – 2026-10-11"
    rows = [week.row_texts(r) for r in range(week.table.rowCount())]
    assert [r[0] for r in rows] == [
        "10-05 Mon 休",
        "10-06 Tue 休",
        "10-07 Wed 休",
        "10-08 Thu",
        "10-09 Fri",
        "10-10 Sat 班",
    ]
    assert rows[0][4] == "Public holiday" and rows[4][4] == "(no session)"
    assert rows[3][1:] == ["15:00–16:00", "住房和城乡建设局", "局长 张志强", "供暖", "Ready"]
    assert rows[5][2] == "<b>城关镇</b>" and rows[5][4] == "(no topic yet)"
    assert week.table.item(0, 0).background().color().name() == "#fde2e1"
    assert week.table.item(5, 0).background().color().name() == "#fff1c2"
    # The selected day's row is selected; another row selects its day.
    assert week.table.selectionModel().selectedRows()[0].row() == 3
    with qtbot.waitSignal(week.daySelected) as selected:
        week.table.selectRow(4)
    assert selected.args == [dt.date(2026, 10, 9)]
    with qtbot.waitSignal(week.sessionActivated) as activated:
        week.table.setCurrentCell(5, 0)
        QTest.keyClick(week.table, Qt.Key.Key_Return)
    assert activated.args == [dt.date(2026, 10, 10)]
    with qtbot.waitSignal(week.weekStepped) as stepped:
        week.next_button.click()
    assert stepped.args == [1]


def test_the_schedule_switches_to_the_week_and_steps_through_weeks(wired, event_loop_qt):
    view, _service, _db = wired
    view.week_button.click()
    assert view.pages.currentWidget() is view.week
    texts = [view.week.row_texts(r) for r in range(view.week.table.rowCount())]
    assert [t[0][:5] for t in texts] == ["11-23", "11-24", "11-25", "11-26", "11-27"]
    assert texts[3][2:5] == ["住房和城乡建设局", "局长 张志强", "冬季供暖保障与老旧小区改造"]
    assert view.export_range() == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    # The next week crosses into December: the calendar turns its page and loads it.
    view.week.next_button.click()
    assert view.selected_day() == DEMO_DAY + dt.timedelta(days=7)
    run(event_loop_qt, lambda: view.week.row_texts(3)[2] != "")
    assert view.week.title.text() == "Week 49: 2026-11-30 – 2026-12-06"
    assert view.week.row_texts(4)[4] == "(no session)"
    # Enter on a row edits that day's session.
    view.editor = None
    view.week.table.setCurrentCell(1, 0)
    QTest.keyClick(view.week.table, Qt.Key.Key_Return)
    run(event_loop_qt, lambda: view.editor is not None)
    assert view.editor.details.session.date == dt.date(2026, 12, 1)
    view.editor.close()
    view.month_button.click()
    assert view.pages.currentWidget() is view.calendar
    assert view.export_range() == (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
