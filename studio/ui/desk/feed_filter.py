"""Which rows of the live feed the moderator sees: a view (new, flagged …), a room, a unit, a search.

``FeedFilter`` is a proxy model holding the list of source rows that pass one predicate, made
when the filter changes; a batch of new rows costs one cheap call per row. Rows are filtered when
they arrive and when the filter changes, never when a row changes: a question flagged under
"New" stays where the moderator is reading until the filter is chosen again. ``FeedFilterBar`` is the row of controls above the feed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from studio.domain.model import Platform, QuestionFlag, QuestionStatus, RoomRole
from studio.domain.records import QuestionRecord, UnitRecord
from studio.domain.text.keywords import to_simplified
from studio.domain.text.normalise import normalise
from studio.ui.desk.feed_model import FeedModel
from studio.ui.keys import bind_keys

#: The views, in the order of their buttons (Alt+1 … Alt+8).
VIEWS = ("all", "questions", "new", "flagged", "queued", "answered", "referred", "hidden")
#: The rooms a feed can be narrowed to.
ROOMS = ("both", "gov", "dept", "manual")

_STATUSES: dict[str, tuple[QuestionStatus, ...]] = {
    # New questions only: chatter ("主持人好") never waits for the moderator's decision.
    "new": (QuestionStatus.NEW,),
    "flagged": (QuestionStatus.FLAGGED,),
    # The question on air is the head of the queue.
    "queued": (QuestionStatus.QUEUED, QuestionStatus.ON_AIR),
    "answered": (QuestionStatus.ANSWERED,),
    "referred": (QuestionStatus.REFERRED,),
    "hidden": (QuestionStatus.HIDDEN,),
}

Predicate = Callable[[QuestionRecord], bool]


def search_key(text: str) -> str:
    """The form a search compares: NFKC, simplified characters, case folded."""
    return to_simplified(normalise(text, max_len=2000)).casefold()


def room_of(question: QuestionRecord) -> str:
    """``gov``, ``dept`` or ``manual`` (a phone or WeChat question typed in by the desk)."""
    if question.platform is Platform.MANUAL or question.room_role is None:
        return "manual"
    return "gov" if question.room_role is RoomRole.GOV else "dept"


class FeedFilter(QAbstractProxyModel):
    """The feed as the moderator chose to see it.

    Written for this feed rather than taken from ``QSortFilterProxyModel``: that one asks a
    Python ``filterAcceptsRow`` once per row, so a view switch over 100,000 rows cost
    0.1-0.4 s; here the rows that pass are worked out in one pass and mapped by bisection. The
    feed only grows at its end and rows keep their place, which keeps this small.

    Attributes:
        view: one of ``VIEWS``.
        room: one of ``ROOMS``.
        unit: a suggested unit's name, or "" for any.
        search: what the search box holds (as typed).
    """

    def __init__(self, model: FeedModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.view, self.room, self.unit, self.search = "all", "both", "", ""
        self._accept: Predicate | None = None
        self._rows: list[int] = []  # the source rows shown, in order
        self._keys: dict[int, tuple[str, str, str]] = {}  # id → text, nickname, key
        self.setSourceModel(model)
        # The feed resets only when another session opens (the subject changes): so do we.
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        model.rowsInserted.connect(self._source_rows_inserted)
        model.dataChanged.connect(self._source_data_changed)
        model.headerDataChanged.connect(self.headerDataChanged)
        self._rows = self._passing(0, model.rowCount())

    # -- the filter ----------------------------------------------------------------------------
    def set_filter(
        self,
        *,
        view: str | None = None,
        room: str | None = None,
        unit: str | None = None,
        search: str | None = None,
    ) -> None:
        """Change any part of the filter and apply it (again: a row that left or joined a
        view since the last time is now placed by its new state)."""
        if view is not None:
            if view not in VIEWS:
                raise ValueError(f"unknown feed view {view!r}")
            self.view = view
        if room is not None:
            if room not in ROOMS:
                raise ValueError(f"unknown room {room!r}")
            self.room = room
        if unit is not None:
            self.unit = unit
        if search is not None:
            self.search = search
        self._accept = self._predicate()
        # One layout change, not an insertion or removal per run of rows: a view handles one
        # change of 100,000 rows at once quickly, and thousands of small ones slowly. The
        # selection is kept where its rows still pass.
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._rows = rows = self._passing(0, self._model.rowCount())
        before = self.persistentIndexList()
        after = []
        for index in before:
            source_row = old_rows[index.row()] if 0 <= index.row() < len(old_rows) else -1
            at = bisect_left(rows, source_row)
            found = at < len(rows) and rows[at] == source_row
            after.append(self.createIndex(at, index.column()) if found else QModelIndex())
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def is_filtering(self) -> bool:
        return self._accept is not None

    def _passing(self, first: int, last: int) -> list[int]:
        """The source rows in ``[first, last)`` that pass the filter."""
        accept = self._accept
        if accept is None:
            return list(range(first, last))
        records = self._model.records(first, last)  # a batch's rows, not a copy of the feed
        return [first + i for i, q in enumerate(records) if accept(q)]

    def _predicate(self) -> Predicate | None:
        tests: list[Predicate] = []
        bit = QuestionFlag.IS_QUESTION.value  # plain ints: a Flag's own "&" is slow
        if self.view == "questions":
            tests.append(lambda q: bool(q.flags.value & bit))
        elif self.view == "new":
            new = QuestionStatus.NEW
            tests.append(lambda q: q.status == new and bool(q.flags.value & bit))
        elif self.view in _STATUSES:
            statuses = _STATUSES[self.view]
            tests.append(lambda q: q.status in statuses)
        if self.room != "both":
            room = self.room
            tests.append(lambda q: room_of(q) == room)
        if self.unit:
            unit = self.unit
            tests.append(lambda q: q.unit_name == unit)
        needle = search_key(self.search.strip()) if self.search.strip() else ""
        if needle:
            key = self._key
            tests.append(lambda q: needle in key(q))
        if not tests:
            return None
        if len(tests) == 1:
            return tests[0]
        return lambda q: all(test(q) for test in tests)

    def _key(self, question: QuestionRecord) -> str:
        """A question's text and nickname as searched, kept per id until either changes."""
        kept = self._keys.get(question.id)
        if kept is not None and kept[0] == question.display_text and kept[1] == question.nickname:
            return kept[2]
        # The display text is normalised already (the pipeline's); one conversion for both.
        both = question.display_text + "\n" + normalise(question.nickname, max_len=200)
        key = to_simplified(both).casefold()
        self._keys[question.id] = (question.display_text, question.nickname, key)
        return key

    # -- what the feed does ----------------------------------------------------------------
    def _source_reset(self) -> None:
        self._rows = self._passing(0, self._model.rowCount())
        self.endResetModel()

    def _source_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        if self._rows and first <= self._rows[-1]:  # not at the end: the feed never does this
            # A safety net, never an ordinary change: the feed only appends within a session.
            self.beginResetModel()
            self._source_reset()
            return
        fresh = self._passing(first, last + 1)
        if fresh:
            end = len(self._rows)
            self.beginInsertRows(QModelIndex(), end, end + len(fresh) - 1)
            self._rows.extend(fresh)
            self.endInsertRows()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        # A moderated row stays where it is until the filter is applied again.
        rows = self._rows
        first = bisect_left(rows, top_left.row())
        last = bisect_right(rows, bottom_right.row()) - 1
        if first <= last:
            self.dataChanged.emit(
                self.index(first, top_left.column()), self.index(last, bottom_right.column())
            )

    # -- QAbstractProxyModel -------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._model.columnCount()

    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if parent.isValid() or not (0 <= row < len(self._rows)):
            return QModelIndex()
        if not 0 <= column < self._model.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def mapToSource(self, proxy: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not proxy.isValid() or not 0 <= proxy.row() < len(self._rows):
            return QModelIndex()
        return self._model.index(self._rows[proxy.row()], proxy.column())

    def mapFromSource(self, source: QModelIndex | QPersistentModelIndex) -> QModelIndex:
        if not source.isValid():
            return QModelIndex()
        rows = self._rows
        at = bisect_left(rows, source.row())
        if at < len(rows) and rows[at] == source.row():
            return self.createIndex(at, source.column())
        return QModelIndex()

    # -- for the desk --------------------------------------------------------------------------
    def record(self, row: int) -> Any:
        """The record at ``row`` of this (filtered) model."""
        return self._model.record(self._rows[row])

    def row_of(self, record_id: int) -> int | None:
        """The filtered row of a record, or None when it is not shown."""
        source = self._model.row_of(record_id)
        if source is None:
            return None
        rows = self._rows
        at = bisect_left(rows, source)
        return at if at < len(rows) and rows[at] == source else None


class FeedFilterBar(QWidget):
    """The controls above the feed: the view buttons (with counts), room, unit and search.

    Signals:
        viewChosen(str): a view button was pressed (also when it was already the view).
        roomChosen(str): one of ``ROOMS``.
        unitChosen(str): a unit's name, "" for any.
        searchChanged(str): the search text, once typing pauses.
        searchLeft(): Esc in the search box (it was cleared): focus goes back to the feed.
    """

    viewChosen = Signal(str)
    roomChosen = Signal(str)
    unitChosen = Signal(str)
    searchChanged = Signal(str)
    searchLeft = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        for number, view in enumerate(VIEWS, start=1):
            button = QToolButton()
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setToolTip(f"Alt+{number}")
            button.clicked.connect(lambda _checked=False, v=view: self.viewChosen.emit(v))
            self._group.addButton(button)
            self.buttons[view] = button
            box.addWidget(button)
        self.buttons["all"].setChecked(True)
        box.addSpacing(8)
        self.room = QComboBox()
        self.room.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        for key, text in zip(ROOMS, self._room_words(), strict=True):
            self.room.addItem(text, key)
        self.room.activated.connect(lambda i: self.roomChosen.emit(self.room.itemData(i)))
        box.addWidget(self.room)
        self.unit = QComboBox()
        self.unit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.unit.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit.addItem(self.tr("Any unit"), "")
        self.unit.activated.connect(lambda i: self.unitChosen.emit(self.unit.itemData(i)))
        box.addWidget(self.unit)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search text or author (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._typed)
        bind_keys(self.search, [(Qt.Key.Key_Escape, self._leave_search)])
        box.addWidget(self.search, 1)
        # Typing waits for a pause: the feed is filtered once per word, not once per key.
        self._pause = QTimer(self, singleShot=True, interval=150)
        self._pause.timeout.connect(lambda: self.searchChanged.emit(self.search.text()))
        self.show_counts({})

    def _room_words(self) -> tuple[str, ...]:
        return (
            self.tr("Both rooms"),
            self.tr("County room"),
            self.tr("Department room"),
            self.tr("Phone / WeChat"),
        )

    def view_word(self, view: str) -> str:
        """A view's name as its button shows it."""
        return {
            "all": self.tr("All"),
            "questions": self.tr("Questions"),
            "new": self.tr("New questions"),
            "flagged": self.tr("Flagged"),
            "queued": self.tr("Queued"),
            "answered": self.tr("Answered"),
            "referred": self.tr("Referred"),
            "hidden": self.tr("Hidden"),
        }[view]

    def show_counts(self, counts: dict[str, int]) -> None:
        """Each view's row count on its button (a view missing from ``counts`` shows none)."""
        for view, button in self.buttons.items():
            count = counts.get(view)
            word = self.view_word(view)
            button.setText(word if count is None else f"{word} {count}")

    def show_view(self, view: str) -> None:
        self.buttons[view].setChecked(True)

    def set_units(self, units: list[UnitRecord]) -> None:
        """The units a question may be suggested for (retired ones are left out)."""
        current = self.unit.currentData()
        self.unit.clear()
        self.unit.addItem(self.tr("Any unit"), "")
        for unit in units:
            if not unit.retired:
                self.unit.addItem(unit.name, unit.name)
        self.unit.setCurrentIndex(max(0, self.unit.findData(current)))

    def _typed(self, _text: str) -> None:
        self._pause.start()

    def _leave_search(self) -> None:
        self._pause.stop()
        had = bool(self.search.text())
        self.search.clear()
        self._pause.stop()
        if had:
            self.searchChanged.emit("")
        self.searchLeft.emit()
