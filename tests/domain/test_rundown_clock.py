"""The rundown clock: operations, illegal operations, persistence, absorbing, and its laws."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from studio.domain.model import SegmentKind
from studio.domain.refusals import Refusal
from studio.domain.rundown_clock import (
    ClockError,
    Phase,
    RundownClock,
    add_time,
    effective_planned,
    go,
    jump_to,
    next_segment,
    pause,
    previous_segment,
    reading,
    resume,
    segment_actuals,
    set_absorb,
)
from studio.domain.rundown_plan import DEFAULT_DAILY_RUNDOWN, PlannedSegment, Rundown
from studio.domain.rundown_state import ClockState, PausedSpan, SegmentStart

T0 = 1_750_000_000.0  # a wall-clock instant; whole and quarter seconds stay exact near it
HOUR = Rundown(DEFAULT_DAILY_RUNDOWN)
SLOT = Rundown(DEFAULT_DAILY_RUNDOWN, scheduled_start=T0, scheduled_end=T0 + 3600)
PHASE_ORDER = [Phase.NORMAL, Phase.WARNING, Phase.DANGER, Phase.OVERTIME]


def started(rundown: Rundown = HOUR, at: float = T0) -> ClockState:
    return go(ClockState(), rundown, at)


def at_segment(index: int, rundown: Rundown = HOUR) -> ClockState:
    """A session started at T0 that moved on to ``index`` exactly on plan."""
    state = started(rundown)
    now = T0
    for segment in rundown.segments[:index]:
        now += segment.planned_s
        state = next_segment(state, rundown, now)
    return state


def segment_start(index: int) -> float:
    return T0 + sum(s.planned_s for s in DEFAULT_DAILY_RUNDOWN[:index])


class FakeClock:
    """A wall clock the test moves by hand."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


# --- the plan ---


def test_default_rundown_is_the_county_hour() -> None:
    assert [s.title for s in DEFAULT_DAILY_RUNDOWN] == [
        "开场",
        "政策解读",
        "网友提问",
        "转办回音",
        "结束语",
    ]
    assert [s.kind for s in DEFAULT_DAILY_RUNDOWN] == [
        SegmentKind.OPENING,
        SegmentKind.BRIEFING,
        SegmentKind.QA,
        SegmentKind.REPORT_BACK,
        SegmentKind.CLOSING,
    ]
    assert HOUR.total_planned_s == 3600


@pytest.mark.parametrize(
    ("planned", "warning", "danger"), [(-1, 120, 60), (600, 60, 120), (600, 120, -1)]
)
def test_planned_segment_rejects_nonsense(planned: int, warning: int, danger: int) -> None:
    with pytest.raises(ValueError):
        PlannedSegment("x", SegmentKind.OTHER, planned, warning, danger)


def test_rundown_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="at least one"):
        Rundown(())
    with pytest.raises(ValueError, match="floor_s"):
        Rundown(floor_s=-1)
    with pytest.raises(ValueError, match="before"):
        Rundown(scheduled_start=T0, scheduled_end=T0 - 1)


# --- before go ---


def test_before_go_shows_the_first_segment_untouched() -> None:
    r = reading(ClockState(), HOUR, T0)
    assert (r.started, r.running, r.paused, r.ended) == (False, False, False, False)
    assert (r.segment_index, r.segment_title) == (0, "开场")
    assert (r.elapsed_s, r.remaining_s, r.session_elapsed_s) == (0, 180, 0)
    assert r.phase is Phase.NORMAL
    assert r.progress == 0
    assert r.expected_end == T0 + 3600
    assert r.late_by_s == 0


def test_before_go_counts_from_the_scheduled_start() -> None:
    early = reading(ClockState(), SLOT, T0 - 600)
    assert early.expected_end == T0 + 3600 and early.late_by_s == 0
    late = reading(ClockState(), SLOT, T0 + 90)
    assert late.expected_end == T0 + 3690 and late.late_by_s == 90


@pytest.mark.parametrize(
    "op",
    [
        lambda s: next_segment(s, HOUR, T0),
        lambda s: previous_segment(s, HOUR, T0),
        lambda s: jump_to(s, HOUR, 2, T0),
        lambda s: pause(s, T0),
        lambda s: resume(s, T0),
        lambda s: add_time(s, 60),
    ],
)
def test_operations_before_go_are_refused(op: Callable[[ClockState], ClockState]) -> None:
    with pytest.raises(ClockError, match="not started"):
        op(ClockState())


