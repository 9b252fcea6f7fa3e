"""ingest leases

Which seat ingests each live room: a lease on the database's clock that its holder renews every
few seconds; another seat takes the room over when the lease runs out (its holder died).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05 10:00:00.000000

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = "0018"
down_revision: Union[str, Sequence[str], None] = "0017"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "ingest_lease",
        sa.Column("room", sa.String(length=40), nullable=False),
        sa.Column("holder_seat", sa.String(length=64), nullable=False),
        sa.Column("holder_name", sa.String(length=80), nullable=False),
        sa.Column("host", sa.String(length=120), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("room", name=op.f("pk_ingest_lease")),
    )


def downgrade() -> None:
    op.drop_table("ingest_lease")
