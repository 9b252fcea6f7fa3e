"""The moderator's refusal reasons in the interface's language.

The lifecycle and the store refuse a move with a reason in English (``MoveRefused``): they know
neither Qt nor its translations. Their reasons are a closed set — fixed sentences, and a few
with a question id, a status or a name in them — so they are translated here, by sentence or by
pattern; a reason not known here is shown as it is (``tests/services/test_refusal_words.py``
checks that every reason the lifecycle can give is known).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from studio.domain.model import SessionStatus
from studio.store.rundowns import LOCKED_REASONS


def _sentences() -> dict[str, str]:
    # Each literal in a translate() call of its own: that is what lupdate collects.
    return {
        "no question is selected": QCoreApplication.translate(
            "Refusals", "no question is selected"
        ),
        "no question is waiting in the on-air queue": QCoreApplication.translate(
            "Refusals", "no question is waiting in the on-air queue"
        ),
        LOCKED_REASONS[SessionStatus.LIVE]: QCoreApplication.translate(
            "Refusals",
            "the session is live: its running order is read-only; adjust the hour with the timer (add or take away time, absorb the overrun)",
        ),
        LOCKED_REASONS[SessionStatus.ENDED]: QCoreApplication.translate(
            "Refusals", "the session has ended: its running order is on record and read-only"
        ),
        "only one question can be on air; select one": QCoreApplication.translate(
            "Refusals", "only one question can be on air; select one"
        ),
        "the question is already flagged": QCoreApplication.translate(
            "Refusals", "the question is already flagged"
        ),
        "the question is already queued": QCoreApplication.translate(
            "Refusals", "the question is already queued"
        ),
        "the question is already on air": QCoreApplication.translate(
            "Refusals", "the question is already on air"
        ),
        "the question is already answered": QCoreApplication.translate(
            "Refusals", "the question is already answered"
        ),
        "the question is already hidden": QCoreApplication.translate(
            "Refusals", "the question is already hidden"
        ),
        "the question is already referred to a department": QCoreApplication.translate(
            "Refusals", "the question is already referred to a department"
        ),
        "a referred question is answered by the department's reply": QCoreApplication.translate(
            "Refusals", "a referred question is answered by the department's reply"
        ),
        "the question is hidden; unhide it first": QCoreApplication.translate(
            "Refusals", "the question is hidden; unhide it first"
        ),
        "an answered question's text is on record and is not edited": QCoreApplication.translate(
            "Refusals", "an answered question's text is on record and is not edited"
        ),
        "a referred question's text is on record and is not edited": QCoreApplication.translate(
            "Refusals", "a referred question's text is on record and is not edited"
        ),
        "the edited text is empty": QCoreApplication.translate(
            "Refusals", "the edited text is empty"
        ),
        "select at least two questions to merge": QCoreApplication.translate(
            "Refusals", "select at least two questions to merge"
        ),
        "the questions are one cluster already": QCoreApplication.translate(
            "Refusals", "the questions are one cluster already"
        ),
        "this question has no viewer account to block": QCoreApplication.translate(
            "Refusals", "this question has no viewer account to block"
        ),
        "the question is not in the on-air queue": QCoreApplication.translate(
            "Refusals", "the question is not in the on-air queue"
        ),
        "the question is already first in the queue": QCoreApplication.translate(
            "Refusals", "the question is already first in the queue"
        ),
        "the question is already last in the queue": QCoreApplication.translate(
            "Refusals", "the question is already last in the queue"
        ),
        "the question is already at that place in the queue": QCoreApplication.translate(
            "Refusals", "the question is already at that place in the queue"
        ),
        "nothing to undo": QCoreApplication.translate("Refusals", "nothing to undo"),
        "this author is already blocked in this room": QCoreApplication.translate(
            "Refusals", "this author is already blocked in this room"
        ),
        "the questions kept changing on another desk; try again": QCoreApplication.translate(
            "Refusals", "the questions kept changing on another desk; try again"
        ),
    }


def _actions() -> dict[str, str]:
    """``ModerationAction`` values as the lifecycle words them ("put on air")."""
    return {
        "flag": QCoreApplication.translate("Refusals", "flag"),
        "unflag": QCoreApplication.translate("Refusals", "unflag"),
        "queue": QCoreApplication.translate("Refusals", "queue"),
        "unqueue": QCoreApplication.translate("Refusals", "take out of the queue"),
        "put on air": QCoreApplication.translate("Refusals", "put on air"),
        "take off air": QCoreApplication.translate("Refusals", "take off air"),
        "answer": QCoreApplication.translate("Refusals", "mark answered"),
        "hide": QCoreApplication.translate("Refusals", "hide"),
        "unhide": QCoreApplication.translate("Refusals", "unhide"),
        "refer": QCoreApplication.translate("Refusals", "refer"),
        "approve edit": QCoreApplication.translate("Refusals", "edit and approve"),
    }


def _statuses() -> dict[str, str]:
    """The lifecycle's status words, and the referral statuses an undo can meet."""
    return {
        "new": QCoreApplication.translate("Refusals", "new"),
        "flagged": QCoreApplication.translate("Refusals", "flagged"),
        "queued": QCoreApplication.translate("Refusals", "queued"),
        "on air": QCoreApplication.translate("Refusals", "on air"),
        "answered": QCoreApplication.translate("Refusals", "answered"),
        "referred to a department": QCoreApplication.translate(
            "Refusals", "referred to a department"
        ),
        "hidden": QCoreApplication.translate("Refusals", "hidden"),
        "gone": QCoreApplication.translate("Refusals", "gone"),
        "dispatched": QCoreApplication.translate("Refusals", "dispatched"),
        "in_progress": QCoreApplication.translate("Refusals", "in progress"),
        "replied": QCoreApplication.translate("Refusals", "replied"),
        "closed": QCoreApplication.translate("Refusals", "closed"),
    }