# --- go, next, previous, jump ---


def test_go_starts_segment_zero_now() -> None:
    state = started()
    assert state.started_at == T0
    assert state.segment_starts == (SegmentStart(0, T0),)
    r = reading(state, HOUR, T0 + 30)
    assert r.running and not r.paused
    assert (r.elapsed_s, r.remaining_s, r.session_elapsed_s) == (30, 150, 30)
    assert r.progress == pytest.approx(30 / 180)


def test_go_twice_is_refused_but_go_resumes_a_pause() -> None:
    state = started()
    with pytest.raises(ClockError, match="already running"):
        go(state, HOUR, T0 + 1)
    paused = pause(state, T0 + 10)
    assert go(paused, HOUR, T0 + 40) == resume(paused, T0 + 40)


def test_next_starts_the_following_segment_fresh() -> None:
    state = next_segment(started(), HOUR, T0 + 200)
    r = reading(state, HOUR, T0 + 200)
    assert (r.segment_index, r.segment_title) == (1, "政策解读")
    assert (r.elapsed_s, r.remaining_s) == (0, 720)
    assert r.session_elapsed_s == 200
    assert r.expected_end == T0 + 200 + 720 + 2100 + 420 + 180
    assert r.late_by_s == 20


def test_next_on_the_last_segment_ends_the_session() -> None:
    state = next_segment(at_segment(4), HOUR, T0 + 3650)
    assert state.ended_at == T0 + 3650
    r = reading(state, HOUR, T0 + 9999)
    assert (r.started, r.running, r.paused, r.ended) == (True, False, False, True)
    assert r.segment_index == 4
    assert (r.elapsed_s, r.remaining_s, r.session_elapsed_s) == (230, -50, 3650)
    assert r.phase is Phase.OVERTIME
    assert (r.expected_end, r.late_by_s) == (T0 + 3650, 50)


@pytest.mark.parametrize(
    "op",
    [
        lambda s: go(s, HOUR, T0 + 4000),
        lambda s: next_segment(s, HOUR, T0 + 4000),
        lambda s: previous_segment(s, HOUR, T0 + 4000),
        lambda s: jump_to(s, HOUR, 0, T0 + 4000),
        lambda s: pause(s, T0 + 4000),
        lambda s: resume(s, T0 + 4000),
        lambda s: add_time(s, 60),
    ],
)
def test_operations_after_the_end_are_refused(op: Callable[[ClockState], ClockState]) -> None:
    ended = next_segment(at_segment(4), HOUR, T0 + 3600)
    with pytest.raises(ClockError, match="ended"):
        op(ended)


def test_previous_carries_on_where_the_segment_was_left() -> None:
    # A mistaken "next" undone ten seconds later: the briefing has lost nothing but those ten.
    state = next_segment(at_segment(1), HOUR, segment_start(1) + 300)
    state = previous_segment(state, HOUR, segment_start(1) + 310)
    r = reading(state, HOUR, segment_start(1) + 320)
    assert r.segment_index == 1
    assert r.elapsed_s == 310
    assert r.remaining_s == 720 - 310
    actual = segment_actuals(state, HOUR, segment_start(1) + 320)
    assert actual[2].actual_s == 10


def test_previous_on_the_first_segment_is_refused() -> None:
    with pytest.raises(ClockError, match="first segment"):
        previous_segment(started(), HOUR, T0 + 5)


def test_jump_goes_anywhere_in_the_rundown() -> None:
    state = jump_to(started(), HOUR, 3, T0 + 60)
    r = reading(state, HOUR, T0 + 90)
    assert (r.segment_index, r.segment_title, r.elapsed_s) == (3, "转办回音", 30)
    # Expected end follows the rundown on from where we are: segments 3 and 4 only.
    assert r.expected_end == T0 + 90 + 390 + 180


