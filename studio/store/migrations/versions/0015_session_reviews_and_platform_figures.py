"""session reviews and platform figures

The county head's review of a session (a rating of 1 to 5 and a remark), and the platform's own
after-show figures of a room in a session typed in by hand (观看人次, 点赞, 新增粉丝, 平均观看时长),
used by the reports where present.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 14:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = "0015"
down_revision: Union[str, Sequence[str], None] = "0014"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'session_review',
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('rating', sa.Integer(), nullable=True),
        sa.Column('remark', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ['session_id'],
            ['session.id'],
            name=op.f('fk_session_review_session_id_session'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('session_id', name=op.f('pk_session_review')),
    )
    op.create_table(
        'platform_figures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('session_id', sa.Integer(), nullable=False),
        sa.Column('room_id', sa.Integer(), nullable=False),
        sa.Column('viewers', sa.Integer(), nullable=True),
        sa.Column('likes', sa.Integer(), nullable=True),
        sa.Column('new_followers', sa.Integer(), nullable=True),
        sa.Column('mean_watch_s', sa.Integer(), nullable=True),
        sa.Column('entered_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ['room_id'], ['room.id'], name=op.f('fk_platform_figures_room_id_room')
        ),
        sa.ForeignKeyConstraint(
            ['session_id'],
            ['session.id'],
            name=op.f('fk_platform_figures_session_id_session'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_platform_figures')),
        sa.UniqueConstraint(
            'session_id', 'room_id', name=op.f('uq_platform_figures_session_id')
        ),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('platform_figures')
    op.drop_table('session_review')
