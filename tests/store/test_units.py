"""The directory of units and officials: add, edit, retire, restore, undo; what leaves the rota."""

import datetime as dt

import pytest

from studio.domain.model import UnitKind
from studio.store.feed_store import session_text_pipeline
from studio.store.schedule import generate_schedule, rota
from studio.store.units import (
    SHORT_NAME_MAX,
    UnitProblem,
    add_official,
    add_unit,
    edit_official,
    edit_unit,
    list_officials,
    list_units,
    restore_official,
    restore_unit,
    set_official_retired,
    set_unit_retired,
    split_keywords,
    take_back_official,
    take_back_unit,
)


def unit_named(db, name):
    return next(u for u in list_units(db) if u.name == name)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("供暖、物业", ("供暖", "物业")),
        ("供暖, 物业，停水  燃气", ("供暖", "物业", "停水", "燃气")),
        ("  供暖、、供暖 ", ("供暖",)),
        ("", ()),
    ],
)
def test_keywords_split_on_chinese_and_latin_commas_and_spaces(typed, words):
    assert split_keywords(typed) == words


def test_add_a_unit_and_an_official(fresh_db):
    unit = add_unit(fresh_db, " 文化旅游局 ", "文旅局", "department", "景区、门票 文物")
    assert (unit.name, unit.short_name, unit.kind) == ("文化旅游局", "文旅局", UnitKind.DEPARTMENT)
    assert unit.keywords == ("景区", "门票", "文物") and not unit.retired
    official = add_official(fresh_db, unit.id, "林晓", "局长")
    assert (official.name, official.title, official.unit_name) == ("林晓", "局长", "文化旅游局")
    assert list_officials(fresh_db, unit.id) == [official]
    assert list_units(fresh_db) == [unit]


@pytest.mark.parametrize(
    ("name", "short", "kind", "field", "says"),
    [
        ("  ", "x", "department", "name", "the name is empty"),
        ("文化局", "", "department", "short_name", "the short name is empty"),
        ("文化局", "文" * (SHORT_NAME_MAX + 1), "department", "short_name", "longer than 20"),
        ("文化局", "文化", "", "kind", "the kind is required"),
        ("文化局", "文化", "bureau", "kind", "unknown kind 'bureau'"),
        ("住房和城乡建设局", "住建", "department", "name", "already called '住房和城乡建设局'"),
        ("新住建", "住建局", "department", "short_name", "already called '住建局'"),
        ("住建局", "新住建", "department", "name", "already called '住建局'"),
    ],
)
def test_bad_units_are_refused_with_a_reason(demo_db, name, short, kind, field, says):
    before = list_units(demo_db)
    with pytest.raises(UnitProblem, match=says) as refused:
        add_unit(demo_db, name, short, kind, "")
    assert refused.value.field == field
    assert list_units(demo_db) == before


def test_editing_keeps_its_own_names_and_changes_the_feeds_keywords(demo_db):
    housing = unit_named(demo_db, "住房和城乡建设局")
    edited = edit_unit(
        demo_db, housing.id, housing.name, housing.short_name, "department", "暖气片"
    )
    assert edited.keywords == ("暖气片",)
    # A pipeline built after the edit (the next session's feed) routes by the new keyword.
    router = session_text_pipeline(demo_db).router
    assert router is not None
    assert router.suggest("暖气片不热") == housing.id
    with pytest.raises(UnitProblem, match="already called '民政局'"):
        edit_unit(demo_db, housing.id, "民政局", "住建局", "department", "")


def test_retired_units_leave_the_rota_the_fill_and_the_feed(demo_db):
    housing = unit_named(demo_db, "住房和城乡建设局")
    retired = set_unit_retired(demo_db, housing.id, True)
    assert retired.retired
    assert housing.id not in {e.unit_id for e in rota(demo_db)}
    created = generate_schedule(demo_db, dt.date(2026, 11, 30), dt.date(2027, 1, 31), dry_run=True)
    assert created and housing.id not in {s.unit_id for s in created}
    router = session_text_pipeline(demo_db).router
    assert router is not None and router.suggest("暖气不热") != housing.id
    assert not set_unit_retired(demo_db, housing.id, False).retired
    assert housing.id in {e.unit_id for e in rota(demo_db)}


def test_a_retired_official_is_not_put_in_the_chair(demo_db):
    housing = unit_named(demo_db, "住房和城乡建设局")
    (chief,) = list_officials(demo_db, housing.id)
    deputy = add_official(demo_db, housing.id, "王敏", "副局长")
    assert set_official_retired(demo_db, chief.id, True).retired
    planned = generate_schedule(demo_db, dt.date(2026, 11, 30), dt.date(2027, 1, 31), dry_run=True)
    assert {s.official_name for s in planned if s.unit_id == housing.id} == {"王敏"}
    # Two serving officials of a unit may not share a name; a retired namesake may exist.
    with pytest.raises(UnitProblem, match="already has an official called '王敏'"):
        add_official(demo_db, housing.id, "王敏", "科长")
    add_official(demo_db, housing.id, "张志强", "副局长")
    with pytest.raises(UnitProblem, match="already has an official called '张志强'"):
        set_official_retired(demo_db, chief.id, False)
    assert edit_official(demo_db, deputy.id, "王敏", "局长").title == "局长"
    with pytest.raises(UnitProblem, match="name is empty"):
        edit_official(demo_db, deputy.id, "", "局长")


def test_restore_puts_back_an_edit(demo_db):
    housing = unit_named(demo_db, "住房和城乡建设局")
    edit_unit(demo_db, housing.id, "住建局（新）", "住建新", "township", "")
    assert restore_unit(demo_db, housing) == housing
    (chief,) = list_officials(demo_db, housing.id)
    edit_official(demo_db, chief.id, "张强", "书记")
    assert restore_official(demo_db, chief) == chief


def test_taking_back_an_add_deletes_only_what_nothing_refers_to(demo_db):
    unit = add_unit(demo_db, "文化旅游局", "文旅局", "township", "")
    official = add_official(demo_db, unit.id, "林晓", "局长")
    assert take_back_official(demo_db, official.id)
    assert take_back_unit(demo_db, unit.id)
    assert "文化旅游局" not in {u.name for u in list_units(demo_db)}
    # A unit with sessions is retired instead.
    housing = unit_named(demo_db, "住房和城乡建设局")
    assert not take_back_unit(demo_db, housing.id)
    assert unit_named(demo_db, "住房和城乡建设局").retired
    (chief,) = list_officials(demo_db, housing.id)
    assert not take_back_official(demo_db, chief.id)
    assert list_officials(demo_db, housing.id)[0].retired


def test_unknown_ids_are_refused(fresh_db):
    with pytest.raises(UnitProblem, match="no unit with id 42"):
        set_unit_retired(fresh_db, 42, True)
    with pytest.raises(UnitProblem, match="no official with id 7"):
        set_official_retired(fresh_db, 7, True)
