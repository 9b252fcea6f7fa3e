"""Waiting in tests, bounded: run the event loop until a condition holds; a clock to set."""

import asyncio
import time
from collections.abc import Callable


class Clock:
    """A clock the test moves by hand (``clock.now += 5``)."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


async def until(condition: Callable[[], object], timeout: float = 5.0) -> float:
    """Run the loop until ``condition()`` holds (bounded); how long it took."""
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < timeout, "condition not met in time"
        await asyncio.sleep(0.02)
    return time.monotonic() - start


def run_until(
    loop: asyncio.AbstractEventLoop, condition: Callable[[], object], timeout: float = 5.0
) -> None:
    """``until`` from outside the loop."""
    loop.run_until_complete(until(condition, timeout))


def press_in_loop(loop: asyncio.AbstractEventLoop, widget: object, key: object, modifier: object = None) -> None:
    """A key press delivered while the loop runs (DESIGN.md: press keys inside the loop).

    Pressed between two ``run_until_complete`` calls, a key can let qasync run a pending task
    step with no running loop ("no running event loop"), and the move the key started dies.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    async def pressing() -> None:
        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)  # type: ignore[arg-type]

    loop.run_until_complete(pressing())
