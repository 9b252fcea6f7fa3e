"""The 转办单 as an A4 document: one section per unit, its open tickets as a work-order table.

The rows and words come from :mod:`studio.domain.work_order`; this only lays them out for
:func:`studio.ui.documents.write_pdf` (the XLSX is written from the same rows by the table
writer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from studio.domain.records import ReferralRecord
from studio.domain.work_order import (
    WORK_ORDER_WIDTHS,
    by_unit,
    work_order_heading,
    work_order_rows,
    work_order_subtitle,
)
from studio.ui.documents import Block, Document, Heading, PageBreak, Paragraph, Table


def work_order_document(
    tickets: Sequence[ReferralRecord], county: str, today: dt.date
) -> Document:
    """Each unit's open tickets on pages of its own (landscape A4); a unit with none is left
    out, and a document with none says so."""
    blocks: list[Block] = []
    for unit, items in by_unit(tickets):
        if blocks:
            blocks.append(PageBreak())
        rows = work_order_rows(items, today)
        blocks += [
            Heading(work_order_heading(unit)),
            Paragraph(work_order_subtitle(county, today, len(items))),
            Table(rows[0], rows[1:], WORK_ORDER_WIDTHS),
        ]
    if not blocks:
        blocks = [Heading("转办单"), Paragraph(work_order_subtitle(county, today, 0))]
    return Document("转办单", blocks, landscape=True)
