"""Headless referral commands: ``studio referrals list|show|move|reply|extend|extension|urge|
reveal|figures|export``.

Hooked into ``studio.cli`` by :func:`add_referrals_commands`. A ticket is named by its id or
its number (``12``, ``ZB-0012``). Every move is one transaction with its history row (seat
``--seat``, default ``cli``). Exit codes as for every command: 0 done; 1 refused — one line on
stderr saying why (a reply to a closed ticket, an extension after the deadline, a dispatch to
a retired unit, an empty reply, an unknown ticket …), nothing written; 2 bad usage or an
unusable database.

Export formats are a table (:data:`EXPORT_FORMATS`): a format is a name and a function that
writes the tickets to a file, so another (a PDF 转办单) is one entry more.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from studio.cli.common import CommandFailed
from studio.domain.model import ReferralStatus, Satisfaction
from studio.domain.records import ReferralRecord
from studio.domain.referral_lifecycle import (
    CallBack,
    Close,
    Dispatch,
    GrantExtension,
    Move,
    ReferralAction,
    RefuseExtension,
    Reply,
    RequestExtension,
    Return,
    SignFor,
    Start,
    Urge,
    action_to,
)
from studio.domain.referral_table import days_left, export_rows, ticket_json
from studio.domain.refusals import Refusal, Refused
from studio.domain.studio_time import iso_text, studio_today
from studio.domain.work_order import by_unit, is_open, work_order_rows
from studio.store.database import Database, open_database
from studio.store.profile import county_name
from studio.store.referral_figures import referral_figures
from studio.store.referrals import (
    get_ticket,
    list_tickets,
    move_ticket,
    parse_ticket_id,
    reveal_contact,
    ticket_history,
    unit_id_named,
)
from studio.store.table_files import write_sheets, write_table


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """What ``referrals export`` was asked for: which tickets, judged on which day."""

    unit: str | None
    today: dt.date


#: Writes the tickets a request selects to a file; returns how many it wrote.
Exporter = Callable[[Database, Path, ExportRequest], int]


def _table_exporter(kind: str) -> Exporter:
    def export(db: Database, path: Path, request: ExportRequest) -> int:
        tickets = list_tickets(db, unit=request.unit)
        write_table(path, export_rows(tickets, request.today), sheet="转办", kind=kind)
        return len(tickets)

    return export


def _open_tickets(db: Database, request: ExportRequest) -> list[ReferralRecord]:
    return [t for t in list_tickets(db, unit=request.unit) if is_open(t)]


def _work_orders_pdf(db: Database, path: Path, request: ExportRequest) -> int:
    """The 转办单 as PDF: each unit's open tickets on A4 pages of their own."""
    from studio.ui.documents import write_pdf  # Qt's PDF writer: loaded only for a PDF
    from studio.ui.referrals.work_orders import work_order_document

    tickets = _open_tickets(db, request)
    write_pdf(work_order_document(tickets, county_name(db), request.today), path)
    return len(tickets)


def _work_orders_xlsx(db: Database, path: Path, request: ExportRequest) -> int:
    """The 转办单 as XLSX: one sheet per unit with its open tickets."""
    groups = by_unit(_open_tickets(db, request))
    sheets = [(unit, work_order_rows(items, request.today)) for unit, items in groups]
    write_sheets(path, sheets or [("转办单", work_order_rows([], request.today))])
    return sum(len(items) for _unit, items in groups)


#: The export formats by name (``--format``); add one to offer it. ``csv`` and ``xlsx`` are
#: every ticket with every field; ``pdf`` is the 转办单 of the open ones.
EXPORT_FORMATS: dict[str, Exporter] = {
    "csv": _table_exporter("csv"),  # UTF-8 with BOM, for Excel and WPS
    "xlsx": _table_exporter("xlsx"),
    "pdf": _work_orders_pdf,
}
#: The 转办单 (``referrals orders --format``): a unit's open tickets as the form it works from.
ORDER_FORMATS: dict[str, Exporter] = {"xlsx": _work_orders_xlsx, "pdf": _work_orders_pdf}


# -- helpers -----------------------------------------------------------------------------------
def _today(args: argparse.Namespace) -> dt.date:
    return args.today or studio_today()


