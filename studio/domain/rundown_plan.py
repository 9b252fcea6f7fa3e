"""A session's running order (rundown) and its slot: what the rundown clock measures against."""

from __future__ import annotations

import math
from dataclasses import dataclass

from studio.domain.model import SegmentKind

DEFAULT_FLOOR_S = 60.0
"""Absorbing an overrun never shrinks a later segment below one minute."""


@dataclass(frozen=True)
class PlannedSegment:
    """One planned segment of the rundown.

    Attributes:
        title: what the official's screen shows, e.g. 网友提问.
        kind: the segment's role in the session.
        planned_s: its planned length in whole seconds.
        warning_s: the timer turns to the warning phase when this much is left.
        danger_s: the timer turns to the danger phase when this much is left.
    """

    title: str
    kind: SegmentKind
    planned_s: int
    warning_s: int = 120
    danger_s: int = 60

    def __post_init__(self) -> None:
        if self.planned_s < 0:
            raise ValueError(f"planned_s must not be negative: {self.planned_s}")
        # The phases only move forward if danger comes after (below) warning.
        if not 0 <= self.danger_s <= self.warning_s:
            raise ValueError(
                f"need 0 <= danger_s <= warning_s, got {self.danger_s} and {self.warning_s}"
            )


DEFAULT_DAILY_RUNDOWN: tuple[PlannedSegment, ...] = (
    PlannedSegment("开场", SegmentKind.OPENING, 3 * 60, warning_s=60, danger_s=30),
    PlannedSegment("政策解读", SegmentKind.BRIEFING, 12 * 60),
    PlannedSegment("网友提问", SegmentKind.QA, 35 * 60, warning_s=300, danger_s=120),
    PlannedSegment("转办回音", SegmentKind.REPORT_BACK, 7 * 60),
    PlannedSegment("结束语", SegmentKind.CLOSING, 3 * 60, warning_s=60, danger_s=30),
)
"""The usual hour of a county Q&A session (15:00–16:00): 3 + 12 + 35 + 7 + 3 minutes."""


@dataclass(frozen=True)
class Rundown:
    """The running order of one session plus its slot.

    Attributes:
        segments: the planned segments, in order; at least one.
        scheduled_start: wall-clock epoch seconds the session should start (e.g. 15:00), if known.
        scheduled_end: wall-clock epoch seconds it should end (e.g. 16:00); when unknown, the
            session should end ``total_planned_s`` after it actually started.
        floor_s: absorbing an overrun never shrinks a segment below this (or below its plan,
            if that is shorter).
    """

    segments: tuple[PlannedSegment, ...] = DEFAULT_DAILY_RUNDOWN
    scheduled_start: float | None = None
    scheduled_end: float | None = None
    floor_s: float = DEFAULT_FLOOR_S

    def __post_init__(self) -> None:
        if not self.segments:
            raise ValueError("a rundown needs at least one segment")
        if not (math.isfinite(self.floor_s) and self.floor_s >= 0):
            raise ValueError(f"floor_s must be a finite number >= 0, got {self.floor_s}")
        start, end = self.scheduled_start, self.scheduled_end
        if start is not None and end is not None and end < start:
            raise ValueError("scheduled_end is before scheduled_start")

    @property
    def total_planned_s(self) -> int:
        """The planned length of the whole session, in seconds."""
        return sum(segment.planned_s for segment in self.segments)
