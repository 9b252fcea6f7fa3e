"""The reports' tables as a leader reads them (Chinese, like the 转办单): the same rows go to
the PDF's tables and to the workbook's sheets (one sheet per table)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from studio.domain.durations import format_duration
from studio.domain.session_report import SessionReport, UnitPeriod
from studio.domain.table_text import Cell

Sheet = tuple[str, list[Sequence[Cell]]]

KINDS = {"department": "部门", "township": "乡镇"}
PLATFORMS = {"douyin": "抖音", "kuaishou": "快手", "manual": "手动"}
REFERRAL_STATES = {
    "accepted": "已受理",
    "dispatched": "已派发",
    "signed_for": "已签收",
    "in_progress": "办理中",
    "replied": "已回复",
    "called_back": "已回访",
    "closed": "已办结",
    "returned": "已退回",
}


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def number(value: float | None, places: int = 0) -> str:
    return "—" if value is None else f"{value:,.{places}f}"


def session_title(report: SessionReport) -> str:
    s = report.session
    return f"直播报告 · {s.date.isoformat()} · {s.unit_name}"


def session_sheets(report: SessionReport) -> list[Sheet]:
    """概况, 直播间, 分钟评论, 环节, 单位问题, 热门问题, 转办: the session report's tables."""
    s, t = report.session, report.tally
    summary: list[Sequence[Cell]] = [
        ("项目", "数值"),
        ("日期", s.date.isoformat()),
        ("单位", s.unit_name),
        ("嘉宾", f"{s.official_title} {s.official_name}".strip()),
        ("主题", s.topic),
        ("峰值在线", report.peak_online),
        ("观看人次", report.viewers),
        ("点赞", report.likes),
        ("评论", t.comments),
        ("问题（去重）", t.questions),
        ("现场答复", t.answered),
        ("转办", t.referred),
        ("未处理", t.left_open),
        ("办理率", percent(t.handled_rate)),
        ("县领导评分", "—" if report.rating is None else f"{report.rating} / 5"),
        ("县领导点评", report.remark),
    ]
    rooms: list[Sequence[Cell]] = [
        ("直播间", "峰值在线", "观看人次", "点赞", "新增粉丝", "平均观看时长", "来源")
    ]
    rooms += [
        (
            r.label,
            r.peak_online,
            r.viewers,
            r.likes,
            "—" if r.new_followers is None else r.new_followers,
            "—" if r.mean_watch_s is None else format_duration(r.mean_watch_s),
            "平台数据（手工录入）" if r.by_hand else "采集",
        )
        for r in report.rooms
    ]
    minutes: list[Sequence[Cell]] = [("分钟", "评论")]
    minutes += [(m, n) for m, n in enumerate(report.comments_per_minute)]
    segments: list[Sequence[Cell]] = [("环节", "计划", "实际", "超时")]
    segments += [
        (
            g.title,
            format_duration(g.planned_s),
            format_duration(g.actual_s) if g.started_s is not None else "未进行",
            format_duration(g.over_s, signed=True) if g.started_s is not None else "",
        )
        for g in report.segments
    ]
    units: list[Sequence[Cell]] = [("单位", "问题")]
    units += [(name or "未指定", n) for name, n in report.by_unit]
    top: list[Sequence[Cell]] = [("问题", "提问人数")]
    top += [(text, n) for text, n in report.top_questions]
    referrals: list[Sequence[Cell]] = [("状态", "工单")]
    referrals += [(REFERRAL_STATES.get(k, k), n) for k, n in report.referrals]
    return [
        ("概况", summary),
        ("直播间", rooms),
        ("分钟评论", minutes),
        ("环节", segments),
        ("单位问题", units),
        ("热门问题", top),
        ("转办", referrals),
    ]


UNIT_HEADER = (
    "单位",
    "类型",
    "场次",
    "平均观看",
    "问题",
    "场均问题",
    "每千人问题",
    "现场答复占比",
    "转办",
    "按时办结率",
    "满意率",
    "互动偏低",
)


def unit_rows(units: Sequence[UnitPeriod]) -> list[Sequence[Cell]]:
    """The period report's league table: header and one row per unit."""
    rows: list[Sequence[Cell]] = [UNIT_HEADER]
    for u in units:
        rows.append(
            (
                u.unit,
                KINDS.get(u.kind, u.kind),
                u.sessions,
                number(u.mean_viewers),
                u.questions,
                number(u.questions_per_session, 1),
                number(u.questions_per_1000_viewers, 2),
                percent(u.answered_share),
                u.referrals,
                percent(u.on_time_rate),
                percent(u.satisfaction_rate),
                "是" if u.low_engagement else "",
            )
        )
    return rows


def period_title(first: dt.date, last: dt.date) -> str:
    return f"单位直播情况 · {first.isoformat()} 至 {last.isoformat()}"