def _ticket_id(text: str) -> int:
    try:
        return parse_ticket_id(text)
    except Refused as refused:
        raise CommandFailed(str(refused)) from None


def _run(args: argparse.Namespace, work: Callable[[Database], int]) -> int:
    """Open the database, run ``work``; a refusal becomes one line on stderr, exit 1."""
    with closing(open_database(args.db)) as db:
        try:
            return work(db)
        except Refused as refused:
            where = f"{args.ticket}: " if getattr(args, "ticket", None) else ""
            raise CommandFailed(f"{where}{refused}") from None


def _ticket_line(t: ReferralRecord, today: dt.date) -> str:
    left = days_left(t, today)
    if left is None:
        due = "—"
    elif left < 0:
        due = f"{-left} working day(s) overdue"
    else:
        due = f"{left} working day(s) left"
    askers = f" · {len(t.askers)} askers" if len(t.askers) > 1 else ""
    return (
        f"{t.number}  {t.status}  {t.unit_name}  {t.category}  due {t.deadline} ({due}){askers}"
        f"  {t.summary}"
    )


def _print_ticket(t: ReferralRecord, today: dt.date, as_json: bool) -> None:
    if as_json:
        print(json.dumps(ticket_json(t, today), ensure_ascii=False))
    else:
        print(_ticket_line(t, today))


# -- commands ----------------------------------------------------------------------------------
def cmd_list(args: argparse.Namespace) -> int:
    today = _today(args)

    def work(db: Database) -> int:
        tickets = list_tickets(
            db,
            unit=args.unit,
            status=ReferralStatus(args.status) if args.status else None,
            overdue_on=today if args.overdue else None,
        )
        if args.json:
            print(json.dumps([ticket_json(t, today) for t in tickets], ensure_ascii=False))
        else:
            for t in tickets:
                print(_ticket_line(t, today))
        return 0

    return _run(args, work)


def cmd_show(args: argparse.Namespace) -> int:
    today = _today(args)

    def work(db: Database) -> int:
        referral_id = _ticket_id(args.ticket)
        ticket, history = get_ticket(db, referral_id), ticket_history(db, referral_id)
        if args.json:
            shown = ticket_json(ticket, today)
            shown["history"] = [
                {
                    "at": iso_text(e.at),
                    "seat": e.seat,
                    "person": e.person,
                    "action": e.action,
                    "before": str(e.status_before) if e.status_before else None,
                    "after": str(e.status_after),
                    "unit": e.unit_name,
                    "reason": e.reason,
                    "detail": dict(e.detail),
                }
                for e in history
            ]
            print(json.dumps(shown, ensure_ascii=False))
            return 0
        print(_ticket_line(ticket, today))
        for e in history:
            before = f"{e.status_before} → " if e.status_before else ""
            reason = f"  {e.reason}" if e.reason else ""
            who = e.person or e.seat
            print(f"  {iso_text(e.at)}  {who}  {e.action}: {before}{e.status_after}{reason}")
        return 0

    return _run(args, work)


def _move_for(db: Database, ticket: ReferralRecord, args: argparse.Namespace) -> Move:
    """The move that takes the ticket to ``--to``, from the options given."""
    action = action_to(ReferralStatus(args.to))
    reason = args.reason or ""
    if action == ReferralAction.DISPATCH:
        unit_id = unit_id_named(db, args.unit) if args.unit else ticket.unit_id
        return Dispatch(unit_id=unit_id, reason=reason)
    if action == ReferralAction.REPLY:
        raise CommandFailed(
            f"{Refused(Refusal.REFERRAL_REPLY_WITH_TEXT)}: "
            f"studio referrals reply {args.ticket} --text TEXT"
        )
    if action == ReferralAction.CALL_BACK:
        satisfaction = Satisfaction(args.satisfaction) if args.satisfaction else None
        return CallBack(satisfaction=satisfaction, reason=reason)
    simple: dict[ReferralAction, type[Move]] = {
        ReferralAction.SIGN_FOR: SignFor,
        ReferralAction.START: Start,
        ReferralAction.CLOSE: Close,
        ReferralAction.RETURN: Return,
    }
    return simple[action](reason=reason)


