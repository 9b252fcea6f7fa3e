"""Headless schedule commands: ``studio schedule list|generate|rota|export|import``.

Hooked into ``studio.cli`` by :func:`add_schedule_commands`. Exit codes as the other
commands: 0 done, 1 refused (the reason on stderr), 2 bad usage or an unusable database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from studio.cli.common import import_or_exit
from studio.cli.words import refusal, translate
from studio.domain.model import SessionStatus
from studio.domain.records import SessionRecord
from studio.domain.rotation import RotaProblem, period_of_weeks
from studio.domain.schedule_table import SCHEDULE_COLUMNS, ScheduleTableInvalid
from studio.domain.studio_time import studio_today
from studio.store.database import open_database
from studio.store.schedule import (
    ScheduleProblem,
    generate_schedule,
    list_sessions,
    rota,
    set_rota,
)
from studio.store.schedule_files import export_schedule, import_schedule

# Without --from/--to, ``list`` shows the weeks an operator plans in: last week to a month ahead.
DEFAULT_BACK_DAYS = 7
DEFAULT_AHEAD_DAYS = 28


def session_json(session: SessionRecord) -> dict[str, Any]:
    """One session as the JSON object ``schedule list --json`` prints."""
    return {
        "id": session.id,
        "date": session.date.isoformat(),
        "start": f"{session.start:%H:%M}",
        "end": f"{session.end:%H:%M}",
        "unit": session.unit_name,
        "official": session.official_name,
        "official_title": session.official_title,
        "topic": session.topic,
        "status": str(session.status),
    }


def session_line(session: SessionRecord) -> str:
    """One session as a line of text."""
    official = f"{session.official_title} {session.official_name}".strip()
    topic = session.topic or translate("CommandLine", "(no topic)")
    weekday = weekday_name(session.date)
    status = status_word(session.status)
    return (
        f"{session.date.isoformat()} {weekday} {session.start:%H:%M}–{session.end:%H:%M}"
        f"  {session.unit_name or '-'}  {official or '-'}  {topic}  [{status}]"
    )


def weekday_name(day: dt.date) -> str:
    """The day of the week, short, in the command's language."""
    names = (
        translate("CommandLine", "Mon"),
        translate("CommandLine", "Tue"),
        translate("CommandLine", "Wed"),
        translate("CommandLine", "Thu"),
        translate("CommandLine", "Fri"),
        translate("CommandLine", "Sat"),
        translate("CommandLine", "Sun"),
    )
    return names[day.weekday()]


def status_word(status: SessionStatus) -> str:
    """A session's status in the command's language."""
    return {
        SessionStatus.PLANNED: translate("CommandLine", "planned"),
        SessionStatus.READY: translate("CommandLine", "ready"),
        SessionStatus.LIVE: translate("CommandLine", "live"),
        SessionStatus.ENDED: translate("CommandLine", "ended"),
    }.get(status, str(status))


def _weight(text: str) -> tuple[str, float]:
    name, sep, value = text.rpartition("=")
    try:
        weight = float(value)
    except ValueError:
        weight = 0.0
    if not sep or not name or weight <= 0:
        raise argparse.ArgumentTypeError(f"expected UNIT=WEIGHT with a positive weight: {text!r}")
    return name, weight


def cmd_schedule_list(args: argparse.Namespace) -> int:
    today = studio_today()
    first = args.first or today - dt.timedelta(days=DEFAULT_BACK_DAYS)
    last = args.last or max(first, today) + dt.timedelta(days=DEFAULT_AHEAD_DAYS)
    db = open_database(args.db)
    try:
        sessions = list_sessions(db, first, last)
    finally:
        db.close()
    if args.json:
        print(json.dumps([session_json(s) for s in sessions], ensure_ascii=False))
    else:
        for session in sessions:
            print(session_line(session))
    return 0


def cmd_schedule_generate(args: argparse.Namespace) -> int:
    try:
        first, last = period_of_weeks(args.first, args.weeks)
    except RotaProblem as problem:
        print(f"studio: schedule: {refusal(problem)}", file=sys.stderr)
        return 1
    db = open_database(args.db)
    try:
        created = generate_schedule(
            db,
            first,
            last,
            paused=args.pause,
            weights=dict(args.weight),
            dry_run=args.dry_run,
        )
    except ScheduleProblem as problem:
        print(f"studio: schedule: {refusal(problem)}", file=sys.stderr)
        return 1
    finally:
        db.close()
    if args.json:
        print(json.dumps([session_json(s) for s in created], ensure_ascii=False))
        return 0
    text = (
        translate("CommandLine", "would create {count} session(s) from {first} to {last}")
        if args.dry_run
        else translate("CommandLine", "created {count} session(s) from {first} to {last}")
    )
    print(text.format(count=len(created), first=first, last=last))
    for session in created:
        print(session_line(session))
    return 0


