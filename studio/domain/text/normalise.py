"""Normalise a viewer's comment for matching and display: one canonical, bounded, visible form."""

from __future__ import annotations

import re
import unicodedata

#: Appended when a comment is cut. U+22EF survives NFKC (U+2026 "…" would become "..."),
#: so normalising an already normalised text changes nothing.
ELLIPSIS = "\u22ef"

# Format characters (Unicode category Cf: zero-width spaces and joiners, bidi controls, soft
# hyphen, BOM, tag characters …) as of Unicode 15. They are invisible, so they only serve to
# dodge word filters or to reorder what the official reads; all of them go.
_FORMAT_RANGES = (
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
)
# Letters that render as nothing (Hangul fillers, used for "blank" comments and nicknames).
_INVISIBLE_LETTERS = (0x115F, 0x1160, 0x3164, 0xFFA0)
# Whitespace that str.split() does not know, or control characters that act as separators.
_AS_SPACE = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x85, 0x2800)


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # C0 and C1 controls and DEL: dropped unless they separate words.
    for cp in (*range(0x00, 0x20), *range(0x7F, 0xA0)):
        table[cp] = None
    for first, last in _FORMAT_RANGES:
        for cp in range(first, last + 1):
            table[cp] = None
    # Lone surrogates cannot be encoded (SQLite, Qt and JSON would all fail on them).
    for cp in range(0xD800, 0xE000):
        table[cp] = None
    for cp in _INVISIBLE_LETTERS:
        table[cp] = None
    for cp in _AS_SPACE:
        table[cp] = " "
    return table


_TABLE = _build_table()
_STRIPPED = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]")
# Common combining marks. More than three on one letter is "Zalgo" text, which paints over the
# lines above and below it on the official's screen.
_MARK = (
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_MARK_PILE = re.compile(f"({_MARK}{{3}}){_MARK}+")
# A number cut in half (see _cut): its kept head, and its dropped rest.
_NUMBER_HEAD = re.compile(r"[\d\s\-.()/_·]*\d[\s\-.()/_·]*$")
_NUMBER_REST = re.compile(r"[\s\-.()/_·]{0,3}\d")
# Chinese sentence punctuation that NFKC would fold to ASCII ("？" → "?"). Chinese readers expect
# the full-width forms on the official's screen, and matching ignores punctuation anyway.
_KEEP_WIDE = re.compile("([\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f])")


def normalise(text: str, max_len: int = 500) -> str:
    """Return the canonical form of a comment: NFKC, visible characters only, one line.

    Control, zero-width, bidi and other format characters are removed, whitespace runs become
    one space, the ends are trimmed and piles of combining marks are cut to three. A result
    longer than ``max_len`` characters is cut and ends with ``ELLIPSIS``; a number cut in half
    is dropped whole, so the cut never leaves most of a phone number that masking can no longer
    recognise. Normalising twice gives the same text as normalising once.

    Args:
        text: anything a viewer wrote.
        max_len: the longest result, in characters (at least 1).

    Raises:
        ValueError: ``max_len`` is below 1.
    """
    if max_len < 1:
        raise ValueError(f"max_len must be at least 1, not {max_len}")
    # Bound the work before NFKC, which can expand a character up to 18-fold (U+FDFA).
    text = text[: max_len * 4 + 64]
    if _STRIPPED.search(text):
        text = text.translate(_TABLE)
    if not unicodedata.is_normalized("NFKC", text):
        text = _nfkc_keeping_wide_punctuation(text)
        # NFKC can produce new controls or formats (rare, but e.g. from compatibility forms).
        if _STRIPPED.search(text):
            text = text.translate(_TABLE)
    if _MARK_PILE.search(text):
        text = _MARK_PILE.sub(r"\1", text)
    text = " ".join(text.split())
    if len(text) > max_len:
        text = _cut(text, max_len)
    return text


def _nfkc_keeping_wide_punctuation(text: str) -> str:
    parts = _KEEP_WIDE.split(text)
    # split() with a group alternates: text, kept punctuation, text, …
    if all(unicodedata.is_normalized("NFKC", part) for part in parts[::2]):
        return text  # only the kept punctuation was not NFKC: the common case, made cheap
    return "".join(
        part if index % 2 else unicodedata.normalize("NFKC", part)
        for index, part in enumerate(parts)
    )


def _cut(text: str, max_len: int) -> str:
    kept = text[: max_len - 1]
    if _NUMBER_REST.match(text, max_len - 1):
        kept = _NUMBER_HEAD.sub("", kept)
    return kept.rstrip() + ELLIPSIS
