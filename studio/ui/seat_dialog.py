"""The start dialog that asks who sits at this computer: the person's name and the seat's role."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from studio.domain.seats import PERSON_MAX, Seat, SeatRole, person_name
from studio.ui import labels


class SeatDialog(QDialog):
    """Asks the name and the role once per computer (the app remembers the answer).

    Enter accepts; the name must not be empty.
    """

    def __init__(self, seat: Seat, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is at this seat?"))
        intro = QLabel(
            self.tr(
                "Your name and role go with every move you make, and the other seats "
                "see who is connected. This computer remembers them."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(seat.person)
        self.name.setMaxLength(PERSON_MAX)
        self.name.selectAll()
        self.role = QComboBox()
        for role in SeatRole:
            self.role.addItem(labels.seat_role(role), role)
        self.role.setCurrentIndex(list(SeatRole).index(seat.role))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._name_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.name.setFocus()

    def _name_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(person_name(text)))

    def accept(self) -> None:
        if person_name(self.name.text()):  # Enter on an empty name does nothing
            super().accept()

    def seat(self) -> Seat:
        """The seat as entered."""
        return Seat(person_name(self.name.text()), SeatRole(self.role.currentData()))
