"""What one ended session drew and achieved, and each unit's figures over a period.

The figures count **distinct questions**: the comments the text pipeline grouped into one
cluster are one question however many viewers typed it (a comment in no cluster is a question
alone). A question is *answered on air* when any comment of its cluster was answered,
*referred* when one was referred (and none answered), and *left open* otherwise; so
answered + referred + open = questions, and the handled rate (办理率) is
(answered + referred) ÷ questions. Hidden comments are not questions.

The store counts (in SQL, :mod:`studio.store.reports`); this module holds the results and the
few derived figures, so the window, the PDF, the workbook and the JSON say the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from studio.domain.records import SessionRecord


def rate(part: float, whole: float) -> float | None:
    """``part ÷ whole``; None ("—") when there is no whole, never 0 %."""
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class QuestionTally:
    """Comments and distinct questions of a session (or a period)."""

    comments: int = 0
    questions: int = 0
    answered: int = 0
    referred: int = 0

    @property
    def left_open(self) -> int:
        return self.questions - self.answered - self.referred

    @property
    def handled_rate(self) -> float | None:
        """办理率: questions answered on air or referred ÷ distinct questions."""
        return rate(self.answered + self.referred, self.questions)


@dataclass(frozen=True, slots=True)
class RoomAudience:
    """One live room's audience in a session.

    Attributes:
        label: the room as the studio names it ("抖音 · 县融媒").
        peak_online: the most viewers online at once.
        viewers: the platform's viewer count at the end (观看人次).
        likes: likes at the end.
        online: (minute from the scheduled start, viewers online) of every sample.
        by_hand: viewers and likes are the platform's own after-show numbers, typed in by hand
            (used where given, over the capture's samples).
        new_followers, mean_watch_s: typed in by hand too (None: not given).
    """

    room_id: int
    label: str
    peak_online: int
    viewers: int
    likes: int
    online: tuple[tuple[float, int], ...] = ()
    by_hand: bool = False
    new_followers: int | None = None
    mean_watch_s: int | None = None


@dataclass(frozen=True, slots=True)
class SegmentTiming:
    """A segment of the running order, planned against actual; times are seconds from the
    scheduled start (None: it never ran)."""

    title: str
    kind: str
    planned_start_s: float
    planned_s: int
    started_s: float | None
    actual_s: float

    @property
    def over_s(self) -> float:
        """Seconds it ran over its plan (negative: under); 0 if it never ran."""
        return self.actual_s - self.planned_s if self.started_s is not None else 0.0


@dataclass(frozen=True, slots=True)
class SessionReport:
    """Everything the session report shows.

    Attributes:
        tally: comments and distinct questions.
        rooms: the audience per room.
        comments_per_minute: comments received in each minute from the scheduled start (index
            0 = the first minute; comments before the start are in minute 0).
        segments: the running order, planned against actual.
        by_unit: (unit name, distinct questions), most first; "" = no unit named.
        top_questions: (text, comments asking it) of the five most asked questions.
        referrals: (ticket status, tickets) of the session's referrals now.
        rating, remark: the county head's review (rating 1–5; None: not rated).
    """

    session: SessionRecord
    tally: QuestionTally
    rooms: tuple[RoomAudience, ...] = ()
    comments_per_minute: tuple[int, ...] = ()
    segments: tuple[SegmentTiming, ...] = ()
    by_unit: tuple[tuple[str, int], ...] = ()
    top_questions: tuple[tuple[str, int], ...] = ()
    referrals: tuple[tuple[str, int], ...] = ()
    rating: int | None = None
    remark: str = ""

    @property
    def peak_online(self) -> int:
        return sum(r.peak_online for r in self.rooms)

    @property
    def viewers(self) -> int:
        return sum(r.viewers for r in self.rooms)

    @property
    def likes(self) -> int:
        return sum(r.likes for r in self.rooms)

    def as_dict(self) -> dict[str, object]:
        """The report as plain values (the JSON export)."""
        s = self.session
        t = self.tally
        return {
            "session": s.id,
            "date": s.date.isoformat(),
            "unit": s.unit_name,
            "official": s.official_name,
            "topic": s.topic,
            "status": str(s.status),
            "peak_online": self.peak_online,
            "viewers": self.viewers,
            "likes": self.likes,
            "comments": t.comments,
            "questions": t.questions,
            "answered": t.answered,
            "referred": t.referred,
            "left_open": t.left_open,
            "handled_rate": _rounded(t.handled_rate),
            "rooms": [
                {
                    "room": r.label,
                    "peak_online": r.peak_online,
                    "viewers": r.viewers,
                    "likes": r.likes,
                    "new_followers": r.new_followers,
                    "mean_watch_s": r.mean_watch_s,
                    "entered_by_hand": r.by_hand,
                }
                for r in self.rooms
            ],
            "comments_per_minute": list(self.comments_per_minute),
            "segments": [
                {
                    "title": g.title,
                    "planned_s": g.planned_s,
                    "actual_s": round(g.actual_s),
                    "over_s": round(g.over_s),
                    "ran": g.started_s is not None,
                }
                for g in self.segments
            ],
            "questions_by_unit": [{"unit": u, "questions": n} for u, n in self.by_unit],
            "top_questions": [{"text": q, "comments": n} for q, n in self.top_questions],
            "referrals": {status: n for status, n in self.referrals},
            "rating": self.rating,
            "remark": self.remark,
        }


#: Distinct questions per 1,000 viewers below which a unit is marked low-engagement (default).
LOW_ENGAGEMENT_PER_1000 = 1.0


@dataclass(slots=True)
class UnitPeriod:
    """One unit's figures over a period (the period report's league table).

    Attributes:
        viewers: the sum over its sessions of the viewers (for the mean).
        referrals: tickets the unit received in the period; on_time_rate and satisfaction_rate
            as :mod:`studio.domain.referral_figures` defines them (None: nothing to rate).
        held: (day, distinct questions) of each of its sessions, for the trend.
    """

    unit_id: int
    unit: str
    kind: str
    sessions: int = 0
    viewers: int = 0
    questions: int = 0
    answered: int = 0
    referrals: int = 0
    on_time_rate: float | None = None
    satisfaction_rate: float | None = None
    low_engagement: bool = False
    held: list[tuple[dt.date, int]] = field(default_factory=list)

    @property
    def mean_viewers(self) -> float | None:
        return rate(self.viewers, self.sessions)

    @property
    def questions_per_session(self) -> float | None:
        return rate(self.questions, self.sessions)

    @property
    def questions_per_1000_viewers(self) -> float | None:
        return rate(self.questions * 1000, self.viewers)

    @property
    def answered_share(self) -> float | None:
        return rate(self.answered, self.questions)

    def as_dict(self) -> dict[str, object]:
        """The JSON keys of ``studio report units``."""
        return {
            "unit": self.unit,
            "kind": self.kind,
            "sessions": self.sessions,
            "mean_viewers": _rounded(self.mean_viewers, 1),
            "questions": self.questions,
            "questions_per_session": _rounded(self.questions_per_session, 2),
            "questions_per_1000_viewers": _rounded(self.questions_per_1000_viewers, 2),
            "answered_share": _rounded(self.answered_share),
            "referrals": self.referrals,
            "on_time_rate": _rounded(self.on_time_rate),
            "satisfaction_rate": _rounded(self.satisfaction_rate),
            "low_engagement": self.low_engagement,
        }


def mark_low_engagement(
    units: list[UnitPeriod], threshold_per_1000: float = LOW_ENGAGEMENT_PER_1000
) -> None:
    """Mark the units that held a session and drew fewer distinct questions per 1,000 viewers
    than ``threshold_per_1000`` (a unit with no viewers recorded: no question at all)."""
    for unit in units:
        per_1000 = unit.questions_per_1000_viewers
        if not unit.sessions:
            unit.low_engagement = False
        elif per_1000 is None:
            unit.low_engagement = unit.questions == 0
        else:
            unit.low_engagement = per_1000 < threshold_per_1000


def league(units: list[UnitPeriod]) -> list[UnitPeriod]:
    """Units that held a session, most distinct questions per session first."""
    held = [u for u in units if u.sessions]
    return sorted(held, key=lambda u: (-(u.questions_per_session or 0.0), u.unit))


def weekly_trend(units: list[UnitPeriod]) -> dict[str, list[tuple[dt.date, float]]]:
    """Per kind of unit ("department", "township"): (the week's Monday, distinct questions per
    session held that week), week by week, weeks without a session left out."""
    weeks: dict[str, dict[dt.date, list[int]]] = {}
    for unit in units:
        for day, questions in unit.held:
            monday = day - dt.timedelta(days=day.weekday())
            weeks.setdefault(unit.kind, {}).setdefault(monday, []).append(questions)
    return {
        kind: [(monday, sum(q) / len(q)) for monday, q in sorted(by_week.items())]
        for kind, by_week in sorted(weeks.items())
    }


def _rounded(value: float | None, places: int = 4) -> float | None:
    return None if value is None else round(value, places)
