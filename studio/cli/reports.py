"""``studio report …``: the session report and the period report per unit, as files.

``report session ID|today --format pdf|xlsx|json --out FILE`` and
``report units --from DATE --to DATE --format xlsx|csv|json [--out FILE]`` (JSON and CSV
without ``--out`` go to stdout). The figures are :mod:`studio.store.reports`'; the PDF is drawn
by the window's own document writer and charts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from studio.cli.common import CommandFailed, session_id_of
from studio.domain.report_tables import session_sheets, unit_rows
from studio.domain.studio_time import studio_today
from studio.domain.table_text import csv_text
from studio.store.database import open_database
from studio.store.reports import session_report, unit_period
from studio.store.table_files import write_sheets, write_table


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _out(args: argparse.Namespace, needed: bool) -> Path | None:
    if args.out is None and needed:
        raise CommandFailed(f"--format {args.format} needs --out FILE")
    return Path(args.out) if args.out else None


def cmd_session(args: argparse.Namespace) -> int:
    out = _out(args, args.format != "json")
    with closing(open_database(args.db, check=True)) as db:
        report = session_report(db, session_id_of(db, args.session))
    if args.format == "json":
        text = json.dumps(report.as_dict(), ensure_ascii=False, indent=1)
        if out is None:
            print(text)
        else:
            out.write_text(text + "\n", encoding="utf-8")
    elif args.format == "xlsx":
        assert out is not None
        write_sheets(out, session_sheets(report))
    else:
        from studio.ui.reports.report_documents import write_session_pdf  # Qt: only for a PDF

        assert out is not None
        pages = write_session_pdf(report, out)
        print(f"{out}: {pages} page(s)", file=sys.stderr)
    return 0


def cmd_units(args: argparse.Namespace) -> int:
    if args.last < args.first:
        raise CommandFailed("--to is before --from")
    out = _out(args, args.format in ("xlsx", "pdf"))
    with closing(open_database(args.db, check=True)) as db:
        units = unit_period(
            db, args.first, args.last, today=studio_today(), threshold_per_1000=args.threshold
        )
    if args.format == "json":
        text = json.dumps([u.as_dict() for u in units], ensure_ascii=False, indent=1)
        if out is None:
            print(text)
        else:
            out.write_text(text + "\n", encoding="utf-8")
    elif args.format == "csv":
        if out is None:
            sys.stdout.write(csv_text(unit_rows(units)))
        else:
            write_table(out, unit_rows(units), kind="csv")
    elif args.format == "xlsx":
        assert out is not None
        write_sheets(out, [("单位", unit_rows(units))])
    else:
        from studio.ui.reports.report_documents import write_period_pdf

        assert out is not None
        write_period_pdf(units, args.first, args.last, out)
    return 0


def add_report_commands(commands: Any) -> None:
    """Add ``report session|units`` to the ``studio`` command's subparsers."""
    report = commands.add_parser(
        "report", help="reports (报告): a session's, or each unit's over a period, as files"
    )
    actions = report.add_subparsers(dest="report_command", required=True, metavar="REPORT")

    session = actions.add_parser("session", help="one session's report")
    session.add_argument("session", metavar="ID|today")
    session.add_argument("--format", required=True, choices=("pdf", "xlsx", "json"))
    session.add_argument("--out", metavar="FILE", help="the file (JSON: stdout without it)")
    session.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    session.set_defaults(run=cmd_session)

    units = actions.add_parser("units", help="each unit's figures over a period")
    units.add_argument("--from", dest="first", required=True, type=_date, metavar="DATE")
    units.add_argument("--to", dest="last", required=True, type=_date, metavar="DATE")
    units.add_argument("--format", required=True, choices=("xlsx", "csv", "json", "pdf"))
    units.add_argument("--out", metavar="FILE", help="the file (JSON, CSV: stdout without it)")
    units.add_argument(
        "--threshold",
        type=float,
        metavar="N",
        help="distinct questions per 1,000 viewers below which a unit is marked "
        "low-engagement (default: the studio's setting, 1 until set on the settings page)",
    )
    units.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    units.set_defaults(run=cmd_units)
