"""Seats: who works at each running app or command (a role and a person's name), and who is on.

Every running app and every command acts as a seat: the person's name and their role. The
audit names both; a viewer's seat only reads. Presence (:class:`PresentSeat`) is what the
database knows of the seats that are, or were lately, connected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from studio.domain.refusals import Refused

#: The longest person's name the audit keeps (``audit_event.person``).
PERSON_MAX = 60
#: A seat counts as connected while its last heartbeat is at most this old (seconds).
CONNECTED_WITHIN_S = 15.0
#: How often a running app says it is still there (seconds).
HEARTBEAT_S = 5.0


class SeatRole(StrEnum):
    """What a seat does; ``viewer`` only reads."""

    MODERATOR = "moderator"
    OPERATOR = "operator"
    OFFICIAL = "official"
    REFERRALS = "referrals"
    VIEWER = "viewer"


class NotARole(ValueError):
    """A role's name that is none of :class:`SeatRole` (the message lists them)."""


def role_named(text: str) -> SeatRole:
    """The role called ``text`` (case and spaces ignored).

    Raises:
        NotARole: no such role.
    """
    try:
        return SeatRole(text.strip().lower())
    except ValueError:
        choices = ", ".join(role.value for role in SeatRole)
        raise NotARole(f"not a role: {text!r} (one of {choices})") from None


def person_name(text: str) -> str:
    """A person's name as the audit keeps it: one line, spaces collapsed, at most
    :data:`PERSON_MAX` characters."""
    return " ".join(text.split())[:PERSON_MAX]


@dataclass(frozen=True, slots=True)
class Seat:
    """Who acts: the person's name and their role.

    Attributes:
        person: the name the audit and the other seats show ("王芳").
        role: what the seat does.
    """

    person: str
    role: SeatRole

    @property
    def read_only(self) -> bool:
        """Whether the seat only watches (its moves are refused)."""
        return self.role is SeatRole.VIEWER


@dataclass(frozen=True, slots=True)
class PresentSeat:
    """A seat the database knows of: connected now, or left lately.

    Attributes:
        id: the presence row's id (one per start of an app).
        person, role: who, as the seat was started.
        host: the computer's name.
        pid: the app's process id on that computer.
        started_at, last_seen: instants (naive UTC) by the database's clock.
        closed_at: when the app quit cleanly (None while it runs, or when it vanished).
        connected: its heartbeat is at most :data:`CONNECTED_WITHIN_S` old and it has not quit.
    """

    id: int
    person: str
    role: SeatRole
    host: str
    pid: int
    started_at: dt.datetime
    last_seen: dt.datetime
    closed_at: dt.datetime | None
    connected: bool


def is_connected(last_seen: dt.datetime, closed_at: dt.datetime | None, now: dt.datetime) -> bool:
    """Whether a seat last seen at ``last_seen`` counts as connected at ``now``."""
    return closed_at is None and (now - last_seen).total_seconds() <= CONNECTED_WITHIN_S


class SeatRefused(Refused):
    """A seat may not do this (a viewer's seat writes nothing)."""
