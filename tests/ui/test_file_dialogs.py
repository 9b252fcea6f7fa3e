"""A file dialog shown beside the live SQLite database never splits it from other processes."""

import ast
import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QFileInfo, QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QFileSystemModel, QMessageBox
from sqlalchemy import text

from studio.ui.file_dialogs import (
    NameOnlyIconProvider,
    file_dialog,
    protect_database,
    start_folder,
)
from tests.helpers.waiting import run_until

ROOT = Path(__file__).resolve().parents[2]


def open_descriptors(name: str) -> list[str]:
    """What this process holds open of ``name`` and its -wal/-shm (Linux: /proc)."""
    held = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if name in target:
            held.append(target)
    return held


def list_folder_like_a_person(dialog: QFileDialog, loop, folder: Path) -> None:
    """Show the dialog in ``folder`` and ask for every row's icon and type, as its view does."""
    dialog.setDirectory(str(folder))
    dialog.open()
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    root = model.index(str(folder))
    run_until(loop, lambda: model.rowCount(root) >= 3)
    for row in range(model.rowCount(root)):
        for column in range(model.columnCount(QModelIndex())):
            index = model.index(row, column, root)
            model.data(index, Qt.ItemDataRole.DecorationRole)
            model.data(index, Qt.ItemDataRole.DisplayRole)
    # The icons and types are gathered in Qt's own thread: give it time to ask for them all.
    run_until(loop, lambda: model.data(model.index(0, 2, root)) not in (None, ""), timeout=5)
    loop.run_until_complete(asyncio.sleep(0.5))
    dialog.close()


def count_in_another_process(db_file: Path) -> int:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('select count(*) from split_probe').fetchone()[0]); c.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db_file)], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def dialog_then_command_then_commit(db, dialog, loop, folder: Path) -> tuple[int, list[str]]:
    """The reported scenario; returns what another process counts and the unlinked files."""
    db_file = folder / "demo.db"
    with db.engine.begin() as connection:  # the app has the file open, WAL and all
        connection.execute(text("create table split_probe (x integer)"))
    assert any(t.endswith("demo.db-wal") for t in open_descriptors("demo.db"))
    # A person opens a file dialog in the database's folder (Prep ▸ Import CSV) and closes it.
    list_folder_like_a_person(dialog, loop, folder)
    # Another process (a `studio` command) opens the database and closes it.
    subprocess.run(
        [sys.executable, "-m", "studio", "db", "info", "--db", f"sqlite:///{db_file}"],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=60,
    )
    with db.engine.begin() as connection:  # the app commits something new
        connection.execute(text("insert into split_probe values (1)"))
    unlinked = [t for t in open_descriptors("demo.db") if "(deleted)" in t]
    return count_in_another_process(db_file), unlinked


needs_proc = pytest.mark.skipif(
    not Path("/proc/self/fd").exists(), reason="needs /proc to see descriptors"
)


@needs_proc
def test_a_file_dialog_beside_the_database_keeps_one_database(
    demo_db, event_loop_qt, qtbot, tmp_path
):
    dialog = file_dialog(None, "Import", delete_on_close=False)
    qtbot.addWidget(dialog)
    seen, unlinked = dialog_then_command_then_commit(demo_db, dialog, event_loop_qt, tmp_path)
    assert seen == 1  # the other process sees the commit
    assert unlinked == []


@needs_proc
def test_qt_own_icon_provider_splits_the_database(demo_db, event_loop_qt, qtbot, tmp_path):
    """Why file_dialog() sets its own provider: with Qt's, the scenario splits the database.

    Should this start failing, a Qt release stopped sniffing contents; the provider can stay.
    """
    dialog = file_dialog(None, "Import", delete_on_close=False)
    qtbot.addWidget(dialog)
    dialog.setIconProvider(QFileIconProvider())
    seen, unlinked = dialog_then_command_then_commit(demo_db, dialog, event_loop_qt, tmp_path)
    assert seen == 0
    assert any("demo.db-wal (deleted)" in t for t in unlinked)


