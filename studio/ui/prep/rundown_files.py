"""The running order's files and templates: CSV import and export through file dialogs, the
problems of a refused import, the templates menu and *Save as template*.

A part of :class:`~studio.ui.prep.rundown_editor.RundownEditor` (which keeps the table, its
keys and the totals); it changes the rundown only through the editor's model, as one
undoable command, and asks through the editor's signals for what reads or writes files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QFileInfo, QObject, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QListWidget,
    QMenu,
    QPushButton,
    QVBoxLayout,
)

from studio.domain.durations import format_duration
from studio.domain.rundown_csv import CsvProblem, RundownTemplateRecord, SegmentDraft
from studio.ui import theme
from studio.ui.file_dialogs import file_dialog
from studio.ui.prep.rundown_table import problem_text

if TYPE_CHECKING:
    from studio.ui.prep.rundown_editor import RundownEditor


class RundownFiles(QObject):
    """Files and templates of one running-order editor.

    Attributes:
        templates_menu: the Templates button's menu (the templates, then *Save as template*).
        problems_panel: why the last import was refused, line by line (hidden otherwise).
    """

    def __init__(self, editor: RundownEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self._templates: list[RundownTemplateRecord] = []
        self._import_path = ""
        self._dialog: QDialog | None = None
        self._folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self.templates_menu = QMenu(editor)
        self.problems_panel = QFrame(editor)
        self.problems_panel.setProperty("role", "card")
        self.problems_title = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.problems_title.setStyleSheet(f"color: {theme.BAD.name()}; font-weight: 600;")
        self.problems_list = QListWidget(self.problems_panel)
        self.problems_list.setMaximumHeight(140)
        close = QPushButton(self.tr("Close"), self.problems_panel)
        close.clicked.connect(self.problems_panel.hide)
        panel_box = QVBoxLayout(self.problems_panel)
        panel_box.addWidget(self.problems_title)
        panel_box.addWidget(self.problems_list)
        panel_box.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.problems_panel.hide()

    # -- templates ---------------------------------------------------------------------------
    def apply_template(self, template: RundownTemplateRecord) -> None:
        self._editor.model.replace_all(
            template.segments, self.tr("Apply template “{name}”").format(name=template.name)
        )
        self._editor.show_message(
            self.tr(
                "Applied the template “{name}”. Ctrl+Z restores the previous running order."
            ).format(name=template.name),
            theme.OK,
        )

    def save_as_template(self, name: str) -> None:
        editor = self._editor
        name = name.strip()
        if not name:
            return
        if not editor.model.rowCount():
            editor.show_message(self.tr("The running order is empty: there is nothing to save."))
            return
        editor.templateSaveRequested.emit(name, editor.model.drafts())

    def show_templates(self, templates: list[RundownTemplateRecord] | None = None) -> None:
        """The templates in the menu (``None``: the same ones, e.g. after a session change)."""
        if templates is not None:
            self._templates = list(templates)
        editor = self._editor
        menu = self.templates_menu
        menu.clear()
        for template in self._templates:
            text = self.tr("{name} · {count} segments · {total}").format(
                # A "&" in a name would otherwise become a keyboard accelerator.
                name=template.name.replace("&", "&&"),
                count=len(template.segments),
                total=format_duration(template.total_s),
            )
            action = menu.addAction(text)
            action.triggered.connect(lambda _checked=False, t=template: self.apply_template(t))
            action.setEnabled(
                editor.session is not None and not editor.read_only and bool(template.segments)
            )
        if not self._templates:
            menu.addAction(self.tr("No templates yet")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(editor.edit_actions["save_template"])

    def template_saved(self, name: str) -> None:
        self._editor.show_message(
            self.tr("Saved the template “{name}”.").format(name=name), theme.OK
        )

    # -- CSV files ---------------------------------------------------------------------------
    def import_csv(self, path: str) -> None:
        """Read a CSV file in the background; it replaces the rundown if it has no problems."""
        editor = self._editor
        if editor.session is None:
            return
        self._import_path = path
        editor.show_message(self.tr("Reading {file}…").format(file=QFileInfo(path).fileName()))
        editor.importRequested.emit(path)

    def export_csv(self, path: str) -> None:
        self._editor.exportRequested.emit(path, self._editor.model.drafts())

    def imported(self, path: str, drafts: list[SegmentDraft]) -> None:
        editor = self._editor
        if path != self._import_path or editor.session is None:
            return
        self._import_path = ""
        self.problems_panel.hide()
        name = QFileInfo(path).fileName()
        editor.model.replace_all(drafts, self.tr("Import {file}").format(file=name))
        editor.show_message(
            self.tr(
                "Imported {count} segments from {file}. Ctrl+Z restores the previous running order."
            ).format(count=len(drafts), file=name),
            theme.OK,
        )

    def import_failed(self, path: str, problems: list[CsvProblem]) -> None:
        if path != self._import_path:
            return
        self._import_path = ""
        self._editor.message_label.clear()
        self.problems_title.setText(
            self.tr(
                "{file} was not imported: {count} problem(s). The running order is unchanged."
            ).format(file=QFileInfo(path).fileName(), count=len(problems))
        )
        self.problems_list.clear()
        shown = 200  # enough to see what is wrong; a file of thousands is the wrong file
        self.problems_list.addItems([problem_text(problem) for problem in problems[:shown]])
        if len(problems) > shown:
            self.problems_list.addItem(
                self.tr("… and {count} more").format(count=len(problems) - shown)
            )
        self.problems_panel.show()

    def exported(self, path: str) -> None:
        self._editor.show_message(
            self.tr("Exported the running order to {path}.").format(path=path), theme.OK
        )

    # -- dialogs (opened with open(): the event loop keeps running) --------------------------
    def ask_import_path(self) -> None:
        dialog = self._file_dialog(self.tr("Import a running order"), save=False)
        dialog.fileSelected.connect(self.import_csv)
        dialog.open()

    def ask_export_path(self) -> None:
        dialog = self._file_dialog(self.tr("Export the running order"), save=True)
        dialog.setDefaultSuffix("csv")
        session = self._editor.session
        day = session.date.isoformat() if session else ""
        dialog.selectFile(self.tr("running-order-{day}.csv").format(day=day))
        dialog.fileSelected.connect(self.export_csv)
        dialog.open()

    def _file_dialog(self, caption: str, *, save: bool) -> QFileDialog:
        dialog = file_dialog(
            self._editor,
            caption,
            folder=self._folder,
            filters=[self.tr("CSV files (*.csv)"), self.tr("All files (*)")],
            save=save,
        )
        dialog.fileSelected.connect(lambda path: setattr(self, "_folder", QFileInfo(path).path()))
        self._dialog = dialog
        return dialog

    def ask_template_name(self) -> None:
        dialog = QInputDialog(self._editor)
        dialog.setWindowTitle(self.tr("Save as template"))
        dialog.setLabelText(
            self.tr("Name of the template (a template of the same name is replaced):")
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(self.save_as_template)
        self._dialog = dialog
        dialog.open()
