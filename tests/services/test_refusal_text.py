"""Every refusal the lifecycle and the store can give reaches the person in Chinese, from its code
and arguments: one table, every code worded, every argument used, no English word left."""

import datetime as dt
import re
import string

import pytest
from PySide6.QtCore import QCoreApplication

from studio.domain.model import QuestionStatus, ReferralCategory, ReferralStatus, SessionStatus
from studio.domain.question_lifecycle import LEGAL_MOVES, ModerationAction, MoveRefused, plan_moves
from studio.domain.referral_lifecycle import ReferralAction, ReferralRefused, transition
from studio.domain.refusals import TEMPLATES, WORDS, Refusal, Refused
from studio.domain.session_readiness import Missing
from studio.services.refusal_text import problem_text, refusal_text

ENGLISH = re.compile(r"[A-Za-z]{2,}")
#: Names a person types or sees in a file as they are, in any language (encodings, formats).
TECHNICAL = {"UTF", "GB", "GBK", "CSV", "YYYY", "MM", "DD", "HH"}

#: An example value for each argument a template names (by its name, or by its code's).
EXAMPLES = {
    "id": 12,
    "name": "老王",
    "max": 80,
    "text": "局",
    "keyword": "供暖",
    "count": 3,
    "problems": "第 2 行",
    "before": QuestionStatus.QUEUED,
    "now": QuestionStatus.ANSWERED,
    "action": ModerationAction.PUT_ON_AIR,
    "status": QuestionStatus.HIDDEN,
    "reason": Refusal.ALREADY_HIDDEN,
    "date": dt.date(2025, 3, 8),
    "start": "15:00",
    "end": "14:00",
    "number": 2,
    "missing": tuple(Missing),
    "columns": "日期, 单位",
    "line": 4,
    "choices": "计划, 就绪",
    "unit": "教育局",
    "limit": "2,000",
    "move": ReferralAction.REQUEST_EXTENSION,
    "who": "李明",
    "time": "15:23",
}
BY_CODE = {
    Refusal.REFERRAL_HANDLED: {"status": ReferralStatus.IN_PROGRESS},
    Refusal.REFERRAL_CANNOT: {"status": ReferralStatus.SIGNED_FOR},
    Refusal.REFERRAL_NOT_BACK_TO: {"status": ReferralStatus.ACCEPTED},
    Refusal.DEADLINE_OUT_OF_RANGE: {"name": ReferralCategory.SUGGESTION},
    Refusal.SESSION_STAYS: {"status": SessionStatus.LIVE},
    Refusal.SESSION_NOT_EDITABLE: {"status": SessionStatus.ENDED},
    Refusal.STATUS_NOT_BY_HAND: {"status": SessionStatus.LIVE},
    Refusal.NOTES_INVALID: {
        "problems": (
            Refused(Refusal.NOTE_TITLE_EMPTY, number=1),
            Refused(Refusal.NOTE_TEXT_TOO_LONG, number=3, max=20_000),
        )
    },
}


def names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def example(code: Refusal) -> Refused:
    arguments = {name: EXAMPLES[name] for name in names(TEMPLATES[code])}
    return Refused(code, **(arguments | BY_CODE.get(code, {})))


def test_every_code_has_a_wording():
    assert set(TEMPLATES) == set(Refusal)


@pytest.mark.parametrize("code", list(Refusal))
def test_every_code_reads_in_chinese_with_all_its_arguments(chinese, code):
    translated = QCoreApplication.translate("Refusals", TEMPLATES[code])
    assert translated != TEMPLATES[code], f"{code} has no translation"
    assert names(translated) == names(TEMPLATES[code])
    said = refusal_text(example(code))
    assert not set(ENGLISH.findall(said)) - TECHNICAL, f"{code} → {said!r}"


@pytest.mark.parametrize(
    ("kind", "value"), [(kind, value) for kind, words in WORDS.items() for value in words]
)
def test_every_state_a_refusal_names_reads_in_chinese(chinese, kind, value):
    assert set(WORDS[kind]) == set(kind)
    said = QCoreApplication.translate("Refusals", WORDS[kind][value])
    assert said and not ENGLISH.findall(said)


def lifecycle_refusals() -> list[MoveRefused]:
    """Every refusal the lifecycle gives, for one question and within a selection of two."""
    refusals = []
    for status in QuestionStatus:
        for action in ModerationAction:
            if (status, action) in LEGAL_MOVES:
                continue
            for selected in ([1], [1, 2]):
                try:
                    plan_moves(dict.fromkeys(selected, status), selected, action)
                except MoveRefused as refused:
                    refusals.append(refused)
    return refusals


def test_the_lifecycle_refuses_in_chinese(chinese):
    refusals = lifecycle_refusals()
    assert {r.code for r in refusals} >= {Refusal.CANNOT, Refusal.IN_SELECTION}
    for refused in refusals:
        said = refusal_text(refused)
        assert not ENGLISH.findall(said), f"{refused} → {said!r}"


def test_a_selection_names_the_question_and_its_own_reason(chinese):
    with pytest.raises(MoveRefused) as refused:
        plan_moves({1: QuestionStatus.NEW, 2: QuestionStatus.HIDDEN}, [1, 2], ModerationAction.FLAG)
    assert refused.value.code == Refusal.IN_SELECTION
    assert refusal_text(refused.value) == "问题 2：该问题已隐藏，请先取消隐藏"


def test_arguments_are_shown_as_given_not_read_as_markup_or_words(chinese):
    # A viewer's nickname is plain text, even one that spells a status.
    said = refusal_text(Refused(Refusal.ALREADY_BLOCKED, name="<b>hidden</b>"))
    assert said.startswith("<b>hidden</b> ")


def test_in_english_the_wording_is_the_exceptions_text(qapp):
    for code in Refusal:
        refused = example(code)
        assert refusal_text(refused) == str(refused)


def test_another_failure_is_shown_as_it_says(chinese):
    assert problem_text(OSError("disk full")) == "disk full"
    assert problem_text(Refused(Refusal.NOTHING_TO_UNDO)) == "没有可撤销的操作"


def test_a_list_argument_is_worded_item_by_item_and_joined(chinese):
    missing = Refused(Refusal.READY_MISSING, missing=(Missing.TOPIC, Missing.RUNNING_ORDER))
    assert str(missing).endswith("missing: topic, running order")
    assert refusal_text(missing).endswith("缺少：主题、节目流程")
    notes = example(Refusal.NOTES_INVALID)
    assert str(notes) == (
        "the notes were not saved: note 1: the title is empty; "
        "note 3: the text is longer than 20000 characters"
    )
    assert refusal_text(notes) == (
        "背景材料未保存：第 1 条材料：标题为空；第 3 条材料：正文超过 20000 个字"
    )


def test_the_referral_lifecycle_refuses_in_chinese(chinese):
    """Every refused (status, action) pair of a ticket reads in Chinese."""
    said = set()
    for status in ReferralStatus:
        for action in ReferralAction:
            try:
                transition(status, action)
            except ReferralRefused as refused:
                said.add(refusal_text(refused))
    assert "不能对办理中的转办单执行“办结”" in said
    for text in said:
        assert not ENGLISH.findall(text), text


def test_another_seat_s_move_is_named_in_chinese(chinese):
    refused = Refused(Refusal.ALREADY_BY, status=QuestionStatus.ANSWERED, who="李明", time="15:23")
    assert str(refused) == "already answered by 李明 at 15:23"
    assert refusal_text(refused) == "已由 李明 于 15:23 设为已回答"
