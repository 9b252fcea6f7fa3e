"""Key bindings that belong to one widget: one place for the QAction-per-key pattern.

A shortcut on a view must not fire while the operator types elsewhere (a note, a search), so each
binding is an action added to that widget with a narrow shortcut context, not a global shortcut.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

#: A key sequence as QKeySequence takes it: "Ctrl+Z", a QKeySequence, or a Qt key.
KeySpec = str | QKeySequence | Qt.Key


def bind_keys(
    widget: QWidget,
    keys: Iterable[tuple[KeySpec, Callable[[], object]]],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
) -> list[QAction]:
    """Bind each ``(sequence, slot)`` to ``widget``: the slot runs (without arguments) on the key.

    ``context`` defaults to ``WidgetShortcut`` (only while the widget itself has focus); a panel
    whose keys should work from any of its children passes ``WidgetWithChildrenShortcut``.
    """
    actions = []
    for sequence, slot in keys:
        action = QAction(widget)
        action.setShortcut(QKeySequence(sequence))
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False, f=slot: f())
        widget.addAction(action)
        actions.append(action)
    return actions
