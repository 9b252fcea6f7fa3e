"""The reports' figures from the store, counted in SQL (definitions in
:mod:`studio.domain.session_report`). Blocking: services call these from a worker thread.

A distinct question is a cluster (``question.cluster_id``), or a comment in no cluster: the
counts group by ``(cluster_id IS NULL, COALESCE(cluster_id, id))`` so a cluster number never
meets a comment's id.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable

from sqlalchemy import Integer, Select, case, func, literal, select
from sqlalchemy.orm import Session as OrmSession

from studio.domain import rundown_clock as clock
from studio.domain.model import QuestionFlag, QuestionStatus, SessionStatus, UnitKind
from studio.domain.referral_figures import UnitReferralFigures
from studio.domain.report_tables import PLATFORMS
from studio.domain.session_report import (
    QuestionTally,
    RoomAudience,
    SegmentTiming,
    SessionReport,
    UnitPeriod,
    mark_low_engagement,
)
from studio.domain.studio_time import now_instant, studio_epoch
from studio.store.database import Database
from studio.store.models import (
    AuditEvent,
    PlatformFigures,
    Question,
    Referral,
    Room,
    RotaSetting,
    Session,
    SessionReview,
    StatsSample,
    Unit,
)
from studio.store.profile import low_engagement_threshold
from studio.store.referral_figures import referral_figures
from studio.store.repository import StudioRepository
from studio.store.timer_store import NoSuchSession, load_timer

_TOP = 5


def _is_question():  # type: ignore[no-untyped-def]
    """A comment the pipeline took for a question, and not hidden by the moderator."""
    return (Question.flags.op("&")(int(QuestionFlag.IS_QUESTION)) != 0) & (
        Question.status != QuestionStatus.HIDDEN
    )


def _cluster_key() -> tuple[object, object]:
    return (Question.cluster_id.is_(None), func.coalesce(Question.cluster_id, Question.id))


def question_tallies(s: OrmSession, sessions: Select[tuple[int]]) -> dict[int, QuestionTally]:
    """Comments and distinct questions of each session ``sessions`` (a select of ids) names."""
    answered = func.max(case((Question.status == QuestionStatus.ANSWERED, 1), else_=0))
    referred = func.max(case((Question.status == QuestionStatus.REFERRED, 1), else_=0))
    clusters = (
        select(
            Question.session_id.label("session_id"),
            answered.label("answered"),
            referred.label("referred"),
        )
        .where(Question.session_id.in_(sessions), _is_question())
        .group_by(Question.session_id, *_cluster_key())
        .subquery()
    )
    per_session = select(
        clusters.c.session_id,
        func.count().label("questions"),
        func.sum(clusters.c.answered).label("answered"),
        func.sum(case(((clusters.c.answered == 0) & (clusters.c.referred == 1), 1), else_=0)).label(
            "referred"
        ),
    ).group_by(clusters.c.session_id)
    comments = dict(
        s.execute(
            select(Question.session_id, func.count())
            .where(Question.session_id.in_(sessions))
            .group_by(Question.session_id)
        ).all()
    )
    tallies = {
        session_id: QuestionTally(comments.get(session_id, 0), int(q), int(a or 0), int(r or 0))
        for session_id, q, a, r in s.execute(per_session)
    }
    for session_id, n in comments.items():
        tallies.setdefault(session_id, QuestionTally(comments=n))
    return tallies


def room_audience(
    s: OrmSession, sessions: Select[tuple[int]]
) -> dict[tuple[int, int], tuple[int, int, int, bool, bool]]:
    """(session, room) → (peak online, viewers, likes, viewers by hand, likes by hand): the
    audience samples' figures, with the platform's own figures typed in after the show over
    them where given (the two flags say which were)."""
    query = (
        select(
            StatsSample.session_id,
            StatsSample.room_id,
            func.max(StatsSample.online),
            func.max(StatsSample.total_viewers),
            func.max(StatsSample.likes),
        )
        .where(StatsSample.session_id.in_(sessions))
        .group_by(StatsSample.session_id, StatsSample.room_id)
    )
    audience = {
        (sid, rid): (int(p or 0), int(v or 0), int(lk or 0), False, False)
        for sid, rid, p, v, lk in s.execute(query)
    }
    for sid, rid, viewers, likes in s.execute(
        select(
            PlatformFigures.session_id,
            PlatformFigures.room_id,
            PlatformFigures.viewers,
            PlatformFigures.likes,
        ).where(PlatformFigures.session_id.in_(sessions))
    ):
        peak, sampled_viewers, sampled_likes, _v, _l = audience.get(
            (sid, rid), (0, 0, 0, False, False)
        )
        audience[(sid, rid)] = (
            peak,
            sampled_viewers if viewers is None else viewers,
            sampled_likes if likes is None else likes,
            viewers is not None,
            likes is not None,
        )
    return audience


def _minute_of(s: OrmSession, start: dt.datetime):  # type: ignore[no-untyped-def]
    """The SQL for "whole minutes from ``start`` (naive UTC, whole seconds) to the comment",
    floored — the same on both databases. SQLite counts whole seconds (the fraction of a second
    cannot change the minute, ``start`` being whole), not ``julianday`` differences: a day's
    fraction in floating point put a comment at exactly 12:00 into minute 11."""
    if s.get_bind().dialect.name == "sqlite":
        seconds = func.cast(
            func.strftime("%s", func.substr(Question.received_at, 1, 19)), Integer
        ) - int(start.replace(tzinfo=dt.UTC).timestamp())
        # Integer division truncates towards zero; before the start is minute 0 either way.
        return seconds // 60
    seconds = func.extract("epoch", Question.received_at - literal(start))
    return func.floor(seconds / 60.0)


def _utc(epoch: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).replace(tzinfo=None)


def session_report(db: Database, session_id: int, *, now: float | None = None) -> SessionReport:
    """The report of one session (ended or not: figures so far).

    Raises:
        NoSuchSession: no session has this id.
    """
    record = StudioRepository(db).session(session_id)
    if record is None:
        raise NoSuchSession(f"no session with id {session_id}")
    start_epoch = studio_epoch(record.date, record.start)
    start = _utc(start_epoch)
    one = select(literal(session_id))
    with db.sessions() as s:
        tally = question_tallies(s, one).get(session_id, QuestionTally())
        audience = room_audience(s, one)
        rooms_rows = {
            rid: (platform, name)
            for rid, platform, name in s.execute(select(Room.id, Room.platform, Room.account_name))
        }
        samples: dict[int, list[tuple[float, int]]] = {}
        for room_id, at, online in s.execute(
            select(StatsSample.room_id, StatsSample.at, StatsSample.online)
            .where(StatsSample.session_id == session_id)
            .order_by(StatsSample.at)
        ):
            samples.setdefault(room_id, []).append(((at - start).total_seconds() / 60.0, online))
        minute = _minute_of(s, start)
        per_minute: dict[int, int] = {}
        for m, n in s.execute(
            select(minute.label("m"), func.count())
            .where(Question.session_id == session_id)
            .group_by(minute)
        ):
            key = max(int(m or 0), 0)
            per_minute[key] = per_minute.get(key, 0) + int(n)
        by_unit = _questions_by_unit(s, session_id)
        top = _top_questions(s, session_id)
        hand = {
            row.room_id: row
            for row in s.scalars(
                select(PlatformFigures).where(PlatformFigures.session_id == session_id)
            )
        }
        review = s.get(SessionReview, session_id)
        rating, remark = (review.rating, review.remark) if review else (None, "")
        referrals = tuple(
            (str(status), int(n))
            for status, n in s.execute(
                select(Referral.status, func.count())
                .where(Referral.session_id == session_id)
                .group_by(Referral.status)
                .order_by(Referral.status)
            )
        )
    rooms = tuple(
        RoomAudience(
            room_id=room_id,
            label=" · ".join(p for p in _room_names(*rooms_rows.get(room_id, ("", ""))) if p),
            peak_online=peak,
            viewers=viewers,
            likes=likes,
            online=tuple(samples.get(room_id, ())),
            by_hand=room_id in hand,
            new_followers=hand[room_id].new_followers if room_id in hand else None,
            mean_watch_s=hand[room_id].mean_watch_s if room_id in hand else None,
        )
        for (_sid, room_id), (peak, viewers, likes, _vh, _lh) in sorted(audience.items())
    )
    slot_minutes = max(int((studio_epoch(record.date, record.end) - start_epoch) // 60), 1)
    length = max([slot_minutes, *(m + 1 for m in per_minute)])
    return SessionReport(
        session=record,
        tally=tally,
        rooms=rooms,
        comments_per_minute=tuple(per_minute.get(m, 0) for m in range(length)),
        segments=_segment_timings(db, session_id, start_epoch, now),
        by_unit=by_unit,
        top_questions=top,
        referrals=referrals,
        rating=rating,
        remark=remark,
    )


def _room_names(platform: str, account: str) -> tuple[str, str]:
    """A room as a leader reads it: "抖音", "青山住建"."""
    return PLATFORMS.get(platform, platform), account


def _questions_by_unit(s: OrmSession, session_id: int) -> tuple[tuple[str, int], ...]:
    clusters = (
        select(Question.unit_id.label("unit_id"))
        .where(Question.session_id == session_id, _is_question())
        .group_by(Question.unit_id, *_cluster_key())
        .subquery()
    )
    query = (
        select(func.coalesce(Unit.name, ""), func.count())
        .select_from(clusters)
        .outerjoin(Unit, Unit.id == clusters.c.unit_id)
        .group_by(clusters.c.unit_id, Unit.name)
        .order_by(func.count().desc(), Unit.name)
    )
    return tuple((name, int(n)) for name, n in s.execute(query))


def _top_questions(s: OrmSession, session_id: int) -> tuple[tuple[str, int], ...]:
    """The five clusters with most comments: the first comment's text, and how many."""
    query = (
        select(func.min(Question.id), func.count().label("n"))
        .where(Question.session_id == session_id, _is_question())
        .group_by(*_cluster_key())
        .order_by(func.count().desc(), func.min(Question.id))
        .limit(_TOP)
    )
    top = [(int(first), int(n)) for first, n in s.execute(query)]
    texts = dict(
        s.execute(
            select(Question.id, Question.display_text).where(
                Question.id.in_([first for first, _ in top])
            )
        ).all()
    )
    return tuple((texts.get(first, ""), n) for first, n in top)


