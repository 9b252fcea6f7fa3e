"""``python -m studio bench desk``: a long session's desk — opening it, and a key to the official.

Figures (``--json`` prints them as one object), on a copy of the demo studio whose session of
the day holds ``--comments`` stored comments (129,000 by default, a long session's count):

* ``bare_start_ms`` — a bare ``QApplication`` and one shown, empty window, to its first paint:
  the floor any Qt start-up pays here.
* ``desk_usable_ms`` — the app's whole window built and shown until the feed shows the
  session's first page of rows (the moderator can work); ``desk_loaded_ms`` — until every
  stored comment is in the feed; ``desk_vs_bare_ms`` — how much more the desk takes than the
  bare start until usable.
* ``start_stall_max_ms`` — the longest the GUI thread was busy from showing the window until
  every comment was in (how late a 5 ms ``QTimer`` fired, at most): every tab's first load, not
  only the feed's.
* ``load_stall_max_ms`` / ``load_stall_p99_ms`` — the same during the paged load alone: the
  session opened again once the desk has settled, timed from its emptied feed on
  (``reload_ms`` is how long that load took; ``reset_ms`` how long emptying the feed of
  ``--comments`` rows took, the one reset a change of session makes).
* ``import_app_ms`` / ``import_qt_ms`` — importing the app (``studio.app``) and Qt's widgets
  alone, each in a fresh interpreter (the figures above start after the imports).
* ``key_to_official_p99_ms`` / ``key_to_official_max_ms`` — ``--presses`` presses of Enter (put
  on air) on a new row of the feed until the official's screen shows that question: the store's
  round trip, the desk's model, the queue and the official's screen; each press on a settled
  desk (the work the previous one started is done).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from studio.cli.common import print_figures
from studio.domain.model import QuestionFlag, QuestionStatus
from studio.domain.studio_time import now_instant
from studio.store.database import Database, open_database
from studio.store.demo import seed_demo
from studio.store.models import Question, Room

#: Stored comments in the benchmark's session: the count the issue reopened with.
LONG_SESSION = 129_000


def fill_session(
    db: Database,
    session_id: int,
    count: int,
    *,
    queued: tuple[int, ...] = (),
    start: dt.datetime | None = None,
) -> None:
    """Store ``count`` made-up comments in the session, fast (one multi-row insert per 10,000).

    Args:
        queued: 0-based places of comments stored as queued questions (in that queue order).
        start: the first comment's time (default: 15:00 on the session's day, or now).
    """
    with db.engine.begin() as conn:
        rooms = list(conn.scalars(select(Room.id).order_by(Room.id)))
        if start is None:
            start = now_instant().replace(microsecond=0) - dt.timedelta(hours=1)
        waiting = {place: n for n, place in enumerate(queued, start=1)}
        rows: list[dict[str, Any]] = []
        for n in range(count):
            text = f"第{n}条：暖气不热怎么办？" if n % 3 else f"第{n}条 主播好"
            rows.append(
                {
                    "session_id": session_id,
                    "room_id": rooms[n % len(rooms)] if rooms else None,
                    "platform_msg_id": f"bench-{session_id}-{n}",
                    "author_id": f"u{n % 5000}",
                    "nickname": f"观众{n % 5000}",
                    "raw_text": text,
                    "display_text": text,
                    "received_at": start + dt.timedelta(milliseconds=20 * n),
                    "status": QuestionStatus.QUEUED if n in waiting else QuestionStatus.NEW,
                    "flags": int(QuestionFlag.IS_QUESTION) if n % 3 else 0,
                    "unit_id": None,
                    "cluster_id": n % 700 if n % 3 else None,
                    "channel": "live",
                    "queue_position": waiting.get(n),
                }
            )
            if len(rows) == 10_000:
                conn.execute(insert(Question), rows)
                rows = []
        if rows:
            conn.execute(insert(Question), rows)


def _p99(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def bench_desk(comments: int, presses: int, import_runs: int = 3) -> dict[str, Any]:
    """Build a studio with a ``comments``-long session of today and measure its desk."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    figures: dict[str, Any] = {"cores": os.cpu_count(), "comments": comments}
    with tempfile.TemporaryDirectory(prefix="studio-bench-") as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'desk.db'}")
        try:
            today = dt.date.today()
            seed_demo(db, today)
            from studio.store.repository import StudioRepository

            session = StudioRepository(db).session_on(today)
            assert session is not None
            fill_session(db, session.id, comments)
            figures["stored"] = len(StudioRepository(db).questions(session.id))
        finally:
            db.close()
        figures["import_qt_ms"] = _import_ms("PySide6.QtWidgets", import_runs)
        figures["import_app_ms"] = _import_ms("studio.app", import_runs)
        figures["bare_start_ms"] = _bare_start_ms()
        figures.update(_desk_run(Path(folder) / "desk.db", today, presses))
    figures["desk_vs_bare_ms"] = round(figures["desk_usable_ms"] - figures["bare_start_ms"], 1)
    return figures


