"""Fixtures for whole-window tests: the app's composition on the demo studio, torn down in order."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from studio.app import StudioDesk
from studio.options import parse_options
from tests.conftest import DEMO_DAY
from tests.helpers.store_work import settled
from tests.helpers.waiting import until


@pytest.fixture
def make_desk(qapp, event_loop_qt):
    """Build StudioDesk like the app does (optionally with other options); shut it down after."""
    built: list[StudioDesk] = []

    def make(db, argv=(), *, session_today=True) -> StudioDesk:
        """``session_today``: wait for today's timer too (an empty studio has no session)."""
        # What earlier tests left (widgets in reference cycles) is collected here, on the GUI
        # thread: the desk's worker threads allocate, and a collection they set off would
        # destroy those QObjects from the wrong thread.
        gc.collect()
        studio = StudioDesk(
            qapp, db, parse_options(list(argv)), today=lambda: DEMO_DAY, log_path=None
        )
        built.append(studio)
        studio.window.show()
        studio.refresh_all()
        event_loop_qt.run_until_complete(settled(studio))
        if session_today:
            event_loop_qt.run_until_complete(until(lambda: studio.timer.snapshot is not None))
        return studio

    yield make
    for studio in built:
        event_loop_qt.run_until_complete(studio.shutdown())
    # Delete the windows now, while the loop and the database are still there, and collect
    # their Python wrappers here: a collection that happens to run in a worker thread would
    # destroy QObjects (and their timers) from the wrong thread.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    built.clear()
    gc.collect()
