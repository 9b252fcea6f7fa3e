"""The report-back segment (转办回音) in the store: the tickets chosen, the clicker stepping
through them, each recorded as reported back in the session; decided from the stored timer."""

import datetime as dt

import pytest
from sqlalchemy import select

from studio.domain import rundown_clock as clock
from studio.domain.model import ReferralStatus, SegmentKind
from studio.domain.question_lifecycle import MoveRefused, Undo
from studio.domain.referral_lifecycle import ReferralRefused
from studio.domain.refusals import Refusal
from studio.domain.report_back import reply_summary
from studio.domain.studio_time import studio_epoch, to_epoch
from studio.store.models import AuditEvent, Referral, ReferralEvent, Segment, Session
from studio.store.report_back import (
    choose_report_back,
    clicker_step,
    report_back_items,
)
from studio.store.repository import StudioRepository
from studio.store.timer_store import change_timer
from tests.conftest import DEMO_DAY

AT = dt.datetime(2026, 11, 26, 7, 40)  # 15:40 in the studio


@pytest.fixture
def today_id(demo_db):
    return StudioRepository(demo_db).session_on(DEMO_DAY).id


def replied(demo_db):
    return [t for t in StudioRepository(demo_db).referrals() if t.status == ReferralStatus.REPLIED]


def test_the_demo_chose_the_replies_waiting_oldest_first(demo_db, today_id):
    items = report_back_items(demo_db, today_id)
    waiting = sorted(replied(demo_db), key=lambda t: (t.replied_at, t.id))[:5]
    assert [i.referral_id for i in items] == [t.id for t in waiting]
    assert items and not any(i.on_screen or i.reported for i in items)


def test_by_default_the_units_replied_tickets_not_yet_reported(demo_db):
    """A session whose unit has replied tickets gets them, oldest reply first; a ticket
    replied later joins the default until the clicker has stepped into it."""
    tickets = replied(demo_db)
    unit_id = tickets[0].unit_id
    with demo_db.transaction() as s:
        later = Session(
            date=DEMO_DAY + dt.timedelta(days=7),
            start=dt.time(15),
            end=dt.time(16),
            unit_id=unit_id,
            official_id=None,
            topic="",
            status="planned",
        )
        s.add(later)
        s.flush()
        later_id = later.id
    mine = sorted((t for t in tickets if t.unit_id == unit_id), key=lambda t: (t.replied_at, t.id))
    assert [i.referral_id for i in report_back_items(demo_db, later_id)] == [t.id for t in mine]
    with demo_db.transaction() as s:
        other = s.scalars(
            select(Referral).where(
                Referral.unit_id == unit_id, Referral.status == ReferralStatus.IN_PROGRESS
            )
        ).first()
        assert other is not None
        other.status, other.reply = ReferralStatus.REPLIED, "已办理"
        other.replied_at = dt.datetime(2026, 12, 30)
        other_id = other.id
    assert report_back_items(demo_db, later_id)[-1].referral_id == other_id


def test_the_clicker_steps_through_the_tickets_and_records_them_reported(demo_db, today_id):
    from studio.store.report_back import step_report_back

    items = report_back_items(demo_db, today_id)
    assert len(items) >= 2
    with demo_db.transaction() as s:
        shown = step_report_back(s, today_id, forward=True, seat="official@t", at=AT)
    assert [i.on_screen for i in shown][:2] == [True, False] and shown[0].reported
    with demo_db.transaction() as s:
        shown = step_report_back(s, today_id, forward=True, seat="official@t", at=AT)
        shown = step_report_back(s, today_id, forward=True, seat="official@t", at=AT)
    assert sum(i.on_screen for i in shown) == 1
    with demo_db.transaction() as s:
        back = step_report_back(s, today_id, forward=False, seat="official@t", at=AT)
    assert back[0].on_screen or back[1].on_screen  # previous goes back, staying in bounds
    with demo_db.sessions() as s:
        first = s.get(Referral, items[0].referral_id)
        assert first.reported_back_session_id == today_id
        events = s.scalars(
            select(ReferralEvent).where(
                ReferralEvent.referral_id == first.id, ReferralEvent.action == "report_back"
            )
        ).all()
        assert len(events) == 1  # recorded once, however often it is shown
        assert events[0].status_before == events[0].status_after == ReferralStatus.REPLIED


