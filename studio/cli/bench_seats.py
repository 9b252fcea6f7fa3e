"""``python -m studio bench seats``: several seats on one PostgreSQL, against their floors.

Runs on a throwaway PostgreSQL cluster of the machine's own (``initdb``/``pg_ctl``, a Unix
socket in a temp folder; see :mod:`studio.cli.throwaway_postgres`), stopped at the end.

Figures (``--json`` prints them as one object):

* ``move_seen_p50_ms`` / ``move_seen_p99_ms`` — three seats (three connections, each with its
  own listener and sync service, as three PCs would have) on the demo; seat A flags or unflags
  a question (``--moves`` of them, one at a time), and the time from the key to the moved row
  reaching seat B's and seat C's desk (their ``questionsChanged``) is taken (goal: p99 under
  200 ms).
* ``catchup_s`` — seat B's listener is stopped (its network gone) for ``--disconnect-s``
  seconds while seat A's ingest stores ``--missed`` comments (each one a change B missed); then
  B listens again: the time until every missed comment has reached its desk
  (``catchup_changes`` of them, read from the change log since B's last revision).
* ``pg_store_rows_per_s`` / ``pg_floor_rows_per_s`` / ``pg_store_vs_floor`` — the live feed's
  store on PostgreSQL (the demo's prepared comment batches through ``FeedStore``, triggers and
  all) against bare psycopg ``executemany`` of the same rows into an identical copy, one
  transaction per batch, as ``bench feed`` does on SQLite; alternately ``--runs`` times, the best
  run of each.
"""

from __future__ import annotations

import argparse
import gc
import time
from typing import Any

from studio.cli.common import print_figures
from studio.cli.throwaway_postgres import PostgresCluster, remove_cluster, start_cluster
from studio.store.database import open_database

BATCH = 2_000


def _prepared_batches(db: Any, session_id: int, frames: int) -> list[Any]:
    from studio.cli.bench import _frames
    from studio.domain.feed_event import FeedEvent, RejectedFrame
    from studio.feed.adapters import BarrageGrabAdapter
    from studio.feed.ingest import FeedIngest
    from studio.store.feed_store import FeedStore, session_text_pipeline

    adapter = BarrageGrabAdapter()
    ingest = FeedIngest(session_text_pipeline(db), FeedStore(db, session_id).write)
    raw = _frames(frames)
    batches = []
    now = time.time()
    for first in range(0, len(raw), BATCH):
        events: list[FeedEvent] = []
        for frame in raw[first : first + BATCH]:
            result = adapter.parse(frame, now)
            if not isinstance(result, RejectedFrame):
                events.extend(result)
        batches.append(ingest.prepare(events))
    return batches


def _floor_rows_per_s(
    cluster: PostgresCluster, name: str, session_id: int, batches: list[Any]
) -> float:
    """Bare psycopg: the same comment rows, one ``executemany`` per batch and transaction."""
    import psycopg

    sql = (
        "INSERT INTO question (session_id, room_id, platform_msg_id, author_id, nickname, "
        "raw_text, display_text, received_at, status, flags, unit_id, cluster_id, channel, "
        "raw_nickname) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
    )
    with psycopg.connect(host=str(cluster.socket_dir), user=cluster.user, dbname=name) as conn:
        room_id = conn.execute("SELECT max(id) FROM room").fetchone()[0]  # type: ignore[index]
        seen: set[str] = set()
        prepared = []
        for batch in batches:
            rows = []
            for c in batch.comments:
                if c.msg_id in seen:
                    continue
                seen.add(c.msg_id)
                rows.append(
                    (
                        session_id,
                        room_id,
                        c.msg_id,
                        c.author_id,
                        c.nickname,
                        c.raw_text,
                        c.display_text,
                        c.received_at,
                        "new",
                        c.flags,
                        c.unit_id,
                        c.cluster_id,
                        c.channel,
                        c.raw_nickname,
                    )
                )
            prepared.append(rows)
        started = time.perf_counter()
        for rows in prepared:
            with conn.transaction(), conn.cursor() as cursor:
                cursor.executemany(sql, rows)
        took = time.perf_counter() - started
    return sum(len(rows) for rows in prepared) / took if took else 0.0


