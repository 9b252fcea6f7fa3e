"""The on-air queue panel: real keys reorder (store, audit, official's screen follow), a drag
does the same, Ctrl+Z undoes, moving past an end is refused; the fit label and line; hostile
texts shown as characters."""

import datetime as dt
import json
import statistics

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from sqlalchemy import select

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole, SegmentKind
from studio.domain.question_lifecycle import ModerationAction
from studio.domain.queue_fit import DEFAULT_ANSWER_S, qa_time_left, queue_fit
from studio.domain.records import QuestionRecord, SegmentRecord
from studio.domain.rundown_clock import ClockReading, Phase
from studio.store.models import AuditEvent
from studio.store.moderation import moderate
from studio.store.queue_order import queue_ids
from studio.store.repository import StudioRepository
from studio.ui import theme
from studio.ui.desk.feed_model import FeedModel
from studio.ui.desk.queue_panel import QueuePanel
from tests.conftest import DEMO_DAY
from tests.helpers.store_work import settled
from tests.helpers.waiting import until

S = QuestionStatus
ALT = Qt.KeyboardModifier.AltModifier
T0 = dt.datetime(2026, 11, 26, 15, 0)


@pytest.fixture
def queued(desk, qtbot, event_loop_qt):
    """The live desk (the desk seat's fixture) after Q on three new questions: (desk, ids)."""
    return desk, queue_three(desk, qtbot, event_loop_qt)


def focus(loop, widget) -> None:
    widget.setFocus()
    loop.run_until_complete(until(widget.hasFocus))


def queue_three(studio, qtbot, loop) -> list[int]:
    """Q on three new questions in the feed, one after the other; their ids in that order."""
    tab = studio.window.desk
    model, view = tab.feed_model, tab.feed_view
    focus(loop, view)
    rows = [r for r in range(model.rowCount()) if model.record(r).status == S.NEW][:3]
    for row in rows:
        view.selectionModel().select(
            model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        qtbot.keyClick(view, Qt.Key.Key_Q)
        loop.run_until_complete(until(lambda r=row: model.record(r).status == S.QUEUED))
    return [model.record(r).id for r in rows]


def select_in_queue(panel: QueuePanel, question_id: int) -> None:
    panel.view.setCurrentIndex(panel.model.index(panel.model.row_of(question_id)))


def panel_ids(panel: QueuePanel) -> list[int]:
    return [q.id for q in panel.ordered()]


def reorder_events(db) -> list[tuple[int, int | None, int]]:
    with db.sessions() as s:
        events = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "question.reorder")
            .order_by(AuditEvent.id)
        ).all()
    return [
        (
            int(e.subject.split(":")[1]),
            json.loads(e.before).get("position"),
            json.loads(e.after)["position"],
        )
        for e in events
    ]


def test_alt_up_and_down_reorder_the_store_the_audit_and_the_official_s_screen(
    queued, qtbot, demo_db, event_loop_qt
):
    studio, (a, b, c) = queued
    loop, w = event_loop_qt, studio.window
    panel = w.desk.queue
    session_id = studio.moderation.session_id
    before = queue_ids(demo_db, session_id)
    assert before[-3:] == [a, b, c]  # each Q put its question last
    assert panel_ids(panel) == before

    focus(loop, panel.view)
    select_in_queue(panel, c)
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, ALT)
    loop.run_until_complete(until(lambda: panel_ids(panel)[-3:] == [a, c, b]))
    assert queue_ids(demo_db, session_id)[-3:] == [a, c, b]
    assert panel.selected_id() == c  # the selection followed the moved row
    assert {(qid, after) for qid, _before, after in reorder_events(demo_db)} >= {
        (c, len(before) - 1),
        (b, len(before)),
    }
    texts = {q.id: q.display_text for q in panel.ordered()}
    assert w._on_air.queued == tuple(texts[qid] for qid in queue_ids(demo_db, session_id))

    qtbot.keyClick(panel.view, Qt.Key.Key_Up, ALT)  # the selection is still on c: up again
    loop.run_until_complete(until(lambda: panel_ids(panel)[-3:] == [c, a, b]))
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, ALT)
    loop.run_until_complete(until(lambda: panel_ids(panel)[-3:] == [a, c, b]))
    assert queue_ids(demo_db, session_id)[-3:] == [a, c, b]
    assert len({json.loads(e)["act"] for e in _reorder_afters(demo_db)}) == 3
    # The official's clicker puts the next in this same order on air, for every screen.
    up_next = next(q for q in panel.ordered() if q.status == S.QUEUED)
    w.official.clickerPressed.emit("next")
    loop.run_until_complete(
        until(lambda: (panel.ordered()[0].id, panel.ordered()[0].status) == (up_next.id, S.ON_AIR))
    )
    assert studio.official.view().focus_text == up_next.display_text
    assert studio.official.view().next_items[:2] == tuple(
        q.display_text for q in panel.ordered()[1:3]
    )


