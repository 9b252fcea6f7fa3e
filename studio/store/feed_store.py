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
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole
from studio.domain.records import QuestionRecord
from studio.domain.text.pipeline import TextPipeline
from studio.domain.text.routing import UnitRouter
from studio.domain.text.screening import load_sensitive_words
from studio.paths import resources_dir
from studio.store.database import Database
from studio.store.models import Question, Room, StatsSample, Unit

log = logging.getLogger(__name__)

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
    "raw_nickname",
)
_FACT_COLUMNS = ("session_id", "room_id", "at", "online", "total_viewers", "likes")
#: The largest audience figure stored: what a 64-bit integer column holds.
_MAX_FIGURE = 2**63 - 1


class _FlagCache(dict[int, QuestionFlag]):
    """``QuestionFlag(bits)`` by ``[bits]``, memoised: the enum's constructor is slow and bit
    sets are few."""

    def __missing__(self, bits: int) -> QuestionFlag:
        flag = self[bits] = QuestionFlag(bits)
        return flag


_FLAGS = _FlagCache()


# Bound as plain text: the driver adapts a str subclass (StrEnum) the slow way, per value.
_NEW, _HIDDEN = str(QuestionStatus.NEW), str(QuestionStatus.HIDDEN)
_STATUSES = {_NEW: QuestionStatus.NEW, _HIDDEN: QuestionStatus.HIDDEN}


class CommentLike(Protocol):
    """A comment ready to store (``studio.feed.ingest.CommentRow``)."""

    platform: Platform
    room_key: str
    msg_id: str
    author_id: str
    nickname: str  # masked
    raw_nickname: str
    raw_text: str
    display_text: str
    received_at: dt.datetime
    received_text: str
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
        stored: new rows per room key.
        duplicates: rows dropped as exact resends, per room key.
        dropped_facts: audience figures left out because they cannot be stored (a count no
            column holds); the comments beside them are stored all the same.
    """

    stored: dict[str, int] = field(default_factory=dict)
    duplicates: dict[str, int] = field(default_factory=dict)
    dropped_facts: int = 0
    # (comment, (room id, role, platform), stored nickname, status, new id) of each new row,
    # and the unit names by id: what ``questions`` is built from.
    _new: list[tuple[CommentLike, tuple[Any, ...], str, str, int]] = field(default_factory=list)
    _units: Mapping[int, str] = field(default_factory=dict)
    _questions: list[QuestionRecord] | None = None

    @property
    def questions(self) -> list[QuestionRecord]:
        """The rows newly stored, as records for the desk, in the batch's order.

        Built on first use, after the transaction: the records are for showing, not for
        storing, so their cost is not the store's: ``bench feed`` counts it in frames_per_s,
        not in store_us or store_vs_floor.
        """
        if self._questions is None:
            units, flags_of, statuses = self._units, _FLAGS, _STATUSES
            self._questions = [
                QuestionRecord(
                    row_id,
                    c.received_at,
                    room[1],
                    room[2],
                    nickname,
                    c.display_text,
                    statuses[status],
                    flags_of[c.flags],
                    units.get(c.unit_id, ""),  # type: ignore[arg-type]
                    c.cluster_id,
                    c.channel,
                )
                for c, room, nickname, status, row_id in self._new
            ]
        return self._questions


def _unnest_insert(dialect: Any) -> str:
    """PostgreSQL: insert the batch as one array per column, skipping exact resends, returning
    the new rows' ids and keys."""
    table = Question.__table__
    arrays = ", ".join(f"%s::{table.c[name].type.compile(dialect)}[]" for name in _COLUMNS)
    keys = ", ".join(_KEY_COLUMNS)
    return (
        f"INSERT INTO question ({', '.join(_COLUMNS)}) SELECT * FROM unnest({arrays}) "
        f"ON CONFLICT ({keys}) DO NOTHING RETURNING id, room_id, platform_msg_id"
    )


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
    words = load_sensitive_words(resources_dir() / "rules" / "sensitive_words.txt")
    return TextPipeline(sensitive_words=words, router=unit_router(db))


