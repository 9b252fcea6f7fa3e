"""A non-modal dialog for a question taken by phone or WeChat, added to the feed like a comment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class ManualEntryDialog(QDialog):
    """Text, channel and the caller's name; stays open for the next call after each add.

    Shown with ``show()`` (never ``exec()``; ``open()`` would be window-modal): the desk keeps
    working while it is up.

    Signals:
        questionEntered(str, str, str): text, channel (``phone``/``wechat``), caller's name.
    """

    questionEntered = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a question"))
        self.setModal(False)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What the caller asked"))
        self.text.setTabChangesFocus(True)
        self.channel = QComboBox()
        self.channel.addItem(self.tr("Phone call"), "phone")
        self.channel.addItem(self.tr("WeChat"), "wechat")
        self.nickname = QLineEdit()
        self.nickname.setMaxLength(80)
        self.nickname.setPlaceholderText(self.tr("Caller's name (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("Question"), self.text)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Name"), self.nickname)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.add_button = self.buttons.addButton(
            self.tr("Add to the feed"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._enable)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self._enable()

    def _enable(self) -> None:
        self.add_button.setEnabled(bool(self.text.toPlainText().strip()))

    def submit(self) -> None:
        """Hand the question on and clear the form for the next call."""
        text = self.text.toPlainText().strip()
        if not text:
            return
        self.questionEntered.emit(text, self.channel.currentData(), self.nickname.text().strip())
        self.text.clear()
        self.nickname.clear()
        self.text.setFocus()
