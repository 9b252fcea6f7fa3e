"""The rundown clock's state: the timestamped facts it derives everything from, and their JSON."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

STATE_VERSION = 1

_V = TypeVar("_V")


@dataclass(frozen=True)
class SegmentStart:
    """The fact that segment ``index`` began (or was re-entered) at wall-clock time ``at``."""

    index: int
    at: float


@dataclass(frozen=True)
class PausedSpan:
    """A span during which the clock stood still; ``end`` is None while still paused."""

    start: float
    end: float | None = None


@dataclass(frozen=True)
class ClockState:
    """Everything the clock knows, as facts: timestamps (wall-clock epoch seconds) and seconds.

    Wall-clock time, not monotonic, because the state must survive a restart of the process.
    Nothing is counted; every figure is derived from these facts and "now".

    Attributes:
        started_at: when ``go`` started the session; None before.
        ended_at: when ``next`` on the last segment ended it; None before.
        segment_starts: which segment began when, oldest first; the last one is current.
        paused: paused spans, oldest first; only the last may be open.
        added_s: (segment index, seconds added to it) pairs; negative when time was taken away.
        budgets_s: (segment index, planned seconds) pairs for segments that absorbing an
            overrun shrank when they began; other segments keep their plan.
        absorb: whether segments not yet begun shrink so the session still ends on time.
    """

    started_at: float | None = None
    ended_at: float | None = None
    segment_starts: tuple[SegmentStart, ...] = ()
    paused: tuple[PausedSpan, ...] = ()
    added_s: tuple[tuple[int, int], ...] = ()
    budgets_s: tuple[tuple[int, float], ...] = ()
    absorb: bool = False

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def is_paused(self) -> bool:
        return bool(self.paused) and self.paused[-1].end is None

    @property
    def current_index(self) -> int:
        """The current segment; segment 0 before ``go``, the last one run after the end."""
        return self.segment_starts[-1].index if self.segment_starts else 0

    def added_for(self, index: int) -> int:
        """Seconds added to (negative: taken from) segment ``index``."""
        return dict(self.added_s).get(index, 0)

    def to_json(self) -> dict[str, object]:
        """The state as a dict of plain JSON types, tagged with the format's version."""
        return {
            "version": STATE_VERSION,
            "started_at": self.started_at,
            "ended_at": self.ended_at,
            "segment_starts": [[start.index, start.at] for start in self.segment_starts],
            "paused": [[span.start, span.end] for span in self.paused],
            "added_s": [[index, seconds] for index, seconds in self.added_s],
            "budgets_s": [[index, seconds] for index, seconds in self.budgets_s],
            "absorb": self.absorb,
        }

    @classmethod
    def from_json(cls, data: object) -> ClockState:
        """Read a state written by ``to_json``.

        Raises:
            ValueError: the data is not a consistent clock state; the message says what is wrong.
        """
        if not isinstance(data, dict):
            raise ValueError(f"a clock state must be a JSON object, got {type(data).__name__}")
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"unknown clock state version {data.get('version')!r}")
        absorb = data.get("absorb")
        if not isinstance(absorb, bool):
            raise ValueError(f"absorb: expected true or false, got {absorb!r}")
        try:
            state = cls(
                started_at=_optional_number(data["started_at"], "started_at"),
                ended_at=_optional_number(data["ended_at"], "ended_at"),
                segment_starts=tuple(
                    SegmentStart(_index(i, "segment_starts"), _number(at, "segment_starts"))
                    for i, at in _pairs(data["segment_starts"], "segment_starts")
                ),
                paused=tuple(
                    PausedSpan(_number(start, "paused"), _optional_number(end, "paused"))
                    for start, end in _pairs(data["paused"], "paused")
                ),
                added_s=_per_segment(data["added_s"], "added_s", _whole),
                budgets_s=_per_segment(data["budgets_s"], "budgets_s", _number),
                absorb=absorb,
            )
        except KeyError as missing:
            raise ValueError(f"clock state lacks the field {missing}") from None
        _check_order(state)
        return state


# --- reading JSON: every check says which field is wrong ---


def _number(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{field}: expected a finite number, got {value!r}")
    return float(value)


def _optional_number(value: object, field: str) -> float | None:
    return None if value is None else _number(value, field)


def _whole(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{field}: expected a whole number, got {value!r}")
    return value


def _index(value: object, field: str) -> int:
    index = _whole(value, field)
    if index < 0:
        raise ValueError(f"{field}: segment index must not be negative, got {index}")
    return index


def _pairs(value: object, field: str) -> list[tuple[object, object]]:
    if not isinstance(value, list) or not all(
        isinstance(pair, list) and len(pair) == 2 for pair in value
    ):
        raise ValueError(f"{field}: expected a list of [a, b] pairs, got {value!r}")
    return [(a, b) for a, b in value]


def _per_segment(
    value: object, field: str, read: Callable[[object, str], _V]
) -> tuple[tuple[int, _V], ...]:
    pairs = [(_index(i, field), read(v, field)) for i, v in _pairs(value, field)]
    if len({i for i, _ in pairs}) != len(pairs):
        raise ValueError(f"{field}: a segment index appears twice")
    return tuple(sorted(pairs))


def _check_order(state: ClockState) -> None:
    """Reject facts that cannot have happened: events out of order, a pause left open."""
    if state.started_at is None:
        if state.ended_at is not None or state.segment_starts or state.paused:
            raise ValueError("a clock that has not started has no segments, pauses or end")
        return
    if not state.segment_starts:
        raise ValueError("a started clock needs at least one segment start")
    starts = [state.started_at, *(start.at for start in state.segment_starts)]
    spans = [state.started_at]
    for n, span in enumerate(state.paused):
        if span.end is None and n + 1 < len(state.paused):
            raise ValueError("only the last paused span may be open")
        spans += [span.start] if span.end is None else [span.start, span.end]
    if starts != sorted(starts) or spans != sorted(spans):
        raise ValueError("segment starts and paused spans must be in time order")
    if state.ended_at is not None:
        if state.is_paused:
            raise ValueError("an ended clock cannot still be paused")
        if state.ended_at < max(starts + spans):
            raise ValueError("ended_at is before another event")
