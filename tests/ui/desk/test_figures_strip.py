"""The live figures strip: each room's state and audience, the desk's pace, plain text only."""

import pytest
from PySide6.QtCore import Qt

from studio.domain.model import Platform, RoomRole
from studio.domain.records import RoomRecord
from studio.ui.desk.figures_strip import FiguresStrip
from tests.helpers.waiting import Clock


@pytest.fixture
def strip(qtbot):
    clock = Clock(1000.0)
    widget = FiguresStrip(clock=clock)
    widget.clock = clock
    qtbot.addWidget(widget)
    widget.show_rooms(
        [
            RoomRecord(1, Platform.KUAISHOU, "青山县人民政府", "gov", RoomRole.GOV, ""),
            RoomRecord(2, Platform.DOUYIN, "<b>青山住建</b>", "sec", RoomRole.DEPT, ""),
        ]
    )
    return widget


def test_each_room_shows_state_viewers_likes_and_comments(strip):
    strip.show_state("gov", "connected")
    strip.show_counts(
        {
            "gov": {
                "received": 1300,
                "stored": 1234,
                "duplicates": 3,
                "rejected": 0,
                "likes": 56789,
                "online": 812,
                "total_viewers": 20345,
            },
            "dept": {"stored": 5, "rejected": 2, "likes": 0},
        }
    )
    assert strip.chip_text("gov") == (
        "County account · Kuaishou 青山县人民政府 · connected · 812 watching / 20,345 in all"
        " · 56,789 likes · 1,234 comments"
    )
    # No audience figures yet for the department room; its rejects are shown.
    assert strip.chip_text("dept") == (
        "Department account · Douyin <b>青山住建</b> · not connected · 0 likes · 5 comments"
        " · 2 rejected"
    )
    strip.show_state("dept", "reconnecting")
    assert strip.state_of("dept") == "reconnecting"
    assert "reconnecting" in strip.chip_text("dept")


def test_account_names_are_plain_text(strip):
    labels = strip.findChildren(type(strip.pace))
    assert labels and all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_comments_per_minute_cover_the_last_minute_and_waiting_questions(strip):
    assert strip.pace_text() == "0 comments/min · 0 questions waiting"
    strip.count_comments(30)
    strip.clock.now += 30
    strip.count_comments(12)
    strip.show_waiting(7)
    assert strip.pace_text() == "42 comments/min · 7 questions waiting"
    strip.clock.now += 31  # the first 30 are older than a minute now
    assert strip.per_minute() == 12
    strip.clock.now += 60
    strip.count_comments(0)
    assert strip.per_minute() == 0


def test_rooms_shown_again_replace_the_chips(strip):
    strip.show_rooms([RoomRecord(1, Platform.KUAISHOU, "县", "gov", RoomRole.GOV, "")])
    assert strip.chip_text("dept") == ""
    assert strip.chip_text("gov").startswith("County account · Kuaishou 县")
