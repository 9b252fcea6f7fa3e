"""Live desk (直播台): the timer's transport, both rooms, and the merged question feed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import QuestionFlag, QuestionStatus
from studio.domain.records import QuestionRecord, RoomRecord, UnitRecord
from studio.ui import labels, theme
from studio.ui.briefing_viewer import BriefingViewer
from studio.ui.feed_model import FeedModel
from studio.ui.feed_sources import FeedSourcesDialog
from studio.ui.manual_entry import ManualEntryDialog
from studio.ui.moderation_dialogs import EditDialog, ReferDialog
from studio.ui.record_model import Column
from studio.ui.transport import NotePanel, TransportPanel

#: Chip look per feed state (``FeedState`` values): the theme's chip states.
_CHIP_STATE = {
    "connected": "ok",
    "waiting": "warn",
    "connecting": "warn",
    "stale": "warn",
    "reconnecting": "bad",
    "ended": "",
    "stopped": "",
}


class RoomsStrip(QWidget):
    """One chip per live room: role, platform, account, connection state and counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = QHBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._chips: dict[str, QLabel] = {}
        self._rooms: dict[str, RoomRecord] = {}
        self._states: dict[str, str] = {}
        self._counts: dict[str, dict[str, int]] = {}

    def _state_word(self, state: str) -> str:
        return {
            "": self.tr("not connected"),
            "waiting": self.tr("waiting for the tool"),
            "connecting": self.tr("connecting"),
            "connected": self.tr("connected"),
            "stale": self.tr("stale (no frames)"),
            "reconnecting": self.tr("reconnecting"),
            "ended": self.tr("ended"),
            "stopped": self.tr("stopped"),
        }.get(state, state)

    def show_rooms(self, rooms: list[RoomRecord]) -> None:
        for chip in self._chips.values():
            chip.deleteLater()
        self._chips = {}
        self._rooms = {}
        while self._box.count():
            self._box.takeAt(0)
        for room in rooms:
            chip = QLabel(textFormat=Qt.TextFormat.PlainText)
            chip.setProperty("role", "chip")
            self._box.addWidget(chip)
            self._chips[str(room.role)] = chip
            self._rooms[str(room.role)] = room
            self._update(str(room.role))
        self._box.addStretch(1)

    def show_state(self, room: str, state: str) -> None:
        """A room's feed state changed (``room`` is ``gov``/``dept``; others are ignored)."""
        self._states[room] = state
        self._update(room)

    def show_counts(self, counts: dict[str, dict[str, int]]) -> None:
        """The feed's counts per room (received, stored, duplicates, rejected, likes)."""
        self._counts = counts
        for room in self._chips:
            self._update(room)

    def state_of(self, room: str) -> str:
        return self._states.get(room, "")

    def chip_text(self, room: str) -> str:
        chip = self._chips.get(room)
        return chip.text() if chip is not None else ""

    def _update(self, key: str) -> None:
        chip, room = self._chips.get(key), self._rooms.get(key)
        if chip is None or room is None:
            return
        state = self._states.get(key, "")
        text = self.tr("{role} · {platform} {account} · {state}").format(
            role=labels.room_role(room.role),
            platform=labels.platform(room.platform),
            account=room.account_name,
            state=self._state_word(state),
        )
        counts = self._counts.get(key)
        if counts:
            text += self.tr(" · {stored} comments, {rejected} rejected").format(
                stored=counts.get("stored", 0), rejected=counts.get("rejected", 0)
            )
        chip.setText(text)
        chip.setProperty("state", _CHIP_STATE.get(state, ""))
        chip.style().unpolish(chip)
        chip.style().polish(chip)


