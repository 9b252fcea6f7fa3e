"""The dialogs of the units page: a unit, an official, and the preview of a units file's import.

Each is opened with ``open()`` and answers through a signal. The unit and official dialogs stay
open until the store has taken the change (the page closes them), so a refusal — a taken name, a
short name too long — is shown beside the fields and the operator corrects it in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import UnitKind
from studio.domain.records import OfficialRecord, UnitRecord
from studio.ui import labels


class _DirectoryDialog(QDialog):
    """A form with a line for the store's refusal, OK and Cancel; OK waits for the answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.form = QFormLayout()
        self.problem = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.problem.setProperty("role", "chip")
        self.problem.setProperty("state", "bad")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.problem)
        box.addWidget(self.buttons)

    def _line(self, label: str, max_length: int = 200) -> QLineEdit:
        line = QLineEdit()
        line.setMaxLength(max_length)
        self.form.addRow(label, line)
        return line

    def show_problem(self, text: str) -> None:
        """The store refused the change: say why, and let the operator try again."""
        self.problem.setText(text)
        self.problem.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)

    def _begin(self, title: str) -> None:
        self.setWindowTitle(title)
        self.problem.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.open()

    def _submit(self) -> None:
        # Until the store answers: a second Enter must not send the change twice.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.problem.hide()
        self.submit()

    def submit(self) -> None:
        raise NotImplementedError


class UnitDialog(_DirectoryDialog):
    """Add or edit a unit.

    Signals:
        submitted(object, str, str, str, str): the unit before (None for a new one), name,
            short name, kind (``department``/``township``, "" if none chosen) and the keywords
            as typed.
    """

    submitted = Signal(object, str, str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._before: UnitRecord | None = None
        self.name = self._line(self.tr("Name"))
        self.short_name = self._line(self.tr("Short name"))
        self.kind = QComboBox()
        self.kind.setPlaceholderText(self.tr("Choose…"))
        for kind in UnitKind:
            self.kind.addItem(labels.unit_kind(kind), str(kind))
        self.form.addRow(self.tr("Kind"), self.kind)
        self.keywords = self._line(self.tr("Routing keywords"), 2000)
        self.keywords.setPlaceholderText(self.tr("e.g. 供暖、物业、停水"))
        hint = QLabel(
            self.tr(
                "The live feed suggests this unit for comments that mention a keyword. "
                "Separate them with 、 , ， or spaces."
            ),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        hint.setProperty("role", "subtle")
        self.form.addRow(hint)
        self.resize(460, self.sizeHint().height())

    def ask_new(self) -> None:
        self._before = None
        for line in (self.name, self.short_name, self.keywords):
            line.clear()
        self.kind.setCurrentIndex(-1)
        self._begin(self.tr("Add a unit"))
        self.name.setFocus()

    def ask_edit(self, unit: UnitRecord) -> None:
        self._before = unit
        self.name.setText(unit.name)
        self.short_name.setText(unit.short_name)
        self.kind.setCurrentIndex(self.kind.findData(str(unit.kind)))
        self.keywords.setText("、".join(unit.keywords))
        self._begin(self.tr("Edit the unit"))
        self.name.setFocus()

    def submit(self) -> None:
        kind = self.kind.currentData()
        self.submitted.emit(
            self._before,
            self.name.text(),
            self.short_name.text(),
            str(kind) if kind else "",
            self.keywords.text(),
        )


class OfficialDialog(_DirectoryDialog):
    """Add or edit an official of a unit.

    Signals:
        submitted(object, int, str, str): the official before (None for a new one), the unit's
            id, name and title.
    """

    submitted = Signal(object, int, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._before: OfficialRecord | None = None
        self._unit_id = 0
        self.unit = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.name = self._line(self.tr("Name"))
        self.title = self._line(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("e.g. 局长, 镇长"))
        self.resize(380, self.sizeHint().height())

    def ask_new(self, unit: UnitRecord) -> None:
        self._before, self._unit_id = None, unit.id
        self.unit.setText(unit.name)
        self.name.clear()
        self.title.clear()
        self._begin(self.tr("Add an official"))
        self.name.setFocus()

    def ask_edit(self, official: OfficialRecord) -> None:
        self._before, self._unit_id = official, official.unit_id
        self.unit.setText(official.unit_name)
        self.name.setText(official.name)
        self.title.setText(official.title)
        self._begin(self.tr("Edit the official"))
        self.name.setFocus()

    def submit(self) -> None:
        self.submitted.emit(self._before, self._unit_id, self.name.text(), self.title.text())


class ImportPreviewDialog(QDialog):
    """What a units file would change; nothing is stored unless the operator accepts.

    Signals:
        importAccepted(str): the file to import.
    """

    importAccepted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setWindowTitle(self.tr("Import units"))
        self._path = ""
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.details = QPlainTextEdit(readOnly=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addWidget(self.details, 1)
        box.addWidget(self.buttons)
        self.resize(520, 420)

    def ask(
        self,
        path: str,
        file_name: str,
        added: Sequence[str],
        changed: Sequence[str],
        unchanged: Sequence[str],
    ) -> None:
        self._path = path
        self.summary.setText(
            self.tr(
                "{file}: {added} unit(s) to add, {changed} to change, {same} unchanged."
            ).format(file=file_name, added=len(added), changed=len(changed), same=len(unchanged))
        )
        parts = []
        for heading, names in (
            (self.tr("Added"), added),
            (self.tr("Changed"), changed),
            (self.tr("Unchanged"), unchanged),
        ):
            if names:
                parts.append(f"{heading} ({len(names)}):\n" + "\n".join(f"  {n}" for n in names))
        self.details.setPlainText("\n\n".join(parts))
        self.import_button.setEnabled(bool(added or changed))
        self.open()

    def _accept(self) -> None:
        self.accept()
        self.importAccepted.emit(self._path)
