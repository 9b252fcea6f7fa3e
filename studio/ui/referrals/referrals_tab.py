"""Referrals (转办): the tickets as a 12345 work-order board, one ticket in full beside it.

The board shows what the store holds and follows it by row changes (a move changes its row in
place, the desk's R inserts one): never a reset under a reader, so the selection stays. Days
left are counted in working days on the studio's calendar; a ticket due within one working day
is amber, an overdue one red.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.domain.records import (
    ReferralRecord,
    RevealedContact,
    TicketDetailRecord,
    UnitRecord,
)
from studio.domain.referral_deadlines import RUNNING, is_due_soon, is_overdue, working_days_left
from studio.ui import labels, theme
from studio.ui.file_dialogs import file_dialog
from studio.ui.keys import bind_keys
from studio.ui.record_model import CENTER, RECORD_ROLE, RIGHT, Column, RecordTableModel
from studio.ui.referrals.board_filter import FilterBar, TicketFilterModel
from studio.ui.referrals.card_fields import card_content
from studio.ui.referrals.referral_card import draw_card
from studio.ui.referrals.ticket_actions import TicketActions
from studio.ui.referrals.ticket_detail import TicketDetail

OPEN = RUNNING  # the statuses whose deadline still runs
#: The column the board is sorted by at first: the due date, soonest first.
DUE_COLUMN = 6


class _CardSaver(QRunnable):
    """Encodes and writes the card's PNG off the GUI thread."""

    def __init__(self, image: QImage, path: str, tab: ReferralsTab) -> None:
        super().__init__()
        self._image = image.copy()
        self._path = path
        self._tab = tab

    def run(self) -> None:
        # Signals emitted here reach the tab queued, on the GUI thread.
        if self._image.save(self._path, "PNG"):
            self._tab.cardSaved.emit(self._path)
        else:
            self._tab.cardSaveFailed.emit(self._path)


