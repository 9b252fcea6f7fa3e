"""The database triggers that log every change other seats must see, in the writer's transaction.

Triggers, not ORM events: every writer is covered (the ORM, Core's bulk inserts of the feed,
``psql``, another version of the app) and the log row commits or rolls back with the change.
Each followed table gets an AFTER INSERT, UPDATE and DELETE trigger writing ``change_log``
(kind = the table's name, row_id = the id a follower re-reads: the row's own id, or the
session of a running-order segment, the ticket of a referral event …).

On PostgreSQL the triggers are per statement (a batch of 100 comments writes its 100 log rows
in one ``INSERT … SELECT`` from the transition table) and end with one ``pg_notify`` of
``kind:row_id:revision`` on :data:`CHANNEL` — a hint of a few dozen bytes, far below NOTIFY's
8,000-byte limit; listeners always read ``change_log`` since their last revision, so a notify
lost while disconnected costs nothing. SQLite has no statement triggers nor NOTIFY: its
triggers are per row and only write the log (other processes see the commit through
``PRAGMA data_version``).

A migration that rebuilds a followed table on SQLite (Alembic's batch mode copies it) drops
its triggers: call :func:`create_change_triggers` again after it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

CHANNEL = "studio_changes"

#: The tables migration 0016 follows → the column whose value is the log's ``row_id`` (frozen:
#: that migration's triggers; a later migration that follows more tables adds its own mapping).
FOLLOWED_0016: Mapping[str, str] = {
    # The live desk and the official's screen.
    "question": "id",
    "timer_state": "session_id",
    "report_back_item": "session_id",
    "blocked_author": "id",
    "stats_sample": "room_id",
    # Referrals and their history.
    "referral": "id",
    "referral_event": "referral_id",
    "referral_asker": "question_id",
    # Sessions, running orders and what prep edits.
    "session": "id",
    "segment": "session_id",
    "briefing_note": "session_id",
    "feed_source": "session_id",
    "session_review": "session_id",
    "platform_figures": "session_id",
    "rundown_template": "id",
    # The studio's configuration.
    "unit": "id",
    "official": "unit_id",
    "rota_setting": "unit_id",
    "room": "id",
    "phone": "id",
    "studio_profile": "id",
}
#: Every followed table (each migration's mapping merged).
FOLLOWED: Mapping[str, str] = {**FOLLOWED_0016}

_OPS = {"INSERT": "i", "UPDATE": "u", "DELETE": "d"}


def _sqlite_statements(table: str, column: str) -> list[str]:
    statements = []
    for event, op in _OPS.items():
        row = "OLD" if event == "DELETE" else "NEW"
        statements.append(
            f"CREATE TRIGGER IF NOT EXISTS change_{table}_{op} AFTER {event} ON \"{table}\" "
            "FOR EACH ROW BEGIN "
            "INSERT INTO change_log (at, kind, row_id, op) "
            f"VALUES (datetime('now'), '{table}', {row}.{column}, '{op}'); END"
        )
    return statements


def _postgresql_statements(table: str, column: str) -> list[str]:
    function = f"studio_change_{table}"
    statements = [
        f"""
        CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            last_revision bigint;
            last_row bigint;
        BEGIN
            WITH logged AS (
                INSERT INTO change_log (at, kind, row_id, op)
                SELECT now() AT TIME ZONE 'UTC', '{table}', changed.{column},
                       lower(left(TG_OP, 1))
                FROM changed
                RETURNING revision, row_id
            )
            SELECT max(revision), max(row_id) INTO last_revision, last_row FROM logged;
            IF last_revision IS NOT NULL THEN
                PERFORM pg_notify(
                    '{CHANNEL}', '{table}:' || coalesce(last_row::text, '') || ':' || last_revision
                );
            END IF;
            RETURN NULL;
        END
        $$
        """
    ]
    for event, op in _OPS.items():
        transition = "OLD" if event == "DELETE" else "NEW"
        statements.append(f'DROP TRIGGER IF EXISTS change_{table}_{op} ON "{table}"')
        statements.append(
            f'CREATE TRIGGER change_{table}_{op} AFTER {event} ON "{table}" '
            f"REFERENCING {transition} TABLE AS changed "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
    return statements


def change_trigger_statements(dialect: str, table: str, column: str) -> list[str]:
    """The SQL that makes ``table``'s changes logged (and notified on PostgreSQL)."""
    if dialect == "postgresql":
        return _postgresql_statements(table, column)
    if dialect == "sqlite":
        return _sqlite_statements(table, column)
    raise ValueError(f"no change triggers for {dialect}")


def drop_trigger_statements(dialect: str, table: str) -> list[str]:
    """The SQL that stops logging ``table``'s changes."""
    drops = [f'DROP TRIGGER IF EXISTS change_{table}_{op}' for op in _OPS.values()]
    if dialect == "postgresql":
        drops = [f'{drop} ON "{table}"' for drop in drops]
        drops.append(f"DROP FUNCTION IF EXISTS studio_change_{table}()")
    return drops


def create_change_triggers(
    execute: Callable[[str], object], dialect: str, tables: Mapping[str, str]
) -> None:
    """Create the triggers of ``tables`` (table → row id column) with ``execute`` (a
    migration's ``op.execute`` or a connection's ``exec_driver_sql``)."""
    for table, column in tables.items():
        for statement in change_trigger_statements(dialect, table, column):
            execute(statement)
