"""Headless units commands: ``studio units list|export|import``.

Hooked into ``studio.cli`` by :func:`add_units_commands`. Exit codes as for every command: 0
done; 1 refused, the reason on stderr — a units file with problems gives each as ``line N,
column C: reason`` and writes nothing, as ``schedule import`` does; 2 bad usage or an unusable
database.
"""

from __future__ import annotations

import argparse
import json
from contextlib import closing
from pathlib import Path
from typing import Any

from studio.cli.common import import_or_exit, print_unreadable
from studio.cli.words import translate
from studio.domain.records import OfficialRecord, UnitRecord
from studio.store.database import open_database
from studio.store.unit_files import UNIT_COLUMNS, UnitTableInvalid, export_units, import_units
from studio.store.units import list_officials, list_units


def unit_json(unit: UnitRecord, officials: list[OfficialRecord]) -> dict[str, Any]:
    """One unit as the JSON object ``units list --json`` prints."""
    return {
        "id": unit.id,
        "name": unit.name,
        "short_name": unit.short_name,
        "kind": str(unit.kind),
        "keywords": list(unit.keywords),
        "retired": unit.retired,
        "officials": [
            {"id": o.id, "name": o.name, "title": o.title, "retired": o.retired}
            for o in officials
            if o.unit_id == unit.id
        ],
    }


def unit_line(unit: UnitRecord, officials: list[OfficialRecord]) -> str:
    """One unit as a line of text: names, kind, serving officials, keywords."""
    serving = ", ".join(
        f"{o.title} {o.name}".strip() for o in officials if o.unit_id == unit.id and not o.retired
    )
    state = "  [" + translate("CommandLine", "retired") + "]" if unit.retired else ""
    return (
        f"{unit.name} ({unit.short_name})  {unit.kind}  {serving or '-'}"
        f"  {'、'.join(unit.keywords) or '-'}{state}"
    )


def cmd_units_list(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        units, officials = list_units(db), list_officials(db)
    finally:
        db.close()
    if args.json:
        print(json.dumps([unit_json(u, officials) for u in units], ensure_ascii=False))
    else:
        for unit in units:
            print(unit_line(unit, officials))
    return 0


def cmd_units_export(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        count = export_units(db, Path(args.out))
    except OSError as error:
        print_unreadable(args.out, error)
        return 1
    finally:
        db.close()
    print(
        translate("CommandLine", "wrote {count} unit(s) to {file}").format(
            count=count, file=args.out
        )
    )
    return 0


def cmd_units_import(args: argparse.Namespace) -> int:
    with closing(open_database(args.db)) as db:
        done = import_or_exit(
            args.file,
            lambda path: import_units(db, path, dry_run=args.dry_run),
            UnitTableInvalid,
        )
    if isinstance(done, int):
        return done
    text = (
        translate(
            "CommandLine",
            "{added} unit(s) would be added, {changed} would be changed, {unchanged} unchanged",
        )
        if args.dry_run
        else translate(
            "CommandLine", "{added} unit(s) added, {changed} changed, {unchanged} unchanged"
        )
    )
    print(
        text.format(added=len(done.added), changed=len(done.changed), unchanged=len(done.unchanged))
    )
    add, change = translate("CommandLine", "add"), translate("CommandLine", "change")
    for verb, names in ((add, done.added), (change, done.changed)):
        for name in names:
            print(f"  {verb}: {name}")
    return 0


def add_units_commands(commands: Any) -> None:
    """Add ``units list|export|import`` to the ``studio`` command's subparsers."""
    units = commands.add_parser(
        "units",
        help="the units (departments, townships) and their officials: list, export, import",
        description="Read the units on the rota with their officials and routing keywords, or "
        "exchange them with a CSV or XLSX file.",
    )
    actions = units.add_subparsers(dest="units_command", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="print every unit, retired ones too")
    listing.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=cmd_units_list)

    export = actions.add_parser("export", help="write the units and officials to CSV or XLSX")
    export.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    export.add_argument("--out", required=True, metavar="FILE", help="FILE.csv or FILE.xlsx")
    export.set_defaults(run=cmd_units_export)

    imports = actions.add_parser(
        "import",
        help="add or update units from CSV or XLSX (all rows valid, or nothing changes)",
    )
    imports.add_argument("file", metavar="FILE", help="columns: " + ", ".join(UNIT_COLUMNS))
    imports.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    imports.add_argument("--dry-run", action="store_true", help="check and report; change nothing")
    imports.set_defaults(run=cmd_units_import)
