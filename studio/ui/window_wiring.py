"""The main window's own wiring: what it shows for every seat (status bar, official's screen).

The main window gathers what the official sees (session, running order, timer, questions on
air, notes, phone alarms) and the status bar; the seats' own widgets are wired in their folders.
"""

from __future__ import annotations

from studio.ui.main_window import MainWindow
from studio.ui.rig.rig_tab import official_marker, rig_chip_state, rig_summary
from studio.ui.services_bundle import Services


def wire_main_window(window: MainWindow, services: Services) -> None:
    """Connect the window's slots to the services, and its menus' requests to the timer."""
    s, w = services, window
    s.schedule.todayLoaded.connect(w.show_today)
    s.schedule.rundownLoaded.connect(w.show_rundown)
    # The feed loads when the session changes, in pages; then it follows by changes.
    s.feed.sessionOpened.connect(w.open_feed)
    s.feed.questionsLoaded.connect(w.add_stored_questions)
    s.feed.loadFinished.connect(w.finish_feed_load)
    s.moderation.questionsChanged.connect(w.update_questions)
    # Other seats' moves (and this seat's, heard again: in place, harmless) follow by rows.
    s.sync.questionsChanged.connect(w.update_questions)
    s.sync.onlineChanged.connect(w.status.show_online)
    s.sync.timerChanged.connect(s.timer.follow_changes)
    s.moderation.refused.connect(w.show_refusal)
    # The report-back segment's tickets: the official steps through them with the clicker.
    s.moderation.reportBackChanged.connect(w.show_report_back)
    # The board's refusals and saved cards pass in the status bar too; it counts the overdue.
    s.referrals.refused.connect(w.show_refusal)
    s.referrals.overdueChanged.connect(w.status.show_overdue)
    w.referrals.cardSaved.connect(w.show_saved)
    s.rig.phonesLoaded.connect(w.show_phones)
    s.rig.roomsLoaded.connect(w.show_rooms)
    s.live_feed.roomStateChanged.connect(w.show_room_state)
    monitor = s.rig_monitor

    def show_rig(statuses: list) -> None:  # type: ignore[type-arg]
        marker = official_marker(statuses)
        adb_missing = monitor.adb_unavailable is not None
        state = rig_chip_state(
            statuses, adb_missing=adb_missing, live=monitor.session_live, marker=marker
        )
        w.show_rig(rig_summary(statuses, adb_missing=adb_missing), marker, state)

    monitor.healthChanged.connect(show_rig)
    s.presence.seatsChanged.connect(w.status.seats.show_seats)
    s.timer.readingChanged.connect(w.show_reading)
    s.timer.snapshotChanged.connect(w.show_timer)
    s.timer.exported.connect(w.show_saved)
    w.jumpRequested.connect(s.timer.jump)
    w.exportActualsRequested.connect(s.timer.export_actuals)
    for service in (
        s.schedule,
        s.feed,
        s.rig,
        s.referrals,
        s.reports,
        s.timer,
        s.rig_monitor,
        s.live_feed,
        s.schedule_editing,
    ):
        service.problem.connect(w.show_problem)
