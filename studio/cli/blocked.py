"""Headless commands on blocked viewers: ``studio blocked list`` and ``studio blocked unblock ID``.

Exit codes as the other commands: 0 done, 1 refused (the reason on stderr), 2 bad usage or an
unusable database.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from studio.cli.common import CommandFailed, session_id_of
from studio.cli.words import refusal, translate
from studio.domain.question_lifecycle import MoveRefused
from studio.domain.records import BlockedViewerRecord
from studio.domain.studio_time import clock_text, iso_text
from studio.store.blocks import blocked_viewers, unblock
from studio.store.database import open_database

#: The audit's seat of an unblock typed at the command line.
CLI_SEAT = "cli"


def viewer_json(viewer: BlockedViewerRecord) -> dict[str, Any]:
    """One blocked viewer as ``blocked list --json`` prints it (the nickname masked)."""
    return {
        "id": viewer.id,
        "nickname": viewer.nickname,
        "room": str(viewer.room_role) if viewer.room_role else None,
        "platform": str(viewer.platform),
        "account": viewer.account_name,
        "for_good": viewer.for_good,
        "session_id": viewer.session_id,
        "blocked_at": iso_text(viewer.created_at),
    }


def cmd_blocked_list(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        session_id = None if args.session == "all" else session_id_of(db, args.session)
        viewers = blocked_viewers(db, session_id)
    except CommandFailed as failed:
        print(f"studio: {failed}", file=sys.stderr)
        return 1
    finally:
        db.close()
    if args.json:
        print(json.dumps([viewer_json(v) for v in viewers], ensure_ascii=False))
        return 0
    if not viewers:
        print(translate("CommandLine", "no viewer is blocked"))
    for viewer in viewers:
        scope = (
            translate("CommandLine", "for good")
            if viewer.for_good
            else translate("CommandLine", "session {session}").format(session=viewer.session_id)
        )
        since = translate("CommandLine", "since {time}").format(time=clock_text(viewer.created_at))
        room = str(viewer.room_role) if viewer.room_role else "-"
        print(
            f"{viewer.id}\t{viewer.nickname}\t{room} · {viewer.platform} · "
            f"{viewer.account_name}\t{scope}\t{since}"
        )
    return 0


def cmd_blocked_unblock(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        viewer = unblock(db, args.id, seat=CLI_SEAT)
    except MoveRefused as refused:
        why = translate("CommandLine", "not unblocked: {why}").format(why=refusal(refused))
        print(f"studio: {why}", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(
        translate("CommandLine", "unblocked {viewer} ({account})").format(
            viewer=viewer.nickname, account=viewer.account_name
        )
    )
    return 0


def add_blocked_commands(subparsers: Any) -> None:
    """Add ``blocked list`` and ``blocked unblock`` to the ``studio`` command's subparsers."""
    blocked = subparsers.add_parser("blocked", help="viewers blocked in the live rooms")
    commands = blocked.add_subparsers(dest="blocked_what", required=True, metavar="WHAT")
    listing = commands.add_parser(
        "list",
        help="the viewers blocked for a session (and those blocked for good)",
        description="One line per blocked viewer and room: block id, nickname (masked), room, "
        "scope (this session or for good) and since when. The id is what unblock takes.",
    )
    listing.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    listing.add_argument("--session", default="today", metavar="today|ID|all")
    listing.add_argument("--json", action="store_true", help="one JSON array")
    listing.set_defaults(run=cmd_blocked_list)
    lift = commands.add_parser(
        "unblock",
        help="unblock a viewer (every block of theirs in that room)",
        description="Lift a block by its id (from blocked list): the viewer's later comments "
        "arrive as anyone's; the lift is audited (seat 'cli').",
    )
    lift.add_argument("id", type=int, help="a block id from blocked list")
    lift.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    lift.set_defaults(run=cmd_blocked_unblock)
