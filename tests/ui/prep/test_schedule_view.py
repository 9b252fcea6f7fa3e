"""The schedule view with its service on the demo studio: calendar, fill with preview and undo,
moving a session, the announcement dialog."""

import datetime as dt

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog

from studio.store.schedule import list_sessions
from studio.ui.prep.announcement_dialog import AnnouncementDialog
from studio.ui.prep.month_calendar import MonthCalendar, day_kind
from tests.conftest import DEMO_DAY
from tests.helpers.store_work import run


def test_calendar_marks_holidays_and_make_up_days(qtbot):
    calendar = MonthCalendar(dt.date(2026, 10, 9))
    qtbot.addWidget(calendar)
    assert day_kind(dt.date(2026, 10, 1)) == "holiday"
    assert day_kind(dt.date(2026, 10, 10)) == "worked_weekend"
    assert day_kind(dt.date(2026, 10, 11)) == "off"
    assert day_kind(dt.date(2026, 10, 9)) == "work"
    assert calendar.button_of(dt.date(2026, 10, 1)).text() == "1休"
    assert calendar.button_of(dt.date(2026, 10, 10)).text() == "10班"
    assert calendar.button_of(dt.date(2026, 10, 10)).property("kind") == "worked_weekend"
    with qtbot.waitSignal(calendar.currentPageChanged):
        calendar.next_button.click()
    assert (calendar.year_shown(), calendar.month_shown()) == (2026, 11)
    with qtbot.waitSignal(calendar.selectionChanged):
        calendar.button_of(dt.date(2026, 11, 3)).click()
    assert calendar.selected_date() == dt.date(2026, 11, 3)


def test_the_selected_day_shows_its_session_and_tooltip(wired):
    view, _service, _db = wired
    assert view.day_filter.rowCount() == 1
    today = view.selected_session()
    assert today.unit_name == "住房和城乡建设局"
    tooltip = view.calendar.button_of(DEMO_DAY).toolTip()
    assert "2026-11-26" in tooltip and "冬季供暖保障与老旧小区改造" in tooltip
    assert view.calendar.button_of(DEMO_DAY).property("booked") is True
    view.all_days.setChecked(True)
    assert view.day_filter.rowCount() == view.sessions_model.rowCount() > 10


def test_generate_with_preview_then_undo(wired, event_loop_qt, qtbot):
    view, service, db = wired
    first, last = service.next_weeks(4)
    before = list_sessions(db, first, last)
    view.generate_button.click()
    run(event_loop_qt, lambda: not view.preview_box.isHidden())
    proposed = view.preview_model.records()
    assert proposed and all(s.id == 0 for s in proposed)
    assert list_sessions(db, first, last) == before  # nothing stored by a preview
    view.create_button.click()
    run(event_loop_qt, view.undo_button.isEnabled)
    assert view.preview_box.isHidden()
    after = list_sessions(db, first, last)
    assert len(after) == len(before) + len(proposed)
    assert [(s.date, s.unit_id) for s in after if s.id not in {b.id for b in before}] == [
        (s.date, s.unit_id) for s in proposed
    ]
    view.undo_button.click()
    run(event_loop_qt, lambda: not view.undo_button.isEnabled())
    assert list_sessions(db, first, last) == before
    assert str(len(proposed)) in view.message.text()


def test_discarding_a_preview_creates_nothing(wired, event_loop_qt):
    view, service, db = wired
    first, last = service.next_weeks(4)
    before = list_sessions(db, first, last)
    view.generate_button.click()
    run(event_loop_qt, lambda: not view.preview_box.isHidden())
    view.discard_preview()
    assert view.preview_box.isHidden()
    assert list_sessions(db, first, last) == before


