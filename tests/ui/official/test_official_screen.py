"""The official's screen: plain text only, phase by colour and word, clicker keys, Esc."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from studio.ui.fit_label import FitLabel
from studio.ui.official.official_screen import OfficialScreen
from studio.ui.official_view import OfficialView
from tests.helpers.shown import shown_texts

HOSTILE = '<b>bold</b><img src="x"><a href="http://x">link</a>'


def make_screen(qtbot) -> OfficialScreen:
    screen = OfficialScreen()
    qtbot.addWidget(screen)
    screen.resize(1920, 1080)
    return screen


def notes_shown(screen: OfficialScreen) -> list[QLabel]:
    """The moderator's note as the official sees it (the theme styles it by its role)."""
    return [
        label
        for label in screen.findChildren(QLabel)
        if label.property("role") == "note" and label.isVisible()
    ]


def test_viewer_text_is_shown_as_the_characters_it_is(qtbot):
    screen = make_screen(qtbot)
    screen.show_view(
        OfficialView(focus_text=HOSTILE, next_items=(HOSTILE,), note=HOSTILE, heading=HOSTILE)
    )
    for label in screen.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    fit_texts = [w.text() for w in screen.findChildren(FitLabel)]
    assert HOSTILE in fit_texts


def test_the_phase_is_shown_by_word_and_shape_not_only_colour(qtbot):
    screen = make_screen(qtbot)
    screen.show_view(OfficialView(phase="overtime", phase_word="已超时", remaining="-00:45"))
    assert "■ 已超时" in shown_texts(screen)
    screen.show_view(OfficialView(phase="warning", phase_word="注意"))
    assert "▲ 注意" in shown_texts(screen)


def test_the_note_appears_only_when_there_is_one(qtbot):
    screen = make_screen(qtbot)
    screen.show()
    screen.show_view(OfficialView(note="请收尾"))
    assert [note.text() for note in notes_shown(screen)] == ["请收尾"]
    screen.show_view(OfficialView(note=""))
    assert notes_shown(screen) == []


def test_blackout_hides_everything(qtbot):
    screen = make_screen(qtbot)
    screen.show_view(OfficialView(blackout=True, focus_text="x"))
    assert shown_texts(screen) == []


def test_clicker_keys_emit_their_commands(qtbot):
    screen = make_screen(qtbot)
    pressed: list[str] = []
    screen.clickerPressed.connect(pressed.append)
    for key in (
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Right,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_Left,
        Qt.Key.Key_B,
        Qt.Key.Key_Period,
    ):
        qtbot.keyClick(screen, key)
    assert pressed == ["next", "next", "previous", "previous", "blackout", "blackout"]


def test_it_does_not_take_focus_when_shown(qtbot):
    screen = make_screen(qtbot)
    assert screen.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)


def test_the_countdown_grows_to_fill_its_space(qtbot):
    label = FitLabel("12:34", max_pt=300, min_pt=8)
    qtbot.addWidget(label)
    label.resize(200, 80)
    small = label.fitted_point_size()
    label.resize(800, 320)
    assert label.fitted_point_size() > small
