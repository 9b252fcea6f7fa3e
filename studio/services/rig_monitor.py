"""The rig as a use case: poll both phones every 2 s, raise and audit alarms, act on the phones.

Everything that touches ADB, scrcpy or the database runs in a worker thread; the GUI thread
only starts work and receives signals. Polls never overlap: a tick that finds the previous
poll still running is skipped, so a hung phone costs one poll's timeout, not a pile of threads.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from studio.domain import golive
from studio.domain.golive import CheckResult, PhoneStatus, merge
from studio.domain.model import Platform, RoomRole
from studio.domain.phone_health import PhoneHealth
from studio.domain.records import PhoneRecord, RoomRecord
from studio.rig.monitor import RigActionResult, RigUnavailable
from studio.rig.scrcpy import NOT_INSTALLED, MirrorRequest, ScrcpyLauncher
from studio.services.tasks import BackgroundTasks
from studio.store import phones as phone_store
from studio.store.database import Database
from studio.store.repository import StudioRepository

log = logging.getLogger(__name__)

POLL_MS = 2000

LIVE_PACKAGES = {
    Platform.KUAISHOU: "com.smile.gifmaker",
    Platform.DOUYIN: "com.ss.android.ugc.aweme",
}
"""The app to launch for a room's platform when the phone has shown no live app yet."""


class Rig(Protocol):
    """What the service needs of a rig: `AdbRigMonitor` or `SimulatedRig` (all blocking)."""

    host: str
    port: int

    def poll(self, expected: Sequence[str] = ...) -> list[PhoneHealth]: ...
    def launch_app(self, serial: str, package: str) -> RigActionResult: ...
    def set_stay_awake(self, serial: str, on: bool) -> RigActionResult: ...
    def connect_wifi(self, addr: str) -> RigActionResult: ...
    def start_server(self) -> bool: ...


