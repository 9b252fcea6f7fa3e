"""Headless commands: ``python -m studio …`` (also the ``studio`` console script).

Each command works from the database alone, so a script, a Stream Deck or cron can drive it.
Exit codes: 0 done, 1 the command failed, 2 bad usage or a database that can't be used.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from studio import __version__
from studio.cli.blocked import add_blocked_commands
from studio.cli.common import CommandFailed, session_id_of
from studio.cli.feed import add_feed_commands
from studio.cli.moderation import add_moderation_commands
from studio.cli.profile import add_profile_commands
from studio.cli.referrals import add_referrals_commands
from studio.cli.reports import add_report_commands
from studio.cli.rig import add_rig_commands
from studio.cli.schedule import add_schedule_commands, status_word
from studio.cli.seats import add_seats_commands
from studio.cli.units import add_units_commands
from studio.cli.words import refusal, translate, use_language
from studio.domain import rundown_clock as clock
from studio.domain.durations import format_duration
from studio.domain.refusals import Refused
from studio.domain.rundown_clock import ClockError
from studio.domain.rundown_report import actuals_csv
from studio.domain.seats import NotARole, Seat, SeatRefused, SeatRole
from studio.domain.studio_time import (
    UnknownZone,
    clock_text,
    set_studio_zone,
    studio_today,
)
from studio.options import LANGUAGES, add_seat_options, add_time_zone_option
from studio.seat_choice import asked_seat, default_person, studio_settings
from studio.store.database import (
    DatabaseProblem,
    current_revision,
    head_revision,
    open_database,
    use_seat,
)
from studio.store.demo import seed_demo
from studio.store.repository import StudioRepository
from studio.store.timer_store import (
    NoSuchSession,
    TimerConflict,
    TimerSnapshot,
    change_timer,
    load_timer,
    timer_status,
)

Command = Callable[[argparse.Namespace], int]


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", help="SQLAlchemy database URL (default: the per-user SQLite file)"
    )


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        print(
            translate("CommandLine", "{database}: schema {schema} (latest {latest})").format(
                database=db.display_name,
                schema=current_revision(db.engine),
                latest=head_revision(),
            )
        )
    finally:
        db.close()
    return 0


def cmd_db_info(args: argparse.Namespace) -> int:
    db = open_database(args.db, check=True)
    try:
        repo = StudioRepository(db)
        today = studio_today()
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
        return 0
    names = {
        "database": translate("CommandLine", "database"),
        "schema": translate("CommandLine", "schema"),
        "units": translate("CommandLine", "units"),
        "officials": translate("CommandLine", "officials"),
        "rooms": translate("CommandLine", "rooms"),
        "phones": translate("CommandLine", "phones"),
        "today": translate("CommandLine", "today"),
    }
    for key, value in info.items():
        if key == "today":
            value = (
                translate("CommandLine", "no session")
                if session is None
                else f"{session.id} · {session.unit_name} · {session.topic or '-'} · "
                f"{status_word(session.status)}"
            )
        print(f"{names[key]}: {value}")
    return 0


def cmd_demo_seed(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        day = args.today or studio_today()
        if not seed_demo(db, day):
            print(
                translate(
                    "CommandLine", "{database} already holds a studio; nothing was changed"
                ).format(database=db.display_name),
                file=sys.stderr,
            )
            return 1
        print(
            translate("CommandLine", "seeded the demo studio around {day} into {database}").format(
                day=day, database=db.display_name
            )
        )
    finally:
        db.close()
    return 0


def _print_status(snapshot: TimerSnapshot, as_json: bool) -> None:
    status = timer_status(snapshot, time.time())
    if as_json:
        print(json.dumps(status, ensure_ascii=False))
        return
    state = (
        translate("CommandLine", "ended")
        if status["ended"]
        else translate("CommandLine", "paused")
        if status["paused"]
        else translate("CommandLine", "running")
        if status["running"]
        else translate("CommandLine", "not started")
    )
    r = clock.reading(snapshot.state, snapshot.rundown, time.time())
    late = round(r.late_by_s)
    lateness = (
        translate("CommandLine", "on time")
        if abs(late) < 30
        else translate("CommandLine", "{time} late").format(time=format_duration(late))
        if late > 0
        else translate("CommandLine", "{time} early").format(time=format_duration(-late))
    )
    phase = {
        "normal": translate("CommandLine", "normal"),
        "warning": translate("CommandLine", "warning"),
        "danger": translate("CommandLine", "danger"),
        "overtime": translate("CommandLine", "overtime"),
    }.get(str(r.phase), str(r.phase))
    print(
        translate(
            "CommandLine",
            "session {session} · segment {number}/{count} {title} · {state} · {left} left "
            "({phase}) · ends about {end}, {lateness}",
        ).format(
            session=snapshot.session_id,
            number=r.segment_index + 1,
            count=len(snapshot.rundown.segments),
            title=r.segment_title,
            state=state,
            left=format_duration(r.remaining_s),
            phase=phase,
            end=clock_text(r.expected_end),
            lateness=lateness,
        )
    )


TIMER_ACTIONS = {
    "go": lambda args: clock.go,
    "next": lambda args: clock.next_segment,
    "previous": lambda args: clock.previous_segment,
    "pause": lambda args: lambda s, _r, now: clock.pause(s, now),
    "resume": lambda args: lambda s, _r, now: clock.resume(s, now),
    "add": lambda args: lambda s, _r, _now: clock.add_time(s, args.value),
    "jump": lambda args: lambda s, r, now: clock.jump_to(s, r, args.value - 1, now),
    "absorb": lambda args: lambda s, _r, _now: clock.set_absorb(s, args.value == "on"),
}


def cmd_timer(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        session_id = session_id_of(db, args.session)
        if args.action == "status":
            snapshot = load_timer(db, session_id)
        elif args.action == "actuals":
            snapshot = load_timer(db, session_id)
            text = actuals_csv(clock.segment_actuals(snapshot.state, snapshot.rundown, time.time()))
            if args.out:
                Path(args.out).write_text(text, encoding="utf-8-sig")
            else:
                sys.stdout.write(text)
            return 0
        else:
            label = args.action if args.value is None else f"{args.action}:{args.value}"
            change = TIMER_ACTIONS[args.action](args)
            snapshot = change_timer(db, session_id, change, action=label, seat="cli")
        _print_status(snapshot, args.json)
        return 0
    except (ClockError, TimerConflict, NoSuchSession) as refused:
        why = refusal(refused) if isinstance(refused, Refused) else str(refused)
        raise CommandFailed(f"timer: {why}") from None
    finally:
        db.close()


def _add_timer_commands(commands) -> None:  # type: ignore[no-untyped-def]
    timer = commands.add_parser(
        "timer",
        help="the session timer: status, go, next, previous, pause, resume, add, jump, absorb",
        description="Drive or read the session timer from its persisted state; an open window "
        "on the same database shows the change within a second.",
    )
    actions = timer.add_subparsers(dest="action", required=True, metavar="ACTION")
    for name, text in (
        ("status", "print the timer's state"),
        ("go", "start the session (or resume it)"),
        ("next", "next segment (ends the session after the last)"),
        ("previous", "back to the previous segment"),
        ("pause", "pause the timer"),
        ("resume", "resume the timer"),
        ("add", "add SECONDS to the current segment (negative to take away)"),
        ("jump", "jump to segment NUMBER (1 is the first)"),
        ("absorb", "on: later segments shrink so the session ends on time"),
        ("actuals", "print planned against actual times per segment as CSV"),
    ):
        action = actions.add_parser(name, help=text)
        if name == "add":
            action.add_argument("value", type=int, metavar="SECONDS")
        elif name == "jump":
            action.add_argument("value", type=int, metavar="NUMBER")
        elif name == "absorb":
            action.add_argument("value", choices=("on", "off"))
        else:
            action.set_defaults(value=None)
        _add_db(action)
        action.add_argument("--session", default="today", metavar="today|ID")
        if name == "actuals":
            action.add_argument("--out", metavar="FILE", help="write to FILE (UTF-8 with BOM)")
        else:
            action.add_argument("--json", action="store_true", help="print one JSON object")
        action.set_defaults(run=cmd_timer)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``studio`` command's parser. The benchmarks (which import the whole app, Qt
    included) are loaded only when ``argv`` asks for them (or for every command's help,
    ``argv`` None): a timer command should not pay for them."""
    parser = argparse.ArgumentParser(prog="studio", description="Studio Desk headless commands.")
    parser.add_argument("--version", action="version", version=f"Studio Desk {__version__}")
    add_time_zone_option(parser)
    add_seat_options(parser)
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the human output (default: $LANGUAGE, $LC_ALL, $LC_MESSAGES or $LANG; "
        "Chinese unless another language is set); JSON and CSV stay as they are",
    )
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
    add_seats_commands(commands, db_commands)
    _add_timer_commands(commands)
    add_rig_commands(commands)
    add_schedule_commands(commands)
    add_units_commands(commands)
    add_referrals_commands(commands)
    add_report_commands(commands)
    add_profile_commands(commands)
    add_feed_commands(commands)
    _add_bench(commands, argv)
    add_moderation_commands(commands)  # after the feed's: it joins their "export" group
    add_blocked_commands(commands)
    return parser


