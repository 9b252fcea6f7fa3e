"""The on-air queue's arithmetic: the queue order, the Q&A time left, the typical answer time
and how many questions fit; examples for each rule and properties over many rundowns."""

import datetime as dt
import math

from hypothesis import given
from hypothesis import strategies as st

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, SegmentKind
from studio.domain.queue_fit import (
    DEFAULT_ANSWER_S,
    StatusMove,
    answer_durations,
    in_queue_order,
    qa_time_left,
    queue_fit,
    typical_answer_s,
)
from studio.domain.records import QuestionRecord, SegmentRecord
from studio.domain.rundown_clock import ClockReading, Phase

S = QuestionStatus
K = SegmentKind
T0 = dt.datetime(2026, 11, 26, 15, 0)


def segment(index: int, kind: SegmentKind, planned_s: int) -> SegmentRecord:
    return SegmentRecord(index + 1, index, f"段{index}", kind, planned_s, 60, 30, "")


def reading(index: int, remaining_s: float, *, started=True, ended=False) -> ClockReading:
    return ClockReading(
        started=started, running=started and not ended, paused=False, ended=ended,
        segment_index=index, segment_title="", phase=Phase.NORMAL, planned_s=600,
        elapsed_s=600 - remaining_s, remaining_s=remaining_s, progress=0.5,
        session_elapsed_s=0, expected_end=0, late_by_s=0,
    )  # fmt: skip


def question(qid: int, status: QuestionStatus, place: int | None = None, minute: int = 0):
    return QuestionRecord(
        qid, T0 + dt.timedelta(minutes=minute), None, Platform.MANUAL, "", f"q{qid}", status,
        QuestionFlag.IS_QUESTION, "", None, "live", place,
    )  # fmt: skip


RUNDOWN = [
    segment(0, K.OPENING, 180),
    segment(1, K.QA, 1200),
    segment(2, K.REPORT_BACK, 300),
    segment(3, K.QA, 600),
    segment(4, K.CLOSING, 120),
]


# -- order -------------------------------------------------------------------------------------
def test_the_queue_is_the_one_on_air_then_the_queued_by_place():
    records = [
        question(1, S.QUEUED, 3),
        question(2, S.NEW),
        question(3, S.ON_AIR),
        question(4, S.QUEUED, 1),
        question(5, S.QUEUED, None, minute=1),
        question(6, S.QUEUED, None, minute=0),
        question(7, S.ANSWERED),
    ]
    assert [q.id for q in in_queue_order(records)] == [3, 6, 5, 4, 1]


@given(st.lists(st.tuples(st.sampled_from(list(S)), st.none() | st.integers(-5, 50))))
def test_the_queue_holds_every_queued_question_once_and_only_those(specs):
    records = [question(i, status, place) for i, (status, place) in enumerate(specs)]
    ordered = in_queue_order(records)
    queued = [q for q in ordered if q.status == S.QUEUED]
    assert sorted(q.id for q in queued) == [q.id for q in records if q.status == S.QUEUED]
    assert all(q.status == S.ON_AIR for q in ordered[: len(ordered) - len(queued)])
    assert len(ordered) - len(queued) <= 1
    placed = [q.queue_position for q in queued if q.queue_position is not None]
    assert placed == sorted(placed)
    assert queued[len(queued) - len(placed) :] == [
        q for q in queued if q.queue_position is not None
    ]


# -- time left ---------------------------------------------------------------------------------
def test_before_the_start_all_planned_qa_time_is_left():
    assert qa_time_left(RUNDOWN, None) == 1800
    assert qa_time_left(RUNDOWN, reading(0, 180, started=False)) == 1800


def test_in_a_qa_segment_its_remainder_and_the_qa_ahead_are_left():
    assert qa_time_left(RUNDOWN, reading(1, 500)) == 500 + 600


def test_outside_qa_only_the_qa_ahead_counts():
    assert qa_time_left(RUNDOWN, reading(0, 100)) == 1800
    assert qa_time_left(RUNDOWN, reading(2, 100)) == 600
    assert qa_time_left(RUNDOWN, reading(4, 100)) == 0


def test_overtime_makes_no_room_and_the_end_leaves_nothing():
    assert qa_time_left(RUNDOWN, reading(3, -90)) == 0
    assert qa_time_left(RUNDOWN, reading(3, 100, ended=True)) == 0


rundowns = st.lists(
    st.builds(
        lambda kind, planned: (kind, planned), st.sampled_from(list(K)), st.integers(0, 3600)
    ),
    min_size=1,
    max_size=8,
).map(lambda specs: [segment(i, kind, planned) for i, (kind, planned) in enumerate(specs)])


