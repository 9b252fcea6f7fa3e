"""The reports seat's wiring: the figures the reports service reads."""

from __future__ import annotations

from studio.ui.reports.reports_tab import ReportsTab
from studio.ui.services_bundle import Services


def wire_reports(reports: ReportsTab, services: Services) -> None:
    """Connect the Reports tab; a session going live or ending is read again (an ended session
    is held)."""
    s = services
    s.reports.figuresLoaded.connect(reports.show_figures)
    s.timer.sessionStatusChanged.connect(lambda _session_id: s.reports.refresh())
