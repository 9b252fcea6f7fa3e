"""Writing the directory of units and officials: add, edit, retire, restore, and take back an add.

Nothing is ever deleted once something may refer to it: past sessions, questions and referrals
name their unit and official, so a unit or official leaves the rota by being *retired*. Every
function is blocking and does its work in one transaction: the service calls them from a worker
thread, the ``studio units`` commands directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sqlalchemy import exists, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import UnitKind
from studio.domain.records import OfficialRecord, UnitRecord
from studio.domain.refusals import Argument, Refusal, Refused
from studio.store.database import Database
from studio.store.models import (
    Official,
    Question,
    Referral,
    Room,
    RotaSetting,
    Session,
    Unit,
)


def _length(column: object) -> int:
    return int(column.type.length)  # type: ignore[attr-defined]


UNIT_NAME_MAX = _length(Unit.__table__.c.name)
SHORT_NAME_MAX = _length(Unit.__table__.c.short_name)
OFFICIAL_NAME_MAX = _length(Official.__table__.c.name)
OFFICIAL_TITLE_MAX = _length(Official.__table__.c.title)
KEYWORD_MAX = 40

# What an operator types between keywords: the Chinese enumeration comma, both commas, spaces.
_KEYWORD_SEPARATORS = re.compile(r"[、,，;；\s]+")
# How a kind may be written in a file (the stored value, or the Chinese label).
KIND_WORDS = {
    "department": UnitKind.DEPARTMENT,
    "部门": UnitKind.DEPARTMENT,
    "township": UnitKind.TOWNSHIP,
    "乡镇": UnitKind.TOWNSHIP,
}


class UnitProblem(Refused):
    """A change to a unit or an official was refused: a refusal code and its arguments.

    Attributes:
        field: which field is wrong (``name``, ``short_name``, ``kind``, ``keywords``,
            ``title``), or "" when it is not about one field.
    """

    def __init__(self, code: Refusal, /, field: str = "", **arguments: Argument) -> None:
        super().__init__(code, **arguments)
        self.field = field


def split_keywords(text: str) -> tuple[str, ...]:
    """Routing keywords as typed (``供暖、物业, 停水``): split, trimmed, each once, in order."""
    return tuple(dict.fromkeys(k for k in _KEYWORD_SEPARATORS.split(text) if k))


def parse_kind(text: str) -> UnitKind:
    """A unit's kind from its stored value or Chinese label.

    Raises:
        UnitProblem: empty or unknown.
    """
    word = text.strip().lower()
    if not word:
        raise UnitProblem(Refusal.KIND_REQUIRED, "kind")
    if word not in KIND_WORDS:
        raise UnitProblem(Refusal.KIND_UNKNOWN, "kind", text=text.strip())
    return KIND_WORDS[word]


def check_unit(name: str, short_name: str, keywords: Iterable[str]) -> tuple[str, str]:
    """The trimmed name and short name, checked against the store's columns.

    Raises:
        UnitProblem: an empty or too long name or short name, or a too long keyword.
    """
    name, short_name = name.strip(), short_name.strip()
    if not name:
        raise UnitProblem(Refusal.NAME_EMPTY, "name")
    if len(name) > UNIT_NAME_MAX:
        raise UnitProblem(Refusal.NAME_TOO_LONG, "name", max=UNIT_NAME_MAX)
    if not short_name:
        raise UnitProblem(Refusal.SHORT_NAME_EMPTY, "short_name")
    if len(short_name) > SHORT_NAME_MAX:
        raise UnitProblem(
            Refusal.SHORT_NAME_TOO_LONG, "short_name", name=short_name, max=SHORT_NAME_MAX
        )
    for keyword in keywords:
        if len(keyword) > KEYWORD_MAX:
            raise UnitProblem(
                Refusal.KEYWORD_TOO_LONG, "keywords", keyword=keyword[:12], max=KEYWORD_MAX
            )
    return name, short_name


def check_official(name: str, title: str) -> tuple[str, str]:
    """The trimmed name and title of an official, checked against the store's columns.

    Raises:
        UnitProblem: an empty or too long name, or a too long title.
    """
    name, title = name.strip(), title.strip()
    if not name:
        raise UnitProblem(Refusal.OFFICIAL_NAME_EMPTY, "name")
    if len(name) > OFFICIAL_NAME_MAX:
        raise UnitProblem(Refusal.NAME_TOO_LONG, "name", max=OFFICIAL_NAME_MAX)
    if len(title) > OFFICIAL_TITLE_MAX:
        raise UnitProblem(Refusal.TITLE_TOO_LONG, "title", max=OFFICIAL_TITLE_MAX)
    return name, title


def unit_record(unit: Unit) -> UnitRecord:
    return UnitRecord(
        id=unit.id,
        name=unit.name,
        short_name=unit.short_name,
        kind=UnitKind(unit.kind),
        keywords=tuple(k for k in unit.routing_keywords.splitlines() if k.strip()),
        retired=unit.retired,
    )


def official_record(official: Official, unit_name: str) -> OfficialRecord:
    return OfficialRecord(
        official.id, official.name, official.title, official.unit_id, unit_name, official.retired
    )


# -- reads ------------------------------------------------------------------------------------
def list_units(db: Database, *, include_retired: bool = True) -> list[UnitRecord]:
    """Every unit (departments first, then townships, each in the order they were added)."""
    with db.sessions() as s:
        query = select(Unit).order_by(Unit.kind, Unit.id)
        if not include_retired:
            query = query.where(Unit.retired.is_(False))
        return [unit_record(u) for u in s.scalars(query)]


def list_officials(db: Database, unit_id: int | None = None) -> list[OfficialRecord]:
    """The officials of one unit (or of all), retired ones too, in the order they were added."""
    with db.sessions() as s:
        query = select(Official, Unit.name).join(Unit).order_by(Official.unit_id, Official.id)
        if unit_id is not None:
            query = query.where(Official.unit_id == unit_id)
        return [official_record(o, unit_name) for o, unit_name in s.execute(query)]


# -- checks inside a transaction --------------------------------------------------------------
def ensure_unit_free(s: OrmSession, name: str, short_name: str, unit_id: int | None) -> None:
    """No other unit may be called ``name`` or ``short_name`` (by name or short name): the
    schedule's files and the rota find a unit by either."""
    others = select(Unit).where(Unit.id != unit_id) if unit_id is not None else select(Unit)
    for other in s.scalars(others):
        if name in (other.name, other.short_name):
            raise UnitProblem(Refusal.UNIT_NAME_TAKEN, "name", name=name)
        if short_name in (other.name, other.short_name):
            raise UnitProblem(Refusal.UNIT_NAME_TAKEN, "short_name", name=short_name)


