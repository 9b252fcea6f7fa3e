"""The session's status follows the clock everywhere, at once: going live and ending show on
the Prep card, the schedule and the status bar, and an ended session reaches the Reports tab,
without a restart."""

from studio.domain.model import SessionStatus
from studio.ui import labels
from tests.conftest import DEMO_DAY
from tests.helpers.shown import shown_texts
from tests.helpers.waiting import run_until


def shown_everywhere(studio, status: SessionStatus) -> bool:
    w, word = studio.window, labels.session_status(status)
    today = w.prep.schedule.sessions_on(DEMO_DAY)
    return (
        word in w.status.session_label.text()
        and word in shown_texts(w.prep.card)
        and [s.status for s in today] == [status]
    )


def reported(studio) -> list[int]:
    return [f.session.id for f in studio.window.reports.model.records()]


def test_going_live_and_ending_show_everywhere_and_reach_the_reports(
    make_desk, demo_db, event_loop_qt
):
    loop = event_loop_qt
    studio = make_desk(demo_db)
    session_id = studio.timer.session_id
    run_until(loop, lambda: shown_everywhere(studio, SessionStatus.READY))
    assert session_id not in reported(studio)

    studio.timer.go()
    run_until(loop, lambda: shown_everywhere(studio, SessionStatus.LIVE))
    assert studio.window.prep.rundown.read_only  # what is on air is not rewritten

    studio.timer.jump(len(studio.timer.rundown.segments) - 1)
    run_until(loop, lambda: studio.timer.reading().segment_index > 0)
    studio.timer.next()  # next on the last segment ends the session
    run_until(loop, lambda: shown_everywhere(studio, SessionStatus.ENDED))
    run_until(loop, lambda: session_id in reported(studio))
