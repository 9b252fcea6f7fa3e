"""The timer from the keyboard on the live desk, and what the official's screen then shows."""

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from studio.domain.model import QuestionStatus
from studio.domain.rundown_clock import ClockReading, Phase
from studio.store.models import AuditEvent, Question
from studio.store.timer_store import load_timer
from studio.ui.timer_words import expected_end_line, phase_key, phase_word
from tests.helpers.shown import shown_texts
from tests.helpers.waiting import press_in_loop, until


@pytest.fixture
def desk(make_desk, demo_db, event_loop_qt):
    studio = make_desk(demo_db)
    studio.window.activateWindow()
    event_loop_qt.run_until_complete(until(lambda: QApplication.activeWindow() is studio.window))
    return studio


def press(qtbot, desk, loop, key, modifier=Qt.KeyboardModifier.NoModifier, *, then) -> None:
    qtbot.keyClick(desk.window, key, modifier)
    loop.run_until_complete(until(lambda: then(desk.timer.snapshot.state)))


def go_live(desk, qtbot, loop, reason: str = "测试：手机未接入") -> None:
    """F5 opens the go-live checklist; the phones aren't there in tests, so override it."""
    qtbot.keyClick(desk.window, Qt.Key.Key_F5)
    loop.run_until_complete(until(desk.go_live.isVisible))
    assert not desk.go_live.go_button.isEnabled()
    desk.go_live.reason.setText(reason)
    desk.go_live.override_button.click()
    loop.run_until_complete(until(lambda: desk.timer.snapshot.state.started))
    desk.window.activateWindow()  # the dialog had the keyboard; the desk gets it back
    loop.run_until_complete(until(lambda: QApplication.activeWindow() is desk.window))


def test_the_keyboard_drives_the_timer_and_every_step_is_stored(
    desk, qtbot, demo_db, event_loop_qt
):
    loop = event_loop_qt
    go_live(desk, qtbot, loop)
    press(
        qtbot,
        desk,
        loop,
        Qt.Key.Key_Equal,
        Qt.KeyboardModifier.ControlModifier,
        then=lambda s: s.added_for(0) == 60,
    )
    press(qtbot, desk, loop, Qt.Key.Key_F6, then=lambda s: s.is_paused)
    press(qtbot, desk, loop, Qt.Key.Key_F6, then=lambda s: not s.is_paused)
    press(qtbot, desk, loop, Qt.Key.Key_F8, then=lambda s: s.current_index == 1)
    press(qtbot, desk, loop, Qt.Key.Key_F7, then=lambda s: s.current_index == 0)
    stored = load_timer(demo_db, desk.timer.session_id)
    assert stored.state == desk.timer.snapshot.state
    with demo_db.sessions() as s:
        override = s.scalars(select(AuditEvent).where(AuditEvent.action == "golive.override")).one()
        assert "测试" in override.after or "测试" in override.before
    transport = desk.window.desk.transport
    loop.run_until_complete(until(lambda: "开场" in transport.segment.text()))
    assert transport.remaining.text() in ("04:00", "03:59")


def test_the_timer_keys_do_nothing_when_another_window_has_focus(desk, qtbot, event_loop_qt):
    desk.official.show()
    desk.official.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is desk.official)
    qtbot.keyClick(desk.official, Qt.Key.Key_F5)
    event_loop_qt.run_until_complete(asyncio.sleep(0.3))
    assert not desk.timer.snapshot.state.started


def test_a_refused_operation_shows_why(desk, qtbot, event_loop_qt):
    qtbot.keyClick(desk.window, Qt.Key.Key_F8)  # next before go
    bar = desk.window.statusBar()
    event_loop_qt.run_until_complete(
        until(lambda: "计时" in bar.currentMessage() or "Timer" in bar.currentMessage())
    )


