"""seats with names: the audit's person and role, and who is connected

Every audit event names the person at the seat and their role (empty in events written before);
``seat_presence`` holds one row per start of an app: who, on which computer, and its last
heartbeat by the database server's clock.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0017"
down_revision: Union[str, Sequence[str], None] = "0016"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Plain ADD COLUMN (no table copy on SQLite): the audit can be long.
    op.add_column(
        'audit_event',
        sa.Column('person', sa.String(length=60), server_default='', nullable=False),
    )
    op.add_column(
        'audit_event',
        sa.Column('role', sa.String(length=20), server_default='', nullable=False),
    )
    op.create_table(
        'seat_presence',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=60), nullable=False),
        sa.Column('role', sa.String(length=20), nullable=False),
        sa.Column('host', sa.String(length=120), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('started_at', sa.DateTime(), nullable=False),
        sa.Column('last_seen', sa.DateTime(), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_seat_presence')),
    )
    op.create_index('ix_seat_presence_last_seen', 'seat_presence', ['last_seen'])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_seat_presence_last_seen', table_name='seat_presence')
    op.drop_table('seat_presence')
    with op.batch_alter_table('audit_event') as batch_op:
        batch_op.drop_column('role')
        batch_op.drop_column('person')
