"""Suggest which unit a question is for, from each unit's routing keywords."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from pathlib import Path

from studio.domain.text.keywords import KeywordIndex, fold


class UnitRouter:
    """Suggests a unit for a question by the routing keywords it contains.

    Keywords match like sensitive words do: ignoring case, traditional/simplified characters
    (綠化 hits 绿化) and spaces or punctuation between characters. A keyword may belong to
    several units.
    """

    def __init__(self, units: Sequence[tuple[int, Sequence[str]]]) -> None:
        """Index the units' keywords.

        Args:
            units: each unit's id and its keywords, in order of precedence for ties.
        """
        owners: dict[str, list[int]] = {}
        self._rank: dict[int, int] = {}
        for rank, (unit_id, keywords) in enumerate(units):
            self._rank.setdefault(unit_id, rank)
            for keyword in keywords:
                ids = owners.setdefault(keyword, [])
                if unit_id not in ids:
                    ids.append(unit_id)
        self._index = KeywordIndex((word, tuple(ids)) for word, ids in owners.items())

    def suggest(self, text: str) -> int | None:
        """The unit whose keywords cover most of ``text`` (normalised), or None.

        Each unit scores the total length of the distinct keywords of its own found in the
        text, so one long, specific keyword ("城乡居民养老保险") outweighs a short, general
        one ("保险"). Ties go to the unit with the longest single keyword, then to the unit
        listed first.
        """
        found: dict[int, set[str]] = {}
        for hit in self._index.find(fold(text), overlapping=True):
            for unit_id in hit.value:
                found.setdefault(unit_id, set()).add(hit.key)
        if not found:
            return None
        return max(
            found,
            key=lambda unit_id: (
                sum(len(key) for key in found[unit_id]),
                max(len(key) for key in found[unit_id]),
                -self._rank[unit_id],
            ),
        )


def load_routing_keywords(path: Path | str) -> dict[str, tuple[str, ...]]:
    """Read default routing keywords per unit name from a TOML file.

    The file has a table ``[units]`` mapping a unit's name to a list of keywords; units
    named in the file but not in the database are for the caller to skip.

    Raises:
        OSError: the file cannot be read.
        ValueError: the file is not TOML of that shape (``tomllib.TOMLDecodeError`` is one).
    """
    with Path(path).open("rb") as file:
        data = tomllib.load(file)
    units = data.get("units")
    if not isinstance(units, dict):
        raise ValueError(f"{path}: no [units] table")
    result: dict[str, tuple[str, ...]] = {}
    for name, keywords in units.items():
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise ValueError(f"{path}: keywords of {name!r} must be a list of strings")
        result[str(name)] = tuple(keywords)
    return result
