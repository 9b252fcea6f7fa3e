"""Whether and where the running app serves its control API: the choice the settings page
edits and the app reads at start (``settings.ini``: ``api/mode``, ``api/port``, ``api/token``)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from studio.domain.refusals import Refusal, Refused

#: Off, this computer only (127.0.0.1), or the studio's network (every interface, token only).
API_MODES = ("off", "local", "lan")
DEFAULT_PORT = 4780
#: The settings.ini keys the app reads at start.
MODE_KEY, PORT_KEY, TOKEN_KEY = "api/mode", "api/port", "api/token"
TOKEN_MIN = 16


class ApiChoiceRefused(Refused):
    """The API's settings cannot be stored as typed: a code and its arguments."""


@dataclass(frozen=True, slots=True)
class ApiChoice:
    """The control API's settings.

    Attributes:
        mode: ``off``, ``local`` (127.0.0.1) or ``lan`` (every interface, with the token).
        port: the TCP port.
        token: ``SECRET`` or ``NAME:SECRET`` (the name is the audit's seat, ``api:NAME``); ""
            for none. ``$STUDIO_API_TOKEN`` overrides it.
    """

    mode: str = "off"
    port: int = DEFAULT_PORT
    token: str = ""


def api_choice_from(mode: object, port: object, token: object) -> ApiChoice:
    """The choice as ``settings.ini`` holds it (text, or what an older version wrote): an
    unknown mode is off, a port that is no number the default."""
    text = str(mode or "off")
    try:
        number = int(str(port))
    except ValueError:
        number = DEFAULT_PORT
    return ApiChoice(text if text in API_MODES else "off", number, str(token or "").strip())


def check_api_choice(choice: ApiChoice) -> ApiChoice:
    """``choice`` with its token trimmed, if it can be stored.

    Raises:
        ApiChoiceRefused: an unknown mode, a port outside 1024–65535, or the network without
            a token of at least :data:`TOKEN_MIN` characters.
    """
    if choice.mode not in API_MODES:
        raise ApiChoiceRefused(Refusal.API_MODE_UNKNOWN, name=choice.mode)
    if not 1024 <= choice.port <= 65535:
        raise ApiChoiceRefused(Refusal.API_PORT_OUT_OF_RANGE, number=choice.port)
    token = choice.token.strip()
    secret = token.partition(":")[2] if ":" in token else token
    if choice.mode == "lan" and len(secret) < TOKEN_MIN:
        raise ApiChoiceRefused(Refusal.API_LAN_NEEDS_TOKEN, max=TOKEN_MIN)
    return ApiChoice(choice.mode, choice.port, token)


def new_token() -> str:
    """A fresh random secret for the token field (URL-safe, 32 characters)."""
    return secrets.token_urlsafe(24)
