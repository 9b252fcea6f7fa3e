"""Plain, immutable records of studio things as the store hands them to services and widgets.

Widgets and other threads never see ORM objects: they get these, which are safe to pass
between threads and cheap to compare.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from studio.domain.model import (
    Platform,
    QuestionFlag,
    QuestionStatus,
    ReferralCategory,
    ReferralStatus,
    RoomRole,
    Satisfaction,
    SegmentKind,
    SessionStatus,
    UnitKind,
)


@dataclass(frozen=True, slots=True)
class UnitRecord:
    id: int
    name: str
    short_name: str
    kind: UnitKind
    keywords: tuple[str, ...]
    retired: bool = False


@dataclass(frozen=True, slots=True)
class OfficialRecord:
    id: int
    name: str
    title: str
    unit_id: int
    unit_name: str
    retired: bool = False


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """A session with the names a person reads (unit, official) already resolved."""

    id: int
    date: dt.date
    start: dt.time
    end: dt.time
    unit_id: int | None
    unit_name: str
    unit_short_name: str
    official_name: str
    official_title: str
    topic: str
    status: SessionStatus

    @property
    def slot_s(self) -> int:
        """Length of the broadcast slot in seconds (15:00–16:00 → 3600)."""
        start = dt.datetime.combine(self.date, self.start)
        end = dt.datetime.combine(self.date, self.end)
        return int((end - start).total_seconds())


@dataclass(frozen=True, slots=True)
class SegmentRecord:
    id: int
    position: int
    title: str
    kind: SegmentKind
    planned_s: int
    warning_s: int
    danger_s: int
    notes: str


@dataclass(frozen=True, slots=True)
class RoomRecord:
    id: int
    platform: Platform
    account_name: str
    identity: str
    role: RoomRole
    unit_name: str
    #: False for a room the feed met that nobody has said is the county's or the department's.
    assigned: bool = True


@dataclass(frozen=True, slots=True)
class PhoneRecord:
    id: int
    serial: str
    label: str
    role: RoomRole
    model: str


@dataclass(frozen=True, slots=True)
class QuestionRecord:
    """A comment as it may be shown: ``display_text`` and ``nickname`` are masked.

    ``received_at`` is an instant as stored, naive UTC: show it with ``studio_time``.
    """

    id: int
    received_at: dt.datetime
    room_role: RoomRole | None
    platform: Platform
    nickname: str
    display_text: str
    status: QuestionStatus
    flags: QuestionFlag
    unit_name: str
    cluster_id: int | None
    channel: str
    #: Its place in the on-air queue while queued (smaller first; only the order matters).
    queue_position: int | None = None
    #: The ticket a referred question is on, as the desk names it: "ZB-0012 · 民政局" (its
    #: number and the unit's short name); "" when it is on none.
    referral: str = ""


@dataclass(frozen=True, slots=True)
class AskerRecord:
    """A viewer who asked a referred question, as it may be shown: masked name and text."""

    question_id: int
    nickname: str
    text: str
    platform: Platform | None = None


@dataclass(frozen=True, slots=True)
class FeedLineRecord:
    """One comment of a session's merged feed as it may be shown: masked name and text.

    ``received_at`` is naive UTC as stored; ``room_name`` the live room's account name ("" for
    a question typed in by hand).
    """

    question_id: int
    received_at: dt.datetime
    nickname: str
    text: str
    platform: Platform | None = None
    room_role: RoomRole | None = None
    room_name: str = ""


@dataclass(frozen=True, slots=True)
class TicketContextRecord:
    """Where a referral ticket's question came from: the question as asked (its room and
    time), its session, and the comments around it in the feed (the question among them).

    ``question`` is None when the ticket's question is gone (a ticket keeps its summary).
    """

    question: FeedLineRecord | None
    session: SessionRecord | None
    around: tuple[FeedLineRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class TicketDetailRecord:
    """What the referrals board shows of one ticket beside the list: the ticket, its history
    (oldest first), who revealed its contact and when (naive UTC, oldest first), and where its
    question came from."""

    ticket: ReferralRecord
    history: tuple[ReferralEventRecord, ...]
    reveals: tuple[tuple[dt.datetime, str], ...]
    context: TicketContextRecord


@dataclass(frozen=True, slots=True)
class BlockedViewerRecord:
    """A viewer blocked in one live room: for one session (``session_id``) or for good (None).

    ``nickname`` is masked as the feed showed it when the block was made.
    """

    id: int
    nickname: str
    room_role: RoomRole | None
    platform: Platform
    account_name: str
    session_id: int | None
    created_at: dt.datetime

    @property
    def for_good(self) -> bool:
        return self.session_id is None


@dataclass(frozen=True, slots=True)
class ReportBackItem:
    """A replied ticket in a session's report-back segment (转办回音), as the official reads it.

    Attributes:
        referral_id / number / unit_name: the ticket.
        question: the question as asked (masked).
        reply: the unit's reply (masked); :func:`studio.domain.report_back.reply_summary`
            shortens it for the screen.
        reported: it has been on the official's screen in this session (reported back).
        on_screen: it is on the official's screen now.
    """

    referral_id: int
    number: str
    unit_name: str
    question: str
    reply: str
    reported: bool = False
    on_screen: bool = False


@dataclass(frozen=True, slots=True)
class ReferralRecord:
    """A referral ticket as it may be shown: every viewer text and staff text masked.

    Instants (``created_at``, ``replied_at`` …) are naive UTC as stored; dates (``deadline``,
    ``extension_until``) are the studio's. Fields after ``reported_back`` have defaults so that
    a board can be fed hand-made records in tests.

    Attributes:
        number: what people quote, ``ZB-0012``.
        unit_name: the unit the ticket is with (or was suggested to, or returned it).
        summary: the question as the desk showed it (masked).
        reply: the unit's reply, masked (staff type phone numbers into replies too).
        askers: every viewer of the cluster who asked it, masked.
        contact: the viewer's contact as left with the ticket, masked (see
            :func:`studio.store.referrals.reveal_contact`).
        extension_until: the date a waiting extension request asks for.
        version: grows with every move (a board re-reads a ticket whose version changed).
    """

    id: int
    session_date: dt.date
    unit_name: str
    category: ReferralCategory
    summary: str
    status: ReferralStatus
    created_at: dt.datetime
    deadline: dt.date
    replied_at: dt.datetime | None
    reply: str
    reported_back: bool
    number: str = ""
    session_id: int = 0
    unit_id: int = 0
    unit_short_name: str = ""
    note: str = ""
    reply_by: str = ""
    satisfaction: Satisfaction | None = None
    askers: tuple[AskerRecord, ...] = ()
    contact: str = ""
    dispatched_at: dt.datetime | None = None
    signed_at: dt.datetime | None = None
    called_back_at: dt.datetime | None = None
    closed_at: dt.datetime | None = None
    urge_count: int = 0
    returned_reason: str = ""
    returned_by_unit_id: int | None = None
    extension_until: dt.date | None = None
    reported_back_session_id: int | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class ReferralEventRecord:
    """One move in a ticket's history: who (seat, and its person), when (naive UTC), before →
    after, why.

    ``detail`` holds what else changed (``deadline``, ``unit``, ``satisfaction``, ``until`` …),
    as stored; ``reason`` is masked.
    """

    id: int
    referral_id: int
    at: dt.datetime
    seat: str
    action: str
    status_before: ReferralStatus | None
    status_after: ReferralStatus
    unit_name: str
    reason: str
    detail: Mapping[str, object]
    person: str = ""  # the person at the seat ("王芳"); "" before seats had names


@dataclass(frozen=True, slots=True)
class RevealedAsker:
    """An asker unmasked: the name and text as they came, the platform's user id."""

    question_id: int
    nickname: str
    author_id: str
    text: str


@dataclass(frozen=True, slots=True)
class RevealedContact:
    """What a department may need to reach the viewer, unmasked, and the reveal's audit id.

    Only :func:`studio.store.referrals.reveal_contact` makes one, and it audits each.
    """

    referral_id: int
    number: str
    contact: str
    askers: tuple[RevealedAsker, ...]
    audit_id: int


@dataclass(frozen=True, slots=True)
class SessionFigures:
    """What a session achieved, for the reports.

    Attributes:
        viewers_by_hand, likes_by_hand: some room's viewers (likes) are the platform's own
            after-show figure typed in by hand, not the capture's samples.
    """

    session: SessionRecord
    peak_online: int
    total_viewers: int
    likes: int
    comments: int
    questions: int
    answered: int
    referred: int
    viewers_by_hand: bool = False
    likes_by_hand: bool = False
