"""Table files in and out: exports never hold a formula, and crafted imports cannot hurt.

The workbooks here are written with openpyxl, then their sheet XML is patched in the zip to
what a hostile or careless tool writes (a million-row dimension, a stale one, formulas without a
saved value, broken XML).
"""

import csv
import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from studio.domain.schedule_table import ScheduleTableInvalid
from studio.store.schedule import list_sessions
from studio.store.schedule_files import export_schedule, import_schedule, read_table
from studio.store.table_files import write_table
from studio.store.unit_files import UnitTableInvalid, export_units, import_units
from studio.store.units import list_units

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3"]
DAYS = [dt.date(2026, 12, d) for d in (7, 8, 9, 10, 11, 14, 15, 16)]  # free working days
SHEET = "xl/worksheets/sheet1.xml"


def workbook(path: Path, rows, patch=None) -> Path:
    """An XLSX of ``rows`` made by openpyxl, its sheet XML then passed through ``patch``."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    if patch is not None:
        with zipfile.ZipFile(path) as source:
            parts = {name: source.read(name) for name in source.namelist()}
        parts[SHEET] = patch(parts[SHEET].decode()).encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts.items():
                target.writestr(name, data)
    return path


def dimension(ref: str):
    """A patch that makes the sheet declare ``ref`` as its extent."""

    def patch(xml: str) -> str:
        patched, count = re.subn(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{ref}"/>', xml)
        assert count == 1
        return patched

    return patch


def far_corner(xml: str) -> str:
    """A sheet that claims every cell of Excel's grid and has an empty cell in the last one
    (what made a 5 KB file cost 12.6 GB: every row up to it padded to 16,384 columns)."""
    corner = '<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'
    return dimension("A1:XFD1048576")(xml).replace("</sheetData>", corner)


def schedule(topics) -> list[list[str]]:
    rows = [["date", "unit", "topic"]]
    rows += [[day.isoformat(), "民政局", topic] for day, topic in zip(DAYS, topics, strict=False)]
    return rows


def problems(caught) -> list[tuple[int, str]]:
    return [(p.line, p.column) for p in caught.value.problems]


# -- exports ---------------------------------------------------------------------------------
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_schedule_export_holds_no_formula_and_imports_back_as_it_was(demo_db, tmp_path, suffix):
    source = tmp_path / "plan.csv"
    write_table(source, schedule(PAYLOADS))
    assert len(import_schedule(demo_db, source).created) == 4
    path = tmp_path / f"schedule.{suffix}"
    export_schedule(demo_db, DAYS[0], DAYS[-1], path)
    if suffix == "xlsx":
        sheet = load_workbook(path).active
        topics = [row[5] for row in sheet.iter_rows(min_row=2)]
        assert [c.data_type for c in topics] == ["s"] * 4  # never "f"
        assert [c.value for c in topics] == PAYLOADS
    else:
        text = path.read_bytes().decode("utf-8-sig")
        assert all(f",'{payload}," in text.replace('"', "") for payload in ("+1+1", "@SUM(A1)"))
        assert "'-2+3" in text and "'=HYPERLINK" in text
    assert [row[5] for row in read_table(path)[1:]] == PAYLOADS
    done = import_schedule(demo_db, path)
    assert (done.created, done.updated, len(done.unchanged)) == ((), (), 4)
    assert [s.topic for s in list_sessions(demo_db, DAYS[0], DAYS[-1])] == PAYLOADS


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_units_export_holds_no_formula_and_imports_back_as_it_was(fresh_db, tmp_path, suffix):
    source = tmp_path / "units.csv"
    write_table(
        source,
        [["name", "short_name", "kind", "officials"]]
        + [[f"{p}局", f"局{i}", "department", f"王{i}/{p}"] for i, p in enumerate(PAYLOADS)],
    )
    assert len(import_units(fresh_db, source).added) == 4
    path = tmp_path / f"units.{suffix}"
    export_units(fresh_db, path)
    if suffix == "xlsx":
        sheet = load_workbook(path).active
        cells = [c for row in sheet.iter_rows(min_row=2) for c in (row[0], row[5])]
        assert all(c.data_type == "s" for c in cells)
        assert sorted(c.value for c in cells[::2]) == sorted(f"{p}局" for p in PAYLOADS)
    else:
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))[1:]
        assert sorted(row[0] for row in rows) == sorted(f"'{p}局" for p in PAYLOADS)
        assert sorted(row[5] for row in rows) == sorted(
            f"王{i}/{p}" for i, p in enumerate(PAYLOADS)
        )
    done = import_units(fresh_db, path)
    assert (done.added, done.changed, len(done.unchanged)) == ((), (), 4)
    assert sorted(u.name for u in list_units(fresh_db)) == sorted(f"{p}局" for p in PAYLOADS)


# -- crafted workbooks -----------------------------------------------------------------------
def test_a_stale_dimension_does_not_hide_rows(demo_db, tmp_path):
    topics = [f"主题{i}" for i in range(8)]
    path = workbook(tmp_path / "stale.xlsx", schedule(topics), dimension("A1:C5"))
    assert len(read_table(path)) == 9
    assert import_schedule(demo_db, path).created == tuple(DAYS)


def test_a_dimension_in_the_wrong_place_does_not_hide_the_first_rows(demo_db, tmp_path):
    path = workbook(tmp_path / "shifted.xlsx", schedule(["a", "b"]), dimension("C3:D4"))
    assert read_table(path)[0] == ["date", "unit", "topic"]


def test_a_million_row_dimension_reads_only_the_real_cells(demo_db, tmp_path):
    path = workbook(tmp_path / "huge.xlsx", schedule(["a", "b"]), far_corner)
    assert path.stat().st_size < 10_000
    assert read_table(path) == schedule(["a", "b"])


UNDER_1_GIB = """
import resource, runpy, sys
resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
sys.argv = ["studio", *sys.argv[1:]]
runpy.run_module("studio", run_name="__main__")
"""


@pytest.mark.parametrize("group", ["schedule", "units"])
def test_the_commands_import_a_million_row_dimension_within_1_gib(demo_db, tmp_path, group):
    rows = (
        schedule(["a", "b"])
        if group == "schedule"
        else [["name", "kind"], ["新局", "department"], ["又一局", "department"]]
    )
    path = workbook(tmp_path / "huge.xlsx", rows, far_corner)
    url = str(demo_db.engine.url)
    demo_db.close()
    done = subprocess.run(
        [sys.executable, "-c", UNDER_1_GIB, group, "import", str(path), "--db", url],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2 ")  # 2 sessions created, 2 units added


def test_a_formula_without_a_saved_value_is_refused_with_its_cell(demo_db, tmp_path):
    rows = schedule(["ok", '=UPPER("x")', "fine"])
    path = workbook(tmp_path / "formula.xlsx", rows)
    with pytest.raises(ScheduleTableInvalid, match=r"line 3, column C: a formula with no saved"):
        import_schedule(demo_db, path)
    assert list_sessions(demo_db, DAYS[0], DAYS[-1]) == []


def test_a_formula_with_a_saved_value_gives_its_value(demo_db, tmp_path):
    def cached(xml: str) -> str:  # what Excel writes: the formula and the value it showed
        patched, count = re.subn(
            r'<c r="C2"><f>(.*?)</f><v\s*/>', r'<c r="C2" t="str"><f>\1</f><v>X 主题</v>', xml
        )
        assert count == 1
        return patched

    path = workbook(tmp_path / "cached.xlsx", schedule(['=UPPER("x")&" 主题"']), cached)
    assert read_table(path)[1][2] == "X 主题"


def test_error_values_are_refused(demo_db, tmp_path):
    def error(xml: str) -> str:
        return xml.replace(
            '<c r="C2" t="inlineStr"><is><t>x</t></is></c>', '<c r="C2" t="e"><v>#REF!</v></c>'
        )

    path = workbook(tmp_path / "error.xlsx", schedule(["x"]), error)
    with pytest.raises(ScheduleTableInvalid, match=r"line 2, column C: an error value \(#REF!\)"):
        read_table(path)


def test_broken_sheet_xml_is_one_problem(demo_db, tmp_path):
    path = workbook(tmp_path / "broken.xlsx", schedule(["x"]), lambda xml: xml[: len(xml) // 2])
    with pytest.raises(ScheduleTableInvalid) as caught:
        import_schedule(demo_db, path)
    assert problems(caught) == [(1, "")]
    assert str(caught.value.problems[0]).startswith("line 1: not a readable workbook: ")


def test_rows_and_columns_of_a_workbook_are_bounded(fresh_db, tmp_path):
    far_row = '<row r="20000"><c r="A20000" t="inlineStr"><is><t>x</t></is></c></row>'
    rows = [["name", "kind"], ["甲局", "department"]]
    far = workbook(
        tmp_path / "far.xlsx",
        rows,
        lambda xml: xml.replace("</sheetData>", far_row + "</sheetData>"),
    )
    with pytest.raises(UnitTableInvalid, match="line 20000: more than 10,000 rows"):
        import_units(fresh_db, far)
    wide = workbook(tmp_path / "wide.xlsx", [["name", "kind"], ["甲局", "department", *["x"] * 60]])
    with pytest.raises(UnitTableInvalid, match="line 2, column AY: more than 50 columns"):
        import_units(fresh_db, wide)


def test_a_long_cell_in_a_workbook_is_refused_by_its_column_name(demo_db, tmp_path):
    path = workbook(tmp_path / "long.xlsx", schedule(["长" * 2001]))
    with pytest.raises(ScheduleTableInvalid, match="line 2, column topic: longer than 2,000"):
        import_schedule(demo_db, path)


# -- CSV as Excel and WPS save it ----------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_a_chinese_csv_is_imported_whatever_excel_saved_it_as(demo_db, tmp_path, encoding):
    path = tmp_path / "plan.csv"
    separator = "\t" if encoding == "utf-16" else ","  # Excel's "Unicode text" uses tabs
    lines = [separator.join(row) for row in schedule(["冬季救助", "供暖"])]
    path.write_bytes("\r\n".join(lines).encode(encoding))
    assert import_schedule(demo_db, path).created == tuple(DAYS[:2])
    assert [s.topic for s in list_sessions(demo_db, DAYS[0], DAYS[-1])] == ["冬季救助", "供暖"]


def test_nul_bytes_never_reach_a_topic(demo_db, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"date,unit,topic\n2026-12-07,\xe6\xb0\x91\xe6\x94\xbf\xe5\xb1\x80,a\x00b\n")
    with pytest.raises(ScheduleTableInvalid) as caught:
        import_schedule(demo_db, path)
    assert [str(p) for p in caught.value.problems] == [
        "line 2, column topic: holds a control character (U+0000)"
    ]
    assert list_sessions(demo_db, DAYS[0], DAYS[-1]) == []


# -- the command line ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "says"),
    [
        (f"date,unit,topic\n2026-12-07,民政局,{'x' * 131_073}\n".encode(), "line 2: not valid CSV"),
        (b"date,unit,topic\n2026-12-07,\xe6\xb0\x91\xe6\x94\xbf\xe5\xb1\x80,\x00\n", "U+0000"),
    ],
)
def test_the_command_line_says_what_is_wrong_in_one_line(demo_db, tmp_path, capsys, content, says):
    from studio.cli import main

    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert main(["schedule", "import", str(path), "--db", str(demo_db.engine.url)]) == 1
    err = capsys.readouterr().err
    assert "was not imported (nothing changed)" in err and says in err
    assert "Traceback" not in err and len(err.splitlines()) == 2
