"""The moderator's keys on the live desk: real key presses, the store, the audit, the official."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from studio.domain.model import QuestionStatus
from studio.store.models import AuditEvent, Question, Unit
from tests.helpers.dialogs import Button, press_button
from tests.helpers.feed_rows import select_rows
from tests.helpers.waiting import until


def status_in_store(db, question_id: int) -> QuestionStatus:
    with db.sessions() as s:
        return QuestionStatus(s.get(Question, question_id).status)


def press(desk, qtbot, loop, key, then, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(desk.window.desk.feed_view, key, modifier)
    loop.run_until_complete(until(then))


def test_from_the_feed_to_on_air_to_answered_with_keys_alone(desk, qtbot, demo_db, event_loop_qt):
    loop, tab = event_loop_qt, desk.window.desk
    model = tab.feed_model
    row = next(
        r
        for r in range(model.rowCount())
        if model.record(r).status == QuestionStatus.NEW and model.record(r).nickname == "李女士"
    )
    qid = model.record(row).id
    select_rows(desk, row)
    press(
        desk, qtbot, loop, Qt.Key.Key_F, lambda: model.record(row).status == QuestionStatus.FLAGGED
    )
    press(
        desk, qtbot, loop, Qt.Key.Key_Q, lambda: model.record(row).status == QuestionStatus.QUEUED
    )
    press(
        desk,
        qtbot,
        loop,
        Qt.Key.Key_Return,
        lambda: model.record(row).status == QuestionStatus.ON_AIR,
    )
    view = desk.official.view()
    assert view.focus_text == model.record(row).display_text
    assert "138****5566" in view.focus_text  # masked on the official's screen
    press(
        desk, qtbot, loop, Qt.Key.Key_A, lambda: model.record(row).status == QuestionStatus.ANSWERED
    )
    assert status_in_store(demo_db, qid) == QuestionStatus.ANSWERED
    with demo_db.sessions() as s:
        actions = s.scalars(
            select(AuditEvent.action)
            .where(AuditEvent.subject == f"question:{qid}")
            .order_by(AuditEvent.id)
        ).all()
    assert [a.removeprefix("question.") for a in actions] == [
        "flag",
        "queue",
        "put_on_air",
        "answer",
    ]


def test_ctrl_z_undoes_the_last_move(desk, qtbot, demo_db, event_loop_qt):
    loop, model = event_loop_qt, desk.window.desk.feed_model
    row = next(r for r in range(model.rowCount()) if model.record(r).status == QuestionStatus.NEW)
    select_rows(desk, row)
    press(
        desk, qtbot, loop, Qt.Key.Key_H, lambda: model.record(row).status == QuestionStatus.HIDDEN
    )
    press(
        desk,
        qtbot,
        loop,
        Qt.Key.Key_Z,
        lambda: model.record(row).status == QuestionStatus.NEW,
        Qt.KeyboardModifier.ControlModifier,
    )
    assert status_in_store(demo_db, model.record(row).id) == QuestionStatus.NEW


def test_a_multi_selection_moves_together(desk, qtbot, demo_db, event_loop_qt):
    loop, model = event_loop_qt, desk.window.desk.feed_model
    rows = [r for r in range(model.rowCount()) if model.record(r).status == QuestionStatus.NEW][:3]
    select_rows(desk, *rows)
    press(
        desk,
        qtbot,
        loop,
        Qt.Key.Key_F,
        lambda: all(model.record(r).status == QuestionStatus.FLAGGED for r in rows),
    )
    press(
        desk,
        qtbot,
        loop,
        Qt.Key.Key_F,
        lambda: all(model.record(r).status == QuestionStatus.NEW for r in rows),
    )


def test_an_illegal_move_is_refused_with_a_reason(desk, qtbot, demo_db, event_loop_qt):
    loop, model = event_loop_qt, desk.window.desk.feed_model
    rows = [r for r in range(model.rowCount()) if model.record(r).status == QuestionStatus.NEW][:2]
    select_rows(desk, *rows)
    bar = desk.window.statusBar()
    qtbot.keyClick(desk.window.desk.feed_view, Qt.Key.Key_Return)  # only one question goes on air
    loop.run_until_complete(until(lambda: bar.currentMessage() != ""))
    assert all(model.record(r).status == QuestionStatus.NEW for r in rows)


def test_keys_typed_in_the_note_box_do_not_moderate(desk, qtbot, event_loop_qt):
    loop, model = event_loop_qt, desk.window.desk.feed_model
    select_rows(desk, 0)
    before = model.record(0).status
    notes = desk.window.desk.notes.text
    notes.setFocus()
    loop.run_until_complete(until(notes.hasFocus))
    qtbot.keyClick(notes, Qt.Key.Key_F)
    loop.run_until_complete(until(lambda: notes.text() == "f"))
    assert model.record(0).status == before


def test_b_blocks_the_author_and_their_next_comments_are_known_blocked(
    desk, qtbot, demo_db, event_loop_qt
):
    from studio.services.blocklist import BlockList
    from studio.store.models import Room

    loop, tab = event_loop_qt, desk.window.desk
    model = tab.feed_model
    row = next(r for r in range(model.rowCount()) if model.record(r).status == QuestionStatus.NEW)
    question = model.record(row)
    select_rows(desk, row)
    tab.feed_view.setCurrentIndex(tab.feed_view.model().index(row, 0))
    press(
        desk, qtbot, loop, Qt.Key.Key_B, lambda: model.record(row).status == QuestionStatus.HIDDEN
    )
    with demo_db.sessions() as s:
        stored = s.get(Question, question.id)
        room = s.get(Room, stored.room_id)
        author, platform, identity = stored.author_id, room.platform, room.identity
    blocked = BlockList(demo_db, desk.moderation.session_id)
    assert blocked(platform, identity, author)
    assert not blocked(platform, identity, "someone-else")


def test_m_merges_the_selection_into_one_cluster(desk, qtbot, demo_db, event_loop_qt):
    loop, model = event_loop_qt, desk.window.desk.feed_model
    rows = [r for r in range(model.rowCount()) if model.record(r).status == QuestionStatus.NEW][:2]
    select_rows(desk, *rows)
    ids = [model.record(r).id for r in rows]

    def clusters() -> set:
        with demo_db.sessions() as s:
            return {s.get(Question, i).cluster_id for i in ids}

    qtbot.keyClick(desk.window.desk.feed_view, Qt.Key.Key_M)
    loop.run_until_complete(until(lambda: len(clusters()) == 1 and None not in clusters()))


def test_r_refers_with_the_suggested_unit_and_a_working_day_deadline(
    desk, qtbot, demo_db, event_loop_qt
):
    from studio.domain.calendar import add_working_days
    from studio.store.models import Referral
    from tests.conftest import DEMO_DAY

    loop, tab = event_loop_qt, desk.window.desk
    model = tab.feed_model
    row = next(r for r in range(model.rowCount()) if model.record(r).nickname == "北关住户王")
    select_rows(desk, row)
    qtbot.keyClick(tab.feed_view, Qt.Key.Key_R)
    dialog = tab.feed_keys.refer_dialog
    assert dialog.isVisible() and not dialog.isModal()
    assert dialog.unit.currentText() == "自然资源局"  # the suggested unit
    due = add_working_days(DEMO_DAY, 3)  # an enquiry
    assert dialog.due_date() == due and due.isoformat() in dialog.due.text()
    dialog.note.setText("节目后电话联系")
    press_button(dialog, Button.Ok)
    loop.run_until_complete(until(lambda: model.record(row).status == QuestionStatus.REFERRED))
    with demo_db.sessions() as s:
        ticket = s.scalars(
            select(Referral).where(Referral.question_id == model.record(row).id)
        ).one()
        assert ticket.deadline == due
        assert ticket.note == "节目后电话联系"
    # The row names the ticket and its unit instead of the suggestion.
    column = next(i for i, c in enumerate(model.columns) if c.header == "Unit")
    loop.run_until_complete(until(lambda: model.index(row, column).data() != "自然资源局"))
    with demo_db.sessions() as s:
        short = s.get(Unit, ticket.unit_id).short_name or "自然资源局"
    assert model.index(row, column).data() == f"Referred {ticket.number} · {short}"


def set_complaint_days(db, days):
    import dataclasses

    from studio.store.profile import load_profile, save_profile

    profile = load_profile(db)
    save_profile(
        db,
        dataclasses.replace(profile, referral_days={**profile.referral_days, "complaint": days}),
    )


def test_r_without_a_suggested_unit_selects_none_and_asks_for_one(
    desk, qtbot, demo_db, event_loop_qt
):
    from studio.domain.calendar import add_working_days
    from tests.conftest import DEMO_DAY

    tab = desk.window.desk
    model = tab.feed_model
    row = next(
        r
        for r in range(model.rowCount())
        if model.record(r).status == QuestionStatus.NEW and not model.record(r).unit_name
    )
    select_rows(desk, row)
    set_complaint_days(demo_db, 20)  # the profile's working days, as the settings page saves
    qtbot.keyClick(tab.feed_view, Qt.Key.Key_R)
    dialog = tab.feed_keys.refer_dialog
    assert dialog.unit.currentIndex() == -1 and dialog.unit.currentText() == ""
    dialog.category.setCurrentIndex(dialog.category.findData("complaint"))
    event_loop_qt.run_until_complete(
        until(lambda: dialog.due_date() == add_working_days(DEMO_DAY, 20))
    )
    with qtbot.assertNotEmitted(dialog.referRequested):
        press_button(dialog, Button.Ok)
    assert dialog.isVisible() and dialog.problem.text()  # it says what is missing
    dialog.close()


def test_e_edits_then_approves_masking_and_keeping_the_original(
    desk, qtbot, demo_db, event_loop_qt
):
    loop, tab = event_loop_qt, desk.window.desk
    model = tab.feed_model
    row = next(r for r in range(model.rowCount()) if model.record(r).status == QuestionStatus.NEW)
    original = model.record(row).display_text
    select_rows(desk, row)
    tab.feed_view.setCurrentIndex(tab.feed_view.model().index(row, 0))
    qtbot.keyClick(tab.feed_view, Qt.Key.Key_E)
    assert tab.feed_keys.edit_dialog.isVisible()
    tab.feed_keys.edit_dialog.text.setPlainText("请问加装电梯补贴？电话13812345678")
    press_button(tab.feed_keys.edit_dialog, Button.Ok)
    loop.run_until_complete(until(lambda: "138****5678" in model.record(row).display_text))
    with demo_db.sessions() as s:
        edit = s.scalars(
            select(AuditEvent).where(AuditEvent.subject == f"question:{model.record(row).id}")
        ).all()[-1]
        assert original in edit.before
        assert "13812345678" not in edit.after


def test_new_rows_do_not_move_a_reader_and_a_marker_jumps_to_them(desk, qtbot, event_loop_qt):
    import dataclasses

    tab = desk.window.desk
    model = tab.feed_model
    template = model.record(0)

    def batch(start: int) -> list:
        return [
            dataclasses.replace(template, id=900_000 + i, display_text=f"新问题{i}")
            for i in range(start, start + 60)
        ]

    tab.append_questions(batch(0))  # enough rows to scroll
    select_rows(desk, 0)
    tab.feed_view.scrollToTop()
    bar = tab.feed_view.verticalScrollBar()
    assert bar.maximum() > 0
    tab.append_questions(batch(60))
    assert bar.value() == 0  # the reader stays where they were
    assert tab.feed_view.selectionModel().isRowSelected(0)
    assert tab.new_marker.isVisible() and tab.new_marker.text().startswith("60")
    tab.new_marker.click()
    assert bar.value() == bar.maximum()
    assert not tab.new_marker.isVisible()
