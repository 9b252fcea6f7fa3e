"""Several seats: ``studio seats`` (who is connected) and ``studio db init-server`` (set-up).

Exit codes as every command's: 0 done, 1 failed, 2 bad usage or a database that can't be used.
"""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from studio.cli.common import CommandFailed
from studio.cli.words import translate
from studio.domain.seats import CONNECTED_WITHIN_S, PresentSeat
from studio.domain.studio_time import clock_text, iso_text
from studio.store.database import open_database
from studio.store.presence import LEFT_WITHIN_S, list_seats
from studio.store.server_setup import checked_name, init_server, setup_sql


def _seat_json(seat: PresentSeat) -> dict[str, Any]:
    return {
        "id": seat.id,
        "person": seat.person,
        "role": seat.role.value,
        "host": seat.host,
        "pid": seat.pid,
        "connected": seat.connected,
        "started_at": iso_text(seat.started_at),
        "last_seen": iso_text(seat.last_seen),
        "closed_at": None if seat.closed_at is None else iso_text(seat.closed_at),
    }


def cmd_seats(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        seats = list_seats(db)
    finally:
        db.close()
    connected = [s for s in seats if s.connected]
    left = [s for s in seats if not s.connected]
    if args.json:
        print(
            json.dumps(
                {
                    "connected": [_seat_json(s) for s in connected],
                    "left": [_seat_json(s) for s in left],
                },
                ensure_ascii=False,
            )
        )
        return 0
    print(
        translate("CommandLine", "connected (seen within {seconds} s): {count}").format(
            seconds=int(CONNECTED_WITHIN_S), count=len(connected)
        )
    )
    for s in connected:
        print(
            "  "
            + translate(
                "CommandLine", "{person} · {role} · {host} (pid {pid}) · since {since}"
            ).format(
                person=s.person,
                role=s.role.value,
                host=s.host,
                pid=s.pid,
                since=clock_text(s.started_at),
            )
        )
    print(
        translate("CommandLine", "left within {minutes} min: {count}").format(
            minutes=int(LEFT_WITHIN_S // 60), count=len(left)
        )
    )
    for s in left:
        print(
            "  "
            + translate("CommandLine", "{person} · {role} · {host} · last seen {time}").format(
                person=s.person,
                role=s.role.value,
                host=s.host,
                time=clock_text(s.closed_at or s.last_seen),
            )
        )
    return 0


def cmd_init_server(args: argparse.Namespace) -> int:
    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if not password:
            raise CommandFailed(
                translate("CommandLine", "the variable {name} holds no password").format(
                    name=args.password_env
                )
            )
    try:
        database = checked_name(args.database, "database")
        owner = checked_name(args.owner, "role")
    except ValueError as error:
        raise CommandFailed(str(error)) from None
    if args.print_sql:
        for statement in setup_sql(database, owner, password):
            print(f"{statement};")
        # SQL for a DBA: its comment stays in English, like the statements.
        print(
            "-- then, on one computer, as that role: studio db upgrade "
            f"--db postgresql+psycopg://{owner}@HOST/{database}"
        )
        return 0
    if not args.url:
        raise CommandFailed(translate("CommandLine", "--url is needed (or --print-sql)"))
    done = init_server(args.url, database, owner, password)
    role_line = (
        translate("CommandLine", "role {name}: created")
        if done.role_created
        else translate("CommandLine", "role {name}: exists, kept as it is")
    )
    database_line = (
        translate("CommandLine", "database {name}: created, owned by {owner}")
        if done.database_created
        else translate("CommandLine", "database {name}: exists, kept as it is")
    )
    print(role_line.format(name=owner))
    print(database_line.format(name=database, owner=owner))
    print(translate("CommandLine", "schema: {schema}").format(schema=done.schema))
    print(translate("CommandLine", "each computer opens: --db {url}").format(url=done.url))
    return 0


def add_seats_commands(commands: Any, db_commands: Any) -> None:
    """``studio seats`` and ``studio db init-server`` (``db_commands``: the ``db`` group's)."""
    seats = commands.add_parser(
        "seats",
        help="who is connected to the database (seen within 15 s) and who left lately",
    )
    seats.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    seats.add_argument("--json", action="store_true", help="print one JSON object")
    seats.set_defaults(run=cmd_seats)

    init = db_commands.add_parser(
        "init-server",
        help="set up a PostgreSQL server for several seats: the app's role and database",
        description="As an administrator of the server: create the login role that owns the "
        "studio's database and the database (each only when missing), then migrate it as "
        "that role. --print-sql prints the SQL for a DBA instead.",
    )
    init.add_argument(
        "--url",
        metavar="URL",
        help="an administrator's URL, e.g. postgresql+psycopg://postgres@HOST/postgres",
    )
    init.add_argument("--database", default="studio", help="the database (default studio)")
    init.add_argument("--owner", default="studio_app", help="the app's role (default studio_app)")
    init.add_argument(
        "--password-env",
        metavar="VAR",
        help="the environment variable that holds the new role's password (never on the "
        "command line)",
    )
    init.add_argument(
        "--print-sql", action="store_true", help="print the SQL instead of running it"
    )
    init.set_defaults(run=cmd_init_server)
