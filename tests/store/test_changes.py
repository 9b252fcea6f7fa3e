"""The change log: triggers log every followed write in its own transaction; reading and pruning."""

import datetime as dt

import pytest
from sqlalchemy import delete, select, text, update

from studio.domain.model import QuestionStatus
from studio.store.change_triggers import FOLLOWED
from studio.store.changes import (
    GAP_WAIT_S,
    Change,
    ChangeCursor,
    changes_since,
    latest_revision,
    oldest_revision,
    prune,
)
from studio.store.models import ChangeLogRow, Question, Segment, Session, TimerState, Unit

AT = dt.datetime(2026, 11, 26, 15, 5)


def a_session(db, name: str = "民政局") -> int:
    with db.transaction() as s:
        unit = Unit(name=name, short_name=name[:2])
        s.add(unit)
        s.flush()
        session = Session(date=AT.date(), unit_id=unit.id, topic="低保")
        s.add(session)
        s.flush()
        return session.id


def a_question(s, session_id: int, n: int) -> Question:
    question = Question(
        session_id=session_id,
        platform_msg_id=f"m-{n}",
        raw_text=f"问题{n}",
        display_text=f"问题{n}",
        received_at=AT,
    )
    s.add(question)
    return question


def logged(db, after: int = 0) -> list[tuple[str, int | None, str]]:
    return [(c.kind, c.row_id, c.op) for c in changes_since(db, after)]


def trigger_names(db) -> set[str]:
    with db.engine.connect() as c:
        if db.engine.dialect.name == "sqlite":
            query = "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        else:
            query = "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal"
        return {row[0] for row in c.exec_driver_sql(query)}


def test_every_followed_table_has_its_three_triggers(any_db):
    names = trigger_names(any_db)
    expected = {f"change_{table}_{op}" for table in FOLLOWED for op in "iud"}
    assert expected <= names


def test_inserts_updates_and_deletes_are_logged_with_the_id_to_reread(any_db):
    session_id = a_session(any_db)
    start = latest_revision(any_db)
    with any_db.transaction() as s:
        question = a_question(s, session_id, 1)
        s.flush()
        question_id = question.id
        s.add(Segment(session_id=session_id, position=0, title="开场", kind="intro", planned_s=60))
        s.add(TimerState(session_id=session_id, state_json="{}", updated_at=AT))
    with any_db.transaction() as s:
        s.execute(
            update(Question).where(Question.id == question_id).values(status=QuestionStatus.QUEUED)
        )
        s.execute(delete(Segment).where(Segment.session_id == session_id))
    assert logged(any_db, start) == [
        ("question", question_id, "i"),
        ("segment", session_id, "i"),  # a running order's row names its session
        ("timer_state", session_id, "i"),
        ("question", question_id, "u"),
        ("segment", session_id, "d"),
    ]
    assert latest_revision(any_db) == changes_since(any_db, start)[-1].revision


def test_a_bulk_insert_logs_every_row_in_order(any_db):
    session_id = a_session(any_db)
    start = latest_revision(any_db)
    with any_db.transaction() as s:
        s.execute(
            Question.__table__.insert(),
            [
                dict(
                    session_id=session_id,
                    platform_msg_id=f"b-{n}",
                    raw_text="x",
                    display_text="x",
                    received_at=AT,
                    status="new",
                    flags=0,
                    channel="live",
                    author_id="",
                    nickname="",
                    raw_nickname="",
                )
                for n in range(50)
            ],
        )
        ids = list(s.scalars(select(Question.id).order_by(Question.id)))
    changes = changes_since(any_db, start)
    assert sorted(c.row_id for c in changes) == ids
    assert {c.op for c in changes} == {"i"}
    assert [c.revision for c in changes] == sorted(c.revision for c in changes)


def test_a_rolled_back_write_leaves_no_change(any_db):
    session_id = a_session(any_db)
    start = latest_revision(any_db)
    with pytest.raises(RuntimeError), any_db.transaction() as s:
        a_question(s, session_id, 2)
        s.flush()
        raise RuntimeError("refused")
    assert logged(any_db, start) == []


def test_changes_since_reads_in_order_up_to_the_limit(any_db):
    session_id = a_session(any_db)
    start = latest_revision(any_db)
    with any_db.transaction() as s:
        for n in range(5):
            a_question(s, session_id, n)
    first = changes_since(any_db, start, limit=3)
    assert len(first) == 3
    rest = changes_since(any_db, first[-1].revision)
    assert len(rest) == 2 and rest[0].revision > first[-1].revision


def test_prune_forgets_old_changes_but_keeps_the_newest(any_db):
    a_session(any_db)
    with any_db.transaction() as s:
        s.execute(update(ChangeLogRow).values(at=dt.datetime(2026, 1, 1)))
    newest = latest_revision(any_db)
    assert prune(any_db, dt.datetime(2026, 6, 1)) >= 1
    # All were older, yet the newest stays: the next revision is never an old one again.
    assert oldest_revision(any_db) == newest == latest_revision(any_db)
    session_id = a_session(any_db, "城管局")
    assert changes_since(any_db, newest)[-1].row_id == session_id
    assert latest_revision(any_db) > newest


def test_prune_keeps_what_is_recent(any_db):
    a_session(any_db)
    before = latest_revision(any_db)
    assert prune(any_db, dt.datetime(2000, 1, 1)) == 0
    assert latest_revision(any_db) == before


# -- the cursor ------------------------------------------------------------------------------
def change(revision: int) -> Change:
    return Change(revision, "question", revision, "u")


def test_the_cursor_hands_out_each_change_once():
    cursor = ChangeCursor(revision=10, clock=lambda: 0.0)
    assert [c.revision for c in cursor.take([change(11), change(12)])] == [11, 12]
    assert cursor.take([change(12), change(9)]) == []
    assert cursor.revision == 12 and not cursor.gaps


def test_a_hole_is_asked_for_until_it_fills_or_is_given_up():
    now = [0.0]
    cursor = ChangeCursor(revision=10, clock=lambda: now[0])
    cursor.take([change(13)])  # 11 and 12 were written by transactions not committed yet
    assert set(cursor.gaps) == {11, 12} and cursor.revision == 10 and cursor.highest == 13
    assert [c.revision for c in cursor.take([change(12)])] == [12]
    assert cursor.revision == 10  # 11 still open
    now[0] = GAP_WAIT_S + 1  # a rolled-back transaction's revision never comes
    cursor.take([])
    assert cursor.revision == 13 and not cursor.gaps and not cursor.seen


@pytest.mark.usefixtures("pg_cluster")
def test_a_change_committed_after_a_later_one_is_not_skipped(pg_db):
    """On PostgreSQL revisions are handed out at the write, not the commit: a slow
    transaction's lower revision is found when it commits."""
    session_id = a_session(pg_db)
    cursor = ChangeCursor(revision=latest_revision(pg_db))
    with pg_db.engine.connect() as slow:
        slow.begin()
        slow.execute(
            text(
                "UPDATE session SET topic = 'slow' WHERE id = :id"  # takes the lower revision
            ),
            {"id": session_id},
        )
        with pg_db.transaction() as s:
            a_question(s, session_id, 1)
        first, _more = cursor.read(pg_db)
        assert [c.kind for c in first] == ["question"]
        slow.commit()
    late, _more = cursor.read(pg_db)
    assert [(c.kind, c.row_id) for c in late] == [("session", session_id)]
    assert late[0].revision < first[0].revision
