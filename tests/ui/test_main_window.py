"""The whole main window on the demo studio: tabs, shortcuts, status bar, official's screen,
and every visible string translated."""

import re

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QTableView

from studio.app import choose_language, install_translators
from studio.ui.desk.desk_tab import FEED_COLUMNS
from studio.ui.fit_label import FitLabel

CJK = re.compile(r"[\u4e00-\u9fff]")
TRANSLATIONS = "resources/translations/studio_zh_CN.qm"


class RecordingTranslator(QTranslator):
    """Our translation, remembering every source text it had no translation for."""

    def __init__(self, inner: QTranslator) -> None:
        super().__init__()
        self.inner = inner
        self.missing: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        result = self.inner.translate(context, source, disambiguation, n)
        # Qt's own contexts (QTabBar …) are Qt's to translate; PySide's tr() also asks the base
        # classes' contexts when a translation equals its source text.
        if not result and not context.startswith("Q"):
            self.missing.add((context, source))
        return result

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def chinese(qapp):
    inner = QTranslator()
    assert inner.load(TRANSLATIONS)
    recorder = RecordingTranslator(inner)
    QCoreApplication.installTranslator(recorder)
    yield recorder
    QCoreApplication.removeTranslator(recorder)


@pytest.fixture
def desk(make_desk, demo_db):
    return make_desk(demo_db, ["--demo"])


def test_the_tabs_show_the_demo_studio(desk):
    w = desk.window
    assert w.prep.rundown_model.rowCount() == 5
    assert w.prep.schedule_model.rowCount() >= 10
    assert w.desk.feed_model.rowCount() > 0
    assert w.referrals.model.rowCount() > 0
    assert w.reports.model.rowCount() > 0
    assert len(w.rig.cards) == 2
    assert "住房和城乡建设局" in w.status.session_label.text()
    assert "demo.db" in w.status.database_label.text()


@pytest.mark.parametrize("index", range(5))
def test_ctrl_number_switches_tabs(desk, qtbot, index):
    w = desk.window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    other = (index + 1) % 5
    w.tabs.setCurrentIndex(other)
    qtbot.keyClick(w, Qt.Key.Key_1 + index, Qt.KeyboardModifier.ControlModifier)
    assert w.tabs.currentIndex() == index


def test_the_desk_gives_the_feed_the_keyboard(desk, qtbot):
    w = desk.window
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    w.tabs.setCurrentIndex(0)
    qtbot.keyClick(w, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.desk.feed_view.hasFocus())


def test_hostile_nicknames_are_shown_as_text(desk):
    model = desk.window.desk.feed_model
    author = FEED_COLUMNS.index("author")
    names = [model.index(r, author).data() for r in range(model.rowCount())]
    assert "<b>小区业主</b>" in names
    assert any(n.startswith("<img") for n in names)
    for label in desk.window.findChildren(QLabel):
        assert label.textFormat() != Qt.TextFormat.RichText or not CJK.search(label.text())


def test_the_official_menu_lists_every_screen_and_opens_there(desk, qtbot):
    w = desk.window
    w.official_menu.aboutToShow.emit()  # what opening the menu does
    screen_actions = [a for a in w.official_menu.actions() if a.isCheckable()]
    assert len(screen_actions) == len(QApplication.screens())
    screen_actions[-1].trigger()
    assert desk.official.isVisible()
    assert desk.official.screen() is QApplication.screens()[-1]
    assert w.official_menu.preferred_screen() is QApplication.screens()[-1]
    assert desk.settings.value("official/screen") == QApplication.screens()[-1].name()


def test_escape_leaves_full_screen(desk, qtbot):
    official = desk.official
    official.show_on(QApplication.screens()[0])
    qtbot.waitUntil(official.isFullScreen)
    qtbot.keyClick(official, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not official.isFullScreen())


def test_the_official_sees_the_first_segment_and_queued_questions(desk):
    view = desk.window.official_view()
    assert view.segment_title == "开场"
    assert view.remaining == "03:00"
    assert len(view.next_items) == 2
    desk.official.show_view(view)
    texts = [f.text() for f in desk.official.findChildren(FitLabel)]
    assert any("问候网友" in t for t in texts)


def test_every_visible_string_is_translated(chinese, make_desk, demo_db):
    studio = make_desk(demo_db)
    w = studio.window
    for index in range(w.tabs.count()):
        w.tabs.setCurrentIndex(index)
        assert CJK.search(w.tabs.tabText(index))
    w.official_menu.aboutToShow.emit()  # what opening the menu does
    studio.official.show_view(w.official_view())
    studio.notice.show_error("RuntimeError: test")
    for menu_action in w.menuBar().actions():
        assert CJK.search(menu_action.text()), menu_action.text()
        for action in menu_action.menu().actions():
            assert action.isSeparator() or CJK.search(action.text()), action.text()
    for view in w.findChildren(QTableView):
        model = view.model()
        for column in range(model.columnCount()):
            header = model.headerData(column, Qt.Orientation.Horizontal)
            assert CJK.search(header), header
    assert chinese.missing == set()


@pytest.mark.parametrize(
    ("requested", "system", "chosen"),
    [
        ("en", QLocale.Language.Chinese, "en"),
        ("zh_CN", QLocale.Language.English, "zh_CN"),
        (None, QLocale.Language.Chinese, "zh_CN"),
        (None, QLocale.Language.C, "zh_CN"),
        (None, QLocale.Language.German, "en"),
    ],
)
def test_the_language_follows_the_option_then_the_system(requested, system, chosen, monkeypatch):
    monkeypatch.delenv("STUDIO_LANG", raising=False)
    assert choose_language(requested, QLocale(system)) == chosen


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_installing_either_language_works(qapp, language):
    """``--lang en`` once crashed at start (a QLocale enum this PySide6 does not have)."""
    previous, translators = QLocale(), []
    try:
        translators = install_translators(qapp, language)
        expected = QLocale.Language.English if language == "en" else QLocale.Language.Chinese
        assert QLocale().language() == expected
        assert bool(translators) == (language != "en")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)
