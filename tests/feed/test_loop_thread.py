"""LoopThread: the feed's own event loop, in a thread, with calls carried across and a clean end."""

import asyncio
import logging
import threading

import pytest

from studio.feed.loop_thread import LoopThread
from tests.helpers.fake_capture import run_bounded


def test_run_awaits_a_coroutine_on_the_thread() -> None:
    thread = LoopThread("test-feed")

    async def where() -> str:
        await asyncio.sleep(0)
        return threading.current_thread().name

    async def scenario() -> str:
        return await thread.run(where())

    try:
        assert run_bounded(scenario()) == "test-feed"
        assert thread.running
    finally:
        thread.close()
    assert not thread.running


def test_an_exception_reaches_the_caller() -> None:
    thread = LoopThread()

    async def fails() -> None:
        raise ValueError("bad frame")

    try:
        with pytest.raises(ValueError, match="bad frame"):
            run_bounded(thread.run(fails()))
    finally:
        thread.close()


def test_cancelling_the_caller_cancels_the_work_on_the_thread() -> None:
    thread = LoopThread()
    cancelled = threading.Event()

    async def forever() -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    async def scenario() -> None:
        task = asyncio.ensure_future(thread.run(forever()))
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    try:
        run_bounded(scenario())
        assert cancelled.wait(2)
    finally:
        thread.close()


def test_close_cancels_what_still_runs_and_ends_the_thread() -> None:
    thread = LoopThread()
    ended = threading.Event()

    async def server() -> None:
        try:
            await asyncio.Future()
        finally:
            ended.set()

    thread.post(lambda: asyncio.get_running_loop().create_task(server()))
    thread.post(lambda: None)
    run_bounded(thread.run(asyncio.sleep(0.01)))
    thread.close(timeout=5)
    assert ended.is_set()
    assert not thread.running
    thread.post(lambda: None)  # dropped, not raised
    with pytest.raises(RuntimeError):
        run_bounded(thread.run(asyncio.sleep(0)))


def test_aclose_does_not_block_the_callers_loop() -> None:
    thread = LoopThread()

    async def scenario() -> int:
        await thread.run(asyncio.sleep(0))
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.001)

        thread.post(lambda: asyncio.get_running_loop().create_task(_slow_finally()))
        await asyncio.sleep(0.02)
        counting = asyncio.ensure_future(ticker())
        await thread.aclose()
        counting.cancel()
        return ticks

    assert run_bounded(scenario()) >= 5  # the caller's loop ran while the thread wound down
    assert not thread.running


async def _slow_finally() -> None:
    try:
        await asyncio.Future()
    finally:
        await asyncio.sleep(0.2)


def test_a_repeating_loop_error_is_logged_once_per_interval(caplog) -> None:
    thread = LoopThread("test-feed")

    def fail_accept() -> None:
        loop = asyncio.get_running_loop()
        for _ in range(50):
            loop.call_exception_handler(
                {
                    "message": "socket.accept() out of system resource",
                    "exception": OSError(24, "Too many open files"),
                }
            )

    with caplog.at_level(logging.WARNING, logger="studio.feed.loop_thread"):
        thread.post(fail_accept)
        run_bounded(thread.run(asyncio.sleep(0.01)))
        thread.close()
    lines = [r for r in caplog.records if "out of system resource" in r.getMessage()]
    assert len(lines) == 1
    assert lines[0].exc_info is None and "Too many open files" in lines[0].getMessage()
