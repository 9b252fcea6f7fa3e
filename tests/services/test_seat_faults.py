"""A seat whose PostgreSQL goes away says so and saves nothing it cannot commit; when the
server is back, its next move is stored (the other side is real: the throwaway cluster is
stopped and started again)."""

import pytest

from studio.domain.model import QuestionStatus
from studio.services.moderation import ModerationService
from studio.services.tasks import BackgroundTasks
from studio.store.database import open_database
from studio.store.demo import seed_demo
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.waiting import until
from tests.services.test_moderation_service import new_questions, statuses

S = QuestionStatus


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
