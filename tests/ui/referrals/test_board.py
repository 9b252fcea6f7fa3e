"""The referrals board in the window on the demo studio: what staff see, their keys, buttons and
menu, dialogs, the store following, refusals in the interface's language, reveal and card."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from studio.domain.model import QuestionStatus, ReferralCategory, ReferralStatus, Satisfaction
from studio.domain.referral_deadlines import is_due_soon, is_overdue
from studio.domain.referral_lifecycle import ReferralAction as A
from studio.domain.referral_lifecycle import RequestExtension
from studio.store.models import Question, Referral, ReferralEvent, Unit
from studio.store.referrals import contact_reveals
from studio.store.repository import StudioRepository
from studio.ui import theme
from studio.ui.record_model import RECORD_ROLE
from studio.ui.referrals.referrals_tab import DUE_COLUMN
from tests.conftest import DEMO_DAY
from tests.helpers.dialogs import Button, press_button
from tests.helpers.model_events import ModelEvents, selected_records
from tests.helpers.waiting import until

S = ReferralStatus
DAYS_LEFT = 7


def rows(tab):
    return [tab.proxy.index(r, 0).data(RECORD_ROLE) for r in range(tab.proxy.rowCount())]


def pick(tab, status=None, referral_id=None):
    ticket = next(
        t
        for t in rows(tab)
        if (status is None or t.status == status) and (referral_id is None or t.id == referral_id)
    )
    assert tab.select_ticket(ticket.id)
    return ticket


def key(studio, qtbot, loop, which, then, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(studio.window.referrals.view, which, modifier)
    loop.run_until_complete(until(then))


def back_to_the_board(studio, loop):
    """After a dialog: the window active again and the board's table focused."""
    studio.window.activateWindow()
    loop.run_until_complete(until(lambda: QApplication.activeWindow() is studio.window))
    studio.window.referrals.view.setFocus()
    loop.run_until_complete(until(studio.window.referrals.view.hasFocus))


def stored(db, referral_id):
    with db.sessions() as s:
        return s.get(Referral, referral_id, populate_existing=True)


def history(db, referral_id):
    with db.sessions() as s:
        return s.scalars(
            select(ReferralEvent)
            .where(ReferralEvent.referral_id == referral_id)
            .order_by(ReferralEvent.id)
        ).all()


