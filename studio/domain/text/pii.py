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
EMAIL = "email"
QQ = "qq"
WECHAT = "wechat"
ADDRESS = "address"

# -- digits as viewers write them ---------------------------------------------------------------
# Chinese numerals read out digit by digit (一三九…, 幺 for 1 as in spoken numbers, 〇/零 and the
# shape ○ for 0) and the financial capitals (壹贰叁…). Not 两 or 十: those count ("两个",
# "十二"), they never spell a number digit by digit. Circled digits (①…⑨, ⓪) too: NFKC makes
# them plain, but masking must hold on text that skipped normalising.
_DIGIT_VALUES = {
    **dict.fromkeys("〇零○⓪", "0"),
    **dict.fromkeys("一幺壹①", "1"),
    **dict.fromkeys("二贰貳②", "2"),
    **dict.fromkeys("三叁③", "3"),
    **dict.fromkeys("四肆④", "4"),
    **dict.fromkeys("五伍⑤", "5"),
    **dict.fromkeys("六陆陸⑥", "6"),
    **dict.fromkeys("七柒⑦", "7"),
    **dict.fromkeys("八捌⑧", "8"),
    **dict.fromkeys("九玖⑨", "9"),
}
#: One digit as written, a regex class: ``\d`` (every script's decimal digits, fullwidth
#: included), Chinese numerals and circled digits.
DIGIT = "[\\d" + "".join(_DIGIT_VALUES) + "]"
# Characters people put between the digit groups of a number: whitespace, dashes, dots,
# commas, underscores, slashes, brackets, middle dots, tildes, bars, 、 and 。, emoji and other
# symbols (with their variation selectors, skin tones and keycaps), and the invisible characters
# that normalise() removes anyway. ``*`` is none, so masked parts split a number for good;
# letters and ideographs are none, so a word ends a number. Joining too much is safe: numbers
# are looked for in the digit groups of a run, so "13812341234，13912345678" still yields two
# masked mobiles.
SEPARATORS = (
    r"\s\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d._/()\uff08\uff09\u00b7\u30fb,\uff0c"
    r"~\uff5e|\uff5c\u4e28\u3001\u3002\u3008-\u3011\u3014-\u301f"
    r"\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad"
    # Symbols and emoji, leaving out the circled digits (2460-24FF) and the shape ○ (25CB).
    r"\u2190-\u245f\u2500-\u25ca\u25cc-\u2bff\U0001f000-\U0001faff\ufe00-\ufe0f\u20e3"
)
_SEP = f"[{SEPARATORS}]"
#: A number as written: digits with up to four separators between them (an emoji with its
#: skin tone and joiner) and an optional trailing X, the check character of an ID number.
NUMBER_RUN = re.compile(rf"{DIGIT}(?:{_SEP}{{0,4}}{DIGIT})*(?:{_SEP}{{0,3}}[Xx])?")
_SHORTEST_PII = 11  # digits in a mobile or the shortest landline
# Only runs that can hold a mobile or a landline are taken apart, found in one search.
_PII_RUN = re.compile(
    rf"{DIGIT}(?:{_SEP}{{0,4}}{DIGIT}){{{_SHORTEST_PII - 1},}}(?:{_SEP}{{0,3}}[Xx])?"
)
_DIGITS_5 = f"{DIGIT}(?:{_SEP}{{0,4}}{DIGIT}){{4,}}"  # five digits or more, as written
_FIVE_DIGITS = re.compile(_DIGITS_5)

