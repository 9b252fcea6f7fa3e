"""scrcpy mirror windows: watch-only arguments, side-by-side placement, a missing scrcpy."""

import subprocess
import sys
from pathlib import Path

from studio.rig.monitor import RigActionResult
from studio.rig.scrcpy import NOT_INSTALLED, MirrorRequest, ScrcpyLauncher, side_by_side


class FakePopen:
    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict[str, object]]] = []

    def __call__(self, args: list[str], **kwargs: object) -> "FakePopen":
        self.calls.append((args, kwargs))
        return self

    def poll(self) -> int | None:
        return 0


REQUESTS = [
    MirrorRequest("9B141FFAZ004WJ", "County account · 手机A"),
    MirrorRequest("R5CW31XK7PL", "Department account · 手机B"),
]


def test_two_watch_only_windows_side_by_side() -> None:
    popen = FakePopen()
    launcher = ScrcpyLauncher(5038, which=lambda _n: "/usr/bin/scrcpy", popen=popen)
    results = launcher.open(REQUESTS, (100, 0, 1920, 1080))
    assert [r.ok for r in results] == [True, True]
    (first, kwargs), (second, _) = popen.calls
    assert first == [
        "/usr/bin/scrcpy",
        "-s",
        "9B141FFAZ004WJ",
        "--no-audio",
        "--no-control",
        "--window-title",
        "County account · 手机A",
        "--window-x",
        "100",
        "--window-y",
        "40",
        "-m",
        "1024",
        "-b",
        "2M",
    ]
    assert second[second.index("--window-x") + 1] == "1060"
    assert kwargs["env"]["ANDROID_ADB_SERVER_PORT"] == "5038"  # type: ignore[index]
    assert kwargs["stdin"] == subprocess.DEVNULL


def test_scrcpy_not_installed_is_said_per_phone() -> None:
    popen = FakePopen()
    launcher = ScrcpyLauncher(which=lambda _n: None, popen=popen)
    assert not launcher.available()
    assert launcher.open(REQUESTS) == [
        RigActionResult("9B141FFAZ004WJ", False, NOT_INSTALLED),
        RigActionResult("R5CW31XK7PL", False, NOT_INSTALLED),
    ]
    assert popen.calls == []


def test_a_scrcpy_that_cannot_start() -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise PermissionError("Permission denied: scrcpy")

    results = ScrcpyLauncher(which=lambda _n: "/x/scrcpy", popen=broken).open(REQUESTS[:1])
    assert results == [RigActionResult("9B141FFAZ004WJ", False, "Permission denied: scrcpy")]


def test_real_processes_start_without_waiting_and_stop_on_quit(tmp_path: Path) -> None:
    script = tmp_path / "scrcpy"
    script.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(30)\n")
    script.chmod(0o755)
    launcher = ScrcpyLauncher(which=lambda _n: str(script))
    results = launcher.open(REQUESTS)
    assert all(r.ok for r in results)
    assert [p.poll() for p in launcher.processes] == [None, None]  # still running
    launcher.stop()
    assert launcher.processes == []


def test_side_by_side_columns() -> None:
    assert side_by_side(1, (0, 0, 1000, 800)) == [(0, 40)]
    assert side_by_side(3, (-1920, 0, 1920, 1080)) == [(-1920, 40), (-1280, 40), (-640, 40)]
