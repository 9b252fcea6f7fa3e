"""``studio profile show|export|import``: the demo's profile out, into an empty database, back."""

import json

from studio.cli import main
from studio.store.database import open_database
from studio.store.profile import list_accounts, load_profile


def test_show_export_and_import_into_an_empty_database(demo_db, capsys, tmp_path):
    url = str(demo_db.url)
    assert main(["profile", "show", "--db", url, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["county_name"] == "青山县"
    assert [a["account_name"] for a in shown["accounts"]] == ["青山县人民政府", "青山住建"]
    out = tmp_path / "profile.json"
    assert main(["profile", "export", "--db", url, "--out", str(out)]) == 0
    empty = f"sqlite:///{tmp_path / 'new.db'}"
    assert main(["profile", "import", str(out), "--db", empty, "--dry-run"]) == 0
    assert "would import the profile of 青山县 with 2 accounts" in capsys.readouterr().out
    assert main(["profile", "import", str(out), "--db", empty]) == 0
    db = open_database(empty)
    try:
        assert load_profile(db).county_name == "青山县"
        assert {a.identity for a in list_accounts(db)} == {
            a.identity for a in list_accounts(demo_db)
        }
    finally:
        db.close()
    assert main(["profile", "show", "--db", empty]) == 0
    assert "county:     青山县 (青山)" in capsys.readouterr().out


def test_a_file_that_is_no_profile_exits_1_and_changes_nothing(fresh_db, capsys, tmp_path):
    bad = tmp_path / "units.json"
    bad.write_text('{"format": "studio-profile", "county_name": ""}', encoding="utf-8")
    assert main(["profile", "import", str(bad), "--db", str(fresh_db.url)]) == 1
    assert "was not imported (nothing changed): the county's name is empty" in (
        capsys.readouterr().err
    )
    assert not load_profile(fresh_db).is_set
