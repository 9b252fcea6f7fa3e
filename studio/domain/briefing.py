"""Briefing notes (背景材料): what the official should know before the session, as short titled notes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

TITLE_MAX = 120
BODY_MAX = 20_000


@dataclass(frozen=True, slots=True)
class BriefingNote:
    """One note: a title (e.g. 口径：供暖收费) and its text, both plain text."""

    title: str
    body: str


def briefing_problems(notes: Sequence[BriefingNote]) -> list[str]:
    """Why the notes can't be stored as they are (empty: they can), one line per problem."""
    problems = []
    for number, note in enumerate(notes, start=1):
        if not note.title.strip():
            problems.append(f"note {number}: the title is empty")
        if len(note.title) > TITLE_MAX:
            problems.append(f"note {number}: the title is longer than {TITLE_MAX} characters")
        if len(note.body) > BODY_MAX:
            problems.append(f"note {number}: the text is longer than {BODY_MAX} characters")
    return problems