def pg_feed(cluster: PostgresCluster, frames: int, runs: int) -> dict[str, float]:
    """The feed's store on PostgreSQL against its bare-SQL floor (see the module's text)."""
    from studio.domain.studio_time import studio_today
    from studio.store.demo import seed_demo
    from studio.store.feed_store import FeedStore
    from studio.store.repository import StudioRepository

    template = cluster.new_database()
    db = open_database(cluster.url(template))
    seed_demo(db, studio_today())
    session = StudioRepository(db).session_on(studio_today())
    assert session is not None
    batches = _prepared_batches(db, session.id, frames)
    db.close()
    comments = sum(len(b.comments) for b in batches)
    stores, floors = [], []
    for _ in range(runs):
        name = cluster.new_database(template=template)
        db = open_database(cluster.url(name))
        store = FeedStore(db, session.id)
        gc.collect()
        gc.disable()
        try:
            started = time.perf_counter()
            for batch in batches:
                store.write(batch)
            stores.append(comments / (time.perf_counter() - started))
        finally:
            gc.enable()
            db.close()
            cluster.drop_database(name)
        name = cluster.new_database(template=template)
        gc.collect()
        gc.disable()
        try:
            floors.append(_floor_rows_per_s(cluster, name, session.id, batches))
        finally:
            gc.enable()
            cluster.drop_database(name)
    store, floor = max(stores), max(floors)
    return {
        "pg_comments": comments,
        "pg_store_rows_per_s": round(store),
        "pg_floor_rows_per_s": round(floor),
        "pg_store_vs_floor": round(floor / store, 2) if store else 0.0,
    }


def _seat(url: str, session: Any, tasks: Any) -> tuple[Any, Any, Any]:
    """One seat: its own connections, moderation and sync, following today's session."""
    from studio.services.moderation import ModerationService
    from studio.services.sync import SyncService
    from studio.store.repository import StudioRepository

    db = open_database(url)
    repository = StudioRepository(db)
    moderation = ModerationService(db, repository, tasks)
    moderation.follow_session(session)
    sync = SyncService(db, tasks, repository=repository)
    sync.follow_session(session)
    return db, moderation, sync


