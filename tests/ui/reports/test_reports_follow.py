"""The reports table follows new figures by row events: a session's changed figures keep the
selection and nothing resets; a newly ended session is inserted."""

import dataclasses
import datetime as dt

from PySide6.QtCore import QItemSelectionModel

from studio.domain.model import SessionStatus
from studio.domain.records import SessionFigures, SessionRecord
from studio.ui.reports.reports_tab import ReportsTab
from tests.helpers.model_events import ModelEvents, selected_records


def figures(sid: int, likes: int = 10, status: SessionStatus = SessionStatus.ENDED):
    session = SessionRecord(
        id=sid,
        date=dt.date(2026, 11, sid),
        start=dt.time(15),
        end=dt.time(16),
        unit_id=1,
        unit_name="住建局",
        unit_short_name="住建",
        official_name="张三",
        official_title="局长",
        topic=f"议题{sid}",
        status=status,
    )
    return SessionFigures(session, 50, 2000, likes, 300, 40, 20, 5)


def test_changed_figures_keep_the_selection_and_nothing_resets(qtbot, qtmodeltester):
    tab = ReportsTab()
    qtbot.addWidget(tab)
    rows = [figures(2), figures(3), figures(4)]
    tab.show_figures(rows)
    qtmodeltester.check(tab.model)
    tab.view.selectionModel().select(
        tab.view.model().index(1, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    events = ModelEvents(tab.model)
    liked = dataclasses.replace(rows[1], likes=99)
    tab.show_figures([rows[0], liked, rows[2]])
    assert events.take() == ["dataChanged"]
    assert selected_records(tab.view) == [liked]
    tab.show_figures([rows[0], liked, rows[2], figures(5)])
    assert events.take() == ["rowsInserted"]
    # A session not ended (yet) is not a held one: it leaves the table.
    tab.show_figures([rows[0], liked, rows[2], figures(5, status=SessionStatus.LIVE)])
    assert events.take() == ["rowsRemoved"]
    assert selected_records(tab.view) == [liked]
