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
