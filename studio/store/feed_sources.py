"""Which feed sources a session listens to, and which known room is the county's or the unit's.

Read and written by the live feed service when a session is opened or its sources are saved.
Blocking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import delete, select

from studio.domain.model import RoomRole
from studio.store.database import Database
from studio.store.models import FeedSource, Room

SOURCE_FIELDS = ("room_role", "tool", "address", "room_key")


def load_feed_sources(db: Database, session_id: int) -> list[dict[str, str]]:
    """A session's configured sources, county's room first, as plain dicts (``SOURCE_FIELDS``)."""
    with db.sessions() as s:
        rows = s.scalars(
            select(FeedSource)
            .where(FeedSource.session_id == session_id)
            .order_by(FeedSource.room_role.desc(), FeedSource.id)
        )
        return [{name: getattr(row, name) for name in SOURCE_FIELDS} for row in rows]


def save_feed_sources(db: Database, session_id: int, sources: Sequence[Mapping[str, str]]) -> None:
    """Replace a session's sources (one per room role) in one transaction."""
    with db.transaction() as s:
        s.execute(delete(FeedSource).where(FeedSource.session_id == session_id))
        s.add_all(
            FeedSource(
                session_id=session_id, **{name: str(item.get(name, "")) for name in SOURCE_FIELDS}
            )
            for item in sources
        )


def room_roles(db: Database) -> dict[str, RoomRole]:
    """Every known room's identity → its role (gov/dept)."""
    with db.sessions() as s:
        return {
            identity: RoomRole(role)
            for identity, role in s.execute(select(Room.identity, Room.role))
        }
