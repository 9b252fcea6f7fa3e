"""The two moves that need words from the moderator: refer (R) and edit-then-approve (E)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

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

from studio.domain.model import ReferralCategory
from studio.domain.records import QuestionRecord, UnitRecord
from studio.domain.referral_deadlines import DEFAULT_RULES, DeadlineRules
from studio.domain.studio_time import studio_today
from studio.ui import labels, theme


class ReferDialog(QDialog):
    """Refer the selected questions to a unit; the suggested unit is preselected, and with
    none suggested no unit is (the moderator chooses one: a default would send a 低保 case to
    whichever unit sorts first). The due date the ticket will get is shown and follows the
    category.

    Shown non-modally (the feed keeps flowing); Enter accepts, Esc closes.

    Signals:
        referRequested(list ids, int unit_id, str category, str note)
        rulesWanted(): the dialog opened; the store's deadline rules (working days per
            category, on the studio's calendar with the days entered by hand) are asked for
            again, and :meth:`set_rules` shows the due date they give.
    """

    referRequested = Signal(list, int, str, str)
    rulesWanted = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], dt.date] = studio_today
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refer to a department"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._ids: list[int] = []
        self._today = today
        self._rules = DEFAULT_RULES
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.unit = QComboBox()
        self.unit.setPlaceholderText(self.tr("Choose a unit"))
        self.category = QComboBox()
        for category in ReferralCategory:
            self.category.addItem(labels.referral_category(category), str(category))
        self.due = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.category.currentIndexChanged.connect(self._show_due)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("e.g. call the viewer back about the address"))
        self.problem = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.problem.setStyleSheet(f"color: {theme.BAD.name()};")
        form = QFormLayout()
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Due"), self.due)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.close)
        box = QVBoxLayout(self)
        box.addWidget(self.summary)
        box.addLayout(form)
        box.addWidget(buttons)

    def ask(self, questions: Sequence[QuestionRecord], units: Sequence[UnitRecord]) -> None:
        """Show the dialog for ``questions``, with the first one's suggested unit selected."""
        self._ids = [q.id for q in questions]
        self.summary.setText(
            self.tr("Refer {count} question(s): {first}").format(
                count=len(questions), first=questions[0].display_text if questions else ""
            )
        )
        self.unit.clear()
        for unit in units:
            if not unit.retired:
                self.unit.addItem(unit.name, unit.id)
        suggested = questions[0].unit_name if questions else ""
        self.unit.setCurrentIndex(self.unit.findText(suggested) if suggested else -1)
        self.category.setCurrentIndex(0)
        self.note.clear()
        self.problem.clear()
        self._show_due()
        self.rulesWanted.emit()
        self.show()
        self.raise_()
        self.note.setFocus()

    def set_today(self, today: Callable[[], dt.date]) -> None:
        """Where the studio's date comes from (the app's, which the store counts from)."""
        self._today = today
        self._show_due()

    def set_rules(self, rules: DeadlineRules) -> None:
        """The deadline rules the store will give the ticket (as the store read them)."""
        self._rules = rules
        self._show_due()

    def due_date(self) -> dt.date:
        """The due date the chosen category gives a ticket accepted today."""
        category = ReferralCategory(self.category.currentData() or ReferralCategory.ENQUIRY)
        return self._rules.deadline(category, self._today())

    def _show_due(self) -> None:
        category = ReferralCategory(self.category.currentData() or ReferralCategory.ENQUIRY)
        self.due.setText(
            self.tr("{date} ({days} working days)").format(
                date=self.due_date().isoformat(), days=self._rules.days_for(category)
            )
        )

    def _accept(self) -> None:
        if not self._ids:
            self.close()
            return
        if self.unit.currentIndex() < 0:
            self.problem.setText(self.tr("Choose the unit the question goes to"))
            self.unit.setFocus()
            return
        self.referRequested.emit(
            self._ids,
            int(self.unit.currentData()),
            self.category.currentData(),
            self.note.text(),
        )
        self.close()


class EditDialog(QDialog):
    """Edit a question's text before approving it (the original stays in the audit).

    Signals:
        editRequested(int id, str text)
    """

    editRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit, then approve"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._id: int | None = None
        self.text = QPlainTextEdit()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.close)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Personal data you type is masked when saved.")))
        box.addWidget(self.text)
        box.addWidget(buttons)

    def ask(self, question: QuestionRecord) -> None:
        self._id = question.id
        self.text.setPlainText(question.display_text)
        self.show()
        self.raise_()
        self.text.setFocus()

    def _accept(self) -> None:
        text = " ".join(self.text.toPlainText().split())
        if self._id is not None and text:
            self.editRequested.emit(self._id, text)
        self.close()
