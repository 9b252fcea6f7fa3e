"""Rundown CSV files: what a good file yields, every problem of a bad one with its line, and the
round trip (what we write, we read back unchanged)."""

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studio.domain.model import SegmentKind
from studio.domain.rundown_csv import (
    CSV_MAX_BYTES,
    DURATION_MAX_S,
    TITLE_MAX,
    CsvProblem,
    Problem,
    RundownCsvInvalid,
    SegmentDraft,
    format_rundown_csv,
    read_rundown_csv,
    rundown_csv_bytes,
    segment_problems,
)
from studio.domain.rundown_plan import DEFAULT_DAILY_RUNDOWN, PlannedSegment

GOOD = (
    "title,kind,duration,warning,danger,notes\n"
    "开场,opening,03:00,01:00,00:30,问候网友\n"
    "政策解读,briefing,12:00,,,\n"
    '网友提问,qa,35:00,05:00,02:00,"按队列回答,\n个案转办"\n'
)


def problems_of(data) -> list[tuple[int, str, Problem]]:
    with pytest.raises(RundownCsvInvalid) as caught:
        read_rundown_csv(data)
    return [(p.line, p.column, p.code) for p in caught.value.problems]


# -- good files --------------------------------------------------------------------------------
def test_a_good_file_gives_its_segments_in_order_with_defaults():
    drafts = read_rundown_csv(GOOD)
    assert drafts == [
        SegmentDraft("开场", SegmentKind.OPENING, 180, 60, 30, "问候网友"),
        SegmentDraft("政策解读", SegmentKind.BRIEFING, 720, 120, 60, ""),
        SegmentDraft("网友提问", SegmentKind.QA, 2100, 300, 120, "按队列回答,\n个案转办"),
    ]


def test_utf8_with_bom_crlf_chinese_headers_and_words_any_column_order():
    text = (
        "提示,时长,类型,标题,紧急,提醒\r\n"
        "感谢网友,3:00,结束语,结束语,0:30,1:00\r\n"
        ",7:00,转办回音,转办回音,,\r\n"
        "说明,90,其他,插播,,\r\n"
    )
    drafts = read_rundown_csv(codecs.BOM_UTF8 + text.encode())
    assert [(d.title, d.kind, d.planned_s, d.warning_s, d.danger_s, d.notes) for d in drafts] == [
        ("结束语", SegmentKind.CLOSING, 180, 60, 30, "感谢网友"),
        ("转办回音", SegmentKind.REPORT_BACK, 420, 120, 60, ""),
        ("插播", SegmentKind.OTHER, 90, 120, 60, "说明"),
    ]


def test_headers_and_kinds_ignore_case_and_the_optional_columns_may_be_left_out():
    drafts = read_rundown_csv("Title, KIND ,Duration\nQ,QA,1:00\nR,Report-Back,2:00\n")
    assert [(d.kind, d.warning_s, d.danger_s, d.notes) for d in drafts] == [
        (SegmentKind.QA, 120, 60, ""),
        (SegmentKind.REPORT_BACK, 120, 60, ""),
    ]


def test_blank_lines_and_spreadsheet_residue_are_not_segments():
    text = "title,kind,duration,,\n\nA,qa,1:00,,\n,,,,\nB,qa,2:00\n\n"
    assert [d.title for d in read_rundown_csv(text)] == ["A", "B"]


def test_semicolon_and_tab_separated_files_are_read_too():
    assert read_rundown_csv("title;kind;duration\nA;qa;1:00\n")[0].planned_s == 60
    assert read_rundown_csv("title\tkind\tduration\nA\tqa\t1:00\n")[0].planned_s == 60


