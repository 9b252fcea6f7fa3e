"""Feed rows for desk tests: question records to show, and selecting rows on the live desk."""

import datetime as dt

from PySide6.QtCore import QItemSelectionModel

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole
from studio.domain.records import QuestionRecord

AT = dt.datetime(2026, 11, 26, 15, 0)


def question(
    n: int, nickname: str = "青山人", text: str = "暖气不热怎么办？", **kw
) -> QuestionRecord:
    """A new question from the county's Kuaishou room, ``n`` seconds after ``AT``."""
    fields = dict(
        id=n,
        received_at=AT + dt.timedelta(seconds=n),
        room_role=RoomRole.GOV,
        platform=Platform.KUAISHOU,
        nickname=nickname,
        display_text=text,
        status=QuestionStatus.NEW,
        flags=QuestionFlag.IS_QUESTION,
        unit_name="",
        cluster_id=None,
        channel="live",
    )
    fields.update(kw)
    return QuestionRecord(**fields)


def question_saying(
    n: int, text: str = "暖气不热怎么办？", nickname: str = "青山人", **kw
) -> QuestionRecord:
    """A feed row, text first (what the filter and row tests vary most)."""
    return question(n, nickname, text, **kw)


def select_rows(desk, *rows: int) -> None:
    """Select whole rows of the live desk's feed view (``desk`` is the app's StudioDesk)."""
    view = desk.window.desk.feed_view
    view.clearSelection()
    for row in rows:
        view.selectionModel().select(
            view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
