"""``python -m studio bench control``: how fast the control API answers, and what it costs.

Figures (``--json`` prints them as one object), on the demo studio with its feed simulated at
``--feed-rate`` frames a second:

* ``action_p50_ms`` / ``action_p99_ms`` — an action's round trip over HTTP (``/api/timer/add``,
  stored and audited; goal p99 < 20 ms), from a client in another thread on a kept connection.
* ``ws_p50_ms`` / ``ws_p99_ms`` — from sending an action (a note) until a WebSocket client has
  the message that shows it.
* ``gui_lag_p99_ms`` — how late a 5 ms ``QTimer`` on the GUI loop fires while a client polls
  ``/api/status`` 20 times a second.
* ``cli_status_ms`` / ``bare_python_ms`` / ``cli_vs_bare`` — ``studio timer status --json``
  against ``python -c pass`` (the best of ``--cli-runs`` fresh interpreters each; goal < 3×);
  ``cli_full_status_ms`` / ``cli_full_vs_bare`` — the same through the full command line;
  ``cli_api_status_ms`` / ``cli_api_vs_bare`` — the same through the API (``--api``).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any


def _quantile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return round(values[0], 2) if values else 0.0
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 2)


def bench_control(
    actions: int, ws_changes: int, poll_s: float, feed_rate: float, cli_runs: int
) -> dict[str, Any]:
    """Build the demo studio serving the API, measure it, and time the command line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from studio.domain.studio_time import studio_today
    from studio.store.database import open_database
    from studio.store.demo import seed_demo

    figures: dict[str, Any] = {"cores": os.cpu_count(), "feed_rate": feed_rate}
    with tempfile.TemporaryDirectory(prefix="studio-bench-") as folder:
        path = Path(folder) / "control.db"
        db = open_database(f"sqlite:///{path}")
        try:
            seed_demo(db, studio_today())
        finally:
            db.close()
        figures.update(
            _api_run(path, studio_today(), actions, ws_changes, poll_s, feed_rate, cli_runs)
        )
        figures.update(_cli_start(f"sqlite:///{path}", cli_runs))
    if figures.get("bare_python_ms"):
        figures["cli_api_vs_bare"] = round(
            figures["cli_api_status_ms"] / figures["bare_python_ms"], 2
        )
    return figures


def _best_ms(argv: list[str], runs: int) -> float:
    """The fastest of ``runs`` fresh processes of ``argv``, in milliseconds."""
    took = []
    for _ in range(max(1, runs)):
        started = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        took.append(time.perf_counter() - started)
    return round(min(took) * 1000, 1)


def _cli_start(url: str, runs: int) -> dict[str, Any]:
    """``timer status --json`` in fresh interpreters against a bare one: as a script runs it
    (the read-only fast path), and through the full command line (``--lang`` sends it there:
    SQLAlchemy, Alembic's schema check); both must print the same timer, or it is no figure."""
    bare = _best_ms([sys.executable, "-c", "pass"], runs)
    command = ["timer", "status", "--db", url, "--session", "today", "--json"]
    quick = [sys.executable, "-m", "studio", *command]
    full = [sys.executable, "-m", "studio", "--lang", "en", *command]
    printed = [
        json.loads(subprocess.run(argv, capture_output=True, check=True).stdout)
        for argv in (quick, full)
    ]
    if list(printed[0]) != list(printed[1]) or printed[0]["session_id"] != printed[1]["session_id"]:
        raise RuntimeError(f"the two paths print different timers: {printed}")
    status = _best_ms(quick, runs)
    full_ms = _best_ms(full, runs)
    return {
        "bare_python_ms": bare,
        "cli_status_ms": status,
        "cli_vs_bare": round(status / bare, 2) if bare else None,
        "cli_full_status_ms": full_ms,
        "cli_full_vs_bare": round(full_ms / bare, 2) if bare else None,
    }


class _Client:
    """A plain HTTP client on one kept connection (what Companion's HTTP module does)."""

    def __init__(self, port: int) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def get(self, path: str) -> dict[str, Any]:
        self.connection.request("GET", path)
        response = self.connection.getresponse()
        body = json.loads(response.read())
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status} {body}")
        return dict(body)

    def close(self) -> None:
        self.connection.close()


def _once(port: int, path: str) -> None:
    client = _Client(port)
    try:
        client.get(path)
    finally:
        client.close()


def _round_trips(port: int, actions: int) -> list[float]:
    client = _Client(port)
    took = []
    try:
        for index in range(actions):
            started = time.perf_counter()
            client.get(f"/api/timer/add/{1 if index % 2 == 0 else -1}")
            took.append((time.perf_counter() - started) * 1000)
    finally:
        client.close()
    return took


