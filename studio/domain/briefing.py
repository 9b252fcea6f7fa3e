"""Briefing notes (背景材料): what the official should know before the session, as short titled notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studio.domain.refusals import Refusal, Refused

TITLE_MAX = 120
BODY_MAX = 20_000


@dataclass(frozen=True, slots=True)
class BriefingNote:
    """One note: a title (e.g. 口径：供暖收费) and its text, both plain text."""

    title: str
    body: str


def briefing_problems(notes: Sequence[BriefingNote]) -> list[Refused]:
    """Why the notes can't be stored as they are (empty: they can), one refusal per problem."""
    problems = []
    for number, note in enumerate(notes, start=1):
        if not note.title.strip():
            problems.append(Refused(Refusal.NOTE_TITLE_EMPTY, number=number))
        if len(note.title) > TITLE_MAX:
            problems.append(Refused(Refusal.NOTE_TITLE_TOO_LONG, number=number, max=TITLE_MAX))
        if len(note.body) > BODY_MAX:
            problems.append(Refused(Refusal.NOTE_TEXT_TOO_LONG, number=number, max=BODY_MAX))
    return problems