def _import_ms(module: str, runs: int) -> float:
    """Milliseconds to import ``module`` in a fresh interpreter (the best of ``runs``)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    took = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(max(1, runs))
    ]
    return round(min(took) * 1000, 1)


def _bare_start_ms() -> float:
    """A bare QApplication and an empty window to its first paint (the app's object is reused
    in this process, so this times what a started Qt costs for one window)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    started = time.perf_counter()
    app = QApplication.instance() or QApplication([])
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.perf_counter())
            return False

    window = QMainWindow()
    window.resize(1280, 800)
    spy = FirstPaint()
    window.installEventFilter(spy)
    window.show()
    while not painted and time.perf_counter() - started < 10:
        app.processEvents()
    window.close()
    window.deleteLater()
    took = (painted[0] if painted else time.perf_counter()) - started
    return round(took * 1000, 1)


def _desk_run(path: Path, today: dt.date, presses: int) -> dict[str, Any]:
    import qasync
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from studio.app import StudioDesk
    from studio.cli.loop_lag import LoopLag
    from studio.gui_gc import GuiThreadCollector
    from studio.options import parse_options

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    figures: dict[str, Any] = {}
    lag = LoopLag(5)

    def timing() -> None:
        lag.start()

    db = open_database(f"sqlite:///{path}")
    # As the app runs: garbage is collected on the GUI thread, from a timer (``gui_gc``).
    collector = GuiThreadCollector()
    collector.start()

    async def run() -> None:
        started = time.perf_counter()
        desk = StudioDesk(
            app, db, parse_options([]), today=lambda: today, log_path=Path(os.devnull)
        )
        model = desk.window.desk.feed_model
        desk.window.show()
        desk.refresh_all()
        timing()
        while not model.rowCount():
            await asyncio.sleep(0.001)
        figures["desk_usable_ms"] = round((time.perf_counter() - started) * 1000, 1)
        while model.loading:
            await asyncio.sleep(0.001)
        stalls = lag.stop()
        figures["desk_loaded_ms"] = round((time.perf_counter() - started) * 1000, 1)
        figures["feed_rows"] = model.rowCount()
        figures["start_stall_max_ms"] = round(max(stalls, default=0.0), 1)
        await desk._settle()
        await asyncio.sleep(0.5)
        # The paged load alone: the same session opened again on a settled desk.
        # Timed from the empty feed on: the reset that empties a long feed is the session
        # change's, once (its figure: ``reset_ms``).
        session_id = desk.feed.session_id
        desk.feed.session_id = None
        desk.feed.sessionOpened.connect(lambda _id: timing())
        reload = time.perf_counter()
        desk.feed.refresh(session_id)
        figures["reset_ms"] = round((time.perf_counter() - reload) * 1000, 1)
        while model.loading:
            await asyncio.sleep(0.001)
        figures["reload_ms"] = round((time.perf_counter() - reload) * 1000, 1)
        await asyncio.sleep(0.05)
        stalls = lag.stop()
        figures["load_stall_max_ms"] = round(max(stalls, default=0.0), 1)
        figures["load_stall_p99_ms"] = round(_p99(stalls), 1)
        figures.update(await _presses(desk, presses, QTest))
        await desk.shutdown()

    try:
        loop.run_until_complete(run())
    finally:
        # The shut-down desk's windows and services are deleted here, on the GUI thread: a
        # collection that happened to run later in a worker thread would destroy QObjects
        # (and their timers) from the wrong thread, as the tests' desk fixture also avoids.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        collector.stop()
        loop.close()
        asyncio.set_event_loop(None)
        db.close()
    return figures