def test_the_provider_names_types_from_names(tmp_path):
    assert NameOnlyIconProvider().type(QFileInfo(str(tmp_path / "plan.csv")))
    assert not NameOnlyIconProvider().icon(QFileInfo(str(tmp_path))).isNull()


def test_every_file_dialog_of_the_app_comes_from_the_one_helper():
    """A plain QFileDialog would sniff the database again; only file_dialogs.py makes one."""
    makers = []
    for path in (ROOT / "studio").rglob("*.py"):
        if path.name == "file_dialogs.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = getattr(func, "id", None) or getattr(func, "attr", None)
                if name in {
                    "QFileDialog",
                    "getOpenFileName",
                    "getSaveFileName",
                    "getExistingDirectory",
                    "getOpenFileNames",
                }:
                    makers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert makers == []


def test_the_live_database_cannot_be_chosen_in_a_dialog(demo_db, qtbot, tmp_path):
    protect_database(str(tmp_path / "demo.db"))
    try:
        for name in ("demo.db", "demo.db-wal"):
            dialog = file_dialog(
                None, "Export", folder=str(tmp_path), save=True, delete_on_close=False
            )
            qtbot.addWidget(dialog)
            chosen = []
            dialog.fileSelected.connect(chosen.append)
            dialog.open()
            dialog.selectFile(str(tmp_path / name))
            dialog.accept()
            assert chosen == []  # refused: nothing is read or written
            assert dialog.isVisible()
            (refusal,) = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
            assert "live database" in refusal.text()
            refusal.close()
            dialog.selectFile(str(tmp_path / "plan.csv"))
            dialog.accept()
            assert chosen == [str(tmp_path / "plan.csv")]
    finally:
        protect_database(None)


@pytest.fixture
def user_dirs(tmp_path, monkeypatch):
    """The user's Documents and Pictures folders, as XDG names them, under the test's tmp."""
    documents, pictures = tmp_path / "文档", tmp_path / "图片"
    documents.mkdir()
    pictures.mkdir()
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text(
        f'XDG_DOCUMENTS_DIR="{documents}"\nXDG_PICTURES_DIR="{pictures}"\n', encoding="utf-8"
    )
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    yield documents, pictures
    protect_database(None)


def test_dialogs_start_in_documents_or_pictures_never_beside_the_database(
    qtbot, tmp_path, user_dirs
):
    documents, pictures = user_dirs
    data = tmp_path / "data"
    data.mkdir()
    protect_database(str(data / "studio.db"))
    assert start_folder("") == str(documents)
    assert start_folder(str(data)) == str(documents)  # the database's folder is passed over
    assert start_folder(str(data), pictures=True) == str(pictures)
    assert start_folder(str(tmp_path)) == str(tmp_path)  # a folder the person chose before
    table = file_dialog(None, "Export", filters=["CSV files (*.csv)"], save=True)
    poster = file_dialog(None, "Save poster", filters=["PNG images (*.png)"], save=True)
    for dialog in (table, poster):
        qtbot.addWidget(dialog)
    assert Path(table.directory().absolutePath()) == documents
    assert Path(poster.directory().absolutePath()) == pictures


def test_qt_s_own_dialogs_speak_chinese(qapp, qtbot):
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    from studio.app import install_translators

    previous = QLocale()
    translators = install_translators(qapp, "zh_CN")
    try:
        dialog = file_dialog(None, "导入", filters=["CSV files (*.csv)"])
        qtbot.addWidget(dialog)
        labels = {label.text() for label in dialog.findChildren(QLabel)}
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
        buttons = dialog.findChild(QDialogButtonBox)
        assert "取消" in [b.text() for b in buttons.buttons()]
        box = QMessageBox(QMessageBox.Icon.Warning, "x", "y", QMessageBox.StandardButton.Ok)
        qtbot.addWidget(box)
        assert box.buttons()[0].text() == "确定"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(previous)
