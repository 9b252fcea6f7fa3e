"""Composition root: QApplication, the qasync loop, options, wiring, and an orderly shutdown."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from studio import APP_NAME, __version__
from studio.crash import CrashHandler
from studio.domain.studio_time import UnknownZone, set_studio_zone, studio_today
from studio.gui_gc import GuiThreadCollector
from studio.logs import configure_logging
from studio.options import AppOptions, parse_options
from studio.paths import data_dir, resources_dir
from studio.rig.monitor import AdbRigMonitor
from studio.rig.scrcpy import ScrcpyLauncher
from studio.rig.simulated import SimulatedRig
from studio.services.live_feed import LiveFeedService
from studio.services.moderation import ModerationService
from studio.services.overview import (
    FeedService,
    ReferralService,
    ReportService,
    RigService,
    ScheduleService,
)
from studio.services.rig_monitor import RigMonitorService
from studio.services.rundown_editing import RundownEditingService
from studio.services.schedule_editing import ScheduleEditingService
from studio.services.tasks import BackgroundTasks
from studio.services.timer import TimerService
from studio.services.units_editing import UnitsEditingService
from studio.store.database import Database, DatabaseProblem, open_database
from studio.store.demo import seed_demo
from studio.store.repository import StudioRepository
from studio.ui.crash_notice import ErrorNotice
from studio.ui.file_dialogs import protect_database
from studio.ui.main_window import MainWindow
from studio.ui.official.official_screen import OfficialScreen
from studio.ui.plain_text import install_plain_text_guard
from studio.ui.referrals.referrals_tab import ReferralsTab
from studio.ui.rig.golive_dialog import GoLiveDialog
from studio.ui.rig.rig_tab import connect_service, official_marker, rig_summary

log = logging.getLogger(__name__)

SCREENSHOT_TABS = ("prep", "desk", "rig", "referrals", "reports")
TRANSLATIONS = resources_dir() / "translations"


def choose_language(requested: str | None, system: QLocale | None = None) -> str:
    """``--lang`` if given; else Chinese, unless the system is set to another language.

    The studio is Chinese-first: an unconfigured system (the C locale) gets Chinese too.
    """
    if requested:
        return requested
    system = system or QLocale.system()
    if system.language() in (QLocale.Language.Chinese, QLocale.Language.C):
        return "zh_CN"
    return "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons), keep them alive, return them."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(TRANSLATIONS / f"studio_{language}.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("translation %s not found in %s", language, TRANSLATIONS)
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt_own)
        translators.append(qt_own)
    return translators


def open_studio_database(options: AppOptions, today: dt.date) -> tuple[Database, Path | None]:
    """Open (and for the demo, fill) the database; returns it and a temp dir to remove later.

    Raises:
        DatabaseProblem: the database can't be used; the message is one line.
    """
    temp_dir: Path | None = None
    url = options.db
    if options.demo and url is None:
        temp_dir = Path(tempfile.mkdtemp(prefix="studio-demo-"))
        url = f"sqlite:///{temp_dir / 'demo.db'}"
    try:
        db = open_database(url, check=True)
        if options.demo and seed_demo(db, today):
            log.info("seeded the demo studio into %s", db.display_name)
    except Exception:
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
        raise
    return db, temp_dir


class StudioDesk:
    """The running app: builds services and windows, runs the loop, and cleans up in order.

    Only this object knows every part; widgets get what they need through their constructor.
    """

    def __init__(
        self,
        app: QApplication,
        db: Database,
        options: AppOptions,
        *,
        today: Callable[[], dt.date] = studio_today,
        log_path: Path,
    ) -> None:
        self.app = app
        self.db = db
        self.options = options
        self.today = today
        self.tasks = BackgroundTasks()
        self._quit = asyncio.Event()
        self._shut_down = False
        self.settings = QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)
        # Labels and tooltips show viewers' and staff's text as text, whoever built them.
        install_plain_text_guard(app)
        # File dialogs may list the database's folder, but never hand the database to an
        # import or an export (see studio/ui/file_dialogs.py).
        is_sqlite = db.url.get_backend_name() == "sqlite"
        protect_database(db.url.database if is_sqlite else None)

        self.official = OfficialScreen()
        self.window = MainWindow(
            database_name=db.display_name,
            official=self.official,
            settings=self.settings,
            referrals_tab=ReferralsTab(today),
        )
        # Services live as long as the window: their timers stop when it is deleted.
        repository, owner = StudioRepository(db), self.window
        self.schedule = ScheduleService(repository, self.tasks, today, parent=owner)
        self.feed = FeedService(repository, self.tasks, parent=owner)
        self.rig = RigService(repository, self.tasks, parent=owner)
        self.referral_service = ReferralService(repository, self.tasks, parent=owner)
        self.reports = ReportService(repository, self.tasks, today, parent=owner)
        self.timer = TimerService(db, self.tasks, parent=owner)
        self.rundown_editing = RundownEditingService(db, self.tasks, parent=owner)
        self.schedule_editing = ScheduleEditingService(db, self.tasks, today, parent=owner)
        self.units_editing = UnitsEditingService(db, self.tasks, parent=owner)
        adb_host, adb_port = options.adb or ("127.0.0.1", 5037)
        # The demo's phones are simulated; otherwise the real adb server is asked.
        phones = SimulatedRig() if options.demo else AdbRigMonitor(adb_host, adb_port)
        self.rig_monitor = RigMonitorService(
            phones, db, self.tasks, scrcpy=ScrcpyLauncher(adb_port), parent=owner
        )
        self.go_live = GoLiveDialog(self.window)
        self.live_feed = LiveFeedService(db, self.tasks, parent=owner)
        self.moderation = ModerationService(db, repository, self.tasks, today=today, parent=owner)
        self._feed_session: int | None = None
        self.notice = ErrorNotice(log_path, self.window)
        self.crash = CrashHandler(self.notice.show_error, self.request_quit)
        self._wire()

    def _wire(self) -> None:
        w = self.window
        self.schedule.todayLoaded.connect(w.show_today)
        self.schedule.todayLoaded.connect(self._load_today_questions)
        self.schedule.rundownLoaded.connect(w.show_rundown)
        self.schedule.scheduleLoaded.connect(w.prep.show_schedule)
        self.schedule.unitsLoaded.connect(w.prep.show_units)
        # The feed loads when the session changes, in pages; then it follows by changes.
        self.feed.sessionOpened.connect(w.open_feed)
        self.feed.questionsLoaded.connect(w.add_stored_questions)
        self.feed.loadFinished.connect(w.finish_feed_load)
        self.rig.phonesLoaded.connect(w.show_phones)
        self.rig.roomsLoaded.connect(w.show_rooms)
        self.referral_service.referralsLoaded.connect(w.referrals.show_referrals)
        self.reports.figuresLoaded.connect(w.reports.show_figures)
        self.timer.readingChanged.connect(w.show_reading)
        w.prep.rundown.attach(self.rundown_editing)
        # An edited running order changes the clock's plan and what the windows show.
        self.rundown_editing.rundownSaved.connect(self.timer.reload)
        self.rundown_editing.rundownSaved.connect(lambda _session_id: self.schedule.refresh())
        self.timer.snapshotChanged.connect(w.show_timer)
        # Going live and ending change the session's status: every place that shows it, and
        # the reports (an ended session is held), read it again.
        self.timer.sessionStatusChanged.connect(self._session_status_changed)
        w.jumpRequested.connect(self.timer.jump)
        self.timer.exported.connect(w.show_saved)
        transport, notes = w.desk.transport, w.desk.notes
        transport.goRequested.connect(self._go_requested)
        connect_service(w.rig, self.rig_monitor)
        self.rig_monitor.healthChanged.connect(
            lambda statuses: w.show_rig(rig_summary(statuses), official_marker(statuses))
        )
        self.rig_monitor.checklistChanged.connect(self.go_live.show_checklist)
        self.timer.readingChanged.connect(
            lambda r: self.rig_monitor.set_session_live(r.started and not r.ended)
        )
        self.schedule.todayLoaded.connect(
            lambda s: self.rig_monitor.set_session(getattr(s, "id", None))
        )
        self.go_live.goLiveConfirmed.connect(self._go_live)
        feed, desk = self.live_feed, w.desk
        feed.questionsAdded.connect(desk.append_questions)
        feed.roomStateChanged.connect(desk.rooms.show_state)
        feed.roomStateChanged.connect(w.show_room_state)
        feed.countsChanged.connect(desk.rooms.show_counts)
        feed.backlogChanged.connect(desk.rooms.show_backlog)
        feed.sourcesLoaded.connect(desk.show_sources)
        desk.manualQuestionEntered.connect(feed.add_manual)
        desk.sourcesEdited.connect(feed.apply_sources)
        self.schedule.todayLoaded.connect(self._start_live_feed)
        self.schedule.todayLoaded.connect(self.moderation.follow_session)
        desk.moderationRequested.connect(self.moderation.act)
        desk.undoRequested.connect(self.moderation.undo)
        desk.blockRequested.connect(self.moderation.block)
        desk.mergeRequested.connect(self.moderation.merge)
        desk.referRequested.connect(self.moderation.refer)
        desk.editRequested.connect(self.moderation.edit)
        # Only a move that makes or undoes a referral changes the board (a re-read costs ~25 ms
        # of the GUI thread, which every key press on the desk would otherwise pay).
        self.moderation.referralsChanged.connect(self.referral_service.refresh)
        self.schedule.unitsLoaded.connect(desk.set_units)
        self.moderation.questionsChanged.connect(w.update_questions)
        self.moderation.refused.connect(w.show_refusal)
        self._wire_schedule()
        transport.pauseToggleRequested.connect(self.timer.toggle_pause)
        transport.previousRequested.connect(self.timer.previous)
        transport.nextRequested.connect(self.timer.next)
        transport.addRequested.connect(self.timer.add)
        transport.absorbRequested.connect(self.timer.set_absorb)
        notes.noteRequested.connect(lambda text, blink: self.timer.set_note(text, blink=blink))
        notes.clearRequested.connect(self.timer.clear_note)
        notes.blackoutRequested.connect(self.timer.toggle_blackout)
        # Any clicker press tells the moderator the official has seen the note.
        w.official.clickerPressed.connect(lambda _command: self.timer.acknowledge_note())
        # The clicker is the official's seat: next/previous move the studio's one question on
        # air in the store (audited), and every screen follows the stored move.
        w.official.clickerPressed.connect(self.moderation.step_on_air)
        w.exportActualsRequested.connect(self.timer.export_actuals)
        for service in (
            self.schedule,
            self.feed,
            self.rig,
            self.referral_service,
            self.reports,
            self.timer,
            self.rig_monitor,
            self.live_feed,
        ):
            service.problem.connect(w.show_problem)
        w.quitRequested.connect(self.request_quit)
        self._wire_units()
        self._wire_queue()
        self._wire_prepare()

    def _session_status_changed(self, _session_id: int) -> None:
        self.schedule.refresh()  # the Prep card, the status bar and the running order
        self.window.prep.schedule.refresh()  # the calendar and its lists
        self.reports.refresh()

    def _load_today_questions(self, session: object) -> None:
        """todayLoaded comes after every schedule refresh (a running-order save, a unit or
        schedule edit): the feed loads only when it is another session (see FeedService)."""
        session_id = getattr(session, "id", None)
        if session_id is not None:
            self.feed.refresh(session_id)
            self.timer.load(session_id)

    def _wire_schedule(self) -> None:
        """The schedule calendar, rota and briefing notes on the Prep tab, and their service."""
        prep, editing = self.window.prep, self.schedule_editing
        view = prep.schedule
        view.set_today(self.today())
        view.set_templates(
            str(self.settings.value("announcement/wechat", "")),
            str(self.settings.value("announcement/kuaishou", "")),
        )
        view.templatesEdited.connect(self._remember_templates)
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
        editing.problem.connect(self.window.show_problem)
        # A fill, undo or move can change today's session and the weeks around it.
        editing.changed.connect(self.schedule.refresh)
        self.rig.roomsLoaded.connect(view.show_rooms)
        prep.rota.rotaChangeRequested.connect(editing.set_rota)
        editing.rotaLoaded.connect(prep.rota.show_rota)
        prep.briefing.loadRequested.connect(editing.load_briefing)
        prep.briefing.saveRequested.connect(editing.save_briefing)
        editing.briefingLoaded.connect(prep.briefing.show_briefing)
        editing.briefingLoaded.connect(self.window.desk.briefing.show_briefing)
        prep.briefing.earlierRequested.connect(editing.load_earlier_briefing)
        editing.earlierBriefingLoaded.connect(prep.briefing.add_earlier)
        editing.briefingSaved.connect(prep.briefing.show_saved)
        # Editing one session (from the schedule, or today's from the card), with undo.
        view.editRequested.connect(editing.load_details)
        prep.card.editRequested.connect(editing.load_details)
        editing.detailsLoaded.connect(view.open_editor)
        view.sessionEditRequested.connect(editing.edit)
        view.undoEditRequested.connect(editing.undo_edit)
        editing.edited.connect(view.show_edited)
        editing.editUndone.connect(view.show_edit_undone)
        editing.editUndoable.connect(view.set_edit_undoable)
        view.rundownRequested.connect(editing.start_rundown)
        editing.rundownStarted.connect(view.show_rundown_started)
        # The schedule's files: export, import with a preview.
        files = view.files
        files.exportRequested.connect(editing.export)
        editing.exported.connect(files.show_exported)
        files.importPreviewRequested.connect(editing.preview_import)
        files.importRequested.connect(editing.import_file)
        editing.importPreviewed.connect(files.show_import_preview)
        editing.importRefused.connect(files.show_import_problems)
        editing.imported.connect(files.show_imported)

    def _wire_units(self) -> None:
        """The units page on the Prep tab; a change reaches the rota, the calendar and the desk."""
        editing = self.units_editing
        self.window.prep.units_page.attach(editing)
        # The desk's and the Prep tab's unit lists come from the schedule's read (unitsLoaded).
        editing.changed.connect(self.schedule.refresh)
        editing.changed.connect(self.schedule_editing.load_rota)
        editing.changed.connect(self.window.prep.schedule.refresh)
        # A running feed suggests units by their new keywords from the next comment on.
        editing.changed.connect(self.live_feed.refresh_units)

    def _wire_queue(self) -> None:
        """The on-air queue panel: reorders go to moderation; rundown and answers set its fit."""
        queue = self.window.desk.queue
        queue.reorderRequested.connect(self.moderation.reorder)
        self.moderation.typicalAnswerChanged.connect(queue.set_typical_answer)
        self.schedule.rundownLoaded.connect(queue.show_rundown)

    def _wire_prepare(self) -> None:
        """Preparing another day's session on the Prep tab: its running order loads through
        the editing service, and its card follows edits, moves and fresh reads of it."""
        prep, editing = self.window.prep, self.schedule_editing
        prep.rundownRequested.connect(self.rundown_editing.load)
        editing.edited.connect(prep.follow_session)
        editing.editUndone.connect(prep.follow_session)
        editing.moved.connect(prep.follow_session)
        editing.undone.connect(prep.forget_sessions)
        editing.sessionsLoaded.connect(
            lambda _first, _last, sessions: prep.follow_sessions(sessions)
        )
        editing.rundownStarted.connect(lambda session_id, _count: prep.reload_rundown(session_id))

    def _remember_templates(self, wechat: str, kuaishou: str) -> None:
        self.settings.setValue("announcement/wechat", wechat)
        self.settings.setValue("announcement/kuaishou", kuaishou)

    def _start_live_feed(self, session: object) -> None:
        """Today's rooms start feeding once today's session is known (once per session)."""
        session_id = getattr(session, "id", None)
        if session_id is None or session_id == self._feed_session:
            return  # todayLoaded comes again after every schedule refresh
        self._feed_session = session_id
        if self.options.demo:
            # The demo's viewers are simulated, through the real capture tools' frame formats.
            self.live_feed.load_sources(session_id)
            self.live_feed.start_simulator(session_id, rate=1.5)
        else:
            self.live_feed.start_configured(session_id)

    def _go_requested(self) -> None:
        """Go (F5): a paused session resumes; a new one goes live through the checklist."""
        reading = self.timer.reading()
        if reading is not None and reading.started:
            self.timer.go()
            return
        self.go_live.show_checklist(self.rig_monitor.checklist())
        self.go_live.open()

    def _go_live(self, override_reason: str) -> None:
        self.timer.go()
        if override_reason:
            self.rig_monitor.record_override(override_reason)

    def request_quit(self) -> None:
        self._quit.set()

    # -- running -----------------------------------------------------------------------------
    def run(self, loop: asyncio.AbstractEventLoop) -> int:
        """Run until quit on ``loop`` (the qasync loop, current since before this was built)."""
        loop.set_exception_handler(self.crash.asyncio_handler)
        self.crash.install()
        previous_sigint = signal.signal(signal.SIGINT, lambda *_: self.request_quit())
        # Python only runs signal handlers between bytecodes; a light timer gives it the chance
        # while Qt's loop sleeps, so Ctrl-C in the terminal quits cleanly.
        wake = QTimer(interval=200, timeout=lambda: None)
        wake.start()
        collector = GuiThreadCollector()
        collector.start()
        try:
            return loop.run_until_complete(self._main())
        finally:
            collector.stop()
            wake.stop()
            signal.signal(signal.SIGINT, previous_sigint)
            self.crash.uninstall()
            loop.close()
            asyncio.set_event_loop(None)

    async def _main(self) -> int:
        self.window.show()
        self.refresh_all()
        self.rig_monitor.start()
        if self.options.exit_after:
            QTimer.singleShot(int(self.options.exit_after * 1000), self.request_quit)
        await self._quit.wait()
        self.timer.stop()  # no more ticks or polls: the windows keep their last state
        if self.options.screenshot:
            await self._settle()
            await self._outside_task(lambda: self.save_screenshots(self.options.screenshot))
        log.info("shutting down")
        await self.shutdown()
        log.info("shut down")
        return 0

    async def _outside_task(self, work: Callable[[], object]) -> None:
        """Run ``work`` from a plain Qt timer callback, outside any asyncio task.

        Grabbing widgets processes Qt events, and qasync must not start another task's step
        while this coroutine's task is executing.
        """
        done = asyncio.get_running_loop().create_future()

        def run() -> None:
            try:
                work()
            except Exception as error:
                done.set_exception(error)
            else:
                done.set_result(None)

        QTimer.singleShot(0, run)
        await done

    def refresh_all(self) -> None:
        self.schedule.refresh()
        self.window.prep.schedule.refresh()
        self.schedule_editing.load_rota()
        self.rig.refresh()
        self.referral_service.refresh()
        self.reports.refresh()

    async def _settle(self, timeout_s: float = 10.0) -> None:
        """Let the loads that are still running finish, so screenshots show real content."""
        deadline = asyncio.get_running_loop().time() + timeout_s
        while self.tasks.running and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.05)
        if self.tasks.running:
            log.warning("still running after %.0f s: %s", timeout_s, ", ".join(self.tasks.names()))
        # No processEvents() here: inside a task it would let qasync start another task's step.

    def save_screenshots(self, folder: Path) -> list[Path]:
        """Save each tab of the main window and the official's screen as PNG files."""
        folder.mkdir(parents=True, exist_ok=True)
        saved = []
        current = self.window.tabs.currentIndex()
        for index, name in enumerate(SCREENSHOT_TABS):
            self.window.tabs.setCurrentIndex(index)
            self.app.processEvents()
            path = folder / f"{name}.png"
            self.window.grab().save(str(path))
            saved.append(path)
        self.window.tabs.setCurrentIndex(current)
        path = folder / "official.png"
        self._grab_official().save(str(path))
        saved.append(path)
        log.info("saved screenshots to %s", folder)
        return saved

    def _grab_official(self) -> QPixmap:
        if self.official.isVisible():
            return self.official.grab()
        # Lay the window out at a monitor's size without showing it anywhere.
        self.official.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self.official.resize(1920, 1080)
        self.official.show()
        self.app.processEvents()
        image = self.official.grab()
        self.official.hide()
        self.official.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
        return image

    async def _bounded(
        self, work: Coroutine[Any, Any, None], what: str, timeout_s: float = 10
    ) -> None:
        """Await ``work``, but never let quitting hang on it: log and go on after a timeout."""
        try:
            await asyncio.wait_for(work, timeout=timeout_s)
        except TimeoutError:
            log.error("%s took more than %.0f s; quitting anyway", what, timeout_s)

    async def shutdown(self) -> None:
        """Stop background work, close the windows, then release the database (once)."""
        if self._shut_down:
            return
        self._shut_down = True
        self.rig_monitor.stop()  # also closes the scrcpy windows
        self.go_live.close()
        self.timer.stop()
        # The moves the moderator already pressed are stored before anything is cancelled.
        await self._bounded(self.moderation.drain(), "storing the last moderation moves")
        await self._bounded(self.live_feed.stop(), "stopping the live feed")
        try:  # the last edit of a quick quit is saved too, but quitting never hangs on it
            await asyncio.wait_for(self.rundown_editing.flush(), timeout=10)
        except TimeoutError:
            log.error("the running order could not be saved before quitting")
        await self._bounded(self.tasks.shutdown(), "stopping background work")
        self.official.close()
        self.window.hide()
        self.notice.deleteLater()
        self.window.deleteLater()
        self.official.deleteLater()
        self.db.close()


