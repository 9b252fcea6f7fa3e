"""Opens scrcpy mirror windows of the broadcast phones, side by side, without touching them.

Mirrors are watch-only: ``--no-audio`` (forwarding audio would silence the live phone) and
``--no-control`` (a stray click on the operator's screen must not reach the broadcast).
Starting one is non-blocking; the windows live until closed or until `ScrcpyLauncher.stop`.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from studio.rig.monitor import RigActionResult

log = logging.getLogger(__name__)

NOT_INSTALLED = "scrcpy is not installed"
WINDOW_MAX_SIZE = 1024
BIT_RATE = "2M"
TOP_MARGIN = 40  # room for the window manager's title bar


@dataclass(frozen=True, slots=True)
class MirrorRequest:
    """One window to open: the phone's adb serial and its title (the phone's role and label)."""

    serial: str
    title: str


def mirror_command(exe: str, request: MirrorRequest, x: int, y: int) -> list[str]:
    """scrcpy's arguments for one watch-only window at (x, y)."""
    return [
        exe,
        "-s",
        request.serial,
        "--no-audio",
        "--no-control",
        "--window-title",
        request.title,
        "--window-x",
        str(x),
        "--window-y",
        str(y),
        "-m",
        str(WINDOW_MAX_SIZE),
        "-b",
        BIT_RATE,
    ]


def side_by_side(count: int, area: tuple[int, int, int, int]) -> list[tuple[int, int]]:
    """Top-left corners of ``count`` windows sharing ``area`` (x, y, width, height) in columns."""
    x, y, width, _height = area
    column = width // max(count, 1)
    return [(x + i * column, y + TOP_MARGIN) for i in range(count)]


class ScrcpyLauncher:
    """Starts scrcpy processes and keeps them so the app can close them when it quits.

    Args:
        adb_port: the adb server's port; scrcpy's adb is told about it when it is not 5037.
        which, popen: `shutil.which` and `subprocess.Popen` (tests pass fakes).
    """

    def __init__(
        self,
        adb_port: int = 5037,
        *,
        which: Callable[[str], str | None] = shutil.which,
        popen: Callable[..., Any] = subprocess.Popen,
    ) -> None:
        self._adb_port = adb_port
        self._which = which
        self._popen = popen
        self.processes: list[Any] = []

    def available(self) -> bool:
        return self._which("scrcpy") is not None

    def open(
        self,
        requests: Sequence[MirrorRequest],
        area: tuple[int, int, int, int] = (0, 0, 1920, 1080),
    ) -> list[RigActionResult]:
        """Open one window per phone across ``area``; a result per phone.

        Never waits for scrcpy: a phone it cannot reach closes its own window, and its error
        goes to the log.
        """
        exe = self._which("scrcpy")
        if exe is None:
            return [RigActionResult(r.serial, False, NOT_INSTALLED) for r in requests]
        # Windows closed since the last time: reap them so no zombie processes pile up.
        self.processes = [p for p in self.processes if p.poll() is None]
        env = dict(os.environ)
        if self._adb_port != 5037:
            env["ANDROID_ADB_SERVER_PORT"] = str(self._adb_port)
        results = []
        for request, (x, y) in zip(requests, side_by_side(len(requests), area), strict=True):
            try:
                process = self._popen(
                    mirror_command(exe, request, x, y),
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            except OSError as error:
                log.warning("scrcpy for %s did not start: %s", request.serial, error)
                results.append(RigActionResult(request.serial, False, str(error)))
                continue
            self.processes.append(process)
            results.append(RigActionResult(request.serial, True, f"scrcpy {request.title}"))
        return results

    def stop(self, timeout: float = 2.0) -> None:
        """Close every mirror window this launcher opened (on quit)."""
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.processes.clear()
