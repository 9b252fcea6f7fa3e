"""Garbage is collected on the GUI thread, from a timer, not whenever a worker allocates."""

import gc

from studio.gui_gc import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_cycles_are_collected_by_the_timer_and_gc_is_restored(qtbot):
    collector = GuiThreadCollector(interval_ms=10)
    collector.start()
    try:
        assert not gc.isenabled()
        for _ in range(5000):
            Cycle()
        qtbot.waitUntil(lambda: gc.get_count()[0] < 5000, timeout=2000)
    finally:
        collector.stop()
    assert gc.isenabled()