def test_notes_and_blackout_reach_the_official_s_screen(desk, qtbot, event_loop_qt):
    notes = desk.window.desk.notes
    notes.text.setText("请看提词卡")  # QTest can only type ASCII
    qtbot.keyClick(notes.text, Qt.Key.Key_Return)
    event_loop_qt.run_until_complete(until(lambda: desk.official.view().note == "请看提词卡"))
    qtbot.keyClick(
        desk.window,
        Qt.Key.Key_B,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    event_loop_qt.run_until_complete(until(lambda: desk.official.view().blackout))
    assert shown_texts(desk.official) == []


def test_a_clicker_press_tells_the_moderator_the_note_was_read(desk, qtbot, demo_db, event_loop_qt):
    loop, notes = event_loop_qt, desk.window.desk.notes
    notes.blink.setChecked(True)
    notes.text.setText("请收尾")
    qtbot.keyClick(notes.text, Qt.Key.Key_Return)
    loop.run_until_complete(until(lambda: desk.timer.snapshot.notes.note == "请收尾"))
    assert "not read yet" in notes.showing.text()
    assert desk.official.view().note_blink
    qtbot.keyClick(desk.official, Qt.Key.Key_PageDown)  # the official's clicker
    loop.run_until_complete(until(lambda: desk.timer.snapshot.notes.read_at is not None))
    assert "read ✓" in notes.showing.text()
    assert not desk.official.view().note_blink  # read: it stops blinking, and stays until cleared
    assert desk.official.view().note == "请收尾"
    with demo_db.sessions() as s:
        read = s.scalars(select(AuditEvent).where(AuditEvent.action == "screen.note_read")).one()
        assert read.seat == "official"
    notes.text.setText("next")  # a new note is unread again
    qtbot.keyClick(notes.text, Qt.Key.Key_Return)
    loop.run_until_complete(until(lambda: desk.timer.snapshot.notes.note == "next"))
    assert desk.timer.snapshot.notes.read_at is None
    assert "not read yet" in notes.showing.text()


def test_the_clicker_moves_the_studio_s_one_question_on_air(desk, qtbot, demo_db, event_loop_qt):
    """PageDown on the official's screen puts the next queued question on air in the store:
    the desk's queue, feed row and preview, the official's screen and the store all agree,
    the move is audited as the official's, and A on the desk then marks that very question."""
    loop, tab = event_loop_qt, desk.window.desk
    panel = tab.queue
    loop.run_until_complete(until(lambda: panel.ordered()))
    assert panel.ordered()[0].status != QuestionStatus.ON_AIR  # the demo starts with none
    assert desk.official.view().focus_text.startswith("问候网友")  # the segment's notes
    first, second = panel.ordered()[0], panel.ordered()[1]
    press_in_loop(loop, desk.official, Qt.Key.Key_PageDown)
    # Wait until the move is stored *and* its task done: a wait that ends while the task is
    # between two steps can let qasync run its next step after the loop stopped.
    loop.run_until_complete(
        until(
            lambda: not desk.moderation.busy
            and on_air_in_store(demo_db, desk.moderation.session_id) == [first.id]
            and panel.ordered()[0].status == QuestionStatus.ON_AIR
        )
    )
    press_in_loop(loop, desk.official, Qt.Key.Key_PageDown)
    loop.run_until_complete(
        until(
            lambda: not desk.moderation.busy
            and on_air_in_store(demo_db, desk.moderation.session_id) == [second.id]
            and panel.ordered()[0].id == second.id
        )
    )
    assert panel.ordered()[0].status == QuestionStatus.ON_AIR
    assert panel.ordered()[-1].id == first.id  # moved on from: queued again, last
    assert desk.official.view().focus_text == second.display_text
    assert tab.queue.preview.view() == desk.official.view()  # the desk's preview: the same
    assert second.display_text in tab.queue.preview.focus.text()
    row = tab.feed_model.row_of(second.id)
    assert tab.feed_model.record(row).status == QuestionStatus.ON_AIR
    with demo_db.sessions() as s:
        events = s.scalars(
            select(AuditEvent).where(
                AuditEvent.action.in_(["question.put_on_air", "question.take_off_air"])
            )
        ).all()
    assert {(e.subject, e.seat) for e in events[-2:]} == {
        (f"question:{second.id}", desk.moderation.clicker_seat),
        (f"question:{first.id}", desk.moderation.clicker_seat),
    }
    assert desk.moderation.clicker_seat.startswith("official@")
    # A on the desk's queue marks the question on air, the one the official sees.
    desk.window.tabs.setCurrentWidget(tab)
    tab.focus_queue()
    loop.run_until_complete(
        until(lambda: panel.view.hasFocus() and panel.selected_id() == second.id)
    )
    press_in_loop(loop, panel.view, Qt.Key.Key_A)
    loop.run_until_complete(
        until(
            lambda: not desk.moderation.busy
            and status_in_store(demo_db, second.id) == QuestionStatus.ANSWERED
        )
    )
    assert status_in_store(demo_db, first.id) == QuestionStatus.QUEUED


def on_air_in_store(db, session_id: int) -> list[int]:
    with db.sessions() as s:
        query = select(Question.id).where(
            Question.session_id == session_id, Question.status == QuestionStatus.ON_AIR
        )
        return list(s.scalars(query))


def status_in_store(db, question_id: int) -> QuestionStatus:
    with db.sessions() as s:
        return QuestionStatus(s.get(Question, question_id).status)


def reading(phase: Phase, *, started=True, paused=False, ended=False, late=0.0) -> ClockReading:
    return ClockReading(
        started=started, running=started and not paused and not ended, paused=paused, ended=ended,
        segment_index=0, segment_title="开场", phase=phase, planned_s=180, elapsed_s=10,
        remaining_s=170, progress=0.05, session_elapsed_s=10, expected_end=0.0, late_by_s=late,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("r", "key", "word"),
    [
        (None, "idle", "Not started"),
        (reading(Phase.NORMAL), "normal", "On time"),
        (reading(Phase.WARNING), "warning", "Attention"),
        (reading(Phase.DANGER), "danger", "Almost over"),
        (reading(Phase.OVERTIME), "overtime", "Overtime"),
        (reading(Phase.OVERTIME, paused=True), "overtime", "Paused · Overtime"),
        (reading(Phase.NORMAL, ended=True), "ended", "Ended"),
    ],
)
def test_each_phase_has_a_word_as_well_as_a_colour(qapp, r, key, word):
    assert phase_key(r) == key
    assert phase_word(r) == word


def test_lateness_reads_as_late_early_or_on_time(qapp):
    assert expected_end_line(reading(Phase.NORMAL, late=125)).endswith("02:05 late")
    assert expected_end_line(reading(Phase.NORMAL, late=-90)).endswith("01:30 early")
    assert expected_end_line(reading(Phase.NORMAL, late=10)).endswith("on time")


def test_jump_and_absorb_from_the_timer_menu(desk, qtbot, event_loop_qt):
    loop = event_loop_qt
    go_live(desk, qtbot, loop)
    desk.window.jump_menu.aboutToShow.emit()  # what opening the menu does
    titles = [a.text() for a in desk.window.jump_menu.actions()]
    assert titles[2] == "3. 网友提问"
    desk.window.jump_menu.actions()[2].trigger()
    loop.run_until_complete(until(lambda: desk.timer.snapshot.state.current_index == 2))
    desk.window.desk.transport.absorb.click()
    loop.run_until_complete(until(lambda: desk.timer.snapshot.state.absorb))
    assert desk.window.desk.transport.absorb.isChecked()
