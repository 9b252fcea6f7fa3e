"""The services one studio runs, handed as one bundle to each seat's wiring function.

The app builds the services and this bundle; a seat's ``wiring.py`` connects its widgets to the
members it needs. The service classes are named for the type checker only: at run time no module
under ``studio/ui`` imports a service that reaches the store, the feed or the phones
(import-linter checks the chain; type-only imports are left out of its graph).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from studio.services.live_feed import LiveFeedService
    from studio.services.moderation import ModerationService
    from studio.services.overview import (
        FeedService,
        ReportService,
        RigService,
        ScheduleService,
    )
    from studio.services.presence import SeatPresenceService
    from studio.services.profile import ProfileService
    from studio.services.referrals import ReferralDeskService
    from studio.services.rig_monitor import RigMonitorService
    from studio.services.rundown_editing import RundownEditingService
    from studio.services.schedule_editing import ScheduleEditingService
    from studio.services.sync import SyncService
    from studio.services.timer import TimerService
    from studio.services.units_editing import UnitsEditingService


@dataclass(frozen=True)
class Services:
    """Every service of the running studio, by what it does.

    Attributes:
        schedule: reads today's session, its running order, the schedule and the units.
        feed: pages a session's stored questions into the desk.
        rig: reads the registered phones and the rooms.
        referrals: the referrals board: its tickets, their moves, a contact's reveal.
        reports: reads the figures per session and unit.
        timer: the session's clock, notes and blackout.
        rundown_editing: saves running orders and their templates and files.
        schedule_editing: the calendar, rota, briefing notes and one session's details.
        units_editing: units and officials, with undo and files.
        rig_monitor: the phones' live health, actions and the go-live checklist.
        live_feed: the rooms' capture, the simulator and manual questions.
        moderation: every move on a question, stored with its audit.
        profile: the county's profile, its broadcast accounts and the first-run checklist.
        sync: what the other seats (and other processes) commit, by kind and id, as it commits.
        presence: this seat's heartbeat, and who else is connected.
    """

    schedule: ScheduleService
    feed: FeedService
    rig: RigService
    referrals: ReferralDeskService
    reports: ReportService
    timer: TimerService
    rundown_editing: RundownEditingService
    schedule_editing: ScheduleEditingService
    units_editing: UnitsEditingService
    rig_monitor: RigMonitorService
    live_feed: LiveFeedService
    moderation: ModerationService
    profile: ProfileService
    sync: SyncService
    presence: SeatPresenceService
