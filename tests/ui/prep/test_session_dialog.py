"""Editing a session from the schedule: the dialog, the rule for "ready", undo, and today's card."""

import datetime as dt

from PySide6.QtCore import Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from studio.domain.model import SessionStatus
from studio.store.rundowns import load_rundown
from studio.store.schedule import list_sessions
from studio.ui.prep.session_dialog import SessionDialog
from tests.conftest import DEMO_DAY
from tests.helpers.shown import label_showing
from tests.helpers.store_work import run
from tests.helpers.waiting import until


def _planned(db):
    sessions = list_sessions(db, DEMO_DAY, DEMO_DAY + dt.timedelta(days=30))
    return next(s for s in sessions if s.status == SessionStatus.PLANNED)


def _focus(view, widget, loop):
    """Give the schedule's window the keyboard, with ``widget`` focused (shortcuts need both)."""
    view.show()
    view.activateWindow()
    run(loop, lambda: QApplication.activeWindow() is view)
    widget.setFocus()
    run(loop, widget.hasFocus)


def _open_with_enter(view, loop, day):
    """Select ``day`` and press Enter on its row of the table: the editor opens."""
    view.calendar.set_selected_date(day)
    run(loop, lambda: view.day_filter.rowCount() == 1)
    view.table.setFocus()
    view.table.setCurrentIndex(view.day_filter.index(0, 0))
    view.editor = None
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    run(loop, lambda: view.editor is not None and view.editor.isVisible())
    return view.editor


def test_enter_opens_the_editor_which_says_what_ready_lacks(wired, event_loop_qt, qtbot):
    view, _service, db = wired
    session = _planned(db)
    editor = _open_with_enter(view, event_loop_qt, session.date)
    assert isinstance(editor, SessionDialog) and not editor.isModal()
    assert editor.unit.currentData() == session.unit_id
    assert editor.official.currentText().startswith(session.official_name)
    assert editor.status.currentData() == SessionStatus.PLANNED
    assert not editor.ready_item().isEnabled()
    assert editor.missing_label.text() == "Not ready yet: it needs a running order."
    editor.topic.clear()
    assert editor.missing_label.text() == "Not ready yet: it needs a topic, a running order."
    # The slot: 15:00–16:00 by default, changeable; the end must come after the start.
    assert editor.start.time() == QTime(15, 0) and editor.end.time() == QTime(16, 0)
    editor.end.setTime(QTime(14, 0))
    assert not editor.save_button.isEnabled() and "end after" in editor.problem_label.text()
    editor.end.setTime(QTime(16, 30))
    assert editor.save_button.isEnabled()
    editor.topic.insert("秋粮收购进度")  # QTest types Latin-1 only
    assert "a topic" not in editor.missing_label.text()
    qtbot.keyClick(editor.topic, Qt.Key.Key_Return)  # Save is the default button
    run(event_loop_qt, lambda: _planned_on(db, session.date).topic == "秋粮收购进度")
    stored = _planned_on(db, session.date)
    assert (stored.end, stored.status) == (dt.time(16, 30), SessionStatus.PLANNED)
    run(event_loop_qt, lambda: not editor.isVisible())  # closed once the store said yes
    run(event_loop_qt, view.undo_edit_button.isEnabled)
    assert view.selected_session().topic == "秋粮收购进度"
    # Ctrl+Z in the schedule puts it back.
    _focus(view, view.table, event_loop_qt)
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    run(event_loop_qt, lambda: _planned_on(db, session.date) == session)
    assert view.message.text() == "Edit undone" and not view.undo_edit_button.isEnabled()


def _planned_on(db, day):
    return list_sessions(db, day, day)[0]


def test_ready_only_with_a_running_order_and_saved_ready(wired, event_loop_qt, qtbot):
    view, _service, db = wired
    session = _planned(db)
    editor = _open_with_enter(view, event_loop_qt, session.date)
    assert editor.missing() == ["running_order"] and not editor.ready_item().isEnabled()
    # A session prepared days ahead starts its running order from the standard one.
    assert editor.rundown_button.isVisible()
    editor.rundown_button.click()
    run(event_loop_qt, lambda: editor.details.segments == 5)
    assert load_rundown(db, session.id)[0].title == "开场"
    assert editor.missing() == [] and editor.ready_item().isEnabled()
    assert not editor.rundown_button.isVisible()
    assert "5 segments" in editor.missing_label.text()
    editor.status.setCurrentIndex(editor.status.findData(SessionStatus.READY))
    # Emptying the topic takes "ready" away again, and says why.
    editor.topic.clear()
    assert editor.status.currentData() == SessionStatus.PLANNED
    assert not editor.ready_item().isEnabled()
    assert editor.missing_label.text() == "Not ready yet: it needs a topic."
    editor.topic.insert("秋粮收购")  # QTest types Latin-1 only
    editor.status.setCurrentIndex(editor.status.findData(SessionStatus.READY))
    editor.save_button.click()
    run(event_loop_qt, lambda: _planned_on(db, session.date).status == SessionStatus.READY)
    run(event_loop_qt, lambda: "Ready" in view.message.text())


