"""The studio's clock: stored instants are UTC, everything shown is in the studio's zone."""

import datetime as dt

import pytest

from studio.domain import studio_time as st

UTC = dt.UTC
# 15:05:09 in Beijing on the demo day.
EPOCH = dt.datetime(2026, 11, 26, 7, 5, 9, tzinfo=UTC).timestamp()
STORED = dt.datetime(2026, 11, 26, 7, 5, 9)  # naive UTC


@pytest.fixture(autouse=True)
def default_zone(monkeypatch):
    monkeypatch.delenv(st.ZONE_VARIABLE, raising=False)
    st.set_studio_zone(None)
    yield
    monkeypatch.delenv(st.ZONE_VARIABLE, raising=False)  # before the zone is looked up again
    st.set_studio_zone(None)


def test_the_default_zone_is_beijing_time():
    assert st.studio_zone().key == "Asia/Shanghai"


def test_an_instant_is_stored_as_naive_utc_and_shown_in_studio_time():
    assert st.from_epoch(EPOCH) == STORED
    assert st.to_epoch(STORED) == EPOCH
    assert st.to_studio(STORED) == st.to_studio(EPOCH)
    assert st.clock_text(STORED) == "15:05"
    assert st.clock_text(EPOCH, seconds=True) == "15:05:09"
    assert st.iso_text(STORED) == "2026-11-26T15:05:09+08:00"
    now = st.now_instant()
    assert now.tzinfo is None and abs(st.to_epoch(now) - st.now_epoch()) < 60


def test_the_slot_is_the_studio_s_wall_clock():
    day = dt.date(2026, 11, 26)
    assert st.studio_epoch(day, dt.time(15)) == dt.datetime(2026, 11, 26, 7, tzinfo=UTC).timestamp()
    assert st.studio_instant(dt.datetime(2026, 11, 26, 9, 30)) == dt.datetime(2026, 11, 26, 1, 30)


def test_the_zone_can_be_set_by_option_or_environment(monkeypatch):
    st.set_studio_zone("Europe/Berlin")
    assert st.clock_text(STORED) == "08:05"
    monkeypatch.setenv(st.ZONE_VARIABLE, "Asia/Urumqi")
    st.set_studio_zone(None)
    assert st.clock_text(STORED) == "13:05"
    with pytest.raises(st.UnknownZone):
        st.set_studio_zone("Mars/Olympus_Mons")
    assert st.clock_text(STORED) == "13:05"  # unchanged
