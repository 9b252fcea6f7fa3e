"""Fixtures for the control API: the demo studio built like the app, with the API on a free port."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from studio.api.server import ApiAccess
from studio.app import StudioDesk
from studio.options import parse_options
from tests.conftest import DEMO_DAY
from tests.helpers.store_work import settled
from tests.helpers.waiting import until


@pytest.fixture
def serve(qapp, event_loop_qt, monkeypatch):
    """``serve(db, access)``: the studio on ``db`` (today: the demo's day) serving the API on
    127.0.0.1 at a free port; returns the studio and the API's base URL. Shut down after."""
    monkeypatch.delenv("STUDIO_API_TOKEN", raising=False)
    built: list[StudioDesk] = []

    def make(db, access: ApiAccess | None = None) -> tuple[StudioDesk, str]:
        gc.collect()  # see tests/ui/conftest.py: collect on the GUI thread, before threads run
        studio = StudioDesk(qapp, db, parse_options([]), today=lambda: DEMO_DAY, log_path=None)
        built.append(studio)
        studio.window.show()
        studio.refresh_all()
        event_loop_qt.run_until_complete(settled(studio))
        event_loop_qt.run_until_complete(
            until(lambda: studio.timer.snapshot is not None and studio.moderation.session_id)
        )
        access = access or ApiAccess(host="127.0.0.1", port=0)
        port = event_loop_qt.run_until_complete(studio.start_api(access))
        assert port
        return studio, f"http://127.0.0.1:{port}"

    yield make
    for studio in built:
        event_loop_qt.run_until_complete(studio.shutdown())
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    built.clear()
    gc.collect()
