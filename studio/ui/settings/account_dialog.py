"""One broadcast account, added or edited: platform, role, name, capture identity, QR image."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from studio.domain.model import Platform, RoomRole
from studio.domain.profile import ACCOUNT_PLATFORMS, BroadcastAccount
from studio.ui import labels
from studio.ui.file_dialogs import file_dialog

IMAGE_FILTERS = ("Images (*.png *.jpg *.jpeg)",)


def image_preview(data: bytes, size: int) -> QPixmap:
    """An image's bytes as a pixmap at most ``size`` pixels square (empty when unreadable)."""
    image = QImage.fromData(QByteArray(data)) if data else QImage()
    if image.isNull():
        return QPixmap()
    return QPixmap.fromImage(image).scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class AccountDialog(QDialog):
    """Asks for one account; emits it when accepted (the store checks it).

    Signals:
        accountAccepted(object): the ``BroadcastAccount`` as typed (``id`` None for a new one).
    """

    accountAccepted = Signal(object)

    def __init__(self, account: BroadcastAccount | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Broadcast account"))
        self._account = account or BroadcastAccount(None, Platform.KUAISHOU, RoomRole.GOV, "", "")
        self._qr = self._account.qr_png
        self.platform = QComboBox()
        for value in ACCOUNT_PLATFORMS:
            self.platform.addItem(labels.platform(value), str(value))
        self.platform.setCurrentIndex(max(0, self.platform.findData(str(self._account.platform))))
        self.role = QComboBox()
        for role in (RoomRole.GOV, RoomRole.DEPT):
            self.role.addItem(labels.room_role(role), str(role))
        self.role.setCurrentIndex(max(0, self.role.findData(str(self._account.role))))
        self.name = QLineEdit(self._account.account_name)
        self.name.setPlaceholderText(self.tr("e.g. 青山县人民政府"))
        self.identity = QLineEdit(self._account.identity)
        self.identity.setPlaceholderText(
            self.tr("Douyin: the owner's SecUid or live id; Kuaishou: the userscript's path key")
        )
        self.qr_preview = QLabel()
        self.qr_preview.setFixedSize(96, 96)
        self.qr_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose = QPushButton(self.tr("Choose QR image…"))
        choose.clicked.connect(self._choose_qr)
        clear = QPushButton(self.tr("No QR image"))
        clear.clicked.connect(lambda: self._set_qr(b""))
        qr_row = QHBoxLayout()
        qr_row.addWidget(self.qr_preview)
        qr_row.addWidget(choose)
        qr_row.addWidget(clear)
        qr_row.addStretch(1)

        form = QFormLayout(self)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Whose account"), self.role)
        form.addRow(self.tr("Account name"), self.name)
        form.addRow(self.tr("Capture identity"), self.identity)
        form.addRow(self.tr("QR code"), qr_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._set_qr(self._qr)
        self._file_dialog: QFileDialog | None = None

    def typed(self) -> BroadcastAccount:
        """The account as typed."""
        return replace(
            self._account,
            platform=Platform(self.platform.currentData()),
            role=RoomRole(self.role.currentData()),
            account_name=self.name.text(),
            identity=self.identity.text(),
            qr_png=self._qr,
            unassigned=False,
        )

    def accept(self) -> None:
        self.accountAccepted.emit(self.typed())
        super().accept()

    def _set_qr(self, data: bytes) -> None:
        self._qr = data
        pixmap = image_preview(data, 96)
        if pixmap.isNull():
            self.qr_preview.setPixmap(QPixmap())
            self.qr_preview.setText(self.tr("none"))
        else:
            self.qr_preview.setPixmap(pixmap)

    def _choose_qr(self) -> None:
        dialog = file_dialog(self, self.tr("QR code"), filters=IMAGE_FILTERS, delete_on_close=False)
        dialog.fileSelected.connect(self._read_qr)
        dialog.open()
        self._file_dialog = dialog

    def _read_qr(self, path: str) -> None:
        # A small picture chosen by the operator: read here like a pixmap would be (no store).
        image = QImage(path)
        if image.isNull():
            self.qr_preview.setText(self.tr("not an image"))
            return
        self._set_qr(png_bytes(image))


def png_bytes(image: QImage) -> bytes:
    """An image as PNG bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())
