"""File dialogs that never open the files they list — the live SQLite database among them."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QFileInfo, QMimeDatabase, Qt
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QMessageBox, QWidget

_MIME = QMimeDatabase()
# SQLite's files beside the database file; opening any of them from outside breaks its locks.
_SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")
_protected: frozenset[str] = frozenset()


def protect_database(database_file: str | None) -> None:
    """No file dialog may choose the live database (or its -wal/-shm) to read or write.

    Import code would open it through its own descriptor (and drop SQLite's locks); an export
    would overwrite it. ``None`` (a server database) protects nothing.
    """
    global _protected
    if not database_file:
        _protected = frozenset()
        return
    base = os.path.realpath(database_file)
    _protected = frozenset(base + suffix for suffix in _SQLITE_COMPANIONS)


def is_protected(path: str) -> bool:
    return os.path.realpath(path) in _protected


class StudioFileDialog(QFileDialog):
    """Qt's file dialog that refuses the live database, with a message that says why."""

    def accept(self) -> None:
        chosen = [p for p in self.selectedFiles() if is_protected(p)]
        if chosen:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Studio Desk"),
                self.tr(
                    "{file} is the studio's live database. Choose another file: it is never "
                    "read or written from here."
                ).format(file=os.path.basename(chosen[0])),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self._refusal = box
            box.open()
            return
        super().accept()


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from a file's name alone, never from its contents.

    Qt's own provider sniffs a file's first bytes when its name does not say its type
    (``studio.db``, ``studio.db-wal``). Opening and closing the live SQLite database through
    a second descriptor drops every POSIX lock this process holds on it; the next process that
    closes the database then takes the WAL for unused and deletes it, and the app goes on
    writing into unlinked files that nobody else sees (SQLite's "How To Corrupt An SQLite
    Database File", §2.2). The name is enough to pick an icon.
    """

    def icon(self, what: object) -> object:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            kind = (
                QFileIconProvider.IconType.Folder
                if what.isDir()
                else QFileIconProvider.IconType.File
            )
            return super().icon(kind)
        return super().icon(what)  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:  # type: ignore[override]
        if info.isDir():
            return super().type(info)  # a folder is never opened to name it
        return _MIME.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension).comment()


def file_dialog(
    parent: QWidget | None,
    caption: str,
    *,
    folder: str = "",
    filters: Sequence[str] = (),
    save: bool = False,
    name: str = "",
    suffix: str = "",
    delete_on_close: bool = True,
) -> StudioFileDialog:
    """A Qt file dialog to show with ``open()`` (never ``exec()``: the loop keeps running).

    It is always Qt's own dialog, with an icon provider that reads names only: a native dialog
    (GTK's, a portal's) sniffs file contents too, and we cannot tell it not to. It refuses the
    live database (``protect_database``).

    Args:
        parent: the window it belongs to.
        caption: its title.
        folder: where it opens ("" for the working folder).
        filters: name filters, e.g. ``"CSV files (*.csv)"``.
        save: a "save as" dialog; else it opens one existing file.
        name: the file name proposed in a save dialog.
        suffix: added to a typed name that has none.
        delete_on_close: let Qt delete it once closed (keep no reference to it then).
    """
    dialog = StudioFileDialog(parent, caption, folder)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    provider = NameOnlyIconProvider()
    dialog.setIconProvider(provider)
    dialog._studio_icon_provider = provider  # type: ignore[attr-defined]  # Qt does not own it
    if filters:
        dialog.setNameFilters(list(filters))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, delete_on_close)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if name:
            dialog.selectFile(name)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if suffix:
        dialog.setDefaultSuffix(suffix)
    return dialog
