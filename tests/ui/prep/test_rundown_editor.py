"""The running-order editor on the demo studio: keys, drags, undo, totals, templates, CSV files."""

import asyncio
import codecs
import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from studio.domain.model import SegmentKind, SessionStatus
from studio.domain.rundown_csv import SegmentDraft, read_rundown_csv
from studio.services.rundown_editing import RundownEditingService
from studio.services.tasks import BackgroundTasks
from studio.store.models import Segment, Session
from studio.store.repository import StudioRepository
from studio.store.rundowns import load_rundown
from studio.ui.prep.rundown_editor import RundownEditor
from studio.ui.prep.rundown_table import DRAFT_ROLE, MIME_TYPE, Column
from studio.ui.prep.wiring import wire_rundown_editor
from tests.conftest import DEMO_DAY
from tests.helpers.model_events import ModelEvents, selected_records

DEFAULT_TITLES = ["开场", "政策解读", "网友提问", "转办回音", "结束语"]


class Studio:
    """An editor on today's demo session, wired to a real service, in an active window."""

    def __init__(self, qtbot, db, loop) -> None:
        self.db, self.loop, self.qtbot = db, loop, qtbot
        self.tasks = BackgroundTasks()
        self.service = RundownEditingService(db, self.tasks)
        self.window = QWidget()
        self.elsewhere = QLineEdit(self.window)
        self.editor = RundownEditor(self.window)
        box = QVBoxLayout(self.window)
        box.addWidget(self.elsewhere)
        box.addWidget(self.editor)
        qtbot.addWidget(self.window)
        self.window.resize(1000, 700)
        wire_rundown_editor(self.editor, self.service)
        repo = StudioRepository(db)
        self.session = repo.session_on(DEMO_DAY)
        self.editor.set_session(self.session, "15:00–16:00")
        self.editor.show_rundown(self.session.id, load_rundown(db, self.session.id))
        self.settle()
        self.window.show()
        self.window.activateWindow()
        self.settle(lambda: QApplication.activeWindow() is self.window)

    @property
    def model(self):
        return self.editor.model

    def titles(self) -> list[str]:
        return [d.title for d in self.model.drafts()]

    def stored_titles(self) -> list[str]:
        return [d.title for d in load_rundown(self.db, self.session.id)]

    def settle(self, until=lambda: True, timeout_s: float = 5.0) -> None:
        """Run the loop until ``until()`` holds and the service has nothing left to do.

        Only ever wait this way: Qt events processed outside the asyncio loop (qtbot.waitUntil)
        would step the service's tasks where they can't reach a worker thread.
        """

        async def wait() -> None:
            deadline = time.monotonic() + timeout_s
            while not until() or self.service.busy or self.tasks.running:
                assert time.monotonic() < deadline, "timed out"
                await asyncio.sleep(0.01)

        self.loop.run_until_complete(wait())

    def focus_table(self, row: int = 0) -> None:
        self.editor.view.setFocus()
        self.editor.select_rows(row, 1)
        self.settle(self.editor.view.hasFocus)

    def key(self, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


@pytest.fixture
def studio(qtbot, demo_db, event_loop_qt):
    studio = Studio(qtbot, demo_db, event_loop_qt)
    yield studio
    for dialog in studio.editor.findChildren(QFileDialog) + studio.editor.findChildren(
        QInputDialog
    ):
        dialog.close()
    # Edits still being saved are finished first, as the app does before it quits.
    event_loop_qt.run_until_complete(studio.service.flush())
    event_loop_qt.run_until_complete(studio.tasks.shutdown())


def test_the_model_keeps_qt_s_contract_through_every_kind_of_edit(studio, qtmodeltester):
    model = studio.model
    qtmodeltester.check(model)
    model.insert_drafts(1, [SegmentDraft("插播", SegmentKind.OTHER, 60)], "add")
    model.move_rows([0, 1], 4, "drag")
    model.remove_rows([2, 4], "remove")
    model.undo_stack.undo()
    model.replace_all([], "empty")
    qtmodeltester.check(model)
    model.undo_stack.undo()
    qtmodeltester.check(model)
    assert model.rowCount() == 6


def test_the_table_shows_the_session_s_rundown_and_the_total(studio):
    assert studio.model.rowCount() == 5
    assert studio.titles() == DEFAULT_TITLES
    index = studio.model.index(2, Column.KIND)
    assert index.data() in ("Q&A", "网友提问")
    assert studio.model.index(2, Column.PLANNED).data() == "35:00"
    assert studio.model.headerData(4, Qt.Orientation.Vertical) == "5"
    assert studio.editor.verdict_label.text() == "fits the slot exactly"
    assert studio.editor.verdict_label.property("state") == "ok"
    assert "15:00–16:00" in studio.editor.summary_label.text()


def test_insert_adds_a_segment_below_and_undo_takes_it_away(studio):
    studio.focus_table(1)
    studio.key(Qt.Key.Key_Insert)
    assert studio.titles()[2] == "New segment"
    # The new title is open for typing.
    studio.qtbot.keyClicks(QApplication.focusWidget(), "Weather alert")
    studio.key(Qt.Key.Key_Return)
    # The view commits a cell on the next turn of the loop.
    studio.settle(lambda: studio.titles()[2] == "Weather alert")
    assert studio.editor.verdict_label.text() == "05:00 over the slot"
    assert studio.editor.verdict_label.property("state") == "warn"
    studio.settle(lambda: studio.stored_titles() == studio.titles())
    assert studio.editor.save_label.text() == "All changes saved"
    studio.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert studio.titles()[2] == "New segment"
    studio.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert studio.titles() == DEFAULT_TITLES
    studio.settle(lambda: studio.stored_titles() == DEFAULT_TITLES)
    studio.key(
        Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert len(studio.titles()) == 6


def test_duplicate_and_remove_by_key_each_undo_in_one_step(studio):
    studio.focus_table(0)
    studio.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert studio.titles()[:2] == ["开场", "开场"]
    assert studio.editor.selected_rows() == [1]
    studio.key(Qt.Key.Key_Delete)
    studio.key(Qt.Key.Key_Delete)
    assert studio.titles() == ["开场", "网友提问", "转办回音", "结束语"]
    assert "Ctrl+Z" in studio.editor.message_label.text()
    assert studio.editor.verdict_label.text() == "12:00 under the slot"
    studio.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert studio.titles() == DEFAULT_TITLES
    studio.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert studio.titles() == ["开场", "开场", "政策解读", "网友提问", "转办回音", "结束语"]
    studio.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert studio.titles() == DEFAULT_TITLES
    studio.settle(lambda: studio.stored_titles() == DEFAULT_TITLES)


def test_several_rows_are_removed_and_restored_in_place(studio):
    selection = studio.editor.view.selectionModel()
    studio.editor.select_rows(1, 1)
    selection.select(
        studio.model.index(3, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    )
    assert studio.editor.selected_rows() == [1, 3]
    studio.editor.remove_selected()
    assert studio.titles() == ["开场", "网友提问", "结束语"]
    studio.model.undo_stack.undo()
    assert studio.titles() == DEFAULT_TITLES


def test_alt_up_and_down_move_the_selection_and_undo_moves_it_back(studio):
    studio.focus_table(2)
    studio.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    studio.key(Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert studio.titles() == ["网友提问", "开场", "政策解读", "转办回音", "结束语"]
    assert studio.editor.selected_rows() == [0]
    assert not studio.editor.edit_actions["up"].isEnabled()
    studio.key(Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert studio.titles() == ["开场", "网友提问", "政策解读", "转办回音", "结束语"]
    studio.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert studio.titles()[0] == "网友提问"
    studio.settle(lambda: studio.stored_titles() == studio.titles())


def test_a_drag_drop_moves_rows_within_the_table_and_undo_puts_them_back(studio):
    model = studio.model
    mime = model.mimeData([model.index(0, 0), model.index(0, 1), model.index(1, 0)])
    assert mime.hasFormat(MIME_TYPE)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 4, 0, QModelIndex())
    assert not model.canDropMimeData(mime, Qt.DropAction.CopyAction, 4, 0, QModelIndex())
    # Returns False on purpose: the view must not delete the "source" rows after the move.
    assert not model.dropMimeData(mime, Qt.DropAction.MoveAction, 4, 0, QModelIndex())
    assert studio.titles() == ["网友提问", "转办回音", "开场", "政策解读", "结束语"]
    # Dropped below the last row.
    mime = model.mimeData([model.index(0, 0)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert studio.titles()[-1] == "网友提问"
    model.undo_stack.undo()
    model.undo_stack.undo()
    assert studio.titles() == DEFAULT_TITLES
    studio.settle(lambda: studio.stored_titles() == DEFAULT_TITLES)


def test_rows_from_another_editor_are_not_dropped_here(studio, qtbot):
    other = RundownEditor()
    qtbot.addWidget(other)
    other.model.load([SegmentDraft("外来", SegmentKind.OTHER, 60)])
    mime = other.model.mimeData([other.model.index(0, 0)])
    assert not studio.model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not studio.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert studio.titles() == DEFAULT_TITLES


def test_typed_values_are_checked_and_refusals_explained(studio):
    model = studio.model
    assert model.setData(model.index(0, Column.PLANNED), "04:00")
    assert model.index(0, Column.PLANNED).data() == "04:00"
    assert not model.setData(model.index(0, Column.PLANNED), "5分钟")
    assert "5分钟" in studio.editor.message_label.text()
    assert not model.setData(model.index(0, Column.DANGER), "02:00")
    assert "02:00" in studio.editor.message_label.text()
    assert not model.setData(model.index(0, Column.TITLE), "   ")
    assert model.setData(model.index(0, Column.KIND), "closing")
    assert model.index(0, Column.KIND).data(DRAFT_ROLE).kind == SegmentKind.CLOSING
    assert model.setData(model.index(0, Column.NOTES), "第一行\r\n第二行")
    assert model.index(0, Column.NOTES).data(DRAFT_ROLE).notes == "第一行\n第二行"
    assert model.index(0, Column.NOTES).data() == "第一行 第二行"
    assert model.undo_stack.count() == 3
    assert studio.editor.verdict_label.text() == "01:00 over the slot"


def test_hostile_text_is_shown_as_text(studio):
    model = studio.model
    assert model.setData(model.index(0, Column.TITLE), "<b>x</b>")
    assert model.setData(model.index(0, Column.NOTES), "<img src=x onerror=alert(1)>")
    assert model.index(0, Column.TITLE).data() == "<b>x</b>"
    tooltip = model.index(0, Column.NOTES).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img" in tooltip and "<img" not in tooltip
    for label in (studio.editor.summary_label, studio.editor.message_label):
        assert label.textFormat() == Qt.TextFormat.PlainText


def test_keys_act_only_while_the_editor_has_the_focus(studio):
    studio.editor.select_rows(0, 1)
    studio.elsewhere.setFocus()
    studio.settle(studio.elsewhere.hasFocus)
    studio.key(Qt.Key.Key_Delete)
    studio.key(Qt.Key.Key_Insert)
    assert studio.titles() == DEFAULT_TITLES
    for action in studio.editor.edit_actions.values():
        assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut


def test_a_good_csv_replaces_the_rundown_in_one_undoable_step(studio, tmp_path):
    path = tmp_path / "短流程.csv"
    path.write_bytes(
        codecs.BOM_UTF8 + "标题,类型,时长\n开场,开场,5:00\n问答,网友提问,55:00\n".encode()
    )
    studio.editor.import_csv(str(path))
    studio.settle(lambda: studio.model.rowCount() == 2)
    assert studio.titles() == ["开场", "问答"]
    assert "短流程.csv" in studio.editor.message_label.text()
    assert studio.editor.verdict_label.text() == "fits the slot exactly"
    assert studio.stored_titles() == ["开场", "问答"]
    studio.model.undo_stack.undo()
    assert studio.titles() == DEFAULT_TITLES
    studio.settle(lambda: studio.stored_titles() == DEFAULT_TITLES)


def test_a_bad_csv_lists_its_problems_by_line_and_changes_nothing(studio, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(
        "title,kind,duration,warning,danger\nA,qa,1:00,,\nB,访谈,1:00,,\nC,qa,一分钟,0:30,1:00\n",
        encoding="utf-8",
    )
    studio.editor.import_csv(str(path))
    studio.settle(studio.editor.problems_panel.isVisible)
    items = [
        studio.editor.problems_list.item(i).text()
        for i in range(studio.editor.problems_list.count())
    ]
    assert items[0].startswith("Line 3, Kind: Unknown kind “访谈”")
    assert items[1].startswith("Line 4, Duration: “一分钟” is not a duration")
    assert items[2] == "Line 4, Danger: Danger at 01:00 must not be more than warning at 00:30."
    assert len(items) == 3
    assert "bad.csv" in studio.editor.problems_title.text()
    assert studio.titles() == DEFAULT_TITLES
    assert studio.model.undo_stack.count() == 0
    assert studio.stored_titles() == DEFAULT_TITLES


def test_a_file_with_control_characters_shows_where_in_the_preview(studio, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes("title,kind,duration,notes\n开\x00场,opening,3:00,\n".encode("gbk"))
    studio.editor.import_csv(str(path))
    studio.settle(studio.editor.problems_panel.isVisible)
    item = studio.editor.problems_list.item(0).text()
    assert item == "Line 2, Title: Holds a control character (U+0000); remove it."
    assert studio.titles() == DEFAULT_TITLES


def test_export_writes_the_rundown_as_csv(studio, tmp_path):
    path = tmp_path / "out.csv"
    studio.editor.export_csv(str(path))
    studio.settle(path.exists)
    data = path.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    assert [d.title for d in read_rundown_csv(data)] == DEFAULT_TITLES
    assert read_rundown_csv(data) == studio.model.drafts()
    assert str(path) in studio.editor.message_label.text()


def test_a_rundown_saved_as_template_can_be_applied_and_undone(studio):
    menu = studio.editor.templates_menu
    names = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert names[0].startswith("每日问政标准流程")
    studio.model.remove_rows([0, 1, 2], "remove")
    studio.editor.save_as_template("两段式")
    studio.settle(lambda: any("两段式" in a.text() for a in menu.actions()))
    assert "两段式" in studio.editor.message_label.text()
    studio.model.undo_stack.undo()
    assert studio.titles() == DEFAULT_TITLES
    short = next(a for a in menu.actions() if a.text().startswith("两段式"))
    short.trigger()
    assert studio.titles() == ["转办回音", "结束语"]
    studio.model.undo_stack.undo()
    assert studio.titles() == DEFAULT_TITLES
    studio.settle(lambda: studio.stored_titles() == DEFAULT_TITLES)


def test_dialogs_open_without_blocking_the_loop(studio):
    studio.editor.edit_actions["import"].trigger()
    (dialog,) = studio.editor.findChildren(QFileDialog)
    assert dialog.isVisible()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptOpen
    dialog.close()
    studio.editor.edit_actions["export"].trigger()
    (dialog,) = [d for d in studio.editor.findChildren(QFileDialog) if d.isVisible()]
    assert dialog.isVisible()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    dialog.close()
    studio.editor.edit_actions["save_template"].trigger()
    (ask,) = studio.editor.findChildren(QInputDialog)
    assert ask.isVisible()
    ask.setTextValue("午间流程")
    ask.accept()
    studio.settle(
        lambda: any("午间流程" in a.text() for a in studio.editor.templates_menu.actions())
    )


def test_a_reload_keeps_newer_edits_but_a_new_session_starts_afresh(studio):
    studio.model.remove_rows([0], "remove")
    stale = load_rundown(studio.db, studio.session.id)
    studio.settle(lambda: len(studio.stored_titles()) == 4)
    studio.editor.show_rundown(studio.session.id, stale)
    assert len(studio.titles()) == 4
    studio.editor.set_session(None)
    assert studio.model.rowCount() == 0
    assert not studio.editor.edit_actions["add"].isEnabled()
    assert "No session" in studio.editor.summary_label.text()
    studio.editor.set_session(studio.session, "15:00–16:00")
    studio.editor.show_rundown(studio.session.id, stale)
    assert studio.titles() == DEFAULT_TITLES
    assert studio.model.undo_stack.count() == 0


def test_cells_are_edited_with_a_kind_list_and_a_duration_field(studio):
    view = studio.editor.view
    studio.focus_table(0)
    view.edit(studio.model.index(0, Column.KIND))
    combo = view.findChild(QComboBox)
    assert combo.count() == len(SegmentKind)
    combo.setCurrentIndex(combo.findData(SegmentKind.CLOSING.value))
    combo.activated.emit(combo.currentIndex())
    studio.settle(lambda: studio.model.drafts()[0].kind == SegmentKind.CLOSING)
    view.setCurrentIndex(studio.model.index(0, Column.PLANNED))
    studio.key(Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.setText("4:30")
    studio.key(Qt.Key.Key_Return)
    studio.settle(lambda: studio.model.drafts()[0].planned_s == 270)
    assert studio.editor.verdict_label.text() == "01:30 over the slot"
    assert studio.model.undo_stack.count() == 2


def test_a_failed_save_is_shown_beside_the_total(studio):
    gone = replace(studio.session, id=999_999)
    studio.editor.set_session(gone, "15:00–16:00")
    studio.editor.show_rundown(gone.id, [SegmentDraft("A", SegmentKind.QA, 60)])
    studio.model.remove_rows([0], "remove")
    studio.settle(lambda: studio.editor.save_label.text() == "Not saved")
    assert "999999" in studio.editor.message_label.text()


def test_notes_take_several_lines_and_ctrl_return_finishes_them(studio):
    view = studio.editor.view
    studio.focus_table(4)
    view.setCurrentIndex(studio.model.index(4, Column.NOTES))
    studio.key(Qt.Key.Key_F2)
    box = QApplication.focusWidget()
    assert isinstance(box, QPlainTextEdit)
    before = studio.model.drafts()[4].notes
    studio.key(Qt.Key.Key_Return)
    studio.qtbot.keyClicks(box, "Bye")
    assert studio.model.drafts()[4].notes == before
    studio.key(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert studio.model.drafts()[4].notes == before + "\nBye"
    assert "\n" not in studio.model.index(4, Column.NOTES).data()


@pytest.mark.parametrize("status", [SessionStatus.LIVE, SessionStatus.ENDED])
def test_a_live_or_ended_running_order_is_read_only_with_the_reason_shown(studio, status):
    """What aired is not rewritten: no key, drag, template or import changes it, and the
    editor says why (live: the timer adjusts the hour)."""
    studio.editor.set_session(replace(studio.session, status=status), "15:00–16:00")
    editor, before = studio.editor, studio.titles()
    assert editor.read_only and editor.read_only_label.isVisible()
    assert ("timer" in editor.read_only_label.text()) == (status == SessionStatus.LIVE)
    assert not any(
        editor.edit_actions[name].isEnabled()
        for name in ("add", "duplicate", "remove", "up", "down", "undo", "redo", "import")
    )
    assert editor.edit_actions["export"].isEnabled()  # reading it out is fine
    assert not editor.templates_menu.actions()[0].isEnabled()
    studio.focus_table(1)
    studio.key(Qt.Key.Key_Insert)
    studio.key(Qt.Key.Key_Delete)
    studio.qtbot.keyClicks(editor.view, "x")  # typing would open a cell
    assert not editor.view.isPersistentEditorOpen(studio.model.index(1, Column.TITLE))
    assert QApplication.focusWidget() is editor.view
    assert not studio.model.flags(studio.model.index(1, 0)) & Qt.ItemFlag.ItemIsEditable
    studio.model.insert_drafts(1, [SegmentDraft("插播", SegmentKind.OTHER, 60)], "add")
    studio.settle()
    assert studio.titles() == before == studio.stored_titles()
    assert "read-only" in editor.message_label.text()


def test_edits_not_stored_when_the_session_went_live_give_way_to_the_stored_order(studio):
    studio.model.insert_drafts(1, [SegmentDraft("插播", SegmentKind.OTHER, 60)], "add")
    studio.settle(lambda: "插播" in studio.stored_titles())
    with studio.db.transaction() as s:  # another seat changed it back, then went live
        s.get(
            Segment, s.scalars(select(Segment.id).where(Segment.title == "插播")).one()
        ).title = "B"
        s.get(Session, studio.session.id).status = SessionStatus.LIVE
    studio.editor.set_session(replace(studio.session, status=SessionStatus.LIVE), "15:00–16:00")
    studio.settle(lambda: "B" in studio.titles())
    assert studio.titles() == studio.stored_titles()
    assert not studio.model.undo_stack.canUndo()


def test_the_same_session_s_order_shown_again_follows_by_rows_and_keeps_the_selection(
    studio, qtmodeltester
):
    editor, model = studio.editor, studio.model
    stored = load_rundown(studio.db, studio.session.id)
    studio.focus_table(2)
    events = ModelEvents(model)
    changed = [
        replace(stored[0], title="开场白"),
        *stored[1:],
        SegmentDraft("加时", SegmentKind.OTHER, 60),
    ]
    editor.show_rundown(studio.session.id, changed)  # e.g. another seat's edit, read again
    assert studio.titles() == ["开场白", *DEFAULT_TITLES[1:], "加时"]
    assert events.take() == ["dataChanged", "rowsInserted"]
    assert selected_records(editor.view, DRAFT_ROLE) == [stored[2]]
    qtmodeltester.check(model)
    editor.show_rundown(studio.session.id, stored[:3])
    assert studio.titles() == DEFAULT_TITLES[:3]
    assert events.take() == ["rowsRemoved", "dataChanged"]
    assert selected_records(editor.view, DRAFT_ROLE) == [stored[2]]
    # Going live shows the stored order again: the same session, so still no reset.
    editor.set_session(replace(studio.session, status=SessionStatus.LIVE), "15:00–16:00")
    studio.settle(lambda: studio.titles() == DEFAULT_TITLES)
    assert "modelAboutToBeReset" not in events.take()
    assert selected_records(editor.view, DRAFT_ROLE) == [stored[2]]
    qtmodeltester.check(model)
    editor.set_session(None)  # another subject: the one reset
    assert events.take() == ["modelAboutToBeReset"]


def test_a_template_applied_to_an_empty_running_order_shows_its_titles(studio):
    editor = studio.editor
    studio.model.remove_rows(list(range(studio.model.rowCount())), "remove")
    editor.show_rundown(studio.session.id, [])  # read again, empty: columns sized to nothing
    studio.settle()
    next(a for a in editor.templates_menu.actions() if not a.isSeparator()).trigger()
    assert studio.titles() == DEFAULT_TITLES
    view = editor.view
    title_width = view.columnWidth(Column.TITLE)
    widest = max(view.fontMetrics().horizontalAdvance(t) for t in DEFAULT_TITLES)
    assert title_width > widest + 8
    assert view.columnWidth(Column.KIND) < title_width
