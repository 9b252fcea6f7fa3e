"""LiveFeedService: sources to signals, manual entries, configured sources, clean stops."""

import asyncio
import gc
import itertools
import json
import re
import shutil
import socket
import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from studio.domain.model import Platform, RoomRole
from studio.domain.seats import Seat, SeatRole
from studio.feed.capture_client import Backoff
from studio.feed.kuaishou_server import MAX_CONNECTIONS
from studio.feed.recording import recordings_dir
from studio.feed.sources import SourceSpec
from studio.feed.userscript import stored_secret
from studio.services.live_feed import LiveFeedService
from studio.services.tasks import BackgroundTasks
from studio.store.database import open_database
from studio.store.ingest_lease import LeaseSeat, lease_holders, take_lease
from studio.store.repository import StudioRepository
from studio.ui.desk.figures_strip import FiguresStrip
from tests.conftest import DEMO_DAY
from tests.helpers.fake_capture import (
    DEPT_ROOM,
    BarrageGrabFrames,
    FakeBarrageGrab,
    UserscriptClient,
)
from tests.helpers.waiting import until

MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread():
    """After the test's qasync loop is closed, collect it here: a closed loop's Qt timer object
    freed later by the garbage collector from a worker thread leaves Qt a dangling timer."""
    yield
    gc.collect()


@pytest.fixture
def feed(qapp, demo_db, event_loop_qt):
    yield from running_service(demo_db, event_loop_qt)


@pytest.fixture
def impatient_db(demo_db_file, tmp_path):
    """The demo database with a short busy timeout: a locked write is refused at once."""
    path = tmp_path / "studio.db"
    shutil.copy(demo_db_file, path)
    db = open_database(f"sqlite:///{path}", busy_timeout_s=0.05)
    db.path = path
    yield db
    db.close()


@pytest.fixture
def impatient_feed(qapp, impatient_db, event_loop_qt):
    yield from running_service(impatient_db, event_loop_qt)


@pytest.fixture
def leased_feed(qapp, demo_db, event_loop_qt):
    """A feed whose ingest leases last half a second, renewed every tenth."""
    yield from running_service(demo_db, event_loop_qt, lease_s=0.5, renew_s=0.1, seat="王芳")


def running_service(db, event_loop_qt, **options):
    tasks = BackgroundTasks()
    service = LiveFeedService(db, tasks, backoff=Backoff(initial=0.05, maximum=0.2), **options)
    service.test_session = StudioRepository(db).session_on(DEMO_DAY).id
    service.seen = {
        "questions": [],
        "batches": 0,
        "states": [],
        "counts": [],
        "problems": [],
        "backlog": [],
    }

    def added(questions):
        service.seen["questions"].extend(questions)
        service.seen["batches"] += 1

    service.questionsAdded.connect(added)
    service.roomStateChanged.connect(
        lambda room, state: service.seen["states"].append((room, state))
    )
    service.countsChanged.connect(service.seen["counts"].append)
    service.problem.connect(service.seen["problems"].append)
    service.backlogChanged.connect(service.seen["backlog"].append)
    yield service
    event_loop_qt.run_until_complete(service.stop())
    event_loop_qt.run_until_complete(tasks.shutdown())
    # Delete the QObject here, on the GUI thread: left to the garbage collector, the cycle
    # through its connected closures could be freed from a worker thread later on.
    service.seen = None
    service.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_simulator_feeds_both_rooms_in_batches(feed, event_loop_qt, private_data_dir):
    feed.start_simulator(feed.test_session, rate=400)
    seen = feed.seen
    event_loop_qt.run_until_complete(
        until(lambda: {q.room_role for q in seen["questions"]} == {RoomRole.GOV, RoomRole.DEPT})
    )
    assert seen["batches"] < len(seen["questions"])  # batched, not one signal per comment
    assert ("gov", "connected") in seen["states"] and ("dept", "connected") in seen["states"]
    assert set(seen["counts"][-1]) >= {"gov", "dept"}
    event_loop_qt.run_until_complete(feed.stop())
    assert ("gov", "stopped") in seen["states"]
    (recording,) = recordings_dir().iterdir()
    assert recording.stat().st_size > 0
    # Nothing shown carries a viewer's mobile number.
    assert not any(MOBILE.search(q.display_text) for q in seen["questions"])