@pytest.mark.parametrize("index", [-1, 5, 99])
def test_jump_out_of_range_is_refused(index: int) -> None:
    with pytest.raises(ClockError, match="no segment") as refused:
        jump_to(started(), HOUR, index, T0 + 1)
    # a code and its arguments for the interface's table; the English for the CLI
    assert refused.value.code == Refusal.CLOCK_NO_SEGMENT
    assert refused.value.arguments == {"number": index + 1, "count": len(HOUR.segments)}


def test_jump_to_the_current_segment_changes_nothing() -> None:
    state = started()
    assert jump_to(state, HOUR, 0, T0 + 5) is state


# --- pause and resume ---


def test_paused_time_counts_nowhere() -> None:
    state = pause(started(), T0 + 60)
    during = reading(state, HOUR, T0 + 400)
    assert during.paused and not during.running
    assert (during.elapsed_s, during.session_elapsed_s) == (60, 60)
    assert during.expected_end == T0 + 400 + 120 + 3420  # the pause delays the end
    state = resume(state, T0 + 460)
    after = reading(state, HOUR, T0 + 470)
    assert after.running
    assert (after.elapsed_s, after.remaining_s, after.session_elapsed_s) == (70, 110, 70)


def test_pause_and_resume_at_the_wrong_time_are_refused() -> None:
    state = pause(started(), T0 + 1)
    with pytest.raises(ClockError, match="already paused"):
        pause(state, T0 + 2)
    with pytest.raises(ClockError, match="not paused"):
        resume(started(), T0 + 2)


def test_a_pause_carries_into_the_next_segment_and_closes_at_the_end() -> None:
    state = pause(started(), T0 + 100)
    state = next_segment(state, HOUR, T0 + 150)
    r = reading(state, HOUR, T0 + 200)
    assert r.paused and (r.segment_index, r.elapsed_s) == (1, 0)
    state = jump_to(state, HOUR, 4, T0 + 210)
    state = next_segment(state, HOUR, T0 + 220)
    assert state.paused[-1] == PausedSpan(T0 + 100, T0 + 220)
    assert reading(state, HOUR, T0 + 300).session_elapsed_s == 100


# --- adding time and phases ---


def test_add_and_subtract_time_move_remaining_and_the_end() -> None:
    state = started()
    base = reading(state, HOUR, T0 + 10)
    plus = reading(add_time(state, 60), HOUR, T0 + 10)
    minus = reading(add_time(add_time(state, 60), -90), HOUR, T0 + 10)
    assert (plus.remaining_s, plus.planned_s) == (230, 240)
    assert plus.expected_end - base.expected_end == 60
    assert minus.remaining_s == 140
    assert minus.expected_end - base.expected_end == -30


def test_added_time_stays_with_its_segment() -> None:
    state = add_time(started(), 45)
    state = next_segment(state, HOUR, T0 + 100)
    assert reading(state, HOUR, T0 + 100).planned_s == 720
    state = previous_segment(state, HOUR, T0 + 110)
    assert reading(state, HOUR, T0 + 110).remaining_s == 180 + 45 - 100


@pytest.mark.parametrize(
    ("elapsed", "phase"),
    [
        (0, Phase.NORMAL),
        (599, Phase.NORMAL),
        (600, Phase.WARNING),  # 120 s left: warning
        (659, Phase.WARNING),
        (660, Phase.DANGER),  # 60 s left: danger
        (719, Phase.DANGER),
        (720, Phase.OVERTIME),  # nothing left
        (900, Phase.OVERTIME),
    ],
)
def test_phase_boundaries(elapsed: int, phase: Phase) -> None:
    state = at_segment(1)
    r = reading(state, HOUR, segment_start(1) + elapsed)
    assert r.phase is phase
    assert r.remaining_s == 720 - elapsed


def test_overtime_delays_the_end_as_it_runs() -> None:
    state = at_segment(1)
    r = reading(state, HOUR, segment_start(1) + 800)
    assert r.remaining_s == -80
    assert r.progress == 1
    assert r.expected_end == segment_start(1) + 800 + 2100 + 420 + 180
    assert r.late_by_s == 80


def test_late_by_counts_against_the_slot_when_known() -> None:
    state = started(SLOT, at=T0 + 120)  # two minutes late on air
    assert reading(state, SLOT, T0 + 120).late_by_s == 120
    assert reading(state, HOUR, T0 + 120).late_by_s == 0  # no slot: measured from the start


