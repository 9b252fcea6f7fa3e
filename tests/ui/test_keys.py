"""bind_keys: a widget's own keys fire only while it (or, if asked, a child) has focus."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QVBoxLayout, QWidget

from studio.ui import labels
from studio.ui.keys import bind_keys


def show(qtbot, window: QWidget) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_widget_keys_fire_only_with_focus_on_that_widget(qtbot):
    panel = QWidget()
    qtbot.addWidget(panel)
    box = QVBoxLayout(panel)
    view, other = QListWidget(), QLineEdit()
    box.addWidget(view)
    box.addWidget(other)
    pressed: list[str] = []
    actions = bind_keys(
        view,
        [("F", lambda: pressed.append("f")), (Qt.Key.Key_Escape, lambda: pressed.append("esc"))],
    )
    assert actions == view.actions()
    show(qtbot, panel)
    focus(qtbot, other)
    qtbot.keyClick(other, Qt.Key.Key_F)
    assert pressed == []
    assert other.text().lower() == "f"  # an ordinary key there, for typing
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_F)
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert pressed == ["f", "esc"]


def test_panel_keys_can_fire_from_any_child(qtbot):
    panel = QWidget()
    qtbot.addWidget(panel)
    child = QLineEdit(panel)
    pressed: list[str] = []
    bind_keys(
        panel,
        [("Alt+1", lambda: pressed.append("one"))],
        Qt.ShortcutContext.WidgetWithChildrenShortcut,
    )
    show(qtbot, panel)
    focus(qtbot, child)
    qtbot.keyClick(child, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert pressed == ["one"]


def test_feed_states_in_words_and_the_status_bar_has_short_ones():
    assert labels.feed_state("") == "not connected"
    assert labels.feed_state("stale") == "stale (no frames)"
    assert labels.feed_state("stale", brief=True) == "no frames"
    assert labels.feed_state("waiting", brief=True) == "waiting"
    assert labels.feed_state("connected", brief=True) == "connected"
    assert labels.feed_state("something new") == "something new"