def test_the_board_sorts_by_due_date_counts_working_days_and_colours_the_urgent(board):
    tab = board.window.referrals
    shown = rows(tab)
    assert [t.deadline for t in shown] == sorted(t.deadline for t in shown)
    assert tab.view.horizontalHeader().sortIndicatorSection() == DUE_COLUMN
    header = tab.proxy.headerData(DAYS_LEFT, Qt.Orientation.Horizontal)
    tip = tab.proxy.headerData(DAYS_LEFT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "working days" in header.lower() and "working days" in tip
    overdue = [r for r, t in enumerate(shown) if is_overdue(t.status, t.deadline, DEMO_DAY)]
    soon = [r for r, t in enumerate(shown) if is_due_soon(t.status, t.deadline, DEMO_DAY)]
    assert overdue and soon
    cell = tab.proxy.index(overdue[0], DAYS_LEFT)
    assert "overdue" in cell.data()
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == theme.BAD
    assert tab.proxy.index(soon[0], DAYS_LEFT).data(Qt.ItemDataRole.ForegroundRole) == theme.WARN
    # the window's status bar counts the overdue tickets
    status = board.window.status.overdue_label
    assert status.isVisible() and status.text().endswith(str(len(overdue)))


def test_filters_and_search(board, qtbot):
    tab = board.window.referrals
    bar = tab.filter_bar
    everything = rows(tab)
    bar.status.setCurrentIndex(bar.status.findData(S.IN_PROGRESS))
    assert rows(tab) and all(t.status == S.IN_PROGRESS for t in rows(tab))
    bar.status.setCurrentIndex(0)
    bar.overdue.setChecked(True)
    assert rows(tab) and all(is_overdue(t.status, t.deadline, DEMO_DAY) for t in rows(tab))
    bar.overdue.setChecked(False)
    some = everything[3]
    bar.unit.setCurrentIndex(bar.unit.findData(some.unit_id))
    assert rows(tab) and all(t.unit_id == some.unit_id for t in rows(tab))
    bar.unit.setCurrentIndex(0)
    bar.session.setCurrentIndex(bar.session.findData(some.session_id))
    assert all(t.session_id == some.session_id for t in rows(tab))
    bar.session.setCurrentIndex(0)
    bar.category.setCurrentIndex(bar.category.findData(ReferralCategory.COMPLAINT))
    assert rows(tab) and all(t.category == ReferralCategory.COMPLAINT for t in rows(tab))
    bar.category.setCurrentIndex(0)
    qtbot.keyClicks(bar.search, some.number.lower())
    assert [t.id for t in rows(tab)] == [some.id]
    bar.search.setText(str(some.id))
    assert [t.id for t in rows(tab)] == [some.id]
    bar.search.setText(some.askers[0].nickname)
    assert some.id in [t.id for t in rows(tab)]
    bar.search.setFocus()
    qtbot.keyClick(bar.search, Qt.Key.Key_Escape)
    assert bar.search.text() == "" and len(rows(tab)) == len(everything)


def test_a_key_moves_the_ticket_and_its_row_changes_in_place(board, qtbot, demo_db, event_loop_qt):
    tab, loop = board.window.referrals, event_loop_qt
    ticket = pick(tab, S.DISPATCHED)
    loop.run_until_complete(until(lambda: tab.detail.history.rowCount() > 0))
    events = ModelEvents(tab.model)
    key(board, qtbot, loop, Qt.Key.Key_S, lambda: stored(demo_db, ticket.id).status == S.SIGNED_FOR)
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].status == S.SIGNED_FOR))
    assert events.take() == ["dataChanged"]  # no reset, no row removed or inserted
    assert [t.id for t in selected_records(tab.view)] == [ticket.id]  # the selection stays
    last = history(demo_db, ticket.id)[-1]
    assert last.seat == board.services.referrals.seat and last.seat.startswith("referrals@")
    loop.run_until_complete(
        until(
            lambda: (
                "referrals@" in tab.detail.history.item(tab.detail.history.rowCount() - 1, 1).text()
            )
        )
    )
    # P starts work; the buttons and the menu offer only what the lifecycle allows now
    key(
        board, qtbot, loop, Qt.Key.Key_P, lambda: stored(demo_db, ticket.id).status == S.IN_PROGRESS
    )
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].status == S.IN_PROGRESS))
    actions = tab.ticket_actions.actions
    assert actions[A.REPLY].isEnabled() and actions[A.URGE].isEnabled()
    assert not actions[A.CLOSE].isEnabled() and not actions[A.SIGN_FOR].isEnabled()
    assert not tab.buttons[actions[A.CLOSE]].isEnabled()
    assert "cannot close" in actions[A.CLOSE].toolTip()  # why not, as the lifecycle says
    menu = tab.ticket_actions.context_menu()
    offered = {a.text() for a in menu.actions() if a.isEnabled()}
    assert actions[A.REPLY].text() in offered and actions[A.CLOSE].text() not in offered
    # a disabled key writes nothing
    before = len(history(demo_db, ticket.id))
    qtbot.keyClick(tab.view, Qt.Key.Key_X)
    loop.run_until_complete(until(lambda: board.tasks.running == 0))
    assert len(history(demo_db, ticket.id)) == before


