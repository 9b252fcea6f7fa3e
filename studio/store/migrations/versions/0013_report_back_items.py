"""report-back items

The replied tickets chosen for a session's report-back segment (转办回音), in order, and which
one is on the official's screen.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 13:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0013'
down_revision: Union[str, Sequence[str], None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'report_back_item',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('referral_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('on_screen', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ['referral_id'], ['referral.id'], name=op.f('fk_report_back_item_referral_id_referral')
        ),
        sa.ForeignKeyConstraint(
            ['session_id'], ['session.id'], name=op.f('fk_report_back_item_session_id_session')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_back_item')),
        sa.UniqueConstraint(
            'session_id', 'referral_id', name=op.f('uq_report_back_item_session_id')
        ),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('report_back_item')
