"""The control API's box on the settings page: off, this PC only or the LAN (with a token),
its port and token, kept in ``settings.ini`` and applied the next time the app starts."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from studio.domain.api_choice import (
    MODE_KEY,
    PORT_KEY,
    TOKEN_KEY,
    ApiChoice,
    ApiChoiceRefused,
    api_choice_from,
    check_api_choice,
    new_token,
)
from studio.services.refusal_text import refusal_text


def read_api_choice(settings: QSettings) -> ApiChoice:
    """The choice ``settings.ini`` holds (off until set)."""
    return api_choice_from(
        settings.value(MODE_KEY, "off"), settings.value(PORT_KEY, ""), settings.value(TOKEN_KEY, "")
    )


def write_api_choice(settings: QSettings, choice: ApiChoice) -> None:
    """Keep ``choice`` in ``settings.ini`` (written to the file now)."""
    settings.setValue(MODE_KEY, choice.mode)
    settings.setValue(PORT_KEY, choice.port)
    settings.setValue(TOKEN_KEY, choice.token)
    settings.sync()


class ApiSettingsBox(QGroupBox):
    """Whether and where the control API listens, with its token shown masked.

    Signals:
        saveRequested(object): keep this checked ``ApiChoice``.
    """

    saveRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Control API (Stream Deck, Companion, scripts)"), parent)
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Off"), "off")
        self.mode.addItem(self.tr("This PC only (127.0.0.1)"), "local")
        self.mode.addItem(self.tr("LAN (only with the token)"), "lan")
        self.mode.currentIndexChanged.connect(lambda _i: self._mode_changed())
        self.port = QSpinBox(minimum=1024, maximum=65535)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("none (needed on the LAN)"))
        self.show_token = QPushButton(self.tr("Show"), checkable=True)
        self.show_token.toggled.connect(self._reveal)
        self.generate = QPushButton(self.tr("Generate"))
        self.generate.clicked.connect(lambda: self.token.setText(new_token()))
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.show_token)
        token_row.addWidget(self.generate)
        self.save_button = QPushButton(self.tr("Save API settings"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.status.setProperty("role", "subtle")
        self.status.setText(self.tr("Applied the next time Studio Desk starts."))
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.save_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Serve"), self.mode)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Token"), token_row)
        form.addRow(bottom)
        self.show_choice(ApiChoice())

    def show_choice(self, choice: ApiChoice) -> None:
        """The stored choice, in the form."""
        self.mode.setCurrentIndex(max(self.mode.findData(choice.mode), 0))
        self.port.setValue(choice.port)
        self.token.setText(choice.token)
        self._mode_changed()

    def typed_choice(self) -> ApiChoice:
        return ApiChoice(str(self.mode.currentData()), self.port.value(), self.token.text())

    def save(self) -> None:
        try:
            choice = check_api_choice(self.typed_choice())
        except ApiChoiceRefused as refused:
            self.status.setText(self.tr("Not saved: {reason}").format(reason=refusal_text(refused)))
            return
        self.saveRequested.emit(choice)

    def show_saved(self) -> None:
        self.status.setText(self.tr("Saved; applied the next time Studio Desk starts."))

    def _mode_changed(self) -> None:
        off = self.mode.currentData() == "off"
        for widget in (self.port, self.token, self.show_token, self.generate):
            widget.setEnabled(not off)

    def _reveal(self, shown: bool) -> None:
        self.token.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.show_token.setText(self.tr("Hide") if shown else self.tr("Show"))