async def _presses(desk: Any, presses: int, qtest: Any) -> dict[str, Any]:
    """Enter (put on air) on one new row after another, until the official's screen shows it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = desk.window
    tab = window.desk
    view, proxy, model = tab.feed_view, tab.feed_filter, tab.feed_model
    # The keys are the desk's shortcuts: they need its window active and the feed in focus.
    window.tabs.setCurrentWidget(tab)
    window.activateWindow()
    view.setFocus()
    deadline = time.perf_counter() + 5
    while not (QApplication.activeWindow() is window and view.hasFocus()):
        assert time.perf_counter() < deadline, "the desk did not take the keyboard"
        await asyncio.sleep(0.01)
    took: list[float] = []
    shown = 0
    row = model.rowCount()
    # Timed to the moment the official's screen is given the question, not by polling: a
    # polling loop here would flood the event loop with timers and take the GIL from the
    # worker thread that stores the move, and so measure itself.
    expected = [""]
    arrived = asyncio.Event()
    arrived_at = [0.0]
    official = desk.official
    show_view = official.show_view

    def showing(official_view: Any) -> None:
        show_view(official_view)
        if not arrived.is_set() and _official_focus(desk) == expected[0]:
            arrived_at[0] = time.perf_counter()
            arrived.set()

    official.show_view = showing
    try:
        for _ in range(presses):
            # Each press on a settled desk (as a person presses): the last one's work is done.
            await desk._settle()
            await asyncio.sleep(0.05)
            row -= 1
            while model.record(row).status != QuestionStatus.NEW:
                row -= 1
            question = model.record(row)
            view.selectRow(proxy.row_of(question.id))
            expected[0] = question.display_text
            arrived.clear()
            started = time.perf_counter()
            qtest.keyClick(view, Qt.Key.Key_Return)
            try:
                await asyncio.wait_for(arrived.wait(), timeout=5)
            except TimeoutError:
                took.append(5000.0)
                continue
            took.append((arrived_at[0] - started) * 1000)
            shown += 1
    finally:
        del official.show_view  # the class's method again
    return {
        "presses": presses,
        "presses_shown": shown,
        "key_to_official_p99_ms": round(_p99(took), 1),
        "key_to_official_max_ms": round(max(took, default=0.0), 1),
    }


def _official_focus(desk: Any) -> str:
    """The question text on the official's screen (its label, as painted)."""
    return str(desk.official._focus_text.text())


def cmd_bench_desk(args: argparse.Namespace) -> int:
    figures = bench_desk(args.comments, args.presses, args.import_runs)
    print_figures(figures, args.json)
    return 0


def add_desk_bench(what: Any) -> None:
    """Add ``bench desk`` to the ``bench`` command's subparsers."""
    desk = what.add_parser("desk", help="a long session's desk: start-up, paged load, key latency")
    desk.add_argument(
        "--comments", type=int, default=LONG_SESSION, help="stored comments in the session"
    )
    desk.add_argument("--presses", type=int, default=200, help="key presses to time")
    desk.add_argument(
        "--import-runs", type=int, default=3, help="fresh interpreters per import figure"
    )
    desk.add_argument("--json", action="store_true", help="print one JSON object")
    desk.set_defaults(run=cmd_bench_desk)
