"""``studio bench feed``: the figures are produced (small run, no GUI)."""

import argparse
import json

from studio.cli.bench import add_bench_commands


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


def test_bench_desk_prints_its_figures(capsys):
    """A tiny run of ``bench desk``: every figure is there, and every stored comment reached
    the feed."""
    parser = argparse.ArgumentParser(prog="studio")
    add_bench_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(
        ["bench", "desk", "--comments", "300", "--presses", "3", "--import-runs", "1", "--json"]
    )
    assert args.run(args) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["comments"] == 300 and figures["feed_rows"] == figures["stored"] > 300
    assert figures["presses"] == figures["presses_shown"] == 3  # each reached the official
    for key in (
        "import_qt_ms",
        "import_app_ms",
        "bare_start_ms",
        "desk_usable_ms",
        "desk_loaded_ms",
        "desk_vs_bare_ms",
        "start_stall_max_ms",
        "reset_ms",
        "reload_ms",
        "load_stall_max_ms",
        "load_stall_p99_ms",
        "key_to_official_p99_ms",
        "key_to_official_max_ms",
    ):
        assert isinstance(figures[key], float), key


def test_bench_feed_floods_the_window_and_the_cap_holds(qapp, tmp_path, monkeypatch):
    """A small flood (5,000 messages/s for 1 s): the figures are there, and the rate cap let
    through what it should: the burst and the rate, the rest counted as rejected."""
    from studio.cli.bench import _demo_db
    from studio.cli.bench_flood import flood_lag
    from studio.feed.tap import SERVER_RATE_CAP

    monkeypatch.setenv("STUDIO_DATA_DIR", str(tmp_path / "data"))
    db, session_id = _demo_db(tmp_path)
    try:
        figures = flood_lag(db, session_id, tmp_path, rate=5_000.0, seconds=1.0)
    finally:
        db.close()
    assert figures["flood_sent"] > 3_000
    assert SERVER_RATE_CAP.burst <= figures["flood_stored"] < figures["flood_sent"]
    assert figures["flood_rejected"] > 0
    assert figures["flood_stored"] + figures["flood_rejected"] <= figures["flood_sent"]
    assert isinstance(figures["flood_lag_p99_ms"], float)
    assert list((tmp_path / "data" / "recordings").iterdir())  # the recorder ran


def test_bench_reports_prints_its_figures(capsys, qapp):
    """A small generated year: the figures are there and the store counts what bare SQL does."""
    parser = argparse.ArgumentParser(prog="studio")
    add_bench_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(
        ["bench", "reports", "--sessions", "6", "--comments", "3000", "--json"]
    )
    assert args.run(args) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["sessions"] == 6 and figures["units_held"] == 6
    for key in ("period_s", "period_bare_s", "session_pdf_s", "session_bare_s"):
        assert figures[key] > 0
    assert figures["session_questions"] > 0


def test_bench_control_prints_its_figures(capsys):
    """A tiny run of ``bench control``: every action and change was timed, every figure is there."""
    parser = argparse.ArgumentParser(prog="studio")
    add_bench_commands(parser.add_subparsers(dest="command", required=True))
    small = ["--actions", "10", "--ws-changes", "3", "--poll-s", "0.5", "--feed-rate", "5"]
    args = parser.parse_args(["bench", "control", *small, "--cli-runs", "1", "--json"])
    assert args.run(args) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["actions"] == 10 and figures["ws_changes"] == 3
    assert figures["status_polls"] >= 1
    for key in (
        "action_p50_ms",
        "action_p99_ms",
        "ws_p50_ms",
        "ws_p99_ms",
        "gui_lag_p99_ms",
        "bare_python_ms",
        "cli_status_ms",
        "cli_vs_bare",
        "cli_api_status_ms",
        "cli_api_vs_bare",
    ):
        assert isinstance(figures[key], float), key


def test_bench_seats_prints_its_figures(capsys, qapp, pg_cluster):
    """A tiny run of ``bench seats`` on its own throwaway cluster: every move reached both
    other seats, every missed comment came back, the feed's figures are there."""
    parser = argparse.ArgumentParser(prog="studio")
    add_bench_commands(parser.add_subparsers(dest="command", required=True))
    small = ["--moves", "6", "--missed", "300", "--disconnect-s", "0.2", "--frames", "2000"]
    args = parser.parse_args(["bench", "seats", *small, "--runs", "1", "--json"])
    assert args.run(args) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["seats"] == 3 and figures["moves"] == 6 and figures["catchup_changes"] == 300
    for key in ("move_seen_p50_ms", "move_seen_p99_ms", "catchup_s", "pg_store_rows_per_s"):
        assert figures[key] > 0, key
    assert figures["pg_floor_rows_per_s"] > 0 and figures["pg_comments"] > 1000
