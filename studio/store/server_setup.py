"""Setting up a county's PostgreSQL server: the app's role and database, then the schema.

``studio db init-server`` runs this as an administrator (e.g. ``postgres``): it creates the
login role that owns the studio's database and the database itself — each only when missing —
and migrates it as that role, so every table belongs to the app's role, not the administrator.
:func:`setup_sql` is the same as SQL for a DBA to run by hand. Blocking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import create_engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from studio.store.database import (
    DatabaseProblem,
    current_revision,
    describe_error,
    migrate_engine,
    parse_url,
)

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")


@dataclass(frozen=True)
class ServerSetup:
    """What :func:`init_server` found and did.

    Attributes:
        role_created: the owner role was made now (False: it existed and was kept as it is).
        database_created: the database was made now (False: it existed and was kept).
        url: the URL each computer opens (``--db``), without a password.
        schema: the schema's revision after migrating.
    """

    role_created: bool
    database_created: bool
    url: str
    schema: str


def checked_name(name: str, what: str) -> str:
    """A role's or database's name: letters, digits and ``_``, not starting with a digit.

    Raises:
        ValueError: any other name (the message says which).
    """
    if not _NAME.fullmatch(name):
        raise ValueError(
            f"the {what} name {name!r} must be letters, digits and _ (at most 63, "
            "not starting with a digit)"
        )
    return name


def setup_sql(database: str, owner: str, password: str | None) -> list[str]:
    """The statements that create the owner role and the database (run as an administrator)."""
    from psycopg import sql

    role = sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(owner))
    if password:
        role = sql.SQL("{} PASSWORD {}").format(role, sql.Literal(password))
    statements = [
        role,
        sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0").format(
            sql.Identifier(database), sql.Identifier(owner)
        ),
        # Only the app's role (and administrators) may connect to the studio's data.
        sql.SQL("REVOKE ALL ON DATABASE {} FROM PUBLIC").format(sql.Identifier(database)),
    ]
    return [statement.as_string(None) for statement in statements]


def app_url(admin_url: URL, database: str, owner: str) -> URL:
    """The URL the seats use: the administrator's server, the owner role, the new database."""
    return admin_url.set(username=owner, password=None, database=database)


def init_server(
    admin_url_text: str, database: str, owner: str, password: str | None = None
) -> ServerSetup:
    """Create the owner role and the database when missing, then migrate it as the owner.

    Raises:
        ValueError: a name that is not a plain identifier.
        DatabaseProblem: not a PostgreSQL URL, or the server refused (one line).
    """
    checked_name(database, "database")
    checked_name(owner, "role")
    admin_url = parse_url(admin_url_text)
    if admin_url.get_backend_name() != "postgresql":
        raise DatabaseProblem("init-server needs a PostgreSQL URL (postgresql+psycopg://…)")
    create_role, create_database, revoke = setup_sql(database, owner, password)
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", hide_parameters=True)
    try:
        with admin.connect() as c:
            role_created = not c.scalar(
                text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": owner}
            )
            if role_created:
                c.exec_driver_sql(create_role)
            database_created = not c.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": database}
            )
            if database_created:
                c.exec_driver_sql(create_database)
                c.exec_driver_sql(revoke)
        schema = _migrate_as(admin_url.set(database=database), owner)
    except sa_exc.DBAPIError as error:
        raise DatabaseProblem(describe_error(error, admin_url)) from None
    finally:
        admin.dispose()
    url = app_url(admin_url, database, owner).render_as_string(hide_password=True)
    return ServerSetup(role_created, database_created, url, schema)


def _migrate_as(url: URL, owner: str) -> str:
    """Migrate the database at ``url`` with the administrator's login acting as ``owner``
    (``SET ROLE``), so the tables belong to the owner; returns the schema's revision."""
    engine = create_engine(url, hide_parameters=True)
    statement = f'SET ROLE "{owner}"'  # a checked plain identifier

    @event.listens_for(engine, "connect")
    def act_as_owner(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        with dbapi_connection.cursor() as cursor:
            cursor.execute(statement)
        dbapi_connection.commit()  # a session's role outlives the transaction once committed

    try:
        migrate_engine(engine)
        return str(current_revision(engine))
    finally:
        engine.dispose()