def test_move_a_session_keeps_its_content(wired, event_loop_qt):
    view, _service, db = wired
    today = view.selected_session()
    target = dt.date(2026, 12, 30)
    view.move_date.setDate(target)
    assert view.move_button.isEnabled()
    view.move_button.click()
    run(event_loop_qt, lambda: view.selected_day() == target)
    moved = list_sessions(db, target, target)[0]
    assert (moved.id, moved.topic, moved.unit_name) == (today.id, today.topic, today.unit_name)
    run(event_loop_qt, lambda: view.selected_session() is not None)
    assert view.selected_session().date == target
    # A refused move says why and changes nothing.
    view.move_date.setDate(dt.date(2026, 12, 26))
    view.move_button.click()
    run(event_loop_qt, lambda: "not a working day" in view.message.text())


def test_announcement_dialog_texts_copy_and_save(wired, qtbot, tmp_path):
    view, _service, _db = wired
    view.open_announcement()
    dialog = view.announcement
    assert isinstance(dialog, AnnouncementDialog) and dialog.isVisible() and not dialog.isModal()
    assert "住房和城乡建设局局长张志强" in dialog.wechat.result.toPlainText()
    assert "青山县" in dialog.kuaishou.result.toPlainText()
    dialog.copy_text(dialog.kuaishou)
    assert QGuiApplication.clipboard().text() == dialog.kuaishou.result.toPlainText()
    with qtbot.waitSignal(dialog.templatesEdited):
        dialog.kuaishou.template.setPlainText("{unit}{toppic}")
    assert dialog.kuaishou.result.toPlainText() == "住房和城乡建设局{toppic}"
    assert "{toppic}" in dialog.kuaishou.notice.text()
    for key, size in (("portrait", (1080, 1920)), ("cover", (900, 383))):
        path = str(tmp_path / f"{key}.png")
        with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
            dialog.save_poster(key, path)
        assert saved.args == [path]
        image = QImage(path)
        assert (image.width(), image.height()) == size
    with qtbot.waitSignal(dialog.saveFailed, timeout=5000):
        dialog.save_poster("cover", str(tmp_path / "missing-dir" / "x.png"))
    QThreadPool.globalInstance().waitForDone()
    dialog.choose_file("cover")
    (asked,) = [d for d in dialog.findChildren(QFileDialog) if d.isVisible()]
    asked.reject()
    dialog.close()


def test_county_from_the_profile_and_refresh(wired, qtbot):
    from studio.domain.profile import StudioProfile

    view, _service, _db = wired
    view.show_profile(StudioProfile(county_name="白水县"))
    assert view.county == "白水县"
    assert view.announcements.logo is None
    with qtbot.waitSignal(view.rangeRequested) as asked:
        view.refresh()
    assert asked.args == list(view.visible_range())
    assert asked.args[0] <= DEMO_DAY.replace(day=1) and asked.args[1] >= dt.date(2026, 11, 30)


def test_rota_panel_pauses_a_unit_and_the_fill_leaves_it_out(qtbot, wired, event_loop_qt):
    from studio.ui.prep.rota_panel import RotaPanel

    view, service, _db = wired
    panel = RotaPanel()
    qtbot.addWidget(panel)
    service.rotaLoaded.connect(panel.show_rota)
    panel.rotaChangeRequested.connect(service.set_rota)
    service.load_rota()
    run(event_loop_qt, lambda: panel.model.rowCount() == 21)
    assert not panel.apply_button.isEnabled()
    panel.table.selectRow(0)
    entry = panel.selected_entry()
    panel.paused.setChecked(True)
    panel.note.setText("外出学习")
    panel.apply_button.click()
    run(event_loop_qt, lambda: panel.model.records()[0].paused)
    assert panel.selected_entry().unit_id == entry.unit_id
    assert panel.selected_entry().note == "外出学习"
    service.preview(*service.next_weeks(10))  # long enough for every unit on the rota
    run(event_loop_qt, lambda: not view.preview_box.isHidden())
    planned = {s.unit_id for s in view.preview_model.records()}
    assert entry.unit_id not in planned and len(planned) == 20


def test_templates_are_remembered_between_dialogs(wired, qtbot):
    view, _service, _db = wired
    view.set_templates("{unit}!", "")
    view.open_announcement()
    assert view.announcement.wechat.result.toPlainText() == "住房和城乡建设局!"
    assert "青山县" in view.announcement.kuaishou.result.toPlainText()  # the default
    with qtbot.waitSignal(view.templatesEdited) as edited:
        view.announcement.wechat.template.setPlainText("{topic}")
    assert edited.args[0] == "{topic}"
    view.open_announcement()
    assert view.announcement.wechat.template.toPlainText() == "{topic}"
    view.announcement.close()


