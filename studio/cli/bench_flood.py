"""``bench feed``'s flood: the window's loop lag while one client floods the Kuaishou server.

The app's window runs offscreen with the live feed serving Kuaishou on a free loopback port
(recording on, into the benchmark's folder); another process connects as a userscript that
presents the studio's key (the worst case: a refused client costs far less) and sends comments
at ``--flood-rate`` a second. Figures:

* ``flood_lag_p99_ms`` — how late a 10 ms ``QTimer`` on the GUI thread fires, 99th
  percentile, while the flood runs (goal: under 50 ms at 20,000 messages a second);
* ``flood_sent`` / ``flood_sent_per_s`` — what the flooding process managed to send;
* ``flood_stored`` — comments the store took (the rate cap lets ``SERVER_RATE_CAP`` a second
  through); ``flood_rejected`` — frames dropped over the cap, counted;
* ``flood_rss_mb_before`` / ``flood_rss_mb_after`` — the process's resident memory.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

#: The flooding client, run as ``python -c FLOODER URL RATE SECONDS``: a plain synchronous
#: WebSocket client in a process of its own, as another program on the computer would be.
FLOODER = r"""
import json, sys, time
from websockets.sync.client import connect
url, rate, seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
frames = [json.dumps({"type": "comment", "username": f"刷屏{n}", "content": f"第{n}条：暖气不热怎么办"},
                     ensure_ascii=False) for n in range(1000)]
sent = 0
with connect(url, origin="https://live.kuaishou.com", proxy=None, open_timeout=5) as ws:
    start = time.perf_counter()
    while (now := time.perf_counter()) - start < seconds:
        due = int((now - start) * rate)
        while sent < due:
            ws.send(frames[sent % 1000])
            sent += 1
        time.sleep(0.002)
print(sent)
"""


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def flood_lag(
    db: Any, session_id: int, folder: Path, rate: float, seconds: float
) -> dict[str, Any]:
    """The figures above, from a run of ``seconds`` at ``rate`` messages a second."""
    os.environ["STUDIO_DATA_DIR"] = str(folder / "data")  # the recordings go there
    from studio.cli.bench import _p99, bench_window
    from studio.cli.loop_lag import LoopLag
    from studio.feed.sources import parse_source_spec

    loop, desk, feed = bench_window(db, record=True)
    counts: dict[str, Any] = {}
    feed.countsChanged.connect(counts.update)
    secret = "bench-flood-secret-0123456789"
    lag = LoopLag(10)

    async def run() -> dict[str, Any]:
        desk.window.show()
        desk.refresh_all()
        await asyncio.sleep(0.5)
        feed.start(session_id, [parse_source_spec(f"kuaishou-server:127.0.0.1:0?secret={secret}")])
        for _ in range(100):
            if feed.runner is not None and feed.runner.kuaishou_ports:
                break
            await asyncio.sleep(0.05)
        assert feed.runner is not None and feed.runner.kuaishou_ports, "the server did not start"
        (port,) = feed.runner.kuaishou_ports
        await asyncio.sleep(0.3)
        before = _rss_mb()
        flooder = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            FLOODER,
            f"ws://127.0.0.1:{port}/gov?key={secret}",
            str(rate),
            str(seconds),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        await asyncio.sleep(0.2)  # let it connect: the lag is measured during the flood
        lag.start()
        out, err = await flooder.communicate()
        lateness = lag.stop()
        if flooder.returncode != 0:
            raise RuntimeError(f"the flooding client failed: {err.decode(errors='replace')[-300:]}")
        sent = int(out.decode().strip() or 0)
        await asyncio.sleep(1.0)  # the last batches
        after = _rss_mb()
        await feed.stop()
        await desk.shutdown()
        room = counts.get("gov", {})
        return {
            "flood_rate": rate,
            "flood_lag_p99_ms": round(_p99(lateness), 1),
            "flood_lag_max_ms": round(max(lateness, default=0.0), 1),
            "flood_sent": sent,
            "flood_sent_per_s": round(sent / seconds),
            "flood_stored": room.get("stored", 0),
            "flood_rejected": room.get("rejected", 0),
            "flood_rss_mb_before": round(before),
            "flood_rss_mb_after": round(after),
        }

    try:
        return loop.run_until_complete(run())
    finally:
        loop.close()
        asyncio.set_event_loop(None)


def main() -> None:  # pragma: no cover - a manual entry point for a quick look
    """``python -m studio.cli.bench_flood [RATE [SECONDS]]``."""
    import tempfile

    from studio.cli.bench import _demo_db

    rate = float(sys.argv[1]) if len(sys.argv) > 1 else 20_000.0
    seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    with tempfile.TemporaryDirectory(prefix="studio-flood-") as name:
        db, session_id = _demo_db(Path(name))
        try:
            print(json.dumps(flood_lag(db, session_id, Path(name), rate, seconds)))
        finally:
            db.close()


if __name__ == "__main__":
    main()
