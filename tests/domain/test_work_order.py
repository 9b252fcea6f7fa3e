"""The 转办单's rows: a unit's open tickets in a 12345 work order's columns, in Chinese."""

import datetime as dt

from studio.domain.model import Platform, ReferralCategory, ReferralStatus, Satisfaction
from studio.domain.records import AskerRecord, ReferralRecord
from studio.domain.work_order import (
    WORK_ORDER_COLUMNS,
    by_unit,
    work_order_rows,
    work_order_subtitle,
)

TODAY = dt.date(2026, 12, 2)  # a Wednesday


def ticket(n: int, unit: str, status: ReferralStatus, deadline: dt.date, **more) -> ReferralRecord:
    return ReferralRecord(
        id=n,
        session_date=dt.date(2026, 11, 26),
        unit_name=unit,
        category=ReferralCategory.HELP,
        summary=f"问题{n}",
        status=status,
        created_at=dt.datetime(2026, 11, 26, 7, 30),
        deadline=deadline,
        replied_at=None,
        reply=more.pop("reply", ""),
        reported_back=False,
        number=f"ZB-{n:04d}",
        **more,
    )


def test_rows_say_what_a_department_reads():
    askers = (
        AskerRecord(1, "王阿姨138****5678", "问题", Platform.KUAISHOU),
        AskerRecord(2, "李师傅", "问题", Platform.DOUYIN),
    )
    rows = work_order_rows(
        [
            ticket(7, "民政局", ReferralStatus.IN_PROGRESS, dt.date(2026, 12, 4), askers=askers),
            ticket(8, "民政局", ReferralStatus.DISPATCHED, dt.date(2026, 11, 30)),
            ticket(
                9,
                "民政局",
                ReferralStatus.CALLED_BACK,
                dt.date(2026, 12, 1),
                reply="已办理",
                satisfaction=Satisfaction.BASICALLY_SATISFIED,
            ),
        ],
        TODAY,
    )
    assert rows[0] == WORK_ORDER_COLUMNS
    assert rows[1] == (
        "ZB-0007",
        "快手 · 2026-11-26 直播",
        "王阿姨138****5678 等 2 人",
        "问题7",
        "民政局",
        "2026-12-04（剩 2 个工作日）",
        "办理中",
        "",
        "",
    )
    assert rows[2][5] == "2026-11-30（超期 2 个工作日）" and rows[2][6] == "已派单"
    assert rows[3][5] == "2026-12-01" and rows[3][7:] == ("已办理", "基本满意")  # clock stopped


def test_by_unit_keeps_the_open_tickets_soonest_first():
    tickets = [
        ticket(1, "民政局", ReferralStatus.DISPATCHED, dt.date(2026, 12, 9)),
        ticket(2, "城管局", ReferralStatus.CLOSED, dt.date(2026, 12, 1)),
        ticket(3, "民政局", ReferralStatus.REPLIED, dt.date(2026, 12, 3)),
        ticket(4, "城管局", ReferralStatus.RETURNED, dt.date(2026, 12, 5)),
    ]
    groups = by_unit(tickets)
    assert [(unit, [t.id for t in items]) for unit, items in groups] == [
        ("城管局", [4]),
        ("民政局", [3, 1]),
    ]


def test_subtitle_names_the_studio():
    assert (
        work_order_subtitle("青山县", TODAY, 3) == "青山县问政直播间 · 截至 2026-12-02 · 3 件未办结"
    )
    assert work_order_subtitle("", TODAY, 0).startswith("问政直播间")
