"""Composition root: QApplication, the qasync loop, options, wiring, and an orderly shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QObject, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from studio import APP_NAME, __version__
from studio.api.server import ApiAccess, ControlApi, token_from_text
from studio.api.status import StatusBoard
from studio.crash import CrashHandler
from studio.domain.seats import NotARole, Seat, SeatRole
from studio.domain.studio_time import (
    ZONE_VARIABLE,
    UnknownZone,
    set_studio_zone,
    studio_today,
)
from studio.feed.kuaishou_server import raise_descriptor_limit
from studio.gui_gc import GuiThreadCollector
from studio.language import choose_language, install_catalogues
from studio.logs import configure_logging
from studio.options import AppOptions, parse_options
from studio.rig.monitor import AdbRigMonitor
from studio.rig.scrcpy import ScrcpyLauncher
from studio.rig.simulated import SimulatedRig
from studio.seat_choice import asked_seat, default_person, remember_seat, studio_settings
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
from studio.services.tasks import BackgroundTasks
from studio.services.timer import TimerService
from studio.services.units_editing import UnitsEditingService
from studio.store.database import Database, DatabaseProblem, open_database
from studio.store.demo import seed_demo
from studio.store.profile import profile_zone
from studio.store.repository import StudioRepository
from studio.ui.crash_notice import ErrorNotice
from studio.ui.desk.wiring import wire_desk
from studio.ui.file_dialogs import protect_database
from studio.ui.main_window import MainWindow
from studio.ui.official.official_screen import OfficialScreen
from studio.ui.official.wiring import wire_official
from studio.ui.plain_text import install_plain_text_guard
from studio.ui.prep.wiring import wire_prep
from studio.ui.referrals.referrals_tab import ReferralsTab
from studio.ui.referrals.wiring import wire_referrals
from studio.ui.reports.wiring import wire_reports
from studio.ui.rig.golive_dialog import GoLiveDialog
from studio.ui.rig.wiring import wire_rig
from studio.ui.seat_dialog import SeatDialog
from studio.ui.services_bundle import Services
from studio.ui.settings.api_settings import read_api_choice
from studio.ui.settings.wiring import wire_settings
from studio.ui.window_wiring import wire_main_window

log = logging.getLogger(__name__)

SCREENSHOT_TABS = ("prep", "desk", "rig", "referrals", "reports")


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons), keep them alive, return them."""
    return install_catalogues(app, language)


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


def build_services(
    db: Database,
    tasks: BackgroundTasks,
    options: AppOptions,
    today: Callable[[], dt.date],
    *,
    owner: QObject,
) -> Services:
    """Every service of the studio; they live as long as ``owner`` (their timers stop with it)."""
    repository = StudioRepository(db)
    adb_host, adb_port = options.adb or ("127.0.0.1", 5037)
    # The demo's phones are simulated; otherwise the real adb server is asked.
    phones = SimulatedRig() if options.demo else AdbRigMonitor(adb_host, adb_port)
    return Services(
        schedule=ScheduleService(repository, tasks, today, parent=owner),
        feed=FeedService(repository, tasks, parent=owner),
        rig=RigService(repository, tasks, parent=owner),
        referrals=ReferralDeskService(db, tasks, today, parent=owner),
        reports=ReportService(repository, tasks, today, parent=owner),
        timer=TimerService(db, tasks, parent=owner),
        rundown_editing=RundownEditingService(db, tasks, parent=owner),
        schedule_editing=ScheduleEditingService(db, tasks, today, parent=owner),
        units_editing=UnitsEditingService(db, tasks, parent=owner),
        rig_monitor=RigMonitorService(
            phones, db, tasks, scrcpy=ScrcpyLauncher(adb_port), parent=owner
        ),
        # The lease names this seat's person to the others ("ingested by 李明 (desk-pc)").
        live_feed=LiveFeedService(
            db, tasks, seat=db.seat.person if db.seat else "operator", parent=owner
        ),
        moderation=ModerationService(db, repository, tasks, today=today, parent=owner),
        profile=ProfileService(db, tasks, today, parent=owner),
        sync=SyncService(db, tasks, repository=repository, parent=owner),
        # A desk built without a chosen seat (tests, benchmarks) is the user's moderator seat.
        presence=SeatPresenceService(
            db, tasks, db.seat or Seat(default_person(), SeatRole.MODERATOR), parent=owner
        ),
    )


