"""Headless live feed: ``studio ingest`` (sources → store, like the GUI) and ``studio export
questions`` (CSV with BOM, JSONL or xlsx; masked text only)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from studio.cli.common import CommandFailed, csv_text, jsonl_text, session_id_of
from studio.cli.words import translate
from studio.domain.model import RoomRole
from studio.domain.studio_time import clock_text, now_epoch
from studio.feed.ingest import FeedIngest
from studio.feed.kuaishou_server import raise_descriptor_limit
from studio.feed.recording import (
    SessionRecorder,
    recorded_bytes,
    recording_cap_bytes,
    recording_path,
    unstored_recordings,
)
from studio.feed.sources import FeedRunner, SourceSpec, parse_source_spec
from studio.services.ingest_leases import LeaseKeeper, this_seat
from studio.store.database import Database, open_database
from studio.store.feed_export import EXPORT_FIELDS, question_export_rows
from studio.store.feed_sources import room_roles
from studio.store.feed_store import FeedStore, session_text_pipeline
from studio.store.ingest_lease import LEASE_S, RENEW_S
from studio.store.table_files import write_table


def _spec(text: str) -> SourceSpec:
    try:
        return parse_source_spec(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


# -- ingest ------------------------------------------------------------------------------------
def cmd_ingest(args: argparse.Namespace) -> int:
    for spec in args.source:
        if spec.tool == "replay" and not Path(spec.address).is_file():
            print(f"studio: replay: no recording at {spec.address}", file=sys.stderr)
            return 2
    raise_descriptor_limit()
    db = open_database(args.db)
    try:
        session_id = session_id_of(db, args.session)
        summary = asyncio.run(_ingest(db, session_id, args))
    except RoomHeld as held:
        print(f"studio: {held}", file=sys.stderr)
        return EXIT_HELD
    except CommandFailed as failed:
        print(f"studio: {failed}", file=sys.stderr)
        return 1
    finally:
        db.close()
    _print_summary(summary, args.json)
    if summary["taken_over"]:
        print(f"studio: {summary['taken_over']}; stopped ingesting", file=sys.stderr)
        return EXIT_HELD
    if not summary["all_stored"]:
        later = (
            f"they are in the recording {summary['recording']} and are stored the next time "
            "this session's feed starts"
            if summary["recording"]
            else "they were not recorded (--no-record)"
        )
        print(
            f"studio: {summary['unstored']} comments could not be stored; {later}", file=sys.stderr
        )
        return EXIT_UNSTORED
    return 0


#: ``studio ingest``'s exit status when comments were accepted but could not be stored.
EXIT_UNSTORED = 3
#: ``studio ingest``'s exit status when another seat ingests a room it would feed (at the
#: start, or from the moment it took the room over).
EXIT_HELD = 4
#: The studio's two rooms, as the leases name them.
ROOMS = ("gov", "dept")


def leased_rooms(specs: Sequence[SourceSpec]) -> list[str]:
    """The rooms a run may feed, whose ingest leases it takes: a Kuaishou server's own rooms,
    both rooms for any other live source (a capture tool reports whichever room it watches),
    none for a replay (its comments were ingested once; the store drops repeats)."""
    rooms: list[str] = []
    for spec in specs:
        if spec.tool == "replay":
            continue
        served = spec.rooms or ROOMS if spec.tool == "kuaishou-server" else ROOMS
        rooms += [room for room in served if room in ROOMS]
    return list(dict.fromkeys(rooms))


class RoomHeld(CommandFailed):
    """Another seat ingests a room this run would feed."""


def _say_store_refused(reason: str) -> None:
    print(
        f"{clock_text(now_epoch(), seconds=True)} studio: comments cannot be stored ({reason}); "
        "keeping them and retrying",
        file=sys.stderr,
    )


def _say_recording_capped(path: Path, cap: int) -> None:
    print(
        f"studio: this session's recordings reached {cap >> 20:,} MB: comments are still "
        f"stored, but frames are no longer recorded ({path.name})",
        file=sys.stderr,
    )


def _say_backlog(count: int) -> None:
    if count == 0:
        print(
            f"{clock_text(now_epoch(), seconds=True)} studio: the waiting comments are stored",
            file=sys.stderr,
        )


def _room(text: str) -> tuple[str, RoomRole]:
    """``gov=IDENTITY`` or ``dept=IDENTITY``: a room not set up as an account yet."""
    role, sep, identity = text.partition("=")
    if not sep or not identity.strip() or role not in ("gov", "dept"):
        raise argparse.ArgumentTypeError(f"expected gov=IDENTITY or dept=IDENTITY: {text!r}")
    return identity.strip(), RoomRole(role)


async def _ingest(db: Database, session_id: int, args: argparse.Namespace) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    taken_over: list[str] = []
    lost = asyncio.Event()

    started = False

    def taken(said: str) -> None:
        if started:  # before, a room changing hands is the waiting's business
            taken_over.append(said)
            lost.set()

    def lease_changed(room: str, holder: Any) -> None:  # from the keeper's thread
        if holder is not None:
            said = f"room {room} is ingested by {holder.name} ({holder.host}) from now on"
            loop.call_soon_threadsafe(taken, said)

    # One seat ingests each room: take the rooms' leases first (renewed while this runs). A
    # room held by a seat that died (this command killed a moment ago) is free once its lease
    # runs out: wait that long before giving up on it.
    leases = LeaseKeeper(db, this_seat(args.seat), on_change=lease_changed)
    try:
        rooms = leased_rooms(args.source)
        holders = await asyncio.to_thread(leases.want, rooms)
        deadline = loop.time() + args.lease_wait
        while not all(leases.ours(room) for room in rooms) and loop.time() < deadline:
            await asyncio.sleep(0.1)
        held = [
            f"{room} by {h.name} ({h.host})"
            for room in rooms
            if not leases.ours(room) and (h := leases.holders.get(room, holders[room]))
        ]
        if held:
            raise RoomHeld(f"another seat ingests room {', '.join(held)}; not ingesting here")
        started = True
        summary = await _ingest_rooms(db, session_id, args, stop=lost)
    finally:
        await asyncio.to_thread(leases.close)
    summary["taken_over"] = "; ".join(taken_over)
    return summary


async def _ingest_rooms(
    db: Database, session_id: int, args: argparse.Namespace, *, stop: asyncio.Event
) -> dict[str, Any]:
    # The studio's accounts (settings page), then the rooms named on the command line; a room
    # in neither is stored as unassigned.
    roles = await asyncio.to_thread(room_roles, db)
    roles.update(dict(args.room or ()))
    store = FeedStore(db, session_id, room_roles=roles)
    ingest = FeedIngest(
        await asyncio.to_thread(session_text_pipeline, db),
        store.write,
        on_store_problem=_say_store_refused,
        on_backlog=_say_backlog,
    )
    recorder = (
        None
        if args.no_record
        else SessionRecorder(
            recording_path(session_id),
            cap_bytes=recording_cap_bytes(),
            already=recorded_bytes(session_id),
            on_capped=_say_recording_capped,
        )
    )
    runner = FeedRunner(ingest, recorder=recorder, on_state=_print_state)
    # Frames an earlier run recorded but may not have stored (killed, or the database refused
    # writes to the end) are stored now; the store drops the ones it has.
    earlier = await asyncio.to_thread(
        unstored_recordings, session_id, recorder.path if recorder else None
    )
    loop = asyncio.get_running_loop()
    started = loop.time()
    interrupted = stop  # another seat took a room over: end the run as Ctrl-C does
    # Ctrl-C ends the run like --duration does, so the summary is still printed. (Not
    # available on Windows' default loop, nor off the main thread: Ctrl-C then just stops.)
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGINT, interrupted.set)
    try:
        runner.recover(earlier)
        for spec in args.source:
            await runner.start(spec)
        while not interrupted.is_set():
            await asyncio.sleep(0.05)
            if args.duration is not None and loop.time() - started >= args.duration:
                break
            idle = time.monotonic() - runner.last_frame_at
            settled = not ingest.pending and not runner.recovering
            if args.until_idle is not None and idle >= args.until_idle and settled:
                break
    finally:
        await runner.stop()
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.remove_signal_handler(signal.SIGINT)
    rooms = {
        str(roles.get(key, key)) if key else "(unknown)": tally
        for key, tally in ingest.counts().items()
    }
    totals = {
        name: sum(t[name] for t in rooms.values())
        for name in ("received", "stored", "duplicates", "rejected")
    }
    return {
        "session_id": session_id,
        "frames": runner.frames,
        "recovered": runner.recovered,
        **totals,
        "unstored": ingest.backlog + ingest.pending,
        "all_stored": ingest.all_stored,
        "rooms": rooms,
        "recording": str(recorder.path) if recorder else None,
    }


def _print_state(source: str, state: object) -> None:
    print(f"{clock_text(now_epoch(), seconds=True)} {source}: {state}", file=sys.stderr)


def _print_summary(summary: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(summary, ensure_ascii=False))
        return
    print(
        translate(
            "CommandLine",
            "session {session}: {frames} frames, {received} received, {stored} stored, "
            "{duplicates} duplicates, {rejected} rejected",
        ).format(
            session=summary["session_id"],
            frames=summary["frames"],
            received=summary["received"],
            stored=summary["stored"],
            duplicates=summary["duplicates"],
            rejected=summary["rejected"],
        )
    )
    for room, tally in summary["rooms"].items():
        print(
            "  "
            + translate(
                "CommandLine",
                "{room}: {received} received, {stored} stored, {duplicates} duplicates, "
                "{rejected} rejected, {likes} likes",
            ).format(room=room, **tally)
        )
    if summary["recording"]:
        print(
            "  " + translate("CommandLine", "recording: {file}").format(file=summary["recording"])
        )


# -- export ------------------------------------------------------------------------------------
def cmd_export_questions(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        rows = question_export_rows(db, session_id_of(db, args.session))
    except CommandFailed as failed:
        print(f"studio: {failed}", file=sys.stderr)
        return 1
    finally:
        db.close()
    if args.format == "xlsx":
        if not args.out:
            print("studio: --format xlsx needs --out FILE", file=sys.stderr)
            return 2
        write_xlsx(rows, Path(args.out))
        return 0
    text = to_csv(rows) if args.format == "csv" else jsonl_text(rows)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8-sig" if args.format == "csv" else "utf-8")
    else:
        sys.stdout.write(text)
    return 0


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    return csv_text(rows, EXPORT_FIELDS)


def write_xlsx(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """An xlsx workbook with one sheet, by the one table writer: text is never a formula."""
    table = [list(EXPORT_FIELDS), *([row[key] for key in EXPORT_FIELDS] for row in rows)]
    write_table(path, table, sheet="questions")


# -- the parsers -------------------------------------------------------------------------------
def add_feed_commands(subparsers: Any) -> None:
    """Add ``ingest`` and ``export questions`` to the ``studio`` command's subparsers."""
    ingest = subparsers.add_parser(
        "ingest",
        help="feed comments from capture tools or a recording into the database",
        description="Connect to capture tools (reconnecting like the app), store the comments "
        "of a session, record the raw frames, and print a summary per room.",
    )
    ingest.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    ingest.add_argument("--session", default="today", metavar="today|ID")
    ingest.add_argument(
        "--source",
        action="append",
        required=True,
        type=_spec,
        metavar="SPEC",
        help="barragegrab:ws://H:P, douyinlive:ws://H:P/ws/ID, kuaishou-server:H:P, "
        "replay:FILE[@SPEED] (0 = as fast as possible) or simulator[:RATE]; repeatable",
    )
    ingest.add_argument(
        "--room",
        action="append",
        type=_room,
        metavar="ROLE=IDENTITY",
        help="a room not set up as an account yet: gov=IDENTITY (the county's) or "
        "dept=IDENTITY (the department's), IDENTITY as the tool reports it; repeatable",
    )
    ingest.add_argument(
        "--until-idle", type=float, metavar="SECONDS", help="stop after SECONDS without a frame"
    )
    ingest.add_argument("--duration", type=float, metavar="SECONDS", help="stop after SECONDS")
    ingest.add_argument("--no-record", action="store_true", help="do not record raw frames")
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")
    ingest.add_argument(
        "--lease-wait",
        type=float,
        default=LEASE_S + RENEW_S,
        metavar="SECONDS",
        help="how long to wait for a room another seat holds (it may have just died) before "
        f"giving up with exit status {EXIT_HELD} (default: %(default)s)",
    )
    ingest.add_argument(
        "--seat",
        default="studio ingest",
        metavar="NAME",
        help="the name other seats see for this run while it ingests the rooms",
    )
    ingest.set_defaults(run=cmd_ingest)

    export = subparsers.add_parser("export", help="export stored data")
    what = export.add_subparsers(dest="export_what", required=True, metavar="WHAT")
    questions = what.add_parser(
        "questions", help="a session's comments, one row each (masked text only)"
    )
    questions.add_argument("--db", metavar="URL", help="SQLAlchemy database URL")
    questions.add_argument("--session", default="today", metavar="today|ID")
    questions.add_argument("--format", choices=("csv", "jsonl", "xlsx"), default="csv")
    questions.add_argument("--out", metavar="FILE", help="write to FILE (CSV: UTF-8 with BOM)")
    questions.set_defaults(run=cmd_export_questions)
