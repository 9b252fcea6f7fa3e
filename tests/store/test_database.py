"""Opening databases: migrations, settings, and every way a database can be unusable."""

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from studio.store.database import (
    DatabaseProblem,
    current_revision,
    head_revision,
    open_database,
    parse_url,
)
from studio.store.models import Base


def test_a_fresh_file_is_migrated_to_head_with_wal_and_foreign_keys(tmp_path: Path):
    db = open_database(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        db.close()


def test_the_migrations_build_exactly_the_models(fresh_db):
    with fresh_db.engine.connect() as c:
        differences = compare_metadata(MigrationContext.configure(c), Base.metadata)
    assert differences == []


def test_opening_twice_changes_nothing(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'twice.db'}"
    open_database(url).close()
    db = open_database(url)
    assert current_revision(db.engine) == head_revision()
    db.close()


def test_the_default_database_lives_in_the_data_dir(private_data_dir: Path):
    db = open_database()
    try:
        assert (private_data_dir / "studio.db").exists()
        assert "studio.db" in db.display_name
    finally:
        db.close()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("not a url", "not a database URL"),
        ("nosuchdb://x/y", "unknown database kind"),
        ("mysql://u@127.0.0.1/db", "not installed"),
    ],
)
def test_a_bad_url_is_explained(url: str, words: str):
    with pytest.raises(DatabaseProblem, match=words):
        open_database(url)


def test_an_unreachable_server_is_explained_in_one_line():
    with pytest.raises(DatabaseProblem) as caught:
        open_database("postgresql+psycopg://studio@127.0.0.1:1/studio")
    message = str(caught.value)
    assert "\n" not in message
    assert "127.0.0.1" in message


def test_a_missing_folder_is_explained(tmp_path: Path):
    with pytest.raises(DatabaseProblem, match="cannot open the database file"):
        open_database(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}")


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path):
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(DatabaseProblem, match="not a Studio Desk database"):
        open_database(f"sqlite:///{path}")
    assert path.read_text().startswith("these are my notes")


def test_a_database_from_a_newer_version_is_refused_and_left_alone(tmp_path: Path):
    path = tmp_path / "newer.db"
    open_database(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(DatabaseProblem, match="newer version"):
        open_database(f"sqlite:///{path}")
    with sqlite3.connect(path) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "9999_from_the_future",
        )


def test_a_locked_database_is_explained(tmp_path: Path):
    path = tmp_path / "locked.db"
    open_database(f"sqlite:///{path}").close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem, match="locked"):
            open_database(f"sqlite:///{path}", busy_timeout_s=0.2)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_a_read_only_database_is_explained(tmp_path: Path):
    path = tmp_path / "ro.db"
    open_database(f"sqlite:///{path}").close()
    with pytest.raises(DatabaseProblem, match="read-only"):
        open_database(f"sqlite:///file:{path}?mode=ro&uri=true")


def test_the_display_name_hides_a_password():
    assert "secret" not in parse_url("postgresql+psycopg://u:secret@h/db").render_as_string(
        hide_password=True
    )


def test_a_transaction_rolls_back_on_error(fresh_db):
    from studio.store.models import Unit

    with pytest.raises(RuntimeError), fresh_db.transaction() as s:
        s.add(Unit(name="测试局", short_name="测试"))
        s.flush()
        raise RuntimeError("boom")
    with fresh_db.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM unit")).scalar() == 0


def test_an_older_database_is_migrated_forward_keeping_its_data(tmp_path: Path):
    from alembic import command
    from sqlalchemy import create_engine

    from studio.store.database import alembic_config

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0001")
    with engine.begin() as c:
        c.execute(text("INSERT INTO unit (name, short_name, kind, routing_keywords, retired) "
                       "VALUES ('民政局', '民政局', 'department', '低保', 0)"))
    engine.dispose()
    db = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(db.engine) == head_revision()
        with db.engine.connect() as c:
            assert c.execute(text("SELECT name FROM unit")).scalar() == "民政局"
            assert c.execute(text("SELECT count(*) FROM timer_state")).scalar() == 0
    finally:
        db.close()