def _moving(args: argparse.Namespace, make: Callable[[Database, ReferralRecord], Move]) -> int:
    today = _today(args)

    def work(db: Database) -> int:
        referral_id = _ticket_id(args.ticket)
        the_move = make(db, get_ticket(db, referral_id))
        moved = move_ticket(db, referral_id, the_move, seat=args.seat, today=args.today)
        _print_ticket(moved, today, args.json)
        return 0

    return _run(args, work)


def cmd_move(args: argparse.Namespace) -> int:
    return _moving(args, lambda db, ticket: _move_for(db, ticket, args))


def cmd_reply(args: argparse.Namespace) -> int:
    return _moving(args, lambda _db, _t: Reply(text=args.text, by=args.by or ""))


def cmd_extend(args: argparse.Namespace) -> int:
    return _moving(args, lambda _db, _t: RequestExtension(until=args.until, reason=args.reason))


def cmd_extension(args: argparse.Namespace) -> int:
    decision = GrantExtension if args.decision == "grant" else RefuseExtension
    return _moving(args, lambda _db, _t: decision(reason=args.reason or ""))


def cmd_urge(args: argparse.Namespace) -> int:
    return _moving(args, lambda _db, _t: Urge(reason=args.note or ""))


def cmd_reveal(args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        revealed = reveal_contact(db, _ticket_id(args.ticket), seat=args.seat)
        if args.json:
            print(
                json.dumps(
                    {
                        "number": revealed.number,
                        "contact": revealed.contact,
                        "askers": [
                            {
                                "question_id": a.question_id,
                                "nickname": a.nickname,
                                "author_id": a.author_id,
                                "text": a.text,
                            }
                            for a in revealed.askers
                        ],
                    },
                    ensure_ascii=False,
                )
            )
        else:
            print(f"{revealed.number}  contact: {revealed.contact or '-'}  (reveal audited)")
            for a in revealed.askers:
                print(f"  {a.nickname} ({a.author_id or '-'}): {a.text}")
        return 0

    return _run(args, work)


def cmd_figures(args: argparse.Namespace) -> int:
    def work(db: Database) -> int:
        figures = referral_figures(
            db,
            args.first,
            args.last,
            today=_today(args),
            basically_counts=not args.strict_satisfaction,
        )
        rows = [f.as_dict() for f in figures]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False))
            return 0
        for row in rows:
            print(
                f"{row['unit']}: received {row['received']}, closed {row['closed']}, "
                f"on time {_percent(row['on_time_rate'])}, overdue now {row['overdue_now']}, "
                f"returned {_percent(row['returned_rate'])}, "
                f"satisfied {_percent(row['satisfaction_rate'])}, "
                f"reply in {_days(row['mean_working_days_to_reply'])} working days"
            )
        return 0

    return _run(args, work)


def _percent(rate: Any) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _days(days: Any) -> str:
    return "—" if days is None else f"{days:.1f}"


def cmd_export(args: argparse.Namespace) -> int:
    exporter = (ORDER_FORMATS if args.referrals_command == "orders" else EXPORT_FORMATS)[
        args.format
    ]

    def work(db: Database) -> int:
        try:
            count = exporter(db, Path(args.out), ExportRequest(args.unit, _today(args)))
        except OSError as error:
            raise CommandFailed(f"{args.out}: {error.strerror or error}") from None
        print(f"wrote {count} ticket(s) to {args.out}")
        return 0

    return _run(args, work)


# -- the parser --------------------------------------------------------------------------------
def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _common(parser: argparse.ArgumentParser, *, json_output: bool = True) -> None:
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    parser.add_argument(
        "--today",
        type=_date,
        metavar="YYYY-MM-DD",
        help="the studio's date to judge deadlines by (default: today)",
    )
    if json_output:
        parser.add_argument("--json", action="store_true", help="print JSON")


def _moving_parser(actions: Any, name: str, text: str, run: Callable[..., int]) -> Any:
    parser = actions.add_parser(name, help=text, description=text)
    parser.add_argument("ticket", metavar="ID", help="the ticket: 12 or ZB-0012")
    _common(parser)
    parser.add_argument("--seat", default="cli", help="who makes the move (the audit's seat)")
    parser.set_defaults(run=run)
    return parser


