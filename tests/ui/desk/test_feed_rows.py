"""What a feed row shows: room badge, plain author, sensitive words marked, cluster counts."""

import dataclasses
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole
from studio.domain.text.screening import SensitiveWords
from studio.store.models import Question
from studio.ui.desk.desk_tab import FEED_COLUMNS, DeskTab
from studio.ui.desk.feed_delegate import (
    BADGE_COLOURS,
    MARK_FILL,
    BadgeDelegate,
    SensitiveTextDelegate,
    segments,
    sensitive_words,
)
from tests.helpers.feed_rows import question_saying as question
from tests.helpers.feed_rows import select_rows
from tests.helpers.waiting import until

COL = {name: FEED_COLUMNS.index(name) for name in FEED_COLUMNS}


def cell(desk: DeskTab, row: int, name: str, role=Qt.ItemDataRole.DisplayRole):
    return desk.feed_filter.index(row, COL[name]).data(role)


def test_segments_cut_text_at_the_spans():
    assert segments("加微信了解", [(0, 3)]) == [("加微信", True), ("了解", False)]
    assert segments("ab", []) == [("ab", False)]
    # Overlapping spans and spans past the (elided) end are clipped.
    assert segments("abcdef", [(1, 3), (2, 4), (5, 9)]) == [
        ("a", False),
        ("bc", True),
        ("d", True),
        ("e", False),
        ("f", True),
    ]


def test_the_domain_matcher_finds_the_spans_and_they_are_kept_per_record(qtbot):
    calls = []
    words = SensitiveWords(["加微信", "傻逼"])

    def find(text):
        calls.append(text)
        return [(m.start, m.end) for m in words.find(text)]

    delegate = SensitiveTextDelegate(find)
    assert delegate.spans("加 微 信了解", key=1) == ((0, 5),)  # separators inside a word
    assert delegate.spans("加 微 信了解", key=1) == ((0, 5),)
    assert len(calls) == 1
    assert delegate.spans("已编辑", key=1) == ()  # the record's text changed: found again
    assert len(calls) == 2
    assert sensitive_words(Path("/nonexistent/words.txt")).find("傻逼") == []  # marks nothing


def paint(delegate, desk: DeskTab, row: int, name: str) -> QImage:
    index = desk.feed_filter.index(row, COL[name])
    image = QImage(300, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 300, 24)
    option.font = desk.feed_view.font()
    option.fontMetrics = desk.feed_view.fontMetrics()
    option.palette = desk.feed_view.palette()
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    return image


def colours(image: QImage) -> set[str]:
    return {
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    }


def test_sensitive_words_are_painted_on_a_highlight(qtbot):
    desk = DeskTab()
    qtbot.addWidget(desk)
    desk.show_questions(
        [
            question(1, "你们都是傻逼吗", flags=QuestionFlag.IS_QUESTION | QuestionFlag.SENSITIVE),
            question(2, "暖气不热怎么办"),
        ]
    )
    delegate = desk.text_delegate
    assert delegate.spans("你们都是傻逼吗", key=1) == ((4, 6),)
    assert MARK_FILL.name() in colours(paint(delegate, desk, 0, "comment"))
    assert MARK_FILL.name() not in colours(paint(delegate, desk, 1, "comment"))


def test_rows_show_a_room_badge_plain_authors_and_the_suggested_unit(qtbot):
    desk = DeskTab()
    qtbot.addWidget(desk)
    hostile = ["<b>x</b>", '<img src="x">', '<a href="http://x">y</a>']
    desk.append_questions(
        [
            question(1, nickname=hostile[0], unit_name="住建局"),
            question(2, nickname=hostile[1], room_role=RoomRole.DEPT, platform=Platform.DOUYIN),
            question(
                3, nickname=hostile[2], platform=Platform.MANUAL, room_role=None, channel="phone"
            ),
        ]
    )
    assert [cell(desk, r, "author") for r in range(3)] == hostile
    assert [cell(desk, r, "room") for r in range(3)] == ["County", "Dept.", "Phone"]
    badge = [cell(desk, r, "room", Qt.ItemDataRole.BackgroundRole) for r in range(3)]
    assert badge == [BADGE_COLOURS["gov"], BADGE_COLOURS["dept"], BADGE_COLOURS["manual"]]
    assert cell(desk, 0, "unit") == "住建局"
    assert cell(desk, 0, "status") == "New"
    assert isinstance(desk.feed_view.itemDelegateForColumn(COL["room"]), BadgeDelegate)
    image = paint(desk.badge_delegate, desk, 1, "room")
    assert BADGE_COLOURS["dept"].name() in colours(image)


def test_the_cluster_count_follows_arrivals_and_merges(qtbot):
    desk = DeskTab()
    qtbot.addWidget(desk)
    desk.show_questions([question(1, cluster_id=7), question(2), question(3, cluster_id=8)])
    assert [cell(desk, r, "asked") for r in range(3)] == ["", "", ""]
    changed = []
    desk.feed_model.dataChanged.connect(lambda a, b: changed.append((a.row(), b.row())))
    desk.append_questions([question(4, cluster_id=7), question(5, cluster_id=7)])
    assert [cell(desk, r, "asked") for r in range(5)] == ["3", "", "", "3", "3"]
    assert (0, 2) in changed  # the older rows of the cluster were told
    assert cell(desk, 0, "asked", Qt.ItemDataRole.ToolTipRole) == "3 people asked this"
    # M merged 2 and 3 into cluster 7.
    model = desk.feed_model
    desk.update_questions(
        [
            dataclasses.replace(model.record(1), cluster_id=7),
            dataclasses.replace(model.record(2), cluster_id=7),
        ]
    )
    assert [cell(desk, r, "asked") for r in range(5)] == ["5"] * 5


def test_m_on_the_desk_shows_the_merged_count(desk, qtbot, demo_db, event_loop_qt):
    loop, tab = event_loop_qt, desk.window.desk
    model, view = tab.feed_model, tab.feed_view
    rows = [r for r in range(model.rowCount()) if model.record(r).status == QuestionStatus.NEW][:2]
    ids = [model.record(r).id for r in rows]
    select_rows(desk, *rows)
    qtbot.keyClick(view, Qt.Key.Key_M)
    loop.run_until_complete(until(lambda: all(int(cell(tab, r, "asked") or 1) >= 2 for r in rows)))
    with demo_db.sessions() as s:
        cluster = {s.get(Question, i).cluster_id for i in ids}
    (cluster_id,) = cluster
    size = sum(1 for r in range(model.rowCount()) if model.record(r).cluster_id == cluster_id)
    assert cell(tab, rows[0], "asked") == str(size)
