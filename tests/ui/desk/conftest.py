"""Fixtures for the desk seat's widgets: the live desk of the demo studio, ready for keys."""

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.waiting import until


@pytest.fixture
def desk(make_desk, demo_db, event_loop_qt):
    """The app on the demo studio, its live desk shown, active and the feed focused."""
    studio = make_desk(demo_db)
    w = studio.window
    w.tabs.setCurrentWidget(w.desk)
    w.activateWindow()
    event_loop_qt.run_until_complete(until(lambda: QApplication.activeWindow() is w))
    w.desk.feed_view.setFocus()
    event_loop_qt.run_until_complete(until(lambda: w.desk.feed_view.hasFocus()))
    return studio
