"""The go-live checklist: both phones ready before the timer starts, or an override with a reason."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.golive import CheckResult, GoLiveCheck, passes
from studio.domain.phone_health import LIVE_APPS
from studio.ui import labels
from studio.ui.rig.rig_tab import state_text


class GoLiveDialog(QDialog):
    """Shows the checklist, live; "Go live" only when it passes, "Override" with a typed reason.

    Non-modal: show it with ``open()``; the event loop (and the phones' polling) keeps running,
    and the checklist follows every poll through `show_checklist`.

    Signals:
        goLiveConfirmed(str): go live now; the override's reason, or "" when the checklist passed.
    """

    goLiveConfirmed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Go live"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.setMinimumWidth(560)
        box = QVBoxLayout(self)
        heading = QLabel(self.tr("Before going live, both phones must be ready."))
        heading.setProperty("role", "heading")
        box.addWidget(heading)
        self._grid = QGridLayout()
        self._grid.setColumnStretch(3, 1)
        box.addLayout(self._grid)
        self.rows: list[tuple[QLabel, QLabel, QLabel, QLabel]] = []
        self.verdict = QLabel("", textFormat=Qt.TextFormat.PlainText)
        box.addWidget(self.verdict)

        self.go_button = QPushButton(self.tr("Go live"))
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(lambda: self._confirm(""))
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.go_button)
        box.addLayout(buttons)

        override = QHBoxLayout()
        self.reason = QLineEdit(
            placeholderText=self.tr("Reason to go live anyway (goes into the audit)")
        )
        self.override_button = QPushButton(self.tr("Override and go live"))
        self.override_button.clicked.connect(lambda: self._confirm(self.reason.text().strip()))
        self.reason.textChanged.connect(self._update_buttons)
        override.addWidget(self.reason, 1)
        override.addWidget(self.override_button)
        box.addLayout(override)
        self._passed = False
        self.show_checklist([])

    def open(self) -> None:
        """Show the dialog without blocking anything.

        `QDialog.open` would make it window-modal and lock the main window; the operator must
        still reach the Rig tab's actions (launch the app, keep awake) to fix a failed check.
        """
        self.show()
        self.activateWindow()

    def show_checklist(self, results: Sequence[CheckResult]) -> None:
        """Show the latest checklist (called after every poll)."""
        while len(self.rows) < len(results):
            row = tuple(QLabel(textFormat=Qt.TextFormat.PlainText) for _ in range(4))
            for column, label in enumerate(row):
                self._grid.addWidget(label, len(self.rows), column, Qt.AlignmentFlag.AlignLeft)
            self.rows.append(row)  # type: ignore[arg-type]
        for index, row in enumerate(self.rows):
            for label in row:
                label.setVisible(index < len(results))
        for row, result in zip(self.rows, results, strict=False):
            mark, role, check, detail = row
            mark.setText("✓" if result.passed else "✗")
            mark.setProperty("role", "chip")
            mark.setProperty("state", "ok" if result.passed else "bad")
            mark.style().polish(mark)
            role.setText(labels.room_role(result.role))
            check.setText(self.check_text(result.check))
            detail.setText(self.detail_text(result.detail))
        self._passed = passes(results)
        failed = sum(1 for r in results if not r.passed)
        self.verdict.setText(
            self.tr("All checks passed.")
            if self._passed
            else self.tr("Checks not passed: {count}").format(count=failed)
        )
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.go_button.setEnabled(self._passed)
        self.override_button.setEnabled(not self._passed and bool(self.reason.text().strip()))

    def _confirm(self, reason: str) -> None:
        if reason or self._passed:
            self.goLiveConfirmed.emit(reason)
            self.reason.clear()
            self.accept()

    def check_text(self, check: GoLiveCheck) -> str:
        return {
            GoLiveCheck.CONNECTED: self.tr("Connected"),
            GoLiveCheck.LIVE_APP: self.tr("Live app in front"),
            GoLiveCheck.BATTERY: self.tr("Battery at least 30 % or charging"),
            GoLiveCheck.TEMPERATURE: self.tr("Temperature below 42 °C"),
            GoLiveCheck.SCREEN_AWAKE: self.tr("Screen awake"),
        }[check]

    def detail_text(self, detail: str) -> str:
        words = {
            "unknown": self.tr("unknown"),
            "missing": self.tr("no phone bound"),
            "on": self.tr("on"),
            "off": self.tr("off"),
        }
        if detail in words:
            return words[detail]
        if detail in LIVE_APPS:
            return f"{LIVE_APPS[detail]} ({detail})"
        if detail.endswith(" +"):
            return self.tr("{level}, charging").format(level=detail[:-2])
        return state_text(detail)
