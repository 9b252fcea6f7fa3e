"""Tell a question (anything the moderator should read) from chatter (greetings, praise, emoji)."""

from __future__ import annotations

import re
from enum import StrEnum


class Kind(StrEnum):
    """What a comment is to the moderator."""

    QUESTION = "question"
    CHATTER = "chatter"


# Platform emoji arrive as text in brackets: "[赞][玫瑰]", "[捂脸]".
_EMOJI_CODE = re.compile(r"\[[^\[\]\s]{1,8}\]")
# Everything but letters, digits and CJK: punctuation, symbols, emoji, spaces.
_NOT_WORD = re.compile(r"[\W_]+")
_TITLES = (
    "主任|局长|副局长|书记|县长|副县长|镇长|乡长|村长|领导|老师|主播"
    "|大家|各位|家人们|朋友们|你们|您|你"
)
_TIMES = "早上|上午|中午|下午|晚上"
# Phrases that carry no request. Removed before looking for question words, so "在吗" or
# "有人吗" do not count as a question while "主任好，请问…" still does. No single characters
# that are also words in requests: "牛" is cheering, but also the cattle of a pastoral county.
_CHATTER_PHRASES = (
    rf"(?:{_TITLES})(?:{_TIMES})?好|(?:{_TIMES})好",
    "主任|局长|书记|县长|镇长|乡长|领导|主播|老师|大家|各位|家人们",
    "在吗|在不在|有人吗|真的吗|是吗|对吗|好吗|可以的|没问题|不客气",
    "我来了|又来了|来了|来啦|前来报到|报到|打卡|签到|围观|路过|前排|沙发|第一|来看看|看看",
    "点赞|点个赞|为你点赞|赞|支持|加油|辛苦了|辛苦|谢谢|感谢|多谢|厉害|真棒|好棒|很棒|太棒了",
    "不错|很好|真好|说得好|讲得好|说得对|讲得对|好样的|给力|真牛|太牛了|牛啊|正能量|好人",
    "为民办实事|为人民服务",
    "关注了|已关注|关注|学习了|学到了|受教了|收到|明白|知道了|是的|对的|嗯嗯|嗯|哦|好的",
    "比心|爱心|鲜花|玫瑰|掌声|鼓掌|哈哈+|呵呵+|嘻嘻+|嘿嘿+|扣\\d+",
    "666+|888+",
    # Latin words only whole: "hi" is no chatter inside "this".
    "(?<![a-z])(?:hello|hi|ok|good|nice|yyds|awsl|nb)(?![a-z])",
)
_CHATTER = re.compile("|".join(_CHATTER_PHRASES), re.IGNORECASE)
_QUESTION_WORDS = re.compile(
    "怎么|怎样|咋|为什么|为何|为啥|什么|啥|何时|几时|多久|多少|哪里|哪儿|哪个|哪些|谁|如何"
    "|能不能|能否|可不可以|行不行|有没有|是不是|会不会|要不要|该不该|是否|吗|呢"
    "|请问|问一下|问问|咨询|反映|建议|投诉|举报|求助|希望|麻烦|帮忙|帮帮|申请|办理|问题"
)
# Words of local trouble: a short comment with one of these is a report, not chatter.
_LOCAL_MATTERS = re.compile(
    "坏|破|漏|堵|臭|脏|乱|吵|噪音|停水|停电|停气|断水|断电|积水|垃圾|路灯|污染|扰民|违建|占道"
    "|拖欠|欠薪|工资|低保|医保|社保|养老|补贴|补助|拆迁|征地|物业|小区|学校|医院|村|镇|乡"
    "|修路|道路|马路|路面|路口|桥|自来水|供水|供电|供暖|暖气|没人管|没人修"
)
# Filler that pads chatter: particles and laughter.
_FILLER = re.compile("[了啊呀吧哦噢嗯啦哈嘿哇耶呐的]+")
_SUBSTANTIVE = 8  # characters of residue that make a comment worth reading on its own
_SHORT_REPORT = 3  # characters of residue that, with a word of local trouble, make a report


# The last text asked about and its answer: the pipeline asks for a comment's request text to
# classify it and again (mostly for the same text) to cluster it. Replaced whole, a tuple.
_last_request: tuple[str, str] = ("", "")


def request_text(text: str) -> str:
    """The part of a comment that may carry a request: letters, digits and CJK only, platform
    emoji, greetings, praise and cheering removed, in lower case."""
    global _last_request
    last = _last_request
    if last[0] == text:
        return last[1]
    # Phrases go before spaces and punctuation do, so Latin words keep their edges.
    rest = _NOT_WORD.sub("", _CHATTER.sub("", _EMOJI_CODE.sub("", text).lower()))
    _last_request = (text, rest)
    return rest


def classify(text: str) -> Kind:
    """Whether a (normalised) comment is a question for the moderator or chatter.

    Chatter: empty or emoji-only, numbers alone ("666", "1"), greetings ("主任好", "来了",
    "打卡"), praise ("点赞", "支持"), and anything that leaves under two characters once those
    are removed. A question: what is left has a question mark or a question word (怎么,
    什么时候, 能不能, 有没有, 请问, 咨询, 反映, 建议, 投诉 …), or is a statement of
    some length — "我们小区路灯坏了半个月没人修" is for the moderator although it asks
    nothing — or is short but names a local trouble ("路灯坏了").
    """
    rest = request_text(text)
    if len(rest) < 2 or rest.isdigit() or len(set(rest)) == 1:
        return Kind.CHATTER
    if "?" in text or "？" in text or _QUESTION_WORDS.search(rest):
        return Kind.QUESTION
    residue = _FILLER.sub("", rest)
    if len(residue) >= _SUBSTANTIVE:
        return Kind.QUESTION
    if len(residue) >= _SHORT_REPORT and _LOCAL_MATTERS.search(residue):
        return Kind.QUESTION
    return Kind.CHATTER


def is_question(text: str) -> bool:
    """Whether a (normalised) comment is a question for the moderator; see ``classify``."""
    return classify(text) is Kind.QUESTION
