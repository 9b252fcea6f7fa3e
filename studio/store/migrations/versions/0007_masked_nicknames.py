"""masked nicknames

Nicknames are masked like comment texts (``王阿姨138****5678``): ``question.nickname`` becomes
the masked name every screen and export reads, the name as it came moves to the new column
``question.raw_nickname`` (for the store only, like ``raw_text``), and the names kept with
blocks are masked too.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa

from studio.domain.text.pii import mask_nickname


# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: Union[str, Sequence[str], None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _mask_column(table: str, column: str) -> None:
    """Mask the names in ``table.column`` that hold personal data (the others stay as they are)."""
    connection = op.get_bind()
    rows = connection.execute(sa.text(f"SELECT id, {column} FROM {table} WHERE {column} <> ''"))
    changed = [
        {"id": row_id, "name": masked}
        for row_id, name in rows
        if (masked := mask_nickname(name)) != name
    ]
    if changed:
        connection.execute(
            sa.text(f"UPDATE {table} SET {column} = :name WHERE id = :id"), changed
        )


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column('raw_nickname', sa.String(length=80), server_default='', nullable=False)
        )
    op.execute("UPDATE question SET raw_nickname = nickname")
    _mask_column("question", "nickname")
    _mask_column("blocked_author", "nickname")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("UPDATE question SET nickname = raw_nickname WHERE raw_nickname <> ''")
    with op.batch_alter_table('question', schema=None) as batch_op:
        batch_op.drop_column('raw_nickname')
