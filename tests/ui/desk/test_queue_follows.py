"""The on-air queue follows the stored queue by row events: a question put on air, one queued,
one answered, a reorder — the selection stays on its question and nothing resets."""

import dataclasses
import datetime as dt

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole
from studio.domain.records import QuestionRecord
from studio.ui.desk.queue_panel import QueuePanel
from tests.helpers.model_events import ModelEvents

S = QuestionStatus


def question(qid: int, status: QuestionStatus, place: int | None) -> QuestionRecord:
    return QuestionRecord(
        id=qid,
        received_at=dt.datetime(2026, 11, 26, 15, 0),
        room_role=RoomRole.GOV,
        platform=Platform.DOUYIN,
        nickname="观众",
        display_text=f"问题{qid}",
        status=status,
        flags=QuestionFlag.IS_QUESTION,
        unit_name="",
        cluster_id=None,
        channel="live",
        queue_position=place,
    )


def test_the_queue_follows_by_row_events_and_keeps_the_selection(qtbot, qtmodeltester):
    panel = QueuePanel()
    qtbot.addWidget(panel)
    queued = [question(n, S.QUEUED, n) for n in (1, 2, 3)]
    panel.show_questions(queued)
    qtmodeltester.check(panel.model)
    panel.view.setCurrentIndex(panel.model.index(2))  # question 3
    events = ModelEvents(panel.model)

    edited = dataclasses.replace(queued[2], display_text="问题3（改）")
    panel.show_questions([queued[0], queued[1], edited])
    assert events.take() == ["dataChanged"]
    assert panel.selected_id() == 3

    on_air = dataclasses.replace(queued[0], status=S.ON_AIR, queue_position=None)
    panel.show_questions([on_air, queued[1], edited])  # still row 0, now on air
    assert events.take() == ["dataChanged"]
    assert panel.model.data(panel.model.index(1)).startswith("1 · ")

    panel.show_questions([on_air, queued[1], edited, question(4, S.QUEUED, 4)])
    assert events.take() == ["rowsInserted", "dataChanged"]
    answered = dataclasses.replace(on_air, status=S.ANSWERED)
    panel.show_questions([answered, queued[1], edited, question(4, S.QUEUED, 4)])
    assert events.take() == ["rowsRemoved", "dataChanged"]
    assert panel.selected_id() == 3

    # Question 3 to the front of the queue: one move, the selection goes with it.
    first = dataclasses.replace(edited, queue_position=0)
    panel.show_questions([queued[1], first, question(4, S.QUEUED, 4)])
    assert events.take() == ["rowsMoved", "dataChanged"]
    assert [q.id for q in panel.ordered()] == [3, 2, 4]
    assert panel.selected_id() == 3
    assert panel.model.data(panel.model.index(0)).startswith("1 · ")
