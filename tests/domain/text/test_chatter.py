"""classify(): questions (anything for the moderator) against chatter."""

from __future__ import annotations

import pytest

from studio.domain.text.chatter import Kind, classify, is_question, request_text

CHATTER = [
    "主任好",
    "王主任好！",
    "局长下午好",
    "大家好",
    "各位晚上好",
    "来了来了",
    "我来了",
    "打卡",
    "签到",
    "[赞][赞][玫瑰]",
    "👍👍👍",
    "❤️❤️",
    "666",
    "6666666",
    "888",
    "2333",
    "1",
    "扣1",
    "点赞",
    "为主任点赞👍",
    "支持支持！",
    "主任辛苦了",
    "谢谢主任",
    "讲得好",
    "已关注",
    "哈哈哈哈",
    "在吗",
    "有人吗？",
    "？？？",
    "。。。",
    "好",
    "好好好",
    "嗯嗯",
    "hello",
    "YYDS",
    "今天天气真好",
    "主任好，支持！",
    "学到了学到了",
    "",
    "   ",
]

QUESTIONS = [
    "低保怎么申请",
    "请问城东新区什么时候通自来水",
    "为什么我的医保卡用不了",
    "能不能在学校门口装个红绿灯",
    "有没有针对养殖户的补贴",
    "咨询一下宅基地的政策",
    "主任好，我想反映一下我们村的饮水问题",
    "建议多开几趟去县城的班车",
    "投诉一下三号楼的物业",
    "孩子今年上小学，户口不在本地可以吗",
    "养老保险一年交多少钱?",
    "什么时候发放耕地地力补贴",
    "残疾证在哪里办",
    # reports without a question word are still for the moderator
    "我们小区路灯坏了半个月没人修",
    "我家门口的下水道堵了一个星期了",
    "东关小区的垃圾三天没人清运了",
    "工资拖欠半年了",
    "路灯坏了",
    "幸福路积水",
    "村里的自来水浑浊发黄不能喝",
    "希望能把通村公路修一修",
    "主任好，去年的补贴到现在还没发下来",
    "What time does the bus run?",
]


@pytest.mark.parametrize("text", CHATTER)
def test_chatter(text: str) -> None:
    assert classify(text) is Kind.CHATTER
    assert not is_question(text)


@pytest.mark.parametrize("text", QUESTIONS)
def test_questions(text: str) -> None:
    assert classify(text) is Kind.QUESTION
    assert is_question(text)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("主任好，请问低保怎么申请？[玫瑰]", "请问低保怎么申请"),
        ("支持！！路灯坏了", "路灯坏了"),
        ("ABC 问题", "abc问题"),
        ("👍", ""),
        ("太牛了！养牛的补贴呢", "养牛的补贴呢"),  # 牛 alone is cattle, not cheering
        ("hi, this is OK", "thisis"),  # Latin chatter words only whole
    ],
)
def test_request_text(text: str, rest: str) -> None:
    assert request_text(text) == rest


def test_remembering_the_last_request_text_changes_no_answer() -> None:
    texts = ["主任好", "请问幸福路的路灯什么时候修", "主任好", "Hello 在吗", "Hello 在吗"]
    fresh = [request_text(text) for text in texts]
    assert fresh == ["", "请问幸福路的路灯什么时候修", "", "", ""]
    assert [request_text(text) for text in reversed(texts)] == fresh[::-1]