@given(rundowns, st.integers(0, 7), st.floats(-3600, 3600))
def test_time_left_is_never_negative_nor_more_than_planned_qa(segments, index, remaining):
    index = min(index, len(segments) - 1)
    current = segments[index]
    left = qa_time_left(segments, reading(index, remaining))
    planned_qa = sum(g.planned_s for g in segments if g.kind == K.QA)
    assert left >= 0
    if remaining <= current.planned_s:
        assert left <= planned_qa
    if current.kind != K.QA:
        assert left == sum(g.planned_s for g in segments[index + 1 :] if g.kind == K.QA)


@given(rundowns, st.integers(0, 7), st.floats(0, 3600), st.floats(0, 3600))
def test_less_time_remaining_never_leaves_more_qa_time(segments, index, a, b):
    index = min(index, len(segments) - 1)
    low, high = sorted((a, b))
    assert qa_time_left(segments, reading(index, low)) <= qa_time_left(
        segments, reading(index, high)
    )


# -- typical answer time -----------------------------------------------------------------------
def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


def test_answer_times_run_from_on_air_to_answered():
    moves = [
        StatusMove(1, at(0), S.QUEUED, S.ON_AIR),
        StatusMove(1, at(90), S.ON_AIR, S.ANSWERED),
        StatusMove(2, at(100), S.QUEUED, S.ON_AIR),
        StatusMove(2, at(130), S.ON_AIR, S.QUEUED),  # taken off air: no answer
        StatusMove(3, at(130), S.FLAGGED, S.ON_AIR),
        StatusMove(3, at(400), S.ON_AIR, S.ANSWERED),
        StatusMove(4, at(500), S.QUEUED, S.ANSWERED),  # answered without being on air
    ]
    assert answer_durations(moves) == [90.0, 270.0]


def test_an_undone_answer_is_forgotten_and_its_clock_carries_on():
    moves = [
        StatusMove(1, at(0), S.QUEUED, S.ON_AIR),
        StatusMove(1, at(60), S.ON_AIR, S.ANSWERED),
        StatusMove(1, at(70), S.ANSWERED, S.ON_AIR),  # Ctrl+Z: pressed A too early
        StatusMove(1, at(200), S.ON_AIR, S.ANSWERED),
    ]
    assert answer_durations(moves) == [200.0]


def test_an_answer_hidden_later_still_counts():
    moves = [
        StatusMove(1, at(0), S.QUEUED, S.ON_AIR),
        StatusMove(1, at(60), S.ON_AIR, S.ANSWERED),
        StatusMove(1, at(70), S.ANSWERED, S.HIDDEN),
    ]
    assert answer_durations(moves) == [60.0]


def test_the_typical_answer_is_the_median_once_there_are_three():
    assert typical_answer_s([]) == DEFAULT_ANSWER_S == 120
    assert typical_answer_s([30, 40]) == 120
    assert typical_answer_s([30, 40, 500]) == 40
    assert typical_answer_s([0, 0, 0]) == 1.0


@given(st.lists(st.floats(0, 7200), min_size=3))
def test_the_typical_answer_lies_within_the_answers(durations):
    typical = typical_answer_s(durations)
    assert min(durations) <= typical or typical == 1.0
    assert typical <= max(max(durations), 1.0)


@given(
    st.lists(
        st.tuples(st.integers(1, 4), st.sampled_from(list(S)), st.sampled_from(list(S))),
        max_size=30,
    )
)
def test_answer_times_are_never_negative_and_one_per_question_at_most(specs):
    moves = [
        StatusMove(qid, at(10 * n), before, after)
        for n, (qid, before, after) in enumerate(specs)
        if before != after
    ]
    durations = answer_durations(moves)
    assert all(d >= 0 for d in durations)
    assert len(durations) <= len({m.question_id for m in moves})


# -- fit ---------------------------------------------------------------------------------------
def test_the_fit_for_a_reading_and_a_history():
    fit = queue_fit(RUNDOWN, reading(1, 510), typical_answer_s([100, 120, 130]))
    assert (fit.time_left_s, fit.typical_s, fit.fit) == (1110, 120, 9)


@given(rundowns, st.integers(0, 7), st.floats(-600, 3600), st.floats(0.5, 3600))
def test_the_fit_is_the_whole_questions_in_the_time_left(segments, index, remaining, typical):
    index = min(index, len(segments) - 1)
    fit = queue_fit(segments, reading(index, remaining), typical)
    assert fit.fit == math.floor(fit.time_left_s / fit.typical_s)
    assert fit.fit >= 0
    assert fit.fit * fit.typical_s <= fit.time_left_s + 1e-6
    assert fit.time_left_s < (fit.fit + 1) * fit.typical_s + 1e-6
