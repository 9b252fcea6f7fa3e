"""The schedule's announcements (直播预告): the county's name, the remembered templates and the
one announcement dialog open at a time."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from studio.domain.announcement import KUAISHOU_TEMPLATE, WECHAT_TEMPLATE, county_of_account
from studio.domain.model import RoomRole
from studio.domain.records import RoomRecord, SessionRecord
from studio.ui.prep.announcement_dialog import AnnouncementDialog


class Announcements(QObject):
    """Opens a session's announcement with the county and the templates it should start from.

    Attributes:
        county: the county's name, for the texts and posters.
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
        self.templates = (WECHAT_TEMPLATE, KUAISHOU_TEMPLATE)
        self.dialog: AnnouncementDialog | None = None

    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        """Take the county's name from its own (gov) account, e.g. 青山县人民政府 → 青山县."""
        for room in rooms:
            if room.role == RoomRole.GOV and room.account_name:
                self.county = county_of_account(room.account_name)
                return

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
        )
        self.dialog.templatesEdited.connect(self._edited)
        self.dialog.open()

    def _edited(self, wechat: str, kuaishou: str) -> None:
        self.templates = (wechat, kuaishou)
        self.templatesEdited.emit(wechat, kuaishou)
