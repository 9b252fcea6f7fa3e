"""The feed's filters and search: views, rooms, units, real keys, and moderation through a filter."""

import pytest
from PySide6.QtCore import Qt

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole, UnitKind
from studio.domain.records import QuestionRecord, UnitRecord
from studio.store.models import Question
from studio.ui.desk.desk_tab import DeskTab
from studio.ui.desk.feed_filter import FeedFilter, search_key
from tests.helpers.feed_rows import question_saying as question
from tests.helpers.feed_rows import select_rows
from tests.helpers.waiting import until


def mixed() -> list[QuestionRecord]:
    return [
        question(1, "暖气不热怎么办？", unit_name="住建局"),
        question(2, "主持人好", flags=QuestionFlag.NONE),
        question(3, "低保怎么申请", status=QuestionStatus.FLAGGED, unit_name="民政局"),
        question(4, "路灯坏了", status=QuestionStatus.QUEUED, room_role=RoomRole.DEPT),
        question(5, "学校门口堵车", status=QuestionStatus.ON_AIR, room_role=RoomRole.DEPT),
        question(6, "补贴发了吗", status=QuestionStatus.ANSWERED),
        question(7, "物业不作为", status=QuestionStatus.REFERRED),
        question(8, "广告", status=QuestionStatus.HIDDEN, flags=QuestionFlag.NONE),
        question(9, "電話問的醫保", platform=Platform.MANUAL, room_role=None, channel="phone"),
    ]


@pytest.fixture
def tab(qtbot):
    desk = DeskTab()
    qtbot.addWidget(desk)
    desk.resize(1200, 600)
    desk.show_questions(mixed())
    return desk


def shown_ids(desk: DeskTab) -> list[int]:
    proxy = desk.feed_filter
    return [proxy.record(row).id for row in range(proxy.rowCount())]


def test_each_view_shows_its_rows_and_counts_them(tab):
    expected = {
        "all": [1, 2, 3, 4, 5, 6, 7, 8, 9],
        "questions": [1, 3, 4, 5, 6, 7, 9],
        "new": [1, 9],  # new questions: "主持人好" is chatter
        "flagged": [3],
        "queued": [4, 5],
        "answered": [6],
        "referred": [7],
        "hidden": [8],
    }
    for view, ids in expected.items():
        tab.set_view(view)
        assert shown_ids(tab) == ids, view
        assert tab.filter_bar.buttons[view].isChecked()
        assert tab.filter_bar.buttons[view].text().endswith(f" {len(ids)}")


def test_room_unit_and_search_narrow_together(tab):
    tab.set_units(
        [
            UnitRecord(1, "住建局", "住建", UnitKind.DEPARTMENT, ()),
            UnitRecord(2, "民政局", "民政", UnitKind.DEPARTMENT, ()),
            UnitRecord(3, "旧局", "旧", UnitKind.DEPARTMENT, (), retired=True),
        ]
    )
    units = tab.filter_bar.unit
    assert [units.itemText(i) for i in range(units.count())][1:] == ["住建局", "民政局"]
    tab.feed_filter.set_filter(room="dept")
    assert shown_ids(tab) == [4, 5]
    tab.feed_filter.set_filter(room="manual")
    assert shown_ids(tab) == [9]
    tab.feed_filter.set_filter(room="gov", unit="民政局")
    assert shown_ids(tab) == [3]
    tab.feed_filter.set_filter(
        room="both", unit="", search="医保"
    )  # traditional text, simplified query
    assert shown_ids(tab) == [9]
    with pytest.raises(ValueError, match="unknown feed view"):
        tab.feed_filter.set_filter(view="nope")


def test_search_matches_text_and_nickname_ignoring_case_and_width(qtbot):
    model_tab = DeskTab()
    qtbot.addWidget(model_tab)
    model_tab.show_questions(
        [
            question(1, "WiFi 信号差", nickname="a"),
            question(2, "暖气", nickname="ＡＢＣ小区业主"),  # full-width letters
            question(3, "别的", nickname="z"),
        ]
    )
    proxy: FeedFilter = model_tab.feed_filter
    proxy.set_filter(search="wifi")
    assert shown_ids(model_tab) == [1]
    proxy.set_filter(search="abc")
    assert shown_ids(model_tab) == [2]
    proxy.set_filter(search="  ")
    assert shown_ids(model_tab) == [1, 2, 3] and not proxy.is_filtering()
    assert search_key("ＡＢＣ 醫保") == "abc 医保"


def test_a_row_that_leaves_the_view_stays_until_the_view_is_chosen_again(tab):
    tab.set_view("new")
    assert shown_ids(tab) == [1, 9]
    tab.update_questions([question(1, status=QuestionStatus.FLAGGED, unit_name="住建局")])
    assert shown_ids(tab) == [1, 9]  # the reader's rows do not jump
    assert tab.feed_filter.record(0).status == QuestionStatus.FLAGGED
    tab.set_view("new")
    assert shown_ids(tab) == [9]


def test_the_new_marker_counts_only_rows_that_pass_the_filter(tab, qtbot):
    tab.show()
    tab.feed_model.append([question(100 + n) for n in range(80)])
    tab.set_view("flagged")
    tab.feed_model.append([question(200 + n, status=QuestionStatus.FLAGGED) for n in range(60)])
    tab.set_view("flagged")
    tab.feed_view.scrollToTop()
    assert tab.feed_view.verticalScrollBar().maximum() > 0
    tab.append_questions(
        [question(300 + n) for n in range(5)]
        + [question(400 + n, status=QuestionStatus.FLAGGED) for n in range(3)]
    )
    assert tab.new_marker.isVisible() and tab.new_marker.text().startswith("3 ")
    assert tab.feed_view.verticalScrollBar().value() == 0


