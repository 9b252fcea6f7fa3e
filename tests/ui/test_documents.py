"""A4 PDFs: pages, the CJK font embedded, header rows repeated, viewer text printed as text."""

import re
import unicodedata

from pypdf import PdfReader

from studio.ui.documents import (
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Picture,
    Table,
    cjk_family,
    write_pdf,
)

A4_POINTS = (595, 842)


def page_text(page) -> str:
    """A page's text without line breaks; Kangxi radicals folded (a CJK font draws 二 and ⼆
    with one glyph, and the PDF's text layer names the first)."""
    return unicodedata.normalize("NFKC", re.sub(r"\s", "", page.extract_text()))


def _rows(count: int) -> list[list[str]]:
    return [
        [f"ZB-{n:04d}", "<b>王师傅</b>", "低保申请三个月没有消息，卡在哪个环节？"]
        for n in range(count)
    ]


def test_a_long_table_runs_over_a4_pages_with_its_header_on_each(qapp, tmp_path):
    path = tmp_path / "转办单.pdf"
    document = Document(
        "转办单 · 民政局",
        [
            Heading("转办单 · 民政局"),
            Paragraph("12 件未办结"),
            Table(["编号", "诉求人", "诉求内容"], _rows(120)),
        ],
    )
    pages = write_pdf(document, path)
    reader = PdfReader(path)
    assert len(reader.pages) == pages > 1
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == A4_POINTS
        assert "编号" in page_text(page)  # the header row on every page
    text = "".join(page_text(page) for page in reader.pages)
    assert text.count("<b>王师傅</b>") == 120  # markup printed as the characters it is
    assert text.count("卡在哪个环节") == 120
    assert page_text(reader.pages[-1]).endswith(f"{pages}/{pages}")  # numbered at the foot
    assert reader.metadata.title == "转办单 · 民政局"


def test_the_cjk_font_is_embedded(qapp, tmp_path):
    assert "CJK" in cjk_family() or "SC" in cjk_family()
    path = tmp_path / "doc.pdf"
    write_pdf(Document("t", [Paragraph("问政直播间")]), path)
    fonts = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            descendant = font.get_object()
            for part in descendant.get("/DescendantFonts", [descendant]):
                descriptor = part.get_object().get("/FontDescriptor")
                if descriptor is not None and any(
                    key in descriptor.get_object()
                    for key in ("/FontFile", "/FontFile2", "/FontFile3")
                ):
                    fonts.add(str(part.get_object()["/BaseFont"]))
    assert any("CJK" in name or "SC" in name for name in fonts), fonts


def test_landscape_pictures_and_page_breaks(qapp, tmp_path):
    from PySide6.QtGui import QColor, QImage

    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#b3261e"))
    path = tmp_path / "report.pdf"
    pages = write_pdf(
        Document(
            "报告", [Heading("一"), Picture(image, 120), PageBreak(), Heading("二")], landscape=True
        ),
        path,
    )
    reader = PdfReader(path)
    assert pages == len(reader.pages) == 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4_POINTS[::-1]
    assert reader.pages[0].images  # the picture is drawn in
    assert page_text(reader.pages[1]).startswith("二")