# -- bad files: every problem, with its line -------------------------------------------------
def test_every_bad_row_is_reported_with_its_line_and_column():
    text = (
        "title,kind,duration,warning,danger,notes\n"  # 1
        "开场,opening,03:00,01:00,00:30,\n"  # 2 good
        ",qa,5分钟,,,\n"  # 3 empty title, bad duration
        "A,interview,00:00,,,\n"  # 4 unknown kind, zero duration
        "B,qa,01:00,00:30,01:00,\n"  # 5 danger above warning
        "C,qa,01:00\n"  # 6 too few cells
        "D,qa,01:00,,,,extra\n"  # 7 too many cells
        'E,qa,01:00,,,"two\n'  # 8 a note over two lines …
        'lines"\n'  # 9
        "F,qa,01:00,x,1:99,\n"  # 10 both thresholds bad, not blamed for their order
        f"{'长' * (TITLE_MAX + 1)},qa,25:00:00,,,\n"  # 11 too long, too long
    )
    assert problems_of(text) == [
        (3, "title", Problem.EMPTY_TITLE),
        (3, "duration", Problem.BAD_DURATION),
        (4, "kind", Problem.UNKNOWN_KIND),
        (4, "duration", Problem.ZERO_DURATION),
        (5, "danger", Problem.DANGER_ABOVE_WARNING),
        (6, "", Problem.CELL_COUNT),
        (7, "", Problem.CELL_COUNT),
        (10, "warning", Problem.BAD_DURATION),
        (10, "danger", Problem.BAD_DURATION),
        (11, "title", Problem.LONG_TITLE),
        (11, "duration", Problem.LONG_DURATION),
    ]


def test_a_row_after_a_multiline_note_is_reported_on_its_own_line():
    text = 'title,kind,duration,notes\nA,qa,1:00,"one\ntwo\nthree"\nB,nope,1:00,\n'
    assert problems_of(text) == [(5, "kind", Problem.UNKNOWN_KIND)]


def test_problems_carry_the_culprit_and_an_english_message():
    with pytest.raises(RundownCsvInvalid) as caught:
        read_rundown_csv("title,kind,duration\nA,qa,1:00,x\n")
    (problem,) = caught.value.problems
    assert problem == CsvProblem(2, "", Problem.CELL_COUNT, "4", "3")
    assert problem.message == "line 2: 4 cells, but the header has 3"
    assert "line 2" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("", [(1, "", Problem.EMPTY_FILE)]),
        (b"\xef\xbb\xbf\r\n\r\n", [(1, "", Problem.EMPTY_FILE)]),
        (",,,\n", [(1, "", Problem.EMPTY_FILE)]),
        ("title,kind,duration\n", [(1, "", Problem.NO_ROWS)]),
        ("\n\ntitle,kind,duration\n\n", [(3, "", Problem.NO_ROWS)]),
        ("开场,opening,03:00\n", [(1, "", Problem.NO_HEADER)]),
        (
            "title,kind,length,notes,notes\nA,qa,1:00,,\n",
            [
                (1, "", Problem.UNKNOWN_COLUMN),
                (1, "notes", Problem.DUPLICATE_COLUMN),
                (1, "duration", Problem.MISSING_COLUMN),
            ],
        ),
        ('title,kind,duration\nA,qa,1:00\n"B,qa,1:00\n', [(3, "", Problem.BAD_CSV)]),
        ('title,kind,duration\nA,qa,"1:00"x\n', [(2, "", Problem.BAD_CSV)]),
        (
            b"title,kind,duration\nA,qa,1:00\n" + b"\xff\xff,qa,1:00\n",
            [(3, "", Problem.NOT_TEXT)],  # neither UTF-8 nor GB18030
        ),
        (b"\xff\xfet\x00i\x00t", [(1, "", Problem.NOT_TEXT)]),  # UTF-16, cut in a character
        (
            b"title,kind,duration\n" + b"A,qa,1:00\n" * (CSV_MAX_BYTES // 10),
            [(1, "", Problem.TOO_LARGE)],
        ),
    ],
)
def test_files_that_are_not_a_rundown_at_all(data, expected):
    assert problems_of(data) == expected


def test_the_editor_s_rules_are_the_same_as_the_file_s():
    assert segment_problems("A", 60, 120, 60) == []
    assert [p.code for p in segment_problems("", 0, 30, 60)] == [
        Problem.EMPTY_TITLE,
        Problem.ZERO_DURATION,
        Problem.DANGER_ABOVE_WARNING,
    ]
    assert [p.code for p in segment_problems("a\nb", DURATION_MAX_S + 1, 0, 0)] == [
        Problem.MULTILINE_TITLE,
        Problem.LONG_DURATION,
    ]


