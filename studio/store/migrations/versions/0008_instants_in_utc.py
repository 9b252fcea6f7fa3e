"""instants in utc

Stored instants (when a comment arrived, an audit event, a referral …) were naive datetimes in
the machine's local time, so a machine set to UTC and one set to Beijing time wrote different
values for the same moment. From now on they are naive **UTC** (``studio.domain.studio_time``).
Existing values are converted from the machine's local zone at migration time, the best guess
for the machine that wrote them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 11:00:00.000000

"""
import datetime as dt
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: Union[str, Sequence[str], None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

#: (table, primary key, columns holding an instant)
INSTANTS = (
    ("question", "id", ("received_at",)),
    ("referral", "id", ("created_at", "replied_at")),
    ("stats_sample", "id", ("at",)),
    ("audit_event", "id", ("at",)),
    ("rundown_template", "id", ("created_at",)),
    ("timer_state", "session_id", ("updated_at",)),
    ("briefing_note", "id", ("updated_at",)),
    ("blocked_author", "id", ("created_at",)),
)
_BATCH = 5_000


def _local_to_utc(value: dt.datetime | None) -> dt.datetime | None:
    # A naive datetime's astimezone() takes it as the machine's local time.
    return None if value is None else value.astimezone(dt.timezone.utc).replace(tzinfo=None)


def _utc_to_local(value: dt.datetime | None) -> dt.datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=dt.timezone.utc).astimezone().replace(tzinfo=None)


def _convert(change) -> None:  # type: ignore[no-untyped-def]
    connection = op.get_bind()
    for name, key, columns in INSTANTS:
        table = sa.table(name, sa.column(key, sa.Integer), *(sa.column(c, sa.DateTime) for c in columns))
        rows = connection.execute(sa.select(table.c[key], *(table.c[c] for c in columns))).all()
        update = (
            table.update()
            .where(table.c[key] == sa.bindparam("_key"))
            .values({c: sa.bindparam(f"_{c}") for c in columns})
        )
        for start in range(0, len(rows), _BATCH):
            connection.execute(
                update,
                [
                    {"_key": row[0], **{f"_{c}": change(v) for c, v in zip(columns, row[1:])}}
                    for row in rows[start : start + _BATCH]
                ],
            )


def upgrade() -> None:
    """Upgrade schema."""
    _convert(_local_to_utc)


def downgrade() -> None:
    """Downgrade schema."""
    _convert(_utc_to_local)
