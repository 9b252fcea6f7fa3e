"""join referrals and profile

0010 (referral work orders) and 0011 (studio profile) were written side by side from 0009;
this revision joins the two lines so the schema has one head again. A database at either one
gets the other on upgrade; they touch different tables (0010 the referrals, 0011 the profile
and the rooms).

Revision ID: 0012
Revises: 0010, 0011
Create Date: 2026-12-03 12:00:00.000000

"""
from typing import Sequence, Union


# revision identifiers, used by Alembic.
revision: str = '0012'
down_revision: Union[str, Sequence[str], None] = ('0010', '0011')
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Nothing to change: the join only."""


def downgrade() -> None:
    """Nothing to change: the join only."""
