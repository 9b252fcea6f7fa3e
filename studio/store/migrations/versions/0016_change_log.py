"""change log

Every change other seats must see is logged by database triggers in the writer's transaction
(on PostgreSQL also notified on the ``studio_changes`` channel), so a seat follows the others
by re-reading only what changed since the last revision it saw.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

from studio.store.change_triggers import (
    FOLLOWED_0016 as FOLLOWED,
    create_change_triggers,
    drop_trigger_statements,
)


# revision identifiers, used by Alembic.
revision: str = "0016"
down_revision: Union[str, Sequence[str], None] = "0015"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column(
            "revision",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.BigInteger(), nullable=True),
        sa.Column("op", sa.String(length=1), nullable=False),
        sa.PrimaryKeyConstraint("revision", name=op.f("pk_change_log")),
    )
    create_change_triggers(op.execute, op.get_bind().dialect.name, FOLLOWED)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in FOLLOWED:
        for statement in drop_trigger_statements(dialect, table):
            op.execute(statement)
    op.drop_table("change_log")
