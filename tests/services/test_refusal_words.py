"""Every reason the lifecycle and the store can refuse a move with reaches the moderator in
Chinese: no English word is left in it."""

import re

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from studio.app import TRANSLATIONS
from studio.domain.model import QuestionStatus
from studio.domain.question_lifecycle import LEGAL_MOVES, ModerationAction, MoveRefused, plan_moves
from studio.services.refusal_words import translated_reason
from studio.store.rundowns import LOCKED_REASONS

ENGLISH = re.compile(r"[A-Za-z]{2,}")

#: What the store and the queue refuse with, besides the lifecycle's own reasons.
STORE_REASONS = [
    "no question is selected",
    "question 12 is not in this session",
    "the edited text is empty",
    "no unit 3 to refer to",
    "select at least two questions to merge",
    "the questions are one cluster already",
    "this question has no viewer account to block",
    "<b>老王</b> is already blocked in this room",
    "this author is already blocked in this room",
    "nothing to undo",
    "question 7 changed since (queued → answered); cannot undo",
    "question 7 changed since (queued → gone); cannot undo",
    "question 7 changed since; cannot undo",
    "referral 4 is already in_progress; cannot undo",
    "the question is not in the on-air queue",
    "the question is already first in the queue",
    "the question is already last in the queue",
    "the question is already at that place in the queue",
    "the questions kept changing on another desk; try again",
    "no question is waiting in the on-air queue",
    *LOCKED_REASONS.values(),
]


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(TRANSLATIONS / "studio_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def lifecycle_reasons() -> list[str]:
    """Every reason the lifecycle gives, for one question and within a selection of two."""
    reasons = []
    for status in QuestionStatus:
        for action in ModerationAction:
            if (status, action) in LEGAL_MOVES:
                continue
            for selected in ([1], [1, 2]):
                current = dict.fromkeys(selected, status)
                try:
                    plan_moves(current, selected, action)
                except MoveRefused as refused:
                    reasons.append(refused.reason)
    reasons.append(_on_air_twice())
    return reasons


def _on_air_twice() -> str:
    try:
        plan_moves(
            {1: QuestionStatus.QUEUED, 2: QuestionStatus.QUEUED},
            [1, 2],
            ModerationAction.PUT_ON_AIR,
        )
    except MoveRefused as refused:
        return refused.reason
    raise AssertionError("two questions went on air")


@pytest.mark.parametrize("reason", sorted(set(lifecycle_reasons())) + STORE_REASONS)
def test_every_refusal_reads_in_chinese(chinese, reason):
    said = translated_reason(reason)
    assert said != reason
    left = ENGLISH.findall(said.replace("<b>", "").replace("</b>", ""))
    assert not left, f"{reason!r} → {said!r}"


def test_an_unknown_reason_is_shown_as_it_is(chinese):
    assert translated_reason("the moon is made of cheese") == "the moon is made of cheese"


def test_in_english_the_reason_is_unchanged(qapp):
    for reason in STORE_REASONS[:5]:
        assert translated_reason(reason) == reason
