"""A month page of day buttons that shows working days, holidays and 调休, with a tooltip per day.

QCalendarWidget draws its days in an internal table whose header cannot be translated, and
marks weekends by weekday only; this grid is small and says what the State Council's calendar
says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.calendar import NATIONAL, DayKind, WorkCalendar
from studio.domain.studio_time import studio_today
from studio.ui import labels

# The fill of a day by its kind (the week view uses it too).
DAY_FILL = {"off": "#fde2e1", "holiday": "#fde2e1", "worked_weekend": "#fff1c2"}
# Colour and a mark in the corner: never colour alone.
_OFF, _WORKED = DAY_FILL["off"], DAY_FILL["worked_weekend"]
DAY_QSS = (
    'QToolButton[kind="work"] { background: #ffffff; }\n'
    f'QToolButton[kind="off"], QToolButton[kind="holiday"] {{ background: {_OFF}; color: #b42318; }}\n'
    f'QToolButton[kind="worked_weekend"] {{ background: {_WORKED}; color: #6b4e00; }}\n'
    'QToolButton[outside="true"] { color: #a0a7b1; }\n'
    'QToolButton[booked="true"] { font-weight: bold; border: 2px solid #1a7f37; }\n'
    "QToolButton:checked { border: 3px solid #1f4e9c; }\n"
)


def day_kind(day: dt.date, calendar: WorkCalendar = NATIONAL) -> DayKind:
    """ "work", "off" (weekend), "holiday" (a weekday off) or "worked_weekend" (调休 worked)."""
    return calendar.kind(day)


DAY_MARKS = {"work": "", "off": "", "holiday": "休", "worked_weekend": "班"}


class PageNavigation(QHBoxLayout):
    """‹ title ›: the row that turns a calendar's pages (months, or weeks)."""

    def __init__(self, previous_tip: str, next_tip: str, step: Callable[[int], None]) -> None:
        super().__init__()
        self.previous_button = QToolButton(text="‹", toolTip=previous_tip)
        self.previous_button.clicked.connect(lambda: step(-1))
        self.next_button = QToolButton(text="›", toolTip=next_tip)
        self.next_button.clicked.connect(lambda: step(1))
        self.title = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setProperty("role", "heading")
        self.addWidget(self.previous_button)
        self.addWidget(self.title, 1)
        self.addWidget(self.next_button)

    def widgets(self) -> tuple[QToolButton, QLabel, QToolButton]:
        return self.previous_button, self.title, self.next_button