class ReferralsTab(QWidget):
    """The referral tickets, soonest deadline first; the selected one in full.

    Signals:
        moveRequested(int, object): make a ``Move`` on a ticket.
        dispatchRequested(list, int, str): dispatch tickets to a unit, with a note.
        revealRequested(int): show a ticket's contact (audited by the store).
        detailRequested(int): read a ticket's history, reveals and feed.
        cardSaved(str): a card was written to this path.
        cardSaveFailed(str): a card could not be written there.
    """

    moveRequested = Signal(int, object)
    dispatchRequested = Signal(list, int, str)
    revealRequested = Signal(int)
    detailRequested = Signal(int)
    cardSaved = Signal(str)
    cardSaveFailed = Signal(str)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._units: list[UnitRecord] = []
        self._county = ""
        self._detail: TicketDetailRecord | None = None
        self.model = RecordTableModel(self._columns(), self)
        self.proxy = TicketFilterModel(today, self)
        self.proxy.setSourceModel(self.model)
        self.view = _board_view(self.proxy, self)
        self.view.setAccessibleName(self.tr("Referral tickets"))
        self.view.sortByColumn(DUE_COLUMN, Qt.SortOrder.AscendingOrder)
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(lambda change: self.proxy.set_filter(**change))
        self.filter_bar.changed.connect(lambda _change: self._show_counts())
        self.filter_bar.searchLeft.connect(self.view.setFocus)
        self.detail = TicketDetail(today, self)
        self.ticket_actions = TicketActions(
            self.view, self.selected_tickets, lambda: self._units, today, self
        )
        self.ticket_actions.moveRequested.connect(self.moveRequested)
        self.ticket_actions.dispatchRequested.connect(self.dispatchRequested)
        self.ticket_actions.revealRequested.connect(self.revealRequested)
        self.ticket_actions.copyCardRequested.connect(self.copy_card)
        self.ticket_actions.saveCardRequested.connect(self.choose_card_file)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.cardSaved.connect(
            lambda path: self.say(self.tr("Card saved to {path}").format(path=path))
        )
        self.cardSaveFailed.connect(
            lambda path: self.say(self.tr("Could not save {path}").format(path=path))
        )
        heading = QLabel(self.tr("Referral tickets"))
        heading.setProperty("role", "heading")
        self.summary = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.summary.setProperty("role", "subtle")
        self.message = QLabel(textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self._buttons())
        right_box.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([960, 640])
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(self.filter_bar)
        box.addWidget(self.summary)
        box.addWidget(splitter, 1)
        box.addWidget(self.message)
        bind_keys(
            self,
            [("Ctrl+F", self.focus_search, self.tr("Search tickets (Esc: clear)"))],
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._show_counts()

    # -- the table -------------------------------------------------------------------------------
    def _columns(self) -> list[Column]:
        return [
            Column(
                self.tr("No."),
                lambda r: r.number or f"ZB-{r.id:04d}",
                CENTER,
                sort_key=lambda r: r.id,
                colour=self._deadline_colour,
            ),
            Column(self.tr("Session"), lambda r: r.session_date.isoformat()),
            Column(self.tr("Unit"), lambda r: r.unit_short_name or r.unit_name),
            Column(self.tr("Category"), lambda r: labels.referral_category(r.category)),
            Column(self.tr("Question"), lambda r: r.summary, tooltip=lambda r: r.summary),
            Column(self.tr("Status"), self._status_text),
            Column(
                self.tr("Due"),
                lambda r: r.deadline.isoformat(),
                sort_key=lambda r: (r.deadline.toordinal(), r.id),
                colour=self._deadline_colour,
            ),
            Column(
                self.tr("Working days left"),
                self._days_left,
                RIGHT,
                sort_key=self._days_left_key,
                colour=self._deadline_colour,
                tooltip=self._days_left_tip,
                header_tooltip=self.tr(
                    "Counted in working days on the studio's calendar: weekends and holidays "
                    "are skipped, make-up working days (调休) count. Amber: due within one "
                    "working day; red: overdue."
                ),
            ),
            Column(
                self.tr("Askers"),
                lambda r: str(len(r.askers)),
                RIGHT,
                sort_key=lambda r: len(r.askers),
            ),
            Column(self.tr("Reply"), lambda r: r.reply, tooltip=lambda r: r.reply),
        ]

    def _status_text(self, ticket: ReferralRecord) -> str:
        text = labels.referral_status(ticket.status)
        if ticket.extension_until is not None:
            text += self.tr(" · more time asked")
        if ticket.urge_count:
            text += self.tr(" · urged ×{count}").format(count=ticket.urge_count)
        return text

    def _days_left_key(self, ticket: ReferralRecord) -> int:
        if ticket.status not in OPEN:
            return 10_000
        return working_days_left(ticket.deadline, self._today())

    def _days_left(self, ticket: ReferralRecord) -> str:
        if ticket.status not in OPEN:
            return "—"
        days = working_days_left(ticket.deadline, self._today())
        if days < 0:
            return self.tr("%n working day(s) overdue", "", -days)
        if days == 0:
            return self.tr("due today")
        return self.tr("%n working day(s)", "", days)

    def _days_left_tip(self, ticket: ReferralRecord) -> str:
        if ticket.status not in OPEN:
            return self.tr("The unit has answered; its clock has stopped.")
        return self.tr("Due {date}; counted in working days.").format(
            date=ticket.deadline.isoformat()
        )

    def _deadline_colour(self, ticket: ReferralRecord):  # type: ignore[no-untyped-def]
        today = self._today()
        if ticket.status not in OPEN:
            return theme.MUTED
        if is_overdue(ticket.status, ticket.deadline, today):
            return theme.BAD
        if is_due_soon(ticket.status, ticket.deadline, today):
            return theme.WARN
        return None

    def _buttons(self) -> QWidget:
        """One button per action (the same actions as the keys and the menu)."""
        panel = QWidget()
        grid = QGridLayout(panel)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        self.buttons: dict[QObject, QToolButton] = {}
        for place, action in enumerate(self.ticket_actions.all_actions()):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(
                button.sizePolicy().Policy.Expanding, button.sizePolicy().Policy.Fixed
            )
            self.buttons[action] = button
            grid.addWidget(button, place // 4, place % 4)
        return panel

    # -- what the store says ---------------------------------------------------------------------
    def show_referrals(self, referrals: Sequence[ReferralRecord]) -> None:
        """Every ticket as the store has it now: rows follow by changes (no reset)."""
        first = not self.model.rowCount()
        current = self.current_ticket()
        self.model.set_records(list(referrals))
        if first and referrals:
            self.view.resizeColumnsToContents()
            self.view.setColumnWidth(4, 240)
        self.filter_bar.set_choices(referrals)
        self._show_counts()
        self._after_change(current)
        if first and referrals and current is None:
            # The open ticket due soonest, shown in full (closed ones wait for nobody).
            shown = [self.proxy.index(r, 0).data(RECORD_ROLE) for r in range(self.proxy.rowCount())]
            target = next((t for t in shown if t.status in OPEN), shown[0] if shown else None)
            if target is not None:
                self.select_ticket(target.id)

    def update_ticket(self, ticket: ReferralRecord) -> None:
        """One ticket moved: its row changes in place (the selection stays)."""
        current = self.current_ticket()
        records = self.model.records()
        if not any(r.id == ticket.id for r in records):
            return
        self.model.set_records([ticket if r.id == ticket.id else r for r in records])
        self._show_counts()
        self._after_change(current)

    def _after_change(self, before: ReferralRecord | None) -> None:
        self.ticket_actions.update()
        now = self.current_ticket()
        if now is not None and now.id == self.detail.ticket_id:
            self.detail.show_ticket(now)
            if before is not None and before.version != now.version:
                self.detailRequested.emit(now.id)  # moved elsewhere: its history grew

    def show_units(self, units: Sequence[UnitRecord]) -> None:
        self._units = list(units)

    def show_detail(self, detail: TicketDetailRecord) -> None:
        if detail.ticket.id == self.detail.ticket_id:
            self._detail = detail
        self.detail.show_detail(detail)

    def show_revealed(self, revealed: RevealedContact) -> None:
        self.detail.show_revealed(revealed)

    def set_county(self, profile: object) -> None:
        """The county's name for the card's header (the studio's profile)."""
        self._county = str(getattr(profile, "county_name", "") or "")

    def say(self, text: str) -> None:
        """A passing message under the board (a refusal, a bulk result, a saved card)."""
        self.message.setText(text)

    def show_bulk_result(self, dispatched: int, refused: list) -> None:  # type: ignore[type-arg]
        lines = [self.tr("Dispatched {count} ticket(s).").format(count=dispatched)]
        lines += [
            self.tr("{number} not dispatched: {reason}").format(number=number, reason=reason)
            for number, reason in refused
        ]
        self.say("\n".join(lines))

    # -- selection -------------------------------------------------------------------------------
    def selected_tickets(self) -> list[ReferralRecord]:
        """The selected tickets, the current one first, then top to bottom."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        tickets = [index.data(RECORD_ROLE) for index in rows]
        current = self.current_ticket()
        if current is not None and any(t.id == current.id for t in tickets):
            tickets = [current, *(t for t in tickets if t.id != current.id)]
        return tickets

    def current_ticket(self) -> ReferralRecord | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            rows = self.view.selectionModel().selectedRows()
            return rows[0].data(RECORD_ROLE) if rows else None
        return index.data(RECORD_ROLE)  # type: ignore[no-any-return]

    def _selection_changed(self) -> None:
        self.ticket_actions.update()
        ticket = self.current_ticket()
        if ticket is None:
            self.detail.clear()
            self._detail = None
            return
        if ticket.id != self.detail.ticket_id:
            self._detail = None
            self.detail.show_ticket(ticket)
            self.detailRequested.emit(ticket.id)

    def select_ticket(self, referral_id: int) -> bool:
        """Select the ticket with this id (if the filter shows it); whether it was found."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(RECORD_ROLE).id == referral_id:
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                )
                self.view.selectionModel().setCurrentIndex(index, flags)
                self.view.scrollTo(index)
                return True
        return False

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def _show_counts(self) -> None:
        tickets = self.model.records()
        today = self._today()
        running = sum(1 for t in tickets if t.status in OPEN)
        overdue = sum(1 for t in tickets if is_overdue(t.status, t.deadline, today))
        soon = sum(1 for t in tickets if is_due_soon(t.status, t.deadline, today))
        self.summary.setText(
            self.tr(
                "{shown} of {total} tickets shown · {open} open · {soon} due within one working "
                "day · {overdue} overdue"
            ).format(
                shown=self.proxy.rowCount(),
                total=len(tickets),
                open=running,
                soon=soon,
                overdue=overdue,
            )
        )

    # -- the referral card -----------------------------------------------------------------------
    def card_image(self) -> QImage | None:
        """The current ticket's card, or None with nothing selected."""
        ticket = self.current_ticket()
        if ticket is None:
            return None
        context = (
            self._detail.context if self._detail and self._detail.ticket.id == ticket.id else None
        )
        return draw_card(card_content(ticket, context, self._county, self._today()))

    def copy_card(self) -> None:
        image = self.card_image()
        if image is not None:
            QGuiApplication.clipboard().setImage(image)
            self.say(self.tr("Card copied: paste it into the unit's work group."))

    def choose_card_file(self) -> None:
        ticket = self.current_ticket()
        if ticket is None:
            return
        dialog = file_dialog(
            self,
            self.tr("Save card"),
            filters=[self.tr("PNG images (*.png)")],
            save=True,
            name=f"{ticket.number}.png",
            suffix="png",
            delete_on_close=False,
        )
        dialog.fileSelected.connect(self.save_card)
        self._file_dialog = dialog
        dialog.open()

    def save_card(self, path: str) -> None:
        """Write the current ticket's card to ``path`` (PNG) in a worker thread."""
        image = self.card_image()
        if image is None:
            return
        self.say(self.tr("Saving {path}…").format(path=path))
        QThreadPool.globalInstance().start(_CardSaver(image, path, self))


def _board_view(proxy: TicketFilterModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    return view