def main(argv: list[str] | None = None) -> int:
    """Run the desktop app; returns the process exit code (2 for a database that can't be used)."""
    options = parse_options(argv)
    try:
        set_studio_zone(options.tz)  # None: $STUDIO_TZ or the default, checked here
    except UnknownZone as error:
        print(f"studio: {error} (STUDIO_TZ)", file=sys.stderr)
        return 2
    try:
        log_path = configure_logging()
    except OSError as error:  # STUDIO_DATA_DIR (or the user's data folder) cannot be used
        print(f"studio: the data folder cannot be used: {error.filename}: {error.strerror}",
              file=sys.stderr)
        return 2
    log.info("Studio Desk %s starting", __version__)
    today = studio_today()
    try:
        db, temp_dir = open_studio_database(options, today)
    except DatabaseProblem as problem:
        print(f"studio: {problem}", file=sys.stderr)
        return 2
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName("Studio Desk")
        app.setApplicationVersion(__version__)
        # The official's screen is a second top-level window: closing one must not quit.
        app.setQuitOnLastWindowClosed(False)
        install_translators(app, choose_language(options.lang))
        # The loop exists before anything is built: services may start work while wiring.
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        return StudioDesk(app, db, options, log_path=log_path).run(loop)
    finally:
        db.close()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