def seats_sync(cluster: PostgresCluster, moves: int, missed: int, disconnect_s: float) -> dict[str, Any]:
    """Three seats on one database: a move's way to the others, and a long disconnect's
    catch-up (see the module's text)."""
    import asyncio
    import os
    import statistics

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from studio.domain.feed_event import FeedEvent, FeedEventKind
    from studio.domain.model import Platform, QuestionStatus
    from studio.domain.studio_time import studio_today
    from studio.feed.ingest import FeedIngest
    from studio.services.tasks import BackgroundTasks
    from studio.store.demo import seed_demo
    from studio.store.feed_store import FeedStore, session_text_pipeline
    from studio.store.models import Question
    from studio.store.repository import StudioRepository

    name = cluster.new_database()
    url = cluster.url(name)
    setup = open_database(url)
    seed_demo(setup, studio_today())
    session = StudioRepository(setup).session_on(studio_today())
    assert session is not None
    with setup.sessions() as s:
        targets = list(
            s.scalars(
                select(Question.id)
                .where(Question.session_id == session.id, Question.status == QuestionStatus.NEW)
                .order_by(Question.id)
                .limit(20)
            )
        )
    setup.close()
    app = QApplication.instance() or QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    tasks = BackgroundTasks()
    seats = [_seat(url, session, tasks) for _ in range(3)]
    (db_a, desk_a, _sync_a), (_db_b, _desk_b, sync_b), (_db_c, _desk_c, sync_c) = seats
    seen: dict[str, asyncio.Future[float]] = {}
    expected: dict[str, str] = {}

    def watch(label: str, sync: Any) -> None:
        def changed(records: list[Any]) -> None:
            future = seen.get(label)
            if future is None or future.done():
                return
            if any(r.id == expected["id"] and r.status == expected["status"] for r in records):
                future.set_result(time.perf_counter())

        sync.questionsChanged.connect(changed)

    watch("b", sync_b)
    watch("c", sync_c)
    inserted: list[int] = []
    sync_b.questionsInserted.connect(lambda records: inserted.append(len(records)))

    async def run() -> dict[str, Any]:
        for _db, _desk, sync in seats:
            sync.start()
        deadline = time.monotonic() + 30
        while not all(sync.listening and sync.revision for _db, _desk, sync in seats):
            if time.monotonic() > deadline:
                raise RuntimeError("the seats did not start listening within 30 s")
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.5)  # the first catch-up reads are done
        lags: list[float] = []
        for n in range(moves):
            question = targets[n % len(targets)]
            flag = (n // len(targets)) % 2 == 0
            expected["id"] = question
            expected["status"] = QuestionStatus.FLAGGED if flag else QuestionStatus.NEW
            seen["b"], seen["c"] = loop.create_future(), loop.create_future()
            pressed = time.perf_counter()
            desk_a.act("flag" if flag else "unflag", [question])
            arrived = await asyncio.wait_for(asyncio.gather(seen["b"], seen["c"]), timeout=10)
            lags.extend((at - pressed) * 1000 for at in arrived)
            await asyncio.sleep(0.02)
        # The disconnect: B stops listening; A's ingest stores the comments B misses.
        await sync_b.stop()
        offline_since = time.monotonic()
        ingest = FeedIngest(session_text_pipeline(db_a), FeedStore(db_a, session.id).write)
        events = [
            FeedEvent(
                kind=FeedEventKind.COMMENT,
                platform=Platform.DOUYIN,
                room_key="bench-room",
                msg_id=f"missed-{i}",
                received_at=time.time(),
                nickname=f"观众{i}",
                text=f"第{i}条：请问社保卡怎么补办？",
            )
            for i in range(missed)
        ]
        for first in range(0, missed, 500):
            await tasks.in_thread(ingest.write, ingest.prepare(events[first : first + 500]))
        await asyncio.sleep(max(0.0, disconnect_s - (time.monotonic() - offline_since)))
        inserted.clear()
        back = time.perf_counter()
        sync_b.resume()
        deadline = time.monotonic() + 120
        while sum(inserted) < missed:
            if time.monotonic() > deadline:
                raise RuntimeError(f"seat B caught up with {sum(inserted)} of {missed} in 120 s")
            await asyncio.sleep(0.005)
        catchup = time.perf_counter() - back
        for _db, _desk, sync in seats:
            await sync.stop()
        await tasks.shutdown()
        quantiles = statistics.quantiles(lags, n=100, method="inclusive")
        return {
            "seats": len(seats),
            "moves": moves,
            "move_seen_p50_ms": round(statistics.median(lags), 1),
            "move_seen_p99_ms": round(quantiles[98], 1),
            "move_seen_max_ms": round(max(lags), 1),
            "disconnect_s": disconnect_s,
            "catchup_changes": missed,
            "catchup_s": round(catchup, 2),
        }

    try:
        return loop.run_until_complete(run())
    finally:
        for db, _desk, _sync in seats:
            db.close()
        loop.close()
        asyncio.set_event_loop(None)
        cluster.drop_database(name)


def cmd_bench_seats(args: argparse.Namespace) -> int:
    cluster = start_cluster()
    if cluster is None:
        print(
            "bench seats needs the machine's PostgreSQL (initdb, pg_ctl): apt-get install postgresql"
        )
        return 2
    try:
        figures: dict[str, Any] = {}
        figures.update(seats_sync(cluster, args.moves, args.missed, args.disconnect_s))
        figures.update(pg_feed(cluster, args.frames, args.runs))
    finally:
        remove_cluster(cluster)
    print_figures(figures, args.json)
    return 0


def add_seats_bench(what: Any) -> None:
    seats = what.add_parser("seats", help="several seats on one PostgreSQL: sync, catch-up, feed")
    seats.add_argument("--frames", type=int, default=20_000, help="frames for the feed's run")
    seats.add_argument("--runs", type=int, default=3, help="alternate runs of store and floor")
    seats.add_argument("--moves", type=int, default=200, help="moves seat A makes, one at a time")
    seats.add_argument(
        "--missed", type=int, default=10_000, help="changes seat B misses while disconnected"
    )
    seats.add_argument(
        "--disconnect-s", type=float, default=60.0, help="how long seat B is disconnected"
    )
    seats.add_argument("--json", action="store_true", help="print one JSON object")
    seats.set_defaults(run=cmd_bench_seats)
