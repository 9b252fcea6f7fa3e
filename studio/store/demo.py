"""The demo studio: a realistic county's units, officials, a fortnight of sessions and questions.

The content lives in ``resources/demo/county.json``; this module turns it into rows around a
given day, deterministically, so the demo looks the same every time it is started.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.calendar import add_working_days, working_days
from studio.domain.model import (
    Platform,
    QuestionStatus,
    ReferralCategory,
    ReferralStatus,
    Satisfaction,
    SessionStatus,
    UnitKind,
)
from studio.domain.profile import DEFAULT_REFERRAL_DAYS
from studio.domain.rundown_plan import DEFAULT_DAILY_RUNDOWN
from studio.domain.studio_time import studio_instant, to_studio
from studio.domain.text.pii import mask_nickname
from studio.domain.text.pipeline import TextPipeline, question_flags
from studio.domain.text.screening import load_sensitive_words
from studio.paths import resources_dir
from studio.store.database import Database
from studio.store.models import (
    AuditEvent,
    BriefingNoteRow,
    Official,
    Phone,
    Question,
    Referral,
    ReferralAsker,
    ReferralEvent,
    ReportBackItem,
    Room,
    Segment,
    Session,
    StatsSample,
    StudioProfileRow,
    Unit,
)
from studio.store.repository import StudioRepository
from studio.store.rundowns import ensure_default_template

DEMO_FILE = resources_dir() / "demo" / "county.json"
SESSION_START = dt.time(15, 0)
SESSION_END = dt.time(16, 0)


def load_demo_content(path: Path = DEMO_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        content: dict[str, Any] = json.load(handle)
    return content


def seed_demo(db: Database, today: dt.date, *, content: dict[str, Any] | None = None) -> bool:
    """Fill an empty database with the demo studio around ``today``.

    Returns:
        True when it seeded, False when the database already held units (nothing is touched).
    """
    if not StudioRepository(db).is_empty():
        return False
    content = content or load_demo_content()
    with db.transaction() as s:
        _DemoBuilder(s, content, today).build()
    return True


class _DemoBuilder:
    """Writes the demo rows in one transaction; split in steps only for readability."""

    def __init__(self, s: OrmSession, content: dict[str, Any], today: dt.date) -> None:
        self.s = s
        self.content = content
        self.today = today
        self._queue_places: dict[int, int] = {}  # session id → the last queue place given
        self.rng = random.Random(20261126)
        self.units: dict[str, Unit] = {}
        self.officials: dict[str, Official] = {}
        self.rooms: dict[str, Room] = {}
        self.pipeline = TextPipeline(
            sensitive_words=load_sensitive_words(resources_dir() / "rules" / "sensitive_words.txt")
        )

    def build(self) -> None:
        county = self.content["county"]
        self.s.add(
            StudioProfileRow(
                id=1,
                county_name=county,
                short_name=county.removesuffix("县"),
                referral_days_json=json.dumps(dict(DEFAULT_REFERRAL_DAYS)),
                updated_at=studio_instant(dt.datetime.combine(self.today, dt.time(9, 0))),
            )
        )
        self._directory()
        self._rooms_and_phones()
        days = self._days()
        rotation = self._rotation(days)
        for day, unit_name in zip(days, rotation, strict=True):
            self._session(day, unit_name)
        ensure_default_template(self.s)
        self._report_back()

    def _report_back(self) -> None:
        """Today's 转办回音: the replies still waiting to be reported back (any unit's: today's
        unit is new to the chair), oldest reply first, as the operator chose them."""
        today = self.s.scalar(select(Session).where(Session.date == self.today))
        if today is None:
            return
        waiting = self.s.scalars(
            select(Referral)
            .where(Referral.status == ReferralStatus.REPLIED)
            .order_by(Referral.replied_at, Referral.id)
            .limit(5)
        ).all()
        for position, ticket in enumerate(waiting):
            self.s.add(
                ReportBackItem(session_id=today.id, referral_id=ticket.id, position=position)
            )
        self.s.add(
            AuditEvent(
                at=studio_instant(dt.datetime.combine(self.today, dt.time(9, 30))),
                seat="operator",
                action="report_back.choose",
                subject=f"session:{today.id}",
                before="[]",
                after=json.dumps([t.id for t in waiting]),
                session_id=today.id,
            )
        )

    # -- steps -------------------------------------------------------------------------------
    def _directory(self) -> None:
        for item in self.content["units"]:
            unit = Unit(
                name=item["name"],
                short_name=item["short"],
                kind=UnitKind(item["kind"]),
                routing_keywords="\n".join(item["keywords"]),
            )
            name, title = item["official"]
            official = Official(name=name, title=title, unit=unit)
            self.s.add_all([unit, official])
            self.units[unit.name] = unit
            self.officials[unit.name] = official
        self.s.flush()

    def _rooms_and_phones(self) -> None:
        for item in self.content["rooms"]:
            room = Room(
                platform=Platform(item["platform"]),
                account_name=item["account_name"],
                identity=item["identity"],
                role=item["role"],
                unit=self.units.get(item.get("unit", "")),
            )
            self.s.add(room)
            self.rooms[item["role"]] = room
        for item in self.content["phones"]:
            self.s.add(Phone(**item))
        self.s.flush()

    def _days(self) -> list[dt.date]:
        """About two weeks of working days around today, and today even on a weekend."""
        days = set(
            working_days(self.today - dt.timedelta(days=7), self.today + dt.timedelta(days=7))
        )
        days.add(self.today)
        return sorted(days)

    def _rotation(self, days: list[dt.date]) -> list[str]:
        """Today's unit as the content says; the other days take units in turn."""
        today_unit = self.content["today"]["unit"]
        others = [u["name"] for u in self.content["units"] if u["name"] != today_unit]
        self.rng.shuffle(others)
        rotation = []
        for index, day in enumerate(days):
            rotation.append(today_unit if day == self.today else others[index % len(others)])
        return rotation

    def _session(self, day: dt.date, unit_name: str) -> None:
        unit_content = next(u for u in self.content["units"] if u["name"] == unit_name)
        is_today = day == self.today
        if is_today:
            topic = self.content["today"]["topic"]
            status = SessionStatus.READY
        else:
            topic = self.rng.choice(unit_content["topics"])
            if day < self.today:
                status = SessionStatus.ENDED
            else:
                status = (
                    SessionStatus.READY
                    if day <= self.today + dt.timedelta(days=3)
                    else SessionStatus.PLANNED
                )
        session = Session(
            date=day,
            start=SESSION_START,
            end=SESSION_END,
            unit=self.units[unit_name],
            official=self.officials[unit_name],
            topic=topic,
            status=status,
        )
        self.s.add(session)
        notes = self.content["today"]["notes"] if is_today else {}
        if status != SessionStatus.PLANNED:
            for position, plan in enumerate(DEFAULT_DAILY_RUNDOWN):
                self.s.add(
                    Segment(
                        session=session,
                        position=position,
                        title=plan.title,
                        kind=plan.kind,
                        planned_s=plan.planned_s,
                        warning_s=plan.warning_s,
                        danger_s=plan.danger_s,
                        notes=notes.get(plan.kind, ""),
                    )
                )
        self.s.flush()
        if is_today:
            self._today_questions(session)
            for position, note in enumerate(self.content["today"].get("briefing", [])):
                self.s.add(
                    BriefingNoteRow(
                        session_id=session.id,
                        position=position,
                        title=note["title"],
                        body=note["body"],
                        updated_at=studio_instant(dt.datetime.combine(self.today, dt.time(9))),
                    )
                )
        elif status == SessionStatus.ENDED:
            self._past_broadcast(session, unit_content)

    def _question(
        self,
        session: Session,
        room: Room,
        nickname: str,
        text: str,
        at: dt.datetime,
        status: QuestionStatus,
        unit_name: str | None,
        channel: str = "live",
    ) -> Question:
        processed = self.pipeline.process(text)
        question = Question(
            session_id=session.id,
            room_id=room.id,
            platform_msg_id=f"demo-{session.id}-{self.rng.getrandbits(48)}",
            author_id=f"u{self.rng.getrandbits(40)}",
            nickname=mask_nickname(nickname),
            raw_nickname=nickname,
            raw_text=text,
            display_text=processed.display,
            received_at=studio_instant(at),  # ``at`` is the studio's wall clock
            status=status,
            flags=question_flags(processed),
            unit_id=self.units[unit_name].id if unit_name else None,
            channel=channel,
        )
        if status == QuestionStatus.QUEUED:  # queued in the order they were asked
            place = self._queue_places[session.id] = self._queue_places.get(session.id, 0) + 1
            question.queue_position = place
        self.s.add(question)
        return question

    def _today_questions(self, session: Session) -> None:
        """Questions collected beforehand under the preview announcement (直播预告)."""
        start = dt.datetime.combine(self.today, dt.time(9, 30))
        for index, item in enumerate(self.content["today"]["questions"]):
            self._question(
                session,
                self.rooms[item["room"]],
                item["nickname"],
                item["text"],
                start + dt.timedelta(minutes=23 * index),
                QuestionStatus(item.get("status", QuestionStatus.NEW)),
                item["unit"],
                channel="preview",
            )

    def _past_broadcast(self, session: Session, unit_content: dict[str, Any]) -> None:
        start = dt.datetime.combine(session.date, SESSION_START)
        nicknames = self.content["nicknames"]
        unit_name = unit_content["name"]
        referred: list[Question] = []
        for minute in range(0, 60, 2):
            at = start + dt.timedelta(minutes=minute, seconds=self.rng.randint(0, 119))
            room = self.rooms[self.rng.choice(["gov", "dept"])]
            if self.rng.random() < 0.35:
                text = self.rng.choice(self.content["chatter"])
                self._question(
                    session, room, self.rng.choice(nicknames), text, at, QuestionStatus.HIDDEN, None
                )
                continue
            text = self.rng.choice(unit_content["questions"])
            status = self.rng.choices(
                [QuestionStatus.ANSWERED, QuestionStatus.REFERRED, QuestionStatus.NEW],
                weights=[5, 2, 3],
            )[0]
            question = self._question(
                session, room, self.rng.choice(nicknames), text, at, status, unit_name
            )
            if status == QuestionStatus.REFERRED and text not in {q.raw_text for q in referred}:
                referred.append(question)
        self.s.flush()
        for question in referred:
            self._referral(session, question)
        for role, room in self.rooms.items():
            scale = 1.0 if role == "gov" else 0.45
            peak = int(self.rng.randint(900, 2600) * scale)
            self.s.add(
                StatsSample(
                    session_id=session.id,
                    room_id=room.id,
                    at=studio_instant(start + dt.timedelta(minutes=59)),
                    online=peak,
                    total_viewers=int(peak * self.rng.uniform(6, 11)),
                    likes=int(peak * self.rng.uniform(15, 40)),
                )
            )
        self.s.add(
            AuditEvent(
                at=studio_instant(start + dt.timedelta(minutes=61)),
                seat="operator",
                action="session_ended",
                subject=f"session:{session.id}",
                before=SessionStatus.LIVE,
                after=SessionStatus.ENDED,
                session_id=session.id,
            )
        )

    def _referral(self, session: Session, question: Question) -> None:
        # The three categories the demo always drew from, in their old order: the same draws.
        category = self.rng.choice(
            [ReferralCategory.ENQUIRY, ReferralCategory.COMPLAINT, ReferralCategory.HELP]
        )
        days = 13 if category == ReferralCategory.COMPLAINT else 3
        created = question.received_at + dt.timedelta(minutes=5)
        deadline = add_working_days(to_studio(created).date(), days)
        age = (self.today - session.date).days
        status = (
            ReferralStatus.CLOSED
            if age > 6
            else self.rng.choice(
                [ReferralStatus.DISPATCHED, ReferralStatus.IN_PROGRESS, ReferralStatus.REPLIED]
            )
        )
        replied = status in (ReferralStatus.REPLIED, ReferralStatus.CLOSED)
        replied_at = created + dt.timedelta(days=min(age, 3)) if replied else None
        closed = status == ReferralStatus.CLOSED
        referral = Referral(
            question_id=question.id,
            session=session,
            unit_id=question.unit_id,
            category=category,
            summary=question.display_text,
            note="节目后电话联系网友，核实具体地址。",
            status=status,
            created_at=created,
            deadline=deadline,
            replied_at=replied_at,
            reply=self.rng.choice(self.content["replies"]) if replied else "",
            dispatched_at=created,
            signed_at=created if status != ReferralStatus.DISPATCHED else None,
            reply_by="办公室" if replied else "",
            called_back_at=replied_at if closed else None,
            closed_at=replied_at if closed else None,
            satisfaction=Satisfaction.SATISFIED if closed else None,
        )
        self.s.add(referral)
        self.s.flush()
        referral.number = f"ZB-{referral.id:04d}"
        self.s.add(ReferralAsker(referral_id=referral.id, question_id=question.id))
        steps = [
            (created, "accept", "", ReferralStatus.ACCEPTED),
            (created, "dispatch", ReferralStatus.ACCEPTED, ReferralStatus.DISPATCHED),
        ]
        if replied_at is not None:
            steps.append((replied_at, "reply", ReferralStatus.IN_PROGRESS, ReferralStatus.REPLIED))
        if closed and replied_at is not None:
            steps.append((replied_at, "close", ReferralStatus.CALLED_BACK, ReferralStatus.CLOSED))
        for at, action, before, after in steps:
            self.s.add(
                ReferralEvent(
                    referral_id=referral.id,
                    at=at,
                    seat="demo",
                    action=action,
                    status_before=before,
                    status_after=after,
                    unit_id=question.unit_id,
                    reason="",
                    detail="",
                )
            )
