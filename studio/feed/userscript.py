"""Studio Desk's own Kuaishou userscript, filled in for one room, and the studio's secret.

The script (``resources/kuaishou/studio-desk.user.js``) connects to
``ws://127.0.0.1:PORT/ROOM?key=SECRET``: the secret is what tells the script from any other
program on the computer (see :class:`studio.feed.kuaishou_server.KuaishouServer`). It is made
once per studio and kept owner-only in the data folder, so a script copied once keeps working
across restarts of the app.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import urllib.parse
from collections.abc import Iterable, Mapping
from pathlib import Path

from studio.paths import PRIVATE_FILE, data_dir, open_private, resources_dir

SECRET_FILE = "kuaishou-secret"
_SECRET = re.compile(r"[A-Za-z0-9_-]{16,128}")


def userscript_for(room: str, port: int, secret: str) -> str:
    """The userscript for one room, ready to paste into Tampermonkey or Greasemonkey.

    Raises:
        ValueError: for a room key or secret that cannot go into a URL as is.
    """
    if not re.fullmatch(r"[A-Za-z0-9_-]{1,32}", room):
        raise ValueError(f"room key {room!r}: use 1-32 letters, digits, '-' or '_'")
    if not _SECRET.fullmatch(secret):
        raise ValueError("the secret must be 16-128 letters, digits, '-' or '_'")
    if not 0 < port <= 65535:
        raise ValueError(f"port {port} is out of range (1-65535)")
    template = (resources_dir() / "kuaishou" / "studio-desk.user.js").read_text(encoding="utf-8")
    return (
        template.replace("{{PORT}}", str(port))
        .replace("{{ROOM}}", room)
        .replace("{{SECRET}}", secret)
    )


def stored_secret(folder: Path | None = None) -> str:
    """The studio's Kuaishou secret, made (and kept owner-only) the first time it is asked for.

    Blocking (a file): call it off the GUI thread.
    """
    path = (folder or data_dir()) / SECRET_FILE
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise OSError(f"the Kuaishou secret {path} cannot be read ({error})") from None
    if _SECRET.fullmatch(text):
        return text
    secret = secrets.token_urlsafe(24)
    with open_private(path, "w", encoding="ascii") as file:
        file.write(secret + "\n")
    path.chmod(PRIVATE_FILE)  # a damaged file that existed keeps its mode otherwise
    return secret


def with_userscripts(sources: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """The sources, each Kuaishou one with its room's filled-in script under ``"userscript"``.

    The room is the source's ``room_key`` (else its ``room_role``), the secret the one its
    address names (``?secret=``), else the studio's. A source whose port is 0 (any free port) or
    whose key cannot go into a URL gets none. Blocking (files): call it off the GUI thread.
    """
    stored: str | None = None
    filled = []
    for source in sources:
        source = dict(source)
        source.pop("userscript", None)
        if source.get("tool") == "kuaishou-server":
            where, _, query = source.get("address", "").partition("?")
            port = where.rpartition(":")[2]
            secret = dict(urllib.parse.parse_qsl(query)).get("secret")
            if secret is None:
                stored = stored or stored_secret()
                secret = stored
            room = source.get("room_key") or source.get("room_role", "")
            with contextlib.suppress(ValueError):  # no script is better than a wrong one
                source["userscript"] = userscript_for(room, int(port), secret)
        filled.append(source)
    return filled
