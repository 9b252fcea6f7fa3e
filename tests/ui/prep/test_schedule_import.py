"""The schedule's files in the window: export the shown month or week, import with a preview."""

import datetime as dt

import pytest
from PySide6.QtWidgets import QFileDialog

from studio.store.schedule import list_sessions
from studio.store.schedule_files import read_table, write_table
from studio.ui.prep.schedule_import_dialog import ScheduleImportDialog
from tests.helpers.store_work import run

NOVEMBER = (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
AROUND = (dt.date(2026, 11, 1), dt.date(2026, 12, 31))


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_writes_the_shown_month(wired, event_loop_qt, tmp_path, suffix):
    view, _service, db = wired
    path = tmp_path / f"november.{suffix}"
    assert view.export_range() == NOVEMBER
    view.files.export_file(str(path))
    run(event_loop_qt, lambda: "written" in view.message.text())
    rows = read_table(path)
    assert rows[0] == ["date", "start", "end", "unit", "official", "topic", "status"]
    assert [r[0] for r in rows[1:]] == [s.date.isoformat() for s in list_sessions(db, *NOVEMBER)]
    assert view.message.text() == f"{len(rows) - 1} sessions written to {path}"


def test_import_shows_a_preview_and_writes_only_when_accepted(wired, event_loop_qt, tmp_path):
    view, _service, db = wired
    path = tmp_path / "plan.csv"
    write_table(
        path,
        [
            ["date", "unit", "topic"],
            ["2026-12-01", "民政局", "冬季救助"],
            ["2026-12-28", "民政局", "<b>取暖</b>补贴"],
        ],
    )
    before = list_sessions(db, *AROUND)
    view.files.import_file(str(path))
    dialog = view.files.import_dialog
    assert isinstance(dialog, ScheduleImportDialog) and dialog.isVisible() and not dialog.isModal()
    run(event_loop_qt, lambda: not dialog.waiting)
    assert "creates 1 sessions and changes 1" in dialog.summary.text()
    assert dialog.rows() == [
        ("2026-12-01", "changed"),
        ("2026-12-28", "new session"),
    ]
    assert dialog.import_button.isEnabled()
    assert list_sessions(db, *AROUND) == before  # a preview stores nothing
    dialog.import_button.click()
    run(event_loop_qt, lambda: view.message.text().startswith("Imported"))
    assert view.message.text() == "Imported: 1 sessions created, 1 changed"
    assert not dialog.isVisible()
    new = list_sessions(db, dt.date(2026, 12, 28), dt.date(2026, 12, 28))[0]
    assert (new.unit_name, new.topic) == ("民政局", "<b>取暖</b>补贴")
    # The calendar shows the change on the days it shows.
    run(
        event_loop_qt, lambda: "冬季救助" in view.calendar.button_of(dt.date(2026, 12, 1)).toolTip()
    )


def test_a_bad_file_lists_each_problem_and_imports_nothing(wired, event_loop_qt, tmp_path):
    view, _service, db = wired
    path = tmp_path / "bad.xlsx"
    write_table(
        path,
        [
            ["date", "topic", "unit", "official"],
            ["2026-12-30", "冬季救助", "民政局", ""],
            ["2026-12-31", "", "民政局", "李四"],
            ["2026-11-19", "改个主题", "民政局", ""],
        ],
    )
    before = list_sessions(db, *AROUND)
    view.files.import_file(str(path))
    dialog = view.files.import_dialog
    run(event_loop_qt, lambda: not dialog.waiting)
    rows = dialog.rows()
    assert [(line, column) for line, column, _ in rows] == [("3", "official"), ("4", "date")]
    assert "'李四' is not of this unit" in rows[0][2]
    assert "2026-11-19 is ended" in rows[1][2]
    assert "2 problems" in dialog.summary.text() and "nothing was stored" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert "nothing was imported" in view.message.text()
    assert list_sessions(db, *AROUND) == before
    # A file that is no spreadsheet at all is said so, in the dialog too.
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    view.files.import_file(str(broken))
    run(event_loop_qt, lambda: not view.files.import_dialog.waiting)
    broken_dialog = view.files.import_dialog
    assert any("not a readable workbook" in " ".join(row) for row in broken_dialog.rows())
    assert not broken_dialog.import_button.isEnabled()
    assert list_sessions(db, *AROUND) == before


def test_each_problem_is_worded_in_the_interface_language(wired, chinese, event_loop_qt, tmp_path):
    view, _service, _db = wired
    header = ["date", "topic", "unit", "official", "status"]
    rows = [
        ["2026-12-30", "冬季救助", "民政局", "", "live"],
        ["2026-12-31", "", "民政局", "李四", ""],
    ]
    path = tmp_path / "bad.csv"
    # The rows are checked first (a cell that is no date) …
    write_table(path, [header, *rows, ["2026-12-32", "", "民政局", "", ""]])
    view.files.import_file(str(path))
    run(event_loop_qt, lambda: not view.files.import_dialog.waiting)
    assert view.files.import_dialog.rows() == [
        ("4", "date", "不是日期（YYYY-MM-DD）：“2026-12-32”")
    ]
    # … then against the store (what a file may not set, whose official it is).
    write_table(path, [header, *rows])
    view.files.import_file(str(path))
    run(event_loop_qt, lambda: not view.files.import_dialog.waiting)
    assert view.files.import_dialog.rows() == [
        ("2", "status", "文件不能把场次设为直播中"),
        ("3", "official", "“李四”不是该单位的人员"),
    ]


def test_a_formula_without_a_value_is_shown_by_its_cell(wired, event_loop_qt, tmp_path):
    from openpyxl import Workbook

    view, _service, db = wired
    path = tmp_path / "formula.xlsx"
    book = Workbook()  # openpyxl saves a formula without the value Excel would have shown
    book.active.append(["date", "unit", "topic"])
    book.active.append(["2026-12-30", "民政局", '=CONCAT("冬季","救助")'])
    book.save(path)
    before = list_sessions(db, *AROUND)
    view.files.import_file(str(path))
    dialog = view.files.import_dialog
    run(event_loop_qt, lambda: not dialog.waiting)
    assert dialog.rows() == [
        ("2", "C", 'a formula with no saved value (=CONCAT("冬季","救助")); paste it as values')
    ]
    assert not dialog.import_button.isEnabled()
    assert list_sessions(db, *AROUND) == before


def test_file_dialogs_are_qt_s_own_and_drive_the_same_methods(wired, event_loop_qt, tmp_path):
    view, _service, _db = wired
    view.export_button.click()
    dialog = view.files.file_dialog
    assert dialog.isVisible() and dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.selectedFiles()[0].endswith("schedule-2026-11-01-2026-11-30.csv")
    target = tmp_path / "chosen.xlsx"
    dialog.selectFile(str(target))
    dialog.accept()
    run(event_loop_qt, target.exists)
    assert read_table(target)[0][0] == "date"
    view.import_button.click()
    dialog = view.files.file_dialog
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFile
    dialog.selectFile(str(target))
    dialog.accept()
    run(
        event_loop_qt,
        lambda: view.files.import_dialog is not None and not view.files.import_dialog.waiting,
    )
    assert view.files.import_dialog.path == str(target)
    assert "changes nothing" in view.files.import_dialog.summary.text()
    assert not view.files.import_dialog.import_button.isEnabled()
