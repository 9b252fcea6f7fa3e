"""The schedule's announcements (直播预告): the county's name, the remembered templates and the
one announcement dialog open at a time."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from studio.domain.announcement import KUAISHOU_TEMPLATE, WECHAT_TEMPLATE
from studio.domain.model import Platform, RoomRole
from studio.domain.profile import BroadcastAccount, StudioProfile
from studio.domain.records import SessionRecord
from studio.ui.prep.announcement_dialog import AnnouncementDialog

# The platforms' names on a poster (its text is Chinese whatever the interface's language).
PLATFORM_NAMES = {Platform.KUAISHOU: "快手", Platform.DOUYIN: "抖音"}


class Announcements(QObject):
    """Opens a session's announcement with the county and the templates it should start from.

    Attributes:
        county: the county's name, for the texts and posters (the profile's; never a capture
            key such as ``gov``).
        logo: the county's logo for the posters, or None.
        templates: the (WeChat, Kuaishou) templates to start from.
        dialog: the announcement open now, or None.

    Signals:
        templatesEdited(str, str): the templates after an edit, for the app to remember.
    """

    templatesEdited = Signal(str, str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.county = ""
        self.logo: QImage | None = None
        self.qr_codes: tuple[tuple[str, QImage], ...] = ()
        self.templates = (WECHAT_TEMPLATE, KUAISHOU_TEMPLATE)
        self.dialog: AnnouncementDialog | None = None

    def show_profile(self, profile: StudioProfile) -> None:
        """The county's name and logo, as the studio's profile sets them."""
        self.county = profile.county_name
        logo = QImage.fromData(QByteArray(profile.logo_png)) if profile.logo_png else QImage()
        self.logo = None if logo.isNull() else logo

    def show_accounts(self, accounts: list[BroadcastAccount]) -> None:
        """The live accounts' QR codes for the portrait poster: the county's first, each with
        its platform and name as the caption (poster text, in Chinese like the rest of it)."""
        codes = []
        ordered = sorted(accounts, key=lambda a: (a.role != RoomRole.GOV, a.platform))
        for account in ordered:
            if account.unassigned or not account.qr_png:
                continue
            image = QImage.fromData(QByteArray(account.qr_png))
            if not image.isNull():
                platform = PLATFORM_NAMES.get(account.platform, str(account.platform))
                codes.append((f"{platform} · {account.shown_name}", image))
        self.qr_codes = tuple(codes)

    def set_templates(self, wechat: str, kuaishou: str) -> None:
        """The templates to start from (remembered ones, or the defaults)."""
        self.templates = (wechat or WECHAT_TEMPLATE, kuaishou or KUAISHOU_TEMPLATE)

    def open(self, session: SessionRecord) -> None:
        """Open the 直播预告 of ``session`` (non-modal; one at a time)."""
        if self.dialog is not None:
            self.dialog.close()
        wechat, kuaishou = self.templates
        self.dialog = AnnouncementDialog(
            session,
            self.county,
            self._parent,
            wechat_template=wechat,
            kuaishou_template=kuaishou,
            logo=self.logo,
            qr_codes=self.qr_codes,
        )
        self.dialog.templatesEdited.connect(self._edited)
        self.dialog.open()

    def _edited(self, wechat: str, kuaishou: str) -> None:
        self.templates = (wechat, kuaishou)
        self.templatesEdited.emit(wechat, kuaishou)
