"""Many-keyword search (Aho-Corasick) over folded text, shared by screening and routing."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar, cast

import ahocorasick  # type: ignore[import-not-found,unused-ignore]  # ships no type information
import opencc

from studio.domain.text.normalise import normalise

T = TypeVar("T")

_T2S = opencc.OpenCC("t2s")


def _c_converter() -> Callable[[bytes, int], str] | None:
    """The C converter without the Python wrapper's extra call (the wrapper only encodes to
    UTF-8), if this opencc build has the layout we know; else None and the wrapper is used."""
    try:
        convert: Callable[[bytes, int], str] = super(opencc.OpenCC, _T2S).convert
        probe = "測".encode()
        if convert(probe, len(probe)) == "测":
            return convert
    except Exception:  # another opencc version: fall back, never fail to start
        return None
    return None


_T2S_CONVERT = _c_converter()
# Dropped before matching, so "加 微 信", "加-微-信" and "加。微。信" all read "加微信":
# whitespace, ASCII punctuation and symbols, general punctuation, CJK and fullwidth punctuation.
_IGNORED = (
    r"\s!-/:-@\[-`{-~\u00a1-\u00bf\u2010-\u2027\u2030-\u205e\u3000-\u303f"
    r"\ufe10-\ufe1f\ufe30-\ufe6f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
)
_HAS_IGNORED = re.compile(f"[{_IGNORED}]")
_KEPT = re.compile(f"[^{_IGNORED}]+")
_ASCII_UPPER = {cp: cp + 32 for cp in range(ord("A"), ord("Z") + 1)}


# The last text converted and folded, and the results: a comment's display text is converted
# by screening, routing and clustering in turn. One pair per function, replaced whole (a tuple),
# so a thread reading it sees either the old pair or the new one.
_last_simplified: tuple[str, str] = ("", "")
_last_folded: tuple[str, FoldedText | None] = ("", None)


def to_simplified(text: str) -> str:
    """Traditional characters to simplified ones, one for one (the length never changes)."""
    global _last_simplified
    last = _last_simplified
    if last[0] == text:
        return last[1]
    if text.isascii():  # the conversion never touches ASCII (see test_keywords)
        return text
    if _T2S_CONVERT is not None:
        encoded = text.encode("utf-8")
        converted = _T2S_CONVERT(encoded, len(encoded))
    else:
        converted = cast(str, _T2S.convert(text))
    if len(converted) == len(text):
        _last_simplified = (text, converted)
        return converted
    # A phrase converted to a different length: fall back to single characters.
    chars = []
    for char in text:
        one = cast(str, _T2S.convert(char))
        chars.append(one if len(one) == 1 else char)
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """The form of a text that keywords are matched against, and the way back.

    Attributes:
        source: the text as given.
        key: ``source`` in simplified characters and ASCII lower case, without whitespace
            and punctuation.
        origin: for each character of ``key``, its index in ``source``; ``None`` when
            nothing was dropped (then the indexes are the same).
    """

    source: str
    key: str
    origin: tuple[int, ...] | None

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``source`` that the span ``key[start:end]`` came from."""
        if self.origin is None:
            return start, end
        return self.origin[start], self.origin[end - 1] + 1


def fold(text: str) -> FoldedText:
    """Fold ``text`` (already normalised) for keyword matching; see ``FoldedText``."""
    global _last_folded
    last = _last_folded
    if last[1] is not None and last[0] == text:
        return last[1]
    key = to_simplified(text).translate(_ASCII_UPPER)
    if not _HAS_IGNORED.search(key):
        folded = FoldedText(text, key, None)
    else:
        parts: list[str] = []
        origin: list[int] = []
        for kept in _KEPT.finditer(key):
            parts.append(kept.group())
            origin.extend(range(kept.start(), kept.end()))
        folded = FoldedText(text, "".join(parts), tuple(origin))
    _last_folded = (text, folded)
    return folded


def fold_keyword(word: str) -> str:
    """The key a configured keyword is stored under: normalised, then folded."""
    return fold(normalise(word)).key


@dataclass(frozen=True, slots=True)
class KeywordHit(Generic[T]):
    """One keyword found in a text.

    Attributes:
        start: where it starts in the source text.
        end: where it ends (exclusive) in the source text.
        key: the folded keyword.
        value: what the keyword was registered with.
    """

    start: int
    end: int
    key: str
    value: T


class KeywordIndex(Generic[T]):
    """An Aho-Corasick automaton over folded keywords, each with a value.

    A keyword made only of ASCII letters and digits ("sb", "vx") matches only as a whole
    word, so "usb" does not hit "sb"; other keywords (Chinese) match anywhere.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        """Build the index; keywords that fold to nothing are skipped, a repeated one keeps
        its last value."""
        values: dict[str, T] = {}
        for word, value in entries:
            key = fold_keyword(word)
            if key:
                values[key] = value
        self._automaton = ahocorasick.Automaton()
        for key, value in values.items():
            self._automaton.add_word(key, (key, value))
        self._size = len(values)
        if self._size:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._size

    def find(self, folded: FoldedText, *, overlapping: bool = False) -> Iterator[KeywordHit[T]]:
        """Keywords in ``folded``, left to right.

        Args:
            folded: the text, from ``fold``.
            overlapping: every occurrence of every keyword; otherwise the longest keyword at
                each place, without overlaps.
        """
        if not self._size or not folded.key:
            return
        found = (
            self._automaton.iter(folded.key)
            if overlapping
            else self._automaton.iter_long(folded.key)
        )
        for last, (key, value) in found:
            end = int(last) + 1
            start, source_end = folded.source_span(end - len(key), end)
            if (
                key.isascii()
                and key.isalnum()
                and _inside_ascii_word(folded.source, start, source_end)
            ):
                continue
            yield KeywordHit(start, source_end, cast(str, key), cast(T, value))


def _inside_ascii_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum())
