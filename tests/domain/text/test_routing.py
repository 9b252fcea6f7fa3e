"""UnitRouter: which unit a question is for, from routing keywords."""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.domain.text.routing import UnitRouter, load_routing_keywords

DEFAULT_KEYWORDS = Path(__file__).parents[3] / "resources" / "rules" / "routing_keywords.toml"

CHENGGUAN, MINZHENG, JIAOYU, RENSHE, JIAOTONG = 1, 2, 3, 4, 5


@pytest.fixture(scope="module")
def router() -> UnitRouter:
    return UnitRouter(
        [
            (CHENGGUAN, ["路灯", "绿化", "垃圾清运", "占道经营"]),
            (MINZHENG, ["低保", "特困", "养老院", "补贴"]),
            (JIAOYU, ["学校", "幼儿园", "校车", "上学"]),
            (RENSHE, ["养老保险", "城乡居民养老保险", "欠薪", "补贴"]),
            (JIAOTONG, ["红绿灯", "公交", "修路"]),
        ]
    )


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("我们小区路灯坏了半个月", CHENGGUAN),
        ("我們小區的路燈壞了", CHENGGUAN),  # traditional characters
        ("綠化帶裡全是垃圾", CHENGGUAN),
        ("低保怎么申请", MINZHENG),
        ("學校什麼時候開學", JIAOYU),
        ("孩子上学要校车", JIAOYU),
        ("城乡居民养老保险一年交多少", RENSHE),  # the longest keyword wins over "养老院"-like
        ("欠薪找谁", RENSHE),
        ("学校门口装红绿灯", JIAOTONG),  # 红绿灯 (3) outweighs 学校 (2)
        ("补贴什么时候发", MINZHENG),  # shared keyword: the unit listed first
        ("路 灯 坏 了", CHENGGUAN),  # separators between characters
        ("今天天气不错", None),
        ("", None),
    ],
)
def test_suggest(router: UnitRouter, text: str, unit: int | None) -> None:
    assert router.suggest(text) == unit


def test_more_keywords_beat_one() -> None:
    router = UnitRouter([(1, ["学校"]), (2, ["路灯", "修路"])])
    assert router.suggest("学校旁边修路，路灯也坏了") == 2


def test_no_units() -> None:
    assert UnitRouter([]).suggest("路灯坏了") is None


def test_default_keywords_load_and_route() -> None:
    units = load_routing_keywords(DEFAULT_KEYWORDS)
    assert "城管局" in units and "民政局" in units
    assert all(keywords for keywords in units.values())
    names = list(units)
    router = UnitRouter(list(enumerate(units.values())))

    def suggest(text: str) -> str | None:
        unit = router.suggest(text)
        return None if unit is None else names[unit]

    assert suggest("我們小區的路燈壞了") == "城管局"
    assert suggest("低保怎么申请") == "民政局"
    assert suggest("城乡居民养老保险一年交多少") == "人社局"
    assert suggest("孩子转学需要什么手续") == "教育局"
    assert suggest("我想听主任唱首歌") is None


@pytest.mark.parametrize(
    "content",
    ["units = 1\n", "[other]\nx = 1\n", '[units]\n"城管局" = "路灯"\n', "not toml ["],
)
def test_load_rejects_bad_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "routing.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError):
        load_routing_keywords(path)
