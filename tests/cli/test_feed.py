"""``studio ingest`` against fake capture tools and recordings; ``studio export questions``."""

import argparse
import asyncio
import csv
import io
import json
import re
import threading

import pytest
from openpyxl import load_workbook

from studio.cli.feed import add_feed_commands
from studio.feed.recording import SessionRecorder
from studio.feed.simulator import FeedSimulator, load_content
from studio.store.repository import StudioRepository
from tests.conftest import DEMO_DAY
from tests.helpers.fake_capture import (
    BarrageGrabFrames,
    BarrageGrabRoom,
    FakeBarrageGrab,
    bg_user,
)

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
# The demo county's department room, as BarrageGrab names it.
DEPT_ROOM = BarrageGrabRoom(sec_uid=load_content()["rooms"][1]["identity"])


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="studio")
    add_feed_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.run(args)


@pytest.fixture
def db_url(demo_db):
    url = str(demo_db.url)
    session_id = StudioRepository(demo_db).session_on(DEMO_DAY).id
    demo_db.close()
    return url, str(session_id)


class ToolInThread:
    """A fake BarrageGrab on its own loop and thread, since the command runs its own loop."""

    def __init__(self, frames, **kw):
        self.frames, self.kw = frames, kw
        self.ready = threading.Event()
        self.stop = None

    def __enter__(self):
        self.thread = threading.Thread(target=asyncio.run, args=(self._serve(),), daemon=True)
        self.thread.start()
        assert self.ready.wait(3)
        return self

    async def _serve(self):
        self.stop = asyncio.Event()
        self.loop = asyncio.get_running_loop()
        async with FakeBarrageGrab(self.frames, **self.kw) as tool:
            self.url = tool.url
            self.ready.set()
            await self.stop.wait()

    def __exit__(self, *exc):
        self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(3)


def test_ingest_from_a_dropping_tool_prints_a_summary(db_url, capsys):
    url, session = db_url
    bg = BarrageGrabFrames(room=DEPT_ROOM)
    frames = [bg.comment(f"{n}号楼暖气不热，我电话1391234567{n}") for n in range(5)] + ["junk"]
    with ToolInThread(frames, drop_after=2) as tool:
        code = run(
            [
                "ingest",
                "--db",
                url,
                "--session",
                session,
                "--source",
                f"barragegrab:{tool.url}",
                "--until-idle",
                "0.5",
                "--duration",
                "4",
                "--json",
            ]
        )
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["stored"] == 5 and summary["duplicates"] == 2 and summary["rejected"] == 1
    assert summary["rooms"]["dept"]["stored"] == 5


