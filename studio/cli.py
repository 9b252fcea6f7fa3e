"""Headless commands: ``python -m studio …`` (also the ``studio`` console script).

Each command works from the database alone, so a script, a Stream Deck or cron can drive it.
Exit codes: 0 done, 1 the command failed, 2 bad usage or a database that can't be used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence

from studio import __version__
from studio.store.database import DatabaseProblem, current_revision, head_revision, open_database
from studio.store.demo import seed_demo
from studio.store.repository import StudioRepository

Command = Callable[[argparse.Namespace], int]


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", help="SQLAlchemy database URL (default: the per-user SQLite file)"
    )


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        print(f"{db.display_name}: schema {current_revision(db.engine)} (latest {head_revision()})")
    finally:
        db.close()
    return 0


def cmd_db_info(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        repo = StudioRepository(db)
        today = dt.date.today()
        session = repo.session_on(today)
        info = {
            "database": db.display_name,
            "schema": current_revision(db.engine),
            "units": len(repo.units(include_retired=True)),
            "officials": len(repo.officials()),
            "rooms": len(repo.rooms()),
            "phones": len(repo.phones()),
            "today": None
            if session is None
            else {
                "id": session.id,
                "unit": session.unit_name,
                "topic": session.topic,
                "status": str(session.status),
            },
        }
    finally:
        db.close()
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
    else:
        for key, value in info.items():
            print(f"{key}: {value}")
    return 0


def cmd_demo_seed(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        day = args.today or dt.date.today()
        if not seed_demo(db, day):
            print(f"{db.display_name} already holds a studio; nothing was changed", file=sys.stderr)
            return 1
        print(f"seeded the demo studio around {day} into {db.display_name}")
    finally:
        db.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studio", description="Studio Desk headless commands.")
    parser.add_argument("--version", action="version", version=f"Studio Desk {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    db = commands.add_parser("db", help="the database: migrate, inspect")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser(
        "upgrade", help="apply migrations and print the schema version"
    )
    _add_db(upgrade)
    upgrade.set_defaults(run=cmd_db_upgrade)
    info = db_commands.add_parser("info", help="what the database holds")
    _add_db(info)
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.set_defaults(run=cmd_db_info)

    demo = commands.add_parser("demo", help="the demo studio")
    demo_commands = demo.add_subparsers(dest="demo_command", required=True, metavar="ACTION")
    seed = demo_commands.add_parser("seed", help="fill an empty database with the demo studio")
    _add_db(seed)
    seed.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        type=dt.date.fromisoformat,
        help="the day the demo centres on",
    )
    seed.set_defaults(run=cmd_demo_seed)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    run: Command = args.run
    try:
        return run(args)
    except DatabaseProblem as problem:
        print(f"studio: {problem}", file=sys.stderr)
        return 2
