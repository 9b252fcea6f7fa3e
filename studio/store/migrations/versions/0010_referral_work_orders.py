"""referral work orders

Referral tickets become 12345-style work orders: a number people quote (``ZB-0012``), the times
of each step (dispatched, signed for, called back, closed), who replied, the viewer's
satisfaction, urging, a return's reason and unit, a waiting extension request, the viewer's
contact, and a version that makes every move conditional. New tables: the askers of a ticket
(one ticket per question cluster) and the history of its moves. (The working days per category
are the studio profile's, 0011.)

Existing tickets get their number from their id and their question as their one asker.
Instants stay naive UTC (0008).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.add_column(sa.Column('number', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
        batch_op.add_column(sa.Column('dispatched_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('signed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column('reply_by', sa.String(length=80), server_default='', nullable=False)
        )
        batch_op.add_column(sa.Column('called_back_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('satisfaction', sa.String(length=24), nullable=True))
        batch_op.add_column(sa.Column('closed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column('urge_count', sa.Integer(), server_default='0', nullable=False)
        )
        batch_op.add_column(
            sa.Column('returned_reason', sa.Text(), server_default='', nullable=False)
        )
        batch_op.add_column(sa.Column('returned_by_unit_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('extension_until', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('contact', sa.Text(), server_default='', nullable=False))
        batch_op.create_unique_constraint(batch_op.f('uq_referral_number'), ['number'])
        batch_op.create_foreign_key(
            batch_op.f('fk_referral_returned_by_unit_id_unit'),
            'unit',
            ['returned_by_unit_id'],
            ['id'],
        )

    op.create_table(
        'referral_asker',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('referral_id', sa.Integer(), nullable=False),
        sa.Column('question_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ['question_id'], ['question.id'], name=op.f('fk_referral_asker_question_id_question')
        ),
        sa.ForeignKeyConstraint(
            ['referral_id'], ['referral.id'], name=op.f('fk_referral_asker_referral_id_referral')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_asker')),
        sa.UniqueConstraint(
            'referral_id', 'question_id', name=op.f('uq_referral_asker_referral_id')
        ),
    )
    op.create_index('ix_referral_asker_question', 'referral_asker', ['question_id'])
    op.create_table(
        'referral_event',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('referral_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('seat', sa.String(length=40), nullable=False),
        sa.Column('action', sa.String(length=24), nullable=False),
        sa.Column('status_before', sa.String(length=16), nullable=False),
        sa.Column('status_after', sa.String(length=16), nullable=False),
        sa.Column('unit_id', sa.Integer(), nullable=True),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ['referral_id'], ['referral.id'], name=op.f('fk_referral_event_referral_id_referral')
        ),
        sa.ForeignKeyConstraint(
            ['unit_id'], ['unit.id'], name=op.f('fk_referral_event_unit_id_unit')
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_event')),
    )
    op.create_index('ix_referral_event_referral', 'referral_event', ['referral_id', 'id'])

    # Existing tickets: a number from the id, their question as their one asker.
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, question_id FROM referral")).all()
    if rows:
        connection.execute(
            sa.text("UPDATE referral SET number = :number WHERE id = :id"),
            [{"id": row_id, "number": f"ZB-{row_id:04d}"} for row_id, _question in rows],
        )
        askers = [
            {"referral_id": row_id, "question_id": question_id}
            for row_id, question_id in rows
            if question_id is not None
        ]
        if askers:
            connection.execute(
                sa.text(
                    "INSERT INTO referral_asker (referral_id, question_id) "
                    "VALUES (:referral_id, :question_id)"
                ),
                askers,
            )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_referral_event_referral', table_name='referral_event')
    op.drop_table('referral_event')
    op.drop_index('ix_referral_asker_question', table_name='referral_asker')
    op.drop_table('referral_asker')
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f('fk_referral_returned_by_unit_id_unit'), type_='foreignkey'
        )
        batch_op.drop_constraint(batch_op.f('uq_referral_number'), type_='unique')
        for column in (
            'contact',
            'extension_until',
            'returned_by_unit_id',
            'returned_reason',
            'urge_count',
            'closed_at',
            'satisfaction',
            'called_back_at',
            'reply_by',
            'signed_at',
            'dispatched_at',
            'version',
            'number',
        ):
            batch_op.drop_column(column)
