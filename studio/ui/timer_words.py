"""How the timer's state reads in words and colours, the same on the desk and the official's screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.domain.durations import format_duration
from studio.domain.rundown_clock import ClockReading, Phase
from studio.domain.studio_time import clock_text


def phase_key(reading: ClockReading | None) -> str:
    """The phase as the theme and the screen know it: idle, normal … overtime, ended, paused."""
    if reading is None or not reading.started:
        return "idle"
    if reading.ended:
        return "ended"
    return str(reading.phase)


def phase_word(reading: ClockReading | None) -> str:
    """正常 / 注意 / 即将超时 / 已超时, or the state when the clock is not counting."""
    if reading is None or not reading.started:
        return QCoreApplication.translate("TimerWords", "Not started")
    if reading.ended:
        return QCoreApplication.translate("TimerWords", "Ended")
    words = {
        Phase.NORMAL: QCoreApplication.translate("TimerWords", "On time"),
        Phase.WARNING: QCoreApplication.translate("TimerWords", "Attention"),
        Phase.DANGER: QCoreApplication.translate("TimerWords", "Almost over"),
        Phase.OVERTIME: QCoreApplication.translate("TimerWords", "Overtime"),
    }
    word = words[reading.phase]
    if reading.paused:
        return QCoreApplication.translate("TimerWords", "Paused · {phase}").format(phase=word)
    return word


def clock_time(epoch: float) -> str:
    return clock_text(epoch)


def expected_end_line(reading: ClockReading | None) -> str:
    """ "Ends about 16:02 · 2:00 late" (or early, or on time)."""
    if reading is None:
        return ""
    if reading.ended:
        return QCoreApplication.translate("TimerWords", "Ended at {time}").format(
            time=clock_time(reading.expected_end)
        )
    late = round(reading.late_by_s)
    if abs(late) < 30:
        verdict = QCoreApplication.translate("TimerWords", "on time")
    elif late > 0:
        verdict = QCoreApplication.translate("TimerWords", "{time} late").format(
            time=format_duration(late)
        )
    else:
        verdict = QCoreApplication.translate("TimerWords", "{time} early").format(
            time=format_duration(-late)
        )
    return QCoreApplication.translate("TimerWords", "Ends about {time} · {verdict}").format(
        time=clock_time(reading.expected_end), verdict=verdict
    )