def test_reply_and_call_back_through_their_dialogs_then_close(board, qtbot, demo_db, event_loop_qt):
    tab, loop = board.window.referrals, event_loop_qt
    ticket = pick(tab, S.IN_PROGRESS)
    qtbot.keyClick(tab.view, Qt.Key.Key_R)
    dialog = tab.ticket_actions.reply_dialog
    assert dialog.isVisible()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a reply needs its text
    dialog.text.setPlainText("已安排人员上门核实")
    dialog.by.setText("社会救助股")
    press_button(dialog, Button.Ok)
    loop.run_until_complete(until(lambda: stored(demo_db, ticket.id).status == S.REPLIED))
    assert stored(demo_db, ticket.id).reply_by == "社会救助股"
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].status == S.REPLIED))
    back_to_the_board(board, loop)
    qtbot.keyClick(tab.view, Qt.Key.Key_C)
    call_back = tab.ticket_actions.call_back_dialog
    assert call_back.isVisible()
    call_back.radios[Satisfaction.BASICALLY_SATISFIED].setChecked(True)
    press_button(call_back, Button.Ok)
    loop.run_until_complete(until(lambda: stored(demo_db, ticket.id).status == S.CALLED_BACK))
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].status == S.CALLED_BACK))
    assert "Basically satisfied" in tab.detail.satisfaction.text()
    tab.buttons[tab.ticket_actions.actions[A.CLOSE]].click()
    loop.run_until_complete(until(lambda: stored(demo_db, ticket.id).status == S.CLOSED))


def test_a_refused_move_says_why_in_chinese_and_writes_nothing(
    board, qtbot, demo_db, event_loop_qt, chinese
):
    """An extension asked for a date not after the deadline: the store refuses it."""
    tab, loop = board.window.referrals, event_loop_qt
    ticket = next(t for t in rows(tab) if t.status == S.IN_PROGRESS and t.deadline >= DEMO_DAY)
    pick(tab, referral_id=ticket.id)
    before = len(history(demo_db, ticket.id))
    # the dialog never offers such a date; another seat's grant could make it stale
    tab.moveRequested.emit(ticket.id, RequestExtension(until=ticket.deadline, reason="需现场核查"))
    loop.run_until_complete(until(lambda: tab.message.text()))
    assert "必须" in tab.message.text() or "晚于" in tab.message.text()
    assert len(history(demo_db, ticket.id)) == before


def test_bulk_dispatch_of_new_tickets_from_the_desk(board, qtbot, demo_db, event_loop_qt):
    """Two tickets referred on the desk (R) appear on the board; D dispatches both to one
    unit; a closed one in the selection is reported refused."""
    tab, loop = board.window.referrals, event_loop_qt
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    with demo_db.sessions() as s:
        ids = s.scalars(
            select(Question.id)
            .where(Question.session_id == session_id, Question.status == QuestionStatus.NEW)
            .order_by(Question.id)
            .limit(2)
        ).all()
        unit_id = s.scalars(select(Unit.id).where(Unit.retired.is_(False))).first()
    count = tab.model.rowCount()
    events = ModelEvents(tab.model)
    for qid in ids:  # the desk's R, as its dialog sends it
        board.moderation.refer([qid], unit_id, "enquiry", "")
    loop.run_until_complete(until(lambda: tab.model.rowCount() == count + 2))
    assert "modelAboutToBeReset" not in events.take()
    new = [t for t in tab.model.records() if t.status == S.ACCEPTED]
    closed = next(t for t in tab.model.records() if t.status == S.CLOSED)
    tab.view.clearSelection()
    for ticket in (*new, closed):
        row = next(r for r, t in enumerate(rows(tab)) if t.id == ticket.id)
        tab.view.selectionModel().select(
            tab.proxy.index(row, 0),
            tab.view.selectionModel().SelectionFlag.Select
            | tab.view.selectionModel().SelectionFlag.Rows,
        )
    qtbot.keyClick(tab.view, Qt.Key.Key_D)
    dialog = tab.ticket_actions.dispatch_dialog
    assert dialog.isVisible()
    offered = [dialog.unit.itemData(i) for i in range(dialog.unit.count())]
    with demo_db.sessions() as s:
        retired = set(s.scalars(select(Unit.id).where(Unit.retired.is_(True))))
    assert offered and not retired & set(offered)
    dialog.unit.setCurrentIndex(dialog.unit.findData(unit_id))
    press_button(dialog, Button.Ok)
    loop.run_until_complete(until(lambda: "Dispatched 2" in tab.message.text()))
    assert closed.number in tab.message.text()
    assert all(stored(demo_db, t.id).status == S.DISPATCHED for t in new)
    assert stored(demo_db, closed.id).status == S.CLOSED


