"""Waiting for the store in widget tests: until a condition holds and no store work is half-way."""

import asyncio
from collections.abc import Callable

from studio.services.tasks import BackgroundTasks
from tests.helpers.waiting import until

# The background tasks of the test's wiring (the prep ``wired`` fixture fills it): ``run`` also
# waits for them, so a test never asserts in the middle of a store write.
RUNNING: list[BackgroundTasks] = []


def run(loop: asyncio.AbstractEventLoop, condition: Callable[[], object]) -> None:
    """Run the loop until ``condition`` holds and no store work is left half-way."""
    loop.run_until_complete(until(lambda: condition() and all(t.running == 0 for t in RUNNING)))


async def settled(studio, timeout: float = 30.0) -> None:
    """Until the app's background work has finished (loads, store writes), bounded.

    The app's ``tasks`` is public; a generous bound because the first loads of the demo studio
    share the machine with other tests."""
    await until(lambda: studio.tasks.running == 0, timeout)
