"""the ticket history names the person too

A ticket's history rows (``referral_event``) carry the person at the seat that moved it, as the
audit's events do since 0017 (empty in rows written before).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 16:05:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0020"
down_revision: Union[str, Sequence[str], None] = "0019"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    # Plain ADD COLUMN: no table copy on SQLite, so the change log's triggers stay.
    op.add_column(
        'referral_event',
        sa.Column('person', sa.String(length=60), server_default='', nullable=False),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_column('referral_event', 'person')