_MOBILE = re.compile(r"1[3-9]\d{9}")
# 3-digit area codes (010, 02x) are followed by 8 digits, 4-digit ones by 7 or 8. Local
# numbers start with 2-8 in practice; 1 and 9 are let in too, since a missed number costs
# more than a masked order number.
_LANDLINES = (
    re.compile(r"0(?:10|2\d)[1-9]\d{7}"),
    re.compile(r"0[3-9]\d\d[1-9]\d{7}"),
    re.compile(r"0[3-9]\d\d[1-9]\d{6}"),
)
_DATE = re.compile(r"(?<!\d)(?:19|20)\d\d([-./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d)")
_DATE_KIND = "date"  # found in a run to be left alone, never reported
_LONG = 15  # digits from which any number is masked (bank cards, old 15-digit ID numbers)
_LEFT_VISIBLE = 5  # digits a long run may show beside the phone numbers in it: fewer
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"

# -- contacts -----------------------------------------------------------------------------------
_QQ_WORDS = ("qq", "扣扣", "企鹅")
# QQ and WeChat as viewers name them (微信 with its look-alikes 威信/薇信/㣲信, VX, V信, wx …).
_CONTACT_WORD = (
    r"(?<![A-Za-z])(?P<word>(?i:qq|扣扣|企鹅|微信|威信|薇信|㣲信|v信|vx|wx|weixin|wechat))"
)
# What may stand between such a word and its number: "QQ号：", "微信是", "(QQ)", "加我".
_BETWEEN = r"[\s:：=＝()（）\[\]【】\-—号码是为我的加]{0,5}"
_CONTACT_WORD_ONLY = re.compile(_CONTACT_WORD)
_CONTACT_HINT = re.compile("[QqVvWw扣企微威薇㣲]")  # a first letter of those words: cheap
_NUMBER_AFTER_WORD = re.compile(rf"{_CONTACT_WORD}{_BETWEEN}(?P<number>{_DIGITS_5})")
_NUMBER_BEFORE_WORD = re.compile(rf"(?P<number>{_DIGITS_5}){_BETWEEN}{_CONTACT_WORD}")
# A WeChat id: 6 or more letters, digits, _ and - (digits alone are taken as a number above).
_WECHAT_ID = re.compile(
    r"(?<![A-Za-z0-9_-])(?P<wxid>wxid_[A-Za-z0-9_-]{4,})"
    rf"|{_CONTACT_WORD}{_BETWEEN}(?P<id>[A-Za-z0-9][A-Za-z0-9_-]{{5,}})"
)
_EMAIL = re.compile(
    r"(?P<local>[A-Za-z0-9._%+-]+)[@\uff20]"
    r"(?P<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
)

# -- street addresses ----------------------------------------------------------------------------
# House numbers, as heuristics that favour the household over the office (see README): a
# building *and* a unit, room or house number ("3栋2单元501室", "5号楼501"), a number on a road
# or in a village ("人民路12号", "张村3组"). Not: a floor or room alone ("政务中心3楼501室"),
# a line ("12号线"), a date ("12月3号"), a building alone ("5号楼").
_HOUSE_DIGIT_CLASS = "[0-9０-９〇零一二三四五六七八九十幺]"
_HOUSE_DIGITS = _HOUSE_DIGIT_CLASS + "{1,5}"
_BUILDING = f"{_HOUSE_DIGITS}(?:号楼|号院|栋|幢|座|单元|组|队|社)"
_INSIDE = f"{_HOUSE_DIGITS}(?:单元|室|户|层|楼|号(?!线))"
_ROOM = "[0-9０-９]{3,5}(?![0-9０-９号])"
_ADDRESS_UNIT = re.compile("[号栋幢座单组队社室户\\-－—]")  # cheap, before _ADDRESS_HINT
_ADDRESS_HINT = re.compile(f"{_HOUSE_DIGITS}(?:号|栋|幢|座|单元|组|队|社|室|户)|[0-9][-－—][0-9]")
_HOUSE = re.compile(
    f"{_BUILDING}(?:{_INSIDE})+(?:{_ROOM})?|{_BUILDING}{_ROOM}"
    # a number on a road, in a lane or a village: the place word stays
    f"|(?:(?<=[路街巷弄村屯])|(?<=大道|胡同)){_HOUSE_DIGITS}(?=号(?!线)|组|队|社)"
    # "幸福小区3-2-501": building, unit and room after a housing estate's name
    r"|(?<=[区园苑院庄村城寓])[0-9]{1,3}[-－—][0-9]{1,3}[-－—][0-9]{1,5}(?![0-9])"
)
_HOUSE_DIGIT = re.compile(_HOUSE_DIGIT_CLASS)