# -- drafts ------------------------------------------------------------------------------------
def test_a_draft_keeps_the_clock_s_invariants_and_becomes_a_planned_segment():
    with pytest.raises(ValueError, match="danger"):
        SegmentDraft("A", SegmentKind.QA, 60, warning_s=30, danger_s=60)
    with pytest.raises(ValueError, match="negative"):
        SegmentDraft("A", SegmentKind.QA, -1)
    plan = DEFAULT_DAILY_RUNDOWN[2]
    draft = SegmentDraft.from_planned(plan, notes="按队列")
    assert draft.notes == "按队列"
    assert draft.to_planned() == plan
    assert isinstance(draft.to_planned(), PlannedSegment)


# -- writing and reading back ------------------------------------------------------------------
def test_the_written_file_opens_in_excel_and_reads_back():
    drafts = [SegmentDraft.from_planned(p, notes="第一行\n第二行") for p in DEFAULT_DAILY_RUNDOWN]
    data = rundown_csv_bytes(drafts)
    assert data.startswith(codecs.BOM_UTF8)
    text = data[3:].decode("utf-8")
    assert text.startswith(
        "title,kind,duration,warning,danger,notes\r\n开场,opening,03:00,01:00,00:30,"
    )
    assert read_rundown_csv(data) == drafts


def test_formulas_are_written_as_text_and_read_back_as_they_were():
    drafts = [
        SegmentDraft('=HYPERLINK("x")', SegmentKind.QA, 60, notes="-3 分钟"),
        SegmentDraft("'quoted", SegmentKind.QA, 60, notes="@all"),
        SegmentDraft("''=", SegmentKind.QA, 60, notes="+1"),
    ]
    text = format_rundown_csv(drafts)
    assert "'=HYPERLINK" in text and "'-3 分钟" in text and "'@all" in text
    assert read_rundown_csv(text) == drafts


# Control characters (but tab and line feed) are never written: see test_table_text.py.
_text = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\t\n"), max_size=40
)
_title = _text.map(lambda t: " ".join(t.split())[:TITLE_MAX]).filter(bool)
_notes = _text.map(lambda t: t.replace("\r", "").strip())
_seconds = st.integers(min_value=0, max_value=DURATION_MAX_S)


@st.composite
def drafts(draw) -> SegmentDraft:
    warning, danger = sorted(draw(st.lists(_seconds, min_size=2, max_size=2)), reverse=True)
    return SegmentDraft(
        draw(_title),
        draw(st.sampled_from(SegmentKind)),
        draw(st.integers(min_value=1, max_value=DURATION_MAX_S)),
        warning,
        danger,
        draw(_notes),
    )


@given(st.lists(drafts(), min_size=1, max_size=8))
def test_any_rundown_survives_the_round_trip(rundown):
    assert read_rundown_csv(rundown_csv_bytes(rundown)) == rundown
    assert read_rundown_csv(format_rundown_csv(rundown)) == rundown


# -- what Excel and WPS save, and what is not plain data ----------------------------------------
@pytest.mark.parametrize(
    "data",
    [
        "标题,类型,时长\r\n开场,开场,3:00\r\n".encode("gbk"),  # a Chinese Excel's "CSV"
        "标题\t类型\t时长\r\n开场\t开场\t3:00\r\n".encode("utf-16"),  # its "Unicode text"
    ],
)
def test_a_chinese_excel_file_is_read(data):
    assert read_rundown_csv(data) == [SegmentDraft("开场", SegmentKind.OPENING, 180)]


def test_control_characters_and_long_cells_are_refused_by_line_and_column():
    data = (
        "title,kind,duration,notes\n"
        "开\x00场,opening,3:00,\n"
        f"问答,qa,30:00,{'注' * 2001}\n"
    )
    assert problems_of(data) == [
        (2, "title", Problem.CONTROL_CHARACTER),
        (3, "notes", Problem.LONG_CELL),
    ]
