"""``python -m studio bench feed``: how fast the live feed goes, stage by stage, against its floor.

Figures (``--json`` prints them as one object):

* ``frames_per_s`` — raw BarrageGrab frames → parsed → text pipeline → committed rows.
* ``parse_us`` / ``pipeline_us`` / ``store_us`` — time per frame in each stage.
* ``floor_rows_per_s`` — bare ``sqlite3`` ``executemany`` of the same prepared rows (each batch's
  comments and audience figures, one transaction per batch, as the store writes them) into a
  copy of the database as the store found it: what the store could at best do;
  ``store_vs_floor`` is how far from it we are (both in comment rows per second; ``FeedStore``
  and the floor each write the prepared batches into fresh copies, alternately, five times:
  the best run of each). The pipeline prepares each row's values as stored (the time as text on SQLite);
  the store adds the room, skips exact resends and keeps foreign keys checked.
* ``batch_latency_p99_ms`` — from a batch's first event to its commit, frames at ``--rate``.
* ``gui_lag_p99_ms`` — the full main window offscreen with the feed at 1,000 frames/s: how late
  a 10 ms ``QTimer`` fires (99th percentile).
* ``gui_lag_filtered_p99_ms`` — the same, for as long again, with the feed filtered to new
  questions matching a search (the rows keep coming, each one through the filter; the one tick
  that spans the switch itself is left out: ``gui_filter_switch_ms`` is how long it took).
  ``--gui-rows N`` puts N made-up rows in the feed first (a long session's feed).
* ``flood_lag_p99_ms`` and the other ``flood_…`` figures — the window while one client floods
  the Kuaishou server at ``--flood-rate`` messages a second (see :mod:`studio.cli.bench_flood`;
  goal: under 50 ms at 20,000 a second).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import os
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from studio.cli.bench_control import add_control_bench
from studio.cli.bench_desk import add_desk_bench
from studio.cli.bench_flood import flood_lag
from studio.cli.bench_reports import add_reports_bench
from studio.cli.bench_seats import add_seats_bench
from studio.cli.common import print_figures
from studio.domain.feed_event import FeedEvent, RejectedFrame
from studio.domain.model import Platform, RoomRole
from studio.domain.studio_time import now_instant, studio_today
from studio.feed.adapters import BarrageGrabAdapter
from studio.feed.ingest import FeedIngest
from studio.feed.simulator import FeedSimulator, SimulatedRoom, load_content
from studio.store.database import Database, open_database
from studio.store.demo import seed_demo
from studio.store.feed_store import FeedStore, session_text_pipeline
from studio.store.repository import StudioRepository

BATCH = 2_000


def _p99(values: list[float]) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[98]


def _demo_db(folder: Path) -> tuple[Database, int]:

    db = open_database(f"sqlite:///{folder / 'bench.db'}")
    seed_demo(db, studio_today())
    session = StudioRepository(db).session_on(studio_today())
    assert session is not None
    return db, session.id


def _frames(count: int) -> list[str]:
    dept = load_content()["rooms"][1]["identity"]
    simulator = FeedSimulator([SimulatedRoom(Platform.DOUYIN, dept, RoomRole.DEPT)], seed=7)
    return [raw for _, raw in simulator.frames(count)]


def throughput(db: Database, session_id: int, count: int) -> dict[str, float]:
    """Frames → committed rows, synchronously in batches, timing each stage."""
    frames = _frames(count)
    # The floor starts where the store does: the same rows, and an empty write-ahead log (one
    # left over from setting up would make only the store pay for checkpointing it).
    floor_db = _snapshot(db)
    adapter = BarrageGrabAdapter()
    ingest = FeedIngest(session_text_pipeline(db), FeedStore(db, session_id).write)
    parse_s = prepare_s = store_s = 0.0
    rows = 0
    prepared_batches = []
    started = time.perf_counter()
    for first in range(0, len(frames), BATCH):
        t0 = time.perf_counter()
        events: list[FeedEvent] = []
        now = time.time()
        for raw in frames[first : first + BATCH]:
            result = adapter.parse(raw, now)
            if not isinstance(result, RejectedFrame):
                events.extend(result)
        t1 = time.perf_counter()
        batch = ingest.prepare(events)
        t2 = time.perf_counter()
        outcome = ingest.write(batch)
        t3 = time.perf_counter()
        parse_s, prepare_s, store_s = parse_s + t1 - t0, prepare_s + t2 - t1, store_s + t3 - t2
        rows += len(outcome.questions)
        prepared_batches.append(batch)
    total = time.perf_counter() - started
    store, floor = store_and_floor(floor_db, session_id, prepared_batches)
    return {
        "frames": count,
        "rows": rows,
        "frames_per_s": round(count / total),
        "parse_us": round(parse_s / count * 1e6, 2),
        "pipeline_us": round(prepare_s / count * 1e6, 2),
        "store_us": round(store_s / count * 1e6, 2),
        "store_rows_per_s": round(store),
        "floor_rows_per_s": round(floor),
        "store_vs_floor": round(floor / store, 2) if store else 0.0,
    }


def store_and_floor(
    snapshot: Path, session_id: int, batches: list[Any], runs: int = 5
) -> tuple[float, float]:
    """Comment rows per second of our store and of the floor, each writing ``batches`` into
    a fresh copy of ``snapshot``, alternately ``runs`` times: the best of each.

    One pass of each would compare two moments of a busy machine; alternating runs on equal
    copies compares the two writers, and the best run of each is the one the machine disturbed
    least (as ``timeit`` takes the minimum). Both run with automatic garbage collection off, as
    the store does in the app (``studio.gui_gc`` collects on the GUI thread instead, whose cost
    shows in ``gui_lag_p99_ms``); so a collection of the benchmark's own objects is no writer's.
    """
    comments = sum(len(b.comments) for b in batches)
    stores, floors = [], []
    for run in range(runs):
        copy = snapshot.with_name(f"store-{run}.db")
        shutil.copyfile(snapshot, copy)
        db = open_database(f"sqlite:///{copy}")
        try:
            store = FeedStore(db, session_id)
            with _no_automatic_gc():
                started = time.perf_counter()
                for batch in batches:
                    store.write(batch)
                stores.append(comments / (time.perf_counter() - started))
        finally:
            db.close()
        copy = snapshot.with_name(f"floor-{run}.db")
        shutil.copyfile(snapshot, copy)
        with _no_automatic_gc():
            floors.append(floor_rows_per_s(copy, session_id, batches))
    return max(stores), max(floors)


@contextlib.contextmanager
def _no_automatic_gc() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _snapshot(db: Database) -> Path:
    """Checkpoint ``db``'s write-ahead log and copy the database next to it (``floor.db``)."""
    path = Path(db.url.database or "")
    copy = path.with_name("floor.db")
    with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        source.backup(target)
    source.close()
    target.close()
    return copy


