"""low-engagement threshold in the profile

The period report's low-engagement mark (distinct questions per 1,000 viewers) is the county's
stored setting, edited on the settings page and read by ``studio report units``; 1.0 until set.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-03 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0019"
down_revision: Union[str, Sequence[str], None] = "0018"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.add_column(
        'studio_profile',
        sa.Column(
            'low_engagement_per_1000', sa.Float(), server_default='1.0', nullable=False
        ),
    )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('studio_profile') as batch:
        batch.drop_column('low_engagement_per_1000')
