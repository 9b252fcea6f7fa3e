"""Translated words for the studio's enums: one place, so every view says the same thing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from studio.domain.model import (
    Platform,
    QuestionStatus,
    ReferralCategory,
    ReferralStatus,
    RoomRole,
    Satisfaction,
    SegmentKind,
    SessionStatus,
    UnitKind,
)
from studio.domain.seats import SeatRole


def session_status(value: SessionStatus) -> str:
    return {
        SessionStatus.PLANNED: QCoreApplication.translate("Labels", "Planned"),
        SessionStatus.READY: QCoreApplication.translate("Labels", "Ready"),
        SessionStatus.LIVE: QCoreApplication.translate("Labels", "Live"),
        SessionStatus.ENDED: QCoreApplication.translate("Labels", "Ended"),
    }[value]


def seat_role(value: SeatRole) -> str:
    return {
        SeatRole.MODERATOR: QCoreApplication.translate("Labels", "Moderator"),
        SeatRole.OPERATOR: QCoreApplication.translate("Labels", "Operator"),
        SeatRole.OFFICIAL: QCoreApplication.translate("Labels", "Official"),
        SeatRole.REFERRALS: QCoreApplication.translate("Labels", "Referrals staff"),
        SeatRole.VIEWER: QCoreApplication.translate("Labels", "Viewer (read-only)"),
    }[value]


def segment_kind(value: SegmentKind) -> str:
    return {
        SegmentKind.OPENING: QCoreApplication.translate("Labels", "Opening"),
        SegmentKind.BRIEFING: QCoreApplication.translate("Labels", "Policy briefing"),
        SegmentKind.QA: QCoreApplication.translate("Labels", "Q&A"),
        SegmentKind.REPORT_BACK: QCoreApplication.translate("Labels", "Report-back"),
        SegmentKind.CLOSING: QCoreApplication.translate("Labels", "Closing"),
        SegmentKind.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[value]


def unit_kind(value: UnitKind) -> str:
    return {
        UnitKind.DEPARTMENT: QCoreApplication.translate("Labels", "Department"),
        UnitKind.TOWNSHIP: QCoreApplication.translate("Labels", "Township"),
    }[value]


def platform(value: Platform) -> str:
    return {
        Platform.DOUYIN: QCoreApplication.translate("Labels", "Douyin"),
        Platform.KUAISHOU: QCoreApplication.translate("Labels", "Kuaishou"),
        Platform.MANUAL: QCoreApplication.translate("Labels", "Manual entry"),
    }[value]


def room_role(value: RoomRole | None) -> str:
    if value is None:
        return QCoreApplication.translate("Labels", "Other channel")
    return {
        RoomRole.GOV: QCoreApplication.translate("Labels", "County account"),
        RoomRole.DEPT: QCoreApplication.translate("Labels", "Department account"),
    }[value]


def feed_state(value: str, *, brief: bool = False) -> str:
    """A room's feed state (a ``FeedState`` value, or "" before any) in the operator's words.

    ``brief`` is for the status bar, which has room for a word, not an explanation.
    """
    if brief and value == "stale":
        return QCoreApplication.translate("Labels", "no frames")
    if brief and value == "waiting":
        return QCoreApplication.translate("Labels", "waiting")
    return {
        "": QCoreApplication.translate("Labels", "not connected"),
        "waiting": QCoreApplication.translate("Labels", "waiting for the tool"),
        "connecting": QCoreApplication.translate("Labels", "connecting"),
        "connected": QCoreApplication.translate("Labels", "connected"),
        "stale": QCoreApplication.translate("Labels", "stale (no frames)"),
        "reconnecting": QCoreApplication.translate("Labels", "reconnecting"),
        "ended": QCoreApplication.translate("Labels", "ended"),
        "stopped": QCoreApplication.translate("Labels", "stopped"),
    }.get(value, value)


def question_status(value: QuestionStatus) -> str:
    return {
        QuestionStatus.NEW: QCoreApplication.translate("Labels", "New"),
        QuestionStatus.FLAGGED: QCoreApplication.translate("Labels", "Flagged"),
        QuestionStatus.QUEUED: QCoreApplication.translate("Labels", "Queued"),
        QuestionStatus.ON_AIR: QCoreApplication.translate("Labels", "On air"),
        QuestionStatus.ANSWERED: QCoreApplication.translate("Labels", "Answered"),
        QuestionStatus.REFERRED: QCoreApplication.translate("Labels", "Referred"),
        QuestionStatus.HIDDEN: QCoreApplication.translate("Labels", "Hidden"),
    }[value]


def referral_category(value: ReferralCategory) -> str:
    return {
        ReferralCategory.ENQUIRY: QCoreApplication.translate("Labels", "Enquiry"),
        ReferralCategory.HELP: QCoreApplication.translate("Labels", "Request for help"),
        ReferralCategory.SUGGESTION: QCoreApplication.translate("Labels", "Suggestion"),
        ReferralCategory.COMPLAINT: QCoreApplication.translate("Labels", "Complaint"),
    }[value]


def referral_status(value: ReferralStatus) -> str:
    return {
        ReferralStatus.ACCEPTED: QCoreApplication.translate("Labels", "Accepted"),
        ReferralStatus.DISPATCHED: QCoreApplication.translate("Labels", "Dispatched"),
        ReferralStatus.SIGNED_FOR: QCoreApplication.translate("Labels", "Signed for"),
        ReferralStatus.IN_PROGRESS: QCoreApplication.translate("Labels", "In progress"),
        ReferralStatus.REPLIED: QCoreApplication.translate("Labels", "Replied"),
        ReferralStatus.CALLED_BACK: QCoreApplication.translate("Labels", "Called back"),
        ReferralStatus.CLOSED: QCoreApplication.translate("Labels", "Closed"),
        ReferralStatus.RETURNED: QCoreApplication.translate("Labels", "Returned"),
    }[value]


def satisfaction(value: Satisfaction) -> str:
    """The viewer's answer at a call-back (回访), as the 12345 hotline says it."""
    return {
        Satisfaction.SATISFIED: QCoreApplication.translate("Labels", "Satisfied"),
        Satisfaction.BASICALLY_SATISFIED: QCoreApplication.translate(
            "Labels", "Basically satisfied"
        ),
        Satisfaction.DISSATISFIED: QCoreApplication.translate("Labels", "Dissatisfied"),
    }[value]


