"""Referral tickets as plain values: the JSON object of one ticket and the rows of an export.

One place says what a ticket looks like outside the app (``studio referrals list --json``, the
CSV/XLSX export, and the 转办单 a PDF writer draws from the same fields), judged on a given day
(working days left, overdue). Every text is the record's, so already masked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from studio.domain.records import ReferralRecord
from studio.domain.referral_deadlines import RUNNING, is_overdue, working_days_left
from studio.domain.studio_time import iso_text
from studio.domain.table_text import Cell

#: The keys of :func:`ticket_json`, in order.
JSON_KEYS = (
    "id",
    "number",
    "session_id",
    "unit",
    "category",
    "status",
    "created_at",
    "deadline",
    "working_days_left",
    "overdue",
    "reply",
    "satisfaction",
    "askers",
    "reported_back_session_id",
)

#: The columns of an export, in order.
EXPORT_COLUMNS = (
    "number",
    "session_date",
    "unit",
    "category",
    "status",
    "created_at",
    "deadline",
    "working_days_left",
    "overdue",
    "question",
    "askers",
    "asker_names",
    "reply",
    "reply_by",
    "replied_at",
    "satisfaction",
    "urges",
    "reported_back_session_id",
)


def days_left(ticket: ReferralRecord, today: dt.date) -> int | None:
    """Working days left on ``today`` (negative when overdue); None once the department has
    replied (its clock stopped)."""
    if ticket.status not in RUNNING:
        return None
    return working_days_left(ticket.deadline, today)


def ticket_json(ticket: ReferralRecord, today: dt.date) -> dict[str, Any]:
    """One ticket as ``referrals list --json`` prints it (keys :data:`JSON_KEYS`).

    Instants are ISO 8601 in studio time with their offset, dates ``YYYY-MM-DD``; ``askers``
    is a list of ``{question_id, nickname, text}``, masked.
    """
    return {
        "id": ticket.id,
        "number": ticket.number,
        "session_id": ticket.session_id,
        "unit": ticket.unit_name,
        "category": str(ticket.category),
        "status": str(ticket.status),
        "created_at": iso_text(ticket.created_at),
        "deadline": ticket.deadline.isoformat(),
        "working_days_left": days_left(ticket, today),
        "overdue": is_overdue(ticket.status, ticket.deadline, today),
        "reply": ticket.reply,
        "satisfaction": str(ticket.satisfaction) if ticket.satisfaction else None,
        "askers": [
            {"question_id": a.question_id, "nickname": a.nickname, "text": a.text}
            for a in ticket.askers
        ],
        "reported_back_session_id": ticket.reported_back_session_id,
    }


def export_rows(tickets: Iterable[ReferralRecord], today: dt.date) -> list[Sequence[Cell]]:
    """The header (:data:`EXPORT_COLUMNS`) and one row per ticket, for the one table writer."""
    rows: list[Sequence[Cell]] = [EXPORT_COLUMNS]
    for t in tickets:
        rows.append(
            (
                t.number,
                t.session_date.isoformat(),
                t.unit_name,
                str(t.category),
                str(t.status),
                iso_text(t.created_at),
                t.deadline.isoformat(),
                days_left(t, today),
                is_overdue(t.status, t.deadline, today),
                t.summary,
                len(t.askers),
                "、".join(a.nickname for a in t.askers),
                t.reply,
                t.reply_by,
                iso_text(t.replied_at) if t.replied_at else "",
                str(t.satisfaction) if t.satisfaction else "",
                t.urge_count,
                t.reported_back_session_id,
            )
        )
    return rows
