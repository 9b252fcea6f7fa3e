"""``studio units list|export|import`` through the real ``studio`` command line."""

import json

import pytest

from studio.cli import main
from studio.store.schedule_files import read_table, write_table
from studio.store.units import list_officials, list_units


@pytest.fixture
def url(demo_db):
    return str(demo_db.engine.url)


def test_list_json(url, capsys):
    assert main(["units", "list", "--db", url, "--json"]) == 0
    units = json.loads(capsys.readouterr().out)
    assert len(units) == 21
    housing = units[0]
    assert housing["name"] == "住房和城乡建设局" and housing["short_name"] == "住建局"
    assert housing["kind"] == "department" and housing["retired"] is False
    assert housing["keywords"][:2] == ["供暖", "暖气"]
    assert [(o["name"], o["title"], o["retired"]) for o in housing["officials"]] == [
        ("张志强", "局长", False)
    ]
    assert units[-1]["kind"] == "township"


def test_list_text(url, capsys):
    assert main(["units", "list", "--db", url]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("住房和城乡建设局 (住建局)  department  局长 张志强  供暖、暖气")


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_then_import_is_unchanged(url, capsys, tmp_path, suffix):
    out = tmp_path / f"units.{suffix}"
    assert main(["units", "export", "--db", url, "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote 21 unit(s) to {out}\n"
    assert read_table(out)[0][:3] == ["name", "short_name", "kind"]
    assert main(["units", "import", "--db", url, str(out)]) == 0
    assert capsys.readouterr().out == "0 unit(s) added, 0 changed, 21 unchanged\n"


def test_import_dry_run_then_for_real(url, demo_db, capsys, tmp_path):
    path = tmp_path / "units.csv"
    write_table(path, [["name", "kind", "officials"], ["文化旅游局", "部门", "林晓/局长"]])
    assert main(["units", "import", "--db", url, str(path), "--dry-run"]) == 0
    assert capsys.readouterr().out == (
        "1 unit(s) would be added, 0 would be changed, 0 unchanged\n  add: 文化旅游局\n"
    )
    assert "文化旅游局" not in {u.name for u in list_units(demo_db)}
    assert main(["units", "import", "--db", url, str(path)]) == 0
    unit = next(u for u in list_units(demo_db) if u.name == "文化旅游局")
    assert [o.name for o in list_officials(demo_db, unit.id)] == ["林晓"]


def test_a_bad_file_exits_1_with_line_and_column_and_writes_nothing(url, demo_db, capsys, tmp_path):
    path = tmp_path / "units.csv"
    write_table(
        path,
        [
            ["name", "short_name", "kind"],
            ["文化旅游局", "文旅局", "department"],
            ["科技局", "科技局", ""],
        ],
    )
    before = list_units(demo_db)
    assert main(["units", "import", "--db", url, str(path)]) == 1
    err = capsys.readouterr().err
    assert "nothing changed" in err
    assert "line 3, column kind: the kind is required: department or township" in err
    assert list_units(demo_db) == before


def test_a_missing_file_is_refused(url, capsys, tmp_path):
    assert main(["units", "import", "--db", url, str(tmp_path / "nope.csv")]) == 1
    assert "nope.csv" in capsys.readouterr().err
