"""The seat at work on a database: its person and role go into every audit event it writes, and
a viewer's seat writes nothing.

Done once, here, for every writer: an :class:`AuditEvent` added to a session without a person
gets the database's seat (:attr:`Database.seat`) when it is flushed, or the outside party an
act is done for (:func:`acting_for`, e.g. the control API's token name). The seat string each
writer passes (``moderator@<desk id>``, ``cli``…) is kept as it is: undo finds a desk's own
moves by it.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from studio.domain.refusals import Refusal
from studio.domain.seats import SeatRefused, person_name
from studio.store.models import AuditEvent, ReferralEvent, SeatPresence

if TYPE_CHECKING:
    from studio.store.database import Database

#: The role an act done for an outside party is audited with (the control API's).
OUTSIDE_ROLE = "api"

_acting: ContextVar[str | None] = ContextVar("acting_for", default=None)
_WRITES = ("INSERT", "UPDATE", "DELETE")


@contextmanager
def acting_for(name: str) -> Iterator[None]:
    """Audit what is written inside (this thread or task, and the worker threads it starts
    through ``BackgroundTasks.in_thread``) as done by ``name`` — e.g. the control API's token
    name — rather than by the person at this app's seat."""
    token = _acting.set(person_name(name) or OUTSIDE_ROLE)
    try:
        yield
    finally:
        _acting.reset(token)


def audit_person(db: Database) -> tuple[str, str]:
    """The person and role the next audit event written here names (``("", "")`` when the
    database has no seat, e.g. in a test)."""
    outside = _acting.get()
    if outside is not None:
        return outside, OUTSIDE_ROLE
    seat = db.seat
    if seat is None:
        return "", ""
    return person_name(seat.person), seat.role.value


def install_seat_hooks(db: Database) -> None:
    """Fill the audit's person and refuse a viewer's writes, for every session and connection
    of ``db`` (once, when it is opened)."""

    # The listeners hold the database weakly: SQLAlchemy keeps a sessionmaker's listeners in a
    # class-level registry keyed (weakly) by its Session class, and a listener holding the
    # database (its sessionmaker, that class) would keep every database ever opened alive.
    database = weakref.ref(db)

    def fill_person(session: Session, _context: object, _instances: object) -> None:
        db = database()
        if db is None:
            return
        person, role = audit_person(db)
        if not person and not role:
            return
        for item in session.new:
            if isinstance(item, AuditEvent) and not item.person:
                item.person, item.role = person, role
            elif isinstance(item, ReferralEvent) and not item.person:
                item.person = person

    def refuse_viewer_writes(
        _connection: object,
        _cursor: object,
        statement: str,
        _parameters: Any,
        _context: object,
        _executemany: bool,
    ) -> None:
        db = database()
        seat = db.seat if db is not None else None
        if seat is None or not seat.read_only:
            return
        head = statement.lstrip()[:80].upper()
        # Its presence is the one thing a viewer's seat writes: the others see it watching.
        if head.startswith(_WRITES) and SeatPresence.__tablename__.upper() not in head:
            raise SeatRefused(Refusal.READ_ONLY_SEAT, name=seat.person)

    event.listen(db.sessions, "before_flush", fill_person)
    event.listen(db.engine, "before_cursor_execute", refuse_viewer_writes)