def test_a_clock_that_steps_back_stands_still() -> None:
    state = started()
    r = reading(state, HOUR, T0 - 30)
    assert (r.elapsed_s, r.session_elapsed_s) == (0, 0)
    state = next_segment(state, HOUR, T0 + 50)
    assert next_segment(state, HOUR, T0 + 40).segment_starts[-1] == SegmentStart(2, T0 + 50)


# --- what actually ran ---


def test_segment_actuals_report_each_segments_run() -> None:
    state = pause(started(), T0 + 100)
    state = resume(state, T0 + 130)
    state = add_time(state, 30)
    state = next_segment(state, HOUR, T0 + 250)
    actuals = segment_actuals(state, HOUR, T0 + 400)
    first, second, *rest = actuals
    assert (first.title, first.planned_s, first.allotted_s) == ("开场", 180, 210)
    assert (first.started_at, first.ended_at, first.actual_s) == (T0, T0 + 250, 220)
    assert (second.started_at, second.ended_at, second.actual_s) == (T0 + 250, None, 150)
    assert all(a.started_at is None and a.actual_s == 0 for a in rest)
    assert len(actuals) == 5


# --- the facade ---


def test_rundown_clock_reads_its_injected_clock() -> None:
    now = FakeClock()
    clock = RundownClock(SLOT, now=now)
    assert clock.state == ClockState()
    saved = clock.go()
    assert clock.state is saved and saved.started_at == T0
    now.now += 200
    clock.pause()
    now.now += 50
    clock.resume()
    clock.add(-20)
    clock.next()
    now.now += 10
    clock.previous()
    clock.jump(2)
    clock.set_absorb(True)
    r = clock.reading()
    assert (r.segment_index, r.session_elapsed_s) == (2, 210)
    assert clock.reading(now.now + 5).elapsed_s == 5
    assert clock.effective_planned(2) == 2100
    assert [a.actual_s for a in clock.segment_actuals()][:3] == [200, 10, 0]


# --- persistence ---


def a_busy_state() -> ClockState:
    state = add_time(started(SLOT), 30)
    state = pause(state, T0 + 100)
    state = resume(state, T0 + 112.5)
    state = set_absorb(next_segment(state, SLOT, T0 + 900), True)
    state = next_segment(state, SLOT, T0 + 1700)
    return pause(state, T0 + 1800)


def test_json_round_trip_through_text() -> None:
    state = a_busy_state()
    assert state.budgets_s  # absorbing shrank the Q&A when it began
    data = state.to_json()
    assert data["version"] == 1
    assert ClockState.from_json(json.loads(json.dumps(data))) == state
    assert ClockState.from_json(ClockState().to_json()) == ClockState()


def test_a_restart_resumes_exactly() -> None:
    state = a_busy_state()
    text = json.dumps(state.to_json())  # persisted, then the process is killed
    revived = RundownClock(SLOT, ClockState.from_json(json.loads(text)), now=lambda: T0 + 2000)
    assert revived.reading() == reading(state, SLOT, T0 + 2000)


