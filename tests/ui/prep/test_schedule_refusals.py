"""The schedule's refusals reach the operator in the interface's language: a move onto a holiday,
an edit of an ended session, a fill with nobody on the rota, a briefing note without a title."""

import datetime as dt
import re

from studio.domain.briefing import BriefingNote
from studio.domain.model import SessionStatus
from studio.domain.session_readiness import SessionEdit
from studio.store.schedule import list_sessions, rota, set_rota
from tests.conftest import DEMO_DAY
from tests.helpers.store_work import run

ENGLISH = re.compile(r"[A-Za-z]{2,}")


def _shown(view, service, loop) -> str:
    """The text of the next problem, once the schedule view shows it."""
    problems: list[str] = []
    service.problem.connect(problems.append)
    run(loop, lambda: bool(problems) and view.message.text() == problems[0])
    return problems[0]


def test_a_move_onto_a_holiday_is_refused_in_chinese(chinese, wired, event_loop_qt):
    view, service, _db = wired
    service.move(view.selected_session().id, dt.date(2026, 10, 1))
    said = _shown(view, service, event_loop_qt)
    assert said == "2026-10-01 不是工作日"


def test_an_ended_session_refuses_an_edit_in_chinese(chinese, wired, event_loop_qt):
    view, service, db = wired
    yesterday = DEMO_DAY - dt.timedelta(days=1)
    ended = list_sessions(db, yesterday, yesterday)[0]
    assert ended.status == SessionStatus.ENDED
    edit = SessionEdit(ended.unit_id, None, "改题", ended.start, ended.end, SessionStatus.PLANNED)
    service.edit(ended.id, edit)
    said = _shown(view, service, event_loop_qt)
    assert said == f"场次 {ended.id} 已结束，不能再修改"


def test_a_fill_with_every_unit_paused_is_refused_in_chinese(chinese, wired, event_loop_qt):
    view, service, db = wired
    for entry in rota(db):
        set_rota(db, entry.unit_name, paused=True)
    service.preview(dt.date(2027, 3, 1), dt.date(2027, 3, 7))  # free days, nobody to put on
    said = _shown(view, service, event_loop_qt)
    assert said == "轮值表上没有单位"


def test_briefing_notes_are_refused_note_by_note_in_chinese(chinese, wired, event_loop_qt):
    view, service, _db = wired
    notes = [BriefingNote("口径", ""), BriefingNote(" ", ""), BriefingNote("x" * 121, "")]
    service.save_briefing(view.selected_session().id, notes)
    said = _shown(view, service, event_loop_qt)
    assert said == "背景材料未保存：第 2 条材料：标题为空；第 3 条材料：标题超过 120 个字"
    assert not ENGLISH.findall(said)
