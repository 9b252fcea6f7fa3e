"""Which tickets the board shows: by status, unit, category, session, overdue, and a search.

The filter is a proxy over the board's model (rows follow the store underneath it by row
changes); the bar above the table sets it. The search finds a ticket by its number (``12``,
``ZB-0012``), by words of its question, reply or note, or by an asker's nickname.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from studio.domain.model import ReferralCategory, ReferralStatus
from studio.domain.records import ReferralRecord
from studio.domain.referral_deadlines import is_overdue
from studio.ui import labels
from studio.ui.keys import bind_keys
from studio.ui.record_model import RECORD_ROLE, SORT_ROLE

_NUMBER = re.compile(r"(?:zb-?)?0*([0-9]+)", re.IGNORECASE | re.ASCII)


@dataclass(frozen=True)
class BoardFilter:
    """What the board shows (None: any)."""

    status: ReferralStatus | None = None
    unit_id: int | None = None
    category: ReferralCategory | None = None
    session_id: int | None = None
    overdue: bool = False
    search: str = ""


def matches(ticket: ReferralRecord, chosen: BoardFilter, today: dt.date) -> bool:
    """Whether ``ticket`` passes ``chosen`` on ``today``."""
    if chosen.status is not None and ticket.status != chosen.status:
        return False
    if chosen.unit_id is not None and ticket.unit_id != chosen.unit_id:
        return False
    if chosen.category is not None and ticket.category != chosen.category:
        return False
    if chosen.session_id is not None and ticket.session_id != chosen.session_id:
        return False
    if chosen.overdue and not is_overdue(ticket.status, ticket.deadline, today):
        return False
    needle = chosen.search.strip().casefold()
    if not needle:
        return True
    number = _NUMBER.fullmatch(needle)
    if number is not None:
        return ticket.id == int(number[1])
    words = [
        ticket.number,
        ticket.summary,
        ticket.reply,
        ticket.note,
        ticket.unit_name,
        *(a.nickname for a in ticket.askers),
        *(a.text for a in ticket.askers),
    ]
    return any(needle in word.casefold() for word in words if word)


class TicketFilterModel(QSortFilterProxyModel):
    """The board's proxy: filters by a :class:`BoardFilter`, sorts by each column's key."""

    def __init__(self, today: Callable[[], dt.date], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self.chosen = BoardFilter()
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_filter(self, **change: Any) -> None:
        self.beginFilterChange()
        self.chosen = replace(self.chosen, **change)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        ticket = self.sourceModel().index(row, 0, parent).data(RECORD_ROLE)
        return ticket is not None and matches(ticket, self.chosen, self._today())


class FilterBar(QWidget):
    """The filter's choices; ``changed`` says which.

    Signals:
        changed(dict): the :class:`BoardFilter` fields that changed, by name.
        searchLeft(): Esc in the search box (it is cleared; the table takes the focus).
    """

    changed = Signal(dict)
    searchLeft = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for status in ReferralStatus:
            self.status.addItem(labels.referral_status(status), status)
        self.unit = QComboBox()
        self.unit.setMinimumContentsLength(10)
        self.category = QComboBox()
        self.category.addItem(self.tr("Any category"), None)
        for category in ReferralCategory:
            self.category.addItem(labels.referral_category(category), category)
        self.session = QComboBox()
        self.session.setMinimumContentsLength(12)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search: number, words, nickname (Ctrl+F)"))
        self.search.setMinimumWidth(260)
        self.set_choices([])
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(self.tr("Show")))
        for widget in (self.status, self.unit, self.category, self.session, self.overdue):
            box.addWidget(widget)
        box.addWidget(self.search, 1)
        self.status.currentIndexChanged.connect(
            lambda: self.changed.emit({"status": self.status.currentData()})
        )
        self.unit.currentIndexChanged.connect(
            lambda: self.changed.emit({"unit_id": self.unit.currentData()})
        )
        self.category.currentIndexChanged.connect(
            lambda: self.changed.emit({"category": self.category.currentData()})
        )
        self.session.currentIndexChanged.connect(
            lambda: self.changed.emit({"session_id": self.session.currentData()})
        )
        self.overdue.toggled.connect(lambda on: self.changed.emit({"overdue": on}))
        self.search.textChanged.connect(lambda text: self.changed.emit({"search": text}))
        bind_keys(self.search, [("Escape", self._leave_search)])

    def set_choices(self, tickets: Sequence[ReferralRecord]) -> None:
        """Offer the units and sessions the tickets have (the choice made stays)."""
        units = sorted({(t.unit_name, t.unit_id) for t in tickets})
        sessions = sorted({(t.session_date, t.session_id) for t in tickets}, reverse=True)
        _refill(self.unit, self.tr("Any unit"), [(name, uid) for name, uid in units])
        _refill(
            self.session,
            self.tr("Any session"),
            [(day.isoformat(), sid) for day, sid in sessions],
        )

    def _leave_search(self) -> None:
        self.search.clear()
        self.searchLeft.emit()


def _refill(combo: QComboBox, anything: str, items: list[tuple[str, object]]) -> None:
    """Refill a combo with ``items``, keeping the chosen one if it is still there."""
    chosen = combo.currentData()
    now = [(anything, None), *items]
    if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == now:
        return
    combo.blockSignals(True)
    combo.clear()
    for text, data in now:
        combo.addItem(text, data)
    index = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)
    if chosen is not None and index < 0:  # what was chosen is gone: show everything again
        combo.currentIndexChanged.emit(0)
