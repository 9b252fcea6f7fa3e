"""Writing the schedule: fill from the rota, keep what exists, move a session, undo a fill."""

import datetime as dt
import itertools
from collections import Counter

import pytest

from studio.domain.briefing import BriefingNote
from studio.domain.calendar import working_days
from studio.domain.model import SessionStatus
from studio.domain.schedule_table import ScheduleTableInvalid
from studio.store.briefing import BriefingRefused, briefing_notes, save_briefing_notes
from studio.store.repository import StudioRepository
from studio.store.schedule import (
    ScheduleProblem,
    generate_schedule,
    list_sessions,
    move_session,
    remove_planned_sessions,
    rota,
    set_rota,
)
from studio.store.schedule_files import export_schedule, import_schedule, read_table, write_table

FIRST, LAST = dt.date(2026, 11, 23), dt.date(2026, 12, 20)


def test_fill_keeps_existing_sessions_and_fills_every_free_working_day(demo_db):
    before = list_sessions(demo_db, FIRST, LAST)
    created = generate_schedule(demo_db, FIRST, LAST)
    after = list_sessions(demo_db, FIRST, LAST)
    assert {s.id for s in before} <= {s.id for s in after}
    assert [s.date for s in after] == list(working_days(FIRST, LAST))
    assert {s.date for s in created}.isdisjoint({s.date for s in before})
    assert all(s.status == SessionStatus.PLANNED and s.topic == "" for s in created)
    assert all(s.id > 0 and s.official_name for s in created)
    for a, b in itertools.pairwise(after):
        if a.id in {c.id for c in created} or b.id in {c.id for c in created}:
            assert a.unit_id != b.unit_id
    # Once full, a second fill creates nothing.
    assert generate_schedule(demo_db, FIRST, LAST) == []


def test_dry_run_writes_nothing_and_pause_and_weight(demo_db):
    units = StudioRepository(demo_db).units()
    planned = generate_schedule(
        demo_db,
        dt.date(2027, 1, 4),
        dt.date(2027, 3, 28),
        paused=[units[0].name],
        weights={units[1].short_name: 3.0},
        dry_run=True,
    )
    assert planned and all(s.id == 0 for s in planned)
    assert list_sessions(demo_db, dt.date(2027, 1, 1), dt.date(2027, 3, 31)) == []
    counts = Counter(s.unit_id for s in planned)
    assert units[0].id not in counts
    assert counts[units[1].id] > max(n for u, n in counts.items() if u != units[1].id)


def test_unknown_unit_is_refused(demo_db):
    with pytest.raises(ScheduleProblem, match="no unit"):
        generate_schedule(demo_db, FIRST, LAST, paused=["火星局"])


def test_undo_removes_only_untouched_planned_sessions(demo_db):
    created = generate_schedule(demo_db, dt.date(2027, 1, 4), dt.date(2027, 1, 8))
    ids = [s.id for s in created]
    moved = move_session(demo_db, ids[0], dt.date(2027, 1, 11))
    assert moved.date == dt.date(2027, 1, 11) and moved.unit_id == created[0].unit_id
    old = list_sessions(demo_db, FIRST, FIRST + dt.timedelta(days=1))
    assert remove_planned_sessions(demo_db, [*ids, old[0].id]) == ids
    assert list_sessions(demo_db, dt.date(2027, 1, 1), dt.date(2027, 1, 31)) == []
    assert list_sessions(demo_db, FIRST, FIRST + dt.timedelta(days=1)) == old


def test_move_keeps_content_and_refuses_bad_days(demo_db):
    repo = StudioRepository(demo_db)
    today = repo.session_on(dt.date(2026, 11, 26))
    free = dt.date(2026, 12, 30)
    moved = move_session(demo_db, today.id, free)
    assert (moved.topic, moved.unit_name, moved.official_name) == (
        today.topic,
        today.unit_name,
        today.official_name,
    )
    assert len(repo.segments(today.id)) > 0
    with pytest.raises(ScheduleProblem, match="not a working day"):
        move_session(demo_db, today.id, dt.date(2027, 1, 2))
    busy = repo.session_on(dt.date(2026, 11, 27))
    with pytest.raises(ScheduleProblem, match="already has"):
        move_session(demo_db, today.id, busy.date)
    ended = repo.session_on(dt.date(2026, 11, 20))
    with pytest.raises(ScheduleProblem, match="stays"):
        move_session(demo_db, ended.id, free)
    with pytest.raises(ScheduleProblem, match="no session"):
        move_session(demo_db, 99999, free)