def cmd_schedule_export(args: argparse.Namespace) -> int:
    month = studio_today().replace(day=1)
    first = args.first or month
    last = args.last or (month + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    db = open_database(args.db)
    try:
        count = export_schedule(db, first, last, Path(args.out))
    finally:
        db.close()
    print(
        translate("CommandLine", "wrote {count} session(s) to {file}").format(
            count=count, file=args.out
        )
    )
    return 0


def cmd_schedule_import(args: argparse.Namespace) -> int:
    with closing(open_database(args.db)) as db:
        done = import_or_exit(
            args.file,
            lambda path: import_schedule(db, path, dry_run=args.dry_run),
            ScheduleTableInvalid,
        )
    if isinstance(done, int):
        return done
    text = (
        translate(
            "CommandLine",
            "{created} session(s) would be created, {updated} would be updated, "
            "{unchanged} unchanged",
        )
        if args.dry_run
        else translate(
            "CommandLine",
            "{created} session(s) created, {updated} updated, {unchanged} unchanged",
        )
    )
    print(
        text.format(
            created=len(done.created), updated=len(done.updated), unchanged=len(done.unchanged)
        )
    )
    return 0


def cmd_schedule_rota(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        for name in args.pause:
            set_rota(db, name, paused=True, note=args.note)
        for name in args.resume:
            set_rota(db, name, paused=False, note="" if args.note is None else args.note)
        for name, weight in args.weight:
            set_rota(db, name, weight=weight)
        entries = rota(db)
    except ScheduleProblem as problem:
        print(f"studio: schedule: {refusal(problem)}", file=sys.stderr)
        return 1
    finally:
        db.close()
    if args.json:
        print(
            json.dumps(
                [
                    {"unit": e.unit_name, "weight": e.weight, "paused": e.paused, "note": e.note}
                    for e in entries
                ],
                ensure_ascii=False,
            )
        )
        return 0
    for e in entries:
        state = (
            translate("CommandLine", "paused")
            if e.paused
            else translate("CommandLine", "weight {weight}").format(weight=f"{e.weight:g}")
        )
        print(f"{e.unit_name}  {state}" + (f"  ({e.note})" if e.note else ""))
    return 0


def add_schedule_commands(commands: Any) -> None:
    """Add ``schedule list`` and ``schedule generate`` to the ``studio`` command's subparsers."""
    schedule = commands.add_parser(
        "schedule",
        help="the schedule of sessions: list, generate from the rota",
        description="Read the schedule, or fill the working days of some weeks from the rota "
        "of units (holidays and 调休 from the State Council's calendar).",
    )
    actions = schedule.add_subparsers(dest="schedule_command", required=True, metavar="ACTION")
    date = dt.date.fromisoformat

    listing = actions.add_parser("list", help="print the sessions of a period")
    listing.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    listing.add_argument("--from", dest="first", type=date, metavar="YYYY-MM-DD")
    listing.add_argument("--to", dest="last", type=date, metavar="YYYY-MM-DD")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=cmd_schedule_list)

    generate = actions.add_parser(
        "generate", help="fill the working days without a session from the rota"
    )
    generate.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    generate.add_argument("--from", dest="first", type=date, required=True, metavar="YYYY-MM-DD")
    generate.add_argument("--weeks", type=int, required=True, metavar="N")
    generate.add_argument(
        "--dry-run", action="store_true", help="print what would be created; change nothing"
    )
    generate.add_argument(
        "--pause", action="append", default=[], metavar="UNIT", help="leave a unit out (repeat)"
    )
    generate.add_argument(
        "--weight",
        action="append",
        default=[],
        type=_weight,
        metavar="UNIT=W",
        help="on air W times as often as the others (repeat)",
    )
    generate.add_argument("--json", action="store_true", help="print a JSON array")
    generate.set_defaults(run=cmd_schedule_generate)

    rota_parser = actions.add_parser(
        "rota", help="show the rota; pause, resume or weight units (kept for every fill)"
    )
    rota_parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    rota_parser.add_argument("--pause", action="append", default=[], metavar="UNIT")
    rota_parser.add_argument("--resume", action="append", default=[], metavar="UNIT")
    rota_parser.add_argument(
        "--weight", action="append", default=[], type=_weight, metavar="UNIT=W"
    )
    rota_parser.add_argument("--note", metavar="TEXT", help="why (stored with a pause)")
    rota_parser.add_argument("--json", action="store_true", help="print a JSON array")
    rota_parser.set_defaults(run=cmd_schedule_rota)

    export = actions.add_parser("export", help="write the sessions of a period to CSV or XLSX")
    export.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    export.add_argument(
        "--from", dest="first", type=date, metavar="YYYY-MM-DD", help="default: this month's first"
    )
    export.add_argument(
        "--to", dest="last", type=date, metavar="YYYY-MM-DD", help="default: this month's last"
    )
    export.add_argument("--out", required=True, metavar="FILE", help="FILE.csv or FILE.xlsx")
    export.set_defaults(run=cmd_schedule_export)

    imports = actions.add_parser(
        "import",
        help="create or update sessions from CSV or XLSX (all rows valid, or nothing changes)",
    )
    imports.add_argument("file", metavar="FILE", help="columns: " + ", ".join(SCHEDULE_COLUMNS))
    imports.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    imports.add_argument("--dry-run", action="store_true", help="check and report; change nothing")
    imports.set_defaults(run=cmd_schedule_import)
