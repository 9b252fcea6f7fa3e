"""The studio's profile: the county's names, its broadcast accounts, zone, slot and deadlines.

One profile per database, set on the settings page (or ``studio profile import``). Whatever a
viewer or a reader sees — posters, announcement texts, room chips, exports — names the county
and its accounts from here, never from a capture key such as ``gov``. The profile travels as
JSON (:func:`profile_to_json`, :func:`profile_from_json`), accounts and images included.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from studio.domain.model import Platform, ReferralCategory, RoomRole
from studio.domain.referral_deadlines import DAYS_MAX, DEFAULT_DAYS
from studio.domain.refusals import Refusal, Refused
from studio.domain.session_report import LOW_ENGAGEMENT_PER_1000
from studio.domain.studio_time import UnknownZone, zone_named

#: The referral categories whose deadline (working days) the profile sets, in the order shown.
REFERRAL_CATEGORIES = tuple(str(category) for category in ReferralCategory)
#: 12345 hotline practice (one table: :mod:`studio.domain.referral_deadlines`).
DEFAULT_REFERRAL_DAYS: Mapping[str, int] = {str(c): days for c, days in DEFAULT_DAYS.items()}
REFERRAL_DAYS_MAX = DAYS_MAX
DEFAULT_SLOT = (dt.time(15, 0), dt.time(16, 0))
COUNTY_NAME_MAX = 40
SHORT_NAME_MAX = 20
ACCOUNT_NAME_MAX = 80
IDENTITY_MAX = 200
#: Logos and QR codes are small pictures; a bigger file is refused rather than stored.
IMAGE_BYTES_MAX = 2 * 1024 * 1024
#: The platforms a broadcast account can be on (manual questions have no account).
ACCOUNT_PLATFORMS = (Platform.DOUYIN, Platform.KUAISHOU)
FORMAT_VERSION = 1
#: The highest low-engagement mark the profile takes (distinct questions per 1,000 viewers).
LOW_ENGAGEMENT_MAX = 1000.0


class ProfileProblem(Refused):
    """A profile or an account was refused: a code and its arguments (worded by the table)."""


@dataclass(frozen=True, slots=True)
class StudioProfile:
    """The county's own settings.

    Attributes:
        county_name: the county as viewers read it (青山县).
        short_name: a short form for tight places (青山); the county's name when empty.
        time_zone: the studio's IANA zone; "" leaves it to ``--tz``, ``STUDIO_TZ`` or the default.
        slot_start, slot_end: the default broadcast slot of a new session.
        referral_days: working days a department has for a referral, by category.
        logo_png: the county's logo as image bytes (PNG or JPEG), or empty.
        low_engagement_per_1000: the period report marks a unit drawing fewer distinct
            questions per 1,000 viewers (``studio report units --threshold`` overrides it).
    """

    county_name: str = ""
    short_name: str = ""
    time_zone: str = ""
    slot_start: dt.time = DEFAULT_SLOT[0]
    slot_end: dt.time = DEFAULT_SLOT[1]
    referral_days: Mapping[str, int] = field(default_factory=lambda: dict(DEFAULT_REFERRAL_DAYS))
    logo_png: bytes = b""
    low_engagement_per_1000: float = LOW_ENGAGEMENT_PER_1000

    @property
    def is_set(self) -> bool:
        """Whether the county has been named (the first-run checklist's first step)."""
        return bool(self.county_name.strip())

    @property
    def short(self) -> str:
        return self.short_name or self.county_name

    def days_for(self, category: str) -> int:
        """Working days for a referral of ``category`` (the default for one not set)."""
        return int(self.referral_days.get(category, DEFAULT_REFERRAL_DAYS.get(category, 5)))


@dataclass(frozen=True, slots=True)
class BroadcastAccount:
    """One of the county's live accounts: the room its comments arrive in.

    Attributes:
        id: the stored room's id; None for an account not stored yet.
        platform: Douyin or Kuaishou.
        role: the county's own account (gov) or the department's (dept).
        account_name: the name viewers see (青山县人民政府).
        identity: how the capture tool names the room: a Douyin SecUid or live id, or the
            Kuaishou userscript's path key.
        qr_png: the account's QR code as image bytes, or empty.
        unassigned: a room the feed met that nobody has said whose it is yet.
    """

    id: int | None
    platform: Platform
    role: RoomRole
    account_name: str
    identity: str
    qr_png: bytes = b""
    unassigned: bool = False

    @property
    def shown_name(self) -> str:
        """The account's name, or its identity while it has none."""
        return self.account_name or self.identity


def check_profile(profile: StudioProfile) -> StudioProfile:
    """``profile`` with its texts trimmed, if it can be stored.

    Raises:
        ProfileProblem: a field is missing, too long or out of range.
    """
    county = profile.county_name.strip()
    short = profile.short_name.strip()
    if not county:
        raise ProfileProblem(Refusal.COUNTY_NAME_EMPTY)
    if len(county) > COUNTY_NAME_MAX:
        raise ProfileProblem(Refusal.NAME_TOO_LONG, max=COUNTY_NAME_MAX)
    if len(short) > SHORT_NAME_MAX:
        raise ProfileProblem(Refusal.SHORT_NAME_TOO_LONG, name=short, max=SHORT_NAME_MAX)
    zone = profile.time_zone.strip()
    if zone:
        try:
            zone_named(zone)
        except UnknownZone:
            raise ProfileProblem(Refusal.ZONE_UNKNOWN, name=zone) from None
    if profile.slot_end <= profile.slot_start:
        raise ProfileProblem(Refusal.SLOT_BACKWARDS, start=profile.slot_start, end=profile.slot_end)
    days: dict[str, int] = {}
    for category in REFERRAL_CATEGORIES:
        value = profile.referral_days.get(category, DEFAULT_REFERRAL_DAYS[category])
        if not isinstance(value, int) or not 1 <= value <= REFERRAL_DAYS_MAX:
            raise ProfileProblem(
                Refusal.DEADLINE_OUT_OF_RANGE, name=category, max=REFERRAL_DAYS_MAX
            )
        days[category] = value
    if len(profile.logo_png) > IMAGE_BYTES_MAX:
        raise ProfileProblem(Refusal.IMAGE_TOO_LARGE, max=IMAGE_BYTES_MAX // 1024)
    mark = profile.low_engagement_per_1000
    number = isinstance(mark, int | float) and not isinstance(mark, bool)
    if not number or not 0 <= mark <= LOW_ENGAGEMENT_MAX:  # NaN too
        raise ProfileProblem(Refusal.THRESHOLD_OUT_OF_RANGE, max=f"{LOW_ENGAGEMENT_MAX:g}")
    return replace(
        profile,
        county_name=county,
        short_name=short,
        time_zone=zone,
        referral_days=days,
        low_engagement_per_1000=float(mark),
    )


def check_account(account: BroadcastAccount) -> BroadcastAccount:
    """``account`` with its texts trimmed, if it can be stored.

    Raises:
        ProfileProblem: no identity, a text too long, an image too large, a manual platform.
    """
    name = account.account_name.strip()
    identity = account.identity.strip()
    if account.platform not in ACCOUNT_PLATFORMS:
        raise ProfileProblem(Refusal.ACCOUNT_PLATFORM, name=str(account.platform))
    if not identity:
        raise ProfileProblem(Refusal.IDENTITY_EMPTY)
    if len(identity) > IDENTITY_MAX:
        raise ProfileProblem(Refusal.NAME_TOO_LONG, max=IDENTITY_MAX)
    if len(name) > ACCOUNT_NAME_MAX:
        raise ProfileProblem(Refusal.NAME_TOO_LONG, max=ACCOUNT_NAME_MAX)
    if len(account.qr_png) > IMAGE_BYTES_MAX:
        raise ProfileProblem(Refusal.IMAGE_TOO_LARGE, max=IMAGE_BYTES_MAX // 1024)
    return replace(account, account_name=name, identity=identity)


# -- the profile file ---------------------------------------------------------------------------
def _image_text(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii") if data else ""


def _image_bytes(text: object, what: str) -> bytes:
    if not text:
        return b""
    if not isinstance(text, str):
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text=what)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text=what) from None


def profile_to_json(profile: StudioProfile, accounts: Sequence[BroadcastAccount]) -> str:
    """The profile and the county's accounts as a JSON document (images in base64)."""
    document = {
        "format": "studio-profile",
        "version": FORMAT_VERSION,
        "county_name": profile.county_name,
        "short_name": profile.short_name,
        "time_zone": profile.time_zone,
        "slot": [f"{profile.slot_start:%H:%M}", f"{profile.slot_end:%H:%M}"],
        "referral_days": {c: profile.days_for(c) for c in REFERRAL_CATEGORIES},
        "low_engagement_per_1000": profile.low_engagement_per_1000,
        "logo_png": _image_text(profile.logo_png),
        "accounts": [
            {
                "platform": str(a.platform),
                "role": str(a.role),
                "account_name": a.account_name,
                "identity": a.identity,
                "qr_png": _image_text(a.qr_png),
            }
            for a in accounts
            if not a.unassigned
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _text_field(document: Mapping[str, Any], name: str) -> str:
    value = document.get(name, "")
    if not isinstance(value, str):
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text=name)
    return value


def _time_field(text: object, what: str) -> dt.time:
    try:
        return dt.time.fromisoformat(str(text))
    except ValueError:
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text=what) from None


def profile_from_json(text: str) -> tuple[StudioProfile, list[BroadcastAccount]]:
    """A profile file read back, checked as the settings page checks what is typed.

    Raises:
        ProfileProblem: not a profile file, or a value that could not be stored.
    """
    try:
        document = json.loads(text)
    except ValueError as error:
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text=str(error)) from None
    if not isinstance(document, dict) or document.get("format") != "studio-profile":
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text="format")
    slot = document.get("slot", ["15:00", "16:00"])
    if not isinstance(slot, list) or len(slot) != 2:
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text="slot")
    days = document.get("referral_days", {})
    if not isinstance(days, dict) or not all(isinstance(v, int) for v in days.values()):
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text="referral_days")
    profile = check_profile(
        StudioProfile(
            county_name=_text_field(document, "county_name"),
            short_name=_text_field(document, "short_name"),
            time_zone=_text_field(document, "time_zone"),
            slot_start=_time_field(slot[0], "slot"),
            slot_end=_time_field(slot[1], "slot"),
            referral_days={**DEFAULT_REFERRAL_DAYS, **days},
            logo_png=_image_bytes(document.get("logo_png"), "logo_png"),
            low_engagement_per_1000=document.get(
                "low_engagement_per_1000", LOW_ENGAGEMENT_PER_1000
            ),
        )
    )
    accounts = []
    raw_accounts = document.get("accounts", [])
    if not isinstance(raw_accounts, list):
        raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text="accounts")
    for item in raw_accounts:
        if not isinstance(item, dict):
            raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text="accounts")
        try:
            platform = Platform(str(item.get("platform", "")))
            role = RoomRole(str(item.get("role", "")))
        except ValueError:
            raise ProfileProblem(Refusal.PROFILE_FILE_INVALID, text="accounts") from None
        accounts.append(
            check_account(
                BroadcastAccount(
                    None,
                    platform,
                    role,
                    _text_field(item, "account_name"),
                    _text_field(item, "identity"),
                    _image_bytes(item.get("qr_png"), "qr_png"),
                )
            )
        )
    return profile, accounts


# -- the first-run checklist --------------------------------------------------------------------
FIRST_RUN_STEPS = ("profile", "units", "officials", "accounts", "phones", "session")


@dataclass(frozen=True, slots=True)
class StudioSetup:
    """How far the studio is set up: what the first-run checklist ticks.

    Attributes:
        profile: the county is named.
        units: at least one unit in the directory.
        officials: at least one official serving.
        accounts: at least one broadcast account (room) with a name.
        phones: at least one broadcast phone bound to a role.
        session: a session is planned (today or later) or has aired.
    """

    profile: bool = False
    units: bool = False
    officials: bool = False
    accounts: bool = False
    phones: bool = False
    session: bool = False

    def done(self, step: str) -> bool:
        return bool(getattr(self, step))

    @property
    def complete(self) -> bool:
        return all(self.done(step) for step in FIRST_RUN_STEPS)

    @property
    def empty(self) -> bool:
        """Nothing set up at all: the database is new."""
        return not any(self.done(step) for step in FIRST_RUN_STEPS)

    @property
    def next_step(self) -> str | None:
        """The first step not done, or None."""
        return next((step for step in FIRST_RUN_STEPS if not self.done(step)), None)
