"""The studio's profile and broadcast accounts in the database: read, save, export and import.

The profile is one row (``studio_profile``, id 1); the accounts are the ``room`` rows of Douyin
and Kuaishou (a room is where an account's comments arrive). Every write is one transaction
with its audit event (seat ``settings``). Blocking: the profile service calls these from a
worker thread, the ``studio profile`` commands directly.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from sqlalchemy import Select, exists, or_, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.model import Platform, RoomRole, SessionStatus
from studio.domain.profile import (
    ACCOUNT_PLATFORMS,
    DEFAULT_REFERRAL_DAYS,
    REFERRAL_CATEGORIES,
    BroadcastAccount,
    ProfileProblem,
    StudioProfile,
    StudioSetup,
    check_account,
    check_profile,
    profile_from_json,
    profile_to_json,
)
from studio.domain.refusals import Refusal
from studio.domain.studio_time import now_instant
from studio.store.database import Database
from studio.store.models import (
    AuditEvent,
    BlockedAuthor,
    Official,
    Phone,
    Question,
    Room,
    Session,
    StatsSample,
    StudioProfileRow,
    Unit,
)

SEAT = "settings"
_PROFILE_ID = 1


# -- the profile --------------------------------------------------------------------------------
def _profile_of(row: StudioProfileRow | None) -> StudioProfile:
    if row is None:
        return StudioProfile()
    try:
        stored = json.loads(row.referral_days_json or "{}")
    except ValueError:
        stored = {}
    days = {
        c: int(stored[c]) if isinstance(stored.get(c), int) else DEFAULT_REFERRAL_DAYS[c]
        for c in REFERRAL_CATEGORIES
    }
    return StudioProfile(
        county_name=row.county_name,
        short_name=row.short_name,
        time_zone=row.time_zone,
        slot_start=row.slot_start,
        slot_end=row.slot_end,
        referral_days=days,
        logo_png=row.logo_png or b"",
        low_engagement_per_1000=float(row.low_engagement_per_1000),
    )


def load_profile(db: Database) -> StudioProfile:
    """The stored profile (an empty one, with the default slot and deadlines, before it is set)."""
    with db.sessions() as s:
        return _profile_of(s.get(StudioProfileRow, _PROFILE_ID))


def _audit(s: OrmSession, action: str, subject: str, before: str, after: str) -> None:
    s.add(
        AuditEvent(
            at=now_instant(), seat=SEAT, action=action, subject=subject, before=before, after=after
        )
    )


def _summary(profile: StudioProfile) -> str:
    """The profile as the audit keeps it (the logo by its size only)."""
    return json.dumps(
        {
            "county_name": profile.county_name,
            "short_name": profile.short_name,
            "time_zone": profile.time_zone,
            "slot": f"{profile.slot_start:%H:%M}-{profile.slot_end:%H:%M}",
            "referral_days": dict(profile.referral_days),
            "logo_bytes": len(profile.logo_png),
            "low_engagement_per_1000": profile.low_engagement_per_1000,
        },
        ensure_ascii=False,
    )


def _save_profile(s: OrmSession, profile: StudioProfile) -> StudioProfile:
    profile = check_profile(profile)
    row = s.get(StudioProfileRow, _PROFILE_ID)
    before = _summary(_profile_of(row)) if row is not None else ""
    if row is None:
        row = StudioProfileRow(id=_PROFILE_ID)
        s.add(row)
    row.county_name = profile.county_name
    row.short_name = profile.short_name
    row.time_zone = profile.time_zone
    row.slot_start = profile.slot_start
    row.slot_end = profile.slot_end
    row.referral_days_json = json.dumps(dict(profile.referral_days), sort_keys=True)
    row.logo_png = profile.logo_png or None
    row.low_engagement_per_1000 = profile.low_engagement_per_1000
    row.updated_at = now_instant()
    _audit(s, "profile.save", "profile", before, _summary(profile))
    return profile


def save_profile(db: Database, profile: StudioProfile) -> StudioProfile:
    """Store ``profile`` (checked and trimmed); returns it as stored.

    Raises:
        ProfileProblem: a field could not be stored (nothing changed).
    """
    with db.transaction() as s:
        return _save_profile(s, profile)


def referral_days(db: Database) -> dict[str, int]:
    """Working days a department has for a referral, by category (enquiry, help, suggestion,
    complaint): the profile's, or the defaults before it is set."""
    with db.sessions() as s:
        return referral_days_in(s)


def referral_days_in(s: OrmSession) -> dict[str, int]:
    """:func:`referral_days`, read in an open transaction (a referral's deadline is set in
    the same transaction as the ticket)."""
    profile = _profile_of(s.get(StudioProfileRow, _PROFILE_ID))
    return {category: profile.days_for(category) for category in REFERRAL_CATEGORIES}


def profile_zone(db: Database) -> str:
    """The studio's zone as the profile sets it ("": left to ``--tz``, ``STUDIO_TZ``, default)."""
    with db.sessions() as s:
        return s.scalar(select(StudioProfileRow.time_zone).where(StudioProfileRow.id == 1)) or ""


def low_engagement_threshold(db: Database) -> float:
    """The period report's low-engagement mark as the profile sets it (the default before)."""
    return load_profile(db).low_engagement_per_1000


def county_name(db: Database) -> str:
    """The county's name as the profile sets it ("" before it is set)."""
    return load_profile(db).county_name


# -- the accounts -------------------------------------------------------------------------------
def _account_of(row: Room) -> BroadcastAccount:
    return BroadcastAccount(
        row.id,
        Platform(row.platform),
        RoomRole(row.role),
        row.account_name,
        row.identity,
        row.qr_png or b"",
        unassigned=not row.assigned,
    )


