"""Telling a database server that is gone from other failures, by the driver's first line.

psycopg words a stopped, restarting or cut-off PostgreSQL server in a few fixed ways; the desk
then says "the database server cannot be reached" (in its language) instead of a socket path or
a statement. Pure text: the feed, the services and the command line share it.
"""

from __future__ import annotations

#: How psycopg (and libpq) word a server that is gone: stopped, restarting, the network down.
_SERVER_GONE = (
    "connection is bad",
    "connection failed",
    "could not connect",
    "server closed the connection",
    "terminating connection",
    "the database system is",  # … starting up / shutting down / in recovery mode
    "consuming input failed",
    "connection refused",
    "connection timeout expired",
    "no connection to the server",
)


def is_server_gone(error: BaseException) -> bool:
    """Whether ``error`` (a SQLAlchemy error wrapping the driver's, or the driver's own) says
    the database server cannot be reached."""
    orig = getattr(error, "orig", None)
    driver_error = orig if isinstance(orig, BaseException) else error
    if type(driver_error).__name__ not in ("OperationalError", "InterfaceError"):
        return False
    lines = str(driver_error).strip().splitlines()
    return bool(lines) and any(marker in lines[0].lower() for marker in _SERVER_GONE)
