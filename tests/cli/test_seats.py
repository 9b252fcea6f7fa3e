"""Seats at the command line: --seat/--role name a command's acts, a viewer's are refused,
``studio seats`` lists who is connected, ``studio db init-server`` sets up a server."""

import datetime as dt
import json

import pytest
from sqlalchemy import select, text

from studio.cli import main
from studio.domain.seats import Seat, SeatRole
from studio.seat_choice import remember_seat, studio_settings
from studio.store import presence
from studio.store.database import head_revision, open_database
from studio.store.models import AuditEvent


@pytest.fixture
def demo_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'seats.db'}"
    assert main(["demo", "seed", "--db", url, "--today", dt.date.today().isoformat()]) == 0
    return url


def audit_people(url):
    db = open_database(url)
    try:
        with db.sessions() as s:
            return [(e.seat, e.person, e.role) for e in s.scalars(select(AuditEvent))]
    finally:
        db.close()


def test_a_command_s_acts_name_its_seat(demo_url, capsys):
    before = len(audit_people(demo_url))
    assert main(["--seat", "王芳", "--role", "operator", "timer", "go", "--db", demo_url]) == 0
    assert audit_people(demo_url)[before:] == [("cli", "王芳", "operator")]


def test_the_environment_or_the_remembered_seat_names_it_otherwise(demo_url, monkeypatch):
    remember_seat(studio_settings(), Seat("李明", SeatRole.MODERATOR))
    before = len(audit_people(demo_url))
    assert main(["timer", "go", "--db", demo_url]) == 0
    monkeypatch.setenv("STUDIO_SEAT", "张伟")
    assert main(["timer", "pause", "--db", demo_url]) == 0
    assert [row[1:] for row in audit_people(demo_url)[before:]] == [
        ("李明", "moderator"),
        ("张伟", "moderator"),
    ]


def test_a_viewer_s_command_changes_nothing_and_says_why(demo_url, capsys):
    before = audit_people(demo_url)
    assert main(["--seat", "赵六", "--role", "viewer", "timer", "go", "--db", demo_url]) == 1
    err = capsys.readouterr().err
    assert err == "studio: 赵六's seat is a viewer's: it only watches, nothing is changed\n"
    assert audit_people(demo_url) == before
    # Reading is fine.
    assert main(["--role", "viewer", "timer", "status", "--db", demo_url]) == 0


def test_a_bad_role_is_a_usage_error(demo_url, monkeypatch, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--role", "boss", "seats", "--db", demo_url])
    assert exited.value.code == 2
    monkeypatch.setenv("STUDIO_ROLE", "boss")
    assert main(["seats", "--db", demo_url]) == 2
    assert "not a role: 'boss'" in capsys.readouterr().err


def test_seats_lists_who_is_connected_and_who_left(any_db, capsys):
    url = any_db.url.render_as_string(hide_password=False)
    wang = presence.register_seat(any_db, Seat("王芳", SeatRole.OPERATOR), host="office-pc", pid=7)
    li = presence.register_seat(any_db, Seat("李明", SeatRole.MODERATOR), host="studio-pc", pid=8)
    presence.close_seat(any_db, li)
    capsys.readouterr()
    assert main(["seats", "--db", url, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [
        (s["id"], s["person"], s["role"], s["host"], s["pid"]) for s in listed["connected"]
    ] == [(wang, "王芳", "operator", "office-pc", 7)]
    assert [(s["id"], s["person"]) for s in listed["left"]] == [(li, "李明")]
    assert listed["left"][0]["closed_at"] is not None
    assert main(["seats", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "connected (seen within 15 s): 1" in out and "王芳 · operator · office-pc (pid 7)" in out
    assert "left within 60 min: 1" in out and "李明 · moderator · studio-pc · last seen" in out


# -- init-server ------------------------------------------------------------------------------
@pytest.fixture
def server_names(pg_cluster):
    """A database and a role name of this test's own, dropped afterwards (roles are global)."""
    database = pg_cluster.new_database()
    pg_cluster.drop_database(database)  # only its unique name is wanted
    role = f"{database}_app"
    yield database, role
    pg_cluster.drop_database(database)
    pg_cluster.sql(f"DROP ROLE IF EXISTS {role}")


def test_init_server_creates_the_role_and_database_then_migrates_as_the_role(
    pg_cluster, server_names, capsys, monkeypatch
):
    database, role = server_names
    monkeypatch.setenv("STUDIO_DB_PASSWORD", "s3cret'x")
    admin = pg_cluster.url("postgres")
    args = ["db", "init-server", "--url", admin, "--database", database, "--owner", role]
    assert main([*args, "--password-env", "STUDIO_DB_PASSWORD"]) == 0
    out = capsys.readouterr().out
    assert f"role {role}: created" in out
    assert f"database {database}: created, owned by {role}" in out
    assert f"schema: {head_revision()}" in out
    assert f"--db postgresql+psycopg://{role}@/{database}?host=" in out
    db = open_database(pg_cluster.url("postgres"), migrate=False)
    try:
        with db.engine.connect() as c:
            owners = c.execute(
                text("SELECT datdba::regrole::text FROM pg_database WHERE datname = :d"),
                {"d": database},
            ).scalar()
            has_password = c.execute(
                text("SELECT rolpassword IS NOT NULL FROM pg_authid WHERE rolname = :r"),
                {"r": role},
            ).scalar()
    finally:
        db.close()
    assert owners == role and has_password
    # Every table belongs to the app's role, so the seats (logged in as it) may change them.
    app = open_database(pg_cluster.url(database).replace("postgres@", f"{role}@"))
    try:
        with app.engine.connect() as c:
            table_owners = set(
                c.execute(
                    text("SELECT tableowner FROM pg_tables WHERE schemaname = 'public'")
                ).scalars()
            )
        presence.register_seat(app, Seat("王芳", SeatRole.OPERATOR), host="pc", pid=1)
    finally:
        app.close()
    assert table_owners == {role}
    # Run again: what exists is said and kept; nothing fails.
    assert main(args) == 0
    again = capsys.readouterr().out
    assert f"role {role}: exists, kept as it is" in again
    assert f"database {database}: exists, kept as it is" in again


def test_init_server_prints_the_sql_for_a_dba(capsys, monkeypatch):
    monkeypatch.setenv("PW", "it's")
    assert (
        main(["db", "init-server", "--database", "studio", "--owner", "studio_app",
              "--password-env", "PW", "--print-sql"])
        == 0
    )  # fmt: skip
    assert capsys.readouterr().out.splitlines()[:3] == [
        """CREATE ROLE "studio_app" LOGIN PASSWORD 'it''s';""",
        """CREATE DATABASE "studio" OWNER "studio_app" ENCODING 'UTF8' TEMPLATE template0;""",
        'REVOKE ALL ON DATABASE "studio" FROM PUBLIC;',
    ]


@pytest.mark.parametrize(
    "args, said",
    [
        (["--owner", "studio app", "--print-sql"], "role name 'studio app' must be"),
        (["--password-env", "NO_SUCH_VARIABLE", "--print-sql"], "NO_SUCH_VARIABLE holds no"),
        ([], "--url is needed"),
    ],
)
def test_init_server_refuses_bad_names_a_missing_password_or_url(args, said, capsys):
    assert main(["db", "init-server", *args]) == 1
    assert said in capsys.readouterr().err


def test_init_server_needs_postgresql(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    assert main(["db", "init-server", "--url", url]) == 2
    assert "needs a PostgreSQL URL" in capsys.readouterr().err