def _add_bench(commands: Any, argv: Sequence[str] | None) -> None:
    if argv is None or "bench" in argv:
        from studio.cli.bench import add_bench_commands

        add_bench_commands(commands)
    else:  # listed in the help; asked for, the line above loads it
        commands.add_parser("bench", help="measure how fast parts of the studio go")


def os_problem(error: OSError) -> str:
    """One line for a failed file, folder, disk or socket operation (no traceback)."""
    what = error.strerror or str(error)
    if error.filename:
        return f"cannot use {error.filename}: {what}"
    return what


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    use_language(args.lang)
    try:
        set_studio_zone(args.tz)  # None: $STUDIO_TZ or the default, checked here
    except UnknownZone as error:
        print(f"studio: {error} (STUDIO_TZ)", file=sys.stderr)
        return 2
    run: Command = args.run
    try:
        # A command works as a seat too: its audit events name the person.
        seat = asked_seat(args.seat_person, args.seat_role, studio_settings())
        use_seat(seat or Seat(default_person(), SeatRole.MODERATOR))
        return run(args)
    except NotARole as error:
        print(f"studio: {error} (STUDIO_ROLE)", file=sys.stderr)
        return 2
    except DatabaseProblem as problem:
        print(f"studio: {problem}", file=sys.stderr)
        return 2
    except CommandFailed as failed:
        print(f"studio: {failed}", file=sys.stderr)
        return 1
    except SeatRefused as refused:  # a viewer's seat changes nothing
        print(f"studio: {refusal(refused)}", file=sys.stderr)
        return 1
    except OSError as error:  # a file, folder, disk or port the command could not use
        print(f"studio: {os_problem(error)}", file=sys.stderr)
        return 1
    finally:
        use_seat(None)  # main() may run again in this process (tests, the API client)