def _segment_timings(
    db: Database, session_id: int, start_epoch: float, now: float | None
) -> tuple[SegmentTiming, ...]:
    snapshot = load_timer(db, session_id)
    actuals = clock.segment_actuals(snapshot.state, snapshot.rundown, now or time.time())
    timings, planned_at = [], 0.0
    for planned, actual in zip(snapshot.rundown.segments, actuals, strict=False):
        timings.append(
            SegmentTiming(
                title=planned.title,
                kind=str(planned.kind),
                planned_start_s=planned_at,
                planned_s=planned.planned_s,
                started_s=None if actual.started_at is None else actual.started_at - start_epoch,
                actual_s=actual.actual_s,
            )
        )
        planned_at += planned.planned_s
    return tuple(timings)


def ended_sessions(first: dt.date, last: dt.date) -> Select[tuple[int]]:
    """The ids of the sessions held (ended) in ``first``–``last``."""
    return select(Session.id).where(
        Session.date >= first, Session.date <= last, Session.status == SessionStatus.ENDED
    )


def unit_period(
    db: Database,
    first: dt.date,
    last: dt.date,
    *,
    today: dt.date,
    threshold_per_1000: float | None = None,
    kinds: Iterable[UnitKind] = (UnitKind.DEPARTMENT, UnitKind.TOWNSHIP),
) -> list[UnitPeriod]:
    """Each unit's figures over ``first``–``last`` (ended sessions only), in name order:
    every current unit of ``kinds``, and any other that held a session in the period; units
    below ``threshold_per_1000`` (None: the profile's stored mark) are marked low-engagement."""
    if threshold_per_1000 is None:
        threshold_per_1000 = low_engagement_threshold(db)
    held = ended_sessions(first, last)
    kinds = {str(k) for k in kinds}
    with db.sessions() as s:
        units = {
            uid: UnitPeriod(uid, name, str(kind))
            for uid, name, kind, retired in s.execute(
                select(Unit.id, Unit.name, Unit.kind, Unit.retired)
            )
            if not retired and str(kind) in kinds
        }
        names = {
            uid: (name, str(kind))
            for uid, name, kind in s.execute(select(Unit.id, Unit.name, Unit.kind))
        }
        owners = {
            session_id: (unit_id, day)
            for session_id, unit_id, day in s.execute(
                select(Session.id, Session.unit_id, Session.date).where(Session.id.in_(held))
            )
        }
        tallies = question_tallies(s, held)
        viewers: dict[int, int] = {}
        for (session_id, _room), (_peak, total, *_rest) in room_audience(s, held).items():
            viewers[session_id] = viewers.get(session_id, 0) + total
    for session_id, (unit_id, day) in owners.items():
        if unit_id is None:
            continue
        if unit_id not in units:
            name, kind = names.get(unit_id, ("", ""))
            if kind not in kinds:
                continue
            units[unit_id] = UnitPeriod(unit_id, name, kind)
        unit = units[unit_id]
        tally = tallies.get(session_id, QuestionTally())
        unit.sessions += 1
        unit.viewers += viewers.get(session_id, 0)
        unit.questions += tally.questions
        unit.answered += tally.answered
        unit.held.append((day, tally.questions))
    tickets: dict[int, UnitReferralFigures] = {
        f.unit_id: f for f in referral_figures(db, first, last, today=today)
    }
    for unit in units.values():
        figures = tickets.get(unit.unit_id)
        if figures is not None:
            unit.referrals = figures.received
            unit.on_time_rate = figures.on_time_rate
            unit.satisfaction_rate = figures.satisfaction_rate
    result = sorted(units.values(), key=lambda u: (u.kind, u.unit))
    mark_low_engagement(result, threshold_per_1000)
    return result


