"""The question lifecycle: every (status, action) pair against a table written out by hand."""

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.domain.model import QuestionStatus, ReferralCategory
from studio.domain.question_lifecycle import (
    LEGAL_MOVES,
    ModerationAction,
    MoveRefused,
    StatusChange,
    Undo,
    apply_changes,
    plan_moves,
    referral_deadline,
    transition,
)

S = QuestionStatus
A = ModerationAction
_ = None  # refused

# Columns in this order; a row per status. Written independently of LEGAL_MOVES on purpose.
COLUMNS = (
    A.FLAG,
    A.UNFLAG,
    A.QUEUE,
    A.UNQUEUE,
    A.PUT_ON_AIR,
    A.TAKE_OFF_AIR,
    A.ANSWER,
    A.HIDE,
    A.UNHIDE,
    A.REFER,
    A.APPROVE_EDIT,
)
EXPECTED = {
    S.NEW: (S.FLAGGED, _, S.QUEUED, _, S.ON_AIR, _, S.ANSWERED, S.HIDDEN, _, S.REFERRED, S.FLAGGED),
    S.FLAGGED: (_, S.NEW, S.QUEUED, _, S.ON_AIR, _, S.ANSWERED, S.HIDDEN, _, S.REFERRED, S.FLAGGED),
    S.QUEUED: (_, _, _, S.FLAGGED, S.ON_AIR, _, S.ANSWERED, S.HIDDEN, _, S.REFERRED, S.QUEUED),
    S.ON_AIR: (_, _, _, _, _, S.QUEUED, S.ANSWERED, S.HIDDEN, _, S.REFERRED, S.ON_AIR),
    S.ANSWERED: (_, _, _, _, _, _, _, S.HIDDEN, _, S.REFERRED, _),
    S.REFERRED: (_, _, _, _, _, _, _, S.HIDDEN, _, _, _),
    S.HIDDEN: (_, _, _, _, _, _, _, _, S.NEW, S.REFERRED, S.FLAGGED),
}


def test_the_table_covers_every_status_and_action():
    assert set(EXPECTED) == set(QuestionStatus)
    assert set(COLUMNS) == set(ModerationAction)


@pytest.mark.parametrize(
    ("status", "action"), list(itertools.product(QuestionStatus, ModerationAction))
)
def test_every_status_and_action(status, action):
    expected = EXPECTED[status][COLUMNS.index(action)]
    if expected is None:
        with pytest.raises(MoveRefused) as refused:
            transition(status, action)
        # A reason a moderator can read: English words, not an enum repr.
        assert refused.value.reason and "QuestionStatus" not in refused.value.reason
        assert str(refused.value) == refused.value.reason
    else:
        assert transition(status, action) is expected


def test_the_module_table_matches_the_hand_written_one():
    written = {
        (status, action): after
        for status, row in EXPECTED.items()
        for action, after in zip(COLUMNS, row, strict=True)
        if after is not None
    }
    assert dict(LEGAL_MOVES) == written


def test_the_docstring_table_matches_too():
    import studio.domain.question_lifecycle as module

    lines = [line.split() for line in module.__doc__.splitlines() if line.startswith("    ")]
    rows = {cells[0]: cells[1:] for cells in lines if cells and cells[0] in set(S)}
    for status, row in EXPECTED.items():
        assert rows[status] == [after or "·" for after in row], status


def test_refusals_say_what_to_do():
    with pytest.raises(MoveRefused, match="already hidden"):
        transition(S.HIDDEN, A.HIDE)
    with pytest.raises(MoveRefused, match="unhide it first"):
        transition(S.HIDDEN, A.QUEUE)


def test_putting_on_air_sends_the_one_on_air_back_to_the_queue():
    changes = plan_moves({1: S.QUEUED, 2: S.ON_AIR}, [1], A.PUT_ON_AIR)
    assert changes == (StatusChange(1, S.QUEUED, S.ON_AIR), StatusChange(2, S.ON_AIR, S.QUEUED))


def test_only_one_question_goes_on_air():
    with pytest.raises(MoveRefused, match="only one"):
        plan_moves({1: S.QUEUED, 2: S.QUEUED}, [1, 2], A.PUT_ON_AIR)


def test_a_multi_selection_is_all_or_nothing_and_names_the_question():
    with pytest.raises(MoveRefused, match="question 2: the question is already hidden"):
        plan_moves({1: S.NEW, 2: S.HIDDEN}, [1, 2], A.HIDE)


def test_nothing_selected_or_unknown_is_refused():
    with pytest.raises(MoveRefused, match="no question"):
        plan_moves({}, [], A.FLAG)
    with pytest.raises(MoveRefused, match="not in this session"):
        plan_moves({1: S.NEW}, [7], A.FLAG)


def test_undo_refuses_when_a_question_changed_since():
    undo = Undo("flag", (StatusChange(1, S.NEW, S.FLAGGED),))
    assert undo.reverting({1: S.FLAGGED}) == (StatusChange(1, S.FLAGGED, S.NEW),)
    with pytest.raises(MoveRefused, match="changed since"):
        undo.reverting({1: S.QUEUED})


# -- any legal sequence, undone step by step, returns to the start -------------------------------
statuses = st.dictionaries(
    st.integers(1, 6), st.sampled_from(list(QuestionStatus)), min_size=1, max_size=6
).filter(lambda d: sum(s == S.ON_AIR for s in d.values()) <= 1)


@given(
    start=statuses,
    moves=st.lists(
        st.tuples(st.sampled_from(list(ModerationAction)), st.lists(st.integers(1, 6), max_size=3)),
        max_size=25,
    ),
)
def test_legal_moves_then_undos_return_to_the_start(start, moves):
    current = dict(start)
    history: list[Undo] = []
    for action, selection in moves:
        try:
            changes = plan_moves(current, selection, action)
        except MoveRefused:
            continue  # refused moves change nothing and are not in the history
        history.append(Undo(str(action), changes))
        current = apply_changes(current, changes)
        # At most one question is ever on air.
        assert sum(s == S.ON_AIR for s in current.values()) <= 1
    for undo in reversed(history):
        current = apply_changes(current, undo.reverting(current))
    assert current == start


# -- referral deadlines --------------------------------------------------------------------------
def test_deadlines_count_working_days_across_national_day():
    # 2026: 10-01..10-07 off, Saturday 10-10 a make-up working day.
    accepted = dt.date(2026, 9, 30)
    assert referral_deadline(ReferralCategory.ENQUIRY, accepted) == dt.date(2026, 10, 10)
    assert referral_deadline(ReferralCategory.COMPLAINT, accepted) == dt.date(2026, 10, 23)
    assert referral_deadline(ReferralCategory.HELP, accepted) == dt.date(2026, 10, 13)
    assert referral_deadline(ReferralCategory.ENQUIRY, accepted, enquiry_days=1) == dt.date(
        2026, 10, 8
    )
