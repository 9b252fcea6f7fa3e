"""The rundown clock: derives the on-air timer from timestamped facts, with the clock injected."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TypeVar

from studio.domain.refusals import Refusal, Refused
from studio.domain.rundown_plan import PlannedSegment, Rundown
from studio.domain.rundown_state import ClockState, PausedSpan, SegmentStart

_V = TypeVar("_V")


class Phase(StrEnum):
    """How close the current segment is to its end; shown by colour and by text."""

    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


class ClockError(Refused, ValueError):
    """An operation that makes no sense in the clock's current state: a refusal's code and
    arguments (worded by the refusal table; ``str()`` is the English, for the CLI)."""


@dataclass(frozen=True)
class ClockReading:
    """What the clock shows at one instant; every figure is derived, in seconds.

    ``running``, ``paused`` and ``ended`` are exclusive; all three are False before ``go``.
    ``planned_s`` is the current segment's effective plan (shrunk if absorbed) plus added time,
    so ``remaining_s == planned_s - elapsed_s``; it is negative in overtime.
    """

    started: bool
    running: bool
    paused: bool
    ended: bool
    segment_index: int
    segment_title: str
    phase: Phase
    planned_s: float
    elapsed_s: float
    remaining_s: float
    progress: float
    session_elapsed_s: float
    expected_end: float
    late_by_s: float


@dataclass(frozen=True)
class SegmentActual:
    """How one segment actually ran, for the after-session report.

    Attributes:
        allotted_s: the time it was given: its plan (or absorbed budget) plus added time.
        started_at: when it first began; None if it never ran.
        ended_at: when it was last left; None if it never ran or is still current.
        actual_s: time spent in it over all its visits, pauses excluded.
    """

    index: int
    title: str
    planned_s: int
    allotted_s: float
    started_at: float | None
    ended_at: float | None
    actual_s: float


# --- operations: pure, each returns a new state for the caller to persist ---


def go(state: ClockState, rundown: Rundown, now: float) -> ClockState:
    """Start the session at segment 0, or resume it if it is paused.

    Raises:
        ClockError: it is already running, or it has ended.
    """
    if state.ended:
        raise ClockError(Refusal.CLOCK_ENDED)
    if state.started:
        if state.is_paused:
            return resume(state, now)
        raise ClockError(Refusal.CLOCK_RUNNING)
    return _enter(replace(state, started_at=now), rundown, 0, now)


def next_segment(state: ClockState, rundown: Rundown, now: float) -> ClockState:
    """Move on to the next segment; on the last one, end the session.

    A pause carries over into the next segment (the moderator may move on during a break).
    """
    _require_live(state)
    now = _settle(state, now)
    following = state.current_index + 1
    if following < len(rundown.segments):
        return _enter(state, rundown, following, now)
    paused = state.paused
    if state.is_paused:
        paused = (*paused[:-1], PausedSpan(paused[-1].start, now))
    return replace(state, ended_at=now, paused=paused)


def previous_segment(state: ClockState, rundown: Rundown, now: float) -> ClockState:
    """Go back to the previous segment, which carries on where it was left.

    A segment's elapsed time is the sum of all its visits, so going back right after a
    mistaken ``next`` shows the same countdown as before (minus the few seconds spent away).
    """
    _require_live(state)
    if state.current_index == 0:
        raise ClockError(Refusal.CLOCK_AT_FIRST)
    return _enter(state, rundown, state.current_index - 1, now)


def jump_to(state: ClockState, rundown: Rundown, index: int, now: float) -> ClockState:
    """Make segment ``index`` current; like ``previous``, it carries on where it was left.

    Jumping to the current segment changes nothing.
    """
    _require_live(state)
    _segment(rundown, index)
    if index == state.current_index:
        return state
    return _enter(state, rundown, index, now)


def pause(state: ClockState, now: float) -> ClockState:
    """Stop the clock: paused time counts neither in the segment nor in the session."""
    _require_live(state)
    if state.is_paused:
        raise ClockError(Refusal.CLOCK_PAUSED)
    return replace(state, paused=(*state.paused, PausedSpan(_settle(state, now))))


def resume(state: ClockState, now: float) -> ClockState:
    """Let a paused clock run again."""
    _require_live(state)
    if not state.is_paused:
        raise ClockError(Refusal.CLOCK_NOT_PAUSED)
    last = state.paused[-1]
    return replace(state, paused=(*state.paused[:-1], PausedSpan(last.start, _settle(state, now))))


def add_time(state: ClockState, seconds: int) -> ClockState:
    """Give the current segment ``seconds`` more (negative: fewer); the expected end moves too."""
    _require_live(state)
    index = state.current_index
    return replace(state, added_s=_put(state.added_s, index, state.added_for(index) + seconds))


def set_absorb(state: ClockState, on: bool) -> ClockState:
    """Switch absorbing an overrun on or off.

    It changes only how segments not yet begun are derived; the current one keeps its time.
    """
    return replace(state, absorb=on)


# --- derivations: pure functions of the state, the rundown and now ---


def reading(state: ClockState, rundown: Rundown, now: float) -> ClockReading:
    """Everything the timer, the official's screen and ``timer status`` show at ``now``."""
    now = _settle(state, now)
    facts = _facts(state, now)
    index = state.current_index
    segment = _segment(rundown, index)
    start = _anchor(state, rundown, now)
    ahead = _ahead(state, rundown, facts, index, start)
    planned = ahead[index] + state.added_for(index)
    elapsed = facts.elapsed.get(index, 0.0)
    remaining = planned - elapsed
    if state.ended_at is not None:
        expected_end = state.ended_at
    else:
        expected_end = start + sum(
            max(seconds + state.added_for(i) - facts.elapsed.get(i, 0.0), 0.0)
            for i, seconds in ahead.items()
        )
    if planned > 0:
        progress = min(max(elapsed / planned, 0.0), 1.0)
    else:
        progress = 1.0 if state.started else 0.0
    live = state.started and not state.ended
    return ClockReading(
        started=state.started,
        running=live and not state.is_paused,
        paused=live and state.is_paused,
        ended=state.ended,
        segment_index=index,
        segment_title=segment.title,
        phase=_phase(remaining, segment),
        planned_s=planned,
        elapsed_s=elapsed,
        remaining_s=remaining,
        progress=progress,
        session_elapsed_s=_session_elapsed(state, facts),
        expected_end=expected_end,
        late_by_s=expected_end - scheduled_end(state, rundown, now),
    )