def set_unit_paused(
    db: Database, unit_id: int, paused: bool, *, seat: str, reason: str = ""
) -> bool:
    """Pause a unit in the rota (or resume it) from the period report, audited; returns whether
    it was paused before, for undo (:func:`set_unit_paused` with that value).

    Raises:
        LookupError: no such unit.
    """
    with db.transaction() as s:
        unit = s.get(Unit, unit_id)
        if unit is None:
            raise LookupError(f"no unit with id {unit_id}")
        setting = s.get(RotaSetting, unit_id)
        if setting is None:
            setting = RotaSetting(unit_id=unit_id, weight=1.0, paused=False, note="")
            s.add(setting)
        before = bool(setting.paused)
        setting.paused = paused
        if reason:
            setting.note = reason[:200]
        s.add(
            AuditEvent(
                at=now_instant(),
                seat=seat,
                action="rota.pause" if paused else "rota.resume",
                subject=f"unit {unit_id} {unit.name}",
                before="paused" if before else "on rota",
                after="paused" if paused else "on rota",
            )
        )
        return before


def save_review(
    db: Database, session_id: int, rating: int | None, remark: str, *, seat: str
) -> None:
    """Store the county head's review of a session (rating 1–5 or None, a remark), audited.

    Raises:
        ValueError: a rating outside 1–5.
        NoSuchSession: no such session.
    """
    if rating is not None and not 1 <= rating <= 5:
        raise ValueError(f"a rating is 1 to 5, not {rating}")
    with db.transaction() as s:
        if s.get(Session, session_id) is None:
            raise NoSuchSession(f"no session with id {session_id}")
        review = s.get(SessionReview, session_id)
        before = f"{review.rating} {review.remark}" if review else ""
        if review is None:
            review = SessionReview(session_id=session_id)
            s.add(review)
        review.rating, review.remark, review.updated_at = rating, remark.strip(), now_instant()
        s.add(
            AuditEvent(
                at=now_instant(),
                seat=seat,
                action="session.review",
                subject=f"session {session_id}",
                before=before,
                after=f"{rating} {remark.strip()}",
                session_id=session_id,
            )
        )


