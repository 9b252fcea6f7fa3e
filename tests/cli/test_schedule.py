"""``studio schedule list|generate``, through a parser built like studio.cli builds its own."""

import argparse
import json

import pytest

from studio.cli.schedule import add_schedule_commands


def run(argv):
    parser = argparse.ArgumentParser(prog="studio")
    add_schedule_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.run(args)


@pytest.fixture
def url(demo_db):
    return str(demo_db.engine.url)


def test_list_json(url, capsys):
    assert (
        run(
            [
                "schedule",
                "list",
                "--db",
                url,
                "--from",
                "2026-11-26",
                "--to",
                "2026-11-27",
                "--json",
            ]
        )
        == 0
    )
    sessions = json.loads(capsys.readouterr().out)
    assert [s["date"] for s in sessions] == ["2026-11-26", "2026-11-27"]
    today = sessions[0]
    assert today["start"] == "15:00" and today["end"] == "16:00"
    assert today["unit"] == "住房和城乡建设局"
    assert today["official"] == "张志强"
    assert today["topic"] == "冬季供暖保障与老旧小区改造"
    assert today["status"] == "ready"


def test_list_text(url, capsys):
    assert run(["schedule", "list", "--db", url, "--from", "2026-11-26", "--to", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    assert "2026-11-26" in out and "住房和城乡建设局" in out and "冬季供暖" in out


def test_generate_dry_run_then_for_real(url, capsys):
    argv = ["schedule", "generate", "--db", url, "--from", "2026-11-30", "--weeks", "4"]
    assert run([*argv, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("would create 16 session(s) from 2026-11-30 to 2026-12-27")
    assert (
        run(
            [
                "schedule",
                "list",
                "--db",
                url,
                "--from",
                "2026-12-07",
                "--to",
                "2026-12-27",
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out) == []
    assert run(argv) == 0
    assert capsys.readouterr().out.startswith("created 16 session(s)")
    assert run([*argv, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_generate_refusals(url, capsys):
    argv = ["schedule", "generate", "--db", url, "--from", "2026-11-30"]
    assert run([*argv, "--weeks", "0"]) == 1
    assert "weeks" in capsys.readouterr().err
    assert run([*argv, "--weeks", "1", "--pause", "火星局"]) == 1
    assert "火星局" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        run([*argv, "--weeks", "1", "--weight", "城管局=x"])


def test_export_and_import(url, tmp_path, capsys):
    out = tmp_path / "plan.xlsx"
    argv = ["schedule", "export", "--db", url, "--from", "2026-11-23", "--to", "2026-11-27"]
    assert run([*argv, "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote 5 session(s) to {out}\n"
    assert run(["schedule", "import", str(out), "--db", url]) == 0
    assert capsys.readouterr().out == "0 session(s) created, 0 updated, 5 unchanged\n"
    plan = tmp_path / "plan.csv"
    plan.write_text("date,unit,topic\n2026-12-28,民政局,冬季救助\n", encoding="utf-8")
    assert run(["schedule", "import", str(plan), "--db", url, "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("1 session(s) would be created")
    assert run(["schedule", "import", str(plan), "--db", url]) == 0
    assert capsys.readouterr().out.startswith("1 session(s) created")


def test_import_of_a_bad_file_lists_problems_and_changes_nothing(url, tmp_path, capsys):
    plan = tmp_path / "plan.csv"
    plan.write_text("date,unit\n2026-12-28,民政局\n2026-12-32,火星局\n", encoding="utf-8")
    assert run(["schedule", "import", str(plan), "--db", url]) == 1
    err = capsys.readouterr().err
    assert "nothing changed" in err
    assert "line 3, column date" in err and "line 3, column unit" in err
    assert (
        run(
            [
                "schedule",
                "list",
                "--db",
                url,
                "--from",
                "2026-12-28",
                "--to",
                "2026-12-28",
                "--json",
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out) == []
    assert run(["schedule", "import", str(tmp_path / "nope.csv"), "--db", url]) == 1
    assert "nope.csv" in capsys.readouterr().err


def test_rota_pause_weight_and_generate_uses_it(url, capsys):
    argv = ["schedule", "rota", "--db", url]
    assert run([*argv, "--pause", "民政局", "--note", "局长外出学习", "--weight", "城管局=2"]) == 0
    out = capsys.readouterr().out
    assert "民政局  paused  (局长外出学习)" in out and "城市管理综合执法局  weight 2" in out
    gen = ["schedule", "generate", "--db", url, "--from", "2027-03-01", "--weeks", "8", "--json"]
    assert run(gen) == 0
    units = [s["unit"] for s in json.loads(capsys.readouterr().out)]
    assert "民政局" not in units
    assert units.count("城市管理综合执法局") > max(
        units.count(u) for u in set(units) - {"城市管理综合执法局"}
    )
    assert run([*argv, "--resume", "民政局", "--json"]) == 0
    entries = {e["unit"]: e for e in json.loads(capsys.readouterr().out)}
    assert entries["民政局"] == {"unit": "民政局", "weight": 1.0, "paused": False, "note": ""}
    assert run([*argv, "--pause", "火星局"]) == 1
    assert "火星局" in capsys.readouterr().err
