"""File dialogs that never open the files they list — the live SQLite database among them."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QFileInfo, QMimeDatabase, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QMessageBox, QWidget

_MIME = QMimeDatabase()
# Words of Qt's own file dialog that Qt's Chinese catalogue (qtbase_zh_CN) lacks: marked here so
# lupdate puts them, in Qt's own context, into our catalogue, which Qt asks after its own.
QT_CATALOGUE_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
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
        return _MIME.mimeTypeForFile(
            info.fileName(), QMimeDatabase.MatchMode.MatchExtension
        ).comment()


_IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".svg")


def _only_images(filters: Sequence[str]) -> bool:
    """Whether every pattern of the name filters names an image (a poster, a logo, a QR)."""
    patterns = [p.strip("()") for f in filters for p in f.split() if "*." in p]
    useful = [p for p in patterns if p not in ("*", "*.*")]
    return bool(useful) and all(p.lower().endswith(_IMAGE_SUFFIXES) for p in useful)


def start_folder(folder: str = "", *, pictures: bool = False) -> str:
    """Where a file dialog opens: ``folder`` when given and not the live database's own
    folder, else the user's Pictures (for images) or Documents folder, else home.

    Never the working folder: started from a terminal that is where the database is, and an
    export or an import should not be one click from it.
    """
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    database_folders = {os.path.dirname(p) for p in _protected}
    if folder and os.path.isdir(folder) and os.path.realpath(folder) not in database_folders:
        return folder
    kinds = [QStandardPaths.StandardLocation.DocumentsLocation]
    if pictures:
        kinds.insert(0, QStandardPaths.StandardLocation.PicturesLocation)
    for kind in kinds:
        place = QStandardPaths.writableLocation(kind)
        if place and os.path.isdir(place) and os.path.realpath(place) not in database_folders:
            return place
    return home


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
        folder: where it opens; "" (or the database's own folder) for the user's Pictures
            folder when the filters name only images, else Documents (:func:`start_folder`).
        filters: name filters, e.g. ``"CSV files (*.csv)"``.
        save: a "save as" dialog; else it opens one existing file.
        name: the file name proposed in a save dialog.
        suffix: added to a typed name that has none.
        delete_on_close: let Qt delete it once closed (keep no reference to it then).
    """
    dialog = StudioFileDialog(parent, caption, start_folder(folder, pictures=_only_images(filters)))
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