class DeskTab(QWidget):
    """What the moderator works at during the hour.

    Keys on the feed (only while it has focus): F flag/unflag, Q queue/unqueue, Enter put on
    air, A answered, H hide/unhide, B block the author for the session (Shift+B for good),
    M merge the selection into one cluster, R refer (a dialog), E edit then approve (a dialog),
    Ctrl+Z undo the last move.

    Signals:
        manualQuestionEntered(str, str, str): text, channel (phone/wechat), caller's name.
        sourcesEdited(list): the feed sources as edited in the sources dialog (dicts).
        moderationRequested(str, list): a ``ModerationAction`` value and the selected ids.
        undoRequested(): revert the last move.
        blockRequested(int, bool): block the current question's author (True: for good).
        mergeRequested(list): merge the selected questions into one cluster.
        referRequested(list, int, str, str): ids, unit id, category, note (from the R dialog).
        editRequested(int, str): a question's new text, to approve (from the E dialog).
    """

    manualQuestionEntered = Signal(str, str, str)
    sourcesEdited = Signal(list)
    moderationRequested = Signal(str, list)
    undoRequested = Signal()
    blockRequested = Signal(int, bool)
    mergeRequested = Signal(list)
    referRequested = Signal(list, int, str, str)
    editRequested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transport = TransportPanel()
        self.notes = NotePanel()
        self.rooms = RoomsStrip()
        self.feed_model = FeedModel(
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
        self.feed_view = _feed_table(self.feed_model, self)
        self._units: list[UnitRecord] = []
        self.refer_dialog = ReferDialog(self)
        self.refer_dialog.referRequested.connect(self.referRequested)
        self.edit_dialog = EditDialog(self)
        self.edit_dialog.editRequested.connect(self.editRequested)
        self._add_moderation_keys()
        self._sized = False
        self._asked = self._waiting = 0
        self._sources: list[dict[str, str]] = []
        self.manual_dialog: ManualEntryDialog | None = None
        self.sources_dialog: FeedSourcesDialog | None = None
        self.manual_button = QPushButton(self.tr("Add a phone/WeChat question…"))
        self.manual_button.clicked.connect(self.open_manual_entry)
        self.sources_button = QPushButton(self.tr("Feed sources…"))
        self.sources_button.clicked.connect(self.open_sources)
        self._counts = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._counts.setProperty("role", "subtle")

        feed = QWidget()
        feed_box = QVBoxLayout(feed)
        feed_box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Question feed (both rooms)"))
        title.setProperty("role", "heading")
        feed_box.addWidget(title)
        feed_box.addWidget(self.feed_view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self._counts, 1)
        # While the moderator reads older rows, new ones only count up here (End also jumps).
        self.new_marker = QPushButton()
        self.new_marker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.new_marker.clicked.connect(self.jump_to_newest)
        self.new_marker.hide()
        self._unseen = 0
        bottom.addWidget(self.new_marker)
        bottom.addWidget(self.manual_button)
        bottom.addWidget(self.sources_button)
        feed_box.addLayout(bottom)

        queue = QWidget()
        queue_box = QVBoxLayout(queue)
        queue_box.setContentsMargins(0, 0, 0, 0)
        queue_title = QLabel(self.tr("On-air queue"))
        queue_title.setProperty("role", "heading")
        self.queue_list = QListWidget()
        self.queue_list.setWordWrap(True)
        queue_box.addWidget(self.notes)
        self.briefing = BriefingViewer()
        side_tabs = QTabWidget()
        queue_page = QWidget()
        queue_page_box = QVBoxLayout(queue_page)
        queue_page_box.setContentsMargins(0, 0, 0, 0)
        queue_page_box.addWidget(queue_title)
        queue_page_box.addWidget(self.queue_list, 1)
        side_tabs.addTab(queue_page, self.tr("Queue"))
        side_tabs.addTab(self.briefing, self.tr("Briefing notes"))
        queue_box.addWidget(side_tabs, 1)

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

    def _add_moderation_keys(self) -> None:
        keys = (
            ("F", self._toggle("flag", "unflag", QuestionStatus.FLAGGED)),
            ("Q", self._toggle("queue", "unqueue", QuestionStatus.QUEUED)),
            ("Return", lambda: self._request("put_on_air")),
            ("Enter", lambda: self._request("put_on_air")),
            ("A", lambda: self._request("answer")),
            ("H", self._toggle("hide", "unhide", QuestionStatus.HIDDEN)),
            ("B", lambda: self._block(for_good=False)),
            ("Shift+B", lambda: self._block(for_good=True)),
            ("M", lambda: self.mergeRequested.emit([q.id for q in self.selected_questions()])),
            ("R", self._ask_referral),
            ("E", self._ask_edit),
            ("Ctrl+Z", self.undoRequested.emit),
        )
        for sequence, slot in keys:
            action = QAction(self.feed_view)
            action.setShortcut(QKeySequence(sequence))
            # Only while the feed has focus: typing a note elsewhere never moderates.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _checked=False, f=slot: f())
            self.feed_view.addAction(action)

    def selected_questions(self) -> list[QuestionRecord]:
        rows = sorted({index.row() for index in self.feed_view.selectionModel().selectedRows()})
        return [self.feed_model.record(row) for row in rows]

    def set_units(self, units: list[UnitRecord]) -> None:
        self._units = list(units)

    def _ask_referral(self) -> None:
        selected = self.selected_questions()
        if selected:
            self.refer_dialog.ask(selected, self._units)

    def _ask_edit(self) -> None:
        current = self.feed_view.currentIndex()
        if current.isValid():
            self.edit_dialog.ask(self.feed_model.record(current.row()))

    def _block(self, *, for_good: bool) -> None:
        current = self.feed_view.currentIndex()
        if current.isValid():
            self.blockRequested.emit(self.feed_model.record(current.row()).id, for_good)

    def _request(self, action: str) -> None:
        selected = self.selected_questions()
        if selected:
            self.moderationRequested.emit(action, [q.id for q in selected])

    def _toggle(self, on: str, off: str, status: QuestionStatus):  # type: ignore[no-untyped-def]
        """One key both ways: off when every selected question is already in that status."""

        def toggle() -> None:
            selected = self.selected_questions()
            if selected:
                every = all(q.status == status for q in selected)
                self.moderationRequested.emit(off if every else on, [q.id for q in selected])

        return toggle

    def update_questions(self, questions: list[QuestionRecord]) -> None:
        """New states of questions already shown (after a move); selection and scroll stay."""
        for question in questions:
            self.feed_model.update(question)
        self._show_queue()

    def _show_queue(self) -> None:
        self.queue_list.clear()
        for question in self.feed_model.records():
            if question.status == QuestionStatus.ON_AIR:
                self.queue_list.addItem(
                    self.tr("▶ On air: {text}").format(text=question.display_text)
                )
        for question in self.feed_model.records():
            if question.status == QuestionStatus.QUEUED:
                self.queue_list.addItem(question.display_text)

    def show_questions(self, questions: list[QuestionRecord]) -> None:
        """The session's stored questions (the initial load): replaces the feed."""
        self.feed_model.set_records(questions)
        if not self._sized and questions:
            self.feed_view.resizeColumnsToContents()
            self._sized = True
        self._asked = self._waiting = 0
        self._count(questions)
        self._show_queue()

    def append_questions(self, questions: list[QuestionRecord]) -> None:
        """A batch of new questions from the live feed; the view follows the newest rows
        unless the moderator has scrolled up."""
        bar = self.feed_view.verticalScrollBar()
        # Nobody reads a hidden tab: it follows the newest rows until the moderator scrolls up.
        following = not self.feed_view.isVisible() or bar.value() >= bar.maximum() - 2
        added = self.feed_model.append(questions)
        if not added:
            return
        self._count(questions)
        if not self._sized:
            self.feed_view.resizeColumnsToContents()
            self._sized = True
        if following:
            self.feed_view.scrollToBottom()
        else:
            self._unseen += added
            self.new_marker.setText(self.tr("{count} new ▼").format(count=self._unseen))
            self.new_marker.show()

    def jump_to_newest(self) -> None:
        """Scroll to the newest comment and forget the "N new" count (selection unchanged)."""
        self.feed_view.scrollToBottom()
        self._unseen = 0
        self.new_marker.hide()

    def _count(self, questions: list[QuestionRecord]) -> None:
        for q in questions:
            if q.flags & QuestionFlag.IS_QUESTION:
                self._asked += 1
                if q.status == QuestionStatus.NEW:
                    self._waiting += 1
        self._counts.setText(
            self.tr("{comments} comments · {questions} questions · {waiting} waiting").format(
                comments=self.feed_model.rowCount(), questions=self._asked, waiting=self._waiting
            )
        )

    # -- dialogs ------------------------------------------------------------------------------
    def open_manual_entry(self) -> None:
        """Open (or keep open) the non-modal dialog for a question taken by phone or WeChat."""
        if self.manual_dialog is None:
            self.manual_dialog = ManualEntryDialog(self)
            self.manual_dialog.questionEntered.connect(self.manualQuestionEntered)
        # show(), not open(): open() is window-modal and would lock the desk during a call.
        self.manual_dialog.show()

    def show_sources(self, sources: list[dict[str, str]]) -> None:
        """The session's configured feed sources (for the sources dialog)."""
        self._sources = [dict(s) for s in sources]
        if self.sources_dialog is not None and not self.sources_dialog.isVisible():
            self.sources_dialog.set_sources(self._sources)

    def open_sources(self) -> None:
        """Open the non-modal dialog choosing each room's capture tool and address."""
        if self.sources_dialog is None:
            self.sources_dialog = FeedSourcesDialog(self)
            self.sources_dialog.sourcesAccepted.connect(self.sourcesEdited)
        self.sources_dialog.set_sources(self._sources)
        self.sources_dialog.show()


def _feed_table(model: FeedModel, parent: QWidget) -> QTableView:
    """A row-selecting view for a long, growing feed: fixed row heights, no per-row sizing."""
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    rows = view.verticalHeader()
    rows.setVisible(False)
    # Fixed heights: the view never measures rows, so 100,000 of them cost nothing to lay out.
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    # Column widths from the first rows only: measuring every row would grow with the feed.
    header.setResizeContentsPrecision(200)
    return view
