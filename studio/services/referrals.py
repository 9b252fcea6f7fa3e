"""The referrals board as a use case: read the tickets, move them (audited), reveal a contact.

Store calls are blocking: they run in worker threads, one at a time and in the order asked for
(a detail read after a move sees the move). A refused move writes nothing and its reason is
said in the interface's language (``refusal_text``); anything else that fails is logged and
said as a problem.
"""

from __future__ import annotations

import asyncio
import contextvars
import datetime as dt
import functools
import logging
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.domain.records import ReferralRecord, TicketDetailRecord
from studio.domain.referral_deadlines import is_overdue
from studio.domain.referral_lifecycle import Dispatch, Move
from studio.domain.refusals import Refused
from studio.domain.studio_time import studio_today
from studio.services.refusal_text import problem_text, refusal_text
from studio.services.tasks import BackgroundTasks
from studio.store.database import Database
from studio.store.referral_context import ticket_context
from studio.store.referrals import (
    contact_reveals,
    get_ticket,
    list_tickets,
    move_ticket,
    reveal_contact,
    ticket_history,
)
from studio.store.units import list_units

log = logging.getLogger(__name__)


def overdue_count(tickets: Sequence[ReferralRecord], today: dt.date) -> int:
    """How many of ``tickets`` are overdue on ``today`` (the department's clock runs)."""
    return sum(1 for t in tickets if is_overdue(t.status, t.deadline, today))