_NOTHING: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class MaskResult:
    """A comment with its personal data masked.

    Attributes:
        text: the masked text, safe for screens and exports.
        found: whether anything was masked.
        kinds: what was masked: ``MOBILE``, ``ID_NUMBER``, ``LANDLINE``, ``LONG_NUMBER``,
            ``EMAIL``, ``QQ``, ``WECHAT``, ``ADDRESS``.
    """

    text: str
    found: bool
    kinds: frozenset[str]


def mask_pii(text: str) -> MaskResult:
    """Mask phone, ID and card numbers, e-mail, QQ, WeChat and house numbers in ``text``.

    Privacy comes first, so a number is looked for in every run of digits joined by
    ``SEPARATORS`` (however the groups are split — spaces, dashes, dots, emoji — with or without
    +86/0086, in any digit script, in Chinese numerals ``一三九…``/``幺``/``〇``), and a false
    alarm is preferred to a miss. Each masked number becomes one contiguous token of ASCII
    digits and ``*``:

    - mobile ``1[3-9]`` + 9 digits: ``138****1234`` (prefixes such as ``+86`` stay in front);
    - ID number, 18 characters with a valid GB 11643 check character and a real birth date
      (1900–2099): first 6 + ``********`` + last 4;
    - landline, filling whole digit groups: area code (010, 02x: 3 digits, else 4) + ``****`` +
      the last 2 digits, e.g. ``0571-88886666`` → ``0571****66``; a ``(`` before the area code
      is taken in, ``(010)12345678`` → ``010****78``;
    - any other 15 digits or more — bank cards, ID numbers with a wrong check character, 15- and
      17-digit ones, order numbers: first 6 + ``*`` for each hidden digit + last 4. A mobile or
      landline counts as one only when it fills whole digit groups of such a long number (as in
      ``13812341234，13912345678``); found inside a group it was a part of the long number
      (``6217001391234567890`` → ``621700*********7890``, not ``62170****1234567890``).

    And beside the numbers:

    - QQ and WeChat numbers, 5 digits or more next to QQ/扣扣/企鹅/微信/VX/V信/wx…
      (``QQ：12345678``, ``12345678是我的QQ``): first and last 2 (1 under 8 digits) kept;
    - WeChat ids after such a word (``微信 zhang_san88`` → ``zh*********``), and ``wxid_…``;
    - e-mail addresses: the name behind its first character, ``z***@qq.com``;
    - house numbers, as ``*`` per digit: a building with its unit, room or house number
      (``3栋2单元501室`` → ``*栋*单元***室``, ``5号楼501``), a number on a road or in a village
      (``人民路12号`` → ``人民路**号``, ``张村3组``), ``小区3-2-501``. A building alone, a floor,
      a line (``12号线``) and dates (``12月3号``) stay.

    Masking is applied until nothing is found, so masking a masked text changes nothing.
    """
    kinds: set[str] = set()
    while True:
        masked = _mask_once(text, kinds)
        if masked is text:
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


def digit_value(char: str) -> str | None:
    """The ASCII digit ``char`` stands for (``"３"``, ``"三"``, ``"幺"``, ``"③"``), or None."""
    value = unicodedata.decimal(char, None)
    return str(value) if value is not None else _DIGIT_VALUES.get(char)


def _ascii_digits(written: str) -> str:
    return "".join(d for d in map(digit_value, written) if d is not None)


