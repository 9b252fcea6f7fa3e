"""Hostile text in labels, message boxes and tooltips is shown as text, never as markup."""

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QMessageBox, QTableView, QToolTip, QWidget

from studio.domain.text.normalise import normalise
from studio.ui.plain_text import as_tooltip, install_plain_text_guard

#: What viewers sent: a 4,000-pixel image, a sentence hidden white on white, full-width tags that
#: NFKC turns into real ones, a link, a script.
HOSTILE = [
    '<img src=x width=4000 height=4000>',
    '<span style="color:white;background:white">看不见的一句话</span>',
    normalise("＜b＞加粗＜/b＞"),
    '<a href="http://evil.example">点我</a>',
    "<script>alert(1)</script>",
]


@pytest.fixture
def guard(qapp):
    return install_plain_text_guard(qapp)


def test_nfkc_really_makes_markup_of_full_width_brackets():
    assert HOSTILE[2] == "<b>加粗</b>"


def test_installing_twice_gives_one_guard(qapp, guard):
    assert install_plain_text_guard(qapp) is guard


@pytest.mark.parametrize("text", HOSTILE)
def test_a_label_shows_the_characters(guard, qtbot, text):
    label = QLabel(text)  # as any widget of ours or Qt's builds one: AutoText
    qtbot.addWidget(label)
    label.show()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.sizeHint().width() < 1000
    assert label.text() == text


def test_a_label_that_asked_for_rich_text_keeps_it(guard, qtbot):
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText("<b>ours</b>")
    qtbot.addWidget(label)
    label.show()
    assert label.textFormat() == Qt.TextFormat.RichText


@pytest.mark.parametrize("text", HOSTILE)
def test_a_message_box_shows_the_characters(guard, qtbot, text):
    box = QMessageBox(QMessageBox.Icon.Warning, "x", text)
    qtbot.addWidget(box)
    box.open()
    shown = [label for label in box.findChildren(QLabel) if label.text() == text]
    assert shown and all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)
    box.close()


def tooltip_after(widget: QWidget, at: QPoint, qapp) -> str:
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, at, widget.mapToGlobal(at))
    qapp.sendEvent(widget, event)
    return QToolTip.text()


@pytest.mark.parametrize("text", HOSTILE)
def test_a_cell_tooltip_shows_the_characters(guard, qtbot, qapp, text):
    model = QStandardItemModel(1, 1)
    item = QStandardItem("cell")
    item.setToolTip(text)
    model.setItem(0, 0, item)
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.show()
    shown = tooltip_after(view.viewport(), view.visualRect(model.index(0, 0)).center(), qapp)
    assert shown == as_tooltip(text)
    assert "<img" not in shown and "<span" not in shown and "<b>" not in shown


@pytest.mark.parametrize("text", HOSTILE)
def test_a_widget_tooltip_shows_the_characters(guard, qtbot, qapp, text):
    widget = QWidget()
    widget.setToolTip(text)
    qtbot.addWidget(widget)
    widget.resize(100, 40)
    widget.show()
    assert tooltip_after(widget, QPoint(10, 10), qapp) == as_tooltip(text)


def test_the_desk_shows_hostile_nicknames_as_text_in_cells_and_tooltips(make_desk, demo_db, qapp):
    """The demo's viewers include ``<b>小区业主</b>`` and ``<img src=x onerror=alert(1)>``."""
    studio = make_desk(demo_db, ["--demo"])
    tab = studio.window.desk
    studio.window.tabs.setCurrentWidget(tab)
    view, proxy = tab.feed_view, tab.feed_filter
    checked = 0
    for row in range(proxy.rowCount()):
        for column in range(proxy.columnCount()):
            index = proxy.index(row, column)
            value = index.data(Qt.ItemDataRole.ToolTipRole) or index.data()
            if isinstance(value, str) and "<" in value:
                view.scrollTo(index)
                at = view.visualRect(index).center()
                shown = tooltip_after(view.viewport(), at, qapp)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if tip:
                    assert shown == as_tooltip(str(tip))
                checked += 1
    assert checked >= 2
    for label in studio.window.findChildren(QLabel):
        if label.isVisible():
            assert label.textFormat() != Qt.TextFormat.AutoText, label.text()
