"""``studio timer … --api [HOST:]PORT``: the timer through the running app's control API.

A press from a script or a pedal should cost little more than starting Python: this path
imports only the standard library (no Qt, no SQLAlchemy, no migrations) and asks the app that
already has the database open. Anything it does not handle goes to the full command line.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence

ACTIONS = ("status", "go", "pause", "resume", "next", "previous", "add", "jump")
WITH_VALUE = ("add", "jump")


def _request(argv: Sequence[str]) -> tuple[str, int, str, bool] | None:
    """``(host, port, path, as_json)`` for ``timer ACTION [VALUE] --api ADDR [--json]``, or None
    when the command is not one this path handles (the full command line answers it)."""
    args = list(argv)
    if len(args) < 2 or args[0] != "timer" or args[1] not in ACTIONS or "--api" not in args:
        return None
    action, rest = args[1], args[2:]
    at = rest.index("--api")
    if at + 1 >= len(rest):
        return None
    address = rest[at + 1]
    rest = rest[:at] + rest[at + 2 :]
    as_json = "--json" in rest
    rest = [a for a in rest if a != "--json"]
    value = None
    if action in WITH_VALUE:
        if len(rest) != 1 or not rest[0].lstrip("-").isdigit():
            return None
        value = rest[0]
    elif rest:
        return None
    host, _sep, port_text = address.rpartition(":")
    if not port_text.isdigit():
        return None
    path = "/api/status" if action == "status" else f"/api/timer/{action}"
    if value is not None:
        path += f"/{value}"
    return host.strip("[]") or "127.0.0.1", int(port_text), path, as_json


def run_through_api(argv: Sequence[str]) -> int | None:
    """Run a timer command through the API; its exit code, or None if it is not for this path."""
    request = _request(argv)
    if request is None:
        return None
    host, port, path, as_json = request
    import http.client  # only on this path: it costs a plain start-up some 25 ms

    headers = {}
    token = os.environ.get("STUDIO_API_TOKEN", "")
    if token:  # NAME:SECRET or SECRET, as the app reads it
        name, sep, secret = token.partition(":")
        headers["Authorization"] = f"Bearer {secret if sep and name and secret else token}"
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = json.loads(response.read() or b"{}")
    except (OSError, ValueError) as error:
        print(f"studio: the control API at {host}:{port} does not answer: {error}", file=sys.stderr)
        return 1
    finally:
        connection.close()
    if not body.get("ok"):
        print(f"studio: {body.get('reason', response.reason)}", file=sys.stderr)
        return 1
    timer = body.get("timer")
    if timer is None:
        print("studio: there is no session today", file=sys.stderr)
        return 1
    if as_json:  # the keys of the full command line's ``timer status --json``
        print(
            json.dumps(
                {k: v for k, v in timer.items() if k != "remaining_text"}, ensure_ascii=False
            )
        )
    else:
        state = (
            "ended"
            if timer["ended"]
            else "paused"
            if timer["paused"]
            else "running"
            if timer["running"]
            else "not started"
        )
        print(
            f"session {timer['session_id']} · segment {timer['segment_index'] + 1}/"
            f"{timer['segment_count']} {timer['segment_title']} · {state} · "
            f"{timer['remaining_text']} left ({timer['phase']}) · "
            f"ends about {timer['expected_end'][11:16]}"
        )
    return 0


def run(argv: Sequence[str]) -> int:
    """A ``studio`` command: through the API, else the read-only fast path
    (:mod:`studio.quick_status`), else the full command line (imported only then)."""
    code = run_through_api(argv)
    if code is None:
        from studio.quick_status import run_quick_status

        code = run_quick_status(argv)
    if code is None:
        from studio.cli import main

        code = main(list(argv))
    return code


def console() -> None:
    """The ``studio`` console script."""
    sys.exit(run(sys.argv[1:]))
