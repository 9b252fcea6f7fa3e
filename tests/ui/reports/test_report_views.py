"""The session report and the period report in the window: the hand-counted session's figures
as the store counts them, the charts drawn, the low-engagement unit marked and its one action."""

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor

from studio.store.reports import session_report, unit_period
from studio.ui.reports.charts import chart_image, draw_comments
from studio.ui.reports.reports_tab import ReportsTab
from tests.helpers.report_session import DAY, hand_counted_session


@pytest.fixture
def held(demo_db):
    return hand_counted_session(demo_db)


def test_the_session_report_shows_distinct_questions(held, qtbot):
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


def test_the_comments_chart_draws_bars(held, qapp):
    db, session_id, _ = held
    image = chart_image(draw_comments(session_report(db, session_id), "评论"), 800, 300)
    colours = {image.pixelColor(x, 250).name() for x in range(0, 800, 4)}
    assert QColor("#1a73e8").name() in colours  # a bar reaches down to the axis


def test_a_low_engagement_unit_can_be_paused_from_the_league(held, qtbot):
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


def test_the_review_and_the_platform_figures_are_asked_to_be_saved(held, qtbot):
    db, session_id, _ = held
    tab = ReportsTab()
    qtbot.addWidget(tab)
    view = tab.report
    view.show_report(session_report(db, session_id))
    view.rating.setCurrentIndex(view.rating.findData(4))
    view.remark.setText("这个直播表现还可以")
    with qtbot.waitSignal(view.reviewSaved) as saved:
        view.save_review.click()
    assert saved.args == [session_id, 4, "这个直播表现还可以"]
    view.hand.item(0, 1).setText("9,000")
    view.hand.item(0, 3).setText("not a number")
    with qtbot.waitSignal(view.handFiguresSaved) as typed:
        view.save_hand.click()
    room_id = view.report.rooms[0].room_id
    assert typed.args[1][0] == (room_id, 9000, None, None, None)


def test_the_page_shown_prints_as_its_pdf_lays_out(held, qtbot, tmp_path):
    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter

    from studio.ui.documents import print_document

    db, session_id, _ = held
    tab = ReportsTab()
    qtbot.addWidget(tab)
    assert tab.document() is None  # no session chosen yet
    tab.report.show_report(session_report(db, session_id))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setResolution(300)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_document(tab.document(), printer, printer.resolution())
    del printer
    pages = PdfReader(tmp_path / "printed.pdf").pages
    text = "".join(page.extract_text() for page in pages)
    assert "办理率" in text and "60%" in text


def test_the_sessions_filter_by_unit_and_kind(qtbot):
    import datetime as dt

    from studio.domain.model import SessionStatus, UnitKind
    from studio.domain.records import SessionFigures, SessionRecord, UnitRecord

    def held_by(sid, unit):
        session = SessionRecord(
            sid,
            dt.date(2026, 11, sid),
            dt.time(15),
            dt.time(16),
            sid,
            unit,
            unit,
            "",
            "",
            "",
            SessionStatus.ENDED,
        )
        return SessionFigures(session, 1, 1000, 1, 10, 5, 1, 1)

    tab = ReportsTab()
    qtbot.addWidget(tab)
    tab.set_units(
        [
            UnitRecord(1, "民政局", "民政", UnitKind.DEPARTMENT, ()),
            UnitRecord(2, "新华镇", "新华", UnitKind.TOWNSHIP, ()),
        ]
    )
    tab.show_figures([held_by(1, "民政局"), held_by(2, "新华镇")])
    assert tab.model.rowCount() == 2
    tab.kind.setCurrentIndex(tab.kind.findData("township"))
    assert [f.session.unit_name for f in tab.model.records()] == ["新华镇"]
    tab.kind.setCurrentIndex(0)
    tab.unit.setCurrentIndex(tab.unit.findData("民政局"))
    assert [f.session.unit_name for f in tab.model.records()] == ["民政局"]


def test_export_asks_for_a_file_and_says_which_report(held, qtbot, tmp_path):
    from studio.ui.file_dialogs import StudioFileDialog

    db, session_id, _ = held
    tab = ReportsTab()
    qtbot.addWidget(tab)
    tab.report.show_report(session_report(db, session_id))
    tab.export_pdf.click()
    (dialog,) = [d for d in tab.findChildren(StudioFileDialog) if d.isVisible()]
    with qtbot.waitSignal(tab.exportAsked) as asked:
        dialog.fileSelected.emit(str(tmp_path / "r.pdf"))
    assert asked.args == ["session", str(tmp_path / "r.pdf")]
    dialog.close()


def test_the_sessions_table_marks_figures_typed_in_by_hand(held, qtbot):
    from PySide6.QtCore import Qt

    from studio.store.reports import save_platform_figures
    from studio.store.repository import StudioRepository

    db, session_id, _ = held
    room_id = session_report(db, session_id).rooms[0].room_id
    save_platform_figures(
        db,
        session_id,
        room_id,
        viewers=9000,
        likes=None,
        new_followers=None,
        mean_watch_s=None,
        seat="reports",
    )
    tab = ReportsTab()
    qtbot.addWidget(tab)
    tab.show_figures(StudioRepository(db).session_figures(DAY, DAY))
    model = tab.view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    viewers = model.index(0, headers.index("Viewers"))
    likes = model.index(0, headers.index("Likes"))
    assert viewers.data() == "11,000 ✎by hand"  # 9,000 typed in + 2,000 sampled
    assert "typed in by hand" in viewers.data(Qt.ItemDataRole.ToolTipRole)
    assert likes.data() == "200" and not likes.data(Qt.ItemDataRole.ToolTipRole)
