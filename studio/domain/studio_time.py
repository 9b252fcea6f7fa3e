"""The studio's one clock: instants stored in UTC, shown in the studio's time zone.

The studio streams 15:00–16:00 Beijing time whatever the machine's own zone is set to (a
laptop left on UTC, a server abroad). So:

- an *instant* (a comment received, an audit event, a timer fact) is epoch seconds, or a
  **naive UTC** ``datetime`` where it is stored (``now_instant``, ``from_epoch``);
- a session's date and slot (15:00–16:00) are the studio's wall-clock times
  (``studio_epoch``, ``studio_instant``);
- whatever a person reads — a screen, an export, a command's output — is the instant in the
  studio's zone (``to_studio``, ``clock_text``, ``iso_text``), and "today" is the studio's
  (``studio_today``).

The zone is ``STUDIO_TZ`` (an IANA name) when set, else Asia/Shanghai; ``set_studio_zone``
changes it for the process (the ``--tz`` option). Nothing here reads the machine's zone.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_ZONE = "Asia/Shanghai"
#: The environment variable that names the studio's zone.
ZONE_VARIABLE = "STUDIO_TZ"

_UTC = dt.UTC
_zone: ZoneInfo | None = None

Instant = dt.datetime | float


class UnknownZone(ValueError):
    """The name is no time zone known to this machine (or to the tzdata package)."""


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone ``name`` (``Asia/Shanghai``).

    Raises:
        UnknownZone: no such zone.
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownZone(f"unknown time zone {name!r} (expected e.g. {DEFAULT_ZONE})") from None


def studio_zone() -> ZoneInfo:
    """The studio's zone: set by ``set_studio_zone``, else ``STUDIO_TZ``, else Asia/Shanghai."""
    global _zone
    if _zone is None:
        _zone = zone_named(os.environ.get(ZONE_VARIABLE) or DEFAULT_ZONE)
    return _zone


def set_studio_zone(name: str | None) -> ZoneInfo:
    """Use ``name`` as the studio's zone from now on (None: back to the default rule).

    Raises:
        UnknownZone: no such zone (the zone in use is unchanged).
    """
    global _zone
    _zone = zone_named(name) if name else None
    return studio_zone()


# -- instants ---------------------------------------------------------------------------------
def now_epoch() -> float:
    """Now, as epoch seconds (the timer's time base)."""
    return time.time()


def now_instant() -> dt.datetime:
    """Now, as a naive UTC ``datetime``: the form every stored instant takes."""
    return dt.datetime.now(_UTC).replace(tzinfo=None)


def from_epoch(epoch: float) -> dt.datetime:
    """Epoch seconds as a naive UTC ``datetime`` (the stored form)."""
    return dt.datetime.fromtimestamp(epoch, _UTC).replace(tzinfo=None)


def to_epoch(instant: Instant) -> float:
    """An instant (epoch seconds, naive UTC or aware ``datetime``) as epoch seconds."""
    if isinstance(instant, dt.datetime):
        if instant.tzinfo is None:
            instant = instant.replace(tzinfo=_UTC)
        return instant.timestamp()
    return float(instant)


def to_studio(instant: Instant) -> dt.datetime:
    """An instant in the studio's zone (aware): what a person is shown.

    A naive ``datetime`` is a stored instant, so UTC; never the machine's local time.
    """
    if isinstance(instant, dt.datetime):
        aware = instant.replace(tzinfo=_UTC) if instant.tzinfo is None else instant
        return aware.astimezone(studio_zone())
    return dt.datetime.fromtimestamp(instant, studio_zone())


# -- the studio's wall clock ------------------------------------------------------------------
def studio_today() -> dt.date:
    """Today's date in the studio (whose session is "today")."""
    return dt.datetime.now(studio_zone()).date()


def studio_epoch(day: dt.date, at: dt.time) -> float:
    """A studio wall-clock time (a session's 15:00 on its date) as epoch seconds."""
    return dt.datetime.combine(day, at, tzinfo=studio_zone()).timestamp()


def studio_instant(wall: dt.datetime) -> dt.datetime:
    """A studio wall-clock ``datetime`` (naive) as the stored form, naive UTC."""
    return wall.replace(tzinfo=studio_zone()).astimezone(_UTC).replace(tzinfo=None)


# -- text -------------------------------------------------------------------------------------
def clock_text(instant: Instant, *, seconds: bool = False) -> str:
    """The studio's time of day of an instant: ``15:04`` or ``15:04:09``."""
    return to_studio(instant).strftime("%H:%M:%S" if seconds else "%H:%M")


def iso_text(instant: Instant) -> str:
    """An instant for exports: ISO 8601 in studio time with its offset, to the second
    (``2026-11-26T15:04:09+08:00``), unambiguous wherever the file is read."""
    return to_studio(instant).isoformat(timespec="seconds")
