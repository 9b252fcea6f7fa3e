"""Mask personal data (phone numbers, ID numbers) in a comment or a nickname before anyone sees it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from studio.domain.text.normalise import normalise

MOBILE = "mobile"
ID_NUMBER = "id_number"
LANDLINE = "landline"
LONG_NUMBER = "long_number"

# Characters people put between the digit groups of a number: whitespace, dashes, dots,
# commas, underscores, slashes, parentheses, middle dots, and the invisible characters that
# normalise() removes anyway (masking must hold even on text that skipped normalising).
# Joining too much is safe: numbers are looked for anywhere inside a run, so
# "13812341234，13912345678" still yields two masked mobiles.
SEPARATORS = (
    r"\s\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d._/()\uff08\uff09\u00b7\u30fb,\uff0c"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
)
_SEP = f"[{SEPARATORS}]"
#: A number as written: digits (any script) with up to three separators between them and an
#: optional trailing X, the check character of an ID number. ``*`` is no separator, so masked
#: parts split a number for good.
NUMBER_RUN = re.compile(rf"\d(?:{_SEP}{{0,3}}\d)*(?:{_SEP}{{0,3}}[Xx])?")

_MOBILE = re.compile(r"1[3-9]\d{9}")
# 3-digit area codes (010, 02x) are followed by 8 digits, 4-digit ones by 7 or 8. Local
# numbers start with 2-8 in practice; 1 and 9 are let in too, since a missed number costs
# more than a masked order number.
_LANDLINES = (
    re.compile(r"0(?:10|2\d)[1-9]\d{7}"),
    re.compile(r"0[3-9]\d\d[1-9]\d{7}"),
    re.compile(r"0[3-9]\d\d[1-9]\d{6}"),
)
_ANY_DIGIT = re.compile(r"\d")
_NOTHING: frozenset[str] = frozenset()
_SHORTEST_PII = 11  # digits in a mobile or the shortest landline
_LONG = 15  # digits from which any number is masked (bank cards, old 15-digit ID numbers)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


@dataclass(frozen=True, slots=True)
class MaskResult:
    """A comment with its personal data masked.

    Attributes:
        text: the masked text, safe for screens and exports.
        found: whether anything was masked.
        kinds: what was masked: ``MOBILE``, ``ID_NUMBER``, ``LANDLINE``, ``LONG_NUMBER``.
    """

    text: str
    found: bool
    kinds: frozenset[str]


def mask_pii(text: str) -> MaskResult:
    """Mask phone numbers, ID numbers and other long numbers in ``text``.

    Privacy comes first, so a number is looked for inside every run of digits joined by
    ``SEPARATORS`` (however the groups are split, with or without +86/0086, in any digit
    script), and a false alarm is preferred to a miss. Each masked number becomes one
    contiguous token of ASCII digits and ``*``:

    - mobile ``1[3-9]`` + 9 digits, anywhere in a run: ``138****1234`` (prefixes such as
      ``+86`` stay in front);
    - ID number, 18 characters with a valid GB 11643 check character and a real birth date
      (1900–2099), anywhere in a run: first 6 + ``********`` + last 4;
    - landline, filling whole digit groups: area code (010, 02x: 3 digits, else 4) + ``****`` +
      the last 2 digits, e.g. ``0571-88886666`` → ``0571****66``; a ``(`` before the area code
      is taken in, ``(010)12345678`` → ``010****78``;
    - whatever run of 15 or more digits is left (bank cards, old ID numbers, long order
      numbers): first 6 + ``*`` for each hidden digit + last 4.

    Masking is applied until nothing is found, so masking a masked text changes nothing.
    """
    if not _ANY_DIGIT.search(text):  # every number this masks starts with a digit
        return MaskResult(text, False, _NOTHING)
    kinds: set[str] = set()
    while True:
        masked = _mask_once(text, kinds)
        if masked == text:
            break
        text = masked
    return MaskResult(text, bool(kinds), frozenset(kinds))


#: The longest nickname kept, in characters (``question.nickname``).
NICKNAME_MAX_LEN = 80


def mask_nickname(nickname: str) -> str:
    """A viewer's nickname as it may be shown or exported: one line, personal data masked.

    Viewers put phone numbers in their names (``王阿姨13812345678``) as often as in comments,
    so a nickname gets the same masking as a comment's text (``王阿姨138****5678``).
    """
    return mask_pii(normalise(nickname, NICKNAME_MAX_LEN)).text if nickname else ""


def is_valid_id_number(number: str) -> bool:
    """Whether ``number`` is an 18-character ID number: check character and birth date."""
    if len(number) != 18 or not number[:17].isascii() or not number[:17].isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != number[17].upper():
        return False
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    if not 1900 <= year <= 2099:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _mask_once(text: str, kinds: set[str]) -> str:
    pieces: list[str] = []
    done = 0
    for run in NUMBER_RUN.finditer(text):
        if run.end() - run.start() < _SHORTEST_PII:
            continue
        for start, end, replacement in _mask_run(text, run.start(), run.end(), kinds):
            pieces.append(text[done:start])
            pieces.append(replacement)
            done = end
    if not pieces:
        return text
    pieces.append(text[done:])
    return "".join(pieces)


def _mask_run(text: str, start: int, end: int, kinds: set[str]) -> list[tuple[int, int, str]]:
    """Masks for one run of digits, as (start, end, replacement) in ``text``, in order."""
    digits: list[str] = []
    where: list[int] = []  # index in text of each digit
    group_start: list[bool] = []  # whether a separator (or nothing) comes before the digit
    after_separator = True
    for i in range(start, end):
        char = text[i]
        value = unicodedata.decimal(char, None)
        if value is not None or char in "Xx":
            digits.append(str(value) if value is not None else "X")
            where.append(i)
            group_start.append(after_separator)
            after_separator = False
        else:
            after_separator = True
    if len(digits) < _SHORTEST_PII:
        return []

    number = "".join(digits)
    found: list[tuple[int, int, str]] = []  # spans in `number`, with their masked form

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, _ in found)

    for i in range(len(number) - 17):
        candidate = number[i : i + 18]
        if free(i, i + 18) and is_valid_id_number(candidate):
            found.append((i, i + 18, candidate[:6] + "*" * 8 + candidate[-4:]))
            kinds.add(ID_NUMBER)
    for match in _MOBILE.finditer(_blank(number, found)):
        digits_ = match.group()
        found.append((match.start(), match.end(), digits_[:3] + "****" + digits_[-4:]))
        kinds.add(MOBILE)
    blanked = _blank(number, found)
    i = 0
    while i < len(number):
        landline = _landline_at(blanked, i, group_start) if group_start[i] else None
        if landline is None:
            i += 1
            continue
        end = i + len(landline)
        area = 3 if landline.startswith(("010", "02")) else 4
        found.append((i, end, landline[:area] + "****" + landline[-2:]))
        kinds.add(LANDLINE)
        i = end
    blanked = _blank(number, found)
    for match in re.finditer(rf"[^*]{{{_LONG},}}", blanked):
        digits_ = match.group()
        hidden = len(digits_) - 10
        found.append((match.start(), match.end(), digits_[:6] + "*" * hidden + digits_[-4:]))
        kinds.add(LONG_NUMBER)

    masks: list[tuple[int, int, str]] = []
    for a, b, replacement in sorted(found):
        first, last = where[a], where[b - 1] + 1
        span = text[first:last]
        if first > 0 and text[first - 1] in "(\uff08" and (")" in span or "\uff09" in span):
            first -= 1
        masks.append((first, last, replacement))
    return masks


def _landline_at(number: str, start: int, group_start: list[bool]) -> str | None:
    """The landline that fills whole digit groups from ``start`` in ``number``, if any.

    Whole groups only: "0212 3456 7890 1234" is a bank card, not Shanghai's 021 3456 7890.
    """
    for pattern in _LANDLINES:
        match = pattern.match(number, start)
        if match and (match.end() == len(number) or group_start[match.end()]):
            return match.group()
    return None


def _blank(number: str, found: list[tuple[int, int, str]]) -> str:
    """``number`` with the spans already masked replaced by ``*`` (so searches skip them)."""
    chars = list(number)
    for a, b, _ in found:
        chars[a:b] = "*" * (b - a)
    return "".join(chars)
