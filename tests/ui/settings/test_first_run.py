"""A county sets itself up through the window alone, from an empty database to a poster.

The first-run checklist leads: the profile on the settings page, a unit and an official on the
units page, today's session planned and edited, and its poster names the county (never ``gov``).
Chinese text is typed with setText (an input method, not key clicks, writes it).
"""

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication

from studio.store.profile import list_accounts, load_profile, studio_setup
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.dialogs import Button, press_button
from tests.helpers.waiting import until


def run(loop, condition):
    loop.run_until_complete(until(condition))


def ticked(window):
    return [step for step, mark in window.first_run.marks.items() if mark.text() == "✔"]


def test_from_an_empty_database_to_a_poster_with_the_county_s_name(
    make_desk, fresh_db, event_loop_qt, qtbot
):
    loop = event_loop_qt
    studio = make_desk(fresh_db, session_today=False)
    w = studio.window
    checklist = w.first_run
    run(loop, checklist.isVisible)
    assert ticked(w) == []
    assert checklist.summary.text() == "0 of 6 done"

    # 1. The profile: the checklist opens the settings page.
    checklist.buttons["profile"].click()
    page = w.settings_page
    run(loop, page.isVisible)
    page.county_name.setText("白水县")
    page.short_name.setText("白水")
    page.slot_start.setTime(QTime(14, 30))
    page.slot_end.setTime(QTime(15, 30))
    page.deadlines["suggestion"].setValue(7)
    page.save_button.click()
    run(loop, lambda: "profile" in ticked(w))
    assert page.status.text() == "Saved."
    stored = load_profile(fresh_db)
    assert (stored.county_name, stored.short_name) == ("白水县", "白水")
    assert stored.days_for("suggestion") == 7

    # An account with its capture identity, from the same page.
    account = page.add_account()
    run(loop, account.isVisible)
    account.name.setText("白水县人民政府")
    account.identity.setText("MS4wLjABAAAAbaishui")
    press_button(account, Button.Ok)
    run(loop, lambda: page.accounts_model.rowCount() == 1)
    assert [a.account_name for a in list_accounts(fresh_db)] == ["白水县人民政府"]
    run(loop, lambda: "accounts" in ticked(w))
    page.close()

    # 2. A unit, and 3. an official, on the units page the checklist brings forward.
    checklist.buttons["units"].click()
    assert w.tabs.currentWidget() is w.prep
    units = w.prep.units_page
    run(loop, units.isVisible)
    units.add_unit_button.click()
    dialog = units.unit_dialog
    run(loop, dialog.isVisible)
    dialog.name.setText("民政局")
    dialog.short_name.setText("民政")
    dialog.kind.setCurrentIndex(dialog.kind.findData("department"))
    press_button(dialog, Button.Ok)
    run(loop, lambda: units.units_model.rowCount() == 1)
    run(loop, lambda: "units" in ticked(w))
    run(loop, lambda: units.selected_unit() is not None)
    units.add_official_button.click()
    official = units.official_dialog
    run(loop, official.isVisible)
    official.name.setText("李红")
    official.title.setText("局长")
    press_button(official, Button.Ok)
    run(loop, lambda: units.officials_model.rowCount() == 1)
    run(loop, lambda: "officials" in ticked(w))

    # 6. Today's session: planned in the profile's slot and opened for editing.
    checklist.buttons["session"].click()
    view = w.prep.schedule
    run(loop, lambda: view.editor is not None and view.editor.isVisible())
    editor = view.editor
    assert editor.details.session.date == DEMO_DAY
    assert (editor.details.session.unit_name, editor.details.session.official_name) == (
        "民政局",
        "李红",
    )
    editor.topic.setText("冬季救助政策")
    editor.save_button.click()
    run(loop, lambda: not editor.isVisible())
    today = StudioRepository(fresh_db).session_on(DEMO_DAY)
    assert today.topic == "冬季救助政策"
    assert (today.start.hour, today.start.minute) == (14, 30)
    run(loop, lambda: "session" in ticked(w))
    assert studio_setup(fresh_db, DEMO_DAY).phones is False  # bound on the Rig tab, not here

    # Its announcement and poster name the county.
    w.activateWindow()
    run(loop, lambda: QApplication.activeWindow() is w)
    w.prep.side_tabs.setCurrentWidget(view)
    view.set_today(DEMO_DAY)
    run(loop, lambda: view.selected_session() is not None)
    view.announce_button.click()
    announcement = view.announcement
    run(loop, lambda: announcement is not None and announcement.isVisible())
    assert "白水县问政直播间" in announcement.kuaishou.result.toPlainText()
    assert "gov" not in announcement.wechat.result.toPlainText()
    assert view.announcements.county == "白水县"
    announcement.close()
    assert checklist.summary.text() == "5 of 6 done"
