"""The schedule as a table: every problem reported with its line and column, or all rows valid."""

import datetime as dt

import pytest

from studio.domain.model import SessionStatus
from studio.domain.records import SessionRecord
from studio.domain.schedule_table import (
    SCHEDULE_COLUMNS,
    ScheduleTableInvalid,
    parse_schedule_rows,
    schedule_rows,
)

UNITS = {"住房和城乡建设局": 1, "住建局": 1, "民政局": 2}
HEADER = list(SCHEDULE_COLUMNS)


def test_valid_rows_with_defaults_and_blank_lines():
    rows = [
        HEADER,
        ["2026-11-26", "", "", "住建局", "张志强", "冬季供暖", "ready"],
        ["", "", "", "", "", "", ""],
        ["2026-11-27", "14:30", "15:30", "民政局", "", "", ""],
    ]
    parsed = parse_schedule_rows(rows, UNITS)
    assert [(r.line, r.date, r.unit_id) for r in parsed] == [
        (2, dt.date(2026, 11, 26), 1),
        (4, dt.date(2026, 11, 27), 2),
    ]
    assert parsed[0].start == dt.time(15) and parsed[0].status == SessionStatus.READY
    assert parsed[1].start == dt.time(14, 30) and parsed[1].status is None


def test_every_problem_has_its_line_and_column():
    rows = [
        HEADER,
        ["2026-13-01", "15:00", "16:00", "住建局", "", "", ""],
        ["2026-10-01", "16:00", "15:00", "火星局", "", "x" * 201, "done"],
        ["2026-11-26", "3pm", "", "民政局", "", "", ""],
        ["2026-11-26", "", "", "", "", "", ""],
    ]
    with pytest.raises(ScheduleTableInvalid) as caught:
        parse_schedule_rows(rows, UNITS)
    found = {(p.line, p.column) for p in caught.value.problems}
    assert found == {
        (2, "date"),
        (3, "date"),
        (3, "end"),
        (3, "unit"),
        (3, "topic"),
        (3, "status"),
        (4, "start"),
        (5, "date"),
        (5, "unit"),
    }
    assert "line 3, column date: 2026-10-01 is not a working day" in map(str, caught.value.problems)


def test_header_problems_and_empty_file():
    with pytest.raises(ScheduleTableInvalid) as caught:
        parse_schedule_rows([["date", "colour"]], UNITS)
    assert {(p.line, p.column) for p in caught.value.problems} == {(1, "unit"), (1, "colour")}
    with pytest.raises(ScheduleTableInvalid):
        parse_schedule_rows([], UNITS)


def test_export_rows_read_back():
    session = SessionRecord(
        7,
        dt.date(2026, 11, 26),
        dt.time(15),
        dt.time(16),
        1,
        "住房和城乡建设局",
        "住建局",
        "张志强",
        "局长",
        "冬季供暖",
        SessionStatus.READY,
    )
    rows = schedule_rows([session])
    assert rows[1] == [
        "2026-11-26",
        "15:00",
        "16:00",
        "住房和城乡建设局",
        "张志强",
        "冬季供暖",
        "ready",
    ]
    assert parse_schedule_rows(rows, UNITS)[0].topic == "冬季供暖"
