"""The reports seat's wiring: the figures, the session report, the period report, the exports
and the rota pause, all through the reports service."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from studio.domain.report_tables import session_sheets, unit_rows
from studio.ui.reports.report_documents import write_period_pdf, write_session_pdf
from studio.ui.reports.reports_tab import ReportsTab
from studio.ui.services_bundle import Services

_PERIOD_PAGE = 1


def wire_reports(reports: ReportsTab, services: Services) -> None:
    """Connect the Reports tab; a session going live or ending is read again at once (an ended
    session is held), and the period report with it."""
    s = services
    rep = s.reports
    reports.set_range(*rep.current_range())

    def load_period() -> None:
        if reports.pages.currentIndex() == _PERIOD_PAGE:
            first, last = reports.chosen_range()
            rep.load_period(first, last)

    def range_chosen(first: dt.date, last: dt.date) -> None:
        rep.set_range(first, last)
        load_period()

    def status_changed(_session_id: int) -> None:
        rep.refresh()
        load_period()

    def export(which: str, path: str) -> None:
        pdf = path.lower().endswith(".pdf")
        if which == "session":
            report = reports.report.report
            if report is None:
                return
            if pdf:
                rep.export(path, write=lambda: write_session_pdf(report, Path(path)))
            else:
                rep.export(path, session_sheets(report))
        else:
            units = reports.period.shown()
            first, last = reports.chosen_range()
            if pdf:
                rep.export(path, write=lambda: write_period_pdf(units, first, last, Path(path)))
            else:
                rep.export(path, [("单位", unit_rows(units))])

    rep.figuresLoaded.connect(reports.show_figures)
    s.schedule.unitsLoaded.connect(reports.set_units)
    rep.sessionReportLoaded.connect(reports.report.show_report)
    rep.periodLoaded.connect(lambda result: reports.period.show_units(result[2]))
    rep.exported.connect(reports.show_exported)
    rep.undoChanged.connect(reports.period.set_undo)
    rep.pauseChanged.connect(lambda _unit, _paused: (load_period(), s.schedule_editing.load_rota()))
    s.timer.sessionStatusChanged.connect(status_changed)
    reports.rangeChosen.connect(range_chosen)
    reports.sessionChosen.connect(rep.open_session)
    reports.exportAsked.connect(export)
    reports.report.reviewSaved.connect(rep.save_review)
    reports.report.handFiguresSaved.connect(rep.save_hand_figures)
    reports.pages.currentChanged.connect(lambda _page: load_period())
    # The low-engagement mark is the profile's: shown, and the period read again when it changes.
    s.profile.profileLoaded.connect(
        lambda profile: (reports.period.show_threshold(profile.low_engagement_per_1000), load_period())
    )
    reports.period.pauseAsked.connect(lambda unit_id: rep.set_paused(unit_id, True))
    reports.period.undoAsked.connect(rep.undo_pause)
