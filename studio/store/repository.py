"""Reads of the studio's records: ORM rows in, immutable domain records out.

Every method is blocking (it runs SQL): services call them from a worker thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import ColumnElement, case, func, select, tuple_
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import joinedload

from studio.domain.model import (
    Platform,
    QuestionFlag,
    QuestionStatus,
    RoomRole,
    SegmentKind,
    SessionStatus,
)
from studio.domain.queue_fit import in_queue_order
from studio.domain.records import (
    OfficialRecord,
    PhoneRecord,
    QuestionRecord,
    ReferralRecord,
    RoomRecord,
    SegmentRecord,
    SessionFigures,
    SessionRecord,
    UnitRecord,
)
from studio.store.database import Database
from studio.store.models import (
    Official,
    Phone,
    Question,
    Referral,
    ReferralAsker,
    Room,
    Segment,
    Session,
    Unit,
)
from studio.store.referrals import list_tickets, ticket_number
from studio.store.units import list_units


def session_record(row: Session) -> SessionRecord:
    """A session row as the domain's record, read while its ORM session is open (the unit and
    official are read from the row; a session without one reads as "")."""
    return SessionRecord(
        id=row.id,
        date=row.date,
        start=row.start,
        end=row.end,
        unit_id=row.unit_id,
        unit_name=row.unit.name if row.unit else "",
        unit_short_name=row.unit.short_name if row.unit else "",
        official_name=row.official.name if row.official else "",
        official_title=row.official.title if row.official else "",
        topic=row.topic,
        status=SessionStatus(row.status),
    )


def _gov_first(role):  # type: ignore[no-untyped-def]
    """Order the county's own account before the department's, as the studio lists them."""
    return case((role == RoomRole.GOV, 0), else_=1)


def _sessions_query():  # type: ignore[no-untyped-def]
    return select(Session).options(joinedload(Session.unit), joinedload(Session.official))


def _ticket_labels(s: OrmSession, question_ids: Sequence[int]) -> dict[int, str]:
    """ "ZB-0012 · 民政局" for each of these questions that is on a ticket (its latest)."""
    labels: dict[int, str] = {}
    for start in range(0, len(question_ids), 500):  # bound the IN list
        chunk = question_ids[start : start + 500]
        query = (
            select(
                ReferralAsker.question_id, Referral.id, Referral.number, Unit.short_name, Unit.name
            )
            .join(Referral, Referral.id == ReferralAsker.referral_id)
            .join(Unit, Unit.id == Referral.unit_id)
            .where(ReferralAsker.question_id.in_(chunk))
            .order_by(Referral.id)
        )
        for question_id, referral_id, number, short_name, name in s.execute(query):
            labels[question_id] = f"{number or ticket_number(referral_id)} · {short_name or name}"
    return labels


def _lookup(kind):  # type: ignore[no-untyped-def]
    """A stored value → its member, for a string enum (``StrEnum``)."""
    return {member.value: member for member in kind}


class _FlagCache(dict[int, QuestionFlag]):
    """A stored flag bit set → its ``QuestionFlag``, each combination made once."""

    def __missing__(self, bits: int) -> QuestionFlag:
        flag = self[bits] = QuestionFlag(bits)
        return flag


class StudioRepository:
    """Read access to units, sessions, rundowns, rooms, phones, questions and referrals."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @property
    def database(self) -> Database:
        """The database read (for the store's other readers, e.g. the reports')."""
        return self._db

    def _read(self) -> OrmSession:
        return self._db.sessions()

    # -- directory ---------------------------------------------------------------------------
    def units(self, *, include_retired: bool = False) -> list[UnitRecord]:
        """Units in the directory's order (the same read as the units page's)."""
        return list_units(self._db, include_retired=include_retired)

    def officials(self) -> list[OfficialRecord]:
        with self._read() as s:
            query = select(Official).options(joinedload(Official.unit)).order_by(Official.unit_id)
            return [
                OfficialRecord(o.id, o.name, o.title, o.unit_id, o.unit.name)
                for o in s.scalars(query)
            ]

    def rooms(self) -> list[RoomRecord]:
        with self._read() as s:
            query = (
                select(Room).options(joinedload(Room.unit)).order_by(_gov_first(Room.role), Room.id)
            )
            return [
                RoomRecord(
                    r.id,
                    Platform(r.platform),
                    r.account_name,
                    r.identity,
                    RoomRole(r.role),
                    r.unit.name if r.unit else "",
                    r.assigned,
                )
                for r in s.scalars(query)
            ]

    def phones(self) -> list[PhoneRecord]:
        with self._read() as s:
            return [
                PhoneRecord(p.id, p.serial, p.label, RoomRole(p.role), p.model)
                for p in s.scalars(select(Phone).order_by(_gov_first(Phone.role), Phone.id))
            ]

    # -- sessions ----------------------------------------------------------------------------
    def session_on(self, day: dt.date) -> SessionRecord | None:
        with self._read() as s:
            row = s.scalars(
                _sessions_query().where(Session.date == day).order_by(Session.id)
            ).first()
            return session_record(row) if row else None

    def session(self, session_id: int) -> SessionRecord | None:
        with self._read() as s:
            row = s.scalars(_sessions_query().where(Session.id == session_id)).first()
            return session_record(row) if row else None

    def sessions_between(self, first: dt.date, last: dt.date) -> list[SessionRecord]:
        with self._read() as s:
            query = (
                _sessions_query()
                .where(Session.date >= first, Session.date <= last)
                .order_by(Session.date, Session.start)
            )
            return [session_record(row) for row in s.scalars(query)]

    def segments(self, session_id: int) -> list[SegmentRecord]:
        with self._read() as s:
            query = (
                select(Segment).where(Segment.session_id == session_id).order_by(Segment.position)
            )
            return [
                SegmentRecord(
                    g.id,
                    g.position,
                    g.title,
                    SegmentKind(g.kind),
                    g.planned_s,
                    g.warning_s,
                    g.danger_s,
                    g.notes,
                )
                for g in s.scalars(query)
            ]

    # -- questions and referrals -------------------------------------------------------------
    def questions(self, session_id: int) -> list[QuestionRecord]:
        """Every question of the session, oldest first (a worker's read; the desk pages it)."""
        return self._question_records(Question.session_id == session_id)

    def questions_page(
        self, session_id: int, after: tuple[dt.datetime, int] | None, limit: int
    ) -> list[QuestionRecord]:
        """Up to ``limit`` questions of the session following ``after`` (the last page's last
        ``(received_at, id)``; None: from the first), in the feed's order.

        A keyset, not an offset: each page starts where the index says, so the last page of
        129,000 rows costs what the first does, and rows stored meanwhile never shift a page.
        """
        where = Question.session_id == session_id
        if after is not None:
            at, question_id = after
            # The first term lets the (session, received_at) index find the start.
            where = where & (Question.received_at >= at)
            where = where & (tuple_(Question.received_at, Question.id) > tuple_(at, question_id))
        return self._question_records(where, limit=limit)

    def queue(self, session_id: int) -> list[QuestionRecord]:
        """The question on air (if any) and the queued ones, in queue order."""
        waiting = (QuestionStatus.ON_AIR, QuestionStatus.QUEUED)
        where = (Question.session_id == session_id) & Question.status.in_(waiting)
        return in_queue_order(self._question_records(where))

    def questions_by_id(
        self, question_ids: Sequence[int], *, session_id: int | None = None
    ) -> list[QuestionRecord]:
        """The current records of these questions (e.g. after a moderation move); with
        ``session_id``, only those of that session."""
        where = Question.id.in_(list(question_ids))
        if session_id is not None:
            where = where & (Question.session_id == session_id)
        return self._question_records(where)

    def _question_records(
        self, where: ColumnElement[bool], *, limit: int | None = None
    ) -> list[QuestionRecord]:
        # Columns, not ORM objects: a reopened session's 129,000 rows read several times faster.
        query = (
            select(
                Question.id,
                Question.received_at,
                Room.role,
                Room.platform,
                Question.nickname,
                Question.display_text,
                Question.status,
                Question.flags,
                Unit.name,
                Question.cluster_id,
                Question.channel,
                Question.queue_position,
            )
            .outerjoin(Room, Question.room_id == Room.id)
            .outerjoin(Unit, Question.unit_id == Unit.id)
            .where(where)
            .order_by(Question.received_at, Question.id)
            .limit(limit)
        )
        # Enum members looked up once per value, not built per row.
        roles, platforms = _lookup(RoomRole), _lookup(Platform)
        statuses, flag_sets = _lookup(QuestionStatus), _FlagCache()
        with self._read() as s:
            rows = s.execute(query).all()
            # The tickets of the referred ones only (few among many): one query for them all.
            referred = [row[0] for row in rows if row[6] == QuestionStatus.REFERRED]
            tickets = _ticket_labels(s, referred) if referred else {}
        return [
            QuestionRecord(
                id=qid,
                received_at=received_at,
                room_role=roles[role] if role is not None else None,
                platform=platforms[platform] if platform is not None else Platform.MANUAL,
                nickname=nickname,
                display_text=display_text,
                status=statuses[status],
                flags=flag_sets[flags],
                unit_name=unit_name or "",
                cluster_id=cluster_id,
                channel=channel,
                queue_position=queue_position,
                referral=tickets.get(qid, ""),
            )
            for (
                qid,
                received_at,
                role,
                platform,
                nickname,
                display_text,
                status,
                flags,
                unit_name,
                cluster_id,
                channel,
                queue_position,
            ) in rows
        ]

    def referrals(self) -> list[ReferralRecord]:
        """Every referral ticket, soonest deadline first, masked (see
        :func:`studio.store.referrals.list_tickets`)."""
        return list_tickets(self._db)

    # -- reports -----------------------------------------------------------------------------
    def session_figures(self, first: dt.date, last: dt.date) -> list[SessionFigures]:
        """Per-session audience and question figures, aggregated in SQL (not in Python); questions
        are distinct questions (clusters), answered/referred as :mod:`studio.domain.session_report`
        defines them."""
        with self._read() as s:
            sessions = {
                row.id: session_record(row)
                for row in s.scalars(
                    _sessions_query()
                    .where(Session.date >= first, Session.date <= last)
                    .order_by(Session.date)
                )
            }
            if not sessions:
                return []
            ids = list(sessions)
            # Distinct questions (clusters), not comments: see studio.store.reports.
            from studio.store.reports import question_tallies, room_audience

            counts = question_tallies(s, select(Session.id).where(Session.id.in_(ids)))
            # Per room: the peak of "online now", the last total and the last like count, or
            # the platform's own figures typed in after the show where given.
            audience: dict[int, list[int]] = {}
            for (session_id, _room), (peak, total, likes, *by_hand) in room_audience(
                s, select(Session.id).where(Session.id.in_(ids))
            ).items():
                sums = audience.setdefault(session_id, [0, 0, 0, 0, 0])
                for k, value in enumerate((peak, total, likes, *by_hand)):
                    sums[k] += int(value)
            figures = []
            for session_id, record in sessions.items():
                c = counts.get(session_id)
                peak, total, likes, viewers_by_hand, likes_by_hand = audience.get(
                    session_id, [0, 0, 0, 0, 0]
                )
                figures.append(
                    SessionFigures(
                        session=record,
                        peak_online=peak,
                        total_viewers=total,
                        likes=likes,
                        comments=c.comments if c else 0,
                        questions=c.questions if c else 0,
                        answered=c.answered if c else 0,
                        referred=c.referred if c else 0,
                        viewers_by_hand=viewers_by_hand > 0,
                        likes_by_hand=likes_by_hand > 0,
                    )
                )
            return figures

    def is_empty(self) -> bool:
        """True when no unit exists yet: a fresh database the demo may fill."""
        with self._read() as s:
            return s.scalar(select(func.count()).select_from(Unit)) == 0