class MonthCalendar(QWidget):
    """Six weeks of day buttons around one month, Monday first, one day selected.

    Signals:
        selectionChanged(): another day was selected.
        currentPageChanged(int, int): the year and month shown changed.
        dayActivated(object): a day was double-clicked, or Enter pressed on it (to edit it).
        dayMenuRequested(object, QPoint): the context menu of this day, at this global point
            (a right-click, or the menu key on the day).
    """

    selectionChanged = Signal()
    currentPageChanged = Signal(int, int)
    dayActivated = Signal(object)
    dayMenuRequested = Signal(object, QPoint)

    def __init__(self, today: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected = today or studio_today()
        self._year, self._month = self._selected.year, self._selected.month
        self._tooltips: dict[dt.date, str] = {}
        self._booked: set[dt.date] = set()
        self._units: dict[dt.date, str] = {}
        self.work_calendar = NATIONAL
        self.setStyleSheet(DAY_QSS)

        navigation = PageNavigation(self.tr("Previous month"), self.tr("Next month"), self._step)
        self.previous_button, self.title, self.next_button = navigation.widgets()

        grid = QGridLayout()
        grid.setSpacing(2)
        for column in range(7):
            name = QLabel(labels.weekday(column), textFormat=Qt.TextFormat.PlainText)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(name, 0, column)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QToolButton] = []
        for cell in range(42):
            button = QToolButton(checkable=True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.setMinimumSize(44, 40)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.clicked.connect(lambda _=False, c=cell: self._cell_clicked(c))
            button.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            button.customContextMenuRequested.connect(
                lambda point, c=cell: self._cell_menu(c, point)
            )
            button.installEventFilter(self)
            self.group.addButton(button, cell)
            self.buttons.append(button)
            grid.addWidget(button, 1 + cell // 7, cell % 7)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(navigation)
        box.addLayout(grid)
        self._paint()

    # -- what it shows -----------------------------------------------------------------------
    def year_shown(self) -> int:
        return self._year

    def month_shown(self) -> int:
        return self._month

    def first_shown(self) -> dt.date:
        """The Monday of the first row."""
        first = dt.date(self._year, self._month, 1)
        return first - dt.timedelta(days=first.weekday())

    def days_shown(self) -> list[dt.date]:
        start = self.first_shown()
        return [start + dt.timedelta(days=n) for n in range(42)]

    def selected_date(self) -> dt.date:
        return self._selected

    def button_of(self, day: dt.date) -> QToolButton | None:
        offset = (day - self.first_shown()).days
        return self.buttons[offset] if 0 <= offset < 42 else None

    def set_selected_date(self, day: dt.date) -> None:
        """Select ``day``, turning to its month if need be."""
        changed = day != self._selected
        self._selected = day
        if (day.year, day.month) != (self._year, self._month):
            self.set_page(day.year, day.month)
        else:
            self._paint()
        if changed:
            self.selectionChanged.emit()

    def set_page(self, year: int, month: int) -> None:
        self._year, self._month = year, month
        self._paint()
        self.currentPageChanged.emit(year, month)

    def set_day_info(
        self,
        tooltips: dict[dt.date, str],
        booked: set[dt.date],
        units: dict[dt.date, str] | None = None,
    ) -> None:
        """The tooltip of each day, the days that have a session (drawn bold) and the unit on
        air each day (its short name, written under the day's number)."""
        self._tooltips = dict(tooltips)
        self._booked = set(booked)
        self._units = dict(units or {})
        self._paint()

    def set_work_calendar(self, calendar: WorkCalendar) -> None:
        """Which days are working days (with the days entered by hand)."""
        self.work_calendar = calendar
        self._paint()

    # -- internals ---------------------------------------------------------------------------
    def _step(self, months: int) -> None:
        index = self._year * 12 + self._month - 1 + months
        self.set_page(index // 12, index % 12 + 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Double-click or Enter on a day button activates that day."""
        if watched in self.buttons:
            kind = event.type()
            enter = (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            )
            if kind == QEvent.Type.MouseButtonDblClick or enter:
                cell = self.buttons.index(watched)  # type: ignore[arg-type]
                self._cell_clicked(cell)
                self.dayActivated.emit(self.days_shown()[cell])
                return True
        return super().eventFilter(watched, event)

    def _cell_clicked(self, cell: int) -> None:
        self.set_selected_date(self.days_shown()[cell])

    def _cell_menu(self, cell: int, point: QPoint) -> None:
        self._cell_clicked(cell)
        self.dayMenuRequested.emit(self.days_shown()[cell], self.buttons[cell].mapToGlobal(point))

    def _paint(self) -> None:
        self.title.setText(f"{self._year}-{self._month:02d}")
        for day, button in zip(self.days_shown(), self.buttons, strict=True):
            kind = day_kind(day, self.work_calendar)
            mark = DAY_MARKS[kind]
            unit = self._units.get(day, "")
            button.setText(f"{day.day}{mark}\n{unit}" if unit else f"{day.day}{mark}")
            button.setProperty("kind", kind)
            button.setProperty("outside", day.month != self._month)
            button.setProperty("booked", day in self._booked)
            button.setToolTip(self._tooltips.get(day, day.isoformat()))
            button.setChecked(day == self._selected)
            button.style().unpolish(button)
            button.style().polish(button)