def ensure_official_free(s: OrmSession, unit_id: int, name: str, official_id: int | None) -> None:
    """Two serving officials of one unit may not share a name: a file names them by it."""
    query = select(Official).where(
        Official.unit_id == unit_id, Official.name == name, Official.retired.is_(False)
    )
    if official_id is not None:
        query = query.where(Official.id != official_id)
    if s.scalars(query).first() is not None:
        raise UnitProblem(Refusal.OFFICIAL_NAME_TAKEN, "name", name=name)


def _unit(s: OrmSession, unit_id: int) -> Unit:
    unit = s.get(Unit, unit_id)
    if unit is None:
        raise UnitProblem(Refusal.NO_UNIT_WITH_ID, id=unit_id)
    return unit


def _official(s: OrmSession, official_id: int) -> Official:
    official = s.get(Official, official_id)
    if official is None:
        raise UnitProblem(Refusal.NO_OFFICIAL_WITH_ID, id=official_id)
    return official


# -- units ------------------------------------------------------------------------------------
def add_unit(
    db: Database, name: str, short_name: str, kind: str, keywords: str | Iterable[str]
) -> UnitRecord:
    """Add a unit (on the rota from the next fill). ``keywords`` as typed, or already split.

    Raises:
        UnitProblem: a bad or taken name, short name or kind.
    """
    words = split_keywords(keywords) if isinstance(keywords, str) else tuple(keywords)
    name, short_name = check_unit(name, short_name, words)
    unit_kind = parse_kind(kind)
    with db.transaction() as s:
        ensure_unit_free(s, name, short_name, None)
        unit = Unit(
            name=name,
            short_name=short_name,
            kind=unit_kind,
            routing_keywords="\n".join(words),
            retired=False,
        )
        s.add(unit)
        s.flush()
        return unit_record(unit)