def test_the_detail_shows_the_question_in_its_feed_and_the_contact_on_request(
    board, qtbot, demo_db, event_loop_qt
):
    tab, loop = board.window.referrals, event_loop_qt
    ticket = pick(tab, S.IN_PROGRESS)
    detail = tab.detail
    loop.run_until_complete(until(lambda: detail.feed.count() > 1))
    assert ticket.askers[0].nickname in detail.asked.text()
    assert ticket.session_date.isoformat() in detail.session.text()
    assert detail.question.text() == ticket.askers[0].text
    assert detail.reveals.text()  # "never"
    with demo_db.transaction() as s:
        s.get(Referral, ticket.id).contact = "13812345678"
    qtbot.keyClick(tab.view, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    loop.run_until_complete(until(lambda: detail.contact.text() == "13812345678"))
    assert [seat for _at, seat in contact_reveals(demo_db, ticket.id)] == [
        board.services.referrals.seat
    ]
    loop.run_until_complete(until(lambda: board.services.referrals.seat in detail.reveals.text()))
    other = pick(tab, S.CLOSED)
    assert detail.ticket_id == other.id and "13812345678" not in detail.contact.text()
    pick(tab, referral_id=ticket.id)
    assert "13812345678" not in detail.contact.text()  # masked again until revealed again


def test_the_card_is_copied_and_saved(board, qtbot, tmp_path):
    tab = board.window.referrals
    pick(tab, S.DISPATCHED)
    qtbot.keyClick(tab.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and (image.width(), image.height()) == (900, 1200)
    path = tmp_path / "card.png"
    with qtbot.waitSignal(tab.cardSaved, timeout=5000):
        tab.save_card(str(path))
    assert path.stat().st_size > 10_000


def test_help_keys_list_the_board_s_moves(board):
    tab = board.window.referrals
    pick(tab, S.DISPATCHED)
    dialog = board.window.show_keys(tab.view)
    listed = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    assert {"Signed for by the unit", "Copy card", "Search tickets (Esc: clear)"} <= listed
    assert "Dispatch to a unit…" not in listed  # not for a dispatched ticket: not offered
    dialog.close()


def test_more_time_urge_and_return_through_their_dialogs(board, qtbot, demo_db, event_loop_qt):
    tab, loop = board.window.referrals, event_loop_qt
    ticket = next(t for t in rows(tab) if t.status == S.IN_PROGRESS and t.deadline >= DEMO_DAY)
    pick(tab, referral_id=ticket.id)
    qtbot.keyClick(tab.view, Qt.Key.Key_E)
    extension = tab.ticket_actions.extension_dialog
    assert extension.isVisible()
    assert extension.until.minimumDate().toPython() > ticket.deadline
    ok = extension.buttons.button(extension.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a reason is required
    extension.text.setPlainText("需现场核查")
    press_button(extension, Button.Ok)
    loop.run_until_complete(until(lambda: stored(demo_db, ticket.id).extension_until is not None))
    asked = stored(demo_db, ticket.id).extension_until
    back_to_the_board(board, loop)
    loop.run_until_complete(
        until(lambda: tab.ticket_actions.actions[A.GRANT_EXTENSION].isEnabled())
    )
    assert not tab.ticket_actions.actions[A.REQUEST_EXTENSION].isEnabled()  # one waits already
    key(board, qtbot, loop, Qt.Key.Key_G, lambda: stored(demo_db, ticket.id).deadline == asked)
    qtbot.keyClick(tab.view, Qt.Key.Key_U)
    urge = tab.ticket_actions.reason_dialog
    urge.text.setPlainText("请尽快答复")
    press_button(urge, Button.Ok)
    loop.run_until_complete(until(lambda: stored(demo_db, ticket.id).urge_count == 1))
    back_to_the_board(board, loop)
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].urge_count == 1))
    qtbot.keyClick(tab.view, Qt.Key.Key_T)
    returned = tab.ticket_actions.reason_dialog
    assert not returned.buttons.button(returned.buttons.StandardButton.Ok).isEnabled()
    returned.text.setPlainText("不属于本单位职责")
    press_button(returned, Button.Ok)
    loop.run_until_complete(until(lambda: stored(demo_db, ticket.id).status == S.RETURNED))
    back_to_the_board(board, loop)
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].status == S.RETURNED))
    # dispatched again: the unit that returned it is not proposed, and the store refuses it
    qtbot.keyClick(tab.view, Qt.Key.Key_D)
    dispatch = tab.ticket_actions.dispatch_dialog
    assert dispatch.unit.currentData() != ticket.unit_id
    dispatch.unit.setCurrentIndex(dispatch.unit.findData(ticket.unit_id))
    press_button(dispatch, Button.Ok)
    loop.run_until_complete(until(lambda: "not dispatched" in tab.message.text()))
    assert stored(demo_db, ticket.id).status == S.RETURNED