def test_filtering_100k_rows_keeps_the_right_rows_as_more_arrive(qtbot):
    """How fast is the benchmark's business (``bench feed --gui-rows``, gui_filter_switch_ms);
    this checks what is shown."""
    desk = DeskTab()
    qtbot.addWidget(desk)
    desk.resize(1200, 700)
    desk.show()
    desk.show_questions(
        [
            question(
                n, f"问题{n}", status=QuestionStatus.FLAGGED if n % 7 == 0 else QuestionStatus.NEW
            )
            for n in range(1, 100_001)
        ]
    )
    desk.set_view("flagged")
    assert desk.feed_filter.rowCount() == 100_000 // 7
    desk.append_questions(
        [question(n, status=QuestionStatus.FLAGGED) for n in range(200_000, 201_000)]
    )
    desk.append_questions([question(n) for n in range(300_000, 300_500)])  # new: not shown
    desk.feed_view.viewport().repaint()
    assert desk.feed_filter.rowCount() == 100_000 // 7 + 1000
    assert desk.feed_filter.record(desk.feed_filter.rowCount() - 1).id == 200_999


# -- the whole desk, real keys ----------------------------------------------------------------


def test_ctrl_f_searches_and_esc_clears_back_to_the_feed(desk, qtbot, event_loop_qt):
    loop, tab = event_loop_qt, desk.window.desk
    everything = tab.feed_filter.rowCount()
    qtbot.keyClick(tab.feed_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    search = tab.filter_bar.search
    loop.run_until_complete(until(search.hasFocus))
    qtbot.keyClicks(search, "5566")  # a masked number in a demo question
    loop.run_until_complete(until(lambda: 0 < tab.feed_filter.rowCount() < everything))
    assert all(
        "5566" in tab.feed_filter.record(r).nickname + tab.feed_filter.record(r).display_text
        for r in range(tab.feed_filter.rowCount())
    )
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    loop.run_until_complete(until(lambda: tab.feed_view.hasFocus()))
    assert search.text() == "" and tab.feed_filter.rowCount() == everything


def test_alt_keys_choose_views_and_f_q_act_on_the_filtered_selection(
    desk,
    qtbot,
    demo_db,
    event_loop_qt,
):
    loop, tab = event_loop_qt, desk.window.desk
    model, proxy, view = tab.feed_model, tab.feed_filter, tab.feed_view
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # New
    loop.run_until_complete(until(lambda: tab.filter_bar.buttons["new"].isChecked()))
    assert all(proxy.record(r).status == QuestionStatus.NEW for r in range(proxy.rowCount()))
    assert all(proxy.record(r).flags & QuestionFlag.IS_QUESTION for r in range(proxy.rowCount()))
    assert 2 < proxy.rowCount() < model.rowCount()
    picked = [proxy.record(r).id for r in (1, 2)]
    assert [model.row_of(i) for i in picked] != [1, 2]  # filtered rows are not the model's
    select_rows(desk, 1, 2)  # rows of the filtered view
    assert [q.id for q in tab.selected_questions()] == picked

    def statuses() -> set:
        """Stored and shown: the move's task has then ended (it shows last), so no step of it
        is left to run while a later key press is handled outside the event loop."""
        with demo_db.sessions() as s:
            stored = {QuestionStatus(s.get(Question, i).status) for i in picked}
        shown = {model.record(model.row_of(i)).status for i in picked}
        return stored if shown == stored else set()

    qtbot.keyClick(view, Qt.Key.Key_F)
    loop.run_until_complete(until(lambda: statuses() == {QuestionStatus.FLAGGED}))
    # Flagged under "New": the rows stay put, the selection still holds them.
    assert [proxy.record(r).id for r in (1, 2)] == picked
    qtbot.keyClick(view, Qt.Key.Key_Q)
    loop.run_until_complete(until(lambda: statuses() == {QuestionStatus.QUEUED}))
    qtbot.keyClick(view, Qt.Key.Key_5, Qt.KeyboardModifier.AltModifier)  # Queued
    loop.run_until_complete(until(lambda: tab.filter_bar.buttons["queued"].isChecked()))
    assert set(picked) <= {proxy.record(r).id for r in range(proxy.rowCount())}
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    loop.run_until_complete(until(lambda: proxy.rowCount() == model.rowCount()))


def test_the_filter_keeps_qt_s_model_rules_through_changes(tab, qtmodeltester):
    proxy = tab.feed_filter
    qtmodeltester.check(proxy, force_py=True)  # and it keeps watching every change below
    tab.set_view("new")
    tab.append_questions(
        [question(20, "又一个问题？"), question(21, "广告", status=QuestionStatus.HIDDEN)]
    )
    tab.update_questions([question(1, status=QuestionStatus.FLAGGED)])
    assert shown_ids(tab) == [1, 9, 20]  # 1 stays until the view is chosen again
    tab.set_view("new")
    assert shown_ids(tab) == [9, 20]
    tab.show_questions(mixed())  # a reload
    assert shown_ids(tab) == [1, 9]
    tab.set_view("all")
    assert shown_ids(tab) == list(range(1, 10))


def test_the_selection_stays_on_rows_that_still_pass(tab):
    view = tab.feed_view
    proxy = tab.feed_filter
    view.selectRow(proxy.row_of(3))
    tab.set_view("flagged")
    assert [proxy.record(i.row()).id for i in view.selectionModel().selectedRows()] == [3]
    tab.set_view("new")
    assert view.selectionModel().selectedRows() == []
