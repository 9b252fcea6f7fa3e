"""The units page's files: Import… (with a preview, nothing stored until it is accepted) and
Export…, the file dialogs and the folder they remember.

The check and the import run in the units service; this part only asks for them and says what
came back, on the page's message line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QFileInfo, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from studio.domain.schedule_table import TableProblem
from studio.services.refusal_text import refusal_text
from studio.ui.file_dialogs import file_dialog
from studio.ui.prep.unit_dialogs import ImportPreviewDialog


class UnitsFiles(QObject):
    """The units page's Import… and Export…: the file dialogs, the import preview dialog.

    Args:
        parent: the units page (the dialogs' parent).
        show_message: puts a line under the page's tables (``bad`` marks a refusal).
        hide_message: takes that line away.

    Signals:
        importPreviewRequested(str): check this units file, store nothing yet.
        importRequested(str): import this file (its preview was accepted).
        exportRequested(str): write every unit and official to this file.
    """

    importPreviewRequested = Signal(str)
    importRequested = Signal(str)
    exportRequested = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        show_message: Callable[..., None],
        hide_message: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._show_message = show_message
        self._hide_message = hide_message
        self._folder = ""
        self.file_dialog: QFileDialog | None = None
        self.preview_dialog = ImportPreviewDialog(parent)
        self.preview_dialog.importAccepted.connect(self.importRequested)

    def import_file(self, path: str) -> None:
        """Check a units file; a preview follows, and nothing is stored until it is accepted."""
        self._show_message(self.tr("Reading {file}…").format(file=QFileInfo(path).fileName()))
        self.importPreviewRequested.emit(path)

    def export_file(self, path: str) -> None:
        """Write every unit with its officials to ``path`` (CSV or XLSX by the suffix)."""
        self.exportRequested.emit(path)

    def show_import_preview(self, path: str, plan: Any) -> None:
        self._hide_message()
        self.preview_dialog.ask(
            path, QFileInfo(path).fileName(), plan.added, plan.changed, plan.unchanged
        )

    def show_import_refusal(self, path: str, problems: list[TableProblem]) -> None:
        lines = [self._problem_line(p) for p in problems[:8]]
        if len(problems) > len(lines):
            lines.append(self.tr("… and {n} more").format(n=len(problems) - len(lines)))
        self._show_message(
            self.tr("{file} was not imported (nothing changed):").format(
                file=QFileInfo(path).fileName()
            )
            + "\n"
            + "\n".join(lines),
            bad=True,
        )

    def _problem_line(self, problem: TableProblem) -> str:
        """Where and why, in the interface's language (the reason is a refusal's code)."""
        if problem.column:
            where = self.tr("line {line}, column {column}:").format(
                line=problem.line, column=problem.column
            )
        else:
            where = self.tr("line {line}:").format(line=problem.line)
        return f"{where} {refusal_text(problem.reason)}"

    def show_imported(self, path: str, done: Any) -> None:
        self._show_message(
            self.tr("Imported {file}: {added} unit(s) added, {changed} changed.").format(
                file=QFileInfo(path).fileName(), added=len(done.added), changed=len(done.changed)
            )
        )

    def show_exported(self, path: str, count: int) -> None:
        self._show_message(
            self.tr("Wrote {count} unit(s) to {file}.").format(
                count=count, file=QFileInfo(path).fileName()
            )
        )

    def ask_import_path(self) -> None:
        dialog = self._dialog(self.tr("Import units"), save=False)
        dialog.fileSelected.connect(self.import_file)
        dialog.open()

    def ask_export_path(self) -> None:
        dialog = self._dialog(self.tr("Export units"), save=True)
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(self.tr("units.xlsx"))
        dialog.fileSelected.connect(self.export_file)
        dialog.open()

    def _dialog(self, caption: str, *, save: bool) -> QFileDialog:
        dialog = file_dialog(
            self._parent,
            caption,
            folder=self._folder,
            filters=[self.tr("Tables (*.xlsx *.csv)"), self.tr("All files (*)")],
            save=save,
        )
        dialog.fileSelected.connect(lambda path: setattr(self, "_folder", QFileInfo(path).path()))
        self.file_dialog = dialog
        return dialog
