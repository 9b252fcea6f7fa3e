"""The schedule's files in the window: export, and import with a preview of what it would change
or every bad row with its line and column.

Nothing is stored until the whole file is valid and the operator accepts the preview; the
check itself runs in the service (``import_schedule(..., dry_run=True)``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from studio.domain.schedule_table import TableProblem
from studio.services.refusal_text import refusal_text
from studio.ui import theme
from studio.ui.file_dialogs import file_dialog


class ScheduleImportDialog(QDialog):
    """The preview of one file's import; "Import" only for a valid file that changes something.

    Non-modal: show it with ``open()``; the view feeds it the service's answers.

    Signals:
        importAccepted(str): import this file now.
    """

    importAccepted = Signal(str)

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        # Waiting for the service's answer (a check or the import itself).
        self.waiting = True
        self.setWindowTitle(self.tr("Import schedule"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumSize(560, 360)
        heading = QLabel(Path(path).name, textFormat=Qt.TextFormat.PlainText)
        heading.setProperty("role", "heading")
        self.summary = QLabel(
            self.tr("Checking the file…"), textFormat=Qt.TextFormat.PlainText, wordWrap=True
        )
        self.table = QTableWidget(0, 2)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._accept_import)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.import_button)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(self.summary)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def open(self) -> None:
        """Show without blocking (and without locking the main window)."""
        self.show()
        self.raise_()

    # -- fed by the view ---------------------------------------------------------------------
    def show_preview(
        self, created: Sequence[dt.date], updated: Sequence[dt.date], unchanged: Sequence[dt.date]
    ) -> None:
        """A valid file: the days whose sessions it would create or change (nothing stored yet)."""
        self.waiting = False
        changes = len(created) + len(updated)
        self.summary.setText(
            self.tr(
                "The file is valid. Importing it creates {created} sessions and changes "
                "{updated}; {unchanged} stay as they are. Nothing is stored until you import."
            ).format(
                created=len(created),
                updated=len(updated),
                unchanged=len(unchanged),
            )
            if changes
            else self.tr("The file is valid and changes nothing.")
        )
        rows = [(d, self.tr("new session")) for d in created]
        rows += [(d, self.tr("changed")) for d in updated]
        rows.sort()
        self._fill(
            [self.tr("Date"), self.tr("Change")], [(d.isoformat(), what) for d, what in rows]
        )
        self.import_button.setEnabled(changes > 0)
        self.import_button.setDefault(True)

    def show_problems(self, problems: Sequence[TableProblem]) -> None:
        """An invalid file: each problem at its line and column; nothing can be imported."""
        self.waiting = False
        self.summary.setText(
            self.tr(
                "The file has {count} problems and cannot be imported; nothing was stored."
            ).format(count=len(problems))
        )
        self._fill(
            [self.tr("Line"), self.tr("Column"), self.tr("Problem")],
            [(str(p.line), p.column, refusal_text(p.reason)) for p in problems],
            bad=True,
        )
        self.import_button.setEnabled(False)

    def show_failure(self, text: str) -> None:
        """The file could not be read at all."""
        self.waiting = False
        self.summary.setText(text)
        self._fill([], [])
        self.import_button.setEnabled(False)

    def rows(self) -> list[tuple[str, ...]]:
        """The table's text, row by row (what the operator reads)."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]

    def _fill(self, headers: list[str], rows: Sequence[tuple[str, ...]], bad: bool = False) -> None:
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if bad:
                    item.setForeground(QBrush(theme.BAD))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        # After sizing to the contents, the last column (the problem, or the change) takes the rest.
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.horizontalHeader().setStretchLastSection(True)

    def _accept_import(self) -> None:
        self.import_button.setEnabled(False)
        self.waiting = True
        self.summary.setText(self.tr("Importing…"))
        self.importAccepted.emit(self.path)