def add_referrals_commands(commands: Any) -> None:
    """Add ``referrals …`` to the ``studio`` command's subparsers (the export formats are
    those in :data:`EXPORT_FORMATS` when this runs)."""
    referrals = commands.add_parser(
        "referrals",
        help="referral tickets (转办): list, show, move, reply, extend, urge, reveal, figures, "
        "export",
        description="Work referral tickets from the database: every move is checked by the "
        "ticket's lifecycle and written with its history row, or refused with the reason.",
    )
    actions = referrals.add_subparsers(dest="referrals_command", required=True, metavar="ACTION")

    listing = actions.add_parser("list", help="print the tickets, soonest deadline first")
    _common(listing)
    listing.add_argument("--unit", metavar="UNIT", help="only this unit's (name, short name, id)")
    listing.add_argument("--status", choices=[str(s) for s in ReferralStatus])
    listing.add_argument("--overdue", action="store_true", help="only overdue tickets")
    listing.set_defaults(run=cmd_list)

    show = actions.add_parser("show", help="print one ticket and its history")
    show.add_argument("ticket", metavar="ID", help="the ticket: 12 or ZB-0012")
    _common(show)
    show.set_defaults(run=cmd_show)

    move = _moving_parser(actions, "move", "move a ticket to a status", cmd_move)
    move.add_argument(
        "--to", required=True, choices=[str(s) for s in ReferralStatus], metavar="STATUS"
    )
    move.add_argument("--reason", metavar="TEXT", help="why (required to return a ticket)")
    move.add_argument("--unit", metavar="UNIT", help="dispatched: to this unit")
    move.add_argument(
        "--satisfaction",
        choices=[str(s) for s in Satisfaction],
        help="called_back: the viewer's answer (dissatisfied reopens the ticket)",
    )

    reply = _moving_parser(actions, "reply", "record the unit's reply", cmd_reply)
    reply.add_argument("--text", required=True, help="the reply (required, not empty)")
    reply.add_argument("--by", metavar="NAME", help="who replied for the unit")

    extend = _moving_parser(
        actions, "extend", "the unit asks for more time (before the deadline)", cmd_extend
    )
    extend.add_argument("--until", required=True, type=_date, metavar="YYYY-MM-DD")
    extend.add_argument("--reason", required=True, metavar="TEXT")

    extension = _moving_parser(
        actions, "extension", "grant or refuse the waiting extension request", cmd_extension
    )
    extension.add_argument("decision", choices=("grant", "refuse"))
    extension.add_argument("--reason", metavar="TEXT")

    urge = _moving_parser(actions, "urge", "urge the unit (督办), counted", cmd_urge)
    urge.add_argument("--note", metavar="TEXT")

    reveal = actions.add_parser(
        "reveal", help="print the viewer's contact unmasked (audited: who, when, which ticket)"
    )
    reveal.add_argument("ticket", metavar="ID", help="the ticket: 12 or ZB-0012")
    reveal.add_argument("--seat", required=True, help="who reveals it (goes into the audit)")
    _common(reveal)
    reveal.set_defaults(run=cmd_reveal)

    figures = actions.add_parser("figures", help="figures per unit for a period")
    figures.add_argument("--from", dest="first", required=True, type=_date, metavar="DATE")
    figures.add_argument("--to", dest="last", required=True, type=_date, metavar="DATE")
    figures.add_argument(
        "--strict-satisfaction",
        action="store_true",
        help="count only 满意 as satisfied (by default 基本满意 counts too)",
    )
    _common(figures)
    figures.set_defaults(run=cmd_figures)

    export = actions.add_parser("export", help="write the tickets to a file")
    export.add_argument("--unit", metavar="UNIT", help="only this unit's tickets")
    export.add_argument("--format", required=True, choices=list(EXPORT_FORMATS))
    export.add_argument("--out", required=True, metavar="FILE")
    _common(export, json_output=False)
    export.set_defaults(run=cmd_export)

    orders = actions.add_parser(
        "orders", help="write the 转办单: each unit's open tickets as a work-order form"
    )
    orders.add_argument("--unit", metavar="UNIT", help="only this unit's form")
    orders.add_argument("--format", required=True, choices=list(ORDER_FORMATS))
    orders.add_argument("--out", required=True, metavar="FILE")
    _common(orders, json_output=False)
    orders.set_defaults(run=cmd_export)
