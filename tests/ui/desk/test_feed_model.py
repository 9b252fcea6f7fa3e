"""The live feed's model and the desk around it: append-only, plain text, fast at 100k rows."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from studio.domain.model import Platform, QuestionStatus, RoomRole
from studio.domain.records import RoomRecord
from studio.ui.desk.desk_tab import FEED_COLUMNS, DeskTab
from studio.ui.desk.feed_model import RECORD_ROLE, FeedModel
from studio.ui.desk.feed_sources import FeedSourcesDialog
from studio.ui.desk.manual_entry import ManualEntryDialog
from studio.ui.record_model import Column
from tests.helpers.dialogs import Button, press_button
from tests.helpers.feed_rows import question


def model() -> FeedModel:
    return FeedModel(
        [Column("Author", lambda q: q.nickname), Column("Text", lambda q: q.display_text)]
    )


def test_the_model_keeps_the_qt_contract_while_growing(qtmodeltester):
    m = model()
    qtmodeltester.check(m)
    m.append([question(1), question(2)])
    m.append([question(3, "<b>x</b>")])
    qtmodeltester.check(m)


def test_each_batch_is_one_insertion_and_repeats_are_skipped(qtbot):
    m = model()
    m.set_records([question(1)])
    inserted = []
    m.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    assert m.append([question(1), question(2), question(3)]) == 2
    assert m.append([question(2)]) == 0
    assert inserted == [(1, 2)]
    assert m.data(m.index(2, 0), RECORD_ROLE) == question(3)
    assert m.row_of(3) == 2


def test_markup_is_returned_as_text(qtbot):
    m = model()
    m.append([question(1, "<b>x</b>", '<img src="x">')])
    assert m.data(m.index(0, 0)) == "<b>x</b>"
    assert m.data(m.index(0, 1)) == '<img src="x">'


def test_a_record_is_updated_in_place(qtbot):
    m = model()
    m.append([question(1)])
    changed = []
    m.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    assert m.update(question(1, text="新"))
    assert changed == [(0, 0)] and m.data(m.index(0, 1)) == "新"
    assert not m.update(question(9))


def test_the_desk_holds_100k_rows_and_follows_the_newest(qtbot):
    """How fast is the benchmark's business (``bench feed``: gui_lag_p99_ms at 1,000 frames/s,
    ``--gui-rows 100000`` for a long feed); this checks what 100,000 rows look like."""
    desk = DeskTab()
    qtbot.addWidget(desk)
    desk.resize(1200, 700)
    desk.show()
    desk.show_questions([question(n) for n in range(1, 1001)])
    for start in range(1001, 100_001, 1000):
        desk.append_questions([question(n) for n in range(start, start + 1000)])
    assert desk.feed_model.rowCount() == 100_000
    desk.append_questions([question(100_001)])
    desk.feed_view.viewport().repaint()
    assert desk.feed_model.record(100_000).id == 100_001
    # Following the newest rows.
    bar = desk.feed_view.verticalScrollBar()
    assert bar.value() == bar.maximum()


def test_hostile_nicknames_stay_text_in_the_desk(qtbot):
    desk = DeskTab()
    qtbot.addWidget(desk)
    desk.append_questions([question(1, "<b>x</b>"), question(2, "<img src=x>")])
    author = FEED_COLUMNS.index("author")
    names = [desk.feed_model.index(r, author).data() for r in range(2)]
    assert names == ["<b>x</b>", "<img src=x>"]


def test_room_chips_show_state_and_counts(qtbot):
    desk = DeskTab()
    qtbot.addWidget(desk)
    desk.rooms.show_rooms(
        [
            RoomRecord(1, Platform.KUAISHOU, "青山县人民政府", "gov", RoomRole.GOV, ""),
            RoomRecord(2, Platform.DOUYIN, "青山住建", "sec", RoomRole.DEPT, ""),
        ]
    )
    desk.rooms.show_state("gov", "reconnecting")
    desk.rooms.show_counts({"gov": {"stored": 12, "rejected": 1}})
    assert desk.rooms.state_of("gov") == "reconnecting"
    assert "12" in desk.rooms.chip_text("gov")
    assert desk.rooms.chip_text("dept")
    desk.rooms.show_state("dept", "stale")
    desk.rooms.show_state("dept", "ended")
    assert desk.rooms.state_of("dept") == "ended"


def test_manual_entry_is_non_modal_and_ready_for_the_next_call(qtbot):
    desk = DeskTab()
    qtbot.addWidget(desk)
    entered = []
    desk.manualQuestionEntered.connect(lambda *a: entered.append(a))
    desk.open_manual_entry()
    dialog = desk.manual_dialog
    assert isinstance(dialog, ManualEntryDialog) and dialog.isVisible() and not dialog.isModal()
    assert not dialog.add_button.isEnabled()
    dialog.text.setPlainText("低保怎么申请？")
    dialog.channel.setCurrentIndex(1)
    dialog.nickname.setText("张先生")
    dialog.add_button.click()
    assert entered == [("低保怎么申请？", "wechat", "张先生")]
    assert dialog.text.toPlainText() == "" and dialog.isVisible()
    dialog.close()


def test_sources_dialog_round_trips_the_sources(qtbot):
    desk = DeskTab()
    qtbot.addWidget(desk)
    edited = []
    desk.sourcesEdited.connect(edited.append)
    saved = [
        {
            "room_role": "gov",
            "tool": "kuaishou-server",
            "address": "127.0.0.1:5001",
            "room_key": "gov",
        }
    ]
    desk.show_sources(saved)
    desk.open_sources()
    dialog = desk.sources_dialog
    assert isinstance(dialog, FeedSourcesDialog) and not dialog.isModal()
    assert dialog.sources() == saved
    tool, address, _key = dialog.rows["dept"]
    tool.setCurrentIndex(tool.findData("barragegrab"))
    assert address.text() == "ws://127.0.0.1:8888"
    press_button(dialog, Button.Save)
    assert edited[0][1]["tool"] == "barragegrab" and not dialog.isVisible()
    assert Qt  # (imported for readability of roles above)


def test_sources_dialog_shows_a_kuaishou_rooms_userscript_ready_to_copy(qtbot):
    dialog = FeedSourcesDialog()
    qtbot.addWidget(dialog)
    saved = {"room_role": "dept", "tool": "kuaishou-server", "address": "127.0.0.1:5001"}
    script = "// ==UserScript==\nconst URL = 'ws://127.0.0.1:5001/dept?key=s';"
    dialog.set_sources([saved | {"room_key": "dept", "userscript": script}])
    dialog.show()
    group, text = dialog.scripts["dept"]
    assert group.isVisible() and text.isReadOnly() and text.toPlainText() == script
    assert not dialog.scripts["gov"][0].isVisible()
    copy = next(b for b in group.findChildren(QPushButton))
    copy.click()
    assert QGuiApplication.clipboard().text() == script
    assert dialog.sources() == [saved | {"room_key": "dept"}]  # the script is not saved
    dialog.set_sources([])
    assert not group.isVisible()


def test_who_is_on_air_or_queued_is_kept_as_rows_arrive_and_change(qtbot):
    m = FeedModel([])
    m.set_records([question(1), question(2, status=QuestionStatus.QUEUED)])
    m.append([question(3, status=QuestionStatus.ON_AIR), question(4)])
    assert [q.id for q in m.on_air_and_queued()] == [2, 3]
    m.update(question(3, status=QuestionStatus.ANSWERED))
    m.update(question(4, status=QuestionStatus.QUEUED))
    assert [q.id for q in m.on_air_and_queued()] == [2, 4]
    m.set_records([question(5, status=QuestionStatus.QUEUED)])
    assert [q.id for q in m.on_air_and_queued()] == [5]


def test_a_paged_load_keeps_live_rows_and_changes_that_came_meanwhile(qtbot, qtmodeltester):
    m = model()
    m.append([question(1)])
    qtmodeltester.check(m)  # and it keeps watching every change below
    resets, inserted = [], []
    m.modelAboutToBeReset.connect(lambda: resets.append(1))
    m.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    m.begin_load()  # another session: the one reset
    assert m.loading and m.rowCount() == 0
    assert m.add_loaded([question(1), question(2)]) == 2
    assert m.append([question(5), question(3)]) == 0  # live rows while loading: held back
    assert m.rowCount() == 2
    m.update(question(4, status=QuestionStatus.QUEUED))  # not loaded yet: kept for its page
    m.update(question(2, status=QuestionStatus.FLAGGED))  # shown: changed in place
    m.add_loaded([question(3), question(4)])
    assert m.record(3).status == QuestionStatus.QUEUED
    assert [q.id for q in m.on_air_and_queued()] == [4]
    assert m.end_load() == 1  # 5; 3 came with a page
    assert not m.loading
    assert [m.record(r).id for r in range(m.rowCount())] == [1, 2, 3, 4, 5]
    assert m.record(1).status == QuestionStatus.FLAGGED
    assert resets == [1] and inserted == [(0, 1), (2, 3), (4, 4)]
    assert m.append([question(6)]) == 1


def test_a_renamed_unit_s_rows_change_in_place(qtbot):
    m = model()
    m.append([question(1, unit_name="城管局"), question(2), question(3, unit_name="城管局")])
    changed = []
    m.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    assert m.rename_units({"城管局": "城市管理局"}) == 2
    assert [m.record(r).unit_name for r in range(3)] == ["城市管理局", "", "城市管理局"]
    assert changed == [(0, 2)]
    assert m.rename_units({}) == 0 and changed == [(0, 2)]