class ScheduleFiles(QObject):
    """The schedule view's Export… and Import…: the file dialogs, the import preview dialog.

    Args:
        parent: the schedule view (the dialogs' parent).
        export_range: the days an export writes by default (what the view shows).

    Signals:
        exportRequested(object, object, str): write the sessions of these days to the file.
        importPreviewRequested(str): check this file and say what importing it would do.
        importRequested(str): import this (checked and accepted) file.
        message(str): what happened, for the view's message line.
    """

    exportRequested = Signal(object, object, str)
    importPreviewRequested = Signal(str)
    importRequested = Signal(str)
    message = Signal(str)

    def __init__(
        self, parent: QWidget, export_range: Callable[[], tuple[dt.date, dt.date]]
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._export_range = export_range
        self.import_dialog: ScheduleImportDialog | None = None
        self.file_dialog: QFileDialog | None = None

    def ask_export_path(self) -> None:
        """Where to write the shown month or week (a Qt file dialog, opened with open())."""
        first, last = self._export_range()
        name = self.tr("schedule-{first}-{last}.csv").format(
            first=first.isoformat(), last=last.isoformat()
        )
        dialog = self._file_dialog(self.tr("Export the schedule"), save=True, name=name)
        dialog.fileSelected.connect(self.export_file)
        dialog.open()

    def export_file(
        self, path: str, first: dt.date | None = None, last: dt.date | None = None
    ) -> None:
        """Write the sessions of ``first``–``last`` (default: what is shown); .xlsx or .csv."""
        shown = self._export_range()
        self.message.emit(self.tr("Exporting…"))
        self.exportRequested.emit(first or shown[0], last or shown[1], path)

    def show_exported(self, path: str, count: int) -> None:
        self.message.emit(
            self.tr("{count} sessions written to {path}").format(count=count, path=path)
        )

    def ask_import_path(self) -> None:
        dialog = self._file_dialog(self.tr("Import a schedule"), save=False)
        dialog.fileSelected.connect(self.import_file)
        dialog.open()

    def import_file(self, path: str) -> None:
        """Check a file and show what importing it would do; nothing is stored yet."""
        if self.import_dialog is not None:
            self.import_dialog.close()
        self.import_dialog = ScheduleImportDialog(path, self._parent)
        self.import_dialog.importAccepted.connect(self.importRequested.emit)
        self.import_dialog.open()
        self.importPreviewRequested.emit(path)

    def _import_dialog_of(self, path: str) -> ScheduleImportDialog | None:
        dialog = self.import_dialog
        return dialog if dialog is not None and dialog.path == path else None

    def show_import_preview(
        self, path: str, created: list[dt.date], updated: list[dt.date], unchanged: list[dt.date]
    ) -> None:
        if (dialog := self._import_dialog_of(path)) is not None:
            dialog.show_preview(created, updated, unchanged)

    def show_import_problems(self, path: str, problems: list[TableProblem]) -> None:
        if (dialog := self._import_dialog_of(path)) is not None:
            dialog.show_problems(problems)
        self.message.emit(
            self.tr("{count} problems in the file; nothing was imported").format(
                count=len(problems)
            )
        )

    def show_imported(
        self, path: str, created: list[dt.date], updated: list[dt.date], _unchanged: list[dt.date]
    ) -> None:
        if (dialog := self._import_dialog_of(path)) is not None:
            dialog.accept()
        self.message.emit(
            self.tr("Imported: {created} sessions created, {updated} changed").format(
                created=len(created), updated=len(updated)
            )
        )

    def _file_dialog(self, caption: str, *, save: bool, name: str = "") -> QFileDialog:
        """A Qt (non-native) file dialog for CSV and XLSX schedules, to be shown with ``open()``.

        Qt's own dialog keeps the event loop, and the tests, in charge on every platform.
        """
        dialog = file_dialog(
            self._parent,
            caption,
            filters=[
                self.tr("Schedule files (*.csv *.xlsx)"),
                self.tr("CSV files (*.csv)"),
                self.tr("Excel workbooks (*.xlsx)"),
            ],
            save=save,
            name=name,
            suffix="csv" if save else "",
        )
        self.file_dialog = dialog
        return dialog

    def show_failure(self, text: str) -> None:
        """A failure while a file is being checked or imported (e.g. not a spreadsheet)."""
        if self.import_dialog is not None and self.import_dialog.waiting:
            self.import_dialog.show_failure(text)