def test_briefing_notes_edit_save_and_reload(qtbot, wired, event_loop_qt):
    from studio.domain.briefing import BriefingNote
    from studio.ui.prep.briefing_panel import BriefingPanel

    view, service, db = wired
    panel = BriefingPanel()
    qtbot.addWidget(panel)
    panel.loadRequested.connect(service.load_briefing)
    panel.saveRequested.connect(service.save_briefing)
    service.briefingLoaded.connect(panel.show_briefing)
    service.briefingSaved.connect(panel.show_saved)
    today = view.selected_session()
    from studio.store.briefing import save_briefing_notes

    save_briefing_notes(db, today.id, [])  # start from none (the demo brings its own)
    panel.set_session(today)
    run(event_loop_qt, lambda: True)
    assert panel.notes() == [] and not panel.remove_button.isEnabled()
    panel.add_note()
    panel.title.setText("口径：供暖收费")
    panel.title.textEdited.emit("口径：供暖收费")
    panel.body.setPlainText("按面积收费。")
    panel.add_note()
    panel.title.setText("数据")
    panel.title.textEdited.emit("数据")
    assert panel.titles.item(0).text() == "口径：供暖收费"
    assert panel.status.text()
    panel.save()
    run(event_loop_qt, lambda: panel.status.text() == "Saved")
    panel.set_session(None)
    assert panel.notes() == [] and not panel.save_button.isEnabled()
    panel.set_session(today)
    run(event_loop_qt, lambda: len(panel.notes()) == 2)
    assert panel.notes() == [
        BriefingNote("口径：供暖收费", "按面积收费。"),
        BriefingNote("数据", ""),
    ]
    panel.titles.setCurrentRow(0)
    panel.remove_note()
    assert [n.title for n in panel.notes()] == ["数据"]
    # A refused save (an empty title) says why, and the stored notes stay.
    panel.title.setText("")
    panel.title.textEdited.emit("")
    problems = []
    service.problem.connect(problems.append)
    panel.save()
    run(event_loop_qt, lambda: bool(problems))
    assert "title is empty" in problems[0]


def test_the_portrait_poster_carries_the_accounts_qr_codes_and_copies_as_an_image(wired):
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from studio.domain.model import Platform, RoomRole
    from studio.domain.profile import BroadcastAccount
    from studio.ui.prep.poster import PORTRAIT, qr_rects

    def png(colour):
        image = QImage(50, 50, QImage.Format.Format_ARGB32)
        image.fill(QColor(colour))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(data.data())

    view, _service, _db = wired
    view.show_accounts(
        [
            BroadcastAccount(1, Platform.DOUYIN, RoomRole.DEPT, "青山住建", "x", png("#0000ff")),
            BroadcastAccount(
                2, Platform.KUAISHOU, RoomRole.GOV, "青山县人民政府", "gov", png("#00ff00")
            ),
            BroadcastAccount(3, Platform.KUAISHOU, RoomRole.GOV, "", "stray", png("#ff0000"), True),
        ]
    )
    view.open_announcement()
    dialog = view.announcement
    content_codes = view.announcements.qr_codes
    assert [caption for caption, _ in content_codes] == ["快手 · 青山县人民政府", "抖音 · 青山住建"]
    portrait = dialog.posters["portrait"]
    from studio.ui.prep.poster import PosterContent

    places = qr_rects(PosterContent("", "", "", "", "", "", qr_codes=content_codes), PORTRAIT)
    assert portrait.pixelColor(places[0][0].center()) == QColor("#00ff00")  # the county's first
    assert portrait.pixelColor(places[1][0].center()) == QColor("#0000ff")
    dialog.copy_buttons["portrait"].click()
    assert QGuiApplication.clipboard().image().size() == portrait.size()
    assert "image" in dialog.status.text()
    dialog.close()
