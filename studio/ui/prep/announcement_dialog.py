"""The preview announcement dialog: both texts from editable templates, both posters, copy and save."""

from __future__ import annotations

from PySide6.QtCore import QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.announcement import (
    KUAISHOU_TEMPLATE,
    PLACEHOLDERS,
    WECHAT_TEMPLATE,
    AnnouncementText,
    announcement_fields,
    fill_template,
)
from studio.domain.records import SessionRecord
from studio.ui.file_dialogs import file_dialog
from studio.ui.prep.poster import COVER, PORTRAIT, PosterContent, draw_poster

PREVIEW_HEIGHT = 360


class _PosterSaver(QRunnable):
    """Encodes and writes a PNG off the GUI thread (that takes ~100 ms for the tall poster)."""

    def __init__(self, image: QImage, path: str, dialog: AnnouncementDialog) -> None:
        super().__init__()
        self._image = image.copy()
        self._path = path
        self._dialog = dialog

    def run(self) -> None:
        # Signals emitted here reach the dialog queued, on the GUI thread.
        if self._image.save(self._path, "PNG"):
            self._dialog.saved.emit(self._path)
        else:
            self._dialog.saveFailed.emit(self._path)


class _Channel(QGroupBox):
    """One platform's template (editable) and the text it makes (read-only, to copy)."""

    def __init__(self, title: str, template: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.template = QPlainTextEdit(template)
        self.template.setTabChangesFocus(True)
        self.result = QPlainTextEdit(readOnly=True)
        self.notice = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        self.notice.setProperty("role", "subtle")
        self.copy = QPushButton(self.tr("Copy text"))
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Template"), textFormat=Qt.TextFormat.PlainText))
        box.addWidget(self.template, 1)
        box.addWidget(QLabel(self.tr("Text to publish"), textFormat=Qt.TextFormat.PlainText))
        box.addWidget(self.result, 1)
        box.addWidget(self.notice)
        box.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignRight)

    def show_text(self, filled: AnnouncementText) -> None:
        self.result.setPlainText(filled.text)
        problems = []
        if filled.unknown:
            problems.append(
                self.tr("Unknown placeholders, left as written: {names}").format(
                    names=" ".join("{" + name + "}" for name in filled.unknown)
                )
            )
        if filled.missing:
            problems.append(
                self.tr("Still empty: {names}").format(
                    names=" ".join("{" + name + "}" for name in filled.missing)
                )
            )
        self.notice.setText("\n".join(problems))
        self.notice.setProperty("state", "warn" if problems else "")