def unit_router(db: Database) -> UnitRouter:
    """The serving units' routing keywords, as stored now."""
    with db.sessions() as s:
        units = s.execute(
            select(Unit.id, Unit.routing_keywords).where(Unit.retired.is_(False)).order_by(Unit.id)
        ).all()
    return UnitRouter(
        [(unit_id, [k.strip() for k in text.splitlines() if k.strip()]) for unit_id, text in units]
    )


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
        self._sqlite_sql = self._sqlite_facts_sql = ""
        self._pg_sql = _unnest_insert(db.engine.dialect) if self._returning else ""
        if not self._returning:
            compiled = self._insert.compile(dialect=db.engine.dialect, column_keys=list(_COLUMNS))
            assert tuple(compiled.positiontup or ()) == _COLUMNS, compiled.positiontup
            self._sqlite_sql = compiled.string
            facts = StatsSample.__table__.insert().compile(
                dialect=db.engine.dialect, column_keys=list(_FACT_COLUMNS)
            )
            assert tuple(facts.positiontup or ()) == _FACT_COLUMNS, facts.positiontup
            self._sqlite_facts_sql = facts.string

    def forget_units(self) -> None:
        """Units were renamed or added: read their names again before the next batch."""
        self._units = None

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
                result.dropped_facts = self._write_facts(conn, batch.facts)

    def _write_facts(self, conn: Connection, facts: Sequence[FactLike]) -> int:
        """Store the figures a column can hold; return how many were left out."""
        rows = []
        for f in facts:
            if not f.room_key:
                continue
            figures = (f.online or 0, f.total_viewers or 0, f.likes)
            # One impossible figure must not cost the comments of its transaction.
            if not all(type(v) is int and 0 <= v <= _MAX_FIGURE for v in figures):
                continue
            room_id = self._room(conn, f.platform, f.room_key)[0]
            rows.append((self.session_id, room_id, f.at, *figures))
        dropped = sum(1 for f in facts if f.room_key) - len(rows)
        if dropped:
            log.warning("feed: %d audience figures out of range were not stored", dropped)
        if not rows:
            return dropped
        if self._sqlite_facts_sql and rows:
            # As for comments: the compiled statement straight to the driver's executemany.
            conn.exec_driver_sql(
                self._sqlite_facts_sql,
                [(s, r, at.isoformat(" ", "microseconds"), o, t, k) for s, r, at, o, t, k in rows],
            )
            return dropped
        conn.execute(
            StatsSample.__table__.insert(),
            [dict(zip(_FACT_COLUMNS, row, strict=True)) for row in rows],
        )
        return dropped

    def _write_comments(
        self, conn: Connection, comments: Sequence[CommentLike], result: StoredBatch
    ) -> None:
        session_id = self.session_id
        # Batches come from one or two rooms: look each key up once per batch, as the row's
        # room id, the record's room role and platform (manual entries have no room).
        by_key: dict[tuple[str, str], tuple[int | None, RoomRole | None, Platform]] = {}
        for platform, key in {(c.platform, c.room_key) for c in comments}:
            if key:
                room_id, role = self._room(conn, platform, key)
                by_key[platform, key] = (room_id, role, platform)
            else:
                by_key[platform, key] = (None, None, Platform.MANUAL)
        rooms = [by_key[c.platform, c.room_key] for c in comments]
        # One tuple per row in _COLUMNS order, built in one comprehension (this loop is most of
        # the store's own cost): cheaper than dicts, and handed to the driver as they are on
        # SQLite, where a DateTime is stored as this text.
        sqlite_time = not self._returning
        limit, names = _MSG_ID_CHARS, _NAME_CHARS
        rows = [
            (
                session_id,
                room[0],
                c.msg_id if len(c.msg_id) <= limit else stored_msg_id(c.msg_id),
                c.author_id[:names],
                c.nickname[:names],
                c.raw_text,
                c.display_text,
                (c.received_text or c.received_at.isoformat(" ", "microseconds"))
                if sqlite_time
                else c.received_at,
                _HIDDEN if c.hidden else _NEW,
                c.flags,
                c.unit_id,
                c.cluster_id,
                c.channel,
                c.raw_nickname[:names],
            )
            for c, room in zip(comments, rooms, strict=True)
        ]
        ids = self._insert_rows(conn, rows)
        result._units = self._units or {}  # no unit (None) is no key: ""
        stored, duplicates = result.stored, result.duplicates
        result._new = [
            (c, room, row[4], row[8], row_id)
            for c, room, row, row_id in zip(comments, rooms, rows, ids, strict=True)
            if row_id is not None
        ]
        for c, row_id in zip(comments, ids, strict=True):
            counts = duplicates if row_id is None else stored
            counts[c.room_key] = counts.get(c.room_key, 0) + 1

    def _insert_rows(self, conn: Connection, rows: list[tuple[Any, ...]]) -> list[int | None]:
        """Insert, skipping exact resends; return each row's new id, None for a resend."""
        if self._returning:
            # PostgreSQL: one statement of one array per column (its text never changes, so
            # psycopg parses it once; a multi-row VALUES of thousands of placeholders cost it
            # most of a batch's time, 3× the bare floor).
            inserted = {
                (room_id, msg_id): row_id
                for row_id, room_id, msg_id in conn.exec_driver_sql(
                    self._pg_sql, tuple(list(column) for column in zip(*rows, strict=True))
                )
            }
            return [inserted.get((row[1], row[2])) for row in rows]
        # SQLite: the compiled statement straight to the driver's executemany (several times
        # faster than RETURNING through insertmanyvalues). After it, this transaction holds the
        # write lock, so the rows it inserted are the ``rowcount`` highest ids, in order.
        count = conn.exec_driver_sql(self._sqlite_sql, rows).rowcount
        if count <= 0:
            return [None] * len(rows)
        last = conn.exec_driver_sql("SELECT max(id) FROM question").scalar_one()
        if count == len(rows):  # no resend in the batch: ids follow the rows' order
            return list(range(last - count + 1, last + 1))
        new = conn.exec_driver_sql(
            "SELECT id, room_id, platform_msg_id FROM question WHERE id > ?",
            (last - count,),
        )
        inserted = {(room_id, msg_id): row_id for row_id, room_id, msg_id in new}
        return [inserted.get((row[1], row[2])) for row in rows]

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
                    # A room nobody named (no account, no feed source): stored, and the window
                    # asks whose it is rather than calling it the county's.
                    "assigned": key in self._room_roles,
                },
            ).scalar_one()
            found = (room_id, role)
        else:
            found = (row[0], RoomRole(row[1]))
        self._rooms[(platform, key)] = found
        return found
