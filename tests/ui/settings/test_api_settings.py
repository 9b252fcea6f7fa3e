"""The control API's box on the settings page: off, this PC or the LAN (only with a token), the
port and a masked token, kept in settings.ini where the app reads them at its next start."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLineEdit

from studio.domain.api_choice import ApiChoice
from studio.ui.settings.api_settings import ApiSettingsBox, read_api_choice


@pytest.fixture
def box(qtbot):
    widget = ApiSettingsBox()
    qtbot.addWidget(widget)
    return widget


def test_the_lan_is_refused_without_a_token_and_generate_makes_one(box, qtbot):
    box.mode.setCurrentIndex(box.mode.findData("lan"))
    box.port.setValue(4799)
    with qtbot.assertNotEmitted(box.saveRequested):
        box.save_button.click()
    assert box.status.text().startswith("Not saved: on the LAN the control API needs a token")
    box.generate.click()
    token = box.token.text()
    assert len(token) == 32 and box.token.echoMode() == QLineEdit.EchoMode.Password
    box.show_token.click()
    assert box.token.echoMode() == QLineEdit.EchoMode.Normal and box.show_token.text() == "Hide"
    box.show_token.click()
    assert box.token.echoMode() == QLineEdit.EchoMode.Password
    with qtbot.waitSignal(box.saveRequested) as saved:
        box.save_button.click()
    assert saved.args == [ApiChoice("lan", 4799, token)]


def test_off_disables_the_rest(box):
    box.show_choice(ApiChoice("local", 4780, ""))
    assert box.port.isEnabled() and box.token.isEnabled()
    box.mode.setCurrentIndex(box.mode.findData("off"))
    assert not box.port.isEnabled() and not box.generate.isEnabled()


def test_saved_on_the_page_the_app_serves_it_at_its_next_start(
    make_desk, demo_db, event_loop_qt, monkeypatch
):
    monkeypatch.delenv("STUDIO_API_TOKEN", raising=False)
    studio = make_desk(demo_db)
    assert studio.api_access() is None  # off until set
    studio.window.open_settings()
    api = studio.window.settings_page.api
    assert api.mode.currentData() == "off"
    api.mode.setCurrentIndex(api.mode.findData("lan"))
    api.port.setValue(4799)
    api.token.setText("deck:" + "s" * 20)
    api.save_button.click()
    assert api.status.text() == "Saved; applied the next time Studio Desk starts."
    stored = QSettings(studio.settings.fileName(), QSettings.Format.IniFormat)
    assert read_api_choice(stored) == ApiChoice("lan", 4799, "deck:" + "s" * 20)
    access = studio.api_access()  # what the next start serves
    assert (access.host, access.port, access.token, access.token_name) == (
        "0.0.0.0",
        4799,
        "s" * 20,
        "api:deck",
    )
    studio.window.settings_page.close()


def test_the_choice_in_chinese(qtbot, chinese):
    widget = ApiSettingsBox()
    qtbot.addWidget(widget)
    assert widget.mode.itemText(2) == "局域网（须令牌）"
    assert widget.generate.text() == "生成"
    assert widget.status.text() == "下次启动本程序时生效。"
