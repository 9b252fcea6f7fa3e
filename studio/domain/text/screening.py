"""Find sensitive words (abuse, spam, off-limits topics) in a comment, from a configurable list."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from studio.domain.text.keywords import KeywordIndex, fold


@dataclass(frozen=True, slots=True)
class Match:
    """A sensitive word in a text.

    Attributes:
        start: index of its first character in the text searched.
        end: index after its last character (``text[start:end]`` is what the viewer wrote,
            separators and traditional characters included).
        word: the word as written in the list.
    """

    start: int
    end: int
    word: str


class SensitiveWords:
    """A list of sensitive words, matched ignoring case, traditional/simplified characters,
    and whitespace or punctuation put between the characters ("加 微-信" hits "加微信")."""

    def __init__(self, words: Iterable[str]) -> None:
        self._index = KeywordIndex((word, word) for word in words)

    def __len__(self) -> int:
        return len(self._index)

    def find(self, text: str) -> list[Match]:
        """The sensitive words in ``text`` (normalised), longest first where they overlap,
        left to right."""
        return [
            Match(hit.start, hit.end, hit.value) for hit in self._index.find(fold(text))
        ]


def parse_word_list(text: str) -> list[str]:
    """Words of a list file: one per line; blank lines and ``#`` comments are skipped."""
    words = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def load_sensitive_words(path: Path | str) -> SensitiveWords:
    """Load a word list file (UTF-8, see ``parse_word_list``).

    Raises:
        OSError: the file cannot be read.
        UnicodeDecodeError: the file is not UTF-8.
    """
    return SensitiveWords(parse_word_list(Path(path).read_text(encoding="utf-8-sig")))
