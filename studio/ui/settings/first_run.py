"""The first-run checklist: what a new studio still has to set up, each step one click away."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from studio.domain.profile import FIRST_RUN_STEPS, StudioSetup


class FirstRunChecklist(QFrame):
    """Six steps — profile, units, officials, accounts and feed sources, phones, first session —
    ticked when the store says they are done.

    It shows itself while a step is left (until hidden for this run) and goes once all are done.

    Signals:
        stepRequested(str): go to this step (``profile``, ``units``, ``officials``,
            ``accounts``, ``phones``, ``session``); the window opens the place it is done in,
            and ``session`` asks for today's session.
    """

    stepRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRun")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#firstRun { background: #fff8e1; border: 1px solid #f0c36d; border-radius: 6px; }"
        )
        self.setup = StudioSetup()
        self._dismissed = False
        title = QLabel(self.tr("Set up the studio"))
        title.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText)
        hide = QPushButton(self.tr("Hide"))
        hide.setFlat(True)
        hide.clicked.connect(self.dismiss)
        header = QHBoxLayout()
        header.addWidget(title)
        header.addWidget(self.summary)
        header.addStretch(1)
        header.addWidget(hide)

        texts = {
            "profile": (self.tr("County profile"), self.tr("Open settings")),
            "units": (self.tr("Units"), self.tr("Add units")),
            "officials": (self.tr("Officials"), self.tr("Add officials")),
            "accounts": (self.tr("Accounts and feed sources"), self.tr("Add accounts")),
            "phones": (self.tr("Phones"), self.tr("Bind phones")),
            "session": (self.tr("First session"), self.tr("Create today's session")),
        }
        self.marks: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        for column, step in enumerate(FIRST_RUN_STEPS):
            name, action = texts[step]
            mark = QLabel(textFormat=Qt.TextFormat.PlainText)
            label = QLabel(f"{column + 1}. {name}", textFormat=Qt.TextFormat.PlainText)
            button = QPushButton(action)
            button.clicked.connect(lambda _=False, s=step: self.stepRequested.emit(s))
            cell = QHBoxLayout()
            cell.addWidget(mark)
            cell.addWidget(label)
            cell.addStretch(1)
            grid.addLayout(cell, 0, column)
            grid.addWidget(button, 1, column)
            self.marks[step] = mark
            self.buttons[step] = button
        box = QGridLayout(self)
        box.addLayout(header, 0, 0)
        box.addLayout(grid, 1, 0)
        self.show_setup(self.setup)
        self.hide()

    def show_setup(self, setup: StudioSetup) -> None:
        """Tick what the store says is done; show the checklist while a step is left."""
        self.setup = setup
        done = 0
        for step in FIRST_RUN_STEPS:
            finished = setup.done(step)
            done += finished
            self.marks[step].setText("✔" if finished else "○")
            self.marks[step].setStyleSheet(
                "color: #2e7d32; font-weight: bold;" if finished else "color: #8d6e63;"
            )
            self.buttons[step].setProperty("next", step == setup.next_step)
            self.buttons[step].setDefault(step == setup.next_step)
        self.summary.setText(
            self.tr("{done} of {count} done").format(done=done, count=len(FIRST_RUN_STEPS))
        )
        self.setVisible(not setup.complete and not self._dismissed)

    def dismiss(self) -> None:
        """Hidden for this run (View ▸ First-run checklist shows it again)."""
        self._dismissed = True
        self.hide()

    def reopen(self) -> None:
        self._dismissed = False
        self.show()