def _with(**changes: object) -> dict[str, object]:
    data = a_busy_state().to_json()
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        (_with(version=2), "version"),
        ({k: v for k, v in _with().items() if k != "paused"}, "lacks the field 'paused'"),
        (_with(started_at="15:00"), "started_at"),
        (_with(started_at=True), "started_at"),
        (_with(started_at=math.nan), "started_at"),
        (_with(segment_starts=[[0]]), "pairs"),
        (_with(segment_starts=[[-1, T0]]), "negative"),
        (_with(segment_starts=[[0.5, T0]]), "whole number"),
        (_with(added_s=[[0, 1], [0, 2]]), "twice"),
        (_with(absorb="yes"), "absorb"),
        (_with(paused=[[T0 + 1, None], [T0 + 2, T0 + 3]]), "only the last"),
        (_with(segment_starts=[[0, T0], [1, T0 - 5]]), "time order"),
        (_with(ended_at=T0 + 5000), "still be paused"),
        (_with(ended_at=T0 + 10, paused=[]), "before another event"),
        (_with(started_at=None), "not started"),
        (_with(segment_starts=[]), "at least one segment start"),
    ],
)
def test_malformed_json_is_refused_with_a_reason(data: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ClockState.from_json(data)


# --- absorbing an overrun ---


def overrun_qa(by: float) -> tuple[ClockState, float]:
    """The Q&A of a session on the 15:00–16:00 slot, overrunning by ``by`` seconds."""
    state = at_segment(2, SLOT)
    return state, segment_start(2) + 2100 + by


def test_absorb_shrinks_later_segments_in_proportion() -> None:
    state, now = overrun_qa(300)
    assert reading(state, SLOT, now).late_by_s == 300
    state = set_absorb(state, True)
    assert effective_planned(state, SLOT, 3, now) == pytest.approx(210)
    assert effective_planned(state, SLOT, 4, now) == pytest.approx(90)
    assert effective_planned(state, SLOT, 2, now) == 2100  # the current one keeps its time
    r = reading(state, SLOT, now)
    assert r.expected_end == pytest.approx(T0 + 3600)
    assert r.late_by_s == pytest.approx(0)
    # Entering the report-back fixes its shrunk budget; time passing no longer changes it.
    state = next_segment(state, SLOT, now)
    assert reading(state, SLOT, now).planned_s == pytest.approx(210)
    assert effective_planned(state, SLOT, 3, now + 500) == pytest.approx(210)


def test_absorb_never_goes_below_the_floor() -> None:
    state, now = overrun_qa(540)  # 60 s left for 10 planned minutes
    state = set_absorb(state, True)
    assert [effective_planned(state, SLOT, i, now) for i in (3, 4)] == [60, 60]
    assert reading(state, SLOT, now).late_by_s == pytest.approx(60)


def test_absorb_holds_one_segment_at_its_floor_and_scales_the_rest() -> None:
    state, now = overrun_qa(420)  # 180 s left for 420 + 180
    state = set_absorb(state, True)
    assert effective_planned(state, SLOT, 3, now) == pytest.approx(120)
    assert effective_planned(state, SLOT, 4, now) == pytest.approx(60)
    assert reading(state, SLOT, now).late_by_s == pytest.approx(0)


def test_absorb_never_grows_segments_when_running_early() -> None:
    state = set_absorb(at_segment(2, SLOT), True)
    now = segment_start(2) + 600
    state = next_segment(state, SLOT, now)  # Q&A ended 25 minutes early
    assert state.budgets_s == ()
    assert reading(state, SLOT, now).late_by_s == -1500


def test_absorb_off_gives_later_segments_their_plan_back() -> None:
    state, now = overrun_qa(300)
    state = set_absorb(state, True)
    state = next_segment(state, SLOT, now)
    state = set_absorb(state, False)
    assert effective_planned(state, SLOT, 3, now) == pytest.approx(210)  # already begun
    assert effective_planned(state, SLOT, 4, now) == 180


def test_absorb_takes_in_a_late_start() -> None:
    state = set_absorb(ClockState(), True)
    late = T0 + 360
    assert effective_planned(state, SLOT, 2, late) == pytest.approx(2100 * 0.9)
    state = go(state, SLOT, late)
    r = reading(state, SLOT, late)
    assert r.planned_s == pytest.approx(162)
    assert r.late_by_s == pytest.approx(0)


def test_absorb_swallows_added_time_while_it_can() -> None:
    state, now = overrun_qa(0)
    state = set_absorb(state, True)
    assert reading(add_time(state, 120), SLOT, now).late_by_s == pytest.approx(0)


# --- laws, over random sessions ---

OPS = ("go", "next", "previous", "jump", "pause", "resume", "add")
quarter_seconds = st.integers(0, 3600).map(lambda q: q / 4)
steps = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(-600, 600), quarter_seconds), max_size=25
)


@st.composite
def rundowns(draw: st.DrawFn) -> Rundown:
    segments = draw(
        st.lists(
            st.tuples(st.integers(0, 1800), st.integers(0, 300), st.integers(0, 300)),
            min_size=1,
            max_size=5,
        )
    )
    plan = tuple(
        PlannedSegment(f"s{i}", SegmentKind.OTHER, p, max(w, d), min(w, d))
        for i, (p, w, d) in enumerate(segments)
    )
    total = sum(s.planned_s for s in plan)
    end = draw(st.none() | st.integers(0, 2 * total + 600).map(lambda e: T0 + e))
    return Rundown(
        plan, scheduled_start=T0, scheduled_end=end, floor_s=draw(st.sampled_from([0, 30, 60]))
    )