def test_staff_choose_only_replied_tickets_and_are_audited(demo_db, today_id):
    tickets = StudioRepository(demo_db).referrals()
    unreplied = next(t for t in tickets if t.status == ReferralStatus.IN_PROGRESS)
    done = [t for t in tickets if t.status in (ReferralStatus.REPLIED, ReferralStatus.CLOSED)]
    before = [i.referral_id for i in report_back_items(demo_db, today_id)]
    with pytest.raises(ReferralRefused) as refused:
        choose_report_back(demo_db, today_id, [done[0].id, unreplied.id], seat="转办员")
    assert refused.value.code == Refusal.REPORT_BACK_NOT_REPLIED
    assert [i.referral_id for i in report_back_items(demo_db, today_id)] == before
    chosen = [done[-1].id, done[0].id]
    items = choose_report_back(demo_db, today_id, chosen, seat="转办员")
    assert [i.referral_id for i in items] == chosen
    with demo_db.sessions() as s:
        audit = s.scalars(
            select(AuditEvent).where(AuditEvent.action == "report_back.choose")
        ).all()[-1]
        assert audit.seat == "转办员" and audit.after == f"[{chosen[0]}, {chosen[1]}]"
    # A chosen list stays as chosen: a reply arriving later does not change it.
    assert [i.referral_id for i in report_back_items(demo_db, today_id)] == chosen


def _timer_in(demo_db, session_id, kind):
    """Start today's timer and jump to the first segment of ``kind``; the instant it is."""
    with demo_db.sessions() as s:
        kinds = [
            g.kind
            for g in s.scalars(
                select(Segment).where(Segment.session_id == session_id).order_by(Segment.position)
            )
        ]
    index = kinds.index(kind)
    start = studio_epoch(DEMO_DAY, dt.time(15, 0))
    change_timer(demo_db, session_id, clock.go, action="go", now=lambda: start)
    change_timer(
        demo_db,
        session_id,
        lambda state, rundown, now: clock.jump_to(state, rundown, index, now),
        action="jump",
        now=lambda: start + 60,
    )
    return dt.datetime.fromtimestamp(start + 90, dt.UTC).replace(tzinfo=None)


def test_the_clicker_is_decided_by_the_stored_segment(demo_db, today_id):
    now = _timer_in(demo_db, today_id, SegmentKind.REPORT_BACK)
    assert to_epoch(now) > 0
    result = clicker_step(demo_db, forward=True, seat="official@t", session_id=today_id, now=now)
    assert isinstance(result, list) and result[0].on_screen


def test_outside_report_back_the_clicker_steps_the_queue(demo_db, today_id):
    now = _timer_in(demo_db, today_id, SegmentKind.QA)
    try:
        result = clicker_step(
            demo_db, forward=True, seat="official@t", session_id=today_id, now=now
        )
    except MoveRefused as refused:  # an empty queue is refused, not a report-back step
        assert refused.code == Refusal.QUEUE_EMPTY
    else:
        assert isinstance(result, Undo)
    assert not any(i.on_screen for i in report_back_items(demo_db, today_id))


def test_a_segment_with_nothing_to_report_says_so(demo_db, today_id):
    choose_report_back(demo_db, today_id, [], seat="转办员")
    now = _timer_in(demo_db, today_id, SegmentKind.REPORT_BACK)
    with pytest.raises(ReferralRefused) as refused:
        clicker_step(demo_db, forward=True, seat="official@t", session_id=today_id, now=now)
    assert refused.value.code == Refusal.REPORT_BACK_EMPTY


def test_a_reply_is_summarised_by_whole_sentences():
    assert reply_summary("已办理。") == "已办理。"
    long = "已联系当事人说明政策。" * 30
    summary = reply_summary(long, limit=40)
    assert summary == "已联系当事人说明政策。" * 3 and len(summary) <= 40
    assert reply_summary("没" * 300, limit=20) == "没" * 19 + "…"
    assert reply_summary("  多个   空格\n换行 ") == "多个 空格 换行"
