"""Make the README's pictures: ``python scripts/readme_screenshots.py [DIR]`` (default docs/screenshots).

Seeds a demo studio for today, puts the session timer in each phase (normal, warning, danger,
overtime) by writing the clock's facts as if it had been started earlier, and runs the real app
with ``--screenshot`` for each; then draws today's preview-announcement posters (the portrait
one at half size, to keep the repository small). Offscreen; needs a CJK font installed.
"""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from studio.domain import rundown_clock as clock  # noqa: E402
from studio.store.database import open_database  # noqa: E402
from studio.store.models import Session  # noqa: E402
from studio.store.repository import StudioRepository  # noqa: E402
from studio.store.timer_store import change_notes, change_timer, load_timer  # noqa: E402

# (phase, seconds left in the Q&A segment, a note for the official)
PHASES = (
    ("normal", 24 * 60 + 10, ""),
    ("warning", 4 * 60 + 30, "还剩5分钟"),
    ("danger", 75, "请收尾"),
    ("overtime", -50, "请收尾"),
)


def shoot(url: str, data_dir: Path, out: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "STUDIO_DATA_DIR": str(data_dir)}
    done = subprocess.run(
        [sys.executable, "main.py", "--db", url, "--exit-after", "3", "--screenshot", str(out)],
        cwd=ROOT, env=env, check=False, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    if done.returncode:
        sys.exit(f"the app failed ({done.returncode}):\n{done.stderr[-3000:]}")


def main() -> int:
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="studio-shots-"))
    try:
        for phase, left, note in PHASES:
            url = f"sqlite:///{work / f'{phase}.db'}"
            subprocess.run(
                [sys.executable, "-m", "studio", "demo", "seed", "--db", url],
                cwd=ROOT, check=True, capture_output=True, env={**os.environ, "STUDIO_DATA_DIR": str(work)},
            )  # fmt: skip
            db = open_database(url)
            session_id = StudioRepository(db).session_on(datetime.date.today()).id
            rundown = load_timer(db, session_id).rundown
            opening, briefing, qa = (s.planned_s for s in rundown.segments[:3])
            now = time.time()
            start = now - (opening + briefing + qa - left)
            # The picture is taken now, not at 15:00: move today's slot to when the timer started.
            slot_start = datetime.datetime.fromtimestamp(start).replace(microsecond=0)
            with db.transaction() as s:
                row = s.get(Session, session_id)
                row.start = slot_start.time()
                row.end = (slot_start + datetime.timedelta(hours=1)).time()
            for at, change in (
                (start, clock.go),
                (start + opening, clock.next_segment),
                (start + opening + briefing, clock.next_segment),
            ):
                change_timer(db, session_id, change, action="shots", now=lambda at=at: at)
            if note:
                change_notes(db, session_id, lambda n, t=note: n.with_note(t), action="note")
            db.close()
            shots = work / f"shots-{phase}"
            shoot(url, work, shots)
            shutil.copy(shots / "official.png", target / f"official-{phase}.png")
            if phase == "warning":
                for name in ("desk", "prep", "rig", "referrals", "reports"):
                    shutil.copy(shots / f"{name}.png", target / f"{name}.png")
            if phase == "normal":
                shutil.copy(shots / "official.png", target / "official.png")
            print(f"{phase}: done")
        url = f"sqlite:///{work / 'posters.db'}"
        subprocess.run(
            [sys.executable, "-m", "studio", "demo", "seed", "--db", url],
            cwd=ROOT, check=True, capture_output=True, env={**os.environ, "STUDIO_DATA_DIR": str(work)},
        )  # fmt: skip
        posters(url, target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def posters(url: str, target: Path) -> None:
    """The next session's posters (announced the day before) as the announcement dialog draws
    them."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from studio.ui.prep.poster import COVER, PORTRAIT, PosterContent, draw_poster

    app = QGuiApplication.instance() or QGuiApplication([])
    db = open_database(url)
    try:
        repository, day = StudioRepository(db), datetime.date.today()
        session = None
        for ahead in range(1, 15):
            session = repository.session_on(day + datetime.timedelta(days=ahead))
            if session is not None and session.topic:
                break
    finally:
        db.close()
    content = PosterContent.of_session(session, "青山县")
    portrait = draw_poster(content, PORTRAIT)
    half = portrait.scaled(PORTRAIT / 2, Qt.AspectRatioMode.KeepAspectRatio,
                           Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    half.save(str(target / "poster-portrait.png"))
    draw_poster(content, COVER).save(str(target / "poster-cover.png"))
    del app
    print("posters: done")


if __name__ == "__main__":
    sys.exit(main())
