"""Fixtures for the referrals seat: the app on the demo studio, its board shown and focused."""

import pytest
from PySide6.QtWidgets import QApplication

from tests.helpers.waiting import until


@pytest.fixture
def board(make_desk, demo_db, event_loop_qt):
    """The app on the demo studio with the Referrals tab shown, its tickets read and the
    board's table focused."""
    studio = make_desk(demo_db)
    w = studio.window
    w.tabs.setCurrentWidget(w.referrals)
    w.activateWindow()
    loop = event_loop_qt
    loop.run_until_complete(until(lambda: QApplication.activeWindow() is w))
    loop.run_until_complete(until(lambda: w.referrals.model.rowCount() > 0))
    w.referrals.view.setFocus()
    loop.run_until_complete(until(lambda: w.referrals.view.hasFocus()))
    return studio
