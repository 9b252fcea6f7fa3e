"""Small dialogs for the moves on a ticket that need words: a unit, a reply, a reason, a date.

Each is opened with ``open()`` (never ``exec()``: the loop keeps running) and, on OK, says the
move it makes as a domain :class:`~studio.domain.referral_lifecycle.Move`; the board sends it
to the service, whose store checks it again (a dialog never decides what is legal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import Satisfaction
from studio.domain.records import ReferralRecord, UnitRecord
from studio.domain.referral_lifecycle import (
    CallBack,
    Move,
    Reply,
    RequestExtension,
    Return,
    Urge,
)
from studio.ui import labels

#: The longest text a dialog takes (a reply, a reason); the store keeps more, people type less.
TEXT_MAX = 2_000


class _MoveDialog(QDialog):
    """A form with OK/Cancel; OK is enabled while :meth:`_ready` holds.

    Signals:
        moveChosen(int, object): the ticket's id and the ``Move`` to make.
    """

    moveChosen = Signal(int, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._ticket_id = 0
        self.heading = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addLayout(self.form)
        box.addWidget(self.buttons)

    def _ask(self, ticket: ReferralRecord, heading: str) -> None:
        self._ticket_id = ticket.id
        self.heading.setText(heading)
        self._check()
        self.open()

    def _check(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self._ready())

    def _ready(self) -> bool:
        return True

    def _move(self) -> Move:
        raise NotImplementedError

    def accept(self) -> None:
        if not self._ready():
            return
        self.moveChosen.emit(self._ticket_id, self._move())
        super().accept()


def _text_box(dialog: _MoveDialog) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumWidth(420)
    box.textChanged.connect(dialog._check)
    return box


def _text(box: QPlainTextEdit) -> str:
    return box.toPlainText().strip()[:TEXT_MAX]


class DispatchDialog(QDialog):
    """Dispatch one ticket or many to a serving unit (a retired unit is never offered).

    Signals:
        dispatchChosen(list, int, str): the tickets' ids, the unit's id, a note ("" for none).
    """

    dispatchChosen = Signal(list, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self._ids: list[int] = []
        self.heading = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.unit = QComboBox()
        self.unit.setMinimumWidth(320)
        self.note = QLineEdit()
        self.note.setMaxLength(TEXT_MAX)
        self.note.setPlaceholderText(self.tr("optional"))
        form = QFormLayout()
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addLayout(form)
        box.addWidget(self.buttons)

    def ask(self, tickets: Sequence[ReferralRecord], units: Sequence[UnitRecord]) -> None:
        """Ask for a unit for ``tickets``; the first one's unit is proposed unless it returned
        the ticket (a returned ticket goes to another unit)."""
        self._ids = [t.id for t in tickets]
        serving = [u for u in units if not u.retired]
        self.unit.clear()
        for unit in serving:
            self.unit.addItem(unit.name, unit.id)
        first = tickets[0]
        returned_by = first.returned_by_unit_id
        if first.unit_id != returned_by:
            found = self.unit.findData(first.unit_id)
        else:  # the first serving unit that did not return it
            found = next((i for i, u in enumerate(serving) if u.id != returned_by), -1)
        self.unit.setCurrentIndex(max(found, 0))
        self.note.clear()
        if len(tickets) == 1:
            self.setWindowTitle(self.tr("Dispatch {number}").format(number=first.number))
            self.heading.setText(first.summary)
        else:
            self.setWindowTitle(self.tr("Dispatch {count} tickets").format(count=len(tickets)))
            self.heading.setText(", ".join(t.number for t in tickets))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(serving))
        self.open()

    def accept(self) -> None:
        unit_id = self.unit.currentData()
        if unit_id is None:
            return
        self.dispatchChosen.emit(list(self._ids), int(unit_id), self.note.text().strip())
        super().accept()


class ReplyDialog(_MoveDialog):
    """The unit's reply: its text (required) and who gave it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = _text_box(self)
        self.by = QLineEdit()
        self.by.setMaxLength(80)
        self.by.setPlaceholderText(self.tr("a name or a post, e.g. 社会救助股"))
        self.form.addRow(self.tr("Reply"), self.text)
        self.form.addRow(self.tr("By"), self.by)

    def ask(self, ticket: ReferralRecord) -> None:
        self.setWindowTitle(self.tr("Reply to {number}").format(number=ticket.number))
        self.text.clear()
        self.by.clear()
        self._ask(ticket, ticket.summary)
        self.text.setFocus()

    def _ready(self) -> bool:
        return bool(_text(self.text))

    def _move(self) -> Move:
        return Reply(text=_text(self.text), by=self.by.text().strip())


