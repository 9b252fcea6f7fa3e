"""moderation indexes

A key press on the desk looks up the session's question on air and the ends of its queue, and
the typical answer time reads the session's audit: without these indexes both scanned the whole
session (90–460 ms at 129,000 comments), which the official's screen waited for.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 09:30:00.000000

"""
from typing import Sequence, Union

from alembic import op


# revision identifiers, used by Alembic.
revision: str = '0009'
down_revision: Union[str, Sequence[str], None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_index("ix_question_session_status", "question", ["session_id", "status"])
    op.create_index("ix_audit_event_session", "audit_event", ["session_id", "action"])


def downgrade() -> None:
    op.drop_index("ix_audit_event_session", table_name="audit_event")
    op.drop_index("ix_question_session_status", table_name="question")
