"""The studio's vocabulary: the kinds and states every layer agrees on."""

from __future__ import annotations

from enum import IntFlag, StrEnum


class UnitKind(StrEnum):
    """A unit takes the chair for a session: a county department or a township."""

    DEPARTMENT = "department"
    TOWNSHIP = "township"


class SessionStatus(StrEnum):
    PLANNED = "planned"
    READY = "ready"
    LIVE = "live"
    ENDED = "ended"


class SegmentKind(StrEnum):
    OPENING = "opening"
    BRIEFING = "briefing"
    QA = "qa"
    REPORT_BACK = "report_back"
    CLOSING = "closing"
    OTHER = "other"


class Platform(StrEnum):
    DOUYIN = "douyin"
    KUAISHOU = "kuaishou"
    MANUAL = "manual"


class RoomRole(StrEnum):
    """Which account a live room (and the phone streaming to it) belongs to."""

    GOV = "gov"
    DEPT = "dept"


class QuestionStatus(StrEnum):
    NEW = "new"
    FLAGGED = "flagged"
    QUEUED = "queued"
    ON_AIR = "on_air"
    ANSWERED = "answered"
    REFERRED = "referred"
    HIDDEN = "hidden"


class ReferralCategory(StrEnum):
    """What a referral asks of a department; each has its own deadline in working days."""

    ENQUIRY = "enquiry"
    HELP = "help"
    SUGGESTION = "suggestion"
    COMPLAINT = "complaint"


class ReferralStatus(StrEnum):
    """A referral ticket's life, as the 12345 hotline's work orders (see
    :mod:`studio.domain.referral_lifecycle`)."""

    ACCEPTED = "accepted"
    DISPATCHED = "dispatched"
    SIGNED_FOR = "signed_for"
    IN_PROGRESS = "in_progress"
    REPLIED = "replied"
    CALLED_BACK = "called_back"
    CLOSED = "closed"
    RETURNED = "returned"


class Satisfaction(StrEnum):
    """What the viewer said when called back about the department's reply (回访)."""

    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


class QuestionFlag(IntFlag):
    """What the text pipeline and the moderator noted about a comment (stored as a bit set)."""

    NONE = 0
    IS_QUESTION = 1
    PII = 2
    SENSITIVE = 4
    EDITED = 8
    AUTHOR_BLOCKED = 16
