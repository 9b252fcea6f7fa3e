"""The timer as a script reads it: a session's plan from its stored rows, and the one JSON object
``studio timer status --json``, the control API and the fast read-only path all print."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from studio.domain import rundown_clock as clock
from studio.domain.model import SegmentKind
from studio.domain.rundown_plan import PlannedSegment, Rundown
from studio.domain.rundown_state import ClockState
from studio.domain.studio_time import iso_text, studio_epoch

#: One stored segment: (title, kind, planned_s, warning_s, danger_s), in running order.
SegmentRow = tuple[str, str, int, int, int]


def plan_of(
    day: dt.date, start: dt.time, end: dt.time, topic: str, segments: Iterable[SegmentRow]
) -> Rundown:
    """A session's running order and slot as the clock's plan."""
    planned = tuple(
        PlannedSegment(title, SegmentKind(kind), planned_s, warning_s, danger_s)
        for title, kind, planned_s, warning_s, danger_s in segments
    )
    if not planned:
        # A session without a running order still gets a clock: one block for the whole slot.
        slot = int(studio_epoch(day, end) - studio_epoch(day, start))
        planned = (PlannedSegment(topic or "直播", SegmentKind.OTHER, max(slot, 60)),)
    return Rundown(
        segments=planned,
        scheduled_start=studio_epoch(day, start),
        scheduled_end=studio_epoch(day, end),
    )


def status_of(session_id: int, rundown: Rundown, state: ClockState, now: float) -> dict[str, object]:
    """The timer as one JSON object (what a Stream Deck or a script reads)."""
    r = clock.reading(state, rundown, now)
    return {
        "session_id": session_id,
        "started": r.started,
        "running": r.running,
        "paused": r.paused,
        "ended": r.ended,
        "segment_index": r.segment_index,
        "segment_title": r.segment_title,
        "segment_count": len(rundown.segments),
        "phase": str(r.phase),
        "planned_s": round(r.planned_s, 3),
        "elapsed_s": round(r.elapsed_s, 3),
        "remaining_s": round(r.remaining_s, 3),
        "session_elapsed_s": round(r.session_elapsed_s, 3),
        "expected_end": iso_text(r.expected_end),
        "late_by_s": round(r.late_by_s, 3),
        "absorb": state.absorb,
    }
