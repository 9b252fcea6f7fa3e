"""Units as CSV or XLSX: export, import round trip, preview, and bad rows with line and column."""

import pytest

from studio.store.schedule_files import read_table, write_table
from studio.store.unit_files import (
    UNIT_COLUMNS,
    UnitTableInvalid,
    export_units,
    import_units,
)
from studio.store.units import (
    add_official,
    list_officials,
    list_units,
    set_official_retired,
    set_unit_retired,
)


def snapshot(db):
    return list_units(db), list_officials(db)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(demo_db, tmp_path, suffix):
    housing = next(u for u in list_units(demo_db) if u.name == "住房和城乡建设局")
    set_unit_retired(demo_db, next(u.id for u in list_units(demo_db) if u.name == "长胜乡"), True)
    deputy = add_official(demo_db, housing.id, "王敏", "副局长")
    set_official_retired(demo_db, deputy.id, True)
    path = tmp_path / f"units.{suffix}"
    assert export_units(demo_db, path) == 21
    rows = read_table(path)
    assert rows[0] == list(UNIT_COLUMNS)
    assert rows[1] == [
        "住房和城乡建设局",
        "住建局",
        "department",
        "供暖、暖气、物业、老旧小区、加装电梯、公租房、房产、小区、燃气、楼顶漏水",
        "no",
        "张志强/局长",
        "王敏/副局长",
    ]
    assert [rows[-1][0], rows[-1][4]] == ["长胜乡", "yes"]
    before = snapshot(demo_db)
    done = import_units(demo_db, path)
    assert (done.added, done.changed, len(done.unchanged)) == ((), (), 21)
    assert snapshot(demo_db) == before


def test_csv_is_utf8_with_bom(demo_db, tmp_path):
    path = tmp_path / "units.csv"
    export_units(demo_db, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfname,short_name,kind")


def test_import_adds_and_changes_and_a_dry_run_writes_nothing(demo_db, tmp_path):
    path = tmp_path / "units.csv"
    write_table(
        path,
        [
            ["name", "kind", "keywords", "officials", "retired_officials"],
            ["文化旅游局", "部门", "景区，门票 文物", "林晓/局长; 陈东/副局长", ""],
            ["住房和城乡建设局", "department", "供暖、暖气", "张志强/局长；王敏/副局长", ""],
            ["民政局", "department", "", "", "赵秀兰/局长"],
            ["青山镇", "township", "青山镇 青山村 镇区", "", ""],
        ],
    )
    before = snapshot(demo_db)
    preview = import_units(demo_db, path, dry_run=True)
    assert preview.added == ("文化旅游局",)
    assert preview.changed == ("住房和城乡建设局", "民政局")
    assert preview.unchanged == ("青山镇",)
    assert snapshot(demo_db) == before
    assert import_units(demo_db, path) == preview
    units = {u.name: u for u in list_units(demo_db)}
    culture = units["文化旅游局"]
    assert (culture.short_name, culture.kind, culture.keywords) == (
        "文化旅游局",
        "department",
        ("景区", "门票", "文物"),
    )
    assert [(o.name, o.title) for o in list_officials(demo_db, culture.id)] == [
        ("林晓", "局长"),
        ("陈东", "副局长"),
    ]
    assert units["住房和城乡建设局"].short_name == "住建局"  # an empty cell keeps it
    assert units["住房和城乡建设局"].keywords == ("供暖", "暖气")
    civil = list_officials(demo_db, units["民政局"].id)
    assert [(o.name, o.retired) for o in civil] == [("赵秀兰", True)]
    assert import_units(demo_db, path, dry_run=True).added == ()


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_bad_rows_are_reported_by_line_and_column_and_nothing_is_written(demo_db, tmp_path, suffix):
    path = tmp_path / f"units.{suffix}"
    write_table(
        path,
        [
            ["name", "short_name", "kind", "retired", "officials"],
            ["文化旅游局", "文旅局", "department", "", "林晓/局长"],
            ["", "空", "department", "", ""],
            ["体育局", "体育局", "bureau", "", ""],
            ["科技局", "科" * 21, "department", "", ""],
            ["统计局", "统计局", "department", "maybe", ""],
            ["档案局", "住建局", "department", "", ""],
            ["文化旅游局", "文旅", "department", "", ""],
            ["审计局", "审计局", "department", "", "孙/局长; 孙/副局长"],
        ],
    )
    before = snapshot(demo_db)
    with pytest.raises(UnitTableInvalid) as invalid:
        import_units(demo_db, path)
    assert [str(p) for p in invalid.value.problems] == [
        "line 3, column name: the name is empty",
        "line 4, column kind: unknown kind 'bureau': department or township",
        "line 5, column short_name: the short name '"
        + "科" * 21
        + "' is longer than 20 characters",
        "line 6, column retired: 'maybe' is not yes or no",
        "line 8, column name: '文化旅游局' is also on line 2",
        "line 9, column officials: the official '孙' is listed twice",
    ]
    assert snapshot(demo_db) == before


def test_a_name_taken_by_a_stored_unit_is_a_problem(demo_db, tmp_path):
    path = tmp_path / "units.csv"
    write_table(path, [["name", "short_name", "kind"], ["档案局", "住建局", "department"]])
    with pytest.raises(UnitTableInvalid) as invalid:
        import_units(demo_db, path)
    assert [str(p) for p in invalid.value.problems] == [
        "line 2, column short_name: '住建局' is unit '住房和城乡建设局'"
    ]


@pytest.mark.parametrize(
    ("rows", "says"),
    [
        ([], "line 1: the file is empty: no header row"),
        ([["name", "colour"]], "line 1, column colour: unknown column"),
        ([["name", "short_name"]], "line 1, column kind: this column is missing"),
    ],
)
def test_bad_headers(fresh_db, tmp_path, rows, says):
    path = tmp_path / "units.csv"
    write_table(path, rows)
    with pytest.raises(UnitTableInvalid) as invalid:
        import_units(fresh_db, path)
    assert str(invalid.value.problems[0]).startswith(says)


def test_unreadable_files(fresh_db, tmp_path):
    broken = tmp_path / "units.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(UnitTableInvalid, match="line 1: not a readable workbook"):
        import_units(fresh_db, broken)
    latin = tmp_path / "units.csv"
    latin.write_bytes("name,kind\n\xe9,department\n".encode("latin-1"))
    with pytest.raises(
        UnitTableInvalid, match=r"line 2: not text in UTF-8, GB18030 \(GBK\) or UTF-16"
    ):
        import_units(fresh_db, latin)
