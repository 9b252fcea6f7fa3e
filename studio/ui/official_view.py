"""Compose what the official's screen shows from the session, the timer and the queue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from studio.domain.durations import format_duration
from studio.domain.records import SegmentRecord, SessionRecord
from studio.domain.rundown_clock import ClockReading
from studio.domain.screen_notes import ScreenNotes
from studio.ui.official_screen import OfficialView
from studio.ui.timer_words import expected_end_line, phase_key, phase_word


@dataclass(frozen=True)
class OnAir:
    """What the official answers, as stored: the question on air then the queued ones
    (``queued``, in queue order); ``focus`` is 0 when the first is on air, -1 for the
    segment's notes (nothing on air). The clicker changes it only through the store."""

    queued: tuple[str, ...] = ()
    focus: int = -1


def official_view(
    session: SessionRecord | None,
    segments: Sequence[SegmentRecord],
    reading: ClockReading | None,
    notes: ScreenNotes,
    on_air: OnAir,
    *,
    marker: str = "",
    point: tuple[str, str] | None = None,
) -> OfficialView:
    """Everything on the official's screen at this moment (texts already masked and translated)."""
    if session is None:
        return OfficialView(phase="idle", phase_word=phase_word(None), blackout=notes.blackout)
    index = reading.segment_index if reading else 0
    segment = segments[index] if 0 <= index < len(segments) else None
    if point is not None:
        # A briefing point the moderator chose to show: it takes the place of the question.
        caption = QCoreApplication.translate("OfficialViewText", "Briefing · {title}").format(
            title=point[0]
        )
        focus_text = point[1]
        upcoming = on_air.queued[max(on_air.focus, 0) : max(on_air.focus, 0) + 3]
    elif on_air.focus >= 0:
        caption = QCoreApplication.translate("OfficialViewText", "Question on air")
        focus_text = on_air.queued[on_air.focus]
        upcoming = on_air.queued[on_air.focus + 1 : on_air.focus + 4]
    else:
        caption = QCoreApplication.translate("OfficialViewText", "Notes for this segment")
        focus_text = segment.notes if segment else ""
        upcoming = on_air.queued[:3]
    if reading is None:
        remaining = format_duration(segment.planned_s) if segment else "--:--"
        title, progress = (segment.title if segment else ""), 0.0
    else:
        remaining, title, progress = (
            format_duration(reading.remaining_s),
            reading.segment_title,
            reading.progress,
        )
    return OfficialView(
        heading=f"{session.unit_name} · {session.official_title} {session.official_name} · {session.topic}",
        segment_title=title,
        remaining=remaining,
        phase=phase_key(reading),
        phase_word=phase_word(reading),
        progress=progress,
        expected_end=expected_end_line(reading),
        focus_caption=caption,
        focus_text=focus_text,
        next_caption=QCoreApplication.translate("OfficialViewText", "Next questions"),
        next_items=tuple(upcoming),
        note=notes.note,
        note_blink=notes.blink,
        blackout=notes.blackout,
        marker=marker,
    )
