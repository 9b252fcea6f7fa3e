"""Compose what the official's screen shows from the session, the timer and the queue."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from studio.domain.durations import format_duration
from studio.domain.model import SegmentKind
from studio.domain.records import ReportBackItem, SegmentRecord, SessionRecord
from studio.domain.report_back import reply_summary
from studio.domain.rundown_clock import ClockReading
from studio.domain.screen_notes import ScreenNotes
from studio.ui.timer_words import expected_end_line, phase_key, phase_word

PHASE_SHAPES = {
    "idle": "○",
    "normal": "●",
    "warning": "▲",
    "danger": "◆",
    "overtime": "■",
    "ended": "□",
}


@dataclass(frozen=True)
class OfficialView:
    """Everything the official's screen shows; texts are already masked and translated.

    Attributes:
        heading: the session line (unit · official · topic).
        segment_title: the running-order segment.
        segment_number: where it is in the running order, e.g. "Segment 2 of 5".
        paused: the clock is paused (the countdown is dimmed and says so).
        focus_detail: for the question on air, how many viewers asked it and from which room.
        remaining: the countdown text (e.g. ``12:30`` or ``-00:45``).
        phase: idle, normal, warning, danger, overtime or ended (drives colour and shape).
        phase_word: the phase in words (正常 / 注意 / 即将超时 / 已超时 …).
        progress: 0..1 of the segment elapsed.
        expected_end: a short line such as "预计 16:00 结束".
        focus_caption / focus_text: what the official answers now (question or segment notes).
        next_items: the next queued questions, two or three.
        note: the moderator's note, empty for none.
        marker: a small warning for the studio (e.g. a phone alarm), empty for none.
        blackout: show nothing but black.
    """

    heading: str = ""
    segment_title: str = ""
    segment_number: str = ""
    paused: bool = False
    focus_detail: str = ""
    remaining: str = "00:00"
    phase: str = "idle"
    phase_word: str = ""
    progress: float = 0.0
    expected_end: str = ""
    focus_caption: str = ""
    focus_text: str = ""
    next_caption: str = ""
    next_items: tuple[str, ...] = field(default_factory=tuple)
    note: str = ""
    note_blink: bool = False
    blackout: bool = False
    marker: str = ""


@dataclass(frozen=True)
class OnAir:
    """What the official answers, as stored: the question on air then the queued ones
    (``queued``, in queue order); ``focus`` is 0 when the first is on air, -1 for the
    segment's notes (nothing on air). The clicker changes it only through the store."""

    queued: tuple[str, ...] = ()
    focus: int = -1
    detail: str = ""  # of the question on air: how many asked it, from which room


def official_view(
    session: SessionRecord | None,
    segments: Sequence[SegmentRecord],
    reading: ClockReading | None,
    notes: ScreenNotes,
    on_air: OnAir,
    *,
    marker: str = "",
    point: tuple[str, str] | None = None,
    report_back: Sequence[ReportBackItem] = (),
) -> OfficialView:
    """Everything on the official's screen at this moment (texts already masked and translated)."""
    if session is None:
        return OfficialView(phase="idle", phase_word=phase_word(None), blackout=notes.blackout)
    index = reading.segment_index if reading else 0
    segment = segments[index] if 0 <= index < len(segments) else None
    detail = ""
    number = (
        QCoreApplication.translate("OfficialViewText", "Segment {number} of {count}").format(
            number=index + 1, count=len(segments)
        )
        if segment is not None
        else ""
    )
    if point is not None:
        # A briefing point the moderator chose to show: it takes the place of the question.
        caption = QCoreApplication.translate("OfficialViewText", "Briefing · {title}").format(
            title=point[0]
        )
        focus_text = point[1]
        upcoming = on_air.queued[max(on_air.focus, 0) : max(on_air.focus, 0) + 3]
    elif segment is not None and segment.kind == SegmentKind.REPORT_BACK and report_back:
        # 转办回音: the replied tickets one by one, the question and the reply's summary.
        caption, focus_text, detail, upcoming = _report_back(report_back, segment)
    elif on_air.focus >= 0:
        caption = QCoreApplication.translate("OfficialViewText", "Question on air")
        focus_text = on_air.queued[on_air.focus]
        detail = on_air.detail
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
        segment_number=number,
        paused=bool(reading and reading.paused and not reading.ended),
        focus_detail=detail,
        remaining=remaining,
        phase=phase_key(reading),
        phase_word=phase_word(reading),
        progress=progress,
        expected_end=expected_end_line(reading),
        focus_caption=caption,
        focus_text=focus_text,
        next_caption=(
            QCoreApplication.translate("OfficialViewText", "Next replies")
            if segment is not None and segment.kind == SegmentKind.REPORT_BACK and report_back
            else QCoreApplication.translate("OfficialViewText", "Next questions")
        ),
        next_items=tuple(upcoming),
        note=notes.note,
        note_blink=notes.blink,
        blackout=notes.blackout,
        marker=marker,
    )


def _report_back(
    items: Sequence[ReportBackItem], segment: SegmentRecord
) -> tuple[str, str, str, tuple[str, ...]]:
    """Caption, focus text, detail and the next lines of a report-back segment."""
    current = next((i for i, item in enumerate(items) if item.on_screen), -1)

    def line(item: ReportBackItem) -> str:
        return f"{item.number} · {item.unit_name} · {item.question}"

    if current < 0:
        caption = QCoreApplication.translate(
            "OfficialViewText", "Report-back · {count} replies (Next: the first)"
        ).format(count=len(items))
        return caption, segment.notes, "", tuple(line(item) for item in items[:3])
    item = items[current]
    caption = QCoreApplication.translate(
        "OfficialViewText", "Report-back · {number} · {unit} · {index} of {count}"
    ).format(number=item.number, unit=item.unit_name, index=current + 1, count=len(items))
    detail = QCoreApplication.translate("OfficialViewText", "Reply: {summary}").format(
        summary=reply_summary(item.reply)
    )
    return caption, item.question, detail, tuple(line(i) for i in items[current + 1 : current + 4])
