"""The referral lifecycle: every (status, action) pair against a table written out by hand, and
the rules of each move (deadlines, returns, extensions, urging, call-backs)."""

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.domain.model import ReferralCategory, ReferralStatus, Satisfaction
from studio.domain.referral_deadlines import DeadlineRules
from studio.domain.referral_lifecycle import (
    LEGAL_MOVES,
    CallBack,
    Close,
    Dispatch,
    GrantExtension,
    ReferralAction,
    ReferralRefused,
    RefuseExtension,
    Reply,
    RequestExtension,
    Return,
    SignFor,
    Start,
    TicketState,
    Urge,
    action_to,
    legal_actions,
    plan,
    transition,
)
from studio.domain.refusals import Refusal

S = ReferralStatus
A = ReferralAction
_ = None  # refused
SAME = "same"  # legal, the status stays

# Columns in this order; a row per status. Written independently of LEGAL_MOVES on purpose.
COLUMNS = (
    A.DISPATCH,
    A.SIGN_FOR,
    A.START,
    A.REPLY,
    A.CALL_BACK,
    A.CLOSE,
    A.RETURN,
    A.REQUEST_EXTENSION,
    A.GRANT_EXTENSION,
    A.REFUSE_EXTENSION,
    A.URGE,
)
# fmt: off
TABLE = {
    #               dispatch      sign_for      start          reply      call_back       close     return      req   grant refuse urge
    S.ACCEPTED:    (S.DISPATCHED, _,            _,             _,         _,              _,        _,          _,    _,    _,     _),
    S.DISPATCHED:  (_,            S.SIGNED_FOR, _,             _,         _,              _,        S.RETURNED, SAME, SAME, SAME,  SAME),
    S.SIGNED_FOR:  (_,            _,            S.IN_PROGRESS, S.REPLIED, _,              _,        S.RETURNED, SAME, SAME, SAME,  SAME),
    S.IN_PROGRESS: (_,            _,            _,             S.REPLIED, _,              _,        S.RETURNED, SAME, SAME, SAME,  SAME),
    S.REPLIED:     (_,            _,            _,             _,         S.CALLED_BACK,  _,        _,          _,    _,    _,     _),
    S.CALLED_BACK: (_,            _,            _,             _,         _,              S.CLOSED, _,          _,    _,    _,     _),
    S.CLOSED:      (_,            _,            _,             _,         _,              _,        _,          _,    _,    _,     _),
    S.RETURNED:    (S.DISPATCHED, _,            _,             _,         _,              _,        _,          _,    _,    _,     _),
}
# fmt: on

DEADLINE = dt.date(2026, 12, 2)  # a Wednesday
TODAY = dt.date(2026, 11, 27)  # the Friday before


def test_the_table_covers_every_status_and_action():
    assert set(TABLE) == set(ReferralStatus)
    assert set(COLUMNS) == set(ReferralAction)


@pytest.mark.parametrize(
    ("status", "action"), list(itertools.product(ReferralStatus, ReferralAction))
)
def test_every_pair_is_legal_exactly_as_the_table_says(status, action):
    expected = TABLE[status][COLUMNS.index(action)]
    if expected is None:
        with pytest.raises(ReferralRefused) as refused:
            transition(status, action)
        assert str(refused.value)  # a reason for a person
        assert (status, action) not in LEGAL_MOVES
    else:
        assert transition(status, action) == (status if expected == SAME else expected)
        assert action in legal_actions(status)


@pytest.mark.parametrize(
    ("status", "action", "code"),
    [
        (S.CLOSED, A.REPLY, Refusal.REFERRAL_CLOSED),
        (S.CLOSED, A.DISPATCH, Refusal.REFERRAL_CLOSED),
        (S.ACCEPTED, A.SIGN_FOR, Refusal.REFERRAL_DISPATCH_FIRST),
        (S.RETURNED, A.URGE, Refusal.REFERRAL_DISPATCH_FIRST),
        (S.DISPATCHED, A.REPLY, Refusal.REFERRAL_SIGN_FOR_FIRST),
        (S.REPLIED, A.REPLY, Refusal.REFERRAL_ALREADY_REPLIED),
        (S.REPLIED, A.CLOSE, Refusal.REFERRAL_CALL_BACK_FIRST),
        (S.IN_PROGRESS, A.CLOSE, Refusal.REFERRAL_CANNOT),
    ],
)
def test_a_refusal_says_what_to_do_instead(status, action, code):
    with pytest.raises(ReferralRefused) as refused:
        transition(status, action)
    assert refused.value.code == code


