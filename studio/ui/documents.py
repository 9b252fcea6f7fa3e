"""A4 documents as PDF: headings, paragraphs, tables and pictures, in a CJK font, plain text.

The work orders a department receives (转办单) and the reports a leader takes away are printed
from here. Qt's own text document lays them out (a table's header row repeats on every page,
pages are numbered at the foot) and ``QPdfWriter`` writes them with the font embedded, so the
file reads the same on a machine without Chinese fonts. Every text goes in through
``QTextCursor.insertText``: a viewer's ``<b>`` is printed as those characters, never markup.

Needs a ``QGuiApplication`` (fonts); the command line makes an offscreen one
(:func:`ensure_gui_application`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableFormat,
)

#: Dots per inch of the PDFs' layout (text and vector lines are resolution-free; pictures are
#: placed at this scale).
RESOLUTION = 300

#: Fonts tried in order for Chinese text; the first one installed is used.
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str
    small: bool = False


@dataclass(frozen=True)
class Table:
    """A table with one header row (repeated on every page).

    Attributes:
        columns: the header cells.
        rows: the body; each row has as many cells as ``columns``.
        widths: relative column widths (``None``: equal).
    """

    columns: Sequence[str]
    rows: Sequence[Sequence[str]]
    widths: Sequence[float] | None = None


@dataclass(frozen=True)
class Picture:
    """An image (a chart, a card) ``width_mm`` wide on the page."""

    image: QImage
    width_mm: float


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Table | Picture | PageBreak


@dataclass
class Document:
    """What to print: a title (the PDF's metadata too) and blocks, on A4.

    Attributes:
        title: the document's title.
        blocks: its content, in order.
        landscape: A4 across (wide tables).
    """

    title: str
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or an offscreen one for the command line."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def cjk_family() -> str:
    """The first of ``CJK_FAMILIES`` installed, or the system's default family."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    return QFont().family()


def build(
    document: Document, *, dots_per_inch: float = 72.0, device: QPdfWriter | None = None
) -> QTextDocument:
    """The text document of ``document`` for a device of ``dots_per_inch`` (lengths such as
    picture widths, paddings and borders are in the device's pixels), laid out for ``device``."""
    unit = dots_per_inch / 72.0  # device pixels per point
    doc = QTextDocument()
    if device is not None:
        doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    base = QFont(cjk_family())
    base.setPointSizeF(10.0)
    doc.setDefaultFont(base)
    cursor = QTextCursor(doc)
    first = True
    for number, block in enumerate(document.blocks):
        if isinstance(block, PageBreak):
            fmt = QTextBlockFormat()
            fmt.setPageBreakPolicy(QTextFrameFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            cursor.insertBlock(fmt)
            first = True
            continue
        if not first:
            cursor.insertBlock(QTextBlockFormat())
        first = False
        if isinstance(block, Heading):
            chars = QTextCharFormat()
            chars.setFontPointSize({1: 16.0, 2: 13.0}.get(block.level, 11.0))
            chars.setFontWeight(QFont.Weight.Bold)
            fmt = cursor.blockFormat()
            fmt.setTopMargin(6.0 * unit)
            fmt.setBottomMargin(4.0 * unit)
            cursor.setBlockFormat(fmt)
            cursor.insertText(block.text, chars)
        elif isinstance(block, Paragraph):
            chars = QTextCharFormat()
            chars.setFontPointSize(8.5 if block.small else 10.0)
            cursor.insertText(block.text, chars)
        elif isinstance(block, Picture):
            name = f"picture-{number}"
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), block.image)
            image = QTextImageFormat()
            image.setName(name)
            width = block.width_mm / 25.4 * dots_per_inch
            if device is not None:
                # Qt scales an image's set size by the device's DPI over the screen's
                # (QTextImageHandler): give it in the screen's pixels, or it prints ~3× too big.
                width /= device.logicalDpiY() / _screen_dpi()
            image.setWidth(width)
            if block.image.width():
                image.setHeight(width * block.image.height() / block.image.width())
            cursor.insertImage(image)
        else:
            _table(cursor, block, unit)
    return doc


def _screen_dpi() -> float:
    """The DPI Qt's text layout takes for the screen (96 without one)."""
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchY() if screen is not None else 96.0


def _table(cursor: QTextCursor, table: Table, unit: float) -> None:
    columns = len(table.columns)
    fmt = QTextTableFormat()
    fmt.setHeaderRowCount(1)
    fmt.setCellPadding(2.0 * unit)
    fmt.setCellSpacing(0.0)
    fmt.setBorder(0.75 * unit)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderBrush(QColor("#666666"))
    fmt.setBorderCollapse(True)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    weights = list(table.widths or [1.0] * columns)
    total = sum(weights) or 1.0
    fmt.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, 100 * w / total) for w in weights]
    )
    grid = cursor.insertTable(len(table.rows) + 1, columns, fmt)
    head = QTextCharFormat()
    head.setFontWeight(QFont.Weight.Bold)
    body = QTextCharFormat()
    body.setFontPointSize(9.0)
    for column, text in enumerate(table.columns):
        grid.cellAt(0, column).firstCursorPosition().insertText(text, head)
    for row, cells in enumerate(table.rows, 1):
        for column in range(columns):
            text = cells[column] if column < len(cells) else ""
            grid.cellAt(row, column).firstCursorPosition().insertText(text, body)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def write_pdf(document: Document, path: Path) -> int:
    """Write ``document`` to ``path`` as an A4 PDF, pages numbered "n / N" at the foot;
    returns the number of pages.

    Raises:
        OSError: the file cannot be written.
    """
    ensure_gui_application()
    writer = QPdfWriter(str(path))
    writer.setTitle(document.title)
    writer.setCreator("Studio Desk")
    writer.setResolution(RESOLUTION)
    pages = _paint_pages(document, writer, RESOLUTION)
    del writer  # finishes the file
    if pages < 0 or not path.exists() or path.stat().st_size == 0:
        raise OSError(f"cannot write {path}")
    return pages


def print_document(document: Document, printer: QPagedPaintDevice, resolution: int) -> bool:
    """Print ``document`` on ``printer`` (a ``QPrinter`` the print dialog set up, whose
    ``resolution()`` is given) as :func:`write_pdf` lays it out; False if it cannot print."""
    return _paint_pages(document, printer, resolution) >= 0


def _paint_pages(document: Document, device: QPagedPaintDevice, resolution: int) -> int:
    """Lay ``document`` out on ``device``'s A4 pages and paint them; the number of pages, or
    -1 when the device cannot be painted on."""
    orientation = (
        QPageLayout.Orientation.Landscape
        if document.landscape
        else QPageLayout.Orientation.Portrait
    )
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            orientation,
            QMarginsF(15, 15, 15, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    area = device.pageLayout().paintRectPixels(resolution)
    doc = build(document, dots_per_inch=resolution, device=device)
    footer = resolution * 0.3  # inches kept at the foot for the page number
    page = QSizeF(area.width(), area.height() - footer)
    doc.setPageSize(page)
    pages = doc.pageCount()
    painter = QPainter()
    if not painter.begin(device):
        return -1
    try:
        number_font = QFont(cjk_family())
        number_font.setPointSizeF(8.0)
        for index in range(pages):
            if index:
                device.newPage()
            painter.save()
            painter.translate(0, -index * page.height())
            doc.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
            painter.restore()
            painter.setFont(number_font)
            painter.setPen(QColor("#5f6368"))
            painter.drawText(
                QRectF(0, page.height(), page.width(), footer),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                f"{index + 1} / {pages}",
            )
    finally:
        painter.end()
    return pages