@dataclass
class CountingModel:
    """The naive stopwatch the clock must agree with: it counts time instead of deriving it."""

    segments: int
    started: bool = False
    ended: bool = False
    paused: bool = False
    current: int = 0
    session: float = 0.0
    elapsed: dict[int, float] = field(default_factory=dict)
    added: dict[int, int] = field(default_factory=dict)

    def allows(self, op: str, arg: int) -> bool:
        live = self.started and not self.ended
        return {
            "go": not self.ended and (not self.started or self.paused),
            "next": live,
            "previous": live and self.current > 0,
            "jump": live and 0 <= arg < self.segments,
            "pause": live and not self.paused,
            "resume": live and self.paused,
            "add": live,
        }[op]

    def apply(self, op: str, arg: int) -> None:
        if op == "go":
            self.started, self.paused = True, False
        elif op == "next":
            if self.current + 1 < self.segments:
                self.current += 1
            else:
                self.ended, self.paused = True, False
        elif op == "previous":
            self.current -= 1
        elif op == "jump":
            self.current = arg
        elif op in ("pause", "resume"):
            self.paused = op == "pause"
        else:
            self.added[self.current] = self.added.get(self.current, 0) + arg

    def wait(self, seconds: float) -> None:
        if self.started and not self.ended and not self.paused:
            self.session += seconds
            self.elapsed[self.current] = self.elapsed.get(self.current, 0.0) + seconds


def perform(state: ClockState, rundown: Rundown, op: str, arg: int, now: float) -> ClockState:
    if op == "go":
        return go(state, rundown, now)
    if op == "next":
        return next_segment(state, rundown, now)
    if op == "previous":
        return previous_segment(state, rundown, now)
    if op == "jump":
        return jump_to(state, rundown, arg, now)
    if op == "pause":
        return pause(state, now)
    if op == "resume":
        return resume(state, now)
    return add_time(state, arg)


def jump_arg(op: str, arg: int, rundown: Rundown) -> int:
    # Jumps aim at -1 .. len(segments), so out-of-range jumps are drawn too.
    return arg % (len(rundown.segments) + 2) - 1 if op == "jump" else arg


def play(
    rundown: Rundown, script: list[tuple[str, int, float]], absorb: bool = False
) -> tuple[ClockState, float, CountingModel]:
    """Run ``go`` then the script against both the clock and the counting model."""
    state = set_absorb(go(ClockState(), rundown, T0), absorb)
    model = CountingModel(len(rundown.segments))
    model.apply("go", 0)
    now = T0
    for op, raw, wait in script:
        arg = jump_arg(op, raw, rundown)
        if model.allows(op, arg):
            state = perform(state, rundown, op, arg, now)
            model.apply(op, arg)
        else:
            with pytest.raises(ClockError):
                perform(state, rundown, op, arg, now)
        now += wait
        model.wait(wait)
    return state, now, model


@settings(max_examples=200, deadline=None)
@given(rundowns(), steps)
def test_derived_time_agrees_with_a_counting_stopwatch(
    rundown: Rundown, script: list[tuple[str, int, float]]
) -> None:
    """Pauses never count, and remaining = planned + added − elapsed."""
    state, now, model = play(rundown, script)
    r = reading(state, rundown, now)
    index = model.current
    assert (r.segment_index, r.ended, r.paused) == (index, model.ended, model.paused)
    assert r.elapsed_s == pytest.approx(model.elapsed.get(index, 0.0))
    assert r.session_elapsed_s == pytest.approx(model.session)
    planned = rundown.segments[index].planned_s
    assert r.planned_s == planned + model.added.get(index, 0)
    assert r.remaining_s == pytest.approx(planned + model.added.get(index, 0) - r.elapsed_s)
    for actual in segment_actuals(state, rundown, now):
        assert actual.actual_s == pytest.approx(model.elapsed.get(actual.index, 0.0))


