"""TextPipeline: the steps composed, masking before anything leaves for display."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.domain.text.pii import MOBILE
from studio.domain.text.pipeline import ProcessedText, TextPipeline
from studio.domain.text.routing import UnitRouter, load_routing_keywords
from studio.domain.text.screening import Match, SensitiveWords, load_sensitive_words
from tests.domain.text.strategies import (
    context,
    id_numbers,
    mobile_numbers,
    mobiles_in,
    valid_ids_in,
)

RULES = Path(__file__).parents[3] / "resources" / "rules"
CHENGGUAN, MINZHENG = 1, 2


def default_pipeline(max_len: int = 500) -> TextPipeline:
    """A pipeline with the default rule files, the units numbered in file order."""
    units = load_routing_keywords(RULES / "routing_keywords.toml")
    return TextPipeline(
        sensitive_words=load_sensitive_words(RULES / "sensitive_words.txt"),
        router=UnitRouter(list(enumerate(units.values()))),
        max_len=max_len,
    )


@pytest.fixture
def pipeline() -> TextPipeline:
    return TextPipeline(
        sensitive_words=SensitiveWords(["加微信", "傻逼", "13812341234"]),
        router=UnitRouter([(CHENGGUAN, ["路灯", "绿化"]), (MINZHENG, ["低保"])]),
    )


def test_question(pipeline: TextPipeline) -> None:
    result = pipeline.process("主任好，我們小區路燈壞了\u200b半個月沒人修")
    assert result == ProcessedText(
        display="主任好，我們小區路燈壞了半個月沒人修",
        normalised="主任好，我們小區路燈壞了半個月沒人修",
        pii=False,
        sensitive=(),
        is_question=True,
        cluster_id=1,
        cluster_size=1,
        unit_id=CHENGGUAN,
        pii_kinds=frozenset(),
    )


def test_chatter_is_kept_but_not_clustered_or_routed(pipeline: TextPipeline) -> None:
    result = pipeline.process("主任好[赞][赞]")
    assert not result.is_question
    assert result.display == "主任好[赞][赞]"
    assert (result.cluster_id, result.cluster_size, result.unit_id) == (None, 0, None)
    assert len(pipeline.clusterer) == 0


def test_personal_data_is_masked_before_display(pipeline: TextPipeline) -> None:
    result = pipeline.process("低保怎么申请？我电话１３８ １２３４ １２３４")
    assert result.display == "低保怎么申请？我电话138****1234"
    assert result.normalised == "低保怎么申请？我电话138 1234 1234"  # for the store only
    assert result.pii and result.pii_kinds == {MOBILE}
    # screening sees only the masked text: the listed number is gone
    assert result.sensitive == ()
    assert result.unit_id == MINZHENG


def test_sensitive_spans_index_the_display_text(pipeline: TextPipeline) -> None:
    result = pipeline.process("13812341234 加 微 信，你个傻逼")
    assert [m.word for m in result.sensitive] == ["加微信", "傻逼"]
    for match in result.sensitive:
        assert isinstance(match, Match)
        assert result.display[match.start : match.end].replace(" ", "") == match.word


def test_near_duplicates_across_askers(pipeline: TextPipeline) -> None:
    first = pipeline.process("低保怎么申请", asker=("douyin", "gov", "u1"))
    again = pipeline.process("低保怎么申请？", asker=("douyin", "gov", "u1"))
    other = pipeline.process("主任好，请问低保怎么申请啊", asker=("kuaishou", "dept", "u9"))
    assert first.cluster_id == again.cluster_id == other.cluster_id
    assert [first.cluster_size, again.cluster_size, other.cluster_size] == [1, 1, 2]


def test_questions_differing_only_in_a_phone_number_cluster(pipeline: TextPipeline) -> None:
    a = pipeline.process("路灯坏了半个月没人修，电话13812341234")
    b = pipeline.process("路灯坏了半个月没人修，电话13998765432")
    assert a.cluster_id == b.cluster_id


def test_long_comments_are_bounded() -> None:
    pipeline = TextPipeline(max_len=20)
    result = pipeline.process("我们村的路" * 20 + "13812341234")
    assert len(result.display) <= 20


def test_defaults_work_without_rules() -> None:
    result = TextPipeline().process("低保怎么申请")
    assert result.is_question and result.unit_id is None and result.sensitive == ()


_raw = st.one_of(
    st.text(),
    st.text(st.characters(codec="utf-8")),
    st.builds(lambda a, n, b: a + n[1] + b, context, mobile_numbers(), context),
    st.builds(lambda a, n, b: a + n[1] + b, context, id_numbers(), context),
    st.sampled_from(["主任好", "666", "低保怎么申请", "加 微 信", "\u202e\u200b", "\x00"]),
)


@settings(deadline=None)
@given(st.lists(_raw, min_size=1, max_size=10))
def test_nothing_raises_and_nothing_leaks(texts: list[str]) -> None:
    pipeline = default_pipeline(max_len=80)
    for raw in texts:
        result = pipeline.process(raw, asker=raw[:3])
        assert len(result.display) <= 80
        assert mobiles_in(result.display) == [] and valid_ids_in(result.display) == []
        assert not any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in result.display)
        for match in result.sensitive:
            assert 0 <= match.start < match.end <= len(result.display)
        if result.is_question:
            assert result.cluster_id is not None and result.cluster_size >= 1
        else:
            assert result.cluster_id is None and result.unit_id is None


def test_throughput_sanity() -> None:
    """A session's worth of comments goes through; no timing asserted (see the report)."""
    rng = random.Random(7)
    pipeline = default_pipeline()
    chatter = ["主任好", "来了", "666", "[赞][赞]", "支持！", "打卡", "主任辛苦了"]
    places = ["幸福路", "城东新区", "三号楼", "东关小区", "县一中", "西湾村"]
    things = ["路灯", "自来水", "低保", "医保", "红绿灯", "垃圾桶", "物业", "暖气"]
    asks = ["什么时候修", "怎么申请", "坏了没人管", "找谁反映", "能不能解决一下"]
    results = []
    for i in range(5000):
        if rng.random() < 0.5:
            text = rng.choice(chatter)
        else:
            text = rng.choice(["", "主任好，", "请问"]) + rng.choice(places)
            text += rng.choice(["", "的"]) + rng.choice(things) + rng.choice(asks)
            text += rng.choice(["", "？", " 电话13812341234"])
        results.append(pipeline.process(text, asker=i % 700))
    questions = [r for r in results if r.is_question]
    assert 2000 < len(questions) < 3000
    assert len({r.cluster_id for r in questions}) <= len(places) * len(things) * len(asks)
    assert max(r.cluster_size for r in questions) > 10
    assert all("13812341234" not in r.display for r in results)