def _reorder_afters(db) -> list[str]:
    with db.sessions() as s:
        return list(
            s.scalars(select(AuditEvent.after).where(AuditEvent.action == "question.reorder"))
        )


def test_ctrl_z_in_the_queue_undoes_a_reorder(queued, qtbot, demo_db, event_loop_qt):
    studio, (a, b, c) = queued
    loop, panel = event_loop_qt, studio.window.desk.queue
    original = panel_ids(panel)
    focus(loop, panel.view)
    select_in_queue(panel, b)
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, ALT)
    loop.run_until_complete(until(lambda: panel_ids(panel)[-3:] == [a, c, b]))
    qtbot.keyClick(panel.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    loop.run_until_complete(until(lambda: panel_ids(panel) == original))
    assert queue_ids(demo_db, studio.moderation.session_id) == original
    assert studio.window._on_air.queued[-3:] == tuple(q.display_text for q in panel.ordered()[-3:])


def test_moving_the_first_one_up_is_refused_with_a_reason(queued, qtbot, demo_db, event_loop_qt):
    studio, _ids = queued
    loop, panel = event_loop_qt, studio.window.desk.queue
    original = panel_ids(panel)
    first = next(q.id for q in panel.ordered() if q.status == S.QUEUED)
    focus(loop, panel.view)
    select_in_queue(panel, first)
    bar = studio.window.statusBar()
    bar.clearMessage()
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, ALT)
    loop.run_until_complete(until(lambda: bar.currentMessage() != ""))
    assert "already first" in bar.currentMessage()
    assert queue_ids(demo_db, studio.moderation.session_id) == original
    assert reorder_events(demo_db) == []


def test_a_drop_reorders_through_the_store(queued, qtbot, demo_db, event_loop_qt):
    studio, (a, b, c) = queued
    loop, panel = event_loop_qt, studio.window.desk.queue
    model = panel.model
    data = model.mimeData([model.index(model.row_of(c))])
    # Dropped just above a: between the row before it and a.
    accepted = model.dropMimeData(data, Qt.DropAction.MoveAction, model.row_of(a), 0, QModelIndex())
    assert not accepted  # the view removes nothing: the stored order comes back instead
    loop.run_until_complete(until(lambda: panel_ids(panel)[-3:] == [c, a, b]))
    assert queue_ids(demo_db, studio.moderation.session_id)[-3:] == [c, a, b]
    # Dropped below the last row.
    data = model.mimeData([model.index(model.row_of(c))])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, QModelIndex())
    loop.run_until_complete(until(lambda: panel_ids(panel)[-3:] == [a, b, c]))


def test_enter_puts_a_queued_question_on_air_and_delete_unqueues(
    queued, qtbot, demo_db, event_loop_qt
):
    studio, (a, b, _c) = queued
    loop, tab = event_loop_qt, studio.window.desk
    panel, model = tab.queue, tab.feed_model
    focus(loop, panel.view)
    select_in_queue(panel, b)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    loop.run_until_complete(until(lambda: panel.ordered()[0].id == b))
    assert panel.ordered()[0].status == S.ON_AIR
    assert studio.official.view().focus_text == panel.ordered()[0].display_text
    select_in_queue(panel, a)
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    loop.run_until_complete(until(lambda: a not in panel_ids(panel)))
    row = next(r for r in range(model.rowCount()) if model.record(r).id == a)
    assert model.record(row).status == S.FLAGGED


def test_queue_keys_do_nothing_while_the_feed_has_focus(queued, qtbot, demo_db, event_loop_qt):
    studio, (a, b, c) = queued
    loop, tab = event_loop_qt, studio.window.desk
    select_in_queue(tab.queue, c)
    focus(loop, tab.feed_view)
    qtbot.keyClick(tab.feed_view, Qt.Key.Key_Up, ALT)
    loop.run_until_complete(settled(studio))  # a reorder, had one started, has finished
    assert queue_ids(demo_db, studio.moderation.session_id)[-3:] == [a, b, c]