class RigMonitorService(QObject):
    """Watches the phones, keeps their alarms and audit, runs actions, evaluates the checklist.

    Args:
        rig: where readings and actions go (`AdbRigMonitor` or `SimulatedRig`).
        db: for bindings and the audit.
        tasks: runs the blocking work.
        scrcpy: the mirror launcher (None: mirrors are not offered).
        start_server: run ``adb start-server`` once before the first poll.

    Signals:
        healthChanged(list): ``PhoneStatus`` list after every poll or binding.
        alarmsChanged(dict): phone key -> tuple of alarm codes, when any alarm rose or cleared.
        checklistChanged(list): the go-live ``CheckResult`` list after every poll.
        bindingsChanged(list): ``PhoneRecord`` list after loading or binding.
        actionFinished(str, list): an action (``launch``, ``stay_awake_on``, ``stay_awake_off``,
            ``wifi``, ``mirror``, ``bind``) and a ``RigActionResult`` per phone.
        problem(str): the rig or the database failed; plain words for the status bar.
    """

    healthChanged = Signal(list)
    alarmsChanged = Signal(dict)
    checklistChanged = Signal(list)
    bindingsChanged = Signal(list)
    actionFinished = Signal(str, list)
    problem = Signal(str)

    def __init__(
        self,
        rig: Rig,
        db: Database,
        tasks: BackgroundTasks,
        *,
        scrcpy: ScrcpyLauncher | None = None,
        start_server: bool = True,
        interval_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.rig = rig
        self._db = db
        self._tasks = tasks
        self._scrcpy = scrcpy
        self._start_server = start_server
        self._polling = False
        self._polled = False  # no statuses (nor alarms) before the first poll has answered
        self._bindings_loaded = False  # the first poll reads them, so phones show their roles
        self._server_tried = False
        self._unavailable: str | None = None
        self._actions = asyncio.Lock()
        self._store = asyncio.Lock()
        self.session_live = False
        self.session_id: int | None = None
        self.bound: list[PhoneRecord] = []
        self.rooms: list[RoomRecord] = []
        self.healths: list[PhoneHealth] = []
        self.statuses: list[PhoneStatus] = []
        self._alarms: dict[str, tuple[str, ...]] = {}
        self._timer = QTimer(self, interval=interval_ms, timeout=self.poll_now)

    @property
    def simulated(self) -> bool:
        """The rig is the demo's simulation, not phones on an adb server."""
        return self.rig.host == "simulated"

    @property
    def address(self) -> str:
        return f"{self.rig.host}:{self.rig.port}"

    # -- polling ------------------------------------------------------------------------------
    def start(self) -> None:
        """Poll now (the first poll loads the bindings) and then every interval."""
        self.poll_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._scrcpy is not None:
            self._scrcpy.stop()

    @property
    def polling(self) -> bool:
        return self._polling

    def poll_now(self) -> None:
        """Start one poll unless one is still running."""
        if self._polling:
            return
        self._polling = True
        self._tasks.spawn(self._poll(), name="rig poll")

    async def _poll(self) -> None:
        try:
            if not self._bindings_loaded:
                await self._load_bindings_once()
            if self._start_server and not self._server_tried:
                self._server_tried = True
                await self._tasks.in_thread(self.rig.start_server)
            healths = await self._tasks.in_thread(self.rig.poll)
        except RigUnavailable as error:
            healths = []
            if self._unavailable is None:
                self.problem.emit(
                    self.tr("No ADB server at {address}: {error}").format(
                        address=self.address, error=error
                    )
                )
            self._unavailable = str(error)
        except Exception as error:  # a bug or a surprise from adbutils: keep polling
            log.exception("rig poll failed")
            healths = []
            self.problem.emit(self.tr("Reading the phones failed: {error}").format(error=error))
        else:
            self._unavailable = None
        finally:
            self._polling = False
        self.healths = healths
        self._polled = True
        self._publish()

    async def _load_bindings_once(self) -> None:
        try:
            async with self._store:
                bindings = await self._tasks.in_thread(self._read_bindings)
        except Exception as error:  # polled anyway: the phones show, without their roles
            log.exception("reading the phone bindings failed")
            self.problem.emit(self.tr("Reading the phones failed: {error}").format(error=error))
        else:
            self._bindings_loaded = True
            self.bound, self.rooms = bindings
            self.bindingsChanged.emit(self.bound)

    @property
    def adb_unavailable(self) -> str | None:
        """Why the last poll could not reach the adb server; None when it could."""
        return self._unavailable

    def set_session_live(self, live: bool) -> None:
        """The session went on air or ended: the live-only alarms follow at once."""
        if live != self.session_live:
            self.session_live = live
            self._publish()

    def set_session(self, session_id: int | None) -> None:
        """Today's session, so alarm and override audit events name it."""
        self.session_id = session_id

    def _publish(self) -> None:
        if not self._polled:
            return
        self.statuses = merge(self.healths, self.bound, session_live=self.session_live)
        now = {s.key: s.alarms for s in self.statuses if s.alarms}
        raised = [
            (k, a) for k, codes in now.items() for a in codes if a not in self._alarms.get(k, ())
        ]
        cleared = [
            (k, a) for k, codes in self._alarms.items() for a in codes if a not in now.get(k, ())
        ]
        self._alarms = now
        self.healthChanged.emit(self.statuses)
        self.checklistChanged.emit(self.checklist())
        if raised or cleared:
            for key, alarm in raised:
                log.warning("phone %s: alarm %s", key, alarm)
            self.alarmsChanged.emit(dict(now))
            session_id = self.session_id
            self._background(
                "audit alarms",
                lambda: phone_store.record_alarms(self._db, raised, cleared, session_id=session_id),
            )

    # -- bindings and checklist ---------------------------------------------------------------
    def _read_bindings(self) -> tuple[list[PhoneRecord], list[RoomRecord]]:
        return phone_store.bound_phones(self._db), StudioRepository(self._db).rooms()

    def reload_bindings(self) -> None:
        """Read the bindings and rooms again (after they were changed elsewhere)."""
        self._background("load phones", self._read_bindings, self._show_bindings)

    def _show_bindings(self, result: tuple[list[PhoneRecord], list[RoomRecord]]) -> None:
        self._bindings_loaded = True
        self.bound, self.rooms = result
        self.bindingsChanged.emit(self.bound)
        self._publish()

    def bind(self, serialno: str, role: RoomRole, label: str, model: str = "") -> None:
        """Bind a phone (by ``ro.serialno``) to a role under a label, and audit it."""

        def write() -> list[PhoneRecord]:
            return phone_store.bind_phone(self._db, serialno, role, label, model)

        def done(bound: list[PhoneRecord]) -> None:
            self.bound = bound
            self.bindingsChanged.emit(bound)
            self._publish()
            self.actionFinished.emit("bind", [RigActionResult(serialno, True, label)])

        self._background("bind phone", write, done)

    def checklist(self) -> list[CheckResult]:
        """The go-live checklist from the last poll."""
        return golive.checklist_of(self.statuses)

    def record_override(self, reason: str) -> None:
        """Audit a go-live override: the reason and the checks that failed at that moment."""
        failed, session_id = golive.failed_summary(self.checklist()), self.session_id
        self._background(
            "audit override",
            lambda: phone_store.record_go_live_override(
                self._db, reason, failed, session_id=session_id
            ),
        )

    # -- actions ------------------------------------------------------------------------------
    def _targets(self, keys: Sequence[str]) -> list[PhoneStatus]:
        by_key = {s.key: s for s in self.statuses}
        return [by_key[k] for k in keys if k in by_key]

    def _live_package(self, status: PhoneStatus) -> str:
        if status.health.live_app_in_front:
            return status.health.foreground_package or ""
        room = next((r for r in self.rooms if r.role == status.role), None)
        return LIVE_PACKAGES.get(
            room.platform if room else Platform.KUAISHOU, LIVE_PACKAGES[Platform.KUAISHOU]
        )

    def launch_live_app(self, keys: Sequence[str]) -> None:
        """Bring each phone's live app to the front (its room's app, or the one it showed)."""
        plan = [(s, self._live_package(s)) for s in self._targets(keys)]
        self._act("launch", plan, lambda s, pkg: self.rig.launch_app(s.health.serial, pkg))

    def set_stay_awake(self, keys: Sequence[str], on: bool) -> None:
        """Keep the screens on while powered (``svc power stayon usb``), or stop."""
        plan = [(s, on) for s in self._targets(keys)]
        self._act(
            "stay_awake_on" if on else "stay_awake_off",
            plan,
            lambda s, value: self.rig.set_stay_awake(s.health.serial, value),
        )

    def connect_wifi(self, addr: str) -> None:
        """``adb connect addr``; the phone then appears (and keeps its role) on the next poll."""

        async def run() -> None:
            async with self._actions:
                result = await self._tasks.in_thread(self.rig.connect_wifi, addr.strip())
            self.actionFinished.emit("wifi", [result])
            self.poll_now()

        self._tasks.spawn(run(), name="rig wifi")

    def mirror(self, keys: Sequence[str], area: tuple[int, int, int, int]) -> None:
        """Open scrcpy windows of these phones side by side over ``area`` (x, y, w, h)."""
        targets = [s for s in self._targets(keys) if s.health.online]
        launcher = self._scrcpy
        requests = [MirrorRequest(s.health.serial, self._title(s)) for s in targets]
        missing = self.tr(
            "scrcpy is not installed; install it from "
            "https://github.com/Genymobile/scrcpy and try again"
        )

        def run() -> list[RigActionResult]:
            if launcher is None:  # no launcher given: as good as not installed
                return [RigActionResult(r.serial, False, missing) for r in requests]
            return [
                RigActionResult(r.serial, r.ok, missing) if r.detail == NOT_INSTALLED else r
                for r in launcher.open(requests, area)
            ]

        self._background("mirror", run, lambda results: self.actionFinished.emit("mirror", results))

    def _title(self, status: PhoneStatus) -> str:
        role = {
            RoomRole.GOV: self.tr("County account"),
            RoomRole.DEPT: self.tr("Department account"),
        }.get(status.role or RoomRole.GOV)
        role = role if status.role else None
        parts = [p for p in (role, status.label or status.health.model) if p]
        return " · ".join(parts) or status.key

    def _act(
        self,
        name: str,
        plan: list[tuple[PhoneStatus, Any]],
        call: Callable[[PhoneStatus, Any], RigActionResult],
    ) -> None:
        async def one(status: PhoneStatus, value: Any) -> RigActionResult:
            if not status.health.online:
                return RigActionResult(status.health.serial, False, str(status.health.state))
            return await self._tasks.in_thread(call, status, value)

        async def run() -> None:
            async with self._actions:
                # Both phones at once: one that hangs must not delay the other's result.
                results = await asyncio.gather(*(one(s, v) for s, v in plan))
            self.actionFinished.emit(name, list(results))
            self.poll_now()

        self._tasks.spawn(run(), name=f"rig {name}")

    def _background(
        self, name: str, work: Callable[[], Any], deliver: Callable[[Any], None] | None = None
    ) -> None:
        async def run() -> None:
            try:
                # One at a time, in the order asked: the audit lists a raise before its clear.
                async with self._store:
                    result = await self._tasks.in_thread(work)
            except Exception as error:  # shown and logged; the rig keeps being watched
                log.exception("%s failed", name)
                self.problem.emit(f"{name}: {error}")
                return
            if deliver is not None:
                deliver(result)

        self._tasks.spawn(run(), name=f"rig {name}")