async def outside_task(work: Callable[[], object]) -> None:
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


async def bounded(work: Coroutine[Any, Any, None], what: str, timeout_s: float = 10) -> None:
    """Await ``work``, but never let quitting hang on it: log and go on after a timeout."""
    try:
        await asyncio.wait_for(work, timeout=timeout_s)
    except TimeoutError:
        log.error("%s took more than %.0f s; quitting anyway", what, timeout_s)


class StudioDesk:
    """The running app: builds services and windows, runs the loop, and cleans up in order.

    Only this object knows every part; widgets get what they need through their constructor,
    and each seat's wiring function (``studio/ui/<seat>/wiring.py``) connects them to the
    services by signals.
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
        self.settings = studio_settings()
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
        self.services = s = build_services(db, self.tasks, options, today, owner=self.window)
        # The services tests and benchmarks reach by name.
        self.schedule, self.feed, self.timer = s.schedule, s.feed, s.timer
        self.moderation, self.rundown_editing = s.moderation, s.rundown_editing
        self.schedule_editing, self.units_editing = s.schedule_editing, s.units_editing
        self.go_live = GoLiveDialog(self.window)
        self.notice = ErrorNotice(log_path, self.window)
        self.crash = CrashHandler(self.notice.show_error, self.request_quit)
        self.api: ControlApi | None = None
        self._wire()

    def _wire(self) -> None:
        """One function per seat connects its widgets to the services (the window's first: its
        slots come first where a seat follows the same signal)."""
        w, s = self.window, self.services
        wire_main_window(w, s)
        wire_prep(w.prep, s, today=self.today, settings=self.settings)
        wire_desk(w.desk, s, go_live=self.go_live, demo=self.options.demo, today=self.today)
        wire_official(self.official, s)
        wire_rig(w.rig, self.go_live, s)
        wire_referrals(w.referrals, s)
        wire_reports(w.reports, s)
        wire_settings(
            w.settings_page,
            w.first_run,
            w.unassigned_rooms,
            s,
            today=self.today,
            opened=w.settingsOpened,
            settings=self.settings,
        )
        w.quitRequested.connect(self.request_quit)
        # This seat missed too much of the others' work to follow it row by row.
        s.sync.resync.connect(self.reload_everything)

    def request_quit(self) -> None:
        self._quit.set()

    # -- the control API ---------------------------------------------------------------------
    def api_access(self) -> ApiAccess | None:
        """Where the control API listens: ``--api`` for this run, else the settings
        (``api/mode`` off, local or lan; ``api/port``); None when it is off.

        The token is ``$STUDIO_API_TOKEN`` or the setting ``api/token`` (``NAME:SECRET`` names
        the audit's seat).
        """
        choice = read_api_choice(self.settings)
        token, seat = token_from_text(os.environ.get("STUDIO_API_TOKEN") or choice.token or None)
        if self.options.api is not None:
            host, port = self.options.api
        else:
            if choice.mode == "off":
                return None
            port = choice.port
            host = "127.0.0.1" if choice.mode == "local" else "0.0.0.0"
        return ApiAccess(host=host, port=port, token=token, token_name=seat)

    async def start_api(self, access: ApiAccess | None = None) -> int | None:
        """Serve the control API on this loop (when it is on); returns its port."""
        access = access or self.api_access()
        if access is None or self.api is not None:
            return self.api.port if self.api else None
        s = self.services
        board = StatusBoard(
            s.timer,
            s.moderation,
            s.live_feed,
            s.rig_monitor,
            self.tasks,
            sync=s.sync,
            parent=self.window,
        )
        await board.refresh_queue()  # the first status and snapshot show the queue
        try:
            api = ControlApi(access, board, s.timer, s.moderation, s.rig_monitor)
            port = await api.start()
        except (ValueError, OSError) as error:
            board.deleteLater()
            log.error("the control API is not served: %s", error)
            print(f"studio: the control API is not served: {error}", file=sys.stderr)
            return None
        self.api = api
        return port

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
        self.services.sync.start()
        self.services.rig_monitor.start()
        self.services.presence.start()
        await self.start_api()
        if self.options.exit_after:
            QTimer.singleShot(int(self.options.exit_after * 1000), self.request_quit)
        await self._quit.wait()
        self.timer.stop()  # no more ticks or polls: the windows keep their last state
        if self.options.screenshot:
            await self._settle()
            await outside_task(lambda: self.save_screenshots(self.options.screenshot))
        log.info("shutting down")
        await self.shutdown()
        log.info("shut down")
        return 0

    def refresh_all(self) -> None:
        s = self.services
        s.schedule.refresh()
        self.window.prep.schedule.refresh()
        s.schedule_editing.load_rota()
        s.rig.refresh()
        s.referrals.refresh()
        s.reports.refresh()

    def reload_everything(self) -> None:
        """Read everything again: the lists, today's feed, the timer and the report-back."""
        s = self.services
        self.refresh_all()
        s.feed.reload()
        s.timer.reload()
        s.moderation.load_report_back()

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

    async def shutdown(self) -> None:
        """Stop background work, close the windows, then release the database (once)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.api is not None:  # no outside action may land once quitting has begun
            await bounded(self.api.stop(), "stopping the control API")
        self.services.rig_monitor.stop()  # also closes the scrcpy windows
        await bounded(self.services.sync.stop(), "stopping following the other seats")
        self.go_live.close()
        self.timer.stop()
        # The moves the moderator already pressed are stored before anything is cancelled.
        await bounded(self.moderation.drain(), "storing the last moderation moves")
        await bounded(self.services.referrals.drain(), "storing the last referral moves")
        await bounded(self.services.live_feed.stop(), "stopping the live feed")
        try:  # the last edit of a quick quit is saved too, but quitting never hangs on it
            await asyncio.wait_for(self.rundown_editing.flush(), timeout=10)
        except TimeoutError:
            log.error("the running order could not be saved before quitting")
        await bounded(self.services.presence.stop(), "marking this seat as left", 5)
        await bounded(self.tasks.shutdown(), "stopping background work")
        self.official.close()
        self.window.hide()
        self.notice.deleteLater()
        self.window.deleteLater()
        self.official.deleteLater()
        self.db.close()


def chosen_seat(options: AppOptions, settings: QSettings) -> Seat | None:
    """The seat this app works as: ``--seat``/``--role`` (or the environment's), else the one
    remembered on this computer, else the demo's (the user's name, moderator), else asked in a
    dialog — and remembered, but for the demo's. None: the person declined to choose.

    Raises:
        NotARole: ``$STUDIO_ROLE`` names no role.
    """
    seat = asked_seat(options.seat, options.role, settings)
    if seat is None and options.demo:
        return Seat(default_person(), SeatRole.MODERATOR)
    if seat is None:
        dialog = SeatDialog(Seat(default_person(), SeatRole.MODERATOR))
        # Before the loop runs (not inside a coroutine), so a modal exec() is safe here.
        if dialog.exec() != SeatDialog.DialogCode.Accepted:
            return None
        seat = dialog.seat()
    remember_seat(settings, seat)
    return seat


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
        print(
            f"studio: the data folder cannot be used: {error.filename}: {error.strerror}",
            file=sys.stderr,
        )
        return 2
    log.info("Studio Desk %s starting", __version__)
    raise_descriptor_limit()
    today = studio_today()
    try:
        db, temp_dir = open_studio_database(options, today)
    except DatabaseProblem as problem:
        print(f"studio: {problem}", file=sys.stderr)
        return 2
    # Neither --tz nor STUDIO_TZ: the zone the studio's profile sets (from the next start on
    # when it is changed on the settings page).
    if options.tz is None and not os.environ.get(ZONE_VARIABLE):
        with contextlib.suppress(UnknownZone):
            set_studio_zone(profile_zone(db) or None)
    try:
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName("Studio Desk")
        app.setApplicationVersion(__version__)
        # The official's screen is a second top-level window: closing one must not quit.
        app.setQuitOnLastWindowClosed(False)
        install_translators(app, choose_language(options.lang))
        settings = studio_settings()
        try:
            seat = chosen_seat(options, settings)
        except NotARole as error:
            print(f"studio: {error} (STUDIO_ROLE)", file=sys.stderr)
            return 2
        if seat is None:
            log.info("no seat chosen; not starting")
            return 0
        db.seat = seat  # before any work: every audit event names the seat
        log.info("working as %s (%s)", seat.person, seat.role.value)
        # The loop exists before anything is built: services may start work while wiring.
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        return StudioDesk(app, db, options, log_path=log_path).run(loop)
    finally:
        db.close()
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
