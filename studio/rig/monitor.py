"""Reads the broadcast phones' health over ADB and runs the few actions the rig needs.

Everything here blocks: call it from a worker thread (``asyncio.to_thread``), never from the
GUI thread. Every call is bounded by the monitor's timeout, and one hung phone never holds up
the report on the other.
"""

from __future__ import annotations

import contextlib
import logging
import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from dataclasses import dataclass
from typing import Any

import adbutils

from studio.domain.phone_health import (
    PhoneHealth,
    PhoneState,
    model_name,
    parse_battery,
    parse_foreground,
    parse_getprop,
    parse_power,
    parse_storage_free_pct,
    parse_thermal_status,
    phone_state,
)

log = logging.getLogger(__name__)

FOREGROUND_QUERIES = ("dumpsys window windows", "dumpsys window", "dumpsys activity activities")
"""Asked in turn until one names the app in front (Android 14 dropped it from the first)."""

_PACKAGE = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+", re.ASCII)
_START_SERVER_TIMEOUT = 20.0


class RigUnavailable(Exception):
    """The adb server cannot be reached or does not answer, so no phone can be read."""


@dataclass(frozen=True, slots=True)
class RigActionResult:
    """How an action on one phone went.

    Attributes:
        serial: the phone (for `AdbRigMonitor.connect_wifi`, the ``ip:port`` connected to).
        ok: the action took effect as far as adb can tell.
        detail: adb's or the phone's words, for the operator and the log.
    """

    serial: str
    ok: bool
    detail: str = ""


# -- a deadline that every adb socket of the current thread obeys ---------------------------