def _mask_once(text: str, kinds: set[str]) -> str:
    """One pass of every masking; ``text`` itself (the same object) when nothing was found.

    Each step first asks a cheap question (five digits? an ``@``? a contact word?), so an
    ordinary comment costs a few searches: this runs for every comment of the live feed.
    """
    masked = text
    if _FIVE_DIGITS.search(masked):
        masked = _mask_numbers(masked, kinds)
        if _CONTACT_HINT.search(masked) and _CONTACT_WORD_ONLY.search(masked):
            masked = _mask_contact_numbers(masked, kinds)
    if "@" in masked or "\uff20" in masked:
        masked = _EMAIL.sub(lambda m: _masked_email(m, kinds), masked)
    if "wxid_" in masked or (_CONTACT_HINT.search(masked) and _CONTACT_WORD_ONLY.search(masked)):
        masked = _WECHAT_ID.sub(lambda m: _masked_wechat_id(m, kinds), masked)
    if _ADDRESS_UNIT.search(masked) and _ADDRESS_HINT.search(masked):
        masked = _HOUSE.sub(lambda m: _masked_house(m, kinds), masked)
    return text if masked == text else masked


# -- numbers ------------------------------------------------------------------------------------
def _mask_numbers(text: str, kinds: set[str]) -> str:
    pieces: list[str] = []
    done = 0
    for run in _PII_RUN.finditer(text):
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
        value = digit_value(char)
        if value is not None or char in "Xx":
            digits.append(value if value is not None else "X")
            where.append(i)
            group_start.append(after_separator)
            after_separator = False
        else:
            after_separator = True
    if len(digits) < _SHORTEST_PII:
        return []
    group_start.append(True)  # the run's end ends a group

    number = "".join(digits)
    found: list[tuple[int, int, str, str]] = []  # spans in `number`: masked form, kind

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, _, _ in found)

    # Dates are no personal data, but they count as whole numbers, first: "2000-01-01，2000-01-01"
    # holds 16 digits, and no card.
    index = {at: i for i, at in enumerate(where)}
    for match in _DATE.finditer(text, start, end):
        a, b = index[match.start()], index[match.end() - 1] + 1
        if _fills_groups(number, group_start, a, b):
            found.append((a, b, "", _DATE_KIND))
    for i in range(len(number) - 17):
        candidate = number[i : i + 18]
        if free(i, i + 18) and is_valid_id_number(candidate):
            found.append((i, i + 18, candidate[:6] + "*" * 8 + candidate[-4:], ID_NUMBER))
    for match in _MOBILE.finditer(_blank(number, found)):
        digits_ = match.group()
        found.append((match.start(), match.end(), digits_[:3] + "****" + digits_[-4:], MOBILE))
    blanked = _blank(number, found)
    i = 0
    while i < len(number):
        landline = _landline_at(blanked, i, group_start) if group_start[i] else None
        if landline is None:
            i += 1
            continue
        end = i + len(landline)
        area = 3 if landline.startswith(("010", "02")) else 4
        found.append((i, end, landline[:area] + "****" + landline[-2:], LANDLINE))
        i = end

    masks = _whole_numbers(number, group_start, found)
    spans: list[tuple[int, int, str]] = []
    for a, b, replacement, kind in sorted(masks):
        if kind == _DATE_KIND:
            continue
        kinds.add(kind)
        first, last = where[a], where[b - 1] + 1
        span = text[first:last]
        if first > 0 and text[first - 1] in "(\uff08" and (")" in span or "\uff09" in span):
            first -= 1
        spans.append((first, last, replacement))
    return spans


