"""The live desk's wiring: the feed, triage, the on-air queue and the timer's transport.

Everything here is a signal connection; the widgets hold no service. The desk follows today's
session: when the schedule reads it, the desk's feed, timer and moderation move to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Protocol

from studio.domain.golive import CheckResult
from studio.domain.studio_time import studio_today
from studio.ui.desk.desk_tab import DeskTab
from studio.ui.services_bundle import Services


class GoLiveChecklist(Protocol):
    """The go-live checklist the desk opens before a session starts (the rig seat's dialog)."""

    def show_checklist(self, results: Sequence[CheckResult]) -> None: ...

    def open(self) -> None: ...


def wire_desk(
    desk: DeskTab,
    services: Services,
    *,
    go_live: GoLiveChecklist,
    demo: bool,
    today: Callable[[], dt.date] = studio_today,
) -> None:
    """Connect the Live desk tab.

    Args:
        desk: the Live desk tab.
        services: the running studio's services.
        go_live: opened by Go (F5) before the session started; the rig seat wires its answer.
        demo: the rooms' viewers are simulated (the demo studio) instead of captured.
        today: the studio's date (the refer dialog's due dates count from it, as the store's).
    """
    s = services
    desk.feed_keys.refer_dialog.set_today(today)
    s.schedule.todayLoaded.connect(lambda session: load_today(s, session))
    _wire_feed(desk, s, demo)
    _wire_moderation(desk, s)
    _wire_queue(desk, s)
    _wire_transport(desk, s, go_live)
    s.schedule_editing.briefingLoaded.connect(desk.briefing.show_briefing)


def load_today(services: Services, session: object) -> None:
    """Today's session was read: its stored questions and its timer load.

    todayLoaded comes after every schedule refresh (a running-order save, a unit or schedule
    edit): the feed loads only when it is another session (see FeedService).
    """
    session_id = getattr(session, "id", None)
    if session_id is not None:
        services.feed.refresh(session_id)
        services.timer.load(session_id)


class TodaysRooms:
    """Starts today's rooms feeding once today's session is known, once per session."""

    def __init__(self, services: Services, *, demo: bool) -> None:
        self._services = services
        self._demo = demo
        self.session_id: int | None = None  # the session whose rooms feed

    def follow(self, session: object) -> None:
        """A slot for todayLoaded (which comes again after every schedule refresh)."""
        session_id = getattr(session, "id", None)
        if session_id is None or session_id == self.session_id:
            return
        self.session_id = session_id
        feed = self._services.live_feed
        if self._demo:
            # The demo's viewers are simulated, through the real capture tools' frame formats.
            feed.load_sources(session_id)
            feed.start_simulator(session_id, rate=1.5)
        else:
            feed.start_configured(session_id)


def _wire_feed(desk: DeskTab, s: Services, demo: bool) -> None:
    """The merged feed of both rooms, the rooms' figures, manual questions and sources."""
    feed = s.live_feed
    feed.questionsAdded.connect(desk.append_questions)
    # Questions another seat's ingest stored (this seat's own are skipped: shown already).
    s.schedule.todayLoaded.connect(s.sync.follow_session)
    s.sync.questionsInserted.connect(desk.append_questions)
    feed.roomStateChanged.connect(desk.rooms.show_state)
    feed.roomHeld.connect(desk.rooms.show_holder)
    feed.countsChanged.connect(desk.rooms.show_counts)
    feed.backlogChanged.connect(desk.rooms.show_backlog)
    feed.roomVerified.connect(desk.rooms.show_verified)
    feed.sourcesLoaded.connect(desk.show_sources)
    desk.manualQuestionEntered.connect(feed.add_manual)
    desk.sourcesEdited.connect(feed.apply_sources)
    rooms = TodaysRooms(s, demo=demo)
    # A lambda, not the bound method: the connection keeps the lambda (and so ``rooms``) alive.
    s.schedule.todayLoaded.connect(lambda session: rooms.follow(session))
    s.schedule.unitsLoaded.connect(desk.set_units)


def _wire_moderation(desk: DeskTab, s: Services) -> None:
    """Triage moves go to moderation, which stores them with their audit."""
    moderation = s.moderation
    s.schedule.todayLoaded.connect(moderation.follow_session)
    desk.moderationRequested.connect(moderation.act)
    desk.undoRequested.connect(moderation.undo)
    desk.blockRequested.connect(moderation.block)
    desk.mergeRequested.connect(moderation.merge)
    desk.referRequested.connect(moderation.refer)
    # The refer dialog shows the due date the store will set, from the store's own rules.
    refer_dialog = desk.feed_keys.refer_dialog
    refer_dialog.rulesWanted.connect(moderation.load_deadline_rules)
    moderation.deadlineRulesLoaded.connect(refer_dialog.set_rules)
    desk.editRequested.connect(moderation.edit)
    desk.blockedViewersRequested.connect(moderation.load_blocked_viewers)
    desk.unblockRequested.connect(moderation.unblock)
    moderation.blockedViewersLoaded.connect(desk.show_blocked_viewers)

    def blocked_list_follows(_questions: object) -> None:
        """A block pressed while the list is open shows in it."""
        if desk.blocked_dialog is not None and desk.blocked_dialog.isVisible():
            moderation.load_blocked_viewers()

    moderation.questionsChanged.connect(blocked_list_follows)

    def other_seats_changed(kind: str, ids: list[int]) -> None:
        """Another seat blocked or unblocked a viewer, or chose or stepped the report-back."""
        if kind == "blocked_author":
            blocked_list_follows(ids)
        elif kind == "report_back_item" and moderation.session_id in ids:
            moderation.load_report_back()

    s.sync.changed.connect(other_seats_changed)
    # Only a move that makes or undoes a referral changes the board (a re-read costs ~25 ms
    # of the GUI thread, which every key press on the desk would otherwise pay).
    moderation.referralsChanged.connect(s.referrals.refresh)


def _wire_queue(desk: DeskTab, s: Services) -> None:
    """The on-air queue panel: reorders go to moderation; rundown and answers set its fit."""
    queue = desk.queue
    queue.reorderRequested.connect(s.moderation.reorder)
    s.moderation.typicalAnswerChanged.connect(queue.set_typical_answer)
    s.schedule.rundownLoaded.connect(queue.show_rundown)


def _wire_transport(desk: DeskTab, s: Services, go_live: GoLiveChecklist) -> None:
    """The timer's transport and the notes to the official."""
    timer, transport, notes = s.timer, desk.transport, desk.notes

    def go() -> None:
        """Go (F5): a paused session resumes; a new one goes live through the checklist."""
        reading = timer.reading()
        if reading is not None and reading.started:
            timer.go()
            return
        go_live.show_checklist(s.rig_monitor.checklist())
        go_live.open()

    transport.goRequested.connect(go)
    transport.pauseToggleRequested.connect(timer.toggle_pause)
    transport.previousRequested.connect(timer.previous)
    transport.nextRequested.connect(timer.next)
    transport.addRequested.connect(timer.add)
    transport.absorbRequested.connect(timer.set_absorb)
    notes.noteRequested.connect(lambda text, blink: timer.set_note(text, blink=blink))
    notes.clearRequested.connect(timer.clear_note)
    notes.blackoutRequested.connect(timer.toggle_blackout)
