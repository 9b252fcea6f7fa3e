"""After the session: planned against actual start, end and duration of every segment, as CSV."""

from __future__ import annotations

from collections.abc import Sequence

from studio.domain.durations import format_duration
from studio.domain.rundown_clock import SegmentActual
from studio.domain.studio_time import iso_text
from studio.domain.table_text import Cell, csv_text

HEADER = (
    "segment",
    "title",
    "planned",
    "allotted",
    "actual",
    "over_under",
    "started_at",
    "ended_at",
)


def _clock(epoch: float | None) -> str:
    if epoch is None:
        return ""
    return iso_text(epoch)


def actuals_csv(actuals: Sequence[SegmentActual]) -> str:
    """One row per segment: planned, allotted (plan + added), actual and the difference.

    Durations are ``m:ss``; times are the studio's, ISO 8601 with the offset. A segment that never ran has no times
    and an actual of 00:00. The text has no BOM: callers writing a file for Excel add one.
    Written by the one table writer: a title such as ``=HYPERLINK(…)`` stays text in Excel, and
    the signed over/under (``-0:30``) stays a plain signed duration.
    """
    rows: list[Sequence[Cell]] = [HEADER]
    for actual in actuals:
        ran = actual.started_at is not None
        rows.append(
            (
                actual.index + 1,
                actual.title,
                format_duration(actual.planned_s),
                format_duration(actual.allotted_s),
                format_duration(actual.actual_s),
                format_duration(actual.actual_s - actual.planned_s, signed=True) if ran else "",
                _clock(actual.started_at),
                _clock(actual.ended_at),
            )
        )
    return csv_text(rows)