class AnnouncementDialog(QDialog):
    """The 直播预告 of one session: WeChat and Kuaishou texts, posters, copy and save.

    Non-modal: show it with :meth:`open` (never ``exec``); keep a reference while it is open.

    Signals:
        templatesEdited(str, str): the WeChat and Kuaishou templates after an edit (the app may
            remember them).
        saved(str): a poster was written to this path.
        saveFailed(str): writing a poster to this path failed.
    """

    templatesEdited = Signal(str, str)
    saved = Signal(str)
    saveFailed = Signal(str)

    def __init__(
        self,
        session: SessionRecord,
        county: str,
        parent: QWidget | None = None,
        *,
        wechat_template: str = WECHAT_TEMPLATE,
        kuaishou_template: str = KUAISHOU_TEMPLATE,
        logo: QImage | None = None,
        qr_codes: tuple[tuple[str, QImage], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preview announcement"))
        self.setModal(False)
        self._fields = announcement_fields(session, county)
        self._file_dialog: QFileDialog | None = None
        self.wechat = _Channel(self.tr("WeChat official account"), wechat_template)
        self.kuaishou = _Channel(self.tr("Kuaishou"), kuaishou_template)
        help_text = QLabel(
            self.tr("Placeholders: {names}").format(
                names=" ".join("{" + name + "}" for name in PLACEHOLDERS)
            ),
            textFormat=Qt.TextFormat.PlainText,
            wordWrap=True,
        )
        help_text.setProperty("role", "subtle")

        content = PosterContent.of_session(session, county, logo, qr_codes)
        self.posters = {
            "portrait": draw_poster(content, PORTRAIT),
            "cover": draw_poster(content, COVER),
        }
        posters = QGridLayout()
        self.save_buttons: dict[str, QPushButton] = {}
        self.copy_buttons: dict[str, QPushButton] = {}
        for column, (key, label) in enumerate(
            (
                ("portrait", self.tr("Poster 1080×1920 (short video)")),
                ("cover", self.tr("Cover 900×383 (WeChat)")),
            )
        ):
            preview = QLabel()
            preview.setPixmap(
                QPixmap.fromImage(self.posters[key]).scaled(
                    QSize(PREVIEW_HEIGHT, PREVIEW_HEIGHT),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
            button = QPushButton(self.tr("Save PNG…"))
            button.clicked.connect(lambda _=False, k=key: self.choose_file(k))
            self.save_buttons[key] = button
            copy = QPushButton(self.tr("Copy image"))
            copy.setToolTip(self.tr("Copy the poster to the clipboard, to paste it into a post"))
            copy.clicked.connect(lambda _=False, k=key: self.copy_image(k))
            self.copy_buttons[key] = copy
            actions = QHBoxLayout()
            actions.addStretch(1)
            actions.addWidget(copy)
            actions.addWidget(button)
            posters.addWidget(QLabel(label, textFormat=Qt.TextFormat.PlainText), 0, column)
            posters.addWidget(preview, 1, column)
            posters.addLayout(actions, 2, column)
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText)

        texts = QHBoxLayout()
        texts.addWidget(self.wechat, 3)
        texts.addWidget(self.kuaishou, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(help_text)
        box.addLayout(texts, 1)
        box.addLayout(posters)
        box.addWidget(self.status)
        box.addWidget(buttons)

        for channel in (self.wechat, self.kuaishou):
            channel.template.textChanged.connect(self._refill)
            channel.copy.clicked.connect(lambda _=False, c=channel: self.copy_text(c))
        self.saved.connect(
            lambda path: self.status.setText(self.tr("Saved {path}").format(path=path))
        )
        self.saveFailed.connect(
            lambda path: self.status.setText(self.tr("Could not save {path}").format(path=path))
        )
        self._refill()

    def open(self) -> None:
        """Show without blocking: QDialog.open() would make the main window wait (window-modal)
        while the operator may need it, e.g. to look up the session or start the timer."""
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.show()
        self.activateWindow()

    # -- slots -------------------------------------------------------------------------------
    def _refill(self) -> None:
        for channel in (self.wechat, self.kuaishou):
            channel.show_text(fill_template(channel.template.toPlainText(), self._fields))
        self.templatesEdited.emit(
            self.wechat.template.toPlainText(), self.kuaishou.template.toPlainText()
        )

    def copy_text(self, channel: _Channel) -> None:
        QGuiApplication.clipboard().setText(channel.result.toPlainText())
        self.status.setText(self.tr("Copied to the clipboard"))

    def copy_image(self, key: str) -> None:
        """Put poster ``key`` ("portrait" or "cover") on the clipboard as an image."""
        QGuiApplication.clipboard().setImage(self.posters[key])
        self.status.setText(self.tr("Poster copied to the clipboard as an image"))

    def choose_file(self, key: str) -> None:
        """Ask where to save a poster (a non-modal file dialog), then save it there."""
        kind = self.tr("poster") if key == "portrait" else self.tr("cover")
        name = self.tr("{date}{unit}-{kind}.png").format(
            date=self._fields["date"], unit=self._fields["unit"], kind=kind
        )
        dialog = file_dialog(
            self,
            self.tr("Save poster"),
            filters=[self.tr("PNG images (*.png)")],
            save=True,
            name=name,
            suffix="png",
            delete_on_close=False,
        )
        dialog.fileSelected.connect(lambda path: self.save_poster(key, path))
        self._file_dialog = dialog
        dialog.open()

    def save_poster(self, key: str, path: str) -> None:
        """Write poster ``key`` ("portrait" or "cover") to ``path`` in a worker thread."""
        self.status.setText(self.tr("Saving {path}…").format(path=path))
        QThreadPool.globalInstance().start(_PosterSaver(self.posters[key], path, self))