def save_platform_figures(
    db: Database,
    session_id: int,
    room_id: int,
    *,
    viewers: int | None,
    likes: int | None,
    new_followers: int | None,
    mean_watch_s: int | None,
    seat: str,
) -> None:
    """Store a room's after-show figures typed in from the platform (None: not given; all
    None: remove them), audited.

    Raises:
        ValueError: a negative figure.
    """
    values = (viewers, likes, new_followers, mean_watch_s)
    if any(v is not None and v < 0 for v in values):
        raise ValueError("a figure cannot be negative")
    with db.transaction() as s:
        row = s.scalars(
            select(PlatformFigures).where(
                PlatformFigures.session_id == session_id, PlatformFigures.room_id == room_id
            )
        ).first()
        if all(v is None for v in values):
            if row is not None:
                s.delete(row)
        else:
            if row is None:
                row = PlatformFigures(session_id=session_id, room_id=room_id)
                s.add(row)
            row.viewers, row.likes = viewers, likes
            row.new_followers, row.mean_watch_s = new_followers, mean_watch_s
            row.entered_at = now_instant()
        s.add(
            AuditEvent(
                at=now_instant(),
                seat=seat,
                action="session.platform_figures",
                subject=f"session {session_id} room {room_id}",
                after=" ".join("—" if v is None else str(v) for v in values),
                session_id=session_id,
            )
        )
