"""Reports (报告): what each session drew and achieved, for the operator and county leaders."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPagedPaintDevice
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import SessionStatus
from studio.domain.records import SessionFigures, UnitRecord
from studio.ui.documents import RESOLUTION, Document, print_document
from studio.ui.file_dialogs import file_dialog
from studio.ui.record_model import RECORD_ROLE, RIGHT, Column, RecordTableModel, record_table
from studio.ui.reports.period_view import PeriodView
from studio.ui.reports.report_documents import period_document, session_document
from studio.ui.reports.session_view import SessionReportView


def _number(value: int) -> str:
    return f"{value:,}"


def _count(getter):  # type: ignore[no-untyped-def]
    return lambda f: _number(getter(f))


class ReportsTab(QWidget):
    """The ended sessions of a range with their totals, the chosen session's report, and each
    unit's figures over the range; exports of both reports.

    Signals:
        rangeChosen(object, object): the first and last day to report on.
        sessionChosen(int): show this session's report.
        exportAsked(str, str): ``("session" | "period", path)``: write that report to the file
            (its suffix says PDF or XLSX).
    """

    rangeChosen = Signal(object, object)
    sessionChosen = Signal(int)
    exportAsked = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figures: list[SessionFigures] = []
        by_hand = self.tr("by hand")
        typed = self.tr(
            "The platform's own after-show figure, typed in by hand (for some room), used over "
            "the capture's samples"
        )

        def marked(header, getter, hand):  # type: ignore[no-untyped-def]
            """A figure that is (partly) typed in by hand says so, in the cell and its tooltip."""
            return Column(
                header,
                lambda f: f"{_number(getter(f))} ✎{by_hand}" if hand(f) else _number(getter(f)),
                RIGHT,
                sort_key=getter,
                tooltip=lambda f: typed if hand(f) else "",
            )

        figures = [
            (self.tr("Peak online"), lambda f: f.peak_online),
            (self.tr("Comments"), lambda f: f.comments),
            (self.tr("Questions"), lambda f: f.questions),
            (self.tr("Answered"), lambda f: f.answered),
            (self.tr("Referred"), lambda f: f.referred),
        ]
        columns = [
            Column(
                self.tr("Date"),
                lambda f: f.session.date.isoformat(),
                sort_key=lambda f: f.session.date.toordinal(),
            ),
            Column(self.tr("Unit"), lambda f: f.session.unit_name),
            Column(self.tr("Topic"), lambda f: f.session.topic),
        ]
        counted = [Column(header, _count(get), RIGHT, sort_key=get) for header, get in figures]
        columns += [
            counted[0],
            marked(self.tr("Viewers"), lambda f: f.total_viewers, lambda f: f.viewers_by_hand),
            marked(self.tr("Likes"), lambda f: f.likes, lambda f: f.likes_by_hand),
            *counted[1:],
        ]
        self.model = RecordTableModel(columns, self, key=lambda f: f.session.id)
        self.view = record_table(self.model, self)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        heading = QLabel(self.tr("Sessions held"))
        heading.setProperty("role", "heading")
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.summary.setProperty("role", "subtle")
        today = QDate.currentDate()
        self.first = QDateEdit(today.addDays(-60), calendarPopup=True)
        self.last = QDateEdit(today, calendarPopup=True)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self._range_changed())
        self._kinds: dict[str, str] = {}  # unit name → kind
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Departments and townships"), "")
        self.kind.addItem(self.tr("Departments"), "department")
        self.kind.addItem(self.tr("Townships"), "township")
        self.kind.currentIndexChanged.connect(lambda _i: self._filter())
        self.unit = QComboBox()
        self.unit.addItem(self.tr("All units"), "")
        self.unit.currentIndexChanged.connect(lambda _i: self._filter())
        self.export_pdf = QPushButton(self.tr("Export PDF…"))
        self.export_pdf.clicked.connect(lambda: self._export("pdf"))
        self.export_xlsx = QPushButton(self.tr("Export XLSX…"))
        self.export_xlsx.clicked.connect(lambda: self._export("xlsx"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self._print)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.first)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.last)
        filters.addWidget(self.kind)
        filters.addWidget(self.unit)
        filters.addStretch(1)
        self.note = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.note.setProperty("role", "subtle")
        filters.addWidget(self.note)
        filters.addWidget(self.export_pdf)
        filters.addWidget(self.export_xlsx)
        filters.addWidget(self.print_button)

        self.report = SessionReportView()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.report)
        sessions = QWidget()
        left = QVBoxLayout(sessions)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(heading)
        left.addWidget(self.summary)
        left.addWidget(self.view, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(sessions)
        split.addWidget(scroll)
        split.setStretchFactor(1, 2)
        self.period = PeriodView()
        self.pages = QTabWidget()
        self.pages.addTab(split, self.tr("Sessions"))
        self.pages.addTab(self.period, self.tr("Units over the period"))
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.pages, 1)

    # -- range, unit filter and choice -------------------------------------------------------
    def chosen_range(self) -> tuple[dt.date, dt.date]:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        return (first, last) if first <= last else (last, first)

    def set_range(self, first: dt.date, last: dt.date) -> None:
        for edit, day in ((self.first, first), (self.last, last)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def _range_changed(self) -> None:
        self.rangeChosen.emit(*self.chosen_range())

    def _chosen(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            figures = rows[0].data(RECORD_ROLE)
            if self.report.report is None or self.report.report.session.id != figures.session.id:
                self.sessionChosen.emit(figures.session.id)

    def _export(self, kind: str) -> None:
        which = "session" if self.pages.currentIndex() == 0 else "period"
        if which == "session" and self.report.report is None:
            return
        dialog = file_dialog(
            self,
            self.tr("Export the report"),
            filters=[self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel (*.xlsx)")],
            save=True,
            name=f"report.{kind}",
            suffix=kind,
            delete_on_close=False,
        )
        dialog.fileSelected.connect(lambda path: self.exportAsked.emit(which, path))
        self._file_dialog = dialog  # kept while it is open
        dialog.open()

    def document(self) -> Document | None:
        """The report on the page shown, as the PDF lays it out (None: no session chosen)."""
        if self.pages.currentIndex() == 0:
            report = self.report.report
            return session_document(report) if report is not None else None
        first, last = self.chosen_range()
        return period_document(self.period.shown(), first, last)

    def _print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        document = self.document()
        if document is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(RESOLUTION)  # laid out as the PDF is
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self._print_on(document, printer))
        self._print_dialog = dialog  # kept while it is open (shown with open(), not exec())
        dialog.open()

    def _print_on(self, document: Document, printer: QPagedPaintDevice) -> None:
        if not print_document(document, printer, RESOLUTION):
            self.note.setText(self.tr("The printer could not be used."))

    def show_exported(self, path: str) -> None:
        self.note.setText(self.tr("Written: {path}").format(path=path))

    def set_units(self, units: list[UnitRecord]) -> None:
        """The directory's units: what kind each is (the kind filter)."""
        self._kinds = {u.name: str(u.kind) for u in units}
        self._filter()

    def show_figures(self, figures: list[SessionFigures]) -> None:
        self._figures = figures
        units = sorted({f.session.unit_name for f in figures if f.session.unit_name})
        current = self.unit.currentData()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("All units"), "")
        for name in units:
            self.unit.addItem(name, name)
        self.unit.setCurrentIndex(max(self.unit.findData(current), 0))
        self.unit.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        unit, kind = self.unit.currentData(), self.kind.currentData()
        held = [
            f
            for f in self._figures
            if f.session.status == SessionStatus.ENDED
            and (not unit or f.session.unit_name == unit)
            and (not kind or self._kinds.get(f.session.unit_name) == kind)
        ]
        self.model.set_records(held)
        if held and not self.view.selectionModel().hasSelection():
            # The latest session's report, without a click (the table is oldest first).
            self.view.selectRow(self.view.model().rowCount() - 1)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        questions = sum(f.questions for f in held)
        answered = sum(f.answered for f in held)
        referred = sum(f.referred for f in held)
        rate = f"{(answered + referred) / questions:.0%}" if questions else "—"
        self.summary.setText(
            self.tr(
                "{sessions} sessions · {viewers} viewers · {questions} distinct questions · "
                "{answered} answered on air · {referred} referred · {rate} handled"
            ).format(
                sessions=len(held),
                viewers=_number(sum(f.total_viewers for f in held)),
                questions=questions,
                answered=answered,
                referred=referred,
                rate=rate,
            )
        )