# -- import and export ---------------------------------------------------------------------
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_then_import_round_trip(demo_db, tmp_path, suffix):
    path = tmp_path / f"schedule.{suffix}"
    assert export_schedule(demo_db, FIRST, LAST, path) == len(list_sessions(demo_db, FIRST, LAST))
    rows = read_table(path)
    assert rows[0] == ["date", "start", "end", "unit", "official", "topic", "status"]
    before = list_sessions(demo_db, FIRST, LAST)
    done = import_schedule(demo_db, path)
    assert done.created == done.updated == () and len(done.unchanged) == len(before)
    assert list_sessions(demo_db, FIRST, LAST) == before


def test_import_creates_and_updates_keeping_the_rundown(demo_db, tmp_path):
    repo = StudioRepository(demo_db)
    today = repo.session_on(dt.date(2026, 11, 26))
    path = tmp_path / "plan.csv"
    write_table(
        path,
        [
            ["date", "unit", "topic"],
            ["2026-11-26", "住建局", "新主题"],
            ["2026-12-28", "民政局", "冬季救助"],
        ],
    )
    assert import_schedule(demo_db, path, dry_run=True).created == (dt.date(2026, 12, 28),)
    assert repo.session_on(dt.date(2026, 12, 28)) is None
    done = import_schedule(demo_db, path)
    assert done.updated == (dt.date(2026, 11, 26),)
    updated = repo.session_on(dt.date(2026, 11, 26))
    assert (updated.id, updated.topic, updated.official_name) == (today.id, "新主题", "张志强")
    assert len(repo.segments(today.id)) == 5
    new = repo.session_on(dt.date(2026, 12, 28))
    assert (new.unit_name, new.official_name, new.topic) == ("民政局", "赵秀兰", "冬季救助")


def test_a_bad_file_changes_nothing(demo_db, tmp_path):
    path = tmp_path / "bad.xlsx"
    write_table(
        path,
        [
            ["date", "unit", "official", "topic"],
            ["2026-12-28", "民政局", "", "ok"],
            ["2026-12-29", "民政局", "张志强", ""],
            ["2026-11-20", "民政局", "", ""],
        ],
    )
    before = list_sessions(demo_db, FIRST, dt.date(2026, 12, 31))
    with pytest.raises(ScheduleTableInvalid) as caught:
        import_schedule(demo_db, path)
    assert [(p.line, p.column) for p in caught.value.problems] == [(3, "official"), (4, "date")]
    assert list_sessions(demo_db, FIRST, dt.date(2026, 12, 31)) == before
    not_text = tmp_path / "x.csv"
    not_text.write_bytes(b"\xff\xfe\x00")  # a UTF-16 BOM, then half a character
    with pytest.raises(ScheduleTableInvalid, match="line 1: not text in UTF-8"):
        import_schedule(demo_db, not_text)


def test_rota_settings_are_kept_and_used(demo_db):
    units = StudioRepository(demo_db).units()
    set_rota(demo_db, units[0].name, paused=True, note="外出学习")
    set_rota(demo_db, units[1].short_name, weight=2.5)
    entries = {e.unit_id: e for e in rota(demo_db)}
    assert entries[units[0].id].paused and entries[units[0].id].note == "外出学习"
    assert entries[units[1].id].weight == 2.5 and not entries[units[1].id].paused
    assert entries[units[2].id].weight == 1.0
    planned = generate_schedule(demo_db, dt.date(2027, 1, 4), dt.date(2027, 2, 26), dry_run=True)
    assert len({s.unit_id for s in planned}) == len(units) - 1
    assert units[0].id not in {s.unit_id for s in planned}
    with pytest.raises(ScheduleProblem, match="positive"):
        set_rota(demo_db, units[1].name, weight=0)
    with pytest.raises(ScheduleProblem, match="no unit"):
        set_rota(demo_db, "火星局", paused=True)


# -- briefing notes ------------------------------------------------------------------------
def test_briefing_notes_are_saved_whole_and_move_with_the_session(demo_db):
    repo = StudioRepository(demo_db)
    today = repo.session_on(dt.date(2026, 11, 26))
    assert briefing_notes(demo_db, today.id)[0].title == "口径：供暖收费"  # the demo's
    notes = [
        BriefingNote("口径：供暖收费", "按面积收费，标准不变。"),
        BriefingNote("数据", "改造12个小区"),
    ]
    save_briefing_notes(demo_db, today.id, notes)
    assert briefing_notes(demo_db, today.id) == notes
    save_briefing_notes(demo_db, today.id, notes[1:])
    assert briefing_notes(demo_db, today.id) == notes[1:]
    move_session(demo_db, today.id, dt.date(2026, 12, 30))
    assert briefing_notes(demo_db, today.id) == notes[1:]
    with pytest.raises(BriefingRefused, match="title is empty"):
        save_briefing_notes(demo_db, today.id, [BriefingNote(" ", "x")])
    with pytest.raises(BriefingRefused, match="no session"):
        save_briefing_notes(demo_db, 99999, notes)
    assert briefing_notes(demo_db, today.id) == notes[1:]
