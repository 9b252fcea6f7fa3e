"""The reports' figures against a hand-counted session: distinct questions, not comments."""

import datetime as dt

import pytest
from sqlalchemy import select

from studio.domain.model import QuestionStatus
from studio.domain.studio_time import studio_epoch
from studio.store.models import Question
from studio.store.reports import session_report, unit_period
from studio.store.repository import StudioRepository
from tests.helpers.report_session import DAY, hand_counted_session


@pytest.fixture
def held(demo_db):
    return hand_counted_session(demo_db)


@pytest.fixture(params=["sqlite", "postgresql"])
def held_anywhere(request):
    """The hand-counted session on each kind of database (the per-minute counts are SQL that
    differs between them)."""
    if request.param == "sqlite":
        yield hand_counted_session(request.getfixturevalue("demo_db"))
        return
    from studio.store.database import open_database

    cluster = request.getfixturevalue("pg_cluster")
    name = cluster.new_database(template=request.getfixturevalue("pg_demo_template"))
    db = open_database(cluster.url(name))
    try:
        yield hand_counted_session(db)
    finally:
        db.close()
        cluster.drop_database(name)


def test_session_report_counts_clusters_not_comments(held_anywhere):
    db, session_id, _ = held_anywhere
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


def test_comments_on_a_minute_boundary_count_in_the_minute_they_open(held_anywhere):
    """Comments at exactly 12:00 and 57:00 into the hour, and a microsecond before 3:00: the
    same minutes on SQLite as on PostgreSQL (floating-point day fractions put the first two
    a minute early)."""
    db, session_id, _ = held_anywhere
    before = session_report(db, session_id).comments_per_minute
    start = dt.datetime.fromtimestamp(studio_epoch(DAY, dt.time(15, 0)), dt.UTC).replace(
        tzinfo=None
    )
    at = [
        dt.timedelta(minutes=12),
        dt.timedelta(minutes=57),
        dt.timedelta(minutes=3, microseconds=-1),
        dt.timedelta(minutes=59, seconds=59, microseconds=999_999),
    ]
    with db.transaction() as s:
        room = s.scalars(select(Question.room_id).where(Question.session_id == session_id)).first()
        for n, offset in enumerate(at):
            s.add(
                Question(
                    session_id=session_id,
                    room_id=room,
                    platform_msg_id=f"edge-{n}",
                    raw_text="边界",
                    display_text="边界",
                    received_at=start + offset,
                    status=QuestionStatus.NEW,
                    flags=0,
                )
            )
    after = session_report(db, session_id).comments_per_minute
    assert len(after) == len(before) == 60  # nothing spills into a 61st minute
    grew = {m: after[m] - before[m] for m in range(60) if after[m] != before[m]}
    assert grew == {12: 1, 57: 1, 2: 1, 59: 1}


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
    (figures,) = StudioRepository(db).session_figures(DAY, DAY)  # the sessions' table
    assert (figures.total_viewers, figures.viewers_by_hand) == (11000, True)
    assert (figures.likes, figures.likes_by_hand) == (200, False)  # the samples: not typed in
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
    (figures,) = StudioRepository(db).session_figures(DAY, DAY)
    assert (figures.total_viewers, figures.viewers_by_hand) == (4000, False)