def effective_planned(state: ClockState, rundown: Rundown, index: int, now: float) -> float:
    """Planned seconds of segment ``index`` (added time excluded), shrunk if absorbing.

    A segment keeps the budget it had when it began; only segments not yet begun and after
    the current one follow the absorbing as it changes.
    """
    now = _settle(state, now)
    facts = _facts(state, now)
    ahead = _ahead(state, rundown, facts, state.current_index, _anchor(state, rundown, now))
    return ahead.get(index, _budget(state, rundown, index))


def scheduled_end(state: ClockState, rundown: Rundown, now: float) -> float:
    """When the session should end: the slot's end, else its (expected) start plus the plan."""
    if rundown.scheduled_end is not None:
        return rundown.scheduled_end
    begin = state.started_at if state.started_at is not None else _anchor(state, rundown, now)
    return begin + rundown.total_planned_s


def segment_actuals(state: ClockState, rundown: Rundown, now: float) -> tuple[SegmentActual, ...]:
    """Per planned segment, when it actually ran and for how long, against its plan."""
    now = _settle(state, now)
    facts = _facts(state, now)
    first: dict[int, float] = {}
    left: dict[int, float] = {}
    for n, start in enumerate(state.segment_starts):
        first.setdefault(start.index, start.at)
        if n + 1 < len(state.segment_starts):
            left[start.index] = state.segment_starts[n + 1].at
        elif state.ended_at is not None:
            left[start.index] = state.ended_at
        else:
            left.pop(start.index, None)  # still running
    return tuple(
        SegmentActual(
            index=i,
            title=segment.title,
            planned_s=segment.planned_s,
            allotted_s=_budget(state, rundown, i) + state.added_for(i),
            started_at=first.get(i),
            ended_at=left.get(i),
            actual_s=facts.elapsed.get(i, 0.0),
        )
        for i, segment in enumerate(rundown.segments)
    )


