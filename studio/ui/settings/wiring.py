"""The settings seat's wiring: the settings page and the first-run checklist to the profile.

Everything here is a signal connection (or a first load once connected); the widgets hold no
service. What the checklist ticks is read again whenever a step may have been done elsewhere:
a unit or official added, a session planned, a phone bound, an account saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, SignalInstance

from studio.ui.services_bundle import Services
from studio.ui.settings.api_settings import read_api_choice, write_api_choice
from studio.ui.settings.first_run import FirstRunChecklist
from studio.ui.settings.settings_page import SettingsPage
from studio.ui.settings.unassigned_rooms import UnassignedRooms

if TYPE_CHECKING:
    from studio.services.profile import ProfileService


def wire_settings(
    page: SettingsPage,
    checklist: FirstRunChecklist,
    unassigned: UnassignedRooms,
    services: Services,
    *,
    today: Callable[[], dt.date],
    opened: SignalInstance,
    settings: QSettings,
) -> None:
    """Connect the settings page, the first-run checklist and the unassigned rooms' banner,
    then load the profile.

    Args:
        page: the settings page.
        checklist: the first-run checklist above the main window's tabs.
        unassigned: the banner that asks whose an unknown room is.
        services: the running studio's services.
        today: the studio's date (the checklist's last step plans a session on it).
        opened: emitted when the settings page is opened (the profile is read again).
        settings: ``settings.ini``, where the control API's choice is kept.
    """
    s = services
    wire_settings_page(page, s.profile)
    wire_api_settings(page, settings)
    opened.connect(lambda: page.api.show_choice(read_api_choice(settings)))
    opened.connect(s.profile.load)
    s.profile.accountsLoaded.connect(unassigned.show_accounts)
    unassigned.roomAssignRequested.connect(s.profile.assign_room)
    # A room the feed met shows up when the rooms are read again (a session's feed opened).
    s.feed.loadFinished.connect(lambda _count: s.profile.load())
    s.profile.setupLoaded.connect(checklist.show_setup)
    # "Create today's session": planned on the schedule, then opened for editing there.
    checklist.stepRequested.connect(
        lambda step: s.schedule_editing.create(today()) if step == "session" else None
    )
    for done_elsewhere in (
        s.units_editing.changed,
        s.schedule_editing.changed,
        s.rig.phonesLoaded,
        s.timer.sessionStatusChanged,
    ):
        done_elsewhere.connect(lambda *_args: s.profile.load_setup())
    # Renamed or newly assigned accounts: the desk's room chips and the Rig tab read the rooms.
    s.profile.changed.connect(s.rig.refresh)
    s.profile.load()


def wire_api_settings(page: SettingsPage, settings: QSettings) -> None:
    """The control API's box shows and keeps its choice in ``settings`` (the app reads it at
    start: a small file write, fine on the GUI thread)."""
    page.api.show_choice(read_api_choice(settings))

    def save(choice: object) -> None:
        write_api_choice(settings, choice)  # type: ignore[arg-type]
        page.api.show_saved()

    page.api.saveRequested.connect(save)


def wire_settings_page(page: SettingsPage, profile: ProfileService) -> None:
    """The settings page edits the profile and the accounts through ``profile``."""
    profile.profileLoaded.connect(page.show_profile)
    profile.accountsLoaded.connect(page.show_accounts)
    profile.saved.connect(page.show_saved)
    profile.problem.connect(page.show_problem)
    profile.exported.connect(page.show_exported)
    profile.imported.connect(page.show_imported)
    page.profileSaveRequested.connect(profile.save_profile)
    page.accountSaveRequested.connect(profile.save_account)
    page.accountRemoveRequested.connect(profile.remove_account)
    page.roomAssignRequested.connect(profile.assign_room)
    page.exportRequested.connect(profile.export)
    page.importRequested.connect(profile.import_file)
