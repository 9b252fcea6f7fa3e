"""The desk for a moderator who has not read the README: the rows' menus, Help ▸ Keys (F1),
the answer that offers its cluster, blocked viewers with unblock, the edited mark."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from studio.domain.model import QuestionFlag, QuestionStatus
from studio.store.blocks import blocked_authors
from studio.store.models import Question
from studio.store.moderation import edit_and_approve, merge_cluster
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.feed_rows import select_rows
from tests.helpers.waiting import press_in_loop, run_until

FEED_KEYS = {"F", "Q", "Return", "A", "H", "B", "Shift+B", "M", "R", "E", "Ctrl+Z"}


def _status(db, question_id):
    with db.sessions() as s:
        return QuestionStatus(s.get(Question, question_id).status)


def _new_with_author(db, count):
    """Ids of ``count`` new questions of today's session from viewers with an account."""
    session_id = StudioRepository(db).session_on(DEMO_DAY).id
    with db.sessions() as s:
        return list(
            s.scalars(
                select(Question.id)
                .where(
                    Question.session_id == session_id,
                    Question.status == QuestionStatus.NEW,
                    Question.author_id != "",
                    Question.room_id.is_not(None),
                )
                .order_by(Question.id)
                .limit(count)
            )
        )


def _row_of(tab, question_id):
    tab.set_view("all")
    return tab.feed_filter.row_of(question_id)


def test_the_feed_row_menu_offers_every_key_and_acts(desk, demo_db, event_loop_qt):
    tab = desk.window.desk
    menu = tab.feed_keys.context_menu()
    entries = {a.shortcut().toString(): a for a in menu.actions() if not a.isSeparator()}
    assert set(entries) == FEED_KEYS
    assert all(a.text() for a in entries.values())  # each says what it does
    assert entries["Return"].shortcuts()[1] == QKeySequence("Enter")  # one entry, both keys
    (qid,) = _new_with_author(demo_db, 1)
    select_rows(desk, _row_of(tab, qid))
    entries["F"].trigger()  # what choosing "Flag / unflag" in the menu does
    run_until(event_loop_qt, lambda: _status(demo_db, qid) == QuestionStatus.FLAGGED)


def test_the_queue_row_menu_offers_its_keys(desk):
    menu = desk.window.desk.queue.context_menu()
    keys = {a.shortcut().toString() for a in menu.actions()}
    assert keys == {"Alt+Up", "Alt+Down", "Return", "A", "Del", "Ctrl+Z", "Esc"}


def test_f1_lists_the_keys_of_the_focused_pane(desk, event_loop_qt):
    w = desk.window
    press_in_loop(event_loop_qt, w.desk.feed_view, Qt.Key.Key_F1)
    dialog = w.keys_dialog
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    pane = [(key, does) for where, key, does in rows if where == "Question feed"]
    assert {key for key, _ in pane} >= {"F", "A", "Shift+B", "Ctrl+Z"}
    assert ("Alt+3", "Show: New questions") in [(k, d) for _w, k, d in rows]
    assert any(key == "F5" for _w, key, _d in rows)  # the window's timer keys too
    assert dialog.heading.text() == "Keys in: Question feed"
    # In the queue, the queue's keys (Delete takes a question out), not the feed's F.
    dialog.close()
    w.activateWindow()
    run_until(event_loop_qt, lambda: QApplication.activeWindow() is w)
    w.desk.focus_queue()
    run_until(event_loop_qt, lambda: w.desk.queue.view.hasFocus())
    press_in_loop(event_loop_qt, w.desk.queue.view, Qt.Key.Key_F1)
    rows = dialog.rows()
    pane = {key for where, key, _does in rows if where == "On-air queue"}
    assert "Del" in pane and "F" not in {key for _w, key, _d in rows}


def test_answering_offers_the_rest_of_its_cluster(make_desk, demo_db, event_loop_qt):
    ids = _new_with_author(demo_db, 3)
    merge_cluster(demo_db, ids, "m")
    studio = make_desk(demo_db)
    tab = studio.window.desk
    studio.window.tabs.setCurrentWidget(tab)
    select_rows(studio, _row_of(tab, ids[0]))
    tab.feed_view.setFocus()
    press_in_loop(event_loop_qt, tab.feed_view, Qt.Key.Key_A)
    run_until(event_loop_qt, lambda: tab.cluster_offer.isVisible())
    assert tab.cluster_offer.ids == ids[1:]
    assert "2" in tab.cluster_offer.text.text()
    assert _status(demo_db, ids[1]) == QuestionStatus.NEW  # nothing answered unasked
    press_in_loop(event_loop_qt, tab.feed_view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    run_until(
        event_loop_qt,
        lambda: all(_status(demo_db, i) == QuestionStatus.ANSWERED for i in ids),
    )
    assert not tab.cluster_offer.isVisible()


def test_a_lone_answer_offers_nothing(desk, demo_db, event_loop_qt):
    tab = desk.window.desk
    (qid,) = _new_with_author(demo_db, 1)
    select_rows(desk, _row_of(tab, qid))
    press_in_loop(event_loop_qt, tab.feed_view, Qt.Key.Key_A)
    run_until(event_loop_qt, lambda: _status(demo_db, qid) == QuestionStatus.ANSWERED)
    run_until(event_loop_qt, lambda: not desk.moderation.busy)
    assert not tab.cluster_offer.isVisible()


def test_blocked_viewers_are_listed_and_unblocked_in_the_window(desk, demo_db, event_loop_qt):
    tab = desk.window.desk
    (qid,) = _new_with_author(demo_db, 1)
    select_rows(desk, _row_of(tab, qid))
    tab.feed_view.setCurrentIndex(tab.feed_filter.index(_row_of(tab, qid), 0))
    session_id = desk.moderation.session_id
    press_in_loop(event_loop_qt, tab.feed_view, Qt.Key.Key_B)
    run_until(event_loop_qt, lambda: blocked_authors(demo_db, session_id))
    tab.blocked_button.click()
    dialog = tab.blocked_dialog
    run_until(event_loop_qt, lambda: dialog.table.rowCount() == 1)
    nickname = tab.feed_model.record(tab.feed_model.row_of(qid)).nickname
    assert dialog.table.item(0, 0).text() == nickname
    assert dialog.table.item(0, 2).text() == "this session"
    assert not dialog.unblock_button.isEnabled()
    dialog.table.selectRow(0)
    dialog.unblock_button.click()
    run_until(event_loop_qt, lambda: dialog.table.rowCount() == 0)
    assert blocked_authors(demo_db, session_id) == frozenset()
    assert "No viewer is blocked" in dialog.summary.text()


@pytest.mark.parametrize("column", ["comment", "status"])
def test_an_edited_question_is_marked(make_desk, demo_db, column):
    (qid,) = _new_with_author(demo_db, 1)
    edit_and_approve(demo_db, qid, "供暖什么时候开始？", "m")
    studio = make_desk(demo_db)
    tab = studio.window.desk
    record = tab.feed_model.record(tab.feed_model.row_of(qid))
    assert record.flags & QuestionFlag.EDITED
    from studio.ui.desk.desk_tab import FEED_COLUMNS

    index = tab.feed_model.index(tab.feed_model.row_of(qid), FEED_COLUMNS.index(column))
    text = index.data()
    assert ("✎" in text) if column == "comment" else text.endswith("edited")