def floor_rows_per_s(copy: Path, session_id: int, batches: list[Any]) -> float:
    """Bare sqlite3: the same rows, one ``executemany`` per table and batch in one transaction
    per batch, into ``copy`` (a snapshot taken before the store wrote, see ``_snapshot``)."""
    conn = sqlite3.connect(copy)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    sql = (
        "INSERT INTO question (session_id, room_id, platform_msg_id, author_id, nickname, "
        "raw_text, display_text, received_at, status, flags, unit_id, cluster_id, channel) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    )
    facts_sql = (
        "INSERT INTO stats_sample (session_id, room_id, at, online, total_viewers, likes) "
        "VALUES (?, ?, ?, ?, ?, ?)"
    )
    room_id = conn.execute("SELECT max(id) FROM room").fetchone()[0]
    prepared = [
        [
            (
                session_id,
                room_id,
                c.msg_id,
                c.author_id,
                c.nickname,
                c.raw_text,
                c.display_text,
                c.received_text,
                "new",
                c.flags,
                c.unit_id,
                c.cluster_id,
                c.channel,
            )
            for c in batch.comments
        ]
        for batch in batches
    ]
    facts = [
        [
            (
                session_id,
                room_id,
                f.at.isoformat(" ", "microseconds"),
                f.online or 0,
                f.total_viewers or 0,
                f.likes,
            )
            for f in batch.facts
            if f.room_key
        ]
        for batch in batches
    ]
    seen: set[str] = set()
    for rows in prepared:  # the floor inserts unique rows only: no conflict handling to pay
        rows[:] = [r for r in rows if not (r[2] in seen or seen.add(r[2]))]  # type: ignore[func-returns-value]
    started = time.perf_counter()
    for rows, batch_facts in zip(prepared, facts, strict=True):
        with conn:
            conn.executemany(sql, rows)
            if batch_facts:
                conn.executemany(facts_sql, batch_facts)
    took = time.perf_counter() - started
    conn.close()
    return sum(len(rows) for rows in prepared) / took if took else 0.0


async def _latency(db: Database, session_id: int, rate: float, seconds: float) -> float:
    from studio.feed.sources import FeedRunner, SourceSpec

    ingest = FeedIngest(session_text_pipeline(db), FeedStore(db, session_id).write)
    runner = FeedRunner(ingest)
    await runner.start(SourceSpec("simulator", "", rate))
    await asyncio.sleep(seconds)
    await runner.stop()
    return _p99([t.latency_s * 1000 for t in ingest.timings])


def bench_window(db: Database, *, record: bool) -> tuple[Any, Any, Any]:
    """The app's window offscreen on a new qasync loop, with a live feed service whose stored
    batches reach the desk: ``(loop, desk, feed)``; close the loop when done."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    from studio.app import StudioDesk
    from studio.options import parse_options
    from studio.services.live_feed import LiveFeedService

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    desk = StudioDesk(app, db, parse_options([]), log_path=Path(os.devnull))
    feed = LiveFeedService(db, desk.tasks, record=record, parent=desk.window)
    feed.questionsAdded.connect(desk.window.desk.append_questions)
    # As in the app: this seat follows the change log (its own feed's rows come back through
    # it too, and cost what they cost).
    desk.services.sync.start()
    return loop, desk, feed


def gui_lag(
    db: Database, session_id: int, rate: float, seconds: float, preload: int = 0
) -> dict[str, float]:
    """The app's window offscreen with the feed at ``rate``: a 10 ms timer's lateness
    (with ``preload`` made-up rows in the feed first, to time a long session's feed)."""
    from studio.cli.loop_lag import LoopLag

    loop, desk, feed = bench_window(db, record=False)
    lag = LoopLag(10)
    phases: list[list[float]] = []
    switched = [0.0]

    async def run() -> int:
        desk.window.show()
        desk.refresh_all()
        await asyncio.sleep(0.5)
        if preload:
            # After the session's own questions are loaded (that load replaces the feed).
            for _ in range(100):
                if desk.window.desk.feed_model.rowCount():
                    break
                await asyncio.sleep(0.05)
            desk.window.desk.append_questions(_made_up_rows(preload))
        feed.start_simulator(session_id, rate)
        await asyncio.sleep(0.3)
        lag.start()
        await asyncio.sleep(seconds)
        tab = desk.window.desk
        switch = time.perf_counter()
        tab.set_view("new")
        tab.feed_filter.set_filter(search="暖气")
        switched[0] = (time.perf_counter() - switch) * 1000
        phases.append(lag.phase())
        await asyncio.sleep(seconds)
        phases.append(lag.stop())
        rows = tab.feed_model.rowCount()
        await feed.stop()
        await desk.shutdown()
        return rows

    try:
        rows = loop.run_until_complete(run())
    finally:
        loop.close()
        asyncio.set_event_loop(None)
    return {
        "gui_lag_p99_ms": round(_p99(phases[0]), 1),
        "gui_lag_filtered_p99_ms": round(_p99(phases[1][1:]), 1),
        "gui_filter_switch_ms": round(switched[0], 1),
        "gui_rows": rows,
    }


def _made_up_rows(count: int) -> list[Any]:
    """``count`` feed rows (negative ids: never a stored question's) as a long session leaves."""
    import datetime as dt

    from studio.domain.model import QuestionFlag, QuestionStatus
    from studio.domain.records import QuestionRecord

    at = now_instant() - dt.timedelta(hours=1)
    return [
        QuestionRecord(
            id=-n,
            received_at=at,
            room_role=RoomRole.GOV if n % 2 else RoomRole.DEPT,
            platform=Platform.DOUYIN,
            nickname=f"观众{n}",
            display_text=f"暖气不热怎么办？第{n}条",
            status=QuestionStatus.NEW,
            flags=QuestionFlag.IS_QUESTION,
            unit_name="",
            cluster_id=n % 500,
            channel="live",
        )
        for n in range(1, count + 1)
    ]


def cmd_bench_feed(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="studio-bench-") as folder:
        db, session_id = _demo_db(Path(folder))
        try:
            figures: dict[str, Any] = {"cores": os.cpu_count()}
            figures.update(throughput(db, session_id, args.frames))
            p99 = asyncio.run(_latency(db, session_id, args.rate, args.seconds))
            figures["batch_latency_p99_ms"] = round(p99, 1)
            if not args.no_gui:
                figures.update(gui_lag(db, session_id, 1000.0, args.seconds, args.gui_rows))
            if not args.no_gui and args.flood_rate > 0:
                figures.update(
                    flood_lag(db, session_id, Path(folder), args.flood_rate, args.seconds)
                )
        finally:
            db.close()
    print_figures(figures, args.json)
    return 0


def add_bench_commands(subparsers: Any) -> None:
    """Add ``bench feed`` and ``bench desk`` to the ``studio`` command's subparsers."""
    bench = subparsers.add_parser("bench", help="measure how fast parts of the studio go")
    what = bench.add_subparsers(dest="bench_what", required=True, metavar="WHAT")
    feed = what.add_parser("feed", help="the live feed: throughput, store floor, latency, GUI lag")
    feed.add_argument("--frames", type=int, default=20_000, help="frames for the throughput run")
    feed.add_argument("--rate", type=float, default=5_000.0, help="frames/s for the latency run")
    feed.add_argument("--seconds", type=float, default=3.0, help="length of the timed runs")
    feed.add_argument("--no-gui", action="store_true", help="skip the GUI lag measurement")
    feed.add_argument(
        "--gui-rows", type=int, default=0, help="rows already in the feed for the GUI lag run"
    )
    feed.add_argument(
        "--flood-rate",
        type=float,
        default=20_000.0,
        help="messages/s one client floods the Kuaishou server with (0: no flood run)",
    )
    feed.add_argument("--json", action="store_true", help="print one JSON object")
    feed.set_defaults(run=cmd_bench_feed)
    add_desk_bench(what)
    add_reports_bench(what)
    add_control_bench(what)
    add_seats_bench(what)