def _ws_latency(port: int, changes: int) -> list[float]:
    from websockets.sync.client import connect

    client = _Client(port)
    took = []
    try:
        with connect(f"ws://127.0.0.1:{port}/api/ws", open_timeout=10) as ws:
            json.loads(ws.recv(timeout=10))  # the snapshot
            for index in range(changes):
                text = f"bench {index}"
                started = time.perf_counter()
                client.get("/api/screen/note?" + urllib.parse.urlencode({"text": text}))
                while True:
                    message = json.loads(ws.recv(timeout=10))
                    if (message.get("note") or {}).get("text") == text:
                        break
                took.append((time.perf_counter() - started) * 1000)
    finally:
        client.close()
    return took


def _poll_status(port: int, seconds: float, stop: threading.Event) -> int:
    client = _Client(port)
    polls = 0
    deadline = time.perf_counter() + seconds
    try:
        while time.perf_counter() < deadline and not stop.is_set():
            client.get("/api/status")
            polls += 1
            time.sleep(0.05)
    finally:
        client.close()
    return polls


def _api_run(
    path: Path,
    today: dt.date,
    actions: int,
    ws_changes: int,
    poll_s: float,
    feed_rate: float,
    cli_runs: int,
) -> dict[str, Any]:
    import qasync
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from studio.api.server import ApiAccess
    from studio.app import StudioDesk
    from studio.cli.loop_lag import LoopLag
    from studio.gui_gc import GuiThreadCollector
    from studio.options import parse_options
    from studio.store.database import open_database

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    figures: dict[str, Any] = {}
    meter = LoopLag(5)
    db = open_database(f"sqlite:///{path}")
    collector = GuiThreadCollector()
    collector.start()

    async def run() -> None:
        desk = StudioDesk(
            app, db, parse_options([]), today=lambda: today, log_path=Path(os.devnull)
        )
        desk.window.show()
        desk.refresh_all()
        deadline = time.perf_counter() + 30
        while desk.timer.snapshot is None or desk.moderation.session_id is None:
            assert time.perf_counter() < deadline, "the demo session did not load"
            await asyncio.sleep(0.01)
        await desk._settle()
        port = await desk.start_api(ApiAccess(host="127.0.0.1", port=0))
        assert port is not None
        session_id = desk.timer.session_id
        assert session_id is not None
        if feed_rate > 0:
            desk.services.live_feed.start_simulator(session_id, rate=feed_rate)
        await asyncio.sleep(1.0)
        in_thread = loop.run_in_executor
        await in_thread(None, _once, port, "/api/timer/go")
        took = await in_thread(None, _round_trips, port, actions)
        figures["actions"] = len(took)
        figures["action_p50_ms"] = _quantile(took, 50)
        figures["action_p99_ms"] = _quantile(took, 99)
        seen = await in_thread(None, _ws_latency, port, ws_changes)
        figures["ws_changes"] = len(seen)
        figures["ws_p50_ms"] = _quantile(seen, 50)
        figures["ws_p99_ms"] = _quantile(seen, 99)
        stop = threading.Event()
        meter.start()
        try:
            figures["status_polls"] = await in_thread(None, _poll_status, port, poll_s, stop)
        finally:
            stop.set()
            lags = meter.stop()
        figures["gui_lag_p99_ms"] = _quantile(lags, 99)
        figures["gui_lag_max_ms"] = round(max(lags, default=0.0), 1)
        command = ["timer", "status", "--api", f"127.0.0.1:{port}", "--json"]
        argv = [sys.executable, "-m", "studio", *command]
        figures["cli_api_status_ms"] = await in_thread(None, _best_ms, argv, cli_runs)
        await desk.shutdown()

    try:
        loop.run_until_complete(run())
    finally:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        collector.stop()
        loop.close()
        asyncio.set_event_loop(None)
        db.close()
    return figures


def cmd_bench_control(args: argparse.Namespace) -> int:
    figures = bench_control(
        args.actions, args.ws_changes, args.poll_s, args.feed_rate, args.cli_runs
    )
    from studio.cli.common import print_figures

    print_figures(figures, args.json)
    return 0


def add_control_bench(what: Any) -> None:
    """Add ``bench control`` to the ``bench`` command's subparsers."""
    control = what.add_parser(
        "control", help="the control API: action round trip, WebSocket latency, GUI lag, CLI start"
    )
    control.add_argument("--actions", type=int, default=300, help="actions to time over HTTP")
    control.add_argument("--ws-changes", type=int, default=100, help="changes to see over the WS")
    control.add_argument(
        "--poll-s", type=float, default=5.0, help="seconds of /api/status polled 20 times a second"
    )
    control.add_argument(
        "--feed-rate", type=float, default=50.0, help="simulated comments a second meanwhile"
    )
    control.add_argument("--cli-runs", type=int, default=5, help="fresh interpreters per figure")
    control.add_argument("--json", action="store_true", help="print one JSON object")
    control.set_defaults(run=cmd_bench_control)
