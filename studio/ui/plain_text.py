"""Viewer and staff text is shown as text: labels and tooltips never read it as markup."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QToolTip, QWidget


def as_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows exactly these characters (``<b>`` stays ``<b>``).

    Qt guesses whether a tooltip is rich text (``Qt.mightBeRichText``): a nickname such as
    ``<img src=x width=4000>`` would otherwise become a 4,000-pixel tooltip, and a white span
    would hide a sentence.
    """
    return QtGui.Qt.convertFromPlainText(text, QtGui.Qt.WhiteSpaceMode.WhiteSpaceNormal)


class PlainTextGuard(QObject):
    """An application-wide event filter: every label is plain text unless it asked otherwise,
    and every tooltip — a widget's own or an item view's cell's — shows its text as text.

    A label that really shows markup (none does today) sets ``Qt.TextFormat.RichText`` before
    it is first shown; the guard only replaces Qt's guessing (``AutoText``). Doing this once,
    here, covers the dialogs and message boxes Qt builds for us too.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(watched, QLabel):
            if watched.textFormat() == Qt.TextFormat.AutoText:
                watched.setTextFormat(Qt.TextFormat.PlainText)
        elif kind == QEvent.Type.ToolTip and isinstance(watched, QWidget):
            assert isinstance(event, QHelpEvent)
            text = self._tooltip_of(watched, event)
            if text is not None:
                if text:
                    QToolTip.showText(event.globalPos(), as_tooltip(text), watched)
                else:
                    QToolTip.hideText()
                return True
        return False

    @staticmethod
    def _tooltip_of(widget: QWidget, event: QHelpEvent) -> str | None:
        """The plain text to show, or ``None`` to let Qt handle the event."""
        view = widget.parent()
        if isinstance(view, QAbstractItemView) and widget is view.viewport():
            index = view.indexAt(event.pos())
            value = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
            return "" if value is None else str(value)
        own = widget.toolTip()
        return own if own else None


def install_plain_text_guard(app: QApplication) -> PlainTextGuard:
    """Install the guard on ``app`` once (the app owns it); later calls return the same one."""
    found = app.findChild(PlainTextGuard)
    if isinstance(found, PlainTextGuard):
        return found
    guard = PlainTextGuard(app)
    app.installEventFilter(guard)
    return guard
