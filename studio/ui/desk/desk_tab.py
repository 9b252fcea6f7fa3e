"""Live desk (直播台): the timer's transport, both rooms, and the merged question feed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.domain.model import QuestionFlag, QuestionStatus
from studio.domain.records import BlockedViewerRecord, QuestionRecord, UnitRecord
from studio.domain.studio_time import clock_text, to_epoch
from studio.paths import resources_dir
from studio.ui import labels, theme
from studio.ui.desk.blocked_dialog import BlockedViewersDialog
from studio.ui.desk.briefing_viewer import BriefingViewer
from studio.ui.desk.cluster_offer import ClusterOffer
from studio.ui.desk.feed_delegate import (
    BADGE_COLOURS,
    BadgeDelegate,
    SensitiveTextDelegate,
    sensitive_words,
)
from studio.ui.desk.feed_filter import VIEWS, FeedFilter, FeedFilterBar, room_of
from studio.ui.desk.feed_keys import FeedKeys
from studio.ui.desk.feed_model import RECORD_ROLE, WAITING, FeedModel
from studio.ui.desk.feed_sources import FeedSourcesDialog
from studio.ui.desk.figures_strip import FiguresStrip
from studio.ui.desk.manual_entry import ManualEntryDialog
from studio.ui.desk.queue_panel import QueuePanel
from studio.ui.desk.transport import NotePanel, TransportPanel
from studio.ui.keys import bind_keys
from studio.ui.record_model import RIGHT, Column

#: A cluster's questions an answer may close too (on air is the official's, done is done).
_STILL_WAITING = (QuestionStatus.NEW, QuestionStatus.FLAGGED, QuestionStatus.QUEUED)
_EDITED = QuestionFlag.EDITED.value  # plain ints: a Flag's own "&" is slow

#: The feed's columns, by name (their order in the table).
FEED_COLUMNS = ("time", "room", "author", "comment", "asked", "unit", "status")


class DeskTab(QWidget):
    """What the moderator works at during the hour.

    Keys on the feed (only while it has focus): see :mod:`studio.ui.desk.feed_keys`. Anywhere on the desk: Alt+1 … Alt+8 choose the feed's view (all,
    questions, new, flagged, queued, answered, referred, hidden; again re-applies it), Ctrl+F
    searches (Esc there clears the search and goes back to the feed), Alt+Q moves the keyboard
    to the on-air queue (Esc there comes back).

    Signals:
        manualQuestionEntered(str, str, str): text, channel (phone/wechat), caller's name.
        sourcesEdited(list): the feed sources as edited in the sources dialog (dicts).
        moderationRequested(str, list): a ``ModerationAction`` value and the selected ids.
        undoRequested(): revert the last move.
        blockRequested(int, bool): block the current question's author (True: for good).
        mergeRequested(list): merge the selected questions into one cluster.
        referRequested(list, int, str, str): ids, unit id, category, note (from the R dialog).
        editRequested(int, str): a question's new text, to approve (from the E dialog).
        blockedViewersRequested(): read the blocked viewers (their dialog is shown).
        unblockRequested(int): lift a block (from the blocked viewers' dialog).
    """

    manualQuestionEntered = Signal(str, str, str)
    sourcesEdited = Signal(list)
    moderationRequested = Signal(str, list)
    undoRequested = Signal()
    blockRequested = Signal(int, bool)
    mergeRequested = Signal(list)
    referRequested = Signal(list, int, str, str)
    editRequested = Signal(int, str)
    blockedViewersRequested = Signal()
    unblockRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.transport = TransportPanel()
        self.notes = NotePanel()
        self.rooms = FiguresStrip()
        self.feed_model = FeedModel(self._feed_columns(), self)
        self.feed_model.cluster_column = FEED_COLUMNS.index("asked")
        self.feed_filter = FeedFilter(self.feed_model, self)
        self.filter_bar = FeedFilterBar()
        self.feed_view = _feed_table(self.feed_filter, self)
        self.feed_view.setAccessibleName(self.tr("Question feed"))
        self._add_feed_delegates()
        self._add_filter_keys()
        self._units: list[UnitRecord] = []
        self.feed_keys = FeedKeys(self.feed_view, lambda: self._units, self)
        self.feed_keys.moderationRequested.connect(self._moderate)
        for request, forward in (
            (self.feed_keys.undoRequested, self.undoRequested),
            (self.feed_keys.blockRequested, self.blockRequested),
            (self.feed_keys.mergeRequested, self.mergeRequested),
            (self.feed_keys.referRequested, self.referRequested),
            (self.feed_keys.editRequested, self.editRequested),
        ):
            request.connect(forward)
        self._sized = False
        self._sources: list[dict[str, str]] = []
        self.manual_dialog: ManualEntryDialog | None = None
        self.sources_dialog: FeedSourcesDialog | None = None
        self.manual_button = QPushButton(self.tr("Add a phone/WeChat question…"))
        self.manual_button.clicked.connect(self.open_manual_entry)
        self.sources_button = QPushButton(self.tr("Feed sources…"))
        self.sources_button.clicked.connect(self.open_sources)
        self.blocked_dialog: BlockedViewersDialog | None = None
        self.blocked_button = QPushButton(self.tr("Blocked viewers…"))
        self.blocked_button.clicked.connect(self.open_blocked_viewers)
        self.cluster_offer = ClusterOffer()
        self.cluster_offer.answerRequested.connect(
            lambda ids: self.moderationRequested.emit("answer", ids)
        )
        self._answering: set[int] = set()  # answers pressed here, not stored yet
        self._counts = QLabel(textFormat=Qt.TextFormat.PlainText)
        self._counts.setProperty("role", "subtle")

        feed = QWidget()
        feed_box = QVBoxLayout(feed)
        feed_box.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Question feed (both rooms)"))
        title.setProperty("role", "heading")
        feed_box.addWidget(title)
        feed_box.addWidget(self.filter_bar)
        feed_box.addWidget(self.feed_view, 1)
        feed_box.addWidget(self.cluster_offer)
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
        bottom.addWidget(self.blocked_button)
        bottom.addWidget(self.sources_button)
        feed_box.addLayout(bottom)

        queue = QWidget()
        queue_box = QVBoxLayout(queue)
        queue_box.setContentsMargins(0, 0, 0, 0)
        queue_title = QLabel(self.tr("On-air queue"))
        queue_title.setProperty("role", "heading")
        self.queue = QueuePanel()
        self.queue.moderationRequested.connect(self._moderate)
        self.queue.undoRequested.connect(self.undoRequested)
        # Alt+Q: the keyboard to the on-air queue; Esc there brings it back to the feed.
        bind_keys(
            self,
            [
                ("Alt+Q", self.focus_queue, self.tr("To the on-air queue (Esc: back)")),
                (
                    "Alt+A",
                    self.cluster_offer.accept,
                    self.tr("Answer the rest of the cluster (when offered)"),
                ),
            ],
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.queue.leaveRequested.connect(
            lambda: self.feed_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        )
        queue_box.addWidget(self.notes)
        self.briefing = BriefingViewer()
        self.side_tabs = side_tabs = QTabWidget()
        queue_page = QWidget()
        queue_page_box = QVBoxLayout(queue_page)
        queue_page_box.setContentsMargins(0, 0, 0, 0)
        queue_page_box.addWidget(queue_title)
        queue_page_box.addWidget(self.queue, 1)
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

    # -- the feed's rows and filter ------------------------------------------------------------
    def _feed_columns(self) -> list[Column]:
        """One spec per ``FEED_COLUMNS`` name; each computes only the cell asked for."""
        model = lambda: self.feed_model  # noqa: E731 (made after the columns)
        return [
            Column(
                self.tr("Time"),
                lambda q: clock_text(q.received_at, seconds=True),
                sort_key=lambda q: to_epoch(q.received_at),
            ),
            Column(
                self.tr("Room"),
                self._badge_word,
                tooltip=lambda q: f"{labels.room_role(q.room_role)} · {labels.channel(q.channel)}",
                background=lambda q: BADGE_COLOURS[room_of(q)],
            ),
            Column(self.tr("Author"), lambda q: q.nickname),
            Column(
                self.tr("Comment"),
                lambda q: f"✎ {q.display_text}" if q.flags.value & _EDITED else q.display_text,
                tooltip=self._text_tooltip,
                colour=self._text_colour,
            ),
            Column(
                self.tr("Asked"),
                lambda q: str(n) if (n := model().cluster_size(q)) > 1 else "",
                align=RIGHT,
                tooltip=lambda q: self.tr("{count} people asked this").format(
                    count=model().cluster_size(q)
                ),
            ),
            Column(self.tr("Unit"), self._unit_word, tooltip=self._unit_tooltip),
            Column(self.tr("Status"), self._status_word),
        ]

    def _unit_word(self, question: QuestionRecord) -> str:
        """The ticket a referred question is on ("转办 ZB-0012 · 民政局"), else the unit the
        feed suggests."""
        if question.referral:
            return self.tr("Referred {ticket}").format(ticket=question.referral)
        return question.unit_name

    def _unit_tooltip(self, question: QuestionRecord) -> str:
        if question.referral:
            return self.tr("On referral ticket {ticket}").format(ticket=question.referral)
        if question.unit_name:
            return self.tr("Suggested by the routing keywords: {unit}").format(
                unit=question.unit_name
            )
        return ""

    def _status_word(self, question: QuestionRecord) -> str:
        status = labels.question_status(question.status)
        if question.flags.value & _EDITED:
            return self.tr("{status} · edited").format(status=status)
        return status

    def _text_tooltip(self, question: QuestionRecord) -> str:
        if question.flags.value & _EDITED:
            return self.tr("Edited by the moderator (E): {text}").format(text=question.display_text)
        return question.display_text

    def _badge_word(self, question: QuestionRecord) -> str:
        room = room_of(question)
        if room == "gov":
            return self.tr("County")
        if room == "dept":
            return self.tr("Dept.")
        return self.tr("WeChat") if question.channel == "wechat" else self.tr("Phone")

    def _add_feed_delegates(self) -> None:
        words = sensitive_words(resources_dir() / "rules" / "sensitive_words.txt")
        self.text_delegate = SensitiveTextDelegate.for_words(words, self.feed_view)
        self.badge_delegate = BadgeDelegate(self.feed_view)
        self.feed_view.setItemDelegateForColumn(FEED_COLUMNS.index("comment"), self.text_delegate)
        self.feed_view.setItemDelegateForColumn(FEED_COLUMNS.index("room"), self.badge_delegate)

    def _add_filter_keys(self) -> None:
        """Alt+1 … Alt+8 choose a view, Ctrl+F searches (Esc there clears it, back to the feed)."""
        bar = self.filter_bar
        bar.viewChosen.connect(self.set_view)
        bar.roomChosen.connect(lambda room: self._apply_filter(room=room))
        bar.unitChosen.connect(lambda unit: self._apply_filter(unit=unit))
        bar.searchChanged.connect(lambda text: self._apply_filter(search=text))
        bar.searchLeft.connect(self.feed_view.setFocus)
        keys = [
            (
                f"Alt+{n}",
                lambda v=view: self.set_view(v),
                self.tr("Show: {view}").format(view=bar.view_word(view)),
            )
            for n, view in enumerate(VIEWS, 1)
        ]
        keys.append(("Ctrl+F", self.focus_search, self.tr("Search (Esc: clear)")))
        bind_keys(self, keys, Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def focus_queue(self) -> None:
        self.side_tabs.setCurrentIndex(0)  # the queue, not the briefing notes
        self.queue.take_focus()

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def set_view(self, view: str) -> None:
        """Show one of ``VIEWS`` (chosen again, it re-applies: moved rows find their place)."""
        self.filter_bar.show_view(view)
        self._apply_filter(view=view)

    def _apply_filter(self, **change: str) -> None:
        """Filter again, keeping the current question in sight if it still passes."""
        current = self.feed_view.currentIndex()
        kept = current.data(RECORD_ROLE) if current.isValid() else None
        self.feed_filter.set_filter(**change)
        self._unseen = 0
        self.new_marker.hide()
        row = self.feed_filter.row_of(kept.id) if kept is not None else None
        if row is not None:
            self.feed_view.scrollTo(self.feed_filter.index(row, 0))
        else:
            self.feed_view.scrollToBottom()

    def _size_columns(self) -> None:
        self.feed_view.resizeColumnsToContents()
        self._sized = True

    @staticmethod
    def _text_colour(question: QuestionRecord):  # type: ignore[no-untyped-def]
        if question.flags & QuestionFlag.SENSITIVE:
            return theme.BAD
        if not question.flags & QuestionFlag.IS_QUESTION:
            return theme.MUTED
        return None

    def selected_questions(self) -> list[QuestionRecord]:
        """The selected rows' questions, top to bottom (through the filter)."""
        return self.feed_keys.selected_questions()

    def set_units(self, units: list[UnitRecord]) -> None:
        """The units (after every read of them): a renamed unit's rows change in place."""
        before = {unit.id: unit.name for unit in self._units}
        renamed = {before[u.id]: u.name for u in units if before.get(u.id, u.name) != u.name}
        self._units = list(units)
        self.filter_bar.set_units(self._units)
        self.feed_model.rename_units(renamed)

    def update_questions(self, questions: list[QuestionRecord]) -> None:
        """New states of questions already shown (after a move); selection and scroll stay."""
        for question in questions:
            self.feed_model.update(question)
        self._show_figures()
        self._show_queue()
        self._offer_cluster(questions)

    def _moderate(self, action: str, ids: list[int]) -> None:
        """A move pressed on the feed or the queue; an answer may offer its cluster's rest."""
        if action == "answer":
            self._answering.update(ids)
            self.cluster_offer.withdraw()
        self.moderationRequested.emit(action, ids)

    def _offer_cluster(self, questions: list[QuestionRecord]) -> None:
        """Once an answer pressed here is stored: the rest of its cluster still waiting (the
        same question from other viewers) is offered to be marked answered too."""
        answered = [q for q in questions if q.id in self._answering]
        self._answering.difference_update(q.id for q in answered)
        clusters = {
            q.cluster_id
            for q in answered
            if q.status == QuestionStatus.ANSWERED and q.cluster_id is not None
        }
        rest = [
            member
            for cluster in sorted(clusters)
            for member in self.feed_model.cluster_members(cluster)
            if member.status in _STILL_WAITING
        ]
        if rest:
            self.cluster_offer.offer(rest)

    def _show_queue(self) -> None:
        # The feed keeps who is on air or queued as they change: no scan of the whole feed.
        model = self.feed_model
        self.queue.show_questions(model.on_air_and_queued(), model.cluster_size)

    def show_questions(self, questions: list[QuestionRecord]) -> None:
        """A whole session's stored questions at once: replaces the feed (one reset)."""
        self.open_feed()
        self.add_stored_questions(questions)
        self.finish_feed_load()

    def open_feed(self) -> None:
        """Another session opens: the feed empties (the one reset) until its pages arrive."""
        self.feed_model.begin_load()
        self._unseen = 0
        self.new_marker.hide()
        self._show_figures()
        self._show_queue()

    def add_stored_questions(self, questions: list[QuestionRecord]) -> None:
        """One page of the session's stored questions, oldest first (appended in one step)."""
        self._add(lambda: self.feed_model.add_loaded(questions))
        self._show_queue()

    def finish_feed_load(self) -> None:
        """Every stored question is in: the live ones that came meanwhile follow."""
        self._add(self.feed_model.end_load)
        self._show_queue()

    def append_questions(self, questions: list[QuestionRecord]) -> None:
        """A batch of new questions from the live feed; the view follows the newest rows
        unless the moderator has scrolled up. While the session's stored questions are still
        loading, they wait for the last page (the feed stays in order)."""
        if self.feed_model.loading:
            self.rooms.count_comments(self.feed_model.hold(questions))
            return
        self.rooms.count_comments(self._add(lambda: self.feed_model.append(questions)))

    def _add(self, add: Callable[[], int]) -> int:
        """Rows appended by ``add`` (returns how many): the figures, and the view follows the
        newest rows unless the moderator has scrolled up (then "N new" counts them)."""
        bar = self.feed_view.verticalScrollBar()
        # Nobody reads a hidden tab: it follows the newest rows until the moderator scrolls up.
        following = not self.feed_view.isVisible() or bar.value() >= bar.maximum() - 2
        shown = self.feed_filter.rowCount()
        added = add()
        if not added:
            return 0
        self._show_figures()
        if not self._sized:
            self._size_columns()
        # Only rows that pass the filter are new to the reader.
        passed = self.feed_filter.rowCount() - shown
        if following:
            self.feed_view.scrollToBottom()
        elif passed:
            self._unseen += passed
            self.new_marker.setText(self.tr("{count} new ▼").format(count=self._unseen))
            self.new_marker.show()
        return added

    def jump_to_newest(self) -> None:
        """Scroll to the newest comment and forget the "N new" count (selection unchanged)."""
        self.feed_view.scrollToBottom()
        self._unseen = 0
        self.new_marker.hide()

    def _show_figures(self) -> None:
        """The feed's tallies: under the feed, on the view buttons and in the figures strip."""
        model = self.feed_model
        waiting = model.question_count(WAITING)
        self._counts.setText(
            self.tr("{comments} comments · {questions} questions · {waiting} waiting").format(
                comments=model.rowCount(), questions=model.question_count(), waiting=waiting
            )
        )
        counts = {"all": model.rowCount(), "questions": model.question_count()}
        for view in VIEWS[3:]:
            counts[view] = model.status_count(view)
        counts["new"] = model.question_count((QuestionStatus.NEW,))  # chatter is never "new"
        counts["queued"] += model.status_count(QuestionStatus.ON_AIR)
        self.rooms.show_waiting(waiting)
        self.filter_bar.show_counts(counts)

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

    def open_blocked_viewers(self) -> None:
        """Open (or raise) the non-modal list of blocked viewers; it reads the list when shown."""
        if self.blocked_dialog is None:
            self.blocked_dialog = BlockedViewersDialog(self)
            self.blocked_dialog.refreshRequested.connect(self.blockedViewersRequested)
            self.blocked_dialog.unblockRequested.connect(self.unblockRequested)
        self.blocked_dialog.show()
        self.blocked_dialog.raise_()

    def show_blocked_viewers(self, viewers: list[BlockedViewerRecord]) -> None:
        if self.blocked_dialog is not None:
            self.blocked_dialog.show_viewers(viewers)

    def open_sources(self) -> None:
        """Open the non-modal dialog choosing each room's capture tool and address."""
        if self.sources_dialog is None:
            self.sources_dialog = FeedSourcesDialog(self)
            self.sources_dialog.sourcesAccepted.connect(self.sourcesEdited)
        self.sources_dialog.set_sources(self._sources)
        self.sources_dialog.show()


def _feed_table(model: FeedFilter, parent: QWidget) -> QTableView:
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
    header.setHighlightSections(False)
    # The comment takes the room the others leave (the status is a word, the comment a text);
    # the others start at their header's width, on an empty feed too, and fit the first rows.
    header.setStretchLastSection(False)
    header.resizeSections(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(FEED_COLUMNS.index("comment"), QHeaderView.ResizeMode.Stretch)
    # Column widths from the first 30 rows: each measured row costs the first page ~1 ms.
    header.setResizeContentsPrecision(30)
    return view