class RundownClock:
    """The clock a service holds: a rundown, the current state and an injected wall clock.

    Each operation replaces ``state`` and returns it, so the caller can persist every change
    before anything else happens. The operations raise ``ClockError`` as the pure ones do.
    """

    def __init__(
        self,
        rundown: Rundown,
        state: ClockState | None = None,
        *,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.rundown = rundown
        self.state = state if state is not None else ClockState()
        self._now = now

    def go(self) -> ClockState:
        return self._set(go(self.state, self.rundown, self._now()))

    def next(self) -> ClockState:
        return self._set(next_segment(self.state, self.rundown, self._now()))

    def previous(self) -> ClockState:
        return self._set(previous_segment(self.state, self.rundown, self._now()))

    def jump(self, index: int) -> ClockState:
        return self._set(jump_to(self.state, self.rundown, index, self._now()))

    def pause(self) -> ClockState:
        return self._set(pause(self.state, self._now()))

    def resume(self) -> ClockState:
        return self._set(resume(self.state, self._now()))

    def add(self, seconds: int) -> ClockState:
        return self._set(add_time(self.state, seconds))

    def set_absorb(self, on: bool) -> ClockState:
        return self._set(set_absorb(self.state, on))

    def reading(self, now: float | None = None) -> ClockReading:
        return reading(self.state, self.rundown, self._now() if now is None else now)

    def effective_planned(self, index: int) -> float:
        return effective_planned(self.state, self.rundown, index, self._now())

    def segment_actuals(self) -> tuple[SegmentActual, ...]:
        return segment_actuals(self.state, self.rundown, self._now())

    def _set(self, state: ClockState) -> ClockState:
        self.state = state
        return state


# --- internals ---


@dataclass(frozen=True)
class _Facts:
    """The state resolved at one instant: open spans closed, visits summed per segment."""

    end: float
    pauses: tuple[tuple[float, float], ...]
    elapsed: dict[int, float]


def _facts(state: ClockState, now: float) -> _Facts:
    end = state.ended_at if state.ended_at is not None else now
    pauses = tuple((span.start, end if span.end is None else span.end) for span in state.paused)
    elapsed: dict[int, float] = {}
    starts = state.segment_starts
    for n, start in enumerate(starts):
        stop = starts[n + 1].at if n + 1 < len(starts) else end
        elapsed[start.index] = elapsed.get(start.index, 0.0) + _active(start.at, stop, pauses)
    return _Facts(end, pauses, elapsed)


def _active(begin: float, end: float, pauses: Iterable[tuple[float, float]]) -> float:
    """Seconds between begin and end that were not paused."""
    overlap = sum(max(0.0, min(end, stop) - max(begin, start)) for start, stop in pauses)
    return max(0.0, end - begin - overlap)


def _session_elapsed(state: ClockState, facts: _Facts) -> float:
    if state.started_at is None:
        return 0.0
    return _active(state.started_at, facts.end, facts.pauses)


def _settle(state: ClockState, now: float) -> float:
    """Treat a wall clock that stepped back (NTP) as standing still, so no span is negative."""
    stamps = [now, *(start.at for start in state.segment_starts)]
    stamps += [span.start if span.end is None else span.end for span in state.paused]
    stamps += [stamp for stamp in (state.started_at, state.ended_at) if stamp is not None]
    return max(stamps)


def _anchor(state: ClockState, rundown: Rundown, now: float) -> float:
    """The instant the plan ahead counts from: now, or the scheduled start if still to come."""
    if state.started or rundown.scheduled_start is None:
        return now
    return max(now, rundown.scheduled_start)


def _segment(rundown: Rundown, index: int) -> PlannedSegment:
    if not 0 <= index < len(rundown.segments):
        raise ClockError(Refusal.CLOCK_NO_SEGMENT, number=index + 1, count=len(rundown.segments))
    return rundown.segments[index]


def _budget(state: ClockState, rundown: Rundown, index: int) -> float:
    """A segment's plan, or the shrunk budget it was given when it began."""
    return dict(state.budgets_s).get(index, float(_segment(rundown, index).planned_s))


def _ahead(
    state: ClockState, rundown: Rundown, facts: _Facts, first: int, start: float
) -> dict[int, float]:
    """Planned seconds of segments ``first`` to the last, those not yet begun absorbed if on.

    Segments already begun keep their budget and count with what is left of them; the ones
    not begun share the rest of the time until the scheduled end.
    """
    planned = {i: _budget(state, rundown, i) for i in range(first, len(rundown.segments))}
    if not state.absorb or state.ended:
        return planned
    begun = {i: s for i, s in planned.items() if i in facts.elapsed}
    fresh = {i: s for i, s in planned.items() if i not in facts.elapsed}
    left = sum(max(s + state.added_for(i) - facts.elapsed[i], 0.0) for i, s in begun.items())
    available = scheduled_end(state, rundown, start) - start - left
    return planned | _shrink(fresh, available, rundown.floor_s)


def _shrink(planned: dict[int, float], available: float, floor_s: float) -> dict[int, float]:
    """Scale ``planned`` by one ratio to fit ``available``, holding each at its floor at least.

    Never grows a segment: absorbing an overrun does not hand out spare time.
    """
    if sum(planned.values()) <= available:
        return planned
    floors = {i: min(s, floor_s) for i, s in planned.items()}
    if sum(floors.values()) >= available:
        return floors
    held: set[int] = set()
    ratio = 1.0
    while True:
        free = sum(s for i, s in planned.items() if i not in held)
        if free <= 0:
            break
        ratio = (available - sum(floors[i] for i in held)) / free
        newly = {i for i, s in planned.items() if i not in held and s * ratio < floors[i]}
        if not newly:
            break
        held |= newly
    return {i: floors[i] if i in held else s * ratio for i, s in planned.items()}


def _phase(remaining: float, segment: PlannedSegment) -> Phase:
    if remaining <= 0:
        return Phase.OVERTIME
    if remaining <= segment.danger_s:
        return Phase.DANGER
    if remaining <= segment.warning_s:
        return Phase.WARNING
    return Phase.NORMAL


def _enter(state: ClockState, rundown: Rundown, index: int, now: float) -> ClockState:
    """Make ``index`` current from now; if it is new and absorbing, fix its shrunk budget."""
    _segment(rundown, index)
    now = _settle(state, now)
    entered = replace(state, segment_starts=(*state.segment_starts, SegmentStart(index, now)))
    facts = _facts(state, now)
    if not state.absorb or index in facts.elapsed:
        return entered
    budget = _ahead(state, rundown, facts, index, now)[index]
    if budget >= rundown.segments[index].planned_s:
        return entered
    return replace(entered, budgets_s=_put(state.budgets_s, index, budget))


def _require_live(state: ClockState) -> None:
    if not state.started:
        raise ClockError(Refusal.CLOCK_NOT_STARTED)
    if state.ended:
        raise ClockError(Refusal.CLOCK_ENDED)


def _put(pairs: tuple[tuple[int, _V], ...], index: int, value: _V) -> tuple[tuple[int, _V], ...]:
    return tuple(sorted({**dict(pairs), index: value}.items()))