def list_accounts(db: Database) -> list[BroadcastAccount]:
    """The county's broadcast accounts (rooms on Douyin and Kuaishou): unassigned rooms first,
    then the county's own, then the departments', each in the order they were added."""
    with db.sessions() as s:
        rows = s.scalars(
            select(Room)
            .where(Room.platform.in_([str(p) for p in ACCOUNT_PLATFORMS]))
            .order_by(Room.assigned, Room.role.desc(), Room.id)
        )
        return [_account_of(row) for row in rows]


def _taken(s: OrmSession, account: BroadcastAccount) -> bool:
    query = select(Room.id).where(
        Room.platform == str(account.platform), Room.identity == account.identity
    )
    if account.id is not None:
        query = query.where(Room.id != account.id)
    return s.execute(query).first() is not None


def _write_account(s: OrmSession, account: BroadcastAccount) -> BroadcastAccount:
    account = check_account(account)
    if _taken(s, account):
        raise ProfileProblem(Refusal.ACCOUNT_TAKEN, name=account.identity)
    if account.id is None:
        row = Room()
        s.add(row)
        before = ""
    else:
        found = s.get(Room, account.id)
        if found is None:
            raise ProfileProblem(Refusal.NO_ACCOUNT_WITH_ID, id=account.id)
        row = found
        before = f"{row.platform} {row.role} {row.account_name} {row.identity}"
    row.platform = str(account.platform)
    row.role = str(account.role)
    row.account_name = account.account_name or account.identity
    row.identity = account.identity
    row.qr_png = account.qr_png or None
    row.assigned = True
    s.flush()
    after = f"{row.platform} {row.role} {row.account_name} {row.identity}"
    _audit(s, "account.save", f"room:{row.id}", before, after)
    return _account_of(row)


def save_account(db: Database, account: BroadcastAccount) -> BroadcastAccount:
    """Add (``id`` None) or change a broadcast account; it counts as assigned from then on.

    Raises:
        ProfileProblem: a field could not be stored, or another account has the identity.
    """
    with db.transaction() as s:
        return _write_account(s, account)


def assign_room(db: Database, room_id: int, role: RoomRole) -> BroadcastAccount:
    """Say whose a room the feed met is: the county's (gov) or the department's (dept).

    Raises:
        ProfileProblem: no such room.
    """
    with db.transaction() as s:
        row = s.get(Room, room_id)
        if row is None:
            raise ProfileProblem(Refusal.NO_ACCOUNT_WITH_ID, id=room_id)
        before = f"{row.role} assigned={row.assigned}"
        row.role = str(role)
        row.assigned = True
        _audit(s, "account.assign", f"room:{row.id}", before, str(role))
        return _account_of(row)


def remove_account(db: Database, room_id: int) -> None:
    """Remove an account nobody's comments or figures refer to.

    Raises:
        ProfileProblem: no such account, or it has comments, figures or blocks.
    """
    with db.transaction() as s:
        row = s.get(Room, room_id)
        if row is None:
            raise ProfileProblem(Refusal.NO_ACCOUNT_WITH_ID, id=room_id)
        for table in (Question, StatsSample, BlockedAuthor):
            if s.scalar(select(exists().where(table.room_id == room_id))):
                raise ProfileProblem(Refusal.ACCOUNT_IN_USE, name=row.account_name)
        _audit(s, "account.remove", f"room:{row.id}", f"{row.account_name} {row.identity}", "")
        s.delete(row)


# -- the file -----------------------------------------------------------------------------------
def export_profile(db: Database) -> str:
    """The profile and the accounts as a JSON document."""
    return profile_to_json(load_profile(db), list_accounts(db))


def import_profile(
    db: Database, text: str, *, dry_run: bool = False
) -> tuple[StudioProfile, list[BroadcastAccount]]:
    """Store a profile file: the profile replaced, each account added or updated by its
    platform and identity (accounts not in the file are kept). All or nothing.

    Raises:
        ProfileProblem: the file is not a profile, or a value could not be stored.
    """
    profile, accounts = profile_from_json(text)
    with db.transaction() as s:
        stored = _save_profile(s, profile)
        result = []
        for account in accounts:
            existing = s.scalar(
                select(Room.id).where(
                    Room.platform == str(account.platform), Room.identity == account.identity
                )
            )
            result.append(_write_account(s, replace(account, id=existing)))
        if dry_run:
            s.rollback()
        return stored, result


# -- how far the studio is set up ---------------------------------------------------------------
def studio_setup(db: Database, today: dt.date) -> StudioSetup:
    """What the first-run checklist ticks, read in one go."""
    with db.sessions() as s:

        def some(query: Select[tuple[int]]) -> bool:
            return bool(s.scalar(select(query.exists())))

        profile = s.get(StudioProfileRow, _PROFILE_ID)
        return StudioSetup(
            profile=profile is not None and bool(profile.county_name.strip()),
            units=some(select(Unit.id).where(Unit.retired.is_(False))),
            officials=some(select(Official.id).where(Official.retired.is_(False))),
            accounts=some(
                select(Room.id).where(
                    Room.assigned.is_(True),
                    Room.platform.in_([str(p) for p in ACCOUNT_PLATFORMS]),
                )
            ),
            phones=some(select(Phone.id)),
            session=some(
                select(Session.id).where(
                    or_(Session.date >= today, Session.status != str(SessionStatus.PLANNED))
                )
            ),
        )
