"""The reports' figures against a hand-counted session: distinct questions, not comments."""

import pytest
from sqlalchemy import select

from studio.store.reports import session_report, unit_period
from studio.store.repository import StudioRepository
from tests.helpers.report_session import DAY, hand_counted_session


@pytest.fixture
def held(demo_db):
    return hand_counted_session(demo_db)


def test_session_report_counts_clusters_not_comments(held):
    db, session_id, _ = held
    report = session_report(db, session_id)
    t = report.tally
    assert (t.comments, t.questions, t.answered, t.referred, t.left_open) == (16, 5, 2, 1, 2)
    assert t.handled_rate == pytest.approx(0.6)
    assert report.peak_online == 300 + 40
    assert report.viewers == 2000 + 2000
    assert report.likes == 100 + 100
    assert report.comments_per_minute[:6] == (5, 3, 3, 2, 0, 3)
    assert len(report.comments_per_minute) == 60
    assert report.top_questions[0] == ("问0", 5)
    assert report.top_questions[1] == ("问5", 3)
    assert sum(n for _, n in report.by_unit) == 5
    assert [len(r.online) for r in report.rooms] == [2, 2]


def test_session_figures_count_distinct_questions(held):
    db, session_id, _ = held
    (figures,) = StudioRepository(db).session_figures(DAY, DAY)
    assert figures.session.id == session_id
    assert (figures.comments, figures.questions, figures.answered, figures.referred) == (
        16,
        5,
        2,
        1,
    )


def test_unit_period_league_row(held):
    db, _, unit_id = held
    units = {u.unit_id: u for u in unit_period(db, DAY, DAY, today=DAY, threshold_per_1000=2.0)}
    unit = units[unit_id]
    row = unit.as_dict()
    assert row["sessions"] == 1
    assert row["questions"] == 5
    assert row["mean_viewers"] == 4000
    assert row["questions_per_1000_viewers"] == 1.25
    assert row["answered_share"] == 0.4
    assert row["low_engagement"] is True  # 1.25 < 2 per 1,000 viewers
    others = [u for u in units.values() if u.unit_id != unit_id]
    assert all(u.sessions == 0 and not u.low_engagement for u in others)


def test_pausing_a_unit_is_audited_and_undone(held):
    from studio.store.models import AuditEvent, RotaSetting
    from studio.store.reports import set_unit_paused

    db, _, unit_id = held
    before = set_unit_paused(db, unit_id, True, seat="reports", reason="互动偏低")
    assert before is False
    with db.sessions() as s:
        assert s.get(RotaSetting, unit_id).paused is True
    assert set_unit_paused(db, unit_id, before, seat="reports") is True  # undo
    with db.sessions() as s:
        assert s.get(RotaSetting, unit_id).paused is False
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.seat == "reports")).all()
    assert actions == ["rota.pause", "rota.resume"]


def test_hand_entered_figures_are_used_where_given_and_the_review_is_kept(held):
    from studio.store.reports import save_platform_figures, save_review

    db, session_id, unit_id = held
    room = session_report(db, session_id).rooms[0]
    save_platform_figures(
        db,
        session_id,
        room.room_id,
        viewers=9000,
        likes=None,
        new_followers=120,
        mean_watch_s=95,
        seat="reports",
    )
    save_review(db, session_id, 4, "这个直播表现还可以", seat="reports")
    report = session_report(db, session_id)
    typed = next(r for r in report.rooms if r.room_id == room.room_id)
    assert (typed.viewers, typed.likes, typed.by_hand) == (9000, room.likes, True)
    assert (typed.new_followers, typed.mean_watch_s) == (120, 95)
    assert report.viewers == 9000 + 2000
    assert (report.rating, report.remark) == (4, "这个直播表现还可以")
    unit = next(u for u in unit_period(db, DAY, DAY, today=DAY) if u.unit_id == unit_id)
    assert unit.viewers == 11000
    with pytest.raises(ValueError):
        save_review(db, session_id, 6, "", seat="reports")
    save_platform_figures(
        db,
        session_id,
        room.room_id,
        viewers=None,
        likes=None,
        new_followers=None,
        mean_watch_s=None,
        seat="reports",
    )
    assert session_report(db, session_id).viewers == 4000  # the samples again
