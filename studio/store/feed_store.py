"""Write the live feed's batches: one transaction each, exact resends dropped by the database.

Comments go in with one multi-row ``INSERT … ON CONFLICT DO NOTHING … RETURNING`` on the
question table's unique key (session, room, platform message id), so a capture tool that
resends after a reconnect costs nothing and is counted as a duplicate. Rooms are found (or
created) from (platform, identity) and remembered; audience figures become ``StatsSample`` rows.

Blocking: called from a worker thread, one batch at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole
from studio.domain.records import QuestionRecord
from studio.domain.text.pipeline import TextPipeline
from studio.domain.text.routing import UnitRouter
from studio.domain.text.screening import load_sensitive_words
from studio.paths import resources_dir
from studio.store.database import Database
from studio.store.models import FeedSource, Question, Room, StatsSample, Unit

_MSG_ID_CHARS = 64  # question.platform_msg_id
_NAME_CHARS = 80  # question.nickname, question.author_id, room.account_name
_KEY_COLUMNS = ("session_id", "room_id", "platform_msg_id")
_COLUMNS = (
    *_KEY_COLUMNS,
    "author_id",
    "nickname",
    "raw_text",
    "display_text",
    "received_at",
    "status",
    "flags",
    "unit_id",
    "cluster_id",
    "channel",
)
_FLAGS: dict[int, QuestionFlag] = {}


def _flags(bits: int) -> QuestionFlag:
    """``QuestionFlag(bits)``, memoised: the enum's constructor is slow and bit sets are few."""
    flag = _FLAGS.get(bits)
    if flag is None:
        flag = _FLAGS[bits] = QuestionFlag(bits)
    return flag


_NEW, _HIDDEN = QuestionStatus.NEW, QuestionStatus.HIDDEN  # StrEnum: bound as text


class CommentLike(Protocol):
    """A comment ready to store (``studio.feed.ingest.CommentRow``)."""

    platform: Platform
    room_key: str
    msg_id: str
    author_id: str
    nickname: str
    raw_text: str
    display_text: str
    received_at: dt.datetime
    flags: int
    unit_id: int | None
    cluster_id: int | None
    channel: str
    hidden: bool


class FactLike(Protocol):
    """A room's audience figures (``studio.feed.ingest.RoomFact``)."""

    platform: Platform
    room_key: str
    at: dt.datetime
    online: int | None
    total_viewers: int | None
    likes: int


class BatchLike(Protocol):
    comments: Sequence[CommentLike]
    facts: Sequence[FactLike]


@dataclass
class StoredBatch:
    """What a batch amounted to.

    Attributes:
        questions: the rows newly stored, as records, in the batch's order.
        stored: new rows per room key.
        duplicates: rows dropped as exact resends, per room key.
    """

    questions: list[QuestionRecord] = field(default_factory=list)
    stored: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)


def upsert_ignoring(engine_dialect: str, table: Any, *, returning: bool = True) -> Insert:
    """``INSERT … ON CONFLICT (session_id, room_id, platform_msg_id) DO NOTHING`` for SQLite or
    PostgreSQL, optionally returning the key of each row really inserted."""
    insert = postgresql.insert if engine_dialect == "postgresql" else sqlite.insert
    statement = insert(table).on_conflict_do_nothing(index_elements=list(_KEY_COLUMNS))
    if returning:
        statement = statement.returning(table.c.id, table.c.room_id, table.c.platform_msg_id)
    return statement


def session_text_pipeline(db: Database) -> TextPipeline:
    """A fresh text pipeline for one session: the units' routing keywords from the database,
    sensitive words from ``resources/rules/sensitive_words.txt``."""
    with db.sessions() as s:
        units = s.execute(
            select(Unit.id, Unit.routing_keywords).where(Unit.retired.is_(False)).order_by(Unit.id)
        ).all()
    router = UnitRouter(
        [(unit_id, [k.strip() for k in text.splitlines() if k.strip()]) for unit_id, text in units]
    )
    words = load_sensitive_words(resources_dir() / "rules" / "sensitive_words.txt")
    return TextPipeline(sensitive_words=words, router=router)


def stored_msg_id(msg_id: str) -> str:
    """The id as stored: kept whole when it fits the column, else a digest (never cut, so two
    long ids can't collide into one "duplicate")."""
    if len(msg_id) <= _MSG_ID_CHARS:
        return msg_id
    return "sha1:" + hashlib.sha1(msg_id.encode("utf-8", "surrogatepass")).hexdigest()


