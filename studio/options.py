"""Command-line options of the desktop app (``python main.py …``)."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from studio.domain.seats import NotARole, SeatRole, person_name, role_named
from studio.domain.studio_time import UnknownZone, zone_named

LANGUAGES = ("zh_CN", "en")


@dataclass(frozen=True)
class AppOptions:
    demo: bool
    db: str | None
    lang: str | None
    exit_after: float | None
    screenshot: Path | None
    adb: tuple[str, int] | None = None
    tz: str | None = None
    api: tuple[str, int] | None = None
    seat: str | None = None
    role: SeatRole | None = None


def parse_adb_address(text: str) -> tuple[str, int]:
    """``HOST:PORT`` (or ``HOST`` for port 5037, or ``:PORT`` for 127.0.0.1) of an adb server.

    Raises:
        argparse.ArgumentTypeError: not an address (argparse shows it as a usage error).
    """
    host, sep, port_text = text.strip().rpartition(":")
    if not sep:
        host, port_text = port_text, "5037"
    host = host.strip("[]") or "127.0.0.1"
    try:
        port = int(port_text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not HOST:PORT: {text!r}") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"port out of range: {port}")
    return host, port


def parse_api_address(text: str) -> tuple[str, int]:
    """``[HOST:]PORT`` of the control API (host 127.0.0.1 when only a port is given).

    Raises:
        argparse.ArgumentTypeError: not an address (argparse shows it as a usage error).
    """
    host, _sep, port_text = text.strip().rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    try:
        port = int(port_text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not [HOST:]PORT: {text!r}") from None
    if not 0 <= port < 65536:
        raise argparse.ArgumentTypeError(f"port out of range: {port}")
    return host, port


def time_zone(text: str) -> str:
    """An IANA time zone name, checked (the studio's zone: ``--tz``)."""
    try:
        zone_named(text)
    except UnknownZone as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def add_time_zone_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--tz",
        type=time_zone,
        metavar="ZONE",
        help="the studio's time zone, whatever the machine's (default: $STUDIO_TZ, else "
        "Asia/Shanghai); every time shown or exported is in it",
    )


def seat_role(text: str) -> SeatRole:
    """A seat's role, checked (``--role``)."""
    try:
        return role_named(text)
    except NotARole as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def seat_person(text: str) -> str:
    """A person's name, checked not to be empty (``--seat``)."""
    name = person_name(text)
    if not name:
        raise argparse.ArgumentTypeError("the seat needs a person's name")
    return name


def add_seat_options(p: argparse.ArgumentParser) -> None:
    """``--seat NAME`` and ``--role ROLE``: who works here (the audit names them)."""
    p.add_argument(
        "--seat",
        type=seat_person,
        metavar="NAME",
        dest="seat_person",
        help="the name of the person at this seat, for the audit and the other seats (default: "
        "$STUDIO_SEAT, else the name remembered on this computer)",
    )
    p.add_argument(
        "--role",
        type=seat_role,
        metavar="ROLE",
        dest="seat_role",
        help="this seat's role: " + ", ".join(r.value for r in SeatRole) + " (a viewer only "
        "watches; default: $STUDIO_ROLE, else the role remembered on this computer)",
    )


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("must be more than 0 seconds")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="main.py",
        description="Studio Desk (问政直播间): the control panel of the county's daily livestream.",
    )
    p.add_argument(
        "--demo",
        action="store_true",
        help="open a realistic demo studio (a fresh temporary database, or --db if it is empty)",
    )
    p.add_argument(
        "--db",
        metavar="URL",
        help="SQLAlchemy database URL, e.g. sqlite:///studio.db or "
        "postgresql+psycopg://user@host/db (default: a SQLite file in the user data dir)",
    )
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="interface language (default: $STUDIO_LANG, else Chinese unless the system is set to "
        "another language)",
    )
    p.add_argument(
        "--adb",
        type=parse_adb_address,
        metavar="HOST:PORT",
        help="the adb server that sees the phones (default 127.0.0.1:5037; --demo simulates them)",
    )
    p.add_argument(
        "--api",
        type=parse_api_address,
        metavar="[HOST:]PORT",
        help="serve the control API (HTTP + WebSocket, for a Stream Deck or scripts) for this "
        "run; on 127.0.0.1 unless HOST is given, and beyond this computer only with a token "
        "($STUDIO_API_TOKEN)",
    )
    p.add_argument(
        "--exit-after",
        type=_positive_seconds,
        metavar="SECONDS",
        help="quit cleanly after this many seconds",
    )
    add_time_zone_option(p)
    add_seat_options(p)
    p.add_argument(
        "--screenshot",
        type=Path,
        metavar="DIR",
        help="before quitting, save prep.png, desk.png, rig.png, referrals.png, reports.png "
        "and official.png into DIR",
    )
    return p


def parse_options(argv: list[str] | None = None) -> AppOptions:
    ns = parser().parse_args(argv)
    return AppOptions(
        demo=ns.demo,
        db=ns.db,
        lang=ns.lang,
        exit_after=ns.exit_after,
        screenshot=ns.screenshot,
        adb=ns.adb,
        tz=ns.tz,
        api=ns.api,
        seat=ns.seat_person,
        role=ns.seat_role,
    )
