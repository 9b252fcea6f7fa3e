"""The settings page (设置): the county's names and logo, zone, slot, deadlines and accounts.

A non-modal window opened from File ▸ Studio settings… (Ctrl+,). It shows what the store holds
(``show_profile``, ``show_accounts``) and asks for changes by signals; the store checks them and
the page shows the stored result or the refusal.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import RoomRole
from studio.domain.profile import (
    LOW_ENGAGEMENT_MAX,
    REFERRAL_CATEGORIES,
    REFERRAL_DAYS_MAX,
    BroadcastAccount,
    StudioProfile,
)
from studio.ui import labels
from studio.ui.file_dialogs import file_dialog
from studio.ui.record_model import RECORD_ROLE, Column, RecordTableModel, record_table
from studio.ui.settings.account_dialog import (
    IMAGE_FILTERS,
    AccountDialog,
    image_preview,
    png_bytes,
)
from studio.ui.settings.api_settings import ApiSettingsBox

ZONES = (
    "Asia/Shanghai",
    "Asia/Urumqi",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Macau",
)
JSON_FILTERS = ("Studio profile (*.json)",)


def _qtime(value: dt.time) -> QTime:
    return QTime(value.hour, value.minute)


def _time(value: QTime) -> dt.time:
    return dt.time(value.hour(), value.minute())


class SettingsPage(QDialog):
    """The studio's profile and broadcast accounts.

    Signals:
        profileSaveRequested(object): store this ``StudioProfile``.
        accountSaveRequested(object): add or change this ``BroadcastAccount``.
        accountRemoveRequested(int): remove the account (room) with this id.
        roomAssignRequested(int, str): this room is the county's (``gov``) or the department's.
        exportRequested(str): write the profile file to this path.
        importRequested(str): store the profile file at this path.
    """

    profileSaveRequested = Signal(object)
    accountSaveRequested = Signal(object)
    accountRemoveRequested = Signal(int)
    roomAssignRequested = Signal(int, str)
    exportRequested = Signal(str)
    importRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Studio settings"))
        self.setModal(False)
        self.resize(900, 780)
        self._profile = StudioProfile()
        self._logo = b""
        self._dialogs: list[QDialog] = []

        # -- the county
        self.county_name = QLineEdit()
        self.county_name.setPlaceholderText(self.tr("e.g. 青山县"))
        self.short_name = QLineEdit()
        self.short_name.setPlaceholderText(self.tr("e.g. 青山"))
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(80, 80)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        choose_logo = QPushButton(self.tr("Choose logo…"))
        choose_logo.clicked.connect(self._choose_logo)
        clear_logo = QPushButton(self.tr("No logo"))
        clear_logo.clicked.connect(lambda: self._set_logo(b""))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(clear_logo)
        logo_row.addStretch(1)
        county = QGroupBox(self.tr("County"))
        county_form = QFormLayout(county)
        county_form.addRow(self.tr("County name"), self.county_name)
        county_form.addRow(self.tr("Short name"), self.short_name)
        county_form.addRow(self.tr("Logo"), logo_row)

        # -- the studio
        self.time_zone = QComboBox()
        self.time_zone.setEditable(True)
        self.time_zone.addItem(self.tr("(default: --tz, STUDIO_TZ or Asia/Shanghai)"), "")
        for zone in ZONES:
            self.time_zone.addItem(zone, zone)
        self.slot_start = QTimeEdit()
        self.slot_end = QTimeEdit()
        for edit in (self.slot_start, self.slot_end):
            edit.setDisplayFormat("HH:mm")
        slot_row = QHBoxLayout()
        slot_row.addWidget(self.slot_start)
        slot_row.addWidget(QLabel("–"))
        slot_row.addWidget(self.slot_end)
        slot_row.addStretch(1)
        studio = QGroupBox(self.tr("Studio"))
        studio_form = QFormLayout(studio)
        studio_form.addRow(self.tr("Time zone"), self.time_zone)
        studio_form.addRow(self.tr("Default slot"), slot_row)
        self.low_engagement = QDoubleSpinBox(
            decimals=1, minimum=0.0, maximum=LOW_ENGAGEMENT_MAX, singleStep=0.5
        )
        self.low_engagement.setSuffix(self.tr(" per 1,000 viewers"))
        self.low_engagement.setToolTip(
            self.tr(
                "The period report marks a unit drawing fewer distinct questions per 1,000 "
                "viewers (studio report units uses it too, unless --threshold is given)."
            )
        )
        studio_form.addRow(self.tr("Low engagement below"), self.low_engagement)

        # -- referral deadlines
        self.deadlines: dict[str, QSpinBox] = {}
        deadlines = QGroupBox(self.tr("Referral deadlines (working days)"))
        grid = QGridLayout(deadlines)
        for column, category in enumerate(REFERRAL_CATEGORIES):
            spin = QSpinBox()
            spin.setRange(1, REFERRAL_DAYS_MAX)
            self.deadlines[category] = spin
            grid.addWidget(QLabel(self._category_label(category)), 0, column)
            grid.addWidget(spin, 1, column)

        self.save_button = QPushButton(self.tr("Save profile"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

        # -- accounts
        self.accounts_model = RecordTableModel(
            [
                Column(self.tr("Platform"), lambda a: labels.platform(a.platform)),
                Column(self.tr("Whose"), self._whose),
                Column(self.tr("Account name"), lambda a: a.account_name),
                Column(self.tr("Capture identity"), lambda a: a.identity, wide=True),
                Column(self.tr("QR"), lambda a: "✓" if a.qr_png else ""),
            ],
            self,
        )
        self.accounts_view: QTableView = record_table(self.accounts_model, self)
        self.accounts_view.doubleClicked.connect(lambda _index: self.edit_account())
        add = QPushButton(self.tr("Add account…"))
        add.clicked.connect(self.add_account)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_account)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_account)
        self.assign_gov = QPushButton(self.tr("This is the county's room"))
        self.assign_gov.clicked.connect(lambda: self._assign(RoomRole.GOV))
        self.assign_dept = QPushButton(self.tr("This is the department's room"))
        self.assign_dept.clicked.connect(lambda: self._assign(RoomRole.DEPT))
        account_buttons = QHBoxLayout()
        for button in (add, edit, remove, self.assign_gov, self.assign_dept):
            account_buttons.addWidget(button)
        account_buttons.addStretch(1)
        accounts = QGroupBox(self.tr("Broadcast accounts and their rooms"))
        accounts_box = QVBoxLayout(accounts)
        accounts_box.addWidget(self.accounts_view)
        accounts_box.addLayout(account_buttons)
        self.accounts_view.selectionModel().selectionChanged.connect(self._selection_changed)

        # -- files and status
        export = QPushButton(self.tr("Export profile…"))
        export.clicked.connect(self._ask_export)
        import_ = QPushButton(self.tr("Import profile…"))
        import_.clicked.connect(self._ask_import)
        self.status = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addWidget(export)
        bottom.addWidget(import_)
        bottom.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        bottom.addWidget(close)

        # -- the control API (settings.ini, not the profile: it is this computer's)
        self.api = ApiSettingsBox()

        top = QHBoxLayout()
        top.addWidget(county, 1)
        top.addWidget(studio, 1)
        middle = QHBoxLayout()
        middle.addWidget(deadlines, 1)
        middle.addWidget(self.api, 1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(middle)
        box.addWidget(accounts, 1)
        box.addWidget(self.status)
        box.addLayout(bottom)
        self._selection_changed()

    def _category_label(self, category: str) -> str:
        return {
            "enquiry": self.tr("Enquiry"),
            "help": self.tr("Help"),
            "suggestion": self.tr("Suggestion"),
            "complaint": self.tr("Complaint"),
        }[category]

    def _whose(self, account: BroadcastAccount) -> str:
        if account.unassigned:
            return self.tr("Unassigned")
        return labels.room_role(account.role)

    # -- showing the store -------------------------------------------------------------------
    def show_profile(self, profile: StudioProfile) -> None:
        """The stored profile, in the form (what was typed and not saved is replaced)."""
        self._profile = profile
        self.county_name.setText(profile.county_name)
        self.short_name.setText(profile.short_name)
        index = self.time_zone.findData(profile.time_zone)
        if index >= 0:
            self.time_zone.setCurrentIndex(index)
        else:
            self.time_zone.setEditText(profile.time_zone)
        self.slot_start.setTime(_qtime(profile.slot_start))
        self.slot_end.setTime(_qtime(profile.slot_end))
        for category, spin in self.deadlines.items():
            spin.setValue(profile.days_for(category))
        self.low_engagement.setValue(profile.low_engagement_per_1000)
        self._set_logo(profile.logo_png)

    def show_accounts(self, accounts: list[BroadcastAccount]) -> None:
        self.accounts_model.set_records(accounts)
        self._selection_changed()

    def show_saved(self) -> None:
        self.status.setText(self.tr("Saved."))

    def show_problem(self, text: str) -> None:
        self.status.setText(self.tr("Not saved: {reason}").format(reason=text))

    def show_exported(self, path: str) -> None:
        self.status.setText(self.tr("Exported to {path}").format(path=path))

    def show_imported(self, path: str) -> None:
        self.status.setText(self.tr("Imported {path}").format(path=path))

    # -- the form ----------------------------------------------------------------------------
    def typed_profile(self) -> StudioProfile:
        # A zone from the list by its data (the default's is ""), else as typed.
        zone = self.time_zone.currentText()
        index = self.time_zone.findText(zone)
        if index >= 0:
            zone = str(self.time_zone.itemData(index) or "")
        return replace(
            self._profile,
            county_name=self.county_name.text(),
            short_name=self.short_name.text(),
            time_zone=zone.strip(),
            slot_start=_time(self.slot_start.time()),
            slot_end=_time(self.slot_end.time()),
            referral_days={c: spin.value() for c, spin in self.deadlines.items()},
            low_engagement_per_1000=self.low_engagement.value(),
            logo_png=self._logo,
        )

    def save(self) -> None:
        self.status.setText(self.tr("Saving…"))
        self.profileSaveRequested.emit(self.typed_profile())

    def _set_logo(self, data: bytes) -> None:
        self._logo = data
        pixmap = image_preview(data, 80)
        self.logo_preview.setPixmap(pixmap)
        if pixmap.isNull():
            self.logo_preview.setText(self.tr("none"))

    def _choose_logo(self) -> None:
        dialog = file_dialog(
            self, self.tr("County logo"), filters=IMAGE_FILTERS, delete_on_close=False
        )
        dialog.fileSelected.connect(self._read_logo)
        self._open(dialog)

    def _read_logo(self, path: str) -> None:
        image = QImage(path)
        if image.isNull():
            self.status.setText(self.tr("{path} is not an image").format(path=path))
            return
        self._set_logo(png_bytes(image))

    # -- accounts ----------------------------------------------------------------------------
    def selected_account(self) -> BroadcastAccount | None:
        rows = self.accounts_view.selectionModel().selectedRows()
        return rows[0].data(RECORD_ROLE) if rows else None  # type: ignore[no-any-return]

    def _selection_changed(self, *_args: object) -> None:
        account = self.selected_account()
        for button in (self.assign_gov, self.assign_dept):
            button.setEnabled(account is not None and account.unassigned)

    def add_account(self) -> AccountDialog:
        return self._account_dialog(None)

    def edit_account(self) -> AccountDialog | None:
        account = self.selected_account()
        return self._account_dialog(account) if account is not None else None

    def _account_dialog(self, account: BroadcastAccount | None) -> AccountDialog:
        dialog = AccountDialog(account, self)
        dialog.accountAccepted.connect(self.accountSaveRequested.emit)
        self._open(dialog)
        return dialog

    def _remove_account(self) -> None:
        account = self.selected_account()
        if account is not None and account.id is not None:
            self.accountRemoveRequested.emit(account.id)

    def _assign(self, role: RoomRole) -> None:
        account = self.selected_account()
        if account is not None and account.id is not None:
            self.roomAssignRequested.emit(account.id, str(role))

    # -- files -------------------------------------------------------------------------------
    def _ask_export(self) -> None:
        dialog = file_dialog(
            self,
            self.tr("Export profile"),
            filters=JSON_FILTERS,
            save=True,
            name=self.tr("studio-profile.json"),
            suffix="json",
            delete_on_close=False,
        )
        dialog.fileSelected.connect(self.exportRequested.emit)
        self._open(dialog)

    def _ask_import(self) -> None:
        dialog = file_dialog(
            self, self.tr("Import profile"), filters=JSON_FILTERS, delete_on_close=False
        )
        dialog.fileSelected.connect(self.importRequested.emit)
        self._open(dialog)

    def _open(self, dialog: QDialog | QFileDialog) -> None:
        """Open without blocking (never exec), keeping a reference while it is open."""
        self._dialogs = [d for d in self._dialogs if d.isVisible()] + [dialog]
        dialog.open()
