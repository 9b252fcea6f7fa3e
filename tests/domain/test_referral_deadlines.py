"""Referral deadlines: working days per category (调休 included), days left, due soon, overdue."""

import datetime as dt

import pytest

from studio.domain.model import ReferralCategory, ReferralStatus
from studio.domain.referral_deadlines import (
    DEFAULT_RULES,
    DeadlineRules,
    is_due_soon,
    is_overdue,
    referral_deadline,
    working_days_between,
    working_days_left,
)
from studio.domain.refusals import Refusal, Refused

C = ReferralCategory
S = ReferralStatus


def test_default_days_follow_12345_practice():
    assert {c: DEFAULT_RULES.days_for(c) for c in C} == {
        C.ENQUIRY: 3,
        C.HELP: 5,
        C.SUGGESTION: 10,
        C.COMPLAINT: 13,
    }


def test_deadlines_count_working_days_across_national_day():
    # 2026: 10-01..10-07 off, Saturday 10-10 a make-up working day (调休).
    accepted = dt.date(2026, 9, 30)
    assert DEFAULT_RULES.deadline(C.ENQUIRY, accepted) == dt.date(2026, 10, 10)
    assert DEFAULT_RULES.deadline(C.SUGGESTION, accepted) == dt.date(2026, 10, 20)
    assert referral_deadline(C.ENQUIRY, accepted, enquiry_days=1) == dt.date(2026, 10, 8)


def test_rules_are_configurable_and_checked():
    rules = DeadlineRules.with_days(complaint=20)
    assert rules.days_for(C.COMPLAINT) == 20 and rules.days_for(C.HELP) == 5
    for bad in (0, 61):
        with pytest.raises(Refused) as refused:
            DeadlineRules.with_days(help=bad)
        assert refused.value.code == Refusal.DEADLINE_OUT_OF_RANGE
    with pytest.raises(Refused):
        DeadlineRules({C.ENQUIRY: 3})


def test_days_left_count_working_days_and_go_negative_when_overdue():
    due = dt.date(2026, 11, 30)  # a Monday
    assert working_days_left(due, dt.date(2026, 11, 27)) == 1  # Friday: only Monday is left
    assert working_days_left(due, dt.date(2026, 11, 26)) == 2
    assert working_days_left(due, due) == 0
    assert working_days_left(due, dt.date(2026, 12, 1)) == -1
    assert working_days_left(due, dt.date(2026, 12, 7)) == -5
    friday = dt.date(2026, 11, 27)
    assert working_days_left(friday, dt.date(2026, 11, 28)) == -1  # Saturday: overdue by one


def test_working_days_between_skips_holidays():
    assert working_days_between(dt.date(2026, 9, 30), dt.date(2026, 10, 10)) == 3
    assert working_days_between(dt.date(2026, 10, 10), dt.date(2026, 9, 30)) == -3
    assert working_days_between(dt.date(2026, 11, 27), dt.date(2026, 11, 27)) == 0


def test_due_soon_is_within_one_working_day_and_only_while_the_unit_has_it():
    due = dt.date(2026, 11, 30)
    assert is_due_soon(S.IN_PROGRESS, due, dt.date(2026, 11, 27))
    assert is_due_soon(S.DISPATCHED, due, due)
    assert not is_due_soon(S.DISPATCHED, due, dt.date(2026, 11, 26))
    assert not is_due_soon(S.REPLIED, due, due)
    assert not is_due_soon(S.IN_PROGRESS, due, dt.date(2026, 12, 1))  # overdue, not amber


def test_overdue_only_while_the_clock_runs():
    due = dt.date(2026, 11, 30)
    later = dt.date(2026, 12, 1)
    assert is_overdue(S.SIGNED_FOR, due, later) and is_overdue(S.RETURNED, due, later)
    assert not is_overdue(S.REPLIED, due, later) and not is_overdue(S.CLOSED, due, later)
    assert not is_overdue(S.IN_PROGRESS, due, due)