def test_a_viewer_s_seat_captures_no_room(feed, demo_db, event_loop_qt):
    demo_db.seat = Seat("赵六", SeatRole.VIEWER)  # it could store nothing it captured
    feed.start_simulator(feed.test_session, rate=400)
    event_loop_qt.run_until_complete(until(lambda: feed._tasks.running == 0))
    assert feed.runner is None and feed.seen["states"] == [] and feed.seen["problems"] == []


def test_a_capture_tool_and_the_userscript_together(feed, event_loop_qt):
    bg = BarrageGrabFrames(room=DEPT_ROOM)

    async def body():
        async with FakeBarrageGrab([bg.comment("物业不作为能换物业吗？")]) as tool:
            feed.start(
                feed.test_session,
                [SourceSpec("barragegrab", tool.url), SourceSpec("kuaishou-server", "127.0.0.1:0")],
            )
            await until(lambda: feed.runner is not None and feed.runner.kuaishou_ports)
            (port,) = feed.runner.kuaishou_ports
            script_url = f"ws://127.0.0.1:{port}/gov?key={stored_secret()}"
            async with UserscriptClient(script_url) as script:
                await script.comment("<img src=x>", "公租房排队要等多久？")
                await until(lambda: len(feed.seen["questions"]) == 2)

    event_loop_qt.run_until_complete(body())
    by_platform = {q.platform: q for q in feed.seen["questions"]}
    assert by_platform[Platform.KUAISHOU].nickname == "<img src=x>"
    assert by_platform[Platform.KUAISHOU].room_role is RoomRole.GOV
    assert by_platform[Platform.DOUYIN].display_text == "物业不作为能换物业吗？"


def kuaishou_source(role: str) -> dict[str, str]:
    return {
        "room_role": role,
        "tool": "kuaishou-server",
        "address": "127.0.0.1:0",
        "room_key": role,
    }


async def serving(feed, sources: list[dict[str, str]]) -> int:
    """Apply ``sources`` (Kuaishou rooms, one server) to the open session; the server's port."""
    await feed.open(feed.test_session)
    feed.apply_sources(sources)
    return await kuaishou_port(feed, start=False)


async def kuaishou_port(feed, start: bool = True) -> int:
    """Start a Kuaishou server for the session (unless ``start`` is False); its port."""
    if start:
        feed.start(feed.test_session, [SourceSpec("kuaishou-server", "127.0.0.1:0")])
    await until(lambda: feed.runner is not None and feed.runner.kuaishou_ports)
    (port,) = feed.runner.kuaishou_ports  # one server: every room on it
    return port


def test_the_stock_userscript_feeds_the_one_configured_kuaishou_room(feed, event_loop_qt):
    async def body():
        port = await serving(feed, [kuaishou_source("dept")])
        # The stock script: root path, no key, its hello first.
        async with UserscriptClient(f"ws://127.0.0.1:{port}") as stock:
            await stock.send({"type": "info", "content": "ws连接成功"})
            await stock.comment("快手网友", "办事大厅几点下班？")
            await until(lambda: feed.seen["questions"])

    event_loop_qt.run_until_complete(body())
    (question,) = feed.seen["questions"]
    assert question.room_role is RoomRole.DEPT and question.platform is Platform.KUAISHOU


def test_the_stock_userscripts_room_is_marked_unverified_until_ours_takes_over(
    feed, event_loop_qt, qtbot
):
    verified = []
    feed.roomVerified.connect(lambda room, ok: verified.append((room, ok)))
    strip = FiguresStrip()
    qtbot.addWidget(strip)
    strip.show_rooms(StudioRepository(feed._db).rooms())
    feed.roomVerified.connect(strip.show_verified)
    feed.roomStateChanged.connect(strip.show_state)

    async def body():
        port = await serving(feed, [kuaishou_source("dept")])
        async with UserscriptClient(f"ws://127.0.0.1:{port}") as stock:
            await stock.comment("快手网友", "办事大厅几点下班？")
            await until(lambda: verified == [("dept", False)])
            await until(lambda: strip.state_of("dept") == "connected")
            marked = strip.chip_text("dept")
            async with UserscriptClient(f"ws://127.0.0.1:{port}/dept?key={stored_secret()}"):
                await until(lambda: verified[-1] == ("dept", True))
                return marked, strip.chip_text("dept")

    marked, after = event_loop_qt.run_until_complete(body())
    assert "unverified" in marked and "unverified" not in after
    assert any("stock userscript" in p for p in feed.seen["problems"])