class CallBackDialog(_MoveDialog):
    """What the viewer said when called back: 满意, 基本满意 or 不满意 (which reopens it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = QButtonGroup(self)
        column = QVBoxLayout()
        self.radios: dict[Satisfaction, QRadioButton] = {}
        for satisfaction in Satisfaction:
            radio = QRadioButton(labels.satisfaction(satisfaction))
            self.choices.addButton(radio)
            self.radios[satisfaction] = radio
            column.addWidget(radio)
        self.choices.buttonToggled.connect(lambda *_: self._check())
        hint = QLabel(
            self.tr("Dissatisfied reopens the ticket with a new deadline."),
            textFormat=Qt.TextFormat.PlainText,
        )
        hint.setProperty("role", "subtle")
        column.addWidget(hint)
        self.note = QLineEdit()
        self.note.setMaxLength(TEXT_MAX)
        self.note.setPlaceholderText(self.tr("optional"))
        self.form.addRow(self.tr("The viewer is"), column)
        self.form.addRow(self.tr("Note"), self.note)

    def ask(self, ticket: ReferralRecord) -> None:
        self.setWindowTitle(self.tr("Call back about {number}").format(number=ticket.number))
        self.choices.setExclusive(False)
        for radio in self.radios.values():
            radio.setChecked(False)
        self.choices.setExclusive(True)
        self.note.clear()
        self._ask(ticket, ticket.reply or ticket.summary)

    def chosen(self) -> Satisfaction | None:
        return next((s for s, radio in self.radios.items() if radio.isChecked()), None)

    def _ready(self) -> bool:
        return self.chosen() is not None

    def _move(self) -> Move:
        return CallBack(satisfaction=self.chosen(), reason=self.note.text().strip())


class ReasonDialog(_MoveDialog):
    """A move that is one text: a return's reason (required) or an urging's note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = _text_box(self)
        self.text.setMaximumHeight(120)
        self.label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.form.addRow(self.label, self.text)
        self._required = False
        self._kind: type[Move] = Return

    def ask_return(self, ticket: ReferralRecord) -> None:
        self._kind, self._required = Return, True
        self.setWindowTitle(self.tr("Return {number}").format(number=ticket.number))
        self.label.setText(self.tr("Reason"))
        self.text.clear()
        self._ask(ticket, self.tr("{unit} hands the ticket back:").format(unit=ticket.unit_name))

    def ask_urge(self, ticket: ReferralRecord) -> None:
        self._kind, self._required = Urge, False
        self.setWindowTitle(self.tr("Urge {unit}").format(unit=ticket.unit_short_name))
        self.label.setText(self.tr("Note"))
        self.text.clear()
        self._ask(
            ticket,
            self.tr("{number}: urged {count} times so far").format(
                number=ticket.number, count=ticket.urge_count
            ),
        )

    def _ready(self) -> bool:
        return bool(_text(self.text)) or not self._required

    def _move(self) -> Move:
        return self._kind(reason=_text(self.text))


class ExtensionDialog(_MoveDialog):
    """The unit asks for more time: a later date and a reason (asked on or before the
    deadline day; the store refuses it after)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.until = QDateEdit(calendarPopup=True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.text = _text_box(self)
        self.text.setMaximumHeight(120)
        self.form.addRow(self.tr("Until"), self.until)
        self.form.addRow(self.tr("Reason"), self.text)

    def ask(self, ticket: ReferralRecord) -> None:
        self.setWindowTitle(self.tr("More time for {number}").format(number=ticket.number))
        later = ticket.deadline + dt.timedelta(days=1)
        self.until.setMinimumDate(QDate(later.year, later.month, later.day))
        proposed = ticket.deadline + dt.timedelta(days=7)
        self.until.setDate(QDate(proposed.year, proposed.month, proposed.day))
        self.text.clear()
        self._ask(
            ticket,
            self.tr("Due {deadline}; the new date must be later.").format(
                deadline=ticket.deadline.isoformat()
            ),
        )

    def _ready(self) -> bool:
        return bool(_text(self.text))

    def _move(self) -> Move:
        return RequestExtension(until=self.until.date().toPython(), reason=_text(self.text))