def _whole_numbers(
    number: str, group_start: list[bool], found: list[tuple[int, int, str, str]]
) -> list[tuple[int, int, str, str]]:
    """What is masked: numbers that fill whole digit groups, and long numbers around the rest.

    A number found across group edges (``6217 0013 9123 4567 890`` holds 13912345678) is part
    of something longer: between the whole-group numbers, a stretch of 15 digits or more is
    masked as one long number, what it held included. A stretch that is shorter keeps what was
    found in it (``213812341234`` → ``2138****1234``). But when 5 digits or more would be left
    visible beside the whole-group numbers of a 15-digit run, the run itself is one long
    number written in groups: ``110105 19491231 002`` is no mobile after six digits.
    """
    whole = sorted(f for f in found if _fills_groups(number, group_start, f[0], f[1]))
    edges = [0, *(edge for a, b, _, _ in whole for edge in (a, b)), len(number)]
    gaps = list(zip(edges[::2], edges[1::2], strict=True))
    inside = [f for f in found if f not in whole]
    if len(number) >= _LONG and all(end - start < _LONG for start, end in gaps):
        left = sum(end - start for start, end in gaps) - sum(b - a for a, b, _, _ in inside)
        if left >= _LEFT_VISIBLE:
            whole, gaps, inside = [], [(0, len(number))], []
    masks = list(whole)
    for start, end in gaps:
        if end - start >= _LONG:
            digits = number[start:end]
            masked = digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
            masks.append((start, end, masked, LONG_NUMBER))
        else:
            masks += [f for f in inside if start <= f[0] and f[1] <= end]
    return masks


def _fills_groups(number: str, group_start: list[bool], a: int, b: int) -> bool:
    """Whether ``number[a:b]`` starts and ends at group edges (a glued 86/0086 before it too)."""
    if not group_start[b]:
        return False
    if group_start[a]:
        return True
    return number[a - 2 : a] == "86" and (
        group_start[a - 2] or (number[a - 4 : a - 2] == "00" and group_start[a - 4])
    )


def _landline_at(number: str, start: int, group_start: list[bool]) -> str | None:
    """The landline that fills whole digit groups from ``start`` in ``number``, if any.

    Whole groups only: "0212 3456 7890 1234" is a bank card, not Shanghai's 021 3456 7890.
    """
    for pattern in _LANDLINES:
        match = pattern.match(number, start)
        if match and group_start[match.end()]:
            return match.group()
    return None


def _blank(number: str, found: list[tuple[int, int, str, str]]) -> str:
    """``number`` with the spans already masked replaced by ``*`` (so searches skip them)."""
    chars = list(number)
    for a, b, _, _ in found:
        chars[a:b] = "*" * (b - a)
    return "".join(chars)


# -- contacts and addresses ---------------------------------------------------------------------
def _keep_ends(digits: str) -> str:
    keep = 2 if len(digits) >= 8 else 1
    return digits[:keep] + "*" * (len(digits) - 2 * keep) + digits[-keep:]


def _mask_contact_numbers(text: str, kinds: set[str]) -> str:
    def masked(match: re.Match[str]) -> str:
        kinds.add(QQ if match["word"].lower() in _QQ_WORDS else WECHAT)
        whole, offset = match.group(), match.start()
        start, end = match.span("number")
        number = _keep_ends(_ascii_digits(match["number"]))
        return whole[: start - offset] + number + whole[end - offset :]

    text = _NUMBER_AFTER_WORD.sub(masked, text)
    return _NUMBER_BEFORE_WORD.sub(masked, text)


def _masked_email(match: re.Match[str], kinds: set[str]) -> str:
    kinds.add(EMAIL)
    local = match["local"]
    return (local[0] + "***" if len(local) > 1 else "***") + "@" + match["domain"]


def _masked_wechat_id(match: re.Match[str], kinds: set[str]) -> str:
    kinds.add(WECHAT)
    if match["wxid"]:
        return "wxid_" + "*" * (len(match["wxid"]) - 5)
    wechat_id = match["id"]
    return (
        match.group()[: match.start("id") - match.start()]
        + wechat_id[:2]
        + "*" * (len(wechat_id) - 2)
    )


def _masked_house(match: re.Match[str], kinds: set[str]) -> str:
    kinds.add(ADDRESS)
    return _HOUSE_DIGIT.sub("*", match.group())
