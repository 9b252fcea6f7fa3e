"""What a ticket's referral card says: its fields in the words the county's departments read.

The card is Chinese whatever the interface language (see :mod:`referral_card`), so the words
for categories, statuses and platforms are here, not in the translations.
"""

from __future__ import annotations

import datetime as dt

from studio.domain.model import Platform, ReferralCategory, ReferralStatus
from studio.domain.records import ReferralRecord, TicketContextRecord
from studio.domain.referral_deadlines import RUNNING, working_days_left
from studio.domain.studio_time import to_studio
from studio.ui.referrals.referral_card import CardContent

CATEGORY = {
    ReferralCategory.ENQUIRY: "咨询",
    ReferralCategory.HELP: "求助",
    ReferralCategory.SUGGESTION: "建议",
    ReferralCategory.COMPLAINT: "投诉",
}
STATUS = {
    ReferralStatus.ACCEPTED: "已受理",
    ReferralStatus.DISPATCHED: "已派单",
    ReferralStatus.SIGNED_FOR: "已签收",
    ReferralStatus.IN_PROGRESS: "办理中",
    ReferralStatus.REPLIED: "已答复",
    ReferralStatus.CALLED_BACK: "已回访",
    ReferralStatus.CLOSED: "已办结",
    ReferralStatus.RETURNED: "已退回",
}
PLATFORM = {Platform.DOUYIN: "抖音", Platform.KUAISHOU: "快手", Platform.MANUAL: "人工录入"}


def due_words(ticket: ReferralRecord, today: dt.date) -> str:
    """The due date with the working days left (or overdue) while the unit's clock runs."""
    due = ticket.deadline.isoformat()
    if ticket.status not in RUNNING:
        return due
    left = working_days_left(ticket.deadline, today)
    if left < 0:
        return f"{due}（已超期 {-left} 个工作日）"
    return f"{due}（剩 {left} 个工作日）"


def card_content(
    ticket: ReferralRecord,
    context: TicketContextRecord | None,
    county: str,
    today: dt.date,
) -> CardContent:
    """The card of ``ticket``; ``context`` (its question's room, time and session) may be
    missing while it is being read, and the card then says less."""
    question = context.question if context is not None else None
    session = context.session if context is not None else None
    first = ticket.askers[0] if ticket.askers else None
    room = ""
    asked_at = ""
    if question is not None:
        platform = PLATFORM.get(question.platform, "") if question.platform else ""
        room = " · ".join(p for p in (platform, question.room_name) if p)
        asked_at = to_studio(question.received_at).strftime("%Y-%m-%d %H:%M")
    session_words = ticket.session_date.isoformat()
    if session is not None:
        session_words = " ".join(p for p in (session.date.isoformat(), session.unit_name) if p)
    dispatched = ticket.status not in (ReferralStatus.ACCEPTED, ReferralStatus.RETURNED)
    return CardContent(
        county=f"{county}问政直播间" if county else "问政直播间",
        number=ticket.number,
        unit=ticket.unit_name if dispatched else "",
        category=CATEGORY[ticket.category],
        due=due_words(ticket, today),
        question=question.text if question is not None else ticket.summary,
        nickname=(question.nickname if question is not None else first.nickname if first else ""),
        others=max(len(ticket.askers) - 1, 0),
        room=room or "直播间",
        asked_at=asked_at or to_studio(ticket.created_at).strftime("%Y-%m-%d %H:%M"),
        session=session_words,
        status=STATUS[ticket.status],
    )
