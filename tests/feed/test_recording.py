"""Session recordings: frames appended as JSONL, replayed paced or flat out."""

import asyncio
import json
import time

from studio.feed.recording import SessionRecorder, read_recording, recording_path, replay
from tests.helpers.fake_capture import run_bounded


def test_frames_are_appended_and_read_back(tmp_path):
    recorder = SessionRecorder(tmp_path / "r.jsonl")
    recorder.append("barragegrab", '{"Type":1}', 10.0)
    recorder.append("kuaishou:gov", "评论 <b>x</b>".encode(), 10.5)
    recorder.close()
    recorder.append("barragegrab", "after close is ignored", 11.0)
    with (tmp_path / "r.jsonl").open("a", encoding="utf-8") as f:
        f.write("not json\n")
    assert list(read_recording(tmp_path / "r.jsonl")) == [
        (10.0, "barragegrab", '{"Type":1}'),
        (10.5, "kuaishou:gov", "评论 <b>x</b>"),
    ]


def test_recordings_live_in_the_data_dir(private_data_dir):
    path = recording_path(7)
    assert path.parent == private_data_dir / "recordings" and path.name.startswith("session-7-")


def write(path, times):
    path.write_text(
        "".join(json.dumps({"t": t, "src": "barragegrab", "raw": str(t)}) + "\n" for t in times)
    )


def test_replay_keeps_the_pace_scaled_by_speed(tmp_path):
    write(tmp_path / "r.jsonl", [100.0, 100.2, 100.4])
    got = []

    async def body():
        started = time.monotonic()
        count = await replay(tmp_path / "r.jsonl", lambda *a: got.append(a), speed=2.0)
        return count, time.monotonic() - started

    count, took = run_bounded(body())
    assert count == 3 and [raw for _, raw, _ in got] == ["100.0", "100.2", "100.4"]
    assert 0.18 <= took < 1.0


def test_replay_flat_out_does_not_wait(tmp_path):
    write(tmp_path / "r.jsonl", [0.0, 1000.0, 2000.0])

    async def body():
        return await asyncio.wait_for(replay(tmp_path / "r.jsonl", lambda *a: None, speed=None), 1)

    assert run_bounded(body()) == 3


def test_a_recording_stops_at_its_cap_and_says_so_once(tmp_path):
    told = []
    line = len((json.dumps({"t": 1.0, "src": "barragegrab", "raw": "x" * 80}) + "\n").encode())
    recorder = SessionRecorder(
        tmp_path / "r.jsonl",
        cap_bytes=10 * line + line // 2,
        already=2 * line,  # what the session's earlier recordings take
        on_capped=lambda path, cap: told.append((path.name, cap)),
    )
    for _ in range(20):
        recorder.append("barragegrab", "x" * 80, 1.0)
    assert recorder.capped and recorder.frames == 8
    assert told == [("r.jsonl", 10 * line + line // 2)]
    assert (tmp_path / "r.jsonl").stat().st_size == 8 * line
    assert len(list(read_recording(tmp_path / "r.jsonl"))) == 8


def test_the_cap_counts_every_recording_of_the_session(private_data_dir, monkeypatch):
    from studio.feed.recording import recorded_bytes, recording_cap_bytes, recordings_dir

    (recordings_dir() / "session-7-20261202-150000.jsonl").write_bytes(b"x" * 1000)
    (recordings_dir() / "session-7-20261202-153000.jsonl").write_bytes(b"x" * 500)
    (recordings_dir() / "session-8-20261202-150000.jsonl").write_bytes(b"x" * 999)
    assert recorded_bytes(7) == 1500
    assert recording_cap_bytes() == 1 << 30
    monkeypatch.setenv("STUDIO_RECORDING_CAP_MB", "2.5")
    assert recording_cap_bytes() == int(2.5 * (1 << 20))
    monkeypatch.setenv("STUDIO_RECORDING_CAP_MB", "lots")
    assert recording_cap_bytes() == 1 << 30
