"""``studio bench feed``: the figures are produced (small run, no GUI)."""

import argparse
import json

from studio.bench import add_bench_commands


def test_bench_feed_prints_its_figures(capsys):
    parser = argparse.ArgumentParser(prog="studio")
    add_bench_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(
        ["bench", "feed", "--frames", "2000", "--seconds", "0.5", "--no-gui", "--json"]
    )
    assert args.run(args) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["frames"] == 2000 and figures["rows"] > 1000
    for key in ("frames_per_s", "floor_rows_per_s", "store_vs_floor", "batch_latency_p99_ms"):
        assert figures[key] > 0
