"""The studio's profile and accounts in the database: checks, audit, file round trip, setup."""

import datetime as dt

import pytest

from studio.domain.model import Platform, RoomRole
from studio.domain.profile import BroadcastAccount, ProfileProblem, StudioProfile
from studio.domain.refusals import Refusal
from studio.store.models import AuditEvent, Question, Room, Session
from studio.store.profile import (
    assign_room,
    export_profile,
    import_profile,
    list_accounts,
    load_profile,
    referral_days,
    remove_account,
    save_account,
    save_profile,
    studio_setup,
)
from studio.store.schedule import ScheduleProblem, create_session

DAY = dt.date(2026, 11, 26)


def account(identity="MS4wLjAB", role=RoomRole.GOV, name="青山县人民政府", **more):
    return BroadcastAccount(None, Platform.DOUYIN, role, name, identity, **more)


def test_an_empty_database_has_the_default_profile_and_nothing_set_up(fresh_db):
    profile = load_profile(fresh_db)
    assert not profile.is_set
    assert (profile.slot_start, profile.slot_end) == (dt.time(15), dt.time(16))
    assert referral_days(fresh_db) == {"enquiry": 3, "help": 5, "suggestion": 10, "complaint": 13}
    setup = studio_setup(fresh_db, DAY)
    assert setup.empty and setup.next_step == "profile"


def test_save_trims_checks_and_audits(fresh_db):
    stored = save_profile(
        fresh_db,
        StudioProfile(county_name=" 青山县 ", short_name="青山", referral_days={"complaint": 10}),
    )
    assert stored.county_name == "青山县"
    assert load_profile(fresh_db).days_for("complaint") == 10
    assert referral_days(fresh_db)["enquiry"] == 3
    with fresh_db.sessions() as s:
        assert [e.action for e in s.query(AuditEvent)] == ["profile.save"]
    for bad, code in (
        (StudioProfile(county_name=""), Refusal.COUNTY_NAME_EMPTY),
        (StudioProfile(county_name="x", time_zone="Mars/Olympus"), Refusal.ZONE_UNKNOWN),
        (
            StudioProfile(county_name="x", slot_start=dt.time(16), slot_end=dt.time(15)),
            Refusal.SLOT_BACKWARDS,
        ),
        (StudioProfile(county_name="x", referral_days={"help": 0}), Refusal.DEADLINE_OUT_OF_RANGE),
        (StudioProfile(county_name="x", low_engagement_per_1000=-1), Refusal.THRESHOLD_OUT_OF_RANGE),
        (
            StudioProfile(county_name="x", low_engagement_per_1000=float("nan")),
            Refusal.THRESHOLD_OUT_OF_RANGE,
        ),
    ):
        with pytest.raises(ProfileProblem) as refused:
            save_profile(fresh_db, bad)
        assert refused.value.code == code
    assert load_profile(fresh_db).county_name == "青山县"  # nothing changed


def test_accounts_add_edit_refuse_a_taken_identity_and_remove(fresh_db):
    gov = save_account(fresh_db, account(qr_png=b"\x89PNG"))
    dept = save_account(fresh_db, account("dept-key", RoomRole.DEPT, "青山住建"))
    assert [a.account_name for a in list_accounts(fresh_db)] == ["青山县人民政府", "青山住建"]
    with pytest.raises(ProfileProblem) as refused:
        save_account(fresh_db, account("dept-key"))
    assert refused.value.code == Refusal.ACCOUNT_TAKEN
    with pytest.raises(ProfileProblem) as refused:
        save_account(fresh_db, account(" "))
    assert refused.value.code == Refusal.IDENTITY_EMPTY
    renamed = save_account(fresh_db, BroadcastAccount(**{**_fields(dept), "account_name": "住建"}))
    assert renamed.account_name == "住建" and renamed.id == dept.id
    assert list_accounts(fresh_db)[0].qr_png == b"\x89PNG"
    remove_account(fresh_db, gov.id)
    assert [a.id for a in list_accounts(fresh_db)] == [dept.id]


def _fields(record):
    return {name: getattr(record, name) for name in record.__slots__}


def test_a_room_with_comments_is_not_removed_and_an_unassigned_room_is_assigned(fresh_db):
    room = save_account(fresh_db, account())
    with fresh_db.transaction() as s:
        session = Session(date=DAY)
        s.add(session)
        s.flush()
        s.add(
            Question(
                session_id=session.id,
                room_id=room.id,
                platform_msg_id="1",
                raw_text="x",
                display_text="x",
                received_at=dt.datetime(2026, 11, 26, 7),
            )
        )
        s.get(Room, room.id).assigned = False
    assert list_accounts(fresh_db)[0].unassigned
    assert not studio_setup(fresh_db, DAY).accounts
    with pytest.raises(ProfileProblem) as refused:
        remove_account(fresh_db, room.id)
    assert refused.value.code == Refusal.ACCOUNT_IN_USE
    assigned = assign_room(fresh_db, room.id, RoomRole.DEPT)
    assert (assigned.role, assigned.unassigned) == (RoomRole.DEPT, False)
    assert studio_setup(fresh_db, DAY).accounts


def test_export_then_import_into_a_new_database_is_the_same(fresh_db, tmp_path):
    from studio.store.database import open_database

    save_profile(
        fresh_db,
        StudioProfile(
            county_name="青山县",
            time_zone="Asia/Urumqi",
            logo_png=b"logo-bytes",
            low_engagement_per_1000=2.5,
        ),
    )
    save_account(fresh_db, account(qr_png=b"qr"))
    text = export_profile(fresh_db)
    other = open_database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        assert import_profile(other, text, dry_run=True)[0].county_name == "青山县"
        assert not load_profile(other).is_set  # a dry run stores nothing
        import_profile(other, text)
        assert load_profile(other) == load_profile(fresh_db)
        assert load_profile(other).low_engagement_per_1000 == 2.5
        assert [(a.identity, a.qr_png) for a in list_accounts(other)] == [("MS4wLjAB", b"qr")]
        import_profile(other, text)  # again: the account is updated, not added twice
        assert len(list_accounts(other)) == 1
        with pytest.raises(ProfileProblem) as refused:
            import_profile(other, '{"format": "units"}')
        assert refused.value.code == Refusal.PROFILE_FILE_INVALID
    finally:
        other.close()


def test_create_session_uses_the_profile_s_slot_and_the_first_unit(fresh_db):
    from studio.store.units import add_official, add_unit

    with pytest.raises(ScheduleProblem) as refused:
        create_session(fresh_db, DAY)
    assert refused.value.code == Refusal.NO_UNIT_FOR_SESSION
    unit = add_unit(fresh_db, "民政局", "民政", "department", "")
    add_official(fresh_db, unit.id, "李红", "局长")
    save_profile(
        fresh_db, StudioProfile(county_name="青山县", slot_start=dt.time(9), slot_end=dt.time(10))
    )
    session = create_session(fresh_db, DAY)
    assert (session.start, session.end, session.unit_name, session.official_name) == (
        dt.time(9),
        dt.time(10),
        "民政局",
        "李红",
    )
    with pytest.raises(ScheduleProblem) as refused:
        create_session(fresh_db, DAY)
    assert refused.value.code == Refusal.DAY_TAKEN
    setup = studio_setup(fresh_db, DAY)
    assert (setup.profile, setup.units, setup.officials, setup.session) == (True,) * 4
    assert not studio_setup(fresh_db, DAY + dt.timedelta(days=1)).session
