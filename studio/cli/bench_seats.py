"""``python -m studio bench seats``: several seats on one PostgreSQL, against their floors.

Runs on a throwaway PostgreSQL cluster of the machine's own (``initdb``/``pg_ctl``, a Unix
socket in a temp folder; see :mod:`studio.cli.throwaway_postgres`), stopped at the end.

Figures (``--json`` prints them as one object):

* ``pg_store_rows_per_s`` / ``pg_floor_rows_per_s`` / ``pg_store_vs_floor`` — the live feed's
  store on PostgreSQL (the demo's prepared comment batches through ``FeedStore``, triggers and
  all) against bare psycopg ``executemany`` of the same rows into an identical copy, one
  transaction per batch, as ``bench feed`` does on SQLite; alternately ``--runs`` times, the best
  run of each.
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from typing import Any

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


def cmd_bench_seats(args: argparse.Namespace) -> int:
    cluster = start_cluster()
    if cluster is None:
        print(
            "bench seats needs the machine's PostgreSQL (initdb, pg_ctl): apt-get install postgresql"
        )
        return 2
    try:
        figures: dict[str, Any] = {}
        figures.update(pg_feed(cluster, args.frames, args.runs))
    finally:
        remove_cluster(cluster)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:28} {value}")
    return 0


def add_seats_bench(what: Any) -> None:
    seats = what.add_parser("seats", help="several seats on one PostgreSQL: sync, catch-up, feed")
    seats.add_argument("--frames", type=int, default=20_000, help="frames for the feed's run")
    seats.add_argument("--runs", type=int, default=3, help="alternate runs of store and floor")
    seats.add_argument("--json", action="store_true", help="print one JSON object")
    seats.set_defaults(run=cmd_bench_seats)
