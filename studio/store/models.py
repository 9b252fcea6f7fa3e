"""The tables: SQLAlchemy 2 typed ORM classes, one per thing the studio keeps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from studio.domain.model import (
    QuestionStatus,
    ReferralCategory,
    ReferralStatus,
    RoomRole,
    SessionStatus,
    UnitKind,
)

# Stable constraint names, so that migrations can alter them on SQLite and PostgreSQL alike.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Unit(Base):
    """A department or township that takes the chair for a session."""

    __tablename__ = "unit"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    short_name: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(16), default=UnitKind.DEPARTMENT)
    # One keyword a line; the feed suggests this unit for comments that mention one.
    routing_keywords: Mapped[str] = mapped_column(Text, default="")
    retired: Mapped[bool] = mapped_column(default=False)

    officials: Mapped[list[Official]] = relationship(back_populates="unit")


class Official(Base):
    __tablename__ = "official"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(String(80))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    retired: Mapped[bool] = mapped_column(default=False)

    unit: Mapped[Unit] = relationship(back_populates="officials")


class Session(Base):
    """One day's broadcast: who is on air, about what, and in which state."""

    __tablename__ = "session"
    __table_args__ = (Index("ix_session_date", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date)
    start: Mapped[dt.time] = mapped_column(Time, default=dt.time(15, 0))
    end: Mapped[dt.time] = mapped_column(Time, default=dt.time(16, 0))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    official_id: Mapped[int | None] = mapped_column(ForeignKey("official.id"))
    topic: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(16), default=SessionStatus.PLANNED)

    unit: Mapped[Unit | None] = relationship()
    official: Mapped[Official | None] = relationship()
    segments: Mapped[list[Segment]] = relationship(
        back_populates="session", order_by="Segment.position", cascade="all, delete-orphan"
    )


class Segment(Base):
    """One block of the running order (rundown)."""

    __tablename__ = "segment"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(16))
    planned_s: Mapped[int] = mapped_column(Integer)
    warning_s: Mapped[int] = mapped_column(Integer, default=120)
    danger_s: Mapped[int] = mapped_column(Integer, default=60)
    notes: Mapped[str] = mapped_column(Text, default="")

    session: Mapped[Session] = relationship(back_populates="segments")


class Room(Base):
    """A live room on a platform; the county's own (gov) or the unit's (dept)."""

    __tablename__ = "room"
    __table_args__ = (UniqueConstraint("platform", "identity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    account_name: Mapped[str] = mapped_column(String(80))
    # How a capture tool names the room: Douyin sec_uid, a live id, or a userscript path key.
    identity: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(8), default=RoomRole.GOV)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    # The account's QR code (PNG or JPEG bytes), for posters and the settings page; optional.
    qr_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    # False for a room the feed met that nobody has said is the county's or the department's:
    # its comments are stored, and the window asks whose room it is.
    assigned: Mapped[bool] = mapped_column(default=True, server_default="1")

    unit: Mapped[Unit | None] = relationship()


class Phone(Base):
    """A broadcast phone, bound to a role by its ro.serialno (Wi-Fi serials change)."""

    __tablename__ = "phone"

    id: Mapped[int] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(8))
    model: Mapped[str] = mapped_column(String(80), default="")