@settings(max_examples=200, deadline=None)
@given(rundowns(), steps, st.integers(0, 25), quarter_seconds)
def test_a_pause_shifts_everything_by_its_length_and_changes_nothing_else(
    rundown: Rundown, script: list[tuple[str, int, float]], where: int, length: float
) -> None:
    rundown = replace(rundown, scheduled_end=None)
    plain, now, _ = play(rundown, script)
    where = min(where, len(script))
    # The same session, paused for ``length`` seconds before step ``where``.
    _, _, model = play(rundown, script[:where])
    assume(model.started and not model.ended and not model.paused)
    pausing = [("pause", 0, length), ("resume", 0, 0.0)]
    shifted, shifted_now, _ = play(rundown, script[:where] + pausing + script[where:])
    assert shifted_now == now + length
    a, b = reading(plain, rundown, now), reading(shifted, rundown, shifted_now)
    assert b.elapsed_s == pytest.approx(a.elapsed_s)
    assert b.remaining_s == pytest.approx(a.remaining_s)
    assert b.session_elapsed_s == pytest.approx(a.session_elapsed_s)
    assert (b.segment_index, b.ended) == (a.segment_index, a.ended)
    assert b.expected_end == pytest.approx(a.expected_end + length)


@settings(max_examples=200, deadline=None)
@given(rundowns(), steps, st.booleans(), st.lists(quarter_seconds, min_size=1, max_size=6))
def test_the_phase_only_moves_forward_as_time_passes(
    rundown: Rundown,
    script: list[tuple[str, int, float]],
    absorb: bool,
    waits: list[float],
) -> None:
    state, now, _ = play(rundown, script, absorb)
    before = reading(state, rundown, now)
    for wait in waits:
        now += wait
        after = reading(state, rundown, now)
        assert after.segment_index == before.segment_index
        assert after.remaining_s <= before.remaining_s
        assert PHASE_ORDER.index(after.phase) >= PHASE_ORDER.index(before.phase)
        before = after


@settings(max_examples=200, deadline=None)
@given(rundowns(), steps, st.integers(-900, 900))
def test_adding_n_seconds_moves_the_expected_end_by_n(
    rundown: Rundown, script: list[tuple[str, int, float]], seconds: int
) -> None:
    state, now, model = play(rundown, script)
    assume(not model.ended)
    before = reading(state, rundown, now)
    after = reading(add_time(state, seconds), rundown, now)
    assert after.remaining_s == pytest.approx(before.remaining_s + seconds)
    moved = after.expected_end - before.expected_end
    assert after.late_by_s - before.late_by_s == pytest.approx(moved)
    if before.remaining_s >= 0 and after.remaining_s >= 0:
        assert moved == pytest.approx(seconds)
    else:
        # Overtime: the segment is over "now" whatever is added, until time is left again.
        assert moved == pytest.approx(max(after.remaining_s, 0) - max(before.remaining_s, 0))


@settings(max_examples=200, deadline=None)
@given(rundowns(), steps)
def test_absorbing_never_makes_the_session_later(
    rundown: Rundown, script: list[tuple[str, int, float]]
) -> None:
    state, now, _ = play(rundown, script, absorb=True)
    on = reading(state, rundown, now)
    off = reading(set_absorb(state, False), rundown, now)
    assert on.late_by_s <= off.late_by_s + 1e-6
    assert on.remaining_s == off.remaining_s  # the current segment keeps its time
    if on.late_by_s > 1e-6 and not on.ended:
        # Late despite absorbing: every segment not yet begun is down to its floor.
        begun = {start.index for start in state.segment_starts}
        for i in range(on.segment_index + 1, len(rundown.segments)):
            if i not in begun:
                floor = min(rundown.segments[i].planned_s, rundown.floor_s)
                assert effective_planned(state, rundown, i, now) == pytest.approx(floor)


@settings(max_examples=200, deadline=None)
@given(rundowns(), steps, st.booleans())
def test_every_reachable_state_survives_json(
    rundown: Rundown, script: list[tuple[str, int, float]], absorb: bool
) -> None:
    state, _, _ = play(rundown, script, absorb)
    assert ClockState.from_json(json.loads(json.dumps(state.to_json()))) == state