def test_the_migration_masks_stored_nicknames_and_keeps_the_originals(tmp_path: Path):
    from alembic import command
    from sqlalchemy import create_engine

    from studio.store.database import alembic_config

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0006")
    with engine.begin() as c:
        for n, name in enumerate(["王阿姨13812345678", "青山人"], 1):
            c.execute(
                text(
                    "INSERT INTO question (id, session_id, platform_msg_id, author_id, nickname, "
                    "raw_text, display_text, received_at, status, flags, channel) VALUES "
                    "(:n, 1, :m, 'u', :name, '暖气？', '暖气？', '2026-11-26 15:05:00.000000', "
                    "'new', 0, 'live')"
                ),
                {"n": n, "m": f"m{n}", "name": name},
            )
    engine.dispose()
    db = open_database(f"sqlite:///{path}")
    try:
        with db.engine.connect() as c:
            rows = c.execute(text("SELECT nickname, raw_nickname FROM question ORDER BY id")).all()
        assert [tuple(r) for r in rows] == [
            ("王阿姨138****5678", "王阿姨13812345678"),
            ("青山人", "青山人"),
        ]
    finally:
        db.close()


def test_the_migration_turns_local_instants_into_utc(tmp_path: Path, monkeypatch):
    """Old rows hold the writing machine's local time; it is the best guess for the zone."""
    import os
    import time

    from alembic import command
    from sqlalchemy import create_engine

    from studio.store.database import alembic_config

    machine_zone = os.environ.get("TZ")
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        path = tmp_path / "old.db"
        engine = create_engine(f"sqlite:///{path}")
        command.upgrade(alembic_config(engine), "0007")
        with engine.begin() as c:
            c.execute(
                text(
                    "INSERT INTO audit_event (id, at, seat, action, subject, before, after) "
                    "VALUES (1, '2026-11-26 15:05:00.000000', 'm', 'flag', 'question:1', '', '')"
                )
            )
        engine.dispose()
        db = open_database(f"sqlite:///{path}")
        try:
            with db.engine.connect() as c:
                stored = c.execute(text("SELECT at FROM audit_event")).scalar()
            assert stored == "2026-11-26 07:05:00.000000"
        finally:
            db.close()
    finally:
        if machine_zone is None:
            monkeypatch.delenv("TZ")
        else:
            monkeypatch.setenv("TZ", machine_zone)
        time.tzset()


def test_the_migration_numbers_old_tickets_and_lists_their_question_as_asker(tmp_path: Path):
    from alembic import command
    from sqlalchemy import create_engine

    from studio.store.database import alembic_config

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), "0009")
    with engine.begin() as c:
        c.execute(text("INSERT INTO unit (id, name, short_name, kind, routing_keywords, retired) "
                       "VALUES (1, '民政局', '民政局', 'department', '', 0)"))
        c.execute(text("INSERT INTO session (id, date, start, \"end\", unit_id, topic, status) "
                       "VALUES (1, '2026-11-26', '15:00:00', '16:00:00', 1, '', 'ended')"))
        c.execute(
            text(
                "INSERT INTO question (id, session_id, platform_msg_id, author_id, nickname, "
                "raw_text, display_text, received_at, status, flags, channel, raw_nickname) "
                "VALUES (5, 1, 'm', 'u', 'n', '低保？', '低保？', '2026-11-26 07:05:00.000000', "
                "'referred', 0, 'live', 'n')"
            )
        )
        c.execute(
            text(
                "INSERT INTO referral (id, question_id, session_id, unit_id, category, summary, "
                "note, status, created_at, deadline, reply) VALUES (12, 5, 1, 1, 'help', "
                "'低保？', '', 'in_progress', '2026-11-26 07:10:00.000000', '2026-12-03', '')"
            )
        )
    engine.dispose()
    db = open_database(f"sqlite:///{path}")
    try:
        with db.engine.connect() as c:
            number, version, urges = c.execute(
                text("SELECT number, version, urge_count FROM referral")
            ).one()
            asker = c.execute(text("SELECT referral_id, question_id FROM referral_asker")).one()
        assert (number, version, urges) == ("ZB-0012", 1, 0)
        assert tuple(asker) == (12, 5)
    finally:
        db.close()


@pytest.mark.parametrize("at", ["0010", "0011"])
def test_a_database_on_either_line_from_0009_joins_the_head(tmp_path: Path, at: str):
    """0010 (referrals) and 0011 (profile) were written side by side: either gets the other."""
    from alembic import command
    from sqlalchemy import create_engine, inspect

    from studio.store.database import alembic_config

    path = tmp_path / "line.db"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(alembic_config(engine), at)
    engine.dispose()
    db = open_database(f"sqlite:///{path}")
    try:
        assert current_revision(db.engine) == head_revision()
        tables = set(inspect(db.engine).get_table_names())
        assert {"referral_asker", "referral_event", "studio_profile"} <= tables
    finally:
        db.close()
