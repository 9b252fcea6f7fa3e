"""``studio timer status --json`` on a SQLite file, read with the standard library only.

A script or a pedal polling the timer should cost little more than starting Python: this path
imports neither Qt nor SQLAlchemy nor Alembic (the normal path's schema check alone took over a
second). It answers only ``timer status --json [--db sqlite:///FILE] [--session today|ID]`` on a
database already at this version's schema, and prints exactly what the normal path prints;
anything else — another command, another database, a schema to migrate, an error to word —
goes to the full command line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence


def _request(argv: Sequence[str]) -> tuple[str | None, str] | None:
    """``(--db URL or None, --session)`` of ``timer status --json …``, or None when the command
    is not one this path answers."""
    args = list(argv)
    if args[:2] != ["timer", "status"] or "--json" not in args[2:]:
        return None
    options: dict[str, str] = {}
    rest = [a for a in args[2:] if a != "--json"]
    while rest:
        name, *rest = rest
        if name not in ("--db", "--session") or not rest or name in options:
            return None  # --db=URL, an unknown option, a repeat: the full parser decides
        options[name], *rest = rest
    return options.get("--db"), options.get("--session", "today")


def run_quick_status(argv: Sequence[str]) -> int | None:
    """Print the timer's status as the full command line would; its exit code, or None when
    the full command line must answer."""
    request = _request(argv)
    if request is None:
        return None
    url, session = request
    url = url or os.environ.get("STUDIO_DB")
    if url is None:
        from studio.paths import default_database_url

        url = default_database_url()
    from studio.domain.studio_time import UnknownZone, set_studio_zone, studio_today
    from studio.domain.timer_status import status_of
    from studio.store.quick_read import NotQuick, read_timer, sqlite_file

    try:
        set_studio_zone(None)  # $STUDIO_TZ or the default, as the full command line sets it
        session_id, rundown, state = read_timer(sqlite_file(url), session, studio_today())
    except (NotQuick, UnknownZone):
        return None
    print(json.dumps(status_of(session_id, rundown, state, time.time()), ensure_ascii=False))
    sys.stdout.flush()
    return 0
