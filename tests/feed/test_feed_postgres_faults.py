"""Nothing accepted is lost on PostgreSQL either: the server going away holds batches back.

The other side is real: the throwaway cluster stopped (``pg_ctl stop -m fast`` cuts every
connection) while comments arrive, then started again.
"""

from studio.store.database import open_database
from studio.store.demo import seed_demo
from tests.conftest import DEMO_DAY
from tests.feed.test_feed_durability import make_ingest, questions, stored_ids
from tests.helpers.fake_capture import run_bounded


def test_comments_wait_while_the_server_is_down_and_are_stored_when_it_is_back(pg_cluster, pg_url):
    db = open_database(pg_url)
    try:
        assert seed_demo(db, DEMO_DAY)
        problems: list[str] = []
        ingest, session_id = make_ingest(db, on_store_problem=problems.append)

        async def body():
            ingest.submit(questions(5))
            await ingest.flush()
            pg_cluster.down()
            try:
                ingest.submit(questions(7, start=5))
                await ingest.flush()
                # Refused while the server is away: the seven wait, the desk is told.
                assert ingest.backlog == 7
                assert ingest.store_problem
            finally:
                pg_cluster.up()
            await ingest.drain(timeout=20)

        run_bounded(body(), timeout=60)
        assert stored_ids(db, session_id) == [f"q{i}" for i in range(12)]
        assert ingest.backlog == 0 and ingest.counts()["gov"]["stored"] == 12
        assert problems == ["the database server cannot be reached"]
    finally:
        db.close()
