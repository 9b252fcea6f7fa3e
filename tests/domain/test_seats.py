"""Seats: roles by name, people's names as the audit keeps them, and who counts as connected."""

import datetime as dt

import pytest

from studio.domain.seats import (
    CONNECTED_WITHIN_S,
    PERSON_MAX,
    NotARole,
    Seat,
    SeatRole,
    is_connected,
    person_name,
    role_named,
)


def test_roles_are_named_in_any_case_and_an_unknown_one_lists_the_choices():
    assert role_named(" Operator ") is SeatRole.OPERATOR
    with pytest.raises(NotARole, match="moderator, operator, official, referrals, viewer"):
        role_named("boss")


def test_a_person_s_name_is_one_line_and_bounded():
    assert person_name("  王\n芳  ") == "王 芳"
    assert len(person_name("李" * 100)) == PERSON_MAX


def test_only_the_viewer_s_seat_is_read_only():
    assert [r for r in SeatRole if Seat("x", r).read_only] == [SeatRole.VIEWER]


def test_connected_means_seen_lately_and_not_quit():
    now = dt.datetime(2026, 12, 3, 7, 0, 0)
    just = now - dt.timedelta(seconds=CONNECTED_WITHIN_S)
    assert is_connected(just, None, now)
    assert not is_connected(just - dt.timedelta(seconds=1), None, now)
    assert not is_connected(now, now, now)
