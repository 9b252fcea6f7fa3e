"""The prep seat's wiring: its widgets' requests go to the services, their answers come back.

Everything here is a signal connection (or a first load once connected); the widgets hold no
service. Connections that start at a prep widget and reach another seat through a service
(an edited running order reaching the timer) are made here too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from studio.ui.prep.prep_tab import PrepTab
from studio.ui.prep.rundown_editor import RundownEditor
from studio.ui.prep.schedule_view import ScheduleView
from studio.ui.prep.units_page import UnitsPage
from studio.ui.services_bundle import Services

if TYPE_CHECKING:
    from studio.services.rundown_editing import RundownEditingService
    from studio.services.schedule_editing import ScheduleEditingService
    from studio.services.units_editing import UnitsEditingService

WECHAT_TEMPLATE = "announcement/wechat"
KUAISHOU_TEMPLATE = "announcement/kuaishou"


def wire_prep(
    prep: PrepTab, services: Services, *, today: Callable[[], dt.date], settings: QSettings
) -> None:
    """Connect the Prep tab (card, running order, calendar, rota, briefing, units).

    Args:
        prep: the Prep tab.
        services: the running studio's services.
        today: the studio's date (the calendar opens on it).
        settings: where the announcement templates are remembered.
    """
    s = services
    s.schedule.scheduleLoaded.connect(prep.show_schedule)
    s.schedule.unitsLoaded.connect(prep.show_units)
    wire_rundown_editor(prep.rundown, s.rundown_editing)
    # An edited running order changes the clock's plan and what the windows show.
    s.rundown_editing.rundownSaved.connect(s.timer.reload)
    s.rundown_editing.rundownSaved.connect(lambda _session_id: s.schedule.refresh())
    # Going live and ending change the session's status: the Prep card, the status bar and the
    # running order (through the schedule's read), and the calendar with its lists, read it again.
    s.timer.sessionStatusChanged.connect(lambda _session_id: s.schedule.refresh())
    s.timer.sessionStatusChanged.connect(lambda _session_id: prep.schedule.refresh())
    # Another seat edited a session, its running order, briefing notes or feed sources.
    s.sync.sessionsChanged.connect(lambda _session_ids: s.schedule.refresh())
    s.sync.sessionsChanged.connect(lambda _session_ids: prep.schedule.refresh())
    _wire_schedule(prep, s, today, settings)
    _wire_units(prep, s)
    _wire_prepare(prep, s)


def wire_rundown_editor(editor: RundownEditor, editing: RundownEditingService) -> None:
    """The running-order editor saves through ``editing`` and shows its answers; the templates
    load once connected."""
    editing.rundownLoaded.connect(editor.show_rundown)
    editing.rundownSaved.connect(editor.show_saved)
    editing.saveFailed.connect(editor.show_save_failed)
    editing.templatesLoaded.connect(editor.show_templates)
    editing.templateSaved.connect(editor.show_template_saved)
    editing.imported.connect(editor.show_imported)
    editing.importFailed.connect(editor.show_import_failed)
    editing.exported.connect(editor.show_exported)
    editing.problem.connect(editor.show_problem)
    editor.loadRequested.connect(editing.load)
    editor.saveRequested.connect(editing.save)
    editor.templateSaveRequested.connect(editing.save_as_template)
    editor.importRequested.connect(editing.import_csv)
    editor.exportRequested.connect(editing.export_csv)
    editing.refresh_templates()


def wire_units_page(page: UnitsPage, editing: UnitsEditingService) -> None:
    """The units page edits through ``editing`` (with undo and files) and shows its answers."""
    editing.unitsLoaded.connect(page.show_units)
    editing.officialsLoaded.connect(page.show_officials)
    editing.changed.connect(page.show_changed)
    editing.undoChanged.connect(page.set_undoable)
    editing.problem.connect(page.show_problem)
    page.officialsRequested.connect(editing.load_officials)
    page.unitAddRequested.connect(editing.add_unit)
    page.unitEditRequested.connect(editing.edit_unit)
    page.unitRetireRequested.connect(editing.set_unit_retired)
    page.officialAddRequested.connect(editing.add_official)
    page.officialEditRequested.connect(editing.edit_official)
    page.officialRetireRequested.connect(editing.set_official_retired)
    page.undoRequested.connect(editing.undo)
    files = page.files
    files.importPreviewRequested.connect(editing.preview_import)
    files.importRequested.connect(editing.apply_import)
    files.exportRequested.connect(editing.export)
    editing.importPreviewed.connect(files.show_import_preview)
    editing.importRefused.connect(files.show_import_refusal)
    editing.imported.connect(files.show_imported)
    editing.exported.connect(files.show_exported)
    page.set_undoable(editing.can_undo)


def wire_schedule_view(view: ScheduleView, editing: ScheduleEditingService) -> None:
    """The schedule calendar edits through ``editing``: ranges, fills with undo, moves, single
    sessions planned on a day, one session's details with undo, a running order started from
    another, the days entered by hand, and the files; the entered days load once connected."""
    view.rangeRequested.connect(editing.load)
    view.previewRequested.connect(lambda weeks: editing.preview(*editing.next_weeks(weeks)))
    view.generateRequested.connect(editing.generate)
    view.undoRequested.connect(editing.undo_generation)
    view.moveRequested.connect(editing.move)
    editing.sessionsLoaded.connect(view.show_range)
    editing.previewReady.connect(view.show_preview)
    editing.generated.connect(view.show_generated)
    editing.undone.connect(view.show_undone)
    editing.moved.connect(view.show_moved)
    editing.problem.connect(view.show_problem)
    view.editRequested.connect(editing.load_details)
    editing.detailsLoaded.connect(view.open_editor)
    view.sessionEditRequested.connect(editing.edit)
    view.undoEditRequested.connect(editing.undo_edit)
    editing.edited.connect(view.show_edited)
    editing.editUndone.connect(view.show_edit_undone)
    editing.editUndoable.connect(view.set_edit_undoable)
    view.rundownRequested.connect(editing.start_rundown)
    editing.rundownStarted.connect(view.show_rundown_started)
    files = view.files
    files.exportRequested.connect(editing.export)
    editing.exported.connect(files.show_exported)
    files.importPreviewRequested.connect(editing.preview_import)
    files.importRequested.connect(editing.import_file)
    editing.importPreviewed.connect(files.show_import_preview)
    editing.importRefused.connect(files.show_import_problems)
    editing.imported.connect(files.show_imported)
    view.createRequested.connect(editing.create)
    editing.created.connect(view.show_created)
    view.dayEntryRequested.connect(editing.enter_day)
    editing.calendarLoaded.connect(view.show_calendar)
    editing.load_calendar()


def _wire_schedule(
    prep: PrepTab, s: Services, today: Callable[[], dt.date], settings: QSettings
) -> None:
    """The schedule calendar, rota and briefing notes, and their editing service."""
    editing, view = s.schedule_editing, prep.schedule
    view.set_today(today())
    view.set_templates(
        str(settings.value(WECHAT_TEMPLATE, "")), str(settings.value(KUAISHOU_TEMPLATE, ""))
    )

    def remember_templates(wechat: str, kuaishou: str) -> None:
        settings.setValue(WECHAT_TEMPLATE, wechat)
        settings.setValue(KUAISHOU_TEMPLATE, kuaishou)

    view.templatesEdited.connect(remember_templates)
    wire_schedule_view(view, editing)
    # A fill, undo or move can change today's session and the weeks around it.
    editing.changed.connect(s.schedule.refresh)
    # The county's name and logo on posters and announcement texts come from the profile.
    s.profile.profileLoaded.connect(view.show_profile)
    s.profile.accountsLoaded.connect(view.show_accounts)
    # Today's session is edited from its card too.
    prep.card.editRequested.connect(editing.load_details)
    prep.rota.rotaChangeRequested.connect(editing.set_rota)
    editing.rotaLoaded.connect(prep.rota.show_rota)
    prep.briefing.loadRequested.connect(editing.load_briefing)
    prep.briefing.saveRequested.connect(editing.save_briefing)
    editing.briefingLoaded.connect(prep.briefing.show_briefing)
    prep.briefing.earlierRequested.connect(editing.load_earlier_briefing)
    editing.earlierBriefingLoaded.connect(prep.briefing.add_earlier)
    editing.briefingSaved.connect(prep.briefing.show_saved)


def _wire_units(prep: PrepTab, s: Services) -> None:
    """The units page; a change reaches the rota, the calendar and (through the schedule's
    read) the desk, and a running feed suggests units by their new keywords."""
    editing = s.units_editing
    wire_units_page(prep.units_page, editing)
    # The desk's and the Prep tab's unit lists come from the schedule's read (unitsLoaded).
    editing.changed.connect(s.schedule.refresh)
    editing.changed.connect(s.schedule_editing.load_rota)
    editing.changed.connect(prep.schedule.refresh)
    editing.changed.connect(s.live_feed.refresh_units)


def _wire_prepare(prep: PrepTab, s: Services) -> None:
    """Preparing another day's session: its running order loads through the editing service,
    and its card follows edits, moves and fresh reads of it."""
    editing = s.schedule_editing
    prep.rundownRequested.connect(s.rundown_editing.load)
    editing.edited.connect(prep.follow_session)
    editing.editUndone.connect(prep.follow_session)
    editing.moved.connect(prep.follow_session)
    editing.undone.connect(prep.forget_sessions)
    editing.sessionsLoaded.connect(lambda _first, _last, sessions: prep.follow_sessions(sessions))
    editing.rundownStarted.connect(lambda session_id, _count: prep.reload_rundown(session_id))