class FeedStore:
    """Writes one session's feed batches; remembers rooms and unit names between batches.

    Attributes:
        session_id: the session every row belongs to.
    """

    def __init__(
        self,
        db: Database,
        session_id: int,
        *,
        room_roles: Mapping[str, RoomRole] | None = None,
    ) -> None:
        """Args:
        db: the open database.
        session_id: the session being broadcast.
        room_roles: role of rooms by key, for rooms not in the database yet (else gov).
        """
        self._db = db
        self.session_id = session_id
        self._room_roles = dict(room_roles or {})
        self._rooms: dict[tuple[str, str], tuple[int, RoomRole]] = {}
        self._units: dict[int, str] | None = None
        dialect = db.engine.dialect.name
        self._returning = dialect == "postgresql"
        self._insert = upsert_ignoring(dialect, Question.__table__, returning=self._returning)
        self._sqlite_sql = ""
        if not self._returning:
            compiled = self._insert.compile(dialect=db.engine.dialect, column_keys=list(_COLUMNS))
            assert tuple(compiled.positiontup or ()) == _COLUMNS, compiled.positiontup
            self._sqlite_sql = compiled.string

    def write(self, batch: BatchLike) -> StoredBatch:
        """Store a batch in one transaction; return the new questions and the counts."""
        result = StoredBatch()
        try:
            self._write(batch, result)
        except Exception:
            # Rooms created in a rolled-back transaction do not exist: forget them.
            self._rooms.clear()
            raise
        return result

    def _write(self, batch: BatchLike, result: StoredBatch) -> None:
        with self._db.engine.begin() as conn:
            if self._units is None:
                self._units = dict(conn.execute(select(Unit.id, Unit.name)).all())
            if batch.comments:
                self._write_comments(conn, batch.comments, result)
            if batch.facts:
                conn.execute(
                    StatsSample.__table__.insert(),
                    [
                        {
                            "session_id": self.session_id,
                            "room_id": self._room(conn, f.platform, f.room_key)[0],
                            "at": f.at,
                            "online": f.online or 0,
                            "total_viewers": f.total_viewers or 0,
                            "likes": f.likes,
                        }
                        for f in batch.facts
                        if f.room_key
                    ],
                )

    def _write_comments(
        self, conn: Connection, comments: Sequence[CommentLike], result: StoredBatch
    ) -> None:
        session_id = self.session_id
        # Batches come from one or two rooms: look each key up once per batch.
        by_key: dict[tuple[str, str], tuple[int, RoomRole] | None] = {}
        rooms = []
        for c in comments:
            key = (c.platform, c.room_key)
            if key not in by_key:
                by_key[key] = self._room(conn, c.platform, c.room_key) if c.room_key else None
            rooms.append(by_key[key])
        # One tuple per row in _COLUMNS order: cheaper to build than dicts, and handed to the
        # driver as they are on SQLite.
        sqlite_time = not self._returning
        rows = [
            (
                session_id,
                room[0] if room else None,
                c.msg_id if len(c.msg_id) <= _MSG_ID_CHARS else stored_msg_id(c.msg_id),
                c.author_id[:_NAME_CHARS],
                c.nickname[:_NAME_CHARS],
                c.raw_text,
                c.display_text,
                # SQLite rows go to the driver as they are: the DateTime as SQLAlchemy stores it.
                c.received_at.isoformat(" ", "microseconds") if sqlite_time else c.received_at,
                _HIDDEN if c.hidden else _NEW,
                c.flags,
                c.unit_id,
                c.cluster_id,
                c.channel,
            )
            for c, room in zip(comments, rooms, strict=True)
        ]
        inserted = self._insert_rows(conn, rows)
        units = self._units or {}
        stored, duplicates, questions = result.stored, result.duplicates, result.questions
        for c, room, row in zip(comments, rooms, rows, strict=True):
            row_id = inserted.get((row[1], row[2]))
            if row_id is None:
                duplicates[c.room_key] = duplicates.get(c.room_key, 0) + 1
                continue
            stored[c.room_key] = stored.get(c.room_key, 0) + 1
            questions.append(
                QuestionRecord(
                    row_id,
                    c.received_at,
                    room[1] if room else None,
                    c.platform if room else Platform.MANUAL,
                    row[4],
                    c.display_text,
                    row[8],
                    _flags(c.flags),
                    units.get(c.unit_id, "") if c.unit_id is not None else "",
                    c.cluster_id,
                    c.channel,
                )
            )

    def _insert_rows(
        self, conn: Connection, rows: list[tuple[Any, ...]]
    ) -> dict[tuple[int | None, str], int]:
        """Insert, skipping exact resends; return the ids of the rows really inserted by key."""
        if self._returning:
            return {
                (room_id, msg_id): row_id
                for row_id, room_id, msg_id in conn.execute(
                    self._insert, [dict(zip(_COLUMNS, row, strict=True)) for row in rows]
                )
            }
        # SQLite: the compiled statement straight to the driver's executemany (several times
        # faster than RETURNING through insertmanyvalues). After it, this transaction holds the
        # write lock, so the rows it inserted are the ``rowcount`` highest ids, in order.
        inserted = conn.exec_driver_sql(self._sqlite_sql, rows).rowcount
        last = conn.exec_driver_sql("SELECT max(id) FROM question").scalar_one()
        if inserted <= 0:
            return {}
        if inserted == len(rows):  # no resend in the batch: ids follow the rows' order
            first = last - inserted + 1
            return {(row[1], row[2]): first + n for n, row in enumerate(rows)}
        new = conn.exec_driver_sql(
            "SELECT id, room_id, platform_msg_id FROM question WHERE id > ?",
            (last - inserted,),
        )
        return {(room_id, msg_id): row_id for row_id, room_id, msg_id in new}

    def _room(self, conn: Connection, platform: Platform, key: str) -> tuple[int, RoomRole]:
        """The room's id and role, created on first sight of an unknown (platform, identity)."""
        found = self._rooms.get((platform, key))
        if found is not None:
            return found
        identity = key[:200]
        row = conn.execute(
            select(Room.id, Room.role).where(Room.platform == platform, Room.identity == identity)
        ).first()
        if row is None:
            role = self._room_roles.get(key, RoomRole.GOV)
            room_id = conn.execute(
                Room.__table__.insert().returning(Room.id),
                {
                    "platform": str(platform),
                    "account_name": key[:_NAME_CHARS],
                    "identity": identity,
                    "role": str(role),
                },
            ).scalar_one()
            found = (room_id, role)
        else:
            found = (row[0], RoomRole(row[1]))
        self._rooms[(platform, key)] = found
        return found


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
