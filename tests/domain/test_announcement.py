"""The preview announcement: templates filled from a session, unknown placeholders reported."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from studio.domain.announcement import (
    KUAISHOU_TEMPLATE,
    NO_TOPIC,
    PLACEHOLDERS,
    WECHAT_TEMPLATE,
    announcement_fields,
    county_of_account,
    fill_template,
)
from studio.domain.model import SessionStatus
from studio.domain.records import SessionRecord


def session(topic="冬季供暖保障与老旧小区改造"):
    return SessionRecord(
        id=1,
        date=dt.date(2026, 11, 26),
        start=dt.time(15, 0),
        end=dt.time(16, 0),
        unit_id=1,
        unit_name="住房和城乡建设局",
        unit_short_name="住建局",
        official_name="张志强",
        official_title="局长",
        topic=topic,
        status=SessionStatus.READY,
    )


def test_default_templates_fill_completely():
    fields = announcement_fields(session(), "青山县")
    assert set(fields) == set(PLACEHOLDERS)
    wechat = fill_template(WECHAT_TEMPLATE, fields)
    assert wechat.complete
    assert "11月26日（周四）15:00—16:00" in wechat.text
    assert "住房和城乡建设局局长张志强" in wechat.text
    assert "“冬季供暖保障与老旧小区改造”" in wechat.text
    assert "{" not in wechat.text
    short = fill_template(KUAISHOU_TEMPLATE, fields)
    assert short.complete and len(short.text) < len(wechat.text) and len(short.text) <= 100


def test_unknown_placeholders_are_kept_and_reported():
    filled = fill_template(
        "{unit}：{toppic}{toppic} {} {unit", announcement_fields(session(), "青山县")
    )
    assert filled.text == "住房和城乡建设局：{toppic}{toppic} {} {unit"
    assert filled.unknown == ("toppic", "")
    assert not filled.complete


def test_empty_topic_reads_well_and_is_reported():
    filled = fill_template("主题：{topic}", announcement_fields(session(topic=""), "青山县"))
    assert filled.text == f"主题：{NO_TOPIC}"
    assert filled.missing == ("topic",)


@given(st.text())
def test_any_template_fills_without_crashing(template):
    filled = fill_template(template, announcement_fields(session(), "青山县"))
    assert isinstance(filled.text, str)


def test_county_of_account():
    assert county_of_account("青山县人民政府") == "青山县"
    assert county_of_account("青山县") == "青山县"