def test_the_feed_runs_off_the_gui_thread(feed, event_loop_qt):
    """Sockets, parsing, recording and batching: none of it on the window's loop."""

    async def body():
        await kuaishou_port(feed)

        async def names() -> set[str]:
            return {task.get_name() for task in asyncio.all_tasks()}

        on_thread = await feed.feed_thread.run(names())
        here = {task.get_name() for task in asyncio.all_tasks()}
        return on_thread, here

    on_thread, here = event_loop_qt.run_until_complete(body())
    assert {"feed ingest", "feed recording", "kuaishou-server:127.0.0.1:0"} <= on_thread
    assert not {"feed ingest", "feed recording"} & here
    assert feed.feed_thread.running
    event_loop_qt.run_until_complete(feed.stop())
    assert not feed.feed_thread.running


def test_a_crowd_of_connections_is_told_on_the_status_bar(feed, event_loop_qt):
    async def body():
        port = await kuaishou_port(feed)
        crowd = []
        try:
            for _ in range(MAX_CONNECTIONS + 10):
                sock = socket.create_connection(("127.0.0.1", port), timeout=2)
                crowd.append(sock)
            await until(lambda: any("too many connections" in p for p in feed.seen["problems"]))
            # The studio's own script still gets in.
            async with UserscriptClient(f"ws://127.0.0.1:{port}/gov?key={stored_secret()}") as s:
                await s.comment("观众", "公交几点收车？")
                await until(lambda: feed.seen["questions"])
        finally:
            for sock in crowd:
                sock.close()

    event_loop_qt.run_until_complete(body())
    told = [p for p in feed.seen["problems"] if "too many connections" in p]
    assert len(told) == 1  # once, then every hundred


def test_the_recording_cap_is_told_and_comments_are_still_stored(
    feed, event_loop_qt, private_data_dir, monkeypatch
):
    monkeypatch.setenv("STUDIO_RECORDING_CAP_MB", "0.001")  # about a kilobyte

    async def body():
        port = await kuaishou_port(feed)
        async with UserscriptClient(f"ws://127.0.0.1:{port}/gov?key={stored_secret()}") as s:
            for n in range(30):
                await s.comment(f"观众{n}", f"第{n}个问题：供暖费怎么交？")
            await until(lambda: len(feed.seen["questions"]) == 30)

    event_loop_qt.run_until_complete(body())
    assert any("no longer recorded" in p for p in feed.seen["problems"])
    (recording,) = recordings_dir().iterdir()
    assert recording.stat().st_size <= 1100


def test_with_two_kuaishou_rooms_the_stock_userscript_is_told_what_to_change(feed, event_loop_qt):
    async def body():
        port = await serving(feed, [kuaishou_source("gov"), kuaishou_source("dept")])
        async with UserscriptClient(f"ws://127.0.0.1:{port}") as stock:
            return await stock.closed()

    code, reason = event_loop_qt.run_until_complete(body())
    assert code == 1008 and "install Studio Desk's userscript" in reason


def test_manual_entries_are_stored_with_their_channel(feed, event_loop_qt):
    feed.add_manual("没有会话时", "phone")
    assert feed.seen["problems"]
    event_loop_qt.run_until_complete(feed.open(feed.test_session))
    feed.add_manual("我的电话13912345678，暖气不热", "phone", "热线来电")
    feed.add_manual("   ", "wechat")
    event_loop_qt.run_until_complete(until(lambda: feed.seen["questions"]))
    (question,) = feed.seen["questions"]
    assert question.channel == "phone" and question.platform is Platform.MANUAL
    assert "13912345678" not in question.display_text


def test_sources_are_saved_loaded_and_started(feed, event_loop_qt):
    loaded = []
    feed.sourcesLoaded.connect(loaded.append)
    sources = [
        {
            "room_role": "gov",
            "tool": "kuaishou-server",
            "address": "127.0.0.1:0",
            "room_key": "gov",
        },
    ]
    feed.save_sources(feed.test_session, sources)
    event_loop_qt.run_until_complete(until(lambda: loaded))
    feed.load_sources(feed.test_session)
    event_loop_qt.run_until_complete(until(lambda: len(loaded) == 2))
    assert loaded[1] == sources
    feed.start_configured(feed.test_session)
    event_loop_qt.run_until_complete(until(lambda: ("gov", "waiting") in feed.seen["states"]))