class ReferralDeskService(QObject):
    """The referral staff's seat: the tickets, their moves, their detail, a contact's reveal.

    Each running board is one seat, ``referrals@<id>`` (a new id per start, like the desk's
    ``moderator@<id>``): that is the "who" of its moves' history rows and of its reveals.

    Signals:
        referralsLoaded(list): every ``ReferralRecord``, soonest deadline first (after
            :meth:`refresh`; the board follows it by row changes).
        unitsLoaded(list): every ``UnitRecord``, retired ones too (a dispatch offers the
            others).
        ticketChanged(object): the ``ReferralRecord`` of a ticket just moved.
        detailLoaded(object): a ``TicketDetailRecord`` (after :meth:`load_detail` and after a
            move or a reveal on that ticket).
        contactRevealed(object): the ``RevealedContact`` of a reveal (audited by the store).
        refused(str): why a move was not made, in the interface's language.
        bulkFinished(int, list): a dispatch of many: how many were dispatched, and
            ``(number, reason)`` for each one refused.
        overdueChanged(int): how many tickets are overdue today (after every read and move).
        problem(str): a read or a write failed; the text is for the status bar.
    """

    referralsLoaded = Signal(list)
    unitsLoaded = Signal(list)
    ticketChanged = Signal(object)
    detailLoaded = Signal(object)
    contactRevealed = Signal(object)
    refused = Signal(str)
    bulkFinished = Signal(int, list)
    overdueChanged = Signal(int)
    problem = Signal(str)

    def __init__(
        self,
        db: Database,
        tasks: BackgroundTasks,
        today: Callable[[], dt.date] = studio_today,
        *,
        desk_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._today = today
        self.seat = f"referrals@{desk_id or uuid.uuid4().hex[:8]}"
        self._tickets: dict[int, ReferralRecord] = {}
        # One worker thread: store work runs in the order asked for (a detail read after the
        # move it shows), with no asyncio lock to wait on while qasync steps outside the loop.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="referrals")
        self._jobs: set[asyncio.Task[None]] = set()
        self._closed = False

    # -- reads -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read every ticket and the units again (the desk's R and its undo call this too)."""
        db = self._db
        self._run(
            "read tickets",
            lambda: (list_tickets(db), list_units(db, include_retired=True)),
            self._deliver_tickets,
        )

    def _deliver_tickets(self, result: tuple[list[ReferralRecord], list[Any]]) -> None:
        tickets, units = result
        self._tickets = {t.id: t for t in tickets}
        self.unitsLoaded.emit(units)
        self.referralsLoaded.emit(tickets)
        self._count_overdue()

    def load_detail(self, referral_id: int) -> None:
        """Read a ticket's detail: history, reveals, its question's feed; ``detailLoaded``."""
        db = self._db
        self._run("read a ticket", lambda: _detail(db, referral_id), self.detailLoaded.emit)

    # -- moves -------------------------------------------------------------------------------
    def move(self, referral_id: int, move: Move) -> None:
        """Make ``move`` on a ticket as this seat; ``ticketChanged`` and ``detailLoaded``
        follow, or ``refused`` with the reason (nothing written)."""
        db, seat, today = self._db, self.seat, self._today()

        def work() -> tuple[ReferralRecord, TicketDetailRecord]:
            move_ticket(db, referral_id, move, seat=seat, today=today)
            detail = _detail(db, referral_id)
            return detail.ticket, detail

        def done(result: tuple[ReferralRecord, TicketDetailRecord]) -> None:
            ticket, detail = result
            self._changed(ticket)
            self.detailLoaded.emit(detail)

        self._run(f"move {move.action}", work, done)

    def dispatch_many(self, referral_ids: Sequence[int], unit_id: int, reason: str = "") -> None:
        """Dispatch every ticket to one unit, one transaction each; ``bulkFinished`` says how
        many went and which were refused, and why."""
        db, seat, today = self._db, self.seat, self._today()
        numbers = {referral_id: self._number(referral_id) for referral_id in referral_ids}

        def work() -> tuple[list[ReferralRecord], list[tuple[str, str]]]:
            moved: list[ReferralRecord] = []
            refused: list[tuple[str, str]] = []
            dispatch = Dispatch(unit_id=unit_id, reason=reason)
            for referral_id, number in numbers.items():
                try:
                    moved.append(move_ticket(db, referral_id, dispatch, seat=seat, today=today))
                except Refused as refusal:
                    refused.append((number, refusal_text(refusal)))
            return moved, refused

        def done(result: tuple[list[ReferralRecord], list[tuple[str, str]]]) -> None:
            moved, refused = result
            for ticket in moved:
                self._changed(ticket)
            self.bulkFinished.emit(len(moved), refused)

        self._run("dispatch tickets", work, done)

    def reveal_contact(self, referral_id: int) -> None:
        """Unmask a ticket's contact for this seat (audited); ``contactRevealed`` and the
        detail, with this reveal listed, follow."""
        db, seat = self._db, self.seat

        def work() -> tuple[Any, TicketDetailRecord]:
            return reveal_contact(db, referral_id, seat=seat), _detail(db, referral_id)

        def done(result: tuple[Any, TicketDetailRecord]) -> None:
            revealed, detail = result
            self.detailLoaded.emit(detail)
            self.contactRevealed.emit(revealed)

        self._run("reveal a contact", work, done)

    # -- plumbing ----------------------------------------------------------------------------
    def _number(self, referral_id: int) -> str:
        known = self._tickets.get(referral_id)
        return known.number if known is not None else f"ZB-{referral_id:04d}"

    def _changed(self, ticket: ReferralRecord) -> None:
        self._tickets[ticket.id] = ticket
        self.ticketChanged.emit(ticket)
        self._count_overdue()

    def _count_overdue(self) -> None:
        self.overdueChanged.emit(overdue_count(list(self._tickets.values()), self._today()))

    @property
    def busy(self) -> bool:
        """Whether a move or a read asked for is still running."""
        return bool(self._jobs)

    async def drain(self) -> None:
        """Wait for the moves already asked for (quitting calls this, bounded); nothing new
        starts afterwards."""
        self._closed = True
        while self._jobs:
            await asyncio.wait(set(self._jobs))
        self._worker.shutdown(wait=False)

    def _run(self, name: str, work: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        if self._closed:
            return
        call = functools.partial(contextvars.copy_context().run, work)

        async def run() -> None:
            # Submitted at the task's first step: never for a task dropped while quitting, and
            # tasks take their first step in the order they were made.
            try:
                result = await asyncio.get_event_loop().run_in_executor(self._worker, call)
            except Refused as refusal:
                self.refused.emit(
                    self.tr("Not done: {reason}").format(reason=refusal_text(refusal))
                )
                return
            except Exception as error:  # said, logged; the board keeps its last state
                log.exception("%s failed", name)
                self.problem.emit(f"{name}: {problem_text(error)}")
                return
            deliver(result)

        task = self._tasks.spawn(run(), name=f"referrals {name}")
        if task is not None:
            self._jobs.add(task)
            task.add_done_callback(self._jobs.discard)


def _detail(db: Database, referral_id: int) -> TicketDetailRecord:
    """A ticket's detail, read in a worker thread."""
    return TicketDetailRecord(
        ticket=get_ticket(db, referral_id),
        history=tuple(ticket_history(db, referral_id)),
        reveals=tuple(contact_reveals(db, referral_id)),
        context=ticket_context(db, referral_id),
    )