def test_changing_the_unit_clears_its_official(wired, event_loop_qt):
    view, _service, db = wired
    session = _planned(db)
    editor = _open_with_enter(view, event_loop_qt, session.date)
    other = next(
        i for i in range(editor.unit.count()) if editor.unit.itemData(i) != session.unit_id
    )
    editor.unit.setCurrentIndex(other)
    assert editor.official.currentData() is None
    assert "an official" in editor.missing_label.text()
    unit_id = editor.unit.currentData()
    offered = {editor.official.itemData(i) for i in range(1, editor.official.count())}
    assert offered == {o.id for o in editor.details.officials_of(unit_id)} and offered
    editor.official.setCurrentIndex(1)
    editor.save_button.click()
    run(event_loop_qt, lambda: _planned_on(db, session.date).unit_id == unit_id)
    assert (
        _planned_on(db, session.date).official_name == editor.details.officials_of(unit_id)[0].name
    )


def test_an_ended_session_is_read_only_and_a_day_double_click_opens_it(wired, event_loop_qt, qtbot):
    view, _service, _db = wired
    yesterday = DEMO_DAY - dt.timedelta(days=1)
    view.editor = None
    qtbot.mouseDClick(view.calendar.button_of(yesterday), Qt.MouseButton.LeftButton)
    run(event_loop_qt, lambda: view.editor is not None)
    editor = view.editor
    assert view.selected_day() == yesterday
    assert editor.details.session.status == SessionStatus.ENDED
    assert not editor.topic.isEnabled() and not editor.status.isEnabled()
    assert editor.save_button.isHidden()
    assert "can no longer be edited" in editor.problem_label.text()
    # Ctrl+E on a selected row opens the editor too.
    editor.close()
    view.set_today(DEMO_DAY)
    view.editor = None
    _focus(view, view.table, event_loop_qt)
    qtbot.keyClick(view.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    run(event_loop_qt, lambda: view.editor is not None)
    assert view.editor.details.session.date == DEMO_DAY
    assert view.editor.ready_item().isEnabled()  # the demo's today is fully prepared
    view.editor.close()


def test_today_s_card_edits_today_s_session(demo_db, make_desk, event_loop_qt, qtbot):
    studio = make_desk(demo_db)
    prep = studio.window.prep
    card, view = prep.card, prep.schedule
    assert card.edit_button.isEnabled()
    card.edit_button.click()
    event_loop_qt.run_until_complete(until(lambda: view.editor is not None))
    editor = view.editor
    assert editor.details.session.date == DEMO_DAY
    editor.topic.selectAll()
    editor.topic.insert("<b>供暖</b>答疑")  # QTest types Latin-1 only
    editor.save_button.click()
    event_loop_qt.run_until_complete(until(lambda: label_showing(card, "<b>供暖</b>答疑")))
    assert label_showing(card, "<b>供暖</b>答疑").textFormat() == Qt.TextFormat.PlainText
    card.show_session(None)
    assert not card.edit_button.isEnabled()


def test_an_import_after_an_edit_leaves_nothing_to_undo(wired, event_loop_qt, tmp_path):
    """The file may have changed the edited session: putting back its old fields would undo
    the file too."""
    from studio.domain.session_readiness import SessionEdit
    from studio.store.schedule_files import export_schedule

    view, service, db = wired
    session = _planned(db)
    service.edit(
        session.id,
        SessionEdit(session.unit_id, None, "新主题", session.start, session.end, session.status),
    )
    run(event_loop_qt, view.undo_edit_button.isEnabled)
    path = tmp_path / "same.csv"
    export_schedule(db, session.date, session.date, path)
    service.import_file(str(path))
    run(event_loop_qt, lambda: not view.undo_edit_button.isEnabled())
    view.undo_last()  # Ctrl+Z has nothing of the edit to put back
    assert _planned_on(db, session.date).topic == "新主题"


def test_a_refused_save_keeps_the_dialog_and_what_was_typed(wired, event_loop_qt):
    from studio.store.schedule import remove_planned_sessions

    view, _service, db = wired
    session = _planned(db)
    editor = _open_with_enter(view, event_loop_qt, session.date)
    editor.topic.setText("秋粮收购进度")
    remove_planned_sessions(db, [session.id])  # gone meanwhile (a fill undone on another desk)
    editor.save()
    assert editor.saving and not editor.save_button.isEnabled()  # no second send
    run(event_loop_qt, lambda: not editor.saving)
    assert editor.isVisible() and editor.topic.text() == "秋粮收购进度"
    assert f"no session {session.id}" in editor.problem_label.text()
    assert editor.save_button.isEnabled()