def referral_action(value: str) -> str:
    """A move in a ticket's history (its stored action name) as a person reads it."""
    return {
        "accept": QCoreApplication.translate("Labels", "Accepted"),
        "dispatch": QCoreApplication.translate("Labels", "Dispatched"),
        "sign_for": QCoreApplication.translate("Labels", "Signed for"),
        "start": QCoreApplication.translate("Labels", "Work started"),
        "reply": QCoreApplication.translate("Labels", "Replied"),
        "call_back": QCoreApplication.translate("Labels", "Called back"),
        "close": QCoreApplication.translate("Labels", "Closed"),
        "return": QCoreApplication.translate("Labels", "Returned"),
        "request_extension": QCoreApplication.translate("Labels", "Extension asked"),
        "grant_extension": QCoreApplication.translate("Labels", "Extension granted"),
        "refuse_extension": QCoreApplication.translate("Labels", "Extension refused"),
        "urge": QCoreApplication.translate("Labels", "Urged"),
    }.get(value, value)


def channel(value: str) -> str:
    return {
        "live": QCoreApplication.translate("Labels", "Live comment"),
        "preview": QCoreApplication.translate("Labels", "Preview comment"),
        "phone": QCoreApplication.translate("Labels", "Phone call"),
        "wechat": QCoreApplication.translate("Labels", "WeChat"),
    }.get(value, value)


def weekday(index: int) -> str:
    names = (
        QCoreApplication.translate("Labels", "Mon"),
        QCoreApplication.translate("Labels", "Tue"),
        QCoreApplication.translate("Labels", "Wed"),
        QCoreApplication.translate("Labels", "Thu"),
        QCoreApplication.translate("Labels", "Fri"),
        QCoreApplication.translate("Labels", "Sat"),
        QCoreApplication.translate("Labels", "Sun"),
    )
    return names[index]
