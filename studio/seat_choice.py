"""Which seat this app or command works as: ``--seat``/``--role``, the environment, or the seat
remembered on this computer (``settings.ini``: ``seat/name``, ``seat/role``)."""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping

from PySide6.QtCore import QSettings

from studio.domain.seats import NotARole, Seat, SeatRole, person_name, role_named
from studio.paths import data_dir

SEAT_VARIABLE = "STUDIO_SEAT"
ROLE_VARIABLE = "STUDIO_ROLE"
NAME_KEY = "seat/name"
ROLE_KEY = "seat/role"


def studio_settings() -> QSettings:
    """This computer's settings of the app (``settings.ini`` in the data folder)."""
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def default_person() -> str:
    """The name a seat starts with when none is given: the computer's user name."""
    try:
        return person_name(getpass.getuser()) or "studio"
    except (OSError, KeyError):  # no user name in the environment nor the password database
        return "studio"


def remembered_seat(settings: QSettings) -> Seat | None:
    """The seat last chosen on this computer, or None (none yet, or not readable)."""
    name = person_name(str(settings.value(NAME_KEY, "") or ""))
    try:
        role = role_named(str(settings.value(ROLE_KEY, "") or ""))
    except NotARole:
        return None
    return Seat(name, role) if name else None


def remember_seat(settings: QSettings, seat: Seat) -> None:
    """Remember ``seat`` on this computer: the next start asks nothing."""
    settings.setValue(NAME_KEY, seat.person)
    settings.setValue(ROLE_KEY, seat.role.value)
    settings.sync()


def asked_seat(
    person: str | None,
    role: SeatRole | None,
    settings: QSettings,
    environ: Mapping[str, str] = os.environ,
) -> Seat | None:
    """The seat asked for by ``--seat``/``--role`` (else ``$STUDIO_SEAT``/``$STUDIO_ROLE``), the
    part not given taken from the remembered seat (else the user's name, the moderator's role);
    the remembered seat when nothing is asked; None when there is neither.

    Raises:
        NotARole: ``$STUDIO_ROLE`` names no role.
    """
    person = person_name(person or environ.get(SEAT_VARIABLE, "")) or None
    if role is None and environ.get(ROLE_VARIABLE):
        role = role_named(environ[ROLE_VARIABLE])
    remembered = remembered_seat(settings)
    if person is None and role is None:
        return remembered
    return Seat(
        person or (remembered.person if remembered else default_person()),
        role or (remembered.role if remembered else SeatRole.MODERATOR),
    )
