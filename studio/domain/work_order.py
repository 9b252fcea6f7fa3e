"""The 转办单: a unit's open referral tickets as the work-order form departments know.

The columns are a 12345 work order's — 编号, 来源, 诉求人, 诉求内容, 承办单位, 办理时限, 状态,
答复, 回访结果 — and the words are Chinese whatever the interface language: the form goes to the
county's departments, like the posters and the referral card. Every text is the record's, so
already masked. The XLSX (one sheet per unit) and the PDF (one section per unit) are written
from these rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from studio.domain.model import Platform, ReferralCategory, ReferralStatus, Satisfaction
from studio.domain.records import ReferralRecord
from studio.domain.referral_table import days_left

#: The form's columns, in order.
WORK_ORDER_COLUMNS = (
    "编号",
    "来源",
    "诉求人",
    "诉求内容",
    "承办单位",
    "办理时限",
    "状态",
    "答复",
    "回访结果",
)
#: Relative column widths of the printed form (the request and the reply get the room).
WORK_ORDER_WIDTHS = (1.1, 1.9, 1.3, 3.7, 1.3, 1.8, 0.9, 2.5, 1.2)

STATUS_WORDS = {
    ReferralStatus.ACCEPTED: "已受理",
    ReferralStatus.DISPATCHED: "已派单",
    ReferralStatus.SIGNED_FOR: "已签收",
    ReferralStatus.IN_PROGRESS: "办理中",
    ReferralStatus.REPLIED: "已答复",
    ReferralStatus.CALLED_BACK: "已回访",
    ReferralStatus.CLOSED: "已办结",
    ReferralStatus.RETURNED: "已退回",
}
CATEGORY_WORDS = {
    ReferralCategory.ENQUIRY: "咨询",
    ReferralCategory.HELP: "求助",
    ReferralCategory.SUGGESTION: "建议",
    ReferralCategory.COMPLAINT: "投诉",
}
SATISFACTION_WORDS = {
    Satisfaction.SATISFIED: "满意",
    Satisfaction.BASICALLY_SATISFIED: "基本满意",
    Satisfaction.DISSATISFIED: "不满意",
}
PLATFORM_WORDS = {Platform.DOUYIN: "抖音", Platform.KUAISHOU: "快手", Platform.MANUAL: "电话/微信"}


def is_open(ticket: ReferralRecord) -> bool:
    """Still on a unit's list: everything but a closed ticket."""
    return ticket.status != ReferralStatus.CLOSED


def source_words(ticket: ReferralRecord) -> str:
    """Where the question came from: platform and the session's day."""
    platforms = [a.platform for a in ticket.askers if a.platform is not None]
    where = PLATFORM_WORDS.get(platforms[0], "") if platforms else ""
    day = f"{ticket.session_date:%Y-%m-%d} 直播"
    return f"{where} · {day}" if where else day


def asker_words(ticket: ReferralRecord) -> str:
    """The first asker, and how many asked in all."""
    if not ticket.askers:
        return ""
    first = ticket.askers[0].nickname or "（未留名）"
    return f"{first} 等 {len(ticket.askers)} 人" if len(ticket.askers) > 1 else first


def deadline_words(ticket: ReferralRecord, today: dt.date) -> str:
    """The due date, with the working days left or over while the unit's clock runs."""
    left = days_left(ticket, today)
    due = ticket.deadline.isoformat()
    if left is None:
        return due
    if left < 0:
        return f"{due}（超期 {-left} 个工作日）"
    return f"{due}（剩 {left} 个工作日）"


def work_order_rows(tickets: Iterable[ReferralRecord], today: dt.date) -> list[Sequence[str]]:
    """The header and one row per ticket, in the order given."""
    rows: list[Sequence[str]] = [WORK_ORDER_COLUMNS]
    for t in tickets:
        rows.append(
            (
                t.number,
                source_words(t),
                asker_words(t),
                t.summary,
                t.unit_name,
                deadline_words(t, today),
                STATUS_WORDS[t.status],
                t.reply,
                SATISFACTION_WORDS.get(t.satisfaction, "") if t.satisfaction else "",
            )
        )
    return rows


def by_unit(tickets: Iterable[ReferralRecord]) -> list[tuple[str, list[ReferralRecord]]]:
    """The open tickets grouped by unit (units by name, tickets soonest deadline first)."""
    groups: dict[str, list[ReferralRecord]] = {}
    for ticket in tickets:
        if is_open(ticket):
            groups.setdefault(ticket.unit_name, []).append(ticket)
    return [
        (unit, sorted(items, key=lambda t: (t.deadline, t.id)))
        for unit, items in sorted(groups.items())
    ]


def work_order_heading(unit: str) -> str:
    return f"转办单 · {unit}"


def work_order_subtitle(county: str, today: dt.date, count: int) -> str:
    studio = f"{county}问政直播间" if county else "问政直播间"
    return f"{studio} · 截至 {today:%Y-%m-%d} · {count} 件未办结"
