"""Key bindings that belong to one widget: one place for the QAction-per-key pattern.

A shortcut on a view must not fire while the operator types elsewhere (a note, a search), so each
binding is an action added to that widget with a narrow shortcut context, not a global shortcut.
A binding given a name is also what the widget's context menu offers (:func:`add_key_menu`) and
what Help ▸ Keys (F1) lists for the focused pane (:func:`keys_in_focus`): the menu, the help and
the key are one action, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

#: A key sequence as QKeySequence takes it: "Ctrl+Z", a QKeySequence, or a Qt key.
KeySpec = str | QKeySequence | Qt.Key
#: ``(keys, slot)`` or ``(keys, slot, name)``; ``keys`` is one sequence or several.
KeyBinding = (
    tuple[KeySpec | Sequence[KeySpec], Callable[[], object]]
    | tuple[KeySpec | Sequence[KeySpec], Callable[[], object], str]
)


def bind_keys(
    widget: QWidget,
    keys: Iterable[KeyBinding],
    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut,
) -> list[QAction]:
    """Bind each ``(sequence, slot[, name])`` to ``widget``: the slot runs (without arguments)
    on the key. A named binding shows in the widget's key menu and in Help ▸ Keys; several
    sequences (``["Return", "Enter"]``) make one action.

    ``context`` defaults to ``WidgetShortcut`` (only while the widget itself has focus); a panel
    whose keys should work from any of its children passes ``WidgetWithChildrenShortcut``.
    """
    actions = []
    for binding in keys:
        sequences, slot = binding[0], binding[1]
        name = binding[2] if len(binding) > 2 else ""  # type: ignore[misc]
        if isinstance(sequences, str | QKeySequence | Qt.Key):
            sequences = [sequences]
        action = QAction(name, widget)
        action.setShortcuts([QKeySequence(s) for s in sequences])
        action.setShortcutContext(context)
        action.triggered.connect(lambda _checked=False, f=slot: f())
        widget.addAction(action)
        actions.append(action)
    return actions


def named_actions(widget: QWidget) -> list[QAction]:
    """The widget's actions that have a name and a key (what its menu and the help list)."""
    return [a for a in widget.actions() if a.text() and not a.shortcut().isEmpty()]


def key_menu(widget: QWidget, parent: QWidget | None = None) -> QMenu:
    """A menu of the widget's named actions, each with its key, in the order bound."""
    menu = QMenu(parent or widget)
    for action in named_actions(widget):
        if action.text() == "-":
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu


def add_key_menu(
    widget: QWidget, before: Callable[[QPoint], object] | None = None
) -> Callable[[], QMenu]:
    """Right-click (or the menu key) on ``widget`` opens :func:`key_menu`. ``before`` runs
    first with the click's position (e.g. to select the row under it). Returns a function
    making the menu, for tests and for a menu opened otherwise."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def open_at(pos: QPoint) -> None:
        if before is not None:
            before(pos)
        area = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        menu = key_menu(widget)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(area.mapToGlobal(pos))

    widget.customContextMenuRequested.connect(open_at)
    return lambda: key_menu(widget)


@dataclass(frozen=True)
class KeyHelp:
    """One line of Help ▸ Keys: where the key works, the key, what it does."""

    scope: str  # "pane": the focused widget; "tab": a panel around it; "window": everywhere
    keys: str
    does: str


def keys_in_focus(focus: QWidget | None, window: QWidget) -> list[KeyHelp]:
    """The keys that work now: the focused widget's own, those of the panels around it
    (children-wide shortcuts), and the window's. A key bound twice counts where it acts."""
    found: list[KeyHelp] = []
    taken: set[str] = set()

    def add(scope: str, actions: Iterable[QAction]) -> None:
        for action in actions:
            if not action.isEnabled() and scope != "window":
                continue
            keys = " / ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
            )
            if keys in taken:
                continue
            taken.add(keys)
            found.append(KeyHelp(scope, keys, action.text().replace("&", "")))

    widget = focus if focus is not None and window.isAncestorOf(focus) else None
    if widget is not None:
        add("pane", named_actions(widget))
        widget = widget.parentWidget()
        while widget is not None and widget is not window:
            wide = Qt.ShortcutContext.WidgetWithChildrenShortcut
            add("tab", [a for a in named_actions(widget) if a.shortcutContext() == wide])
            widget = widget.parentWidget()
    add("window", named_actions(window))
    return found