def test_the_fit_follows_the_timer_and_the_session_s_answers(make_desk, demo_db, event_loop_qt):
    """Three answers of 100, 200 and 400 s before the desk opens: the median, 200 s, is used."""
    repository = StudioRepository(demo_db)
    session_id = repository.session_on(DEMO_DAY).id
    waiting = [q.id for q in repository.questions(session_id) if q.status == S.NEW][:3]
    for n, (qid, seconds) in enumerate(zip(waiting, (100, 200, 400), strict=True)):
        start = T0 + dt.timedelta(minutes=10 * n)
        for action, at in ((ModerationAction.PUT_ON_AIR, start), (ModerationAction.ANSWER, None)):
            moderate(
                demo_db,
                [qid],
                action,
                seat="desk",
                session_id=session_id,
                now=at or start + dt.timedelta(seconds=seconds),
            )
    studio = make_desk(demo_db)
    loop, panel = event_loop_qt, studio.window.desk.queue
    segments = repository.segments(session_id)
    qa = next(i for i, g in enumerate(segments) if g.kind == SegmentKind.QA)
    # Little time left, so the median (200 s) and the default answer time fit different counts.
    short, count = reading(qa, 250), len(panel.ordered())
    median = min(queue_fit(segments, short, statistics.median([100, 200, 400])).fit, count)
    assert median != min(queue_fit(segments, short, DEFAULT_ANSWER_S).fit, count)
    studio.window.show_reading(short)
    loop.run_until_complete(until(lambda: f"about {median} of {count} fit" in panel.fit_label.text()))
    studio.window.show_reading(reading(qa, 610))
    left = qa_time_left(segments, reading(qa, 610))
    count = len(panel.ordered())
    fit = int(left // 200)
    text = panel.fit_label.text()
    assert format_left(left) in text and f"{min(fit, count)}" in text and f"{count}" in text


def format_left(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def reading(index: int, remaining_s: float) -> ClockReading:
    return ClockReading(
        started=True, running=True, paused=False, ended=False, segment_index=index,
        segment_title="", phase=Phase.NORMAL, planned_s=remaining_s + 60, elapsed_s=60,
        remaining_s=remaining_s, progress=0.1, session_elapsed_s=600, expected_end=0.0,
        late_by_s=0.0,
    )  # fmt: skip


# -- the panel alone ---------------------------------------------------------------------------
def record(
    qid: int, status: QuestionStatus, place: int | None, text: str, **more
) -> QuestionRecord:
    return QuestionRecord(
        id=qid,
        received_at=T0,
        room_role=more.get("room", RoomRole.GOV),
        platform=Platform.DOUYIN,
        nickname=more.get("nickname", "观众"),
        display_text=text,
        status=status,
        flags=QuestionFlag.IS_QUESTION,
        unit_name="",
        cluster_id=more.get("cluster"),
        channel="live",
        queue_position=place,
    )


RUNDOWN = [
    SegmentRecord(1, 0, "开场", SegmentKind.OPENING, 180, 60, 30, ""),
    SegmentRecord(2, 1, "网友提问", SegmentKind.QA, 1200, 60, 30, ""),
    SegmentRecord(3, 2, "转办回音", SegmentKind.REPORT_BACK, 300, 60, 30, ""),
    SegmentRecord(4, 3, "再问", SegmentKind.QA, 600, 60, 30, ""),
]


@pytest.fixture
def panel(qtbot):
    widget = QueuePanel()
    qtbot.addWidget(widget)
    widget.resize(420, 520)
    widget.show_rundown(RUNDOWN)
    questions = [record(1, S.ON_AIR, None, "正在回答的问题")]
    questions += [record(n, S.QUEUED, n, f"排队问题{n}") for n in range(2, 13)]
    widget.show_questions(questions)
    return widget


def test_the_fit_label_and_line_for_a_reading_and_a_history(panel):
    panel.set_typical_answer(120.0)
    panel.show_reading(reading(1, 510))  # 8:30 of this Q&A + 10:00 ahead = 18:30
    text = panel.fit_label.text()
    assert "18:30" in text and " 9 " in text and "12" in text
    if text.startswith("Q&A"):
        assert text == "Q&A: 18:30 left · about 9 of 12 fit"
    model = panel.model
    assert model.fit == 9
    assert model.data(model.index(8), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(9), Qt.ItemDataRole.ForegroundRole) == theme.MUTED
    panel.show_reading(reading(3, 50))  # the last Q&A nearly over: everything past the line
    assert model.fit == 0
    panel.show_reading(reading(0, 100))  # before the Q&A: all 30 minutes fit all twelve
    assert model.fit is None


def test_rows_show_place_room_and_cluster_and_hostile_text_as_characters(qtbot):
    widget = QueuePanel()
    qtbot.addWidget(widget)
    hostile = '<b>x</b><img src="a.png"><a href="http://evil">点我</a>'
    records = [
        record(1, S.QUEUED, 2, hostile, nickname="<b>粗体</b>", cluster=7),
        record(2, S.QUEUED, 1, "别的问题", room=RoomRole.DEPT, cluster=7),
        record(3, S.ANSWERED, None, "已答", cluster=7),
    ]
    feed = FeedModel([])  # the feed counts who asked what: the panel shows its count
    feed.set_records(records)
    widget.show_questions(records, feed.cluster_size)
    model = widget.model
    assert [q.id for q in widget.ordered()] == [2, 1]
    first, second = (model.data(model.index(r)) for r in range(2))
    assert first.startswith("1 · ") and second.startswith("2 · ")
    assert hostile in second
    assert "3" in second.rsplit("·", 1)[1]  # the cluster has three questions
    delegate_text = model.data(model.index(1), Qt.ItemDataRole.DisplayRole)
    assert "<b>x</b>" in delegate_text  # the view draws DisplayRole as plain text


def test_the_queue_model_keeps_qt_s_model_rules(panel, qtmodeltester):
    qtmodeltester.check(panel.model)