def test_ingest_replays_a_recording_flat_out(db_url, tmp_path, capsys):
    url, session = db_url
    recorder = SessionRecorder(tmp_path / "r.jsonl")
    for n, (src, raw) in enumerate(FeedSimulator(seed=5).frames(300)):
        recorder.append(src, raw, 1000.0 + n)
    recorder.close()
    code = run(
        [
            "ingest",
            "--db",
            url,
            "--session",
            session,
            "--source",
            f"replay:{tmp_path / 'r.jsonl'}@0",
            "--until-idle",
            "0.3",
            "--no-record",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "300 frames" in out and "gov:" in out and "dept:" in out


def test_ingest_refuses_a_bad_source(db_url):
    with pytest.raises(SystemExit):
        run(["ingest", "--db", db_url[0], "--source", "ftp:x"])


def test_an_unknown_session_is_refused(db_url, capsys):
    assert run(["export", "questions", "--db", db_url[0], "--session", "99999"]) == 1
    assert "no session" in capsys.readouterr().err


@pytest.fixture
def fed_db(db_url, tmp_path):
    url, session = db_url
    recorder = SessionRecorder(tmp_path / "r.jsonl")
    bg = BarrageGrabFrames(room=DEPT_ROOM)
    recorder.append("barragegrab", bg.comment('=HYPERLINK("http://x")', user=None), 1.0)
    # Viewers put phone numbers in their names as often as in their comments.
    aunt = bg_user("王阿姨13812345678", 3_051_117_652_871_042)
    recorder.append("barragegrab", bg.comment("低保怎么申请？", user=aunt), 1.5)
    for n, (src, raw) in enumerate(FeedSimulator(seed=2).frames(400)):
        recorder.append(src, raw, 2.0 + n)
    recorder.close()
    assert (
        run(
            [
                "ingest",
                "--db",
                url,
                "--session",
                session,
                "--source",
                f"replay:{tmp_path / 'r.jsonl'}@0",
                "--until-idle",
                "0.3",
                "--no-record",
            ]
        )
        == 0
    )
    return url, session


def test_export_csv_has_a_bom_and_masked_text_only(fed_db, tmp_path):
    url, session = fed_db
    out = tmp_path / "q.csv"
    assert run(["export", "questions", "--db", url, "--session", session, "--out", str(out)]) == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) > 300
    assert list(rows[0])[:8] == [
        "id",
        "room",
        "room_name",
        "room_identity",
        "platform",
        "msg_id",
        "author",
        "text",
    ]
    # Each comment's room by role, then by the account's name and the identity it came from.
    assert {(r["room"], r["room_name"]) for r in rows if r["platform"] != "manual"} == {
        ("gov", "青山县人民政府"),
        ("dept", "青山住建"),
    }
    assert not MOBILE.search(raw.decode("utf-8-sig"))
    assert any(r["author"] == "王阿姨138****5678" for r in rows)
    assert any(r["pii"] == "True" for r in rows)
    assert any(r["text"].startswith("'=HYPERLINK") for r in rows)
    assert any(int(r["cluster_size"]) > 1 for r in rows)


def test_export_jsonl_and_xlsx(fed_db, tmp_path, capsys):
    url, session = fed_db
    assert run(["export", "questions", "--db", url, "--session", session, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert not any(MOBILE.search(line) for line in lines)
    assert any(json.loads(line)["author"] == "王阿姨138****5678" for line in lines)
    first = json.loads(lines[0])
    assert set(first) >= {"id", "text", "is_question", "status", "unit", "cluster_size", "pii"}
    out = tmp_path / "q.xlsx"
    assert (
        run(
            [
                "export",
                "questions",
                "--db",
                url,
                "--session",
                session,
                "--format",
                "xlsx",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    sheet = load_workbook(out).active
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "id" and len(values) == len(lines) + 1
    texts = [row[7] for row in values[1:]]
    assert '=HYPERLINK("http://x")' in texts  # stored as text, not a formula
    assert not any(MOBILE.search(str(cell)) for row in values for cell in row)
    assert "王阿姨138****5678" in [row[6] for row in values[1:]]
    assert run(["export", "questions", "--db", url, "--session", session, "--format", "xlsx"]) == 2


@pytest.mark.sqlite_only
def test_ingest_says_at_once_when_the_disk_is_full_and_exits_non_zero(db_url, tmp_path, capsys):
    """The other side: SQLite's ``max_page_count`` held at the file's size on every write, so
    each batch meets SQLite's own "database or disk is full"; then space returns."""
    from sqlalchemy import Engine, event

    url, session = db_url
    recorder = SessionRecorder(tmp_path / "r.jsonl")
    for n, (src, raw) in enumerate(FeedSimulator(seed=9).frames(200)):
        recorder.append(src, raw, 1000.0 + n)
    recorder.close()

    def no_room(conn):
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {pages}")

    def ingest(source: str) -> int:
        options = ["--session", session, "--source", source, "--until-idle", "0.3", "--json"]
        return run(["ingest", "--db", url, *options])

    event.listen(Engine, "begin", no_room)
    try:
        code = ingest(f"replay:{tmp_path / 'r.jsonl'}@0")
    finally:
        event.remove(Engine, "begin", no_room)
    out, err = capsys.readouterr()
    full = json.loads(out)
    assert code == 3
    assert "comments cannot be stored (database or disk is full)" in err
    assert f"{full['unstored']} comments could not be stored" in err
    assert full["stored"] == 0 and full["unstored"] > 0

    # Space is back: the next start of the session stores them from the recording.
    assert ingest("kuaishou-server:127.0.0.1:0") == 0
    again = json.loads(capsys.readouterr().out)
    assert again["stored"] == full["unstored"] and again["unstored"] == 0


def test_a_room_nobody_named_is_unassigned_and_room_names_one_given_on_the_command_line(
    db_url, tmp_path, capsys
):
    from studio.store.database import open_database
    from studio.store.profile import list_accounts

    url, session = db_url
    recorder = SessionRecorder(tmp_path / "r.jsonl")
    stranger = BarrageGrabFrames(room=BarrageGrabRoom(sec_uid="MS4wLjABAAAAstranger"))
    newcomer = BarrageGrabFrames(room=BarrageGrabRoom(sec_uid="MS4wLjABAAAAnewdept"))
    recorder.append("barragegrab", stranger.comment("这是哪个直播间？"), 1.0)
    recorder.append("barragegrab", newcomer.comment("供暖什么时候开始？"), 2.0)
    recorder.close()
    replay = f"replay:{tmp_path / 'r.jsonl'}@0"
    argv = ["ingest", "--db", url, "--session", session, "--source", replay]
    assert (
        run([*argv, "--until-idle", "0.3", "--no-record", "--room", "dept=MS4wLjABAAAAnewdept"])
        == 0
    )
    capsys.readouterr()
    db = open_database(url)
    try:
        rooms = {a.identity: a for a in list_accounts(db)}
    finally:
        db.close()
    assert rooms["MS4wLjABAAAAstranger"].unassigned
    assert (rooms["MS4wLjABAAAAnewdept"].unassigned, rooms["MS4wLjABAAAAnewdept"].role) == (
        False,
        "dept",
    )
    assert run(["export", "questions", "--db", url, "--session", session, "--format", "jsonl"]) == 0
    exported = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_identity = {row["room_identity"]: row["room"] for row in exported}
    assert by_identity["MS4wLjABAAAAstranger"] == "unassigned"
    assert by_identity["MS4wLjABAAAAnewdept"] == "dept"
    with pytest.raises(SystemExit):
        run([*argv, "--room", "county=x"])


def test_ingest_leaves_a_room_another_seat_ingests_and_gives_its_rooms_back(db_url, capsys):
    from studio.store.database import open_database
    from studio.store.ingest_lease import LeaseSeat, lease_holders, take_lease

    url, session = db_url
    db = open_database(url)
    try:
        other = LeaseSeat("seat-of-li", "李明", "desk-pc")
        assert take_lease(db, "dept", other, lease_s=60) is None
        argv = ["ingest", "--db", url, "--session", session, "--no-record", "--duration", "0.2"]
        argv += ["--lease-wait", "0.3"]
        simulated = [*argv, "--source", "simulator:50"]
        assert run(simulated) == 4
        assert "room dept by 李明 (desk-pc)" in capsys.readouterr().err
        assert set(lease_holders(db)) == {"dept"}  # the free room it took is given back
        # A Kuaishou server for the county's room only leaves the department's to 李明.
        only_gov = [*argv, "--source", "kuaishou-server:127.0.0.1:0?rooms=gov", "--seat", "王芳"]
        assert run(only_gov) == 0
        assert set(lease_holders(db)) == {"dept"}
    finally:
        db.close()
