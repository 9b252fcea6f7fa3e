"""When a session may be called "ready", and what an edit of a session may change.

In the county a session without a topic drew almost nobody: "ready" means the topic, the
official in the chair and a running order are all there. The store refuses anything else and
the edit dialog shows what is still missing, both from this one rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from studio.domain.model import SessionStatus
from studio.domain.records import OfficialRecord, SessionRecord, UnitRecord
from studio.domain.refusals import QT_TRANSLATE_NOOP, WORDS

# Live and ended sessions belong to the broadcast (go-live and the timer set those states).
EDITABLE = frozenset({SessionStatus.PLANNED, SessionStatus.READY})
# What an operator may set by hand: a session goes live only through the go-live checklist.
SETTABLE = (SessionStatus.PLANNED, SessionStatus.READY)


class Missing(StrEnum):
    """One thing a session lacks to be ready."""

    TOPIC = "topic"
    OFFICIAL = "official"
    RUNNING_ORDER = "running_order"


# What is missing as a refusal's sentence says it ("missing: topic, running order").
WORDS[Missing] = {
    Missing.TOPIC: QT_TRANSLATE_NOOP("Refusals", "topic"),
    Missing.OFFICIAL: QT_TRANSLATE_NOOP("Refusals", "official"),
    Missing.RUNNING_ORDER: QT_TRANSLATE_NOOP("Refusals", "running order"),
}


def missing_for_ready(topic: str, official_id: int | None, segments: int) -> list[Missing]:
    """What the session still lacks to be ready (empty: it may be ready), in a fixed order."""
    missing = []
    if not topic.strip():
        missing.append(Missing.TOPIC)
    if official_id is None:
        missing.append(Missing.OFFICIAL)
    if segments < 1:
        missing.append(Missing.RUNNING_ORDER)
    return missing


def missing_words(missing: list[Missing]) -> str:
    """The missing things in English words, for refusals ("topic, running order")."""
    return ", ".join(WORDS[Missing][m] for m in missing)


def is_editable(status: SessionStatus) -> bool:
    return status in EDITABLE


def slot_is_valid(start: dt.time, end: dt.time) -> bool:
    """The slot ends after it starts (on the same day)."""
    return end > start


@dataclass(frozen=True, slots=True)
class SessionEdit:
    """What the operator sets on a session; also what an undo puts back."""

    unit_id: int | None
    official_id: int | None
    topic: str
    start: dt.time
    end: dt.time
    status: SessionStatus


@dataclass(frozen=True, slots=True)
class SessionDetails:
    """A session as its edit dialog needs it: who is in the chair and what it may choose from.

    ``officials`` are the ones not retired, of every unit (the dialog filters by the unit);
    ``segments`` is the length of the running order.
    """

    session: SessionRecord
    official_id: int | None
    segments: int
    units: tuple[UnitRecord, ...]
    officials: tuple[OfficialRecord, ...]

    def edit(self) -> SessionEdit:
        """The session as it is, as an edit (the dialog's starting point)."""
        s = self.session
        return SessionEdit(s.unit_id, self.official_id, s.topic, s.start, s.end, s.status)

    def officials_of(self, unit_id: int | None) -> list[OfficialRecord]:
        return [o for o in self.officials if o.unit_id == unit_id]

    def missing(self, edit: SessionEdit) -> list[Missing]:
        return missing_for_ready(edit.topic, edit.official_id, self.segments)