def test_the_generic_refusal_names_the_move_and_the_status():
    with pytest.raises(ReferralRefused) as refused:
        transition(S.IN_PROGRESS, A.CLOSE)
    assert str(refused.value) == "cannot close a ticket that is in progress"


def test_a_dissatisfied_call_back_reopens_the_ticket():
    assert transition(S.REPLIED, A.CALL_BACK, Satisfaction.DISSATISFIED) == S.IN_PROGRESS
    assert transition(S.REPLIED, A.CALL_BACK, Satisfaction.BASICALLY_SATISFIED) == S.CALLED_BACK


def test_move_to_a_status_names_its_action():
    assert action_to(S.SIGNED_FOR) == A.SIGN_FOR
    assert action_to(S.RETURNED) == A.RETURN
    with pytest.raises(ReferralRefused) as refused:
        action_to(S.ACCEPTED)
    assert refused.value.code == Refusal.REFERRAL_NOT_BACK_TO


# -- the rules of each move ---------------------------------------------------------------------
def ticket(status=S.IN_PROGRESS, **fields):
    return TicketState(
        status=status,
        category=fields.pop("category", ReferralCategory.ENQUIRY),
        unit_id=fields.pop("unit_id", 1),
        deadline=fields.pop("deadline", DEADLINE),
        **fields,
    )


def refused_code(state, move, today=TODAY):
    with pytest.raises(ReferralRefused) as refused:
        plan(state, move, today)
    return refused.value.code


def test_a_whole_life_from_accepted_to_closed():
    state = ticket(S.ACCEPTED)
    for move in (
        Dispatch(unit_id=2),
        SignFor(),
        Start(),
        Reply(text="已核实，下周一开始供暖", by="张科长"),
        CallBack(satisfaction=Satisfaction.SATISFIED),
        Close(),
    ):
        state = plan(state, move, TODAY)
    assert state.status == S.CLOSED
    assert state.unit_id == 2 and state.deadline == DEADLINE
    assert state.satisfaction == Satisfaction.SATISFIED


def test_an_empty_reply_is_refused():
    assert refused_code(ticket(), Reply(text="  \n")) == Refusal.REPLY_EMPTY


def test_a_reply_to_a_closed_ticket_is_refused():
    assert refused_code(ticket(S.CLOSED), Reply(text="补充答复")) == Refusal.REFERRAL_CLOSED


def test_a_call_back_needs_the_viewers_answer():
    assert (
        refused_code(ticket(S.REPLIED), CallBack(satisfaction=None))
        == Refusal.SATISFACTION_REQUIRED
    )


def test_dissatisfied_sets_a_new_deadline_from_the_call_back_day():
    state = plan(
        ticket(S.REPLIED, category=ReferralCategory.HELP),
        CallBack(satisfaction=Satisfaction.DISSATISFIED),
        TODAY,
    )
    assert state.status == S.IN_PROGRESS
    assert state.deadline == dt.date(2026, 12, 4)  # Friday + 5 working days
    assert state.satisfaction == Satisfaction.DISSATISFIED


def test_a_return_needs_a_reason_and_the_redispatch_another_unit_with_full_time():
    assert refused_code(ticket(), Return(reason=" ")) == Refusal.RETURN_REASON_EMPTY
    returned = plan(ticket(unit_id=7), Return(reason="不属于本单位职责"), TODAY)
    assert returned.status == S.RETURNED and returned.returned_by == 7
    assert refused_code(returned, Dispatch(unit_id=7)) == Refusal.REDISPATCH_SAME_UNIT
    rules = DeadlineRules.with_days(enquiry=1)
    again = plan(returned, Dispatch(unit_id=8), TODAY, rules)
    assert again.status == S.DISPATCHED and again.unit_id == 8 and again.returned_by is None
    assert again.deadline == dt.date(2026, 11, 30)  # Friday + 1 working day: Monday