def test_a_kuaishou_source_is_loaded_with_its_userscript(feed, event_loop_qt):
    loaded = []
    feed.sourcesLoaded.connect(loaded.append)
    source = {"room_role": "gov", "tool": "kuaishou-server", "address": "127.0.0.1:5001"}
    feed.save_sources(feed.test_session, [source | {"room_key": "gov"}])
    event_loop_qt.run_until_complete(until(lambda: loaded))
    ((shown,),) = loaded
    assert f'"ws://127.0.0.1:5001/gov?key={stored_secret()}"' in shown["userscript"]


def test_applied_sources_are_saved_and_the_feed_restarts_on_them(feed, event_loop_qt):
    feed.apply_sources([])
    assert feed.seen["problems"]  # no session open yet
    feed.start_simulator(feed.test_session, rate=200)
    event_loop_qt.run_until_complete(until(lambda: feed.seen["questions"]))
    loaded = []
    feed.sourcesLoaded.connect(loaded.append)
    sources = [
        {
            "room_role": "dept",
            "tool": "kuaishou-server",
            "address": "127.0.0.1:0",
            "room_key": "dept",
        }
    ]
    feed.apply_sources(sources)
    event_loop_qt.run_until_complete(until(lambda: ("dept", "waiting") in feed.seen["states"]))
    assert loaded == [sources]
    assert ("gov", "stopped") in feed.seen["states"]  # the simulator was stopped


def test_counts_carry_the_audience_at_most_twice_a_second(feed, event_loop_qt):
    sent: list[float] = []
    feed.countsChanged.connect(lambda _counts: sent.append(time.monotonic()))
    feed.start_simulator(feed.test_session, rate=400)

    def audience() -> bool:
        counts = feed.seen["counts"]
        return len(sent) >= 4 and any("online" in room for room in counts[-1].values())

    event_loop_qt.run_until_complete(until(audience, timeout=8.0))
    # Batches are written ten times a second; the strip hears of them twice a second at most.
    assert min(b - a for a, b in itertools.pairwise(sent)) >= 0.45
    room = next(room for room in feed.seen["counts"][-1].values() if "online" in room)
    assert room["total_viewers"] >= room["online"] > 0
    assert {"received", "stored", "likes"} <= set(room)


def test_a_running_feed_follows_edited_routing_keywords(feed, demo_db, event_loop_qt):
    from studio.store.units import edit_unit, list_units

    loop, seen = event_loop_qt, feed.seen
    unit = next(u for u in list_units(demo_db) if u.name == "水利局")
    loop.run_until_complete(feed.open(feed.test_session))
    feed.add_manual("玻璃栈道什么时候开放？", "phone")
    loop.run_until_complete(until(lambda: len(seen["questions"]) == 1))
    assert seen["questions"][0].unit_name == ""  # no unit knows the word yet
    edit_unit(demo_db, unit.id, "水利水务局", unit.short_name, unit.kind, (*unit.keywords, "栈道"))
    feed.refresh_units()
    loop.run_until_complete(until(lambda: feed.runner.ingest.pipeline.router.suggest("栈道")))
    feed.add_manual("玻璃栈道周末开放吗？", "phone")
    loop.run_until_complete(until(lambda: len(seen["questions"]) == 2))
    assert seen["questions"][1].unit_name == "水利水务局"  # the new keyword and the new name


def hold_write_lock(path) -> sqlite3.Connection:
    """Another program holding the database's write lock (a real second connection)."""
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def release(other: sqlite3.Connection) -> None:
    other.execute("ROLLBACK")
    other.close()


