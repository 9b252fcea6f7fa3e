"""The rule for a "ready" session: a topic, an official and a running order, and nothing less."""

import datetime as dt

import pytest

from studio.domain.model import SessionStatus, UnitKind
from studio.domain.records import OfficialRecord, SessionRecord, UnitRecord
from studio.domain.session_readiness import (
    Missing,
    SessionDetails,
    is_editable,
    missing_for_ready,
    missing_words,
    slot_is_valid,
)


def test_a_complete_session_misses_nothing():
    assert missing_for_ready("冬季供暖", 7, 3) == []


@pytest.mark.parametrize(
    ("topic", "official", "segments", "missing"),
    [
        ("", 7, 3, [Missing.TOPIC]),
        ("   ", 7, 3, [Missing.TOPIC]),  # blanks are no topic
        ("供暖", None, 3, [Missing.OFFICIAL]),
        ("供暖", 7, 0, [Missing.RUNNING_ORDER]),
        ("", None, 0, [Missing.TOPIC, Missing.OFFICIAL, Missing.RUNNING_ORDER]),
    ],
)
def test_what_is_missing_in_a_fixed_order(topic, official, segments, missing):
    assert missing_for_ready(topic, official, segments) == missing


def test_missing_in_words_for_a_refusal():
    assert missing_words([Missing.TOPIC, Missing.RUNNING_ORDER]) == "topic, running order"


def test_only_planned_and_ready_sessions_are_editable():
    assert [is_editable(s) for s in SessionStatus] == [True, True, False, False]


def test_a_slot_ends_after_it_starts():
    assert slot_is_valid(dt.time(15), dt.time(16))
    assert not slot_is_valid(dt.time(16), dt.time(16))
    assert not slot_is_valid(dt.time(16), dt.time(15, 30))


def test_details_give_the_session_as_an_edit_and_the_unit_s_officials():
    session = SessionRecord(
        3,
        dt.date(2026, 11, 27),
        dt.time(15),
        dt.time(16),
        1,
        "住建局",
        "住建",
        "张三",
        "局长",
        "",
        SessionStatus.PLANNED,
    )
    units = (UnitRecord(1, "住建局", "住建", UnitKind.DEPARTMENT, ()),)
    officials = (
        OfficialRecord(5, "张三", "局长", 1, "住建局"),
        OfficialRecord(6, "李四", "镇长", 2, "城关镇"),
    )
    details = SessionDetails(session, 5, 0, units, officials)
    edit = details.edit()
    assert (edit.unit_id, edit.official_id, edit.status) == (1, 5, SessionStatus.PLANNED)
    assert [o.name for o in details.officials_of(1)] == ["张三"]
    assert details.missing(edit) == [Missing.TOPIC, Missing.RUNNING_ORDER]