def test_from_the_r_key_to_closed_in_the_window(board, qtbot, demo_db, event_loop_qt):
    """Issue 12's "done when": a question referred with R on the desk, then worked on the board
    with its keys — dispatch, sign for, start, reply, call back, close — each move stored with
    its history row."""
    from tests.helpers.feed_rows import select_rows

    w, loop = board.window, event_loop_qt
    desk = w.desk
    w.tabs.setCurrentWidget(desk)
    model = desk.feed_model
    row = next(r for r in range(model.rowCount()) if model.record(r).nickname == "北关住户王")
    question_id = model.record(row).id
    select_rows(board, row)
    desk.feed_view.setFocus()
    qtbot.keyClick(desk.feed_view, Qt.Key.Key_R)
    refer = desk.feed_keys.refer_dialog
    assert refer.unit.currentText() == "自然资源局"
    press_button(refer, Button.Ok)
    loop.run_until_complete(until(lambda: model.record(row).status == QuestionStatus.REFERRED))
    with demo_db.sessions() as s:
        referral_id = s.scalars(
            select(Referral.id).where(Referral.question_id == question_id)
        ).one()
    tab = w.referrals
    w.tabs.setCurrentWidget(tab)
    loop.run_until_complete(until(lambda: any(t.id == referral_id for t in rows(tab))))
    pick(tab, referral_id=referral_id)
    back_to_the_board(board, loop)

    qtbot.keyClick(tab.view, Qt.Key.Key_D)
    dispatch = tab.ticket_actions.dispatch_dialog
    assert dispatch.isVisible()
    press_button(dispatch, Button.Ok)
    loop.run_until_complete(until(lambda: stored(demo_db, referral_id).status == S.DISPATCHED))
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].status == S.DISPATCHED))
    back_to_the_board(board, loop)
    for which, status in ((Qt.Key.Key_S, S.SIGNED_FOR), (Qt.Key.Key_P, S.IN_PROGRESS)):
        key(board, qtbot, loop, which, lambda s=status: stored(demo_db, referral_id).status == s)
        loop.run_until_complete(until(lambda s=status: selected_records(tab.view)[0].status == s))
    qtbot.keyClick(tab.view, Qt.Key.Key_R)
    reply = tab.ticket_actions.reply_dialog
    reply.text.setPlainText("已登记，三个工作日内上门办理")
    press_button(reply, Button.Ok)
    loop.run_until_complete(until(lambda: stored(demo_db, referral_id).status == S.REPLIED))
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].status == S.REPLIED))
    back_to_the_board(board, loop)
    qtbot.keyClick(tab.view, Qt.Key.Key_C)
    call_back = tab.ticket_actions.call_back_dialog
    call_back.radios[Satisfaction.SATISFIED].setChecked(True)
    press_button(call_back, Button.Ok)
    loop.run_until_complete(until(lambda: stored(demo_db, referral_id).status == S.CALLED_BACK))
    loop.run_until_complete(until(lambda: selected_records(tab.view)[0].status == S.CALLED_BACK))
    back_to_the_board(board, loop)
    key(board, qtbot, loop, Qt.Key.Key_X, lambda: stored(demo_db, referral_id).status == S.CLOSED)
    moves = [e.action for e in history(demo_db, referral_id)]
    assert moves == ["accept", "dispatch", "sign_for", "start", "reply", "call_back", "close"]