class _Deadline:
    """The end of the current thread's budget, and the adb connections opened under it."""

    def __init__(self, end: float) -> None:
        self.end = end
        self.connections: list[Any] = []

    def remaining(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise adbutils.AdbTimeout("rig deadline passed")
        return left


_local = threading.local()


@contextlib.contextmanager
def _deadline(end: float) -> Iterator[_Deadline]:
    """Bound the adb calls of this thread until ``end`` (monotonic); close what they left open.

    adbutils leaves a connection open when the server answers FAIL while it switches to a
    device (unknown serial, unauthorized, offline); closing them here keeps sockets from
    leaking. Closing twice is harmless.
    """
    outer = getattr(_local, "deadline", None)
    current = _local.deadline = _Deadline(end)
    try:
        yield current
    finally:
        _local.deadline = outer
        for conn in current.connections:
            with contextlib.suppress(OSError):
                conn.close()


class _BoundedClient(adbutils.AdbClient):  # type: ignore[misc]
    """An `adbutils.AdbClient` whose socket timeouts never outlast the thread's deadline.

    adbutils opens a new connection per request (two per shell command) and gives the
    handshake a 600 s timeout; clamping here bounds all of them.
    """

    def make_connection(self, timeout: float | None = None) -> Any:
        deadline: _Deadline | None = getattr(_local, "deadline", None)
        if deadline is not None:
            left = deadline.remaining()
            timeout = min(timeout, left) if timeout else left
        conn = super().make_connection(timeout=timeout)
        if deadline is not None:
            deadline.connections.append(conn)
        return conn


# -- the monitor -----------------------------------------------------------------------------

class AdbRigMonitor:
    """Polls every phone the adb server knows and acts on single phones.

    Attributes:
        host, port: the adb server (``adb start-server`` listens on 127.0.0.1:5037).
        timeout: seconds any one call may take; a phone that needs longer is reported
            ``not_responding``.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 5037, timeout: float = 3.0) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self._client = _BoundedClient(host=host, port=port, socket_timeout=timeout)
        # ro.* properties never change while a phone stays listed: ask once per connection.
        self._props: dict[str, dict[str, str]] = {}
        self._props_lock = threading.Lock()

    # -- the adb server -----------------------------------------------------------------------
    def server_running(self) -> bool:
        """Something accepts connections on the adb server's port."""
        try:
            with socket.create_connection((self.host, self.port), timeout=min(self.timeout, 1.0)):
                return True
        except OSError:
            return False

    def start_server(self) -> bool:
        """Run ``adb start-server`` (adbutils' own adb if none is on PATH); True once it answers.

        Can take several seconds the first time; the app calls it once, not on every poll.
        """
        if self.server_running():
            return True
        try:
            subprocess.run([adbutils.adb_path(), "start-server"], timeout=_START_SERVER_TIMEOUT,
                           stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=False)
        except (OSError, subprocess.SubprocessError) as e:
            log.warning("adb start-server failed: %s", e)
        return self.server_running()

    # -- health -------------------------------------------------------------------------------
    def poll(self, expected: Iterable[str] = ()) -> list[PhoneHealth]:
        """Read every phone adb lists, in adb's order, including unauthorized and offline ones.

        Each online phone is read in its own thread; one that fails or has not answered
        within ``timeout`` comes back as ``not_responding``. Serials in ``expected`` that adb
        does not list come last, as ``disconnected``.

        Raises:
            RigUnavailable: the adb server is not running or does not answer.
        """
        if not self.server_running():
            raise RigUnavailable(f"no adb server on {self.host}:{self.port}")
        try:
            with _deadline(time.monotonic() + self.timeout):
                infos = self._client.list(extended=True)
        except (adbutils.AdbError, OSError, ValueError, EOFError) as e:
            raise RigUnavailable(f"adb server on {self.host}:{self.port}: {e}") from e

        listed = {info.serial for info in infos}
        with self._props_lock:
            for serial in set(self._props) - listed:
                del self._props[serial]

        online = [info for info in infos if info.state == PhoneState.DEVICE]
        results: dict[str, PhoneHealth] = {}
        if online:
            end = time.monotonic() + self.timeout
            pool = ThreadPoolExecutor(max_workers=len(online), thread_name_prefix="rig-poll")
            try:
                futures: dict[str, Future[PhoneHealth]] = {
                    info.serial: pool.submit(self._read_phone, info.serial, end) for info in online
                }
                wait_futures(futures.values(), timeout=max(0.0, end - time.monotonic()) + 0.05)
            finally:
                # A hung phone's thread ends by itself at `end`: its sockets time out.
                pool.shutdown(wait=False, cancel_futures=True)
            for serial, future in futures.items():
                results[serial] = self._outcome(serial, future)

        healths = [
            results.get(info.serial) or PhoneHealth(
                serial=info.serial, state=phone_state(info.state), model=self._known_model(info))
            for info in infos
        ]
        healths += [PhoneHealth(serial=s, state=PhoneState.DISCONNECTED)
                    for s in dict.fromkeys(expected) if s not in listed]
        return healths

    def _outcome(self, serial: str, future: Future[PhoneHealth]) -> PhoneHealth:
        if future.done() and not future.cancelled():
            error = future.exception()
            if error is None:
                return future.result()
            log.info("phone %s did not answer: %s", serial, error)
        else:
            log.info("phone %s did not answer within %.1f s", serial, self.timeout)
        with self._props_lock:
            props = self._props.get(serial, {})
        return PhoneHealth(serial=serial, state=PhoneState.NOT_RESPONDING, model=model_name(props),
                           serialno=props.get("ro.serialno") or None)

    def _known_model(self, info: Any) -> str | None:
        with self._props_lock:
            props = self._props.get(info.serial)
        if props:
            return model_name(props)
        tag = info.tags.get("model")  # adb devices -l: "model:Pixel_7", online phones only
        return tag.replace("_", " ") if tag else None

    def _read_phone(self, serial: str, end: float) -> PhoneHealth:
        """All readings of one phone (runs in a pool thread); raises if the phone fails."""
        with _deadline(end):
            device = self._client.device(serial)
            with self._props_lock:
                props = self._props.get(serial)
            if props is None:
                props = parse_getprop(_shell(device, "getprop"))
                with self._props_lock:
                    self._props[serial] = props
            battery = parse_battery(_shell(device, "dumpsys battery"))
            power = parse_power(_shell(device, "dumpsys power"))
            foreground = None
            for query in FOREGROUND_QUERIES:
                foreground = parse_foreground(_shell(device, query))
                if foreground is not None:
                    break
            storage = parse_storage_free_pct(_shell(device, "dumpsys diskstats"))
            thermal = parse_thermal_status(_shell(device, "dumpsys thermalservice"))
        return PhoneHealth(
            serial=serial,
            state=PhoneState.DEVICE,
            model=model_name(props),
            serialno=props.get("ro.serialno") or None,
            battery_level=battery.level,
            charging=battery.charging,
            temperature_c=battery.temperature_c,
            screen_on=power.screen_on,
            stay_on=power.stay_on,
            foreground_package=foreground.package if foreground else None,
            foreground_activity=foreground.activity if foreground else None,
            storage_free_pct=storage,
            thermal_status=thermal,
        )

    # -- actions ------------------------------------------------------------------------------
    def launch_app(self, serial: str, package: str) -> RigActionResult:
        """Bring ``package`` to the front (starts it if needed), as tapping its icon would."""
        if not _PACKAGE.fullmatch(package):
            return RigActionResult(serial, False, f"not a package name: {package!r}")
        ok, out = self._run(serial, ["monkey", "-p", package, "-c",
                                     "android.intent.category.LAUNCHER", "1"])
        if ok and "Events injected: 1" not in out:
            # e.g. "** No activities found to run, monkey aborted." when it is not installed
            return RigActionResult(serial, False, out.strip())
        return RigActionResult(serial, ok, out.strip())

    def set_stay_awake(self, serial: str, on: bool) -> RigActionResult:
        """Keep the screen on while the phone is powered over USB, or stop doing so."""
        ok, out = self._run(serial, ["svc", "power", "stayon", "usb" if on else "false"])
        # svc prints nothing when it worked, its usage or an error otherwise.
        return RigActionResult(serial, ok and not out.strip(), out.strip())

    def connect_wifi(self, addr: str) -> RigActionResult:
        """``adb connect addr`` (port 5555 if none is given); the result's serial is ip:port."""
        if ":" not in addr.rsplit("]", 1)[-1]:
            addr += ":5555"
        if not self.server_running():
            return RigActionResult(addr, False, "adb server is not running")
        try:
            with _deadline(time.monotonic() + self.timeout):
                text = str(self._client.connect(addr, timeout=self.timeout))
        except (adbutils.AdbError, OSError, ValueError, EOFError) as e:
            return RigActionResult(addr, False, str(e))
        ok = text.startswith(("connected to", "already connected to"))
        return RigActionResult(addr, ok, text)

    def _run(self, serial: str, args: list[str]) -> tuple[bool, str]:
        """Run one shell command on one phone: (adb delivered it, its output or the error)."""
        if not self.server_running():
            return False, "adb server is not running"
        try:
            with _deadline(time.monotonic() + self.timeout):
                return True, _shell(self._client.device(serial), args)
        except (adbutils.AdbError, OSError, ValueError, EOFError) as e:
            return False, str(e) or type(e).__name__


def _shell(device: Any, command: str | list[str]) -> str:
    """One shell command, its read timeout cut to what is left of the thread's deadline."""
    deadline: _Deadline = _local.deadline
    return str(device.shell(command, timeout=deadline.remaining()))
