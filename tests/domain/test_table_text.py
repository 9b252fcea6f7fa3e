"""The cells of every table file: formula-looking text neutralised and read back exactly, what
Excel and WPS save decoded, and what is not plain data refused with its line and column."""

import codecs
import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.domain.rundown_clock import SegmentActual
from studio.domain.rundown_report import actuals_csv
from studio.domain.table_text import (
    CELL_CHARS_MAX,
    COLUMNS_MAX,
    ROWS_MAX,
    TableFault,
    TableUnreadable,
    csv_bytes,
    csv_records,
    csv_text,
    decode_table_bytes,
    spreadsheet_text,
    unguard,
)

PAYLOADS = ['=HYPERLINK("http://x","y")', "+1+1", "@SUM(A1)", "-2+3", "\t=1", "\r=1"]


def faults(text: str) -> list[tuple[int, int, TableFault]]:
    with pytest.raises(TableUnreadable) as caught:
        csv_records(text)
    return [(p.line, p.column, p.fault) for p in caught.value.problems]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_looking_text_gets_one_apostrophe_and_reads_back_as_it_was(payload):
    written = csv_text([["topic", "n"], [payload, -3]])
    cells = list(csv.reader(io.StringIO(written)))[1]
    assert cells == ["'" + payload, "-3"]  # the number stays a number
    assert csv_records(written)[1][1] == [payload, "-3"]


def test_signed_numbers_and_durations_stay_as_they_are():
    assert [spreadsheet_text(t) for t in ("-0:30", "+1:05", "-12", "+3.5", "0:30")] == [
        "-0:30",
        "+1:05",
        "-12",
        "+3.5",
        "0:30",
    ]
    assert spreadsheet_text("-0:30+cmd|' /C calc'!A0") == "'-0:30+cmd|' /C calc'!A0"


_no_controls = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n\r")
)


@given(_no_controls)
def test_any_text_survives_the_guard(text):
    assert unguard(spreadsheet_text(text)) == text


@given(st.lists(st.lists(_no_controls.filter(lambda t: t.strip()), min_size=1, max_size=4)))
def test_any_table_survives_a_csv_round_trip(rows):
    # A table starts with its header: that line tells comma from semicolon and tab.
    table = [["title", "notes"], *rows]
    read = csv_records(decode_table_bytes(csv_bytes(table)))
    assert [cells for _line, cells in read] == table


def test_control_characters_are_never_written():
    assert spreadsheet_text("a\x00b\x1bc\x7f") == "a\ufffdb\ufffdc\ufffd"


def test_timer_actuals_neutralise_titles_but_keep_the_signed_over_under():
    late = SegmentActual(0, '=HYPERLINK("http://x","y")', 60, 60, 0.0, 90.0, 90.0)
    early = SegmentActual(1, "-2+3", 120, 120, 90.0, 180.0, 90.0)
    rows = list(csv.reader(io.StringIO(actuals_csv([late, early]))))
    assert [row[1] for row in rows[1:]] == ['\'=HYPERLINK("http://x","y")', "'-2+3"]
    assert [row[5] for row in rows[1:]] == ["+00:30", "-00:30"]
    assert rows[1][0] == "1"


# -- decoding ----------------------------------------------------------------------------------
TABLE = "date,unit,topic\n2026-12-07,民政局,冬季救助\n"


@pytest.mark.parametrize(
    "data",
    [
        TABLE.encode("utf-8"),
        codecs.BOM_UTF8 + TABLE.encode("utf-8"),
        TABLE.encode("gbk"),  # what a Chinese Excel or WPS saves as "CSV"
        TABLE.encode("gb18030"),
        TABLE.encode("utf-16"),  # with its BOM: Excel's "Unicode text"
        codecs.BOM_UTF16_BE + TABLE.encode("utf-16-be"),
    ],
)
def test_what_excel_and_wps_save_is_decoded(data):
    assert decode_table_bytes(data) == TABLE


def test_gb18030_beyond_gbk_is_decoded():
    text = "topic\n㐀𠀀 问政\n"  # CJK Extension A and B: four bytes in GB18030
    assert decode_table_bytes(text.encode("gb18030")) == text


def test_bytes_in_no_known_encoding_are_one_problem_with_their_line():
    with pytest.raises(TableUnreadable) as caught:
        decode_table_bytes(b"topic\nok\n\xff\xff\n")
    assert [(p.line, p.fault) for p in caught.value.problems] == [(3, TableFault.NOT_TEXT)]
    assert "GB18030" in str(caught.value)


# -- what is not plain data ----------------------------------------------------------------------
def test_nul_and_control_characters_are_refused_by_line_and_column():
    assert faults("topic,notes\nok,a\x00b\nfine,\x1b[31m\n") == [
        (2, 2, TableFault.CONTROL_CHARACTER),
        (3, 2, TableFault.CONTROL_CHARACTER),
    ]


def test_tabs_and_line_breaks_in_a_cell_are_text():
    assert csv_records('topic,notes\nok,"a\tb\r\nc"\n')[1] == (2, ["ok", "a\tb\r\nc"])


def test_a_long_cell_is_refused_and_a_field_over_the_csv_limit_is_one_line():
    assert faults(f"topic\n{'长' * (CELL_CHARS_MAX + 1)}\n") == [(2, 1, TableFault.LONG_CELL)]
    with pytest.raises(TableUnreadable) as caught:
        csv_records(f"topic\n{'x' * 131_073}\n")
    (problem,) = caught.value.problems
    assert (problem.line, problem.fault) == (2, TableFault.BAD_CSV)
    assert "\n" not in str(caught.value)


def test_rows_and_columns_are_bounded():
    assert faults("n\n" + "1\n" * (ROWS_MAX + 1)) == [(ROWS_MAX + 2, 0, TableFault.TOO_MANY_ROWS)]
    assert len(csv_records("n\n" + "1\n" * ROWS_MAX)) == ROWS_MAX + 1
    wide = ",".join(["x"] * (COLUMNS_MAX + 1))
    assert faults(f"a\n{wide}\n") == [(2, COLUMNS_MAX + 1, TableFault.TOO_MANY_COLUMNS)]
    # Empty cells past the last column are residue of a spreadsheet, not data.
    assert csv_records("a" + "," * 200 + "\n")[0][1][0] == "a"


def test_a_file_full_of_problems_lists_a_bounded_number():
    with pytest.raises(TableUnreadable) as caught:
        csv_records("a\n" + "\x00\n" * 5000)
    assert len(caught.value.problems) == 100
