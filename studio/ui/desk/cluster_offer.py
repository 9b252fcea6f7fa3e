"""After an answer: the offer to mark the rest of its cluster (the same question asked by
other viewers) answered too — a bar under the feed, never a dialog in the moderator's way."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from studio.domain.records import QuestionRecord


class ClusterOffer(QFrame):
    """ "4 more viewers asked this. Mark them answered too? [Answer all 4] [No]" (Alt+A, Esc).

    Signals:
        answerRequested(list): the ids of the cluster's waiting questions, to mark answered.
    """

    answerRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        box = QHBoxLayout(self)
        box.setContentsMargins(8, 4, 8, 4)
        self.text = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.yes = QPushButton()
        self.yes.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay on the feed
        self.yes.clicked.connect(self.accept)
        self.no = QPushButton(self.tr("No"))
        self.no.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.no.clicked.connect(self.withdraw)
        box.addWidget(self.text, 1)
        box.addWidget(self.yes)
        box.addWidget(self.no)
        self.ids: list[int] = []
        self.hide()

    def offer(self, rest: Sequence[QuestionRecord]) -> None:
        """Offer to answer these questions (the rest of a just-answered cluster)."""
        self.ids = [q.id for q in rest]
        count = len(self.ids)
        self.text.setText(
            self.tr("{count} more viewers asked the same. Mark them answered too?").format(
                count=count
            )
        )
        self.yes.setText(self.tr("Answer all {count} (Alt+A)").format(count=count))
        self.show()

    def accept(self) -> None:
        """Answer the rest (the button, or Alt+A while offered)."""
        if self.isHidden() or not self.ids:
            return
        ids, self.ids = self.ids, []
        self.hide()
        self.answerRequested.emit(ids)

    def withdraw(self) -> None:
        self.ids = []
        self.hide()
