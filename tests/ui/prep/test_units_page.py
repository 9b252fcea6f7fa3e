"""The units page on the whole desk: keys, dialogs, refusals, undo, the rota and desk follow, files.

Chinese text is typed with setText (an input method, not key clicks, writes it).
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from studio.store.schedule_files import write_table
from studio.store.units import list_officials, list_units
from studio.ui import theme
from tests.helpers.waiting import until


def desk_unit_choices(studio) -> set[str]:
    """The units the live desk offers (its feed filter lists every unit not retired)."""
    units = studio.window.desk.filter_bar.unit
    return {units.itemText(i) for i in range(units.count())}


@pytest.fixture
def prep(make_desk, demo_db, event_loop_qt):
    studio = make_desk(demo_db)
    w = studio.window
    w.tabs.setCurrentWidget(w.prep)
    page = w.prep.units_page
    page.parentWidget().parentWidget().setCurrentWidget(page)  # the Prep tab's "Units" tab
    w.activateWindow()
    event_loop_qt.run_until_complete(until(lambda: QApplication.activeWindow() is w))
    event_loop_qt.run_until_complete(until(lambda: page.officials_model.rowCount() == 1))
    return studio


def run(loop, condition):
    loop.run_until_complete(until(condition))


def focus(loop, widget):
    widget.setFocus()
    run(loop, widget.hasFocus)


def back_to(loop, window, widget):
    """After a dialog closes, the window manager activates the main window again (offscreen
    has none, so the test does)."""
    window.activateWindow()
    run(loop, lambda: QApplication.activeWindow() is window)
    focus(loop, widget)


def units_named(page):
    return {u.name: u for u in page.units_model.records()}


def select_unit(page, loop, name):
    view = page.units_view
    row = next(r for r in range(view.model().rowCount()) if view.model().index(r, 0).data() == name)
    view.selectRow(row)
    run(
        loop,
        lambda: (
            [o.unit_name for o in page.officials_model.records()][:1] in ([name], [])
            and page.selected_unit().name == name
        ),
    )


def test_lists_every_unit_and_the_selected_units_officials(prep):
    page = prep.window.prep.units_page
    assert prep.window.prep.units_model is page.units_model
    assert page.units_model.rowCount() == 21
    first = page.selected_unit()
    assert first.name == "住房和城乡建设局"
    assert [(o.name, o.title) for o in page.officials_model.records()] == [("张志强", "局长")]
    assert page.officials_title.text().endswith("住房和城乡建设局")


def test_add_a_unit_with_keys_reaches_the_rota_and_the_desk(prep, qtbot, event_loop_qt, demo_db):
    loop, page = event_loop_qt, prep.window.prep.units_page
    focus(loop, page.units_view)
    qtbot.keyClick(page.units_view, Qt.Key.Key_Insert)
    dialog = page.unit_dialog
    run(loop, dialog.isVisible)
    assert dialog.windowTitle() == "Add a unit"
    dialog.name.setText("文化旅游局")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    # Refused in place: the dialog stays open and says why.
    run(loop, dialog.problem.isVisible)
    assert dialog.isVisible() and dialog.problem.text() == "the short name is empty"
    dialog.short_name.setText("文旅局")
    qtbot.keyClick(dialog.short_name, Qt.Key.Key_Return)
    run(loop, lambda: dialog.problem.text().startswith("the kind is required"))
    dialog.kind.setCurrentIndex(dialog.kind.findData("department"))
    dialog.keywords.setText("景区、门票，文物 旅游")
    qtbot.keyClick(dialog.keywords, Qt.Key.Key_Return)
    run(loop, lambda: "文化旅游局" in units_named(page))
    assert not dialog.isVisible()
    assert units_named(page)["文化旅游局"].keywords == ("景区", "门票", "文物", "旅游")
    run(loop, lambda: "文化旅游局" in {e.unit_name for e in prep.window.prep.rota.model.records()})
    run(loop, lambda: "文化旅游局" in desk_unit_choices(prep))
    # Ctrl+Z takes the new unit back (nothing refers to it yet, so it is gone).
    back_to(loop, prep.window, page.units_view)
    qtbot.keyClick(page.units_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    run(loop, lambda: "文化旅游局" not in units_named(page))
    assert "文化旅游局" not in {u.name for u in list_units(demo_db)}


def test_del_retires_and_restores_and_ctrl_z_undoes(prep, qtbot, event_loop_qt, demo_db):
    loop, page = event_loop_qt, prep.window.prep.units_page
    select_unit(page, loop, "民政局")
    focus(loop, page.units_view)
    qtbot.keyClick(page.units_view, Qt.Key.Key_Delete)
    run(loop, lambda: units_named(page)["民政局"].retired)
    assert page.selected_unit().name == "民政局"
    assert page.retire_unit_button.text() == "Restore"
    row = page.units_view.selectionModel().selectedRows()[0]
    assert row.data(Qt.ItemDataRole.ForegroundRole) == theme.MUTED
    run(loop, lambda: "民政局" not in {e.unit_name for e in prep.window.prep.rota.model.records()})
    qtbot.keyClick(page.units_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    run(loop, lambda: not units_named(page)["民政局"].retired)
    run(loop, lambda: "民政局" in {e.unit_name for e in prep.window.prep.rota.model.records()})
    qtbot.keyClick(page.units_view, Qt.Key.Key_Delete)
    run(loop, lambda: units_named(page)["民政局"].retired)
    qtbot.keyClick(page.units_view, Qt.Key.Key_Delete)
    run(loop, lambda: not units_named(page)["民政局"].retired)
    assert not next(u for u in list_units(demo_db) if u.name == "民政局").retired


def test_edit_a_unit_with_f2_and_a_taken_name_is_refused(prep, qtbot, event_loop_qt):
    loop, page = event_loop_qt, prep.window.prep.units_page
    select_unit(page, loop, "水利局")
    focus(loop, page.units_view)
    qtbot.keyClick(page.units_view, Qt.Key.Key_F2)
    dialog = page.unit_dialog
    run(loop, dialog.isVisible)
    assert (dialog.name.text(), dialog.short_name.text()) == ("水利局", "水利局")
    assert dialog.keywords.text().startswith("饮水、自来水")
    dialog.short_name.setText("民政局")
    qtbot.keyClick(dialog.short_name, Qt.Key.Key_Return)
    run(loop, dialog.problem.isVisible)
    assert dialog.problem.text() == "another unit is already called '民政局'"
    dialog.short_name.setText("水务")
    qtbot.keyClick(dialog.short_name, Qt.Key.Key_Return)
    run(loop, lambda: units_named(page)["水利局"].short_name == "水务")
    assert not dialog.isVisible()


def test_officials_add_edit_retire_with_keys(prep, qtbot, event_loop_qt, demo_db):
    loop, page = event_loop_qt, prep.window.prep.units_page
    view = page.officials_view
    focus(loop, view)
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.official_dialog
    run(loop, dialog.isVisible)
    assert dialog.unit.text() == "住房和城乡建设局"
    dialog.name.setText("王敏")
    dialog.title.setText("副局长")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    run(loop, lambda: page.officials_model.rowCount() == 2)
    assert not dialog.isVisible()
    back_to(loop, prep.window, view)
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    run(loop, dialog.isVisible)
    assert (dialog.name.text(), dialog.title.text()) == ("王敏", "副局长")
    dialog.title.setText("局长")
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    run(loop, lambda: page.officials_model.records()[1].title == "局长")
    run(loop, lambda: page.selected_official() is not None)
    assert page.selected_official().name == "王敏"
    back_to(loop, prep.window, view)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    run(loop, lambda: page.officials_model.records()[1].retired)
    housing = page.selected_unit().id
    assert [(o.name, o.retired) for o in list_officials(demo_db, housing)] == [
        ("张志强", False),
        ("王敏", True),
    ]
    assert page.retire_official_button.text() == "Restore"


def test_an_import_refusal_is_worded_in_the_interface_language(
    prep, chinese, event_loop_qt, tmp_path
):
    loop, page = event_loop_qt, prep.window.prep.units_page
    bad = tmp_path / "bad.csv"
    write_table(bad, [["name", "kind", "colour"], ["体育局", "department", "红"]])
    page.files.import_file(str(bad))
    run(loop, lambda: "\n" in page.message.text())
    lines = page.message.text().splitlines()[1:]
    columns = "name, short_name, kind, keywords, retired, officials, retired_officials"
    assert lines == [f"第 1 行，colour 列： 未知的列（应为：{columns}）"]


def test_import_refuses_a_bad_file_then_previews_and_imports_a_good_one(
    prep, event_loop_qt, demo_db, tmp_path
):
    loop, page = event_loop_qt, prep.window.prep.units_page
    bad = tmp_path / "bad.csv"
    write_table(bad, [["name", "kind"], ["文化旅游局", "department"], ["体育局", "bureau"]])
    page.files.import_file(str(bad))
    run(loop, lambda: "not imported" in page.message.text())
    assert "line 3, column kind: unknown kind 'bureau'" in page.message.text()
    assert not page.files.preview_dialog.isVisible()
    assert "文化旅游局" not in {u.name for u in list_units(demo_db)}

    good = tmp_path / "units.xlsx"
    write_table(
        good,
        [
            ["name", "short_name", "kind", "officials"],
            ["文化旅游局", "文旅局", "department", "林晓/局长"],
            ["民政局", "民政局", "township", ""],
            ["水利局", "水利局", "department", "杨树林/局长"],
        ],
    )
    page.files.import_file(str(good))
    dialog = page.files.preview_dialog
    run(loop, dialog.isVisible)
    assert dialog.summary.text() == "units.xlsx: 1 unit(s) to add, 1 to change, 1 unchanged."
    assert "Added (1):\n  文化旅游局" in dialog.details.toPlainText()
    assert "文化旅游局" not in {u.name for u in list_units(demo_db)}  # nothing before accepting
    dialog.import_button.click()
    run(loop, lambda: "文化旅游局" in units_named(page))
    assert page.message.text() == "Imported units.xlsx: 1 unit(s) added, 1 changed."
    assert units_named(page)["民政局"].kind == "township"
    run(loop, lambda: "文化旅游局" in desk_unit_choices(prep))


def test_export_writes_every_unit(prep, event_loop_qt, tmp_path):
    loop, page = event_loop_qt, prep.window.prep.units_page
    path = tmp_path / "units.csv"
    page.files.export_file(str(path))
    run(loop, lambda: page.message.text() == "Wrote 21 unit(s) to units.csv.")
    text = path.read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].startswith("住房和城乡建设局,住建局,department,")


def test_looks_right(prep, tmp_path):
    page = prep.window.prep.units_page
    image = page.grab()
    assert not image.isNull() and image.width() > 300
    image.save(str(tmp_path / "units.png"))
