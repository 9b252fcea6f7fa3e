"""A whole Q&A segment run from the keyboard alone, as issue #5's "done when" asks: the counts
on the desk, the store, the audit and the official's screen agree at the end."""

import json
from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from studio.domain.model import QuestionFlag, QuestionStatus
from studio.store.models import AuditEvent, Question
from studio.store.queue_order import queue_ids
from tests.helpers.waiting import until

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def studio(make_desk, demo_db, event_loop_qt):
    desk = make_desk(demo_db)
    desk.window.tabs.setCurrentWidget(desk.window.prep)  # start elsewhere: Ctrl+2 brings the desk
    desk.window.activateWindow()
    event_loop_qt.run_until_complete(until(lambda: QApplication.activeWindow() is desk.window))
    event_loop_qt.run_until_complete(until(lambda: desk.window.desk.feed_model.rowCount() > 5))
    return desk


def key(qtbot, loop, key, modifier=Qt.KeyboardModifier.NoModifier, *, then=None) -> None:
    """Press a key where the keyboard is (the focused widget), then wait for its effect."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    if then is not None:
        loop.run_until_complete(until(then))


def down_to_a_new_question(tab, qtbot, loop) -> int:
    """Down until the current row is a new question; its id."""
    for _ in range(tab.feed_filter.rowCount() + 1):
        key(qtbot, loop, Qt.Key.Key_Down)
        record = tab.feed_filter.record(tab.feed_view.currentIndex().row())
        if record.status == QuestionStatus.NEW and record.flags & QuestionFlag.IS_QUESTION:
            return record.id
    raise AssertionError("no new question left in the feed")


def audit_acts(db) -> Counter:
    """How many acts (key presses) of each question action the audit holds; an act writes one
    event per question it touched, all with the act's id."""
    with db.sessions() as s:
        events = s.execute(
            select(AuditEvent.action, AuditEvent.after).where(AuditEvent.action.like("question.%"))
        ).all()
    return Counter(action for action, _ in {(a, json.loads(after)["act"]) for a, after in events})


def moved(db, tab, question_id: int, status: str) -> bool:
    """Stored and shown. Waiting for the desk too matters: the move's task shows it last, so
    none of its steps is left to run while the next key press is handled outside the loop."""
    model = tab.feed_model
    shown = model.record(model.row_of(question_id)).status
    return shown == status and status_of(db, question_id) == status


def in_queue_order(db, tab, session_id: int) -> list[int]:
    """The queue as stored, once the panel shows the same order ([] until then)."""
    stored = queue_ids(db, session_id)
    shown = [q.id for q in tab.queue.ordered() if q.status == QuestionStatus.QUEUED]
    return stored if shown == stored else []


def status_of(db, question_id: int) -> QuestionStatus:
    with db.sessions() as s:
        return QuestionStatus(s.get(Question, question_id).status)


def test_a_q_and_a_segment_with_the_keyboard_alone(studio, qtbot, demo_db, event_loop_qt):
    loop, window = event_loop_qt, studio.window
    tab, queue = window.desk, window.desk.queue
    session_id = studio.moderation.session_id
    before = audit_acts(demo_db)

    # Ctrl+2: the Live desk, with the keyboard on the feed; Alt+2 shows questions only.
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    loop.run_until_complete(until(lambda: tab.feed_view.hasFocus()))
    key(
        qtbot, loop, Qt.Key.Key_2, ALT, then=lambda: tab.filter_bar.buttons["questions"].isChecked()
    )

    # Flag one, queue three (F then Q on the first: flagged → queued).
    asked = []
    for number in range(3):
        qid = down_to_a_new_question(tab, qtbot, loop)
        if number == 0:
            key(qtbot, loop, Qt.Key.Key_F, then=lambda q=qid: moved(demo_db, tab, q, "flagged"))
        key(qtbot, loop, Qt.Key.Key_Q, then=lambda q=qid: moved(demo_db, tab, q, "queued"))
        asked.append(qid)
    assert queue_ids(demo_db, session_id)[-3:] == asked  # each one last

    # Alt+Q: to the queue; End selects the last one, Alt+Up twice brings it before the other two.
    key(qtbot, loop, Qt.Key.Key_Q, ALT, then=lambda: queue.view.hasFocus())
    key(qtbot, loop, Qt.Key.Key_End, then=lambda: queue.selected_id() == asked[2])
    key(
        qtbot,
        loop,
        Qt.Key.Key_Up,
        ALT,
        then=lambda: in_queue_order(demo_db, tab, session_id)[-2:-1] == asked[2:],
    )
    key(
        qtbot,
        loop,
        Qt.Key.Key_Up,
        ALT,
        then=lambda: in_queue_order(demo_db, tab, session_id)[-3:-2] == asked[2:],
    )
    order = queue_ids(demo_db, session_id)
    assert order[-3:] == [asked[2], asked[0], asked[1]]

    # Home, Enter: the first in the queue goes on air; the official reads it, then the rest.
    first = order[0]
    key(qtbot, loop, Qt.Key.Key_Home, then=lambda: queue.selected_id() == first)
    key(qtbot, loop, Qt.Key.Key_Return, then=lambda: moved(demo_db, tab, first, "on_air"))
    texts = {q.id: q.display_text for q in tab.feed_model.records()}
    loop.run_until_complete(until(lambda: studio.official.view().focus_text == texts[first]))
    assert list(studio.official.view().next_items)[:2] == [texts[i] for i in order[1:3]]

    # A: answered; the next one goes on air with Enter and is answered too.
    key(qtbot, loop, Qt.Key.Key_A, then=lambda: moved(demo_db, tab, first, "answered"))
    second = queue_ids(demo_db, session_id)[0]
    key(qtbot, loop, Qt.Key.Key_Home, then=lambda: queue.selected_id() == second)
    key(qtbot, loop, Qt.Key.Key_Return, then=lambda: moved(demo_db, tab, second, "on_air"))
    key(qtbot, loop, Qt.Key.Key_A, then=lambda: moved(demo_db, tab, second, "answered"))
    assert studio.official.view().focus_text != texts[second]

    # Esc: back to the feed; R refers a personal case to its suggested unit (Enter accepts).
    key(qtbot, loop, Qt.Key.Key_Escape, then=lambda: tab.feed_view.hasFocus())
    referred = down_to_a_new_question(tab, qtbot, loop)
    key(qtbot, loop, Qt.Key.Key_R, then=tab.feed_keys.refer_dialog.isVisible)
    loop.run_until_complete(until(lambda: QApplication.activeWindow() is tab.feed_keys.refer_dialog))
    key(qtbot, loop, Qt.Key.Key_Return, then=lambda: moved(demo_db, tab, referred, "referred"))

    # The desk's counts, the store and the audit agree.
    with demo_db.sessions() as s:
        stored = Counter(
            s.scalars(select(Question.status).where(Question.session_id == session_id)).all()
        )
    actions = audit_acts(demo_db) - before
    model = tab.feed_model
    loop.run_until_complete(until(lambda: model.status_count("referred") == stored["referred"]))
    for status in ("flagged", "queued", "on_air", "answered", "referred", "hidden"):
        assert model.status_count(status) == stored[status], status
    button = tab.filter_bar.buttons["answered"].text()
    assert button.endswith(f" {stored['answered']}")
    assert actions["question.flag"] == 1
    assert actions["question.queue"] == 3
    assert actions["question.reorder"] == 2
    assert actions["question.put_on_air"] == 2
    assert actions["question.answer"] == 2
    assert actions["question.refer"] == 1
