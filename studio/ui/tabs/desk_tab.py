"""Live desk (直播台): the timer's transport, both rooms, and the merged question feed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import QuestionFlag, QuestionStatus
from studio.domain.records import QuestionRecord, RoomRecord
from studio.ui import labels, theme
from studio.ui.record_model import Column, RecordTableModel, record_table
from studio.ui.transport import NotePanel, TransportPanel


class RoomsStrip(QWidget):
    """One chip per live room: platform, account and connection state."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = QHBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._chips: list[QLabel] = []

    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        for chip in self._chips:
            chip.deleteLater()
        self._chips = []
        for room in rooms:
            chip = QLabel(textFormat=Qt.TextFormat.PlainText)
            chip.setProperty("role", "chip")
            chip.setText(
                self.tr("{role} · {platform} {account} · not connected").format(
                    role=labels.room_role(room.role),
                    platform=labels.platform(room.platform),
                    account=room.account_name,
                )
            )
            self._box.addWidget(chip)
            self._chips.append(chip)
        self._box.addStretch(1)


class DeskTab(QWidget):
    """What the moderator works at during the hour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transport = TransportPanel()
        self.notes = NotePanel()
        self.rooms = RoomsStrip()
        self.feed_model = RecordTableModel(
            [
                Column(
                    self.tr("Time"),
                    lambda q: f"{q.received_at:%H:%M:%S}",
                    sort_key=lambda q: q.received_at.timestamp(),
                ),
                Column(self.tr("Room"), lambda q: labels.room_role(q.room_role)),
                Column(self.tr("Channel"), lambda q: labels.channel(q.channel)),
                Column(self.tr("Author"), lambda q: q.nickname),
                Column(
                    self.tr("Comment"),
                    lambda q: q.display_text,
                    tooltip=lambda q: q.display_text,
                    colour=self._text_colour,
                ),
                Column(self.tr("Suggested unit"), lambda q: q.unit_name),
                Column(self.tr("Status"), lambda q: labels.question_status(q.status)),
            ],
            self,
        )
        self.feed_view = record_table(self.feed_model, self)
        self.feed_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._counts = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._counts.setProperty("role", "subtle")

        feed = QWidget()
        feed_box = QVBoxLayout(feed)
        feed_box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Question feed (both rooms)"))
        title.setProperty("role", "heading")
        feed_box.addWidget(title)
        feed_box.addWidget(self.feed_view, 1)
        feed_box.addWidget(self._counts)

        queue = QWidget()
        queue_box = QVBoxLayout(queue)
        queue_box.setContentsMargins(0, 0, 0, 0)
        queue_title = QLabel(self.tr("On-air queue"))
        queue_title.setProperty("role", "heading")
        self.queue_list = QListWidget()
        self.queue_list.setWordWrap(True)
        queue_box.addWidget(self.notes)
        queue_box.addWidget(queue_title)
        queue_box.addWidget(self.queue_list, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(feed)
        splitter.addWidget(queue)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        box = QVBoxLayout(self)
        box.addWidget(self.transport)
        box.addWidget(self.rooms)
        box.addWidget(splitter, 1)

    @staticmethod
    def _text_colour(question: QuestionRecord):  # type: ignore[no-untyped-def]
        if question.flags & QuestionFlag.SENSITIVE:
            return theme.BAD
        if not question.flags & QuestionFlag.IS_QUESTION:
            return theme.MUTED
        return None

    def show_questions(self, questions: list[QuestionRecord]) -> None:
        self.feed_model.set_records(questions)
        self.feed_view.resizeColumnsToContents()
        asked = sum(1 for q in questions if q.flags & QuestionFlag.IS_QUESTION)
        waiting = sum(
            1
            for q in questions
            if q.status == QuestionStatus.NEW and q.flags & QuestionFlag.IS_QUESTION
        )
        self._counts.setText(
            self.tr("{comments} comments · {questions} questions · {waiting} waiting").format(
                comments=len(questions), questions=asked, waiting=waiting
            )
        )
        self.queue_list.clear()
        for question in questions:
            if question.status in (QuestionStatus.QUEUED, QuestionStatus.ON_AIR):
                self.queue_list.addItem(question.display_text)
