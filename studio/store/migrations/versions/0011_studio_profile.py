"""studio profile

The county's name, zone, default slot, referral deadlines and logo live in the database (one
row), and each room (broadcast account) may carry a QR image and says whether anybody has
assigned it to the county or the department (a room the feed met first is unassigned).

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-03 10:00:00.000000

"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0011'
down_revision: Union[str, Sequence[str], None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "studio_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("county_name", sa.String(length=40), nullable=False),
        sa.Column("short_name", sa.String(length=20), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("slot_start", sa.Time(), nullable=False),
        sa.Column("slot_end", sa.Time(), nullable=False),
        sa.Column("referral_days_json", sa.Text(), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_studio_profile")),
    )
    with op.batch_alter_table("room") as batch:
        batch.add_column(sa.Column("qr_png", sa.LargeBinary(), nullable=True))
        batch.add_column(
            sa.Column("assigned", sa.Boolean(), nullable=False, server_default="1")
        )


def downgrade() -> None:
    with op.batch_alter_table("room") as batch:
        batch.drop_column("assigned")
        batch.drop_column("qr_png")
    op.drop_table("studio_profile")
