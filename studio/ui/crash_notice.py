"""A non-modal notice that something went wrong, pointing to the log; the app keeps running."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget


class ErrorNotice(QObject):
    """Shows uncaught errors in one non-modal box; repeated errors update it, not stack up.

    ``show_error`` may be called from any thread (the crash handler runs on the thread that
    failed): it only emits a signal, and the box is built and shown by a slot on the thread this
    object lives in, the GUI thread, since widgets belong to it alone.

    Signals:
        _errorRaised(str): a summary to show; queued to the GUI thread when emitted elsewhere.
    """

    _errorRaised = Signal(str)

    def __init__(self, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._log_path = log_path
        self._parent = parent
        self._box: QMessageBox | None = None
        self.count = 0
        # AutoConnection: direct on the GUI thread, queued from a worker thread.
        self._errorRaised.connect(self._show)

    def show_error(self, summary: str) -> None:
        """Show ``summary``; safe to call from any thread."""
        self._errorRaised.emit(summary)

    @Slot(str)
    def _show(self, summary: str) -> None:
        self.count += 1
        if self._box is None:
            self._box = QMessageBox(self._parent)
            self._box.setIcon(QMessageBox.Icon.Warning)
            self._box.setWindowTitle(self.tr("Studio Desk: an error occurred"))
            self._box.setTextFormat(Qt.TextFormat.PlainText)
            self._box.setWindowModality(Qt.WindowModality.NonModal)
            self._box.setStandardButtons(QMessageBox.StandardButton.Close)
        self._box.setText(
            self.tr(
                "Something went wrong ({count} so far). The broadcast data is saved and the app "
                "keeps running.\n\n{summary}\n\nDetails are in {log}"
            ).format(count=self.count, summary=summary, log=str(self._log_path))
        )
        self._box.show()

    def box(self) -> QMessageBox | None:
        return self._box
