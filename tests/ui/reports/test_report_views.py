"""The session report and the period report in the window: the hand-counted session's figures
as the store counts them, the charts drawn, the low-engagement unit marked and its one action."""

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor

from studio.store.reports import session_report, unit_period
from studio.ui.reports.charts import chart_image, draw_comments
from studio.ui.reports.reports_tab import ReportsTab
from tests.store.test_reports import DAY, held  # noqa: F401  (the hand-counted session)


def test_the_session_report_shows_distinct_questions(held, qtbot):  # noqa: F811
    db, session_id, _ = held
    tab = ReportsTab()
    qtbot.addWidget(tab)
    report = session_report(db, session_id)
    tab.report.show_report(report)
    shown = {key: label.text() for key, label in tab.report.figures.items()}
    assert shown["comments"] == "16" and shown["questions"] == "5"
    assert (shown["answered"], shown["referred"], shown["open"]) == ("2", "1", "2")
    assert shown["handled"] == "60%"
    assert "问0 (5" in tab.report.top.text()


def test_the_comments_chart_draws_bars(held, qapp):  # noqa: F811
    db, session_id, _ = held
    image = chart_image(draw_comments(session_report(db, session_id), "评论"), 800, 300)
    colours = {image.pixelColor(x, 250).name() for x in range(0, 800, 4)}
    assert QColor("#1a73e8").name() in colours  # a bar reaches down to the axis


def test_a_low_engagement_unit_can_be_paused_from_the_league(held, qtbot):  # noqa: F811
    db, _, unit_id = held
    tab = ReportsTab()
    qtbot.addWidget(tab)
    period = tab.period
    period.show_units(unit_period(db, DAY, DAY, today=DAY, threshold_per_1000=2.0))
    assert [u.unit_id for u in period.shown()] == [unit_id]  # only units that held a session
    assert not period.pause.isEnabled()
    period.view.selectionModel().select(
        period.view.model().index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert period.pause.isEnabled()
    with qtbot.waitSignal(period.pauseAsked) as asked:
        period.pause.click()
    assert asked.args == [unit_id]
    period.kind.setCurrentIndex(period.kind.findData("township"))
    assert period.shown() == [] or all(u.kind == "township" for u in period.shown())
