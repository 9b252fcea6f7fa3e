"""The preview announcement (直播预告): texts for the WeChat account and Kuaishou, from templates.

Templates are plain text with placeholders in braces — {date} {weekday} {time} {unit}
{official} {title} {topic} {county}. An unknown placeholder (a typo such as {toppic}) is left
in the text as written and reported, so an operator editing a template never meets a crash.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from studio.domain.records import SessionRecord

PLACEHOLDERS = ("date", "weekday", "time", "unit", "official", "title", "topic", "county")

# Default texts: Chinese data, as the county's press office writes them; operators edit them.
WECHAT_TEMPLATE = (
    "【直播预告】{date}（{weekday}）{time}，{county}“问政直播间”邀请{unit}{title}{official}"
    "走进直播间，围绕“{topic}”与网友在线交流，现场回应大家关心的问题。\n"
    "\n"
    "直播时间：{date}（{weekday}）{time}\n"
    "嘉宾：{unit}{title}{official}\n"
    "主题：{topic}\n"
    "观看方式：{county}人民政府快手号、抖音号同步直播\n"
    "参与方式：直播期间在评论区留言提问；涉及个人具体情况的问题，节目后由工作人员联系您，"
    "转交相关部门办理并回复。\n"
    "\n"
    "欢迎广大网友准时收看、踊跃留言！"
)
KUAISHOU_TEMPLATE = (
    "{date}（{weekday}）{time}，{unit}{title}{official}做客{county}问政直播间，"
    "聊聊“{topic}”。有问题，直播间留言见！"
)
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
NO_TOPIC = "（主题待定）"

_PLACEHOLDER = re.compile(r"\{([^{}\s]*)\}")


@dataclass(frozen=True, slots=True)
class AnnouncementText:
    """A filled template.

    Attributes:
        text: the text to publish.
        unknown: placeholders the template names that do not exist (left in the text).
        missing: known placeholders whose value is still empty (e.g. no topic yet).
    """

    text: str
    unknown: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.unknown and not self.missing


def announcement_fields(session: SessionRecord, county: str) -> dict[str, str]:
    """The value of every placeholder for ``session`` in ``county``."""
    return {
        "date": f"{session.date.month}月{session.date.day}日",
        "weekday": WEEKDAYS[session.date.weekday()],
        "time": f"{session.start:%H:%M}—{session.end:%H:%M}",
        "unit": session.unit_name,
        "official": session.official_name,
        "title": session.official_title,
        "topic": session.topic,
        "county": county,
    }


def fill_template(template: str, fields: Mapping[str, str]) -> AnnouncementText:
    """``template`` with each known placeholder replaced by its value in ``fields``.

    An empty topic becomes "（主题待定）" so a draft still reads well; it is reported as missing.
    """
    unknown: list[str] = []
    missing: list[str] = []

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fields:
            if name not in unknown:
                unknown.append(name)
            return match.group(0)
        text = fields[name]
        if not text.strip():
            if name not in missing:
                missing.append(name)
            return NO_TOPIC if name == "topic" else ""
        return text

    return AnnouncementText(_PLACEHOLDER.sub(value, template), tuple(unknown), tuple(missing))


def county_of_account(account_name: str) -> str:
    """The county's name from its government account's name (青山县人民政府 → 青山县)."""
    for suffix in ("人民政府", "政府"):
        if account_name.endswith(suffix) and len(account_name) > len(suffix):
            return account_name[: -len(suffix)]
    return account_name
