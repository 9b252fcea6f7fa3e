"""The on-air queue's arithmetic: its order, the Q&A time left, and how many questions fit.

Pure functions, no Qt, no database: the queue panel calls them on every timer tick (so they
are cheap: a pass over a few segments) and after every queue change.

How the estimate works, and why:

- *Time left* is what the Q&A segments still have: the current segment's remaining time if it
  is a Q&A segment (never below zero: overtime does not make room), plus the planned time of
  every Q&A segment still ahead. Before the session starts it is all the planned Q&A time;
  after it ends, nothing. Planned rather than absorbed times for the segments ahead, because
  the moderator plans against the running order, and an overrun is visible on the timer.
- *Typical answer time* is the median time from putting a question on air to marking it
  answered, over this session's answers: a median, because one long answer (or one left on
  air over a break) must not halve the estimate. With fewer than three answers the median says
  little, so a default of two minutes stands in.
- *Fit* is ``floor(time left / typical)``: a whole question either gets answered or not.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from studio.domain.model import QuestionStatus, SegmentKind
from studio.domain.records import QuestionRecord, SegmentRecord
from studio.domain.rundown_clock import ClockReading

#: The typical answer time until the session has enough answers of its own (seconds).
DEFAULT_ANSWER_S = 120.0
#: How many answers the session needs before its own median counts.
MIN_ANSWERS = 3


@dataclass(frozen=True, slots=True)
class StatusMove:
    """A question's status change at one time (from the audit), for the answer times."""

    question_id: int
    at: dt.datetime
    before: QuestionStatus
    after: QuestionStatus


@dataclass(frozen=True, slots=True)
class QueueFit:
    """What the queue panel says about time: ``Q&A: 18:30 left · about 9 of 12 fit``.

    Attributes:
        time_left_s: Q&A time still to come (see the module docstring), never negative.
        typical_s: the typical answer time used (the session's median, or the default).
        fit: how many whole questions fit in ``time_left_s``.
    """

    time_left_s: float
    typical_s: float
    fit: int


def in_queue_order(questions: Iterable[QuestionRecord]) -> list[QuestionRecord]:
    """The on-air question (if any) then the queued ones in queue order.

    Queued questions without a place (queued before places existed) come first, oldest
    first: they have waited longest, and a question queued now must still land last. Ties
    keep the order given (feed order).
    """
    on_air: list[QuestionRecord] = []
    queued: list[QuestionRecord] = []
    for question in questions:
        if question.status == QuestionStatus.ON_AIR:
            on_air.append(question)
        elif question.status == QuestionStatus.QUEUED:
            queued.append(question)
    queued.sort(key=_queue_key)
    return on_air[:1] + queued


def _queue_key(question: QuestionRecord) -> tuple[bool, int, dt.datetime]:
    place = question.queue_position
    return (place is not None, place or 0, question.received_at)


def qa_time_left(segments: Sequence[SegmentRecord], reading: ClockReading | None) -> float:
    """Seconds of Q&A still to come: the current Q&A segment's remainder plus Q&A ahead.

    Args:
        segments: the session's running order, in order (index = the clock's segment index).
        reading: the timer's latest reading; None (or not started) means before the start.
    """
    if reading is None or not reading.started:
        return float(sum(g.planned_s for g in segments if g.kind == SegmentKind.QA))
    if reading.ended:
        return 0.0
    current = reading.segment_index
    ahead = sum(
        g.planned_s for i, g in enumerate(segments) if i > current and g.kind == SegmentKind.QA
    )
    now = 0.0
    if 0 <= current < len(segments) and segments[current].kind == SegmentKind.QA:
        now = max(reading.remaining_s, 0.0)
    return float(ahead) + now


def answer_durations(moves: Iterable[StatusMove]) -> list[float]:
    """Seconds from on air to answered, one per question answered (and not undone).

    ``moves`` are in the order they happened. A question put on air again restarts its
    clock; an answer that is undone (answered → on air) drops its duration and the question's
    clock carries on from its original start, since the official kept talking. An answered
    question hidden or referred later still took its time, so its duration stays.
    """
    started: dict[int, dt.datetime] = {}
    answered: dict[int, float] = {}
    for move in moves:
        qid = move.question_id
        if move.before == QuestionStatus.ANSWERED and move.after == QuestionStatus.ON_AIR:
            answered.pop(qid, None)
            if qid in started:
                continue
        if move.after == QuestionStatus.ON_AIR and move.before != QuestionStatus.ON_AIR:
            started[qid] = move.at
        elif move.before == QuestionStatus.ON_AIR and move.after == QuestionStatus.ANSWERED:
            start = started.get(qid)
            if start is not None:
                answered[qid] = max((move.at - start).total_seconds(), 0.0)
        elif move.before == QuestionStatus.ON_AIR and move.after != QuestionStatus.ON_AIR:
            started.pop(qid, None)
    return list(answered.values())


def typical_answer_s(
    durations: Sequence[float],
    *,
    default_s: float = DEFAULT_ANSWER_S,
    min_answers: int = MIN_ANSWERS,
) -> float:
    """The median answer time, or ``default_s`` with fewer than ``min_answers`` answers.

    Never below one second, so the fit never divides by zero.
    """
    if len(durations) < min_answers:
        return default_s
    return max(statistics.median(durations), 1.0)


def queue_fit(
    segments: Sequence[SegmentRecord], reading: ClockReading | None, typical_s: float
) -> QueueFit:
    """The time left in Q&A and how many answers of ``typical_s`` seconds fit in it."""
    left = qa_time_left(segments, reading)
    typical = max(typical_s, 1.0)
    return QueueFit(left, typical, math.floor(left / typical))