def test_an_extension_is_asked_before_the_deadline_then_granted():
    asked = plan(ticket(), RequestExtension(until=dt.date(2026, 12, 9), reason="需现场核查"), TODAY)
    assert asked.extension_until == dt.date(2026, 12, 9) and asked.deadline == DEADLINE
    granted = plan(asked, GrantExtension(), TODAY)
    assert granted.deadline == dt.date(2026, 12, 9) and granted.extension_until is None


def test_an_extension_on_the_deadline_day_is_still_in_time_but_not_the_day_after():
    move = RequestExtension(until=dt.date(2026, 12, 9), reason="需现场核查")
    assert plan(ticket(), move, DEADLINE).extension_until == dt.date(2026, 12, 9)
    after = DEADLINE + dt.timedelta(days=1)
    assert refused_code(ticket(), move, after) == Refusal.EXTENSION_AFTER_DEADLINE


def test_an_extension_must_be_later_have_a_reason_and_wait_alone():
    later = dt.date(2026, 12, 9)
    assert (
        refused_code(ticket(), RequestExtension(until=DEADLINE, reason="r"))
        == Refusal.EXTENSION_NOT_LATER
    )
    assert (
        refused_code(ticket(), RequestExtension(until=later, reason=""))
        == Refusal.EXTENSION_REASON_EMPTY
    )
    waiting = ticket(extension_until=later)
    assert (
        refused_code(waiting, RequestExtension(until=later, reason="r"))
        == Refusal.EXTENSION_PENDING
    )


def test_a_refused_extension_keeps_the_deadline_and_a_decision_needs_a_request():
    waiting = ticket(extension_until=dt.date(2026, 12, 9))
    refused = plan(waiting, RefuseExtension(reason="可按期办结"), TODAY)
    assert refused.deadline == DEADLINE and refused.extension_until is None
    assert refused_code(ticket(), GrantExtension()) == Refusal.NO_EXTENSION_PENDING
    assert refused_code(ticket(), RefuseExtension()) == Refusal.NO_EXTENSION_PENDING


def test_a_reply_drops_a_waiting_extension_request():
    waiting = ticket(extension_until=dt.date(2026, 12, 9))
    assert plan(waiting, Reply(text="已办理"), TODAY).extension_until is None


def test_urging_is_counted():
    state = ticket(S.DISPATCHED)
    for _count in range(3):
        state = plan(state, Urge(reason="请尽快签收"), TODAY)
    assert state.urges == 3 and state.status == S.DISPATCHED


MOVES = st.sampled_from(
    [
        Dispatch(unit_id=1),
        Dispatch(unit_id=2),
        SignFor(),
        Start(),
        Reply(text="答复"),
        Reply(text=""),
        CallBack(satisfaction=Satisfaction.SATISFIED),
        CallBack(satisfaction=Satisfaction.DISSATISFIED),
        Close(),
        Return(reason="非本单位"),
        RequestExtension(until=dt.date(2026, 12, 30), reason="需时间"),
        GrantExtension(),
        RefuseExtension(),
        Urge(reason="督办"),
    ]
)


@given(st.lists(MOVES, max_size=30))
def test_any_sequence_keeps_the_ticket_consistent(moves):
    state = ticket(S.ACCEPTED)
    for move in moves:
        try:
            after = plan(state, move, TODAY)
        except ReferralRefused:
            continue
        assert (state.status, move.action) in LEGAL_MOVES
        assert after.status in LEGAL_MOVES.values()
        # Only a unit holding the ticket has a request waiting, and only a returned one is
        # marked by the unit that returned it.
        if after.extension_until is not None:
            assert after.status in (S.DISPATCHED, S.SIGNED_FOR, S.IN_PROGRESS)
        assert (after.returned_by is not None) == (after.status == S.RETURNED)
        assert after.urges >= state.urges
        state = after
