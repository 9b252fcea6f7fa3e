"""QuestionClusterer: near-duplicate questions grouped, different ones kept apart."""

from __future__ import annotations

from collections.abc import Collection

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studio.domain.text.clustering import QuestionClusterer, question_key

# Wordings of one question: greetings, openers, particles and punctuation added or left out.
SAME = [
    ["低保怎么申请", "请问低保怎么申请？", "主任好，低保要怎么申请啊", "想问一下低保怎么申请"],
    ["我们小区路灯坏了半个月没人修", "小区路灯坏了半个月没人修啊！", "我们小区的路灯坏了半个月了没人修"],
    ["学校门口什么时候装红绿灯", "学校门口的红绿灯什么时候装？", "学校门口能不能装红绿灯"],
    ["城东新区什么时候通自来水", "城东新区啥时候通自来水", "请问城东新区何时通自来水？"],
    ["幸福路的积水什么时候处理", "幸福路一下雨就积水，什么时候能处理？"],
    ["养老保险一年交多少钱", "城乡居民养老保险一年交多少钱"],
    ["農民工工資拖欠半年了找誰", "农民工工资拖欠半年了找谁"],  # traditional characters
]

# Pairs that read alike but ask different things: one word stands in for another.
DIFFERENT = [
    ("低保怎么申请", "医保怎么申请"),
    ("低保怎么申请", "低保什么时候发"),
    ("我们小区路灯坏了半个月没人修", "我们小区电梯坏了半个月没人修"),
    ("学校门口什么时候装红绿灯", "医院门口什么时候装红绿灯"),
    ("城东新区什么时候通自来水", "城东新区什么时候通天然气"),
    ("养老保险一年交多少钱", "医疗保险一年交多少钱"),
    ("幸福路的积水什么时候处理", "幸福路的垃圾什么时候处理"),
    ("我们村的路什么时候修", "我们村的桥什么时候修"),
    ("请问残疾证怎么办理", "请问结婚证怎么办理"),
    ("三号楼电梯坏了", "五号楼电梯坏了"),
    ("孩子上学的户口问题怎么解决", "孩子上学的校车问题怎么解决"),
    ("新冠疫苗在哪里打", "狂犬疫苗在哪里打"),
]


@pytest.mark.parametrize("wordings", SAME, ids=[w[0] for w in SAME])
def test_wordings_of_one_question_cluster(wordings: list[str]) -> None:
    clusterer = QuestionClusterer()
    assigned = [clusterer.assign(text) for text in wordings]
    assert {cluster_id for cluster_id, _ in assigned} == {assigned[0][0]}
    assert [size for _, size in assigned] == list(range(1, len(wordings) + 1))


@pytest.mark.parametrize(("first", "second"), DIFFERENT)
def test_different_questions_stay_apart(first: str, second: str) -> None:
    clusterer = QuestionClusterer()
    assert clusterer.assign(first)[0] != clusterer.assign(second)[0]


def test_all_at_once_in_one_clusterer() -> None:
    clusterer = QuestionClusterer()
    for first, second in DIFFERENT:
        clusterer.assign(first)
        clusterer.assign(second)
    for wordings in SAME:
        ids = {clusterer.assign(text)[0] for text in wordings}
        assert len(ids) == 1, wordings


def test_one_asker_counts_once() -> None:
    clusterer = QuestionClusterer()
    assert clusterer.assign("低保怎么申请", asker=("douyin", "u1")) == (1, 1)
    assert clusterer.assign("低保怎么申请？？", asker=("douyin", "u1")) == (1, 1)
    assert clusterer.assign("请问低保怎么申请", asker=("kuaishou", "u1")) == (1, 2)
    assert clusterer.assign("低保怎么申请", asker=None) == (1, 3)
    assert clusterer.size(1) == 3


def test_ids_count_up_from_first_id() -> None:
    clusterer = QuestionClusterer(first_id=100)
    assert clusterer.assign("低保怎么申请")[0] == 100
    assert clusterer.assign("医保怎么申请")[0] == 101
    assert clusterer.assign("怎么？")[0] == 102  # nothing to compare: a cluster of its own
    assert clusterer.assign("怎么？")[0] == 103
    assert len(clusterer) == 2


def test_merge() -> None:
    clusterer = QuestionClusterer()
    a, _ = clusterer.assign("低保怎么申请", asker="u1")
    b, _ = clusterer.assign("申请低保需要哪些材料", asker="u2")
    c, _ = clusterer.assign("特困供养怎么申请", asker="u1")
    assert len({a, b, c}) == 3
    assert clusterer.merge([c, b, a]) == a
    assert clusterer.size(a) == 2  # u1 and u2
    assert clusterer.size(b) == 0 and clusterer.size(c) == 0
    # later wordings of any merged question join the merged cluster
    assert clusterer.assign("申请低保需要哪些材料？", asker="u3") == (a, 3)
    assert clusterer.assign("特困供养怎么申请呢", asker="u4") == (a, 4)
    assert len(clusterer) == 1


def test_merge_passes_over_unknown_ids() -> None:
    clusterer = QuestionClusterer()
    a, _ = clusterer.assign("低保怎么申请")
    assert clusterer.merge([a, 999]) == a
    assert clusterer.merge([5000]) == 5000
    with pytest.raises(ValueError, match="at least one"):
        clusterer.merge([])


def test_memory_is_bounded_and_forgets_least_recent() -> None:
    clusterer = QuestionClusterer(capacity=3)
    first, _ = clusterer.assign("低保怎么申请")
    clusterer.assign("路灯坏了没人修")
    clusterer.assign("学校门口装红绿灯")
    clusterer.assign("低保怎么申请")  # used again: now the most recent
    clusterer.assign("城东新区通自来水")  # forgets 路灯
    assert len(clusterer) == 3
    assert clusterer.assign("低保怎么申请？")[0] == first
    assert clusterer.size(2) == 0


def test_many_questions_stay_within_capacity() -> None:
    clusterer = QuestionClusterer(capacity=50)
    for i in range(500):
        clusterer.assign(f"第{i}号楼的电梯坏了")
    assert len(clusterer) <= 50


def test_question_key() -> None:
    assert question_key("主任好，请问低保怎么申请啊？[玫瑰]") == "低保申请"
    assert question_key("請問低保怎麼申請") == "低保申请"
    assert question_key("？？？") == ""
    assert question_key("路灯坏了，电话138****1234") == "路灯坏电话"


def test_capacity_must_be_positive() -> None:
    with pytest.raises(ValueError, match="capacity"):
        QuestionClusterer(capacity=0)


class _BruteForceClusterer(QuestionClusterer):
    """Scores every kept wording: what the character index must agree with."""

    def _candidates(self, key: str) -> Collection[int]:
        return self._variants.keys()


@settings(deadline=None)
@given(
    st.lists(st.text("低医保申请路灯坏修学校门口装", min_size=1, max_size=12), max_size=40),
    st.sampled_from([60.0, 75.0, 80.0, 90.0]),
)
def test_character_index_loses_no_match(texts: list[str], threshold: float) -> None:
    fast = QuestionClusterer(threshold=threshold, capacity=15)
    slow = _BruteForceClusterer(threshold=threshold, capacity=15)
    assert [fast.assign(t) for t in texts] == [slow.assign(t) for t in texts]
