"""The same session on a machine set to UTC and on one set to Beijing time: the same screens,
exports and commands, all in the studio's time (Asia/Shanghai), whatever the machine's zone.

Each run is a real process with its own ``TZ``: the machine's zone is read once by the C library
and by Python at start, so a subprocess is the honest way to change it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e

# Only APIs older than the studio clock, so this also shows what went wrong before it.
SESSION = r'''
import datetime as dt, json, sys
from studio.cli import timer_status
from studio.domain import rundown_clock as clock
from studio.domain.feed_event import FeedEvent, FeedEventKind
from studio.domain.model import Platform
from studio.domain.rundown_report import actuals_csv
from studio.feed.batches import IngestBatch
from studio.feed.ingest import FeedIngest
from studio.store.database import open_database
from studio.store.demo import seed_demo
from studio.store.feed_export import question_export_rows
from studio.store.feed_store import FeedStore, session_text_pipeline
from studio.store.audit_export import export_audit
from studio.store.repository import StudioRepository
from studio.store.timer_store import change_timer, load_timer
from studio.ui.timer_words import expected_end_line

DAY = dt.date(2026, 11, 26)
GO = dt.datetime(2026, 11, 26, 7, 0, 30, tzinfo=dt.timezone.utc).timestamp()  # 15:00:30 Beijing
db = open_database(f"sqlite:///{sys.argv[1]}")
seed_demo(db, DAY)
session = StudioRepository(db).session_on(DAY)
change_timer(db, session.id, clock.go, action="go", now=lambda: GO)
ingest = FeedIngest(session_text_pipeline(db), write=lambda batch: None)
comments = [
    ingest.comment_row(
        FeedEvent(
            kind=FeedEventKind.COMMENT, platform=Platform.KUAISHOU, room_key="/gov",
            msg_id=f"t{n}", received_at=GO + 60 * n, nickname="青山人", text=f"第{n}个：暖气何时来？",
        )
    )
    for n in range(1, 4)
]
FeedStore(db, session.id).write(IngestBatch(comments=comments))
snapshot = load_timer(db, session.id)
now = GO + 300
reading = clock.reading(snapshot.state, snapshot.rundown, now)
print(json.dumps({
    "timer_status": timer_status(snapshot, now),
    "official_expected_end": expected_end_line(reading),
    "actuals_csv": actuals_csv(clock.segment_actuals(snapshot.state, snapshot.rundown, now)),
    "questions": question_export_rows(db, session.id),
    "audit": [{k: v for k, v in row.items() if k != "id"} for row in export_audit(db, session.id)],
}, ensure_ascii=False))
db.close()
'''


def run_session(tmp_path: Path, machine_zone: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "STUDIO_TZ"}  # the studio's default
    env.update(TZ=machine_zone, PYTHONPATH=str(ROOT), STUDIO_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(tmp_path / f"{machine_zone.replace('/', '-')}.db")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_machine_on_utc_and_one_on_beijing_time_show_the_same_session(tmp_path):
    on_utc = run_session(tmp_path, "UTC")
    in_beijing = run_session(tmp_path, "Asia/Shanghai")
    assert on_utc == in_beijing
    status = on_utc["timer_status"]
    assert status["expected_end"].startswith("2026-11-26T16:") and status["expected_end"].endswith(
        "+08:00"
    )
    assert "16:0" in on_utc["official_expected_end"]  # not 08:00
    first = next(row for row in on_utc["questions"] if row["msg_id"] == "t1")
    assert first["received_at"] == "2026-11-26T15:01:30+08:00"
    assert on_utc["audit"][-1]["at"] == "2026-11-26T15:00:30+08:00"  # the go
    assert "2026-11-26T15:00:30+08:00" in on_utc["actuals_csv"]
    # Questions collected under the preview that morning (demo: from 09:30 studio time).
    preview = [row["received_at"] for row in on_utc["questions"] if row["channel"] == "preview"]
    assert preview and preview[0] == "2026-11-26T09:30:00+08:00"
