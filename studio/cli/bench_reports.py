"""``python -m studio bench reports``: the reports on a generated year, against bare SQL.

A year of sessions (``--sessions`` 250 on working days, ``--comments`` 1,000,000 among them,
two rooms sampled each minute) is written into a copy of the demo with bare ``sqlite3``; then:

* ``period_s`` — each unit's period figures for the year (:func:`studio.store.reports.unit_period`:
  distinct questions per session, viewers, the referral figures); ``period_bare_s`` — the same
  counts (per session: comments, distinct questions, answered, referred; per room: the largest
  viewer count) in one bare ``sqlite3`` query each; goal: ``period_s`` under 1 s.
* ``session_pdf_s`` — one session's report read and written as PDF (charts drawn);
  ``session_bare_s`` — that session's counts in bare SQL; goal: ``session_pdf_s`` under 2 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from studio.cli.common import print_figures
from studio.domain.calendar import is_working_day
from studio.domain.studio_time import studio_epoch
from studio.store.database import open_database
from studio.store.demo import seed_demo
from studio.store.reports import session_report, unit_period

_FIRST = dt.date(2025, 1, 2)

_BARE_TALLY = """
SELECT session_id, count(*), sum(answered), sum(referred AND NOT answered) FROM (
  SELECT session_id,
         max(status = 'answered') AS answered, max(status = 'referred') AS referred
  FROM question
  WHERE session_id IN ({sessions}) AND (flags & 1) != 0 AND status != 'hidden'
  GROUP BY session_id, cluster_id IS NULL, coalesce(cluster_id, id)
) GROUP BY session_id
"""
_BARE_COMMENTS = (
    "SELECT session_id, count(*) FROM question WHERE session_id IN ({sessions}) GROUP BY session_id"
)
_BARE_VIEWERS = (
    "SELECT session_id, room_id, max(total_viewers) FROM stats_sample "
    "WHERE session_id IN ({sessions}) GROUP BY session_id, room_id"
)


def _text(instant: dt.datetime) -> str:
    return instant.isoformat(" ", "microseconds")


def generate_year(path: Path, sessions: int, comments: int) -> tuple[dt.date, dt.date, int]:
    """Add ``sessions`` ended sessions on working days from 2025-01-02, with ``comments``
    comments among them (units drawing from one to nine questions in ten comments, in clusters of about four; audiences growing over the year) and two rooms'
    samples each minute; returns the first and last day and the last session's id."""
    conn = sqlite3.connect(path)
    units = [row[0] for row in conn.execute("SELECT id FROM unit WHERE retired = 0 ORDER BY id")]
    rooms = [row[0] for row in conn.execute("SELECT id FROM room ORDER BY id")][:2]
    days: list[dt.date] = []
    day = _FIRST
    while len(days) < sessions:
        if is_working_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    per_session = comments // sessions
    session_id = 0
    with conn:
        for n, day in enumerate(days):
            cursor = conn.execute(
                'INSERT INTO session (date, start, "end", unit_id, topic, status) '
                "VALUES (?, '15:00:00.000000', '16:00:00.000000', ?, ?, 'ended')",
                (day.isoformat(), units[n % len(units)], f"第{n + 1}期"),
            )
            session_id = int(cursor.lastrowid or 0)
            start = dt.datetime.fromtimestamp(studio_epoch(day, dt.time(15, 0)), dt.UTC).replace(
                tzinfo=None
            )
            # Units differ (some draw few questions), and the studio grows over the year.
            share = 1 + (n % len(units)) * 7 % 9  # tenths of the comments that are questions
            audience = 40 + 25 * ((n * 5) % 7) + n // 5
            rows = []
            for k in range(per_session):
                question = k % 10 < share
                status = "new"
                if question and k % 40 == 1:
                    status = "answered"
                elif question and k % 55 == 2:
                    status = "referred"
                rows.append(
                    (
                        session_id,
                        rooms[k % len(rooms)],
                        f"m{k}",
                        f"a{k % 900}",
                        "观众",
                        "请问办理需要什么材料？",
                        "请问办理需要什么材料？",
                        _text(start + dt.timedelta(seconds=3600 * k / per_session)),
                        status,
                        1 if question else 0,
                        units[(n + k) % len(units)],
                        (k // 4) + 1 if question and k % 7 else None,
                        "live",
                    )
                )
            conn.executemany(
                "INSERT INTO question (session_id, room_id, platform_msg_id, author_id, "
                "nickname, raw_text, display_text, received_at, status, flags, unit_id, "
                "cluster_id, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "INSERT INTO stats_sample (session_id, room_id, at, online, total_viewers, "
                "likes) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        session_id,
                        room,
                        _text(start + dt.timedelta(minutes=m)),
                        500 + m,
                        audience * m,
                        30 * m,
                    )
                    for room in rooms
                    for m in range(61)
                ],
            )
    conn.close()
    return days[0], days[-1], session_id


def _bare(path: Path, sessions: str) -> float:
    conn = sqlite3.connect(path)
    try:
        started = time.perf_counter()
        for sql in (_BARE_TALLY, _BARE_COMMENTS, _BARE_VIEWERS):
            conn.execute(sql.format(sessions=sessions)).fetchall()
        return time.perf_counter() - started
    finally:
        conn.close()


def cmd_bench_reports(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="studio-bench-") as folder:
        path = Path(folder) / "year.db"
        db = open_database(f"sqlite:///{path}")
        try:
            seed_demo(db, dt.date(2026, 11, 26))
            started = time.perf_counter()
            first, last, session_id = generate_year(path, args.sessions, args.comments)
            figures: dict[str, Any] = {
                "sessions": args.sessions,
                "comments": args.comments,
                "generate_s": round(time.perf_counter() - started, 2),
            }
            held = (
                f"SELECT id FROM session WHERE date >= '{first.isoformat()}' "
                f"AND date <= '{last.isoformat()}' AND status = 'ended'"
            )
            unit_period(db, first, last, today=last)  # warm the page cache, as bare SQL gets
            figures["period_bare_s"] = round(min(_bare(path, held) for _ in range(3)), 3)
            runs = []
            for _ in range(3):
                started = time.perf_counter()
                units = unit_period(db, first, last, today=last)
                runs.append(time.perf_counter() - started)
            figures["period_s"] = round(min(runs), 3)
            figures["units_held"] = sum(1 for u in units if u.sessions)
            figures["session_bare_s"] = round(_bare(path, str(session_id)), 4)
            from studio.ui.reports.report_documents import write_session_pdf

            started = time.perf_counter()
            report = session_report(db, session_id)
            write_session_pdf(report, Path(folder) / "session.pdf")
            figures["session_pdf_s"] = round(time.perf_counter() - started, 3)
            figures["session_questions"] = report.tally.questions
            figures["period_under_1s"] = figures["period_s"] < 1.0
            figures["session_pdf_under_2s"] = figures["session_pdf_s"] < 2.0
        finally:
            db.close()
    print_figures(figures, args.json)
    return 0


def add_reports_bench(what: Any) -> None:
    """Add ``bench reports`` to the ``bench`` subcommands."""
    reports = what.add_parser(
        "reports", help="the reports on a generated year (period report, session PDF)"
    )
    reports.add_argument("--sessions", type=int, default=250, help="sessions in the year")
    reports.add_argument("--comments", type=int, default=1_000_000, help="comments among them")
    reports.add_argument("--json", action="store_true", help="print one JSON object")
    reports.set_defaults(run=cmd_bench_reports)
