"""The session report and the period report as A4 documents (PDF) and workbooks (XLSX).

The tables come from :mod:`studio.domain.report_tables` (the workbook's sheets are the same
rows); the charts are :mod:`studio.ui.reports.charts`' drawings, the window's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from studio.domain.report_tables import (
    KINDS,
    period_title,
    session_sheets,
    session_title,
    unit_rows,
)
from studio.domain.session_report import SessionReport, UnitPeriod, league, weekly_trend
from studio.ui.documents import (
    Block,
    Document,
    Heading,
    Paragraph,
    Picture,
    Table,
    ensure_gui_application,
    write_pdf,
)
from studio.ui.reports.charts import (
    chart_image,
    draw_bars,
    draw_comments,
    draw_league,
    draw_trend,
    draw_viewers,
)

_WIDTH_MM = 180.0


def session_document(report: SessionReport) -> Document:
    """The session report: figures, the charts, and its tables."""
    ensure_gui_application()  # the charts' fonts
    sheets = dict(session_sheets(report))
    summary = sheets["概况"]
    blocks: list[Block] = [
        Heading(session_title(report)),
        Paragraph(report.session.topic),
        Table(summary[0], [[str(c) for c in row] for row in summary[1:]], (1, 2)),
        Heading("每分钟评论（背景为环节）", 2),
        Picture(chart_image(draw_comments(report, "评论/分钟")), _WIDTH_MM),
        Heading("各直播间在线人数", 2),
        Picture(chart_image(draw_viewers(report, "在线")), _WIDTH_MM),
    ]
    if report.by_unit:
        pairs = [(name or "未指定", float(n)) for name, n in report.by_unit]
        blocks += [
            Heading("各单位问题", 2),
            Picture(
                chart_image(draw_bars(pairs, "问题（去重）"), height=120 + 40 * len(pairs)),
                _WIDTH_MM * 0.8,
            ),
        ]
    for title in ("直播间", "热门问题", "环节", "转办"):
        rows = sheets[title]
        blocks += [Heading(title, 2), Table(rows[0], [[_text(c) for c in r] for r in rows[1:]])]
    return Document(session_title(report), blocks)


def period_document(units: Sequence[UnitPeriod], first: dt.date, last: dt.date) -> Document:
    """The period report: the league chart and table (landscape)."""
    ensure_gui_application()
    held = league(list(units))
    rows = unit_rows(held)
    blocks: list[Block] = [
        Heading(period_title(first, last)),
        Paragraph("互动偏低：每千名观众提出的问题（去重）低于设定值，图中红色。"),
        Picture(
            chart_image(draw_league(held, "每千人问题"), height=120 + 40 * max(len(held), 1)),
            200.0,
        ),
        Heading("场均问题（去重）周趋势", 2),
        Picture(
            chart_image(
                draw_trend({KINDS.get(k, k): v for k, v in weekly_trend(held).items()}, "场均问题")
            ),
            160.0,
        ),
        Table(rows[0], [[_text(c) for c in r] for r in rows[1:]]),
    ]
    return Document(period_title(first, last), blocks, landscape=True)


def _text(cell: object) -> str:
    return "" if cell is None else str(cell)


def write_session_pdf(report: SessionReport, path: Path) -> int:
    return write_pdf(session_document(report), path)


def write_period_pdf(units: Sequence[UnitPeriod], first: dt.date, last: dt.date, path: Path) -> int:
    return write_pdf(period_document(units, first, last), path)