def test_a_locked_database_shows_comments_waiting_and_loses_none(
    impatient_feed, impatient_db, event_loop_qt, qtbot
):
    feed, loop, seen = impatient_feed, event_loop_qt, impatient_feed.seen
    strip = FiguresStrip()
    qtbot.addWidget(strip)
    feed.backlogChanged.connect(strip.show_backlog)
    loop.run_until_complete(feed.open(feed.test_session))
    lock = hold_write_lock(impatient_db.path)
    for n in range(20):
        feed.add_manual(f"{n}号楼暖气不热，电话1391234{n:04d}", "phone", "王阿姨")
    loop.run_until_complete(until(lambda: seen["backlog"] and seen["backlog"][-1] == 20))
    assert strip.backlog.isVisibleTo(strip)
    assert strip.backlog.text() == "20 comments waiting to be stored"
    assert any("cannot be stored" in p and "locked" in p for p in seen["problems"])
    assert not seen["questions"]
    release(lock)
    loop.run_until_complete(until(lambda: len(seen["questions"]) == 20))
    # Stored in the order they were taken.
    assert [int(q.display_text.split("号")[0]) for q in seen["questions"]] == list(range(20))
    assert seen["backlog"][-1] == 0 and not strip.backlog.isVisibleTo(strip)


def test_stopping_the_feed_stores_what_it_accepted(impatient_feed, impatient_db, event_loop_qt):
    feed, loop = impatient_feed, event_loop_qt
    loop.run_until_complete(feed.open(feed.test_session))
    lock = hold_write_lock(impatient_db.path)
    for n in range(20):
        feed.add_manual(f"{n}号楼的暖气什么时候修？", "wechat")
    loop.run_until_complete(until(lambda: feed.runner.ingest.pending or feed.seen["backlog"]))
    # The lock goes while the feed stops: what was accepted is written before stop() returns.
    threading.Timer(0.5, release, (lock,)).start()
    loop.run_until_complete(feed.stop())
    with impatient_db.engine.connect() as conn:
        stored = conn.exec_driver_sql(
            "SELECT count(*) FROM question WHERE session_id = ? AND channel = 'wechat'",
            (feed.test_session,),
        ).scalar()
    assert stored == 20


def test_opening_a_session_stores_what_an_earlier_run_recorded_but_never_stored(
    feed, event_loop_qt
):
    from studio.feed.recording import SessionRecorder, is_stored

    # An earlier run of this session, killed: its recording has no "stored" mark.
    earlier = recordings_dir() / f"session-{feed.test_session}-20261126-150000.jsonl"
    recorder = SessionRecorder(earlier)
    bg = BarrageGrabFrames(room=DEPT_ROOM)
    for n in range(5):
        recorder.append("barragegrab", bg.comment(f"{n}号楼停水了"), 1_790_000_000.0 + n)
        script = json.dumps({"type": "comment", "username": "游客", "content": f"第{n}个问题"})
        recorder.append("kuaishou:gov", script, 1_790_000_010.0 + n, "rdeadk0")
    recorder.close()
    assert not is_stored(earlier)
    event_loop_qt.run_until_complete(feed.open(feed.test_session))
    event_loop_qt.run_until_complete(until(lambda: len(feed.seen["questions"]) == 10))
    event_loop_qt.run_until_complete(until(lambda: is_stored(earlier)))
    assert {q.platform for q in feed.seen["questions"]} == {Platform.DOUYIN, Platform.KUAISHOU}


def test_a_room_another_seat_ingests_is_left_to_it_until_it_dies(
    leased_feed, event_loop_qt, demo_db
):
    dead = LeaseSeat("seat-of-li", "李明", "desk-pc")
    for room in ("gov", "dept"):
        assert take_lease(demo_db, room, dead, lease_s=1.0) is None  # then never renewed
    strip = FiguresStrip()
    strip.show_rooms(StudioRepository(demo_db).rooms())
    held = []
    leased_feed.roomHeld.connect(lambda *said: held.append(said))
    leased_feed.roomHeld.connect(strip.show_holder)
    leased_feed.start_simulator(leased_feed.test_session, rate=400)
    event_loop_qt.run_until_complete(until(lambda: ("gov", "李明", "desk-pc") in held))
    assert "ingested by 李明 (desk-pc)" in strip.chip_text("gov")
    assert leased_feed.seen["questions"] == []  # not this seat's rooms: nothing ingested
    event_loop_qt.run_until_complete(
        until(
            lambda: {q.room_role for q in leased_feed.seen["questions"]}
            == {RoomRole.GOV, RoomRole.DEPT},
            timeout=15,
        )
    )
    assert ("gov", "", "") in held and ("dept", "", "") in held
    assert "ingested by" not in strip.chip_text("gov")
    assert {room: h.name for room, h in lease_holders(demo_db).items()} == {
        "gov": "王芳",
        "dept": "王芳",
    }
