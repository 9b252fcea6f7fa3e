"""Headless profile commands: ``studio profile show|export|import``.

The studio's profile (the county's names, zone, default slot, referral deadlines, logo) and its
broadcast accounts travel as one JSON file, images in base64: set a county up once, then import
it into a new database. Exit codes: 0 done; 1 refused, the reason on stderr (nothing changed);
2 bad usage or an unusable database.
"""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

from studio.cli.words import refusal, translate
from studio.domain.profile import ProfileProblem, profile_to_json
from studio.store.database import open_database
from studio.store.profile import export_profile, import_profile, list_accounts, load_profile


def cmd_profile_show(args: argparse.Namespace) -> int:
    with closing(open_database(args.db)) as db:
        profile, accounts = load_profile(db), list_accounts(db)
    if args.json:
        document = json.loads(profile_to_json(profile, accounts))
        document["logo_png"] = len(profile.logo_png)  # its size, not the picture
        for item, account in zip(document["accounts"], accounts, strict=False):
            item["qr_png"] = len(account.qr_png)
        document["unassigned_rooms"] = [
            {"id": a.id, "platform": str(a.platform), "identity": a.identity}
            for a in accounts
            if a.unassigned
        ]
        print(json.dumps(document, ensure_ascii=False))
        return 0
    not_set, default = translate("CommandLine", "(not set)"), translate("CommandLine", "(default)")
    yes, no = translate("CommandLine", "yes"), translate("CommandLine", "no")
    days = ", ".join(f"{c} {d}" for c, d in profile.referral_days.items())
    lines = [
        (
            translate("CommandLine", "county"),
            f"{profile.county_name or not_set} ({profile.short or '-'})",
        ),
        (translate("CommandLine", "time zone"), profile.time_zone or default),
        (translate("CommandLine", "slot"), f"{profile.slot_start:%H:%M}–{profile.slot_end:%H:%M}"),
        (
            translate("CommandLine", "deadlines"),
            translate("CommandLine", "{days} (working days)").format(days=days),
        ),
        (translate("CommandLine", "logo"), yes if profile.logo_png else no),
    ]
    for account in accounts:
        whose = (
            translate("CommandLine", "unassigned")
            if account.unassigned
            else translate("CommandLine", "county's")
            if str(account.role) == "gov"
            else translate("CommandLine", "department's")
        )
        qr = "  [QR]" if account.qr_png else ""
        lines.append(
            (
                translate("CommandLine", "account"),
                f"{account.platform} {whose} {account.shown_name}  {account.identity}{qr}",
            )
        )
    width = max(len(label) for label, _value in lines) + 3  # the values in one column
    for label, value in lines:
        print(f"{label}:".ljust(width) + value)
    return 0


def cmd_profile_export(args: argparse.Namespace) -> int:
    with closing(open_database(args.db)) as db:
        text = export_profile(db)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(translate("CommandLine", "wrote the profile to {file}").format(file=args.out))
    else:
        sys.stdout.write(text)
    return 0


def cmd_profile_import(args: argparse.Namespace) -> int:
    text = Path(args.file).read_text(encoding="utf-8")
    with closing(open_database(args.db)) as db:
        try:
            profile, accounts = import_profile(db, text, dry_run=args.dry_run)
        except ProfileProblem as problem:
            print(
                "studio: "
                + translate(
                    "CommandLine", "{file} was not imported (nothing changed): {why}"
                ).format(file=args.file, why=refusal(problem)),
                file=sys.stderr,
            )
            return 1
    text = (
        translate("CommandLine", "would import the profile of {county} with {count} accounts")
        if args.dry_run
        else translate("CommandLine", "imported the profile of {county} with {count} accounts")
    )
    print(text.format(county=profile.county_name, count=len(accounts)))
    return 0


def add_profile_commands(commands: Any) -> None:
    """Add ``profile show|export|import`` to the ``studio`` command's subparsers."""
    profile = commands.add_parser(
        "profile",
        help="the studio's profile and broadcast accounts: show, export, import",
        description="Read the county's profile (names, zone, slot, referral deadlines, logo) and "
        "its broadcast accounts, or exchange them as a JSON file.",
    )
    actions = profile.add_subparsers(dest="profile_command", required=True, metavar="ACTION")
    show = actions.add_parser("show", help="print the profile and the accounts")
    show.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    show.add_argument("--json", action="store_true", help="print one JSON object")
    show.set_defaults(run=cmd_profile_show)
    export = actions.add_parser("export", help="write the profile as JSON (stdout or --out)")
    export.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    export.add_argument("--out", metavar="FILE", help="write to FILE.json")
    export.set_defaults(run=cmd_profile_export)
    imports = actions.add_parser(
        "import", help="store a profile file (accounts added or updated by identity)"
    )
    imports.add_argument("file", metavar="FILE", help="a file written by profile export")
    imports.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    imports.add_argument("--dry-run", action="store_true", help="check and report; change nothing")
    imports.set_defaults(run=cmd_profile_import)
