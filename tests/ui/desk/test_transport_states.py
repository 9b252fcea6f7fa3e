"""A paused timer is unmistakable, and before go-live the clock counts to the planned start."""

import datetime as dt

from studio.domain.rundown_clock import ClockReading, Phase
from studio.domain.studio_time import studio_epoch
from studio.ui import theme
from studio.ui.desk.transport import TransportPanel


def reading(*, started=True, paused=False) -> ClockReading:
    return ClockReading(
        started=started, running=started and not paused, paused=paused, ended=False,
        segment_index=1, segment_title="政策解读", phase=Phase.NORMAL, planned_s=600,
        elapsed_s=100, remaining_s=500, progress=0.2, session_elapsed_s=280, expected_end=0.0,
        late_by_s=0.0,
    )  # fmt: skip


def test_a_paused_timer_has_one_resume_button_and_a_dimmed_labelled_clock(qtbot):
    panel = TransportPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_reading(reading())
    assert panel.go_button.isVisible() and not panel.go_button.isEnabled()
    assert panel.pause_button.text() == "Pause"
    assert not panel.paused_label.isVisible()
    panel.show_reading(reading(paused=True))
    shown = [b.text() for b in (panel.go_button, panel.pause_button) if b.isVisible()]
    assert shown == ["Resume"]  # one button, not Go and Resume side by side
    assert panel.paused_label.isVisible() and "Paused" in panel.paused_label.text()
    assert theme.MUTED.name() in panel.remaining.styleSheet()
    panel.show_reading(reading())
    assert not panel.paused_label.isVisible() and panel.go_button.isVisible()
    assert theme.MUTED.name() not in panel.remaining.styleSheet()


def test_before_go_live_the_clock_counts_down_to_the_planned_start(qtbot):
    panel = TransportPanel()
    qtbot.addWidget(panel)
    start = studio_epoch(dt.date(2026, 11, 26), dt.time(15, 0))
    panel.set_planned_start(start)
    panel.now = lambda: start - 12 * 60 - 30
    panel.show_reading(reading(started=False))
    assert panel.remaining.text() == "12:30"
    assert "15:00" in panel.detail.text() and "12:30" in panel.detail.text()
    panel.now = lambda: start + 200
    panel.show_reading(reading(started=False))
    assert "ago" in panel.detail.text() and "03:20" in panel.detail.text()
    panel.show_reading(reading())  # live: the segment's own countdown
    assert panel.remaining.text() == "08:20"