class Question(Base):
    """A viewer's comment as received; raw_text may hold personal data and stays here."""

    __tablename__ = "question"
    __table_args__ = (
        # An exact resend of a message in the same room is the same question.
        UniqueConstraint("session_id", "room_id", "platform_msg_id"),
        Index("ix_question_session_received", "session_id", "received_at"),
        # The question on air and the queue's ends are looked up on every moderation key.
        Index("ix_question_session_status", "session_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("room.id"))
    platform_msg_id: Mapped[str] = mapped_column(String(64))
    author_id: Mapped[str] = mapped_column(String(80), default="")
    # Masked like the text (``mask_nickname``): the only name that may reach a screen or an
    # export. ``raw_nickname`` (last: the feed store binds columns in table order) is the name
    # as it came, for the store only.
    nickname: Mapped[str] = mapped_column(String(80), default="")
    raw_text: Mapped[str] = mapped_column(Text)
    # Normalised and masked: the only text that may reach a screen or an export.
    display_text: Mapped[str] = mapped_column(Text)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default=QuestionStatus.NEW)
    # Bit set: see studio.domain.model (is_question, pii, sensitive, chatter …).
    flags: Mapped[int] = mapped_column(Integer, default=0)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    cluster_id: Mapped[int | None] = mapped_column(Integer)
    channel: Mapped[str] = mapped_column(String(16), default="live")
    # Its place in the on-air queue (smaller first) while queued; None otherwise.
    queue_position: Mapped[int | None] = mapped_column(Integer)
    raw_nickname: Mapped[str] = mapped_column(String(80), default="", server_default="")


class Referral(Base):
    """A question (or a cluster of them) handed to a department, like a 12345 work order.

    ``number`` is what people quote (``ZB-0012``). The status and the fields a move changes are
    written by :mod:`studio.store.referrals` only, each move with a :class:`ReferralEvent`;
    ``version`` grows with every move so that two seats never overwrite each other's.
    ``contact`` is what the viewer left to be reached by, as written: only a revealed ticket
    (audited) shows it unmasked.
    """

    __tablename__ = "referral"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("question.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    category: Mapped[str] = mapped_column(String(16), default=ReferralCategory.ENQUIRY)
    summary: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=ReferralStatus.ACCEPTED)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    deadline: Mapped[dt.date] = mapped_column(Date)
    replied_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reply: Mapped[str] = mapped_column(Text, default="")
    reported_back_session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id"))
    number: Mapped[str | None] = mapped_column(String(16), unique=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    dispatched_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    signed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    reply_by: Mapped[str] = mapped_column(String(80), default="", server_default="")
    called_back_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    satisfaction: Mapped[str | None] = mapped_column(String(24))
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    urge_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    returned_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    returned_by_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    # The date a waiting extension request asks for; None when none waits.
    extension_until: Mapped[dt.date | None] = mapped_column(Date)
    contact: Mapped[str] = mapped_column(Text, default="", server_default="")

    unit: Mapped[Unit] = relationship(foreign_keys=[unit_id])
    session: Mapped[Session] = relationship(foreign_keys=[session_id])


class ReferralAsker(Base):
    """A question a ticket answers: every viewer of the cluster who asked it."""

    __tablename__ = "referral_asker"
    __table_args__ = (
        UniqueConstraint("referral_id", "question_id"),
        # The desk shows a question's ticket on its row.
        Index("ix_referral_asker_question", "question_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"))
    question_id: Mapped[int] = mapped_column(ForeignKey("question.id"))


class ReportBackItem(Base):
    """A replied ticket chosen for a session's report-back segment (转办回音), in order; the
    one on the official's screen now is ``on_screen``."""

    __tablename__ = "report_back_item"
    __table_args__ = (UniqueConstraint("session_id", "referral_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"))
    position: Mapped[int] = mapped_column(Integer)
    on_screen: Mapped[bool] = mapped_column(Boolean, default=False)


class ReferralEvent(Base):
    """One move on a ticket, written with it: who, when, status before → after, and why.

    ``unit_id`` is the unit the ticket is with after the move (for a return, the unit that
    returned it); ``detail`` is a JSON object of what else changed (deadline, unit, satisfaction,
    the extension asked …), keys sorted.
    """

    __tablename__ = "referral_event"
    __table_args__ = (Index("ix_referral_event_referral", "referral_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    seat: Mapped[str] = mapped_column(String(40))
    # The person at that seat ("王芳"); "" before seats had names (see studio.store.seat_audit).
    person: Mapped[str] = mapped_column(String(60), default="", server_default="")
    action: Mapped[str] = mapped_column(String(24))
    status_before: Mapped[str] = mapped_column(String(16), default="")
    status_after: Mapped[str] = mapped_column(String(16))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")


class SessionReview(Base):
    """The county head's review of a session: a rating of 1 to 5 (None: not rated) and a remark."""

    __tablename__ = "session_review"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), primary_key=True
    )
    rating: Mapped[int | None] = mapped_column(Integer)
    remark: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class PlatformFigures(Base):
    """A room's after-show figures from the platform itself, typed in by hand (None: not
    given); the reports use them where present, over the capture's samples."""

    __tablename__ = "platform_figures"
    __table_args__ = (UniqueConstraint("session_id", "room_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    viewers: Mapped[int | None] = mapped_column(Integer)
    likes: Mapped[int | None] = mapped_column(Integer)
    new_followers: Mapped[int | None] = mapped_column(Integer)
    mean_watch_s: Mapped[int | None] = mapped_column(Integer)
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime)


class StatsSample(Base):
    """A room's audience figures at a moment, as the capture tool reported them."""

    __tablename__ = "stats_sample"
    __table_args__ = (Index("ix_stats_sample_session", "session_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id"))
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    online: Mapped[int] = mapped_column(Integer, default=0)
    total_viewers: Mapped[int] = mapped_column(Integer, default=0)
    likes: Mapped[int] = mapped_column(Integer, default=0)


class AuditEvent(Base):
    """Who did what to which thing, and the state before and after."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_at", "at"),
        # The typical answer time and undo read one session's audit after each move.
        Index("ix_audit_event_session", "session_id", "action"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    seat: Mapped[str] = mapped_column(String(40))
    # Who sat at that seat (the app's or command's person, or the API token's name) and their
    # role; "" in events written before seats had names.
    person: Mapped[str] = mapped_column(String(60), default="", server_default="")
    role: Mapped[str] = mapped_column(String(20), default="", server_default="")
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(String(120))
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id"))


class SeatPresence(Base):
    """One start of an app on a computer: who, where, and its last heartbeat (times by the
    database server's clock, so computers with skewed clocks agree)."""

    __tablename__ = "seat_presence"
    __table_args__ = (Index("ix_seat_presence_last_seen", "last_seen"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    host: Mapped[str] = mapped_column(String(120))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class RundownTemplate(Base):
    """A named running order to start a session's rundown from (e.g. the default daily one)."""

    __tablename__ = "rundown_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # JSON list of {title, kind, planned_s, warning_s, danger_s, notes}.
    segments_json: Mapped[str] = mapped_column(Text)
    is_default: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class TimerState(Base):
    """The session timer's persisted facts (``ClockState.to_json``), rewritten on every change.

    ``version`` grows by one with each write, so a writer that read an older version (another
    process, e.g. ``python -m studio timer next``) retries instead of overwriting a newer state,
    and an open window notices changes by polling one integer.
    """

    __tablename__ = "timer_state"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), primary_key=True
    )
    state_json: Mapped[str] = mapped_column(Text)
    # What the official's screen shows besides the clock: the note, blink, blackout (JSON).
    screen_json: Mapped[str] = mapped_column(Text, default="{}")
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class FeedSource(Base):
    """Where one live room's comments come from in a session: a capture tool and its address.

    ``tool`` is ``barragegrab``, ``douyinlive`` or ``kuaishou-server``; ``address`` is the
    tool's WebSocket URL (or ``host:port`` our Kuaishou server listens on); ``room_key`` is the
    room's identity as the tool names it (a live id, a userscript path key), "" when the tool
    says it in every frame (BarrageGrab).
    """

    __tablename__ = "feed_source"
    __table_args__ = (UniqueConstraint("session_id", "room_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    room_role: Mapped[str] = mapped_column(String(8))
    tool: Mapped[str] = mapped_column(String(24))
    address: Mapped[str] = mapped_column(String(200))
    room_key: Mapped[str] = mapped_column(String(200), default="")


class RotaSetting(Base):
    """How a unit takes part in the rota: its weight (2.0 = twice as often), or paused.

    A unit without a row is on the rota with weight 1. Pausing (its head away, a reorganisation)
    keeps the unit and its history, unlike retiring it.
    """

    __tablename__ = "rota_setting"

    unit_id: Mapped[int] = mapped_column(
        ForeignKey("unit.id", ondelete="CASCADE"), primary_key=True
    )
    weight: Mapped[float] = mapped_column(default=1.0)
    paused: Mapped[bool] = mapped_column(default=False)
    # Why, for the next operator: "局长外出学习至12月10日".
    note: Mapped[str] = mapped_column(String(200), default="")


class BriefingNoteRow(Base):
    """A briefing note of a session (背景材料, 口径), in the order the official reads them."""

    __tablename__ = "briefing_note"
    __table_args__ = (Index("ix_briefing_note_session", "session_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class BlockedAuthor(Base):
    """A viewer the moderator blocked in one live room: for a session, or for good.

    ``session_id`` is None for a block for good. Their later comments in that room arrive
    hidden; ``author_id`` is the platform's user id as the capture tool reports it.
    """

    __tablename__ = "blocked_author"
    __table_args__ = (Index("ix_blocked_author_room_author", "room_id", "author_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("room.id"))
    author_id: Mapped[str] = mapped_column(String(80))
    # As shown when blocked, so the list of blocks reads without the comment at hand.
    nickname: Mapped[str] = mapped_column(String(80), default="")
    session_id: Mapped[int | None] = mapped_column(ForeignKey("session.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)


class StudioProfileRow(Base):
    """The studio's profile: one row (id 1), see ``studio.domain.profile.StudioProfile``."""

    __tablename__ = "studio_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    county_name: Mapped[str] = mapped_column(String(40), default="")
    short_name: Mapped[str] = mapped_column(String(20), default="")
    # An IANA zone, or "" to leave it to --tz, STUDIO_TZ or the default.
    time_zone: Mapped[str] = mapped_column(String(64), default="")
    slot_start: Mapped[dt.time] = mapped_column(Time, default=dt.time(15, 0))
    slot_end: Mapped[dt.time] = mapped_column(Time, default=dt.time(16, 0))
    # JSON object: referral category → working days.
    referral_days_json: Mapped[str] = mapped_column(Text, default="{}")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Distinct questions per 1,000 viewers below which the period report marks a unit.
    low_engagement_per_1000: Mapped[float] = mapped_column(
        Float, default=1.0, server_default="1.0"
    )


class CalendarDayRow(Base):
    """A day whose kind an operator entered by hand, over the State Council's calendar: a
    holiday the packaged data lacks (a new year's 春节) or a 调休 working day."""

    __tablename__ = "calendar_day"

    day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(String(40), default="")


class ChangeLogRow(Base):
    """One change another seat must see, written by the database's triggers in the writer's
    transaction (see ``studio.store.change_triggers``): the table (``kind``), the id a follower
    re-reads and ``i``/``u``/``d``. ``revision`` only grows; a seat reads what is past the last
    one it saw."""

    __tablename__ = "change_log"
    # No index but the revision's, and no AUTOINCREMENT: each doubles the log's cost to the
    # feed's inserts on SQLite. A prune keeps the newest row, so no revision is handed out twice.

    revision: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int | None] = mapped_column(BigInteger)
    op: Mapped[str] = mapped_column(String(1))


class IngestLease(Base):
    """Which seat ingests a live room (``gov``/``dept``): held until ``expires_at`` on the
    database's clock, renewed by its holder every few seconds (see ``studio.store.ingest_lease``).
    """

    __tablename__ = "ingest_lease"

    room: Mapped[str] = mapped_column(String(40), primary_key=True)
    # This run of the app or command (a fresh id per start), its seat's name and its computer.
    holder_seat: Mapped[str] = mapped_column(String(64))
    holder_name: Mapped[str] = mapped_column(String(80))
    host: Mapped[str] = mapped_column(String(120))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
