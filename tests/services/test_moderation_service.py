"""The moderation service: each running desk is a seat, with its own undo."""

import pytest
from sqlalchemy import select

from studio.domain.model import QuestionStatus
from studio.services.moderation import ModerationService
from studio.services.tasks import BackgroundTasks
from studio.store.database import open_database
from studio.store.demo import seed_demo
from studio.store.models import Question
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.waiting import until

S = QuestionStatus


def statuses(db, ids):
    with db.sessions() as s:
        return [S(s.get(Question, i).status) for i in ids]


def new_questions(db, session_id, count):
    with db.sessions() as s:
        query = (
            select(Question.id)
            .where(Question.session_id == session_id, Question.status == S.NEW)
            .order_by(Question.id)
            .limit(count)
        )
        return list(s.scalars(query))


@pytest.fixture
def two_desks(qapp, demo_db, event_loop_qt):
    """Two running desks (two ModerationService seats) on one database, on today's session."""
    tasks = BackgroundTasks()
    repository = StudioRepository(demo_db)
    session = repository.session_on(DEMO_DAY)
    desks = [ModerationService(demo_db, repository, tasks) for _ in range(2)]
    for desk in desks:
        desk.follow_session(session)
    yield desks, session.id
    event_loop_qt.run_until_complete(tasks.shutdown())


def test_each_desk_is_its_own_seat(two_desks):
    (a, b), _ = two_desks
    assert a.seat != b.seat
    assert a.seat.startswith("moderator@") and a.clicker_seat.startswith("official@")


def test_ctrl_z_on_one_desk_never_undoes_another_desk_s_move(two_desks, demo_db, event_loop_qt):
    (a, b), session_id = two_desks
    loop = event_loop_qt
    first, second = new_questions(demo_db, session_id, 2)
    b.act("flag", [first])
    loop.run_until_complete(until(lambda: statuses(demo_db, [first]) == [S.FLAGGED]))
    a.act("hide", [second])  # seat A's move comes later
    loop.run_until_complete(until(lambda: statuses(demo_db, [second]) == [S.HIDDEN]))
    refused: list[str] = []
    b.refused.connect(refused.append)
    b.undo()  # seat B's Ctrl+Z: its own flag, not A's hide
    loop.run_until_complete(until(lambda: statuses(demo_db, [first]) == [S.NEW]))
    assert statuses(demo_db, [second]) == [S.HIDDEN]
    b.undo()  # nothing of B's left: A's hide stays
    loop.run_until_complete(until(lambda: refused))
    assert statuses(demo_db, [second]) == [S.HIDDEN]
    a.undo()
    loop.run_until_complete(until(lambda: statuses(demo_db, [second]) == [S.NEW]))



def test_only_referrals_make_the_referrals_board_re_read(two_desks, demo_db, event_loop_qt):
    """A flag or a hide leaves the board alone (its re-read costs the GUI thread); a referral
    and its undo re-read it."""
    (desk, _), session_id = two_desks
    loop = event_loop_qt
    first, second = new_questions(demo_db, session_id, 2)
    changed: list[list] = []
    rereads: list[bool] = []
    desk.questionsChanged.connect(changed.append)
    desk.referralsChanged.connect(lambda: rereads.append(True))
    desk.act("flag", [first])
    loop.run_until_complete(until(lambda: len(changed) == 1))
    assert rereads == []
    unit_id = StudioRepository(demo_db).units()[0].id
    desk.refer([second], unit_id, "enquiry", "")
    loop.run_until_complete(until(lambda: len(changed) == 2))
    assert rereads == [True]
    desk.undo()
    loop.run_until_complete(until(lambda: len(changed) == 3))
    assert statuses(demo_db, [second]) == [S.NEW]
    assert rereads == [True, True]


# -- a seat whose PostgreSQL goes away says so and saves nothing it cannot commit; when the
# server is back, its next move is stored (the throwaway cluster stopped and started again) --


@pytest.fixture
def pg_demo(pg_url):
    db = open_database(pg_url)
    assert seed_demo(db, DEMO_DAY)
    yield db
    db.close()


def test_a_move_while_the_server_is_down_is_refused_in_words_and_the_next_one_lands(
    qapp, pg_cluster, pg_demo, event_loop_qt
):
    loop = event_loop_qt
    tasks = BackgroundTasks()
    repository = StudioRepository(pg_demo)
    desk = ModerationService(pg_demo, repository, tasks)
    desk.follow_session(repository.session_on(DEMO_DAY))
    refused: list[str] = []
    desk.refused.connect(refused.append)
    first, second = new_questions(pg_demo, desk.session_id, 2)
    loop.run_until_complete(until(lambda: tasks.running == 0))  # the session's first reads
    try:
        pg_cluster.down()
        try:
            desk.act("flag", [first])
            loop.run_until_complete(until(lambda: refused, timeout=20))
        finally:
            pg_cluster.up()
        assert len(refused) == 1
        assert "database server cannot be reached" in refused[0] and "nothing was saved" in refused[0]
        assert "/" not in refused[0] and "SQL" not in refused[0]  # no socket path, no statement
        assert statuses(pg_demo, [first]) == [S.NEW]  # never pretended
        desk.act("flag", [second])
        loop.run_until_complete(until(lambda: statuses(pg_demo, [second]) == [S.FLAGGED], timeout=20))
        assert len(refused) == 1
    finally:
        loop.run_until_complete(tasks.shutdown())
