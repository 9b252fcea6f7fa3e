"""The throwaway PostgreSQL the store's tests run on: migrated, written, read back."""

from sqlalchemy import text


def test_every_migration_runs_on_postgresql(pg_db) -> None:
    from studio.store.database import current_revision, head_revision

    assert pg_db.url.get_backend_name() == "postgresql"
    assert current_revision(pg_db.engine) == head_revision()


def test_each_test_has_a_database_of_its_own(any_db) -> None:
    with any_db.transaction() as s:
        s.execute(text("CREATE TABLE scratch (n integer)"))
        s.execute(text("INSERT INTO scratch VALUES (1)"))
    with any_db.transaction() as s:
        assert s.scalar(text("SELECT count(*) FROM scratch")) == 1