def edit_unit(
    db: Database,
    unit_id: int,
    name: str,
    short_name: str,
    kind: str,
    keywords: str | Iterable[str],
) -> UnitRecord:
    """Change a unit's names, kind and routing keywords (sessions keep referring to it).

    Raises:
        UnitProblem: no such unit, or a bad or taken name, short name or kind.
    """
    words = split_keywords(keywords) if isinstance(keywords, str) else tuple(keywords)
    name, short_name = check_unit(name, short_name, words)
    unit_kind = parse_kind(kind)
    with db.transaction() as s:
        unit = _unit(s, unit_id)
        ensure_unit_free(s, name, short_name, unit_id)
        unit.name, unit.short_name, unit.kind = name, short_name, unit_kind
        unit.routing_keywords = "\n".join(words)
        s.flush()
        return unit_record(unit)


def set_unit_retired(db: Database, unit_id: int, retired: bool) -> UnitRecord:
    """Retire a unit (off the rota and the feed's suggestions) or bring it back."""
    with db.transaction() as s:
        unit = _unit(s, unit_id)
        if not retired:
            ensure_unit_free(s, unit.name, unit.short_name, unit_id)
        unit.retired = retired
        return unit_record(unit)


def restore_unit(db: Database, record: UnitRecord) -> UnitRecord:
    """Put a unit back as ``record`` shows it (what an undo of an edit or retire does)."""
    with db.transaction() as s:
        unit = _unit(s, record.id)
        ensure_unit_free(s, record.name, record.short_name, record.id)
        unit.name, unit.short_name, unit.kind = record.name, record.short_name, record.kind
        unit.routing_keywords = "\n".join(record.keywords)
        unit.retired = record.retired
        return unit_record(unit)


def take_back_unit(db: Database, unit_id: int) -> bool:
    """Undo adding a unit: delete it if nothing refers to it yet, else retire it.

    Returns:
        True if it was deleted.
    """
    with db.transaction() as s:
        unit = _unit(s, unit_id)
        referred = [
            exists().where(column == unit_id)
            for column in (
                Session.unit_id,
                Official.unit_id,
                Question.unit_id,
                Referral.unit_id,
                Room.unit_id,
                RotaSetting.unit_id,
            )
        ]
        if any(s.scalar(select(e)) for e in referred):
            unit.retired = True
            return False
        s.delete(unit)
        return True


# -- officials --------------------------------------------------------------------------------
def add_official(db: Database, unit_id: int, name: str, title: str) -> OfficialRecord:
    """Add an official to a unit.

    Raises:
        UnitProblem: no such unit, or an empty, too long or taken name.
    """
    name, title = check_official(name, title)
    with db.transaction() as s:
        unit = _unit(s, unit_id)
        ensure_official_free(s, unit_id, name, None)
        official = Official(name=name, title=title, unit_id=unit_id, retired=False)
        s.add(official)
        s.flush()
        return official_record(official, unit.name)


def edit_official(db: Database, official_id: int, name: str, title: str) -> OfficialRecord:
    """Change an official's name or title (past sessions show the new one).

    Raises:
        UnitProblem: no such official, or an empty, too long or taken name.
    """
    name, title = check_official(name, title)
    with db.transaction() as s:
        official = _official(s, official_id)
        if not official.retired:
            ensure_official_free(s, official.unit_id, name, official_id)
        official.name, official.title = name, title
        s.flush()
        return official_record(official, official.unit.name)


def set_official_retired(db: Database, official_id: int, retired: bool) -> OfficialRecord:
    """Retire an official (no longer offered for new sessions) or bring them back."""
    with db.transaction() as s:
        official = _official(s, official_id)
        if not retired:
            ensure_official_free(s, official.unit_id, official.name, official_id)
        official.retired = retired
        return official_record(official, official.unit.name)


def restore_official(db: Database, record: OfficialRecord) -> OfficialRecord:
    """Put an official back as ``record`` shows them (what an undo does)."""
    with db.transaction() as s:
        official = _official(s, record.id)
        if not record.retired:
            ensure_official_free(s, official.unit_id, record.name, record.id)
        official.name, official.title, official.retired = record.name, record.title, record.retired
        return official_record(official, official.unit.name)


def take_back_official(db: Database, official_id: int) -> bool:
    """Undo adding an official: delete them if no session names them yet, else retire them."""
    with db.transaction() as s:
        official = _official(s, official_id)
        if s.scalar(select(exists().where(Session.official_id == official_id))):
            official.retired = True
            return False
        s.delete(official)
        return True