def _patterns() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    actions, statuses = _actions(), _statuses()
    return [
        (
            re.compile(r"question (\d+): (.+)"),
            lambda m: QCoreApplication.translate("Refusals", "question {id}: {reason}").format(
                id=m[1], reason=translated_reason(m[2])
            ),
        ),
        (
            re.compile(r"cannot (.+) a question that is (.+)"),
            lambda m: QCoreApplication.translate(
                "Refusals", "cannot {action} a question that is {status}"
            ).format(action=actions.get(m[1], m[1]), status=statuses.get(m[2], m[2])),
        ),
        (
            re.compile(r"question (\d+) is not in this session"),
            lambda m: QCoreApplication.translate(
                "Refusals", "question {id} is not in this session"
            ).format(id=m[1]),
        ),
        (
            re.compile(r"question (\d+) changed since \((.+) → (.+)\); cannot undo"),
            lambda m: QCoreApplication.translate(
                "Refusals", "question {id} changed since ({before} → {now}); cannot undo"
            ).format(id=m[1], before=statuses.get(m[2], m[2]), now=statuses.get(m[3], m[3])),
        ),
        (
            re.compile(r"question (\d+) changed since; cannot undo"),
            lambda m: QCoreApplication.translate(
                "Refusals", "question {id} changed since; cannot undo"
            ).format(id=m[1]),
        ),
        (
            re.compile(r"referral (\d+) is already (\w+); cannot undo"),
            lambda m: QCoreApplication.translate(
                "Refusals", "referral {id} is already {status}; cannot undo"
            ).format(id=m[1], status=statuses.get(m[2], m[2])),
        ),
        (
            re.compile(r"no unit (\d+) to refer to"),
            lambda m: QCoreApplication.translate("Refusals", "no unit {id} to refer to").format(
                id=m[1]
            ),
        ),
        (
            re.compile(r"(.+) is already blocked in this room", re.DOTALL),
            lambda m: QCoreApplication.translate(
                "Refusals", "{name} is already blocked in this room"
            ).format(name=m[1]),
        ),
    ]


def translated_reason(reason: str) -> str:
    """``reason`` (a ``MoveRefused`` reason) in the interface's language; unknown: as it is."""
    sentence = _sentences().get(reason)
    if sentence is not None:
        return sentence
    for pattern, word in _patterns():
        match = pattern.fullmatch(reason)
        if match is not None:
            return word(match)
    return reason
