"""Uncaught errors are logged with their traceback and shown, and the app keeps running."""

import asyncio
import logging
import threading

from studio.crash import CrashHandler
from studio.logs import configure_logging
from studio.ui.crash_notice import ErrorNotice


def _raise_and_hook(handler: CrashHandler) -> None:
    try:
        raise ValueError("the phone answered garbage")
    except ValueError as error:
        handler.excepthook(type(error), error, error.__traceback__)


def test_an_uncaught_error_goes_to_the_log_and_to_the_person(private_data_dir):
    log_path = configure_logging()
    shown: list[str] = []
    handler = CrashHandler(shown.append, on_interrupt=lambda: None)
    _raise_and_hook(handler)
    for h in logging.getLogger().handlers:
        h.flush()
    text = log_path.read_text(encoding="utf-8")
    assert "Traceback" in text and "the phone answered garbage" in text
    assert shown == ["ValueError: the phone answered garbage"]
    assert log_path.parent.parent == private_data_dir


def test_ctrl_c_asks_to_quit_instead_of_dying():
    quits: list[bool] = []
    handler = CrashHandler(lambda _s: None, on_interrupt=lambda: quits.append(True))
    handler.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert quits == [True]
    assert handler.handled == 0


def test_errors_in_threads_and_tasks_are_caught_too():
    shown: list[str] = []
    handler = CrashHandler(shown.append, on_interrupt=lambda: None)
    handler.install()
    try:
        thread = threading.Thread(target=lambda: 1 / 0)
        thread.start()
        thread.join()
        loop = asyncio.new_event_loop()
        loop.set_exception_handler(handler.asyncio_handler)

        async def broken() -> None:
            raise RuntimeError("task broke")

        task = loop.create_task(broken())
        loop.run_until_complete(asyncio.sleep(0.01))
        del task  # collected with its exception unretrieved → the loop's handler
        import gc

        gc.collect()
        loop.close()
    finally:
        handler.uninstall()
    assert shown[0].startswith("ZeroDivisionError")
    assert any("task broke" in s for s in shown)


def test_a_failing_notice_does_not_take_the_app_down():
    def broken_notice(_summary: str) -> None:
        raise RuntimeError("no screen")

    handler = CrashHandler(broken_notice, on_interrupt=lambda: None)
    _raise_and_hook(handler)
    assert handler.handled == 1


def test_the_notice_is_not_modal_and_counts_repeats(qtbot, tmp_path):
    notice = ErrorNotice(tmp_path / "studio.log")
    notice.show_error("ValueError: one")
    notice.show_error("ValueError: two")
    box = notice.box()
    assert box is not None
    qtbot.addWidget(box)
    assert box.isVisible() and not box.isModal()
    assert "two" in box.text() and "2" in box.text()
    assert str(tmp_path / "studio.log") in box.text()


def test_an_error_in_a_worker_thread_is_shown_by_a_notice_built_on_the_gui_thread(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    notice = ErrorNotice(tmp_path / "studio.log")
    handler = CrashHandler(notice.show_error, on_interrupt=lambda: None)
    handler.install()
    try:
        thread = threading.Thread(target=lambda: 1 / 0, name="feed-writer")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: notice.box() is not None and notice.box().isVisible())
    finally:
        handler.uninstall()
    box = notice.box()
    assert box is not None
    qtbot.addWidget(box)
    gui = QApplication.instance().thread()
    assert box.thread() is gui  # not the thread that failed
    assert "ZeroDivisionError" in box.text()
