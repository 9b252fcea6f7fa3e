"""Headless moderation commands: ``studio export audit`` (a session's audit trail as CSV or JSONL).

Hooked into ``studio.cli`` by :func:`add_moderation_commands`, after
:func:`studio.cli.feed.add_feed_commands`: ``audit`` joins the ``export`` group that module
creates (argparse refuses a second group of the same name). Exit codes as the other
commands: 0 done, 1 refused (the reason on stderr), 2 bad usage or an unusable database.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from studio.cli.common import CommandFailed, csv_text, jsonl_text, session_id_of
from studio.store.audit_export import AUDIT_FIELDS, export_audit
from studio.store.database import open_database


def cmd_export_audit(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        rows = export_audit(db, session_id_of(db, args.session))
    except CommandFailed as failed:
        print(f"studio: {failed}", file=sys.stderr)
        return 1
    finally:
        db.close()
    text = audit_csv(rows) if args.format == "csv" else jsonl_text(rows)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
    else:
        sys.stdout.write(text)
    return 0


def audit_csv(rows: Sequence[dict[str, Any]]) -> str:
    """CSV text of audit rows; an edited viewer text beginning "=…" is made spreadsheet-safe."""
    return csv_text(rows, AUDIT_FIELDS)


def export_subcommands(subparsers: Any) -> Any:
    """The ``export`` group's subparsers: the existing group's, or a new group's.

    argparse has no public way to reach a parser's subparsers, hence the look at ``_actions``.
    """
    export = subparsers.choices.get("export")
    if export is None:
        export = subparsers.add_parser("export", help="export stored data")
        return export.add_subparsers(dest="export_what", required=True, metavar="WHAT")
    for action in export._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return export.add_subparsers(dest="export_what", required=True, metavar="WHAT")


def add_moderation_commands(subparsers: Any) -> None:
    """Add ``export audit`` to the ``studio`` command's subparsers (after the feed commands)."""
    audit = export_subcommands(subparsers).add_parser(
        "audit",
        help="a session's audit trail: who did what to which question, before and after",
        description="Print every audit event of a session, oldest first: time, seat, "
        "person and role, action, question, and the state before and after (JSON).",
    )
    audit.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    audit.add_argument("--session", default="today", metavar="today|ID")
    audit.add_argument("--format", choices=("csv", "jsonl"), default="csv")
    audit.add_argument("--out", metavar="FILE", help="write to FILE (CSV: UTF-8 with BOM)")
    audit.set_defaults(run=cmd_export_audit)
