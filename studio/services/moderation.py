"""Moderation as a use case: the desk's keys become audited moves, applied one at a time."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from studio.domain.model import QuestionStatus, ReferralCategory
from studio.domain.question_lifecycle import ModerationAction, MoveRefused, ReferralCreated, Undo
from studio.domain.queue_fit import answer_durations, typical_answer_s
from studio.domain.records import QuestionRecord, ReportBackItem
from studio.domain.refusals import Refusal, Refused
from studio.domain.studio_time import studio_today
from studio.services.refusal_text import problem_text, refusal_text
from studio.services.tasks import BackgroundTasks
from studio.store import blocks, moderation, queue_order, report_back
from studio.store.database import Database
from studio.store.referrals import load_deadline_rules
from studio.store.repository import StudioRepository
from studio.store.seat_audit import acting_for
from studio.store.undo import undo_last

log = logging.getLogger(__name__)


def touches_referrals(undo: Undo) -> bool:
    """Whether a move (or its undo) made or removed a referral ticket."""
    referred = QuestionStatus.REFERRED
    return any(referred in (c.before, c.after) for c in undo.changes) or any(
        isinstance(effect, ReferralCreated) for effect in undo.effects
    )


class ModerationService(QObject):
    """Applies the moderator's moves to the store (with their audit) and reports the result.

    Moves run in a worker thread, one at a time in the order pressed; a refused move writes
    nothing and says why. Quitting waits for the moves already pressed (:meth:`drain`).

    This running desk is one seat: its moves are audited as ``moderator@<desk id>`` and the
    official's clicker on its screen as ``official@<desk id>`` (a new id per start), and
    Ctrl+Z reverts only the moderator seat's own moves, never another desk's or the clicker's.

    Attributes:
        seat: the audit's seat of the moderator's moves.
        clicker_seat: the audit's seat of the official's clicker.

    Signals:
        questionsChanged(list): the new ``QuestionRecord`` of every question a move touched.
        refused(str): why a move was not made, for the moderator.
        typicalAnswerChanged(float): the session's typical answer time in seconds (after
            every move and when the session is known), for the queue's fit estimate.
        referralsChanged(): a move made, or undid, a referral; the referrals board re-reads.
        blockedViewersLoaded(list): the session's blocked viewers (``BlockedViewerRecord``),
            after :meth:`load_blocked_viewers`, a block and an unblock.
        unblocked(str): the nickname of a viewer just unblocked.
        reportBackChanged(list): the session's report-back tickets (``ReportBackItem``, one
            of them ``on_screen`` once the clicker stepped into them), when the session is
            known, when staff choose them and after every clicker step in that segment.
        deadlineRulesLoaded(object): the ``DeadlineRules`` R gives a ticket (the profile's
            working days on the studio's calendar), after :meth:`load_deadline_rules`.
    """

    questionsChanged = Signal(list)
    reportBackChanged = Signal(list)
    deadlineRulesLoaded = Signal(object)
    refused = Signal(str)
    typicalAnswerChanged = Signal(float)
    referralsChanged = Signal()
    blockedViewersLoaded = Signal(list)
    unblocked = Signal(str)

    def __init__(
        self,
        db: Database,
        repository: StudioRepository,
        tasks: BackgroundTasks,
        *,
        desk_id: str | None = None,
        today: Callable[[], dt.date] = studio_today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._db = db
        self._repository = repository
        self._tasks = tasks
        desk_id = desk_id or uuid.uuid4().hex[:8]
        self.seat = f"moderator@{desk_id}"
        self.clicker_seat = f"official@{desk_id}"
        self._seat = self.seat
        self._lock: asyncio.Lock | None = None
        self._moves: set[asyncio.Task[None]] = set()
        self.session_id: int | None = None

    def follow_session(self, session: object) -> None:
        self.session_id = getattr(session, "id", None)
        if self.session_id is not None:
            self._tasks.spawn(self._emit_typical_answer(), name="typical answer time")
            self.load_report_back()

    def load_deadline_rules(self) -> None:
        """Emit ``deadlineRulesLoaded`` with the rules the store refers by (read in a thread)."""

        async def run() -> None:
            try:
                rules = await self._tasks.in_thread(load_deadline_rules, self._db)
            except Exception:
                log.exception("reading the referral deadline rules failed")
                return  # the dialog keeps the rules it had; the store decides anyway
            self.deadlineRulesLoaded.emit(rules)

        self._tasks.spawn(run(), name="deadline rules")

    def load_report_back(self) -> None:
        """Emit ``reportBackChanged`` with the session's report-back tickets (the default
        choice is made and stored on the first read)."""
        session_id = self.session_id
        if session_id is None:
            return

        async def run() -> None:
            try:
                items = await self._tasks.in_thread(
                    report_back.report_back_items, self._db, session_id
                )
            except Exception as error:
                log.exception("reading the report-back tickets failed")
                self.refused.emit(self.tr("Not read: {error}").format(error=problem_text(error)))
                return
            if session_id == self.session_id:
                self.reportBackChanged.emit(items)

        self._tasks.spawn(run(), name="report-back tickets")

    def choose_report_back(self, referral_ids: Sequence[int]) -> None:
        """Staff choose the tickets the session reports back on, in this order."""
        session_id, ids = self.session_id, list(referral_ids)
        if session_id is None:
            return

        async def run() -> None:
            try:
                items = await self._tasks.in_thread(
                    lambda: report_back.choose_report_back(
                        self._db, session_id, ids, seat=self._seat
                    )
                )
            except Refused as refusal:
                self.refused.emit(self._reason(refusal_text(refusal)))
                return
            self.reportBackChanged.emit(items)

        self._tasks.spawn(run(), name="choose report-back tickets")

    def act(self, action: str, question_ids: Sequence[int]) -> None:
        """Apply ``action`` (a :class:`ModerationAction` value) to the selected questions."""
        session_id, ids = self.session_id, list(question_ids)
        if session_id is None or not ids:
            return
        move = ModerationAction(action)
        self._run(
            f"moderate {action}",
            lambda: moderation.moderate(
                self._db, ids, move, seat=self._seat, session_id=session_id
            ),
        )

    def block(self, question_id: int, for_good: bool) -> None:
        """Block the question's author in its room (B: this session; Shift+B: for good)."""
        self._run(
            "block author",
            lambda: blocks.block_author(self._db, question_id, for_good=for_good, seat=self._seat),
            touched=[question_id],
        )

    def load_blocked_viewers(self) -> None:
        """Read the viewers blocked for this session (and for good); see blockedViewersLoaded."""
        session_id = self.session_id
        if session_id is None:
            return

        async def run() -> None:
            try:
                viewers = await self._tasks.in_thread(blocks.blocked_viewers, self._db, session_id)
            except Exception as error:
                log.exception("reading the blocked viewers failed")
                self.refused.emit(self.tr("Not read: {error}").format(error=problem_text(error)))
                return
            if session_id == self.session_id:
                self.blockedViewersLoaded.emit(viewers)

        self._tasks.spawn(run(), name="blocked viewers")

    def unblock(self, block_id: int) -> None:
        """Unblock a viewer (the blocked viewers' Unblock): audited, then the list re-reads."""
        session_id = self.session_id

        async def run() -> None:
            try:
                viewer = await self._tasks.in_thread(
                    lambda: blocks.unblock(
                        self._db, block_id, seat=self._seat, session_id=session_id
                    )
                )
            except MoveRefused as refusal:
                self.refused.emit(self._reason(refusal_text(refusal)))
            except Exception as error:
                log.exception("unblock failed")
                self.refused.emit(self.tr("Not saved: {error}").format(error=problem_text(error)))
            else:
                self.unblocked.emit(viewer.nickname)
            self.load_blocked_viewers()

        task = self._tasks.spawn(run(), name="unblock")
        if task is not None:
            self._moves.add(task)
            task.add_done_callback(self._moves.discard)

    def merge(self, question_ids: Sequence[int]) -> None:
        """Merge the selected questions (and their clusters) into one cluster (M)."""
        ids = list(question_ids)
        if len(ids) < 2:
            self.refused.emit(self.tr("Select two or more questions to merge"))
            return
        self._run("merge", lambda: moderation.merge_cluster(self._db, ids, self._seat), touched=ids)

    def refer(self, question_ids: list[int], unit_id: int, category: str, note: str) -> None:
        """Refer the questions to a unit (R): one ticket per question cluster, due in working
        days."""
        ids = list(question_ids)
        self._run(
            "refer",
            lambda: moderation.refer(
                self._db,
                ids,
                unit_id,
                ReferralCategory(category),
                note,
                self._seat,
                self._today(),
            ),
            touched=ids,
        )

    def edit(self, question_id: int, text: str) -> None:
        """Edit a question's text and approve it (E); the original stays in the audit."""
        self._run(
            "edit",
            lambda: moderation.edit_and_approve(self._db, question_id, text, self._seat),
            touched=[question_id],
        )

    def reorder(self, question_id: int, anchor_id: int, after: bool) -> None:
        """Move a queued question just before the queued question ``anchor_id`` (just after it
        when ``after``); ``anchor_id`` 0: there is none on that side (refused, with why).

        Anchored to a question, not a place: another seat's move meanwhile does not misplace it.
        """
        session_id = self.session_id
        if session_id is None:
            return
        self._run(
            "reorder",
            lambda: queue_order.reorder(
                self._db,
                question_id,
                anchor_id or None,
                after=after,
                seat=self._seat,
                session_id=session_id,
            ),
        )

    def step_on_air(self, command: str) -> None:
        """The official's clicker (``"next"`` or ``"previous"``): the next or previous queued
        question goes on air, through the same audited store move as the desk's Enter."""
        session_id = self.session_id
        if session_id is None or command not in ("next", "previous"):
            return
        self._run(
            f"clicker {command}",
            lambda: report_back.clicker_step(
                self._db, forward=command == "next", seat=self.clicker_seat, session_id=session_id
            ),
        )

    def undo(self) -> None:
        """Revert this desk's last move in the session (Ctrl+Z); repeated, it walks further
        back. Another desk's moves and the clicker's are theirs to undo."""
        session_id = self.session_id
        if session_id is None:
            return
        self._run("undo", lambda: undo_last(self._db, session_id, self._seat))

    @property
    def busy(self) -> bool:
        """Whether a move pressed is still being stored or shown (quitting waits for it)."""
        return bool(self._moves)

    async def drain(self) -> None:
        """Wait until every move already pressed is stored (quitting calls this, bounded,
        before the database closes): the moderator saw the key land, it must not be lost."""
        while self._moves:
            pending = set(self._moves)
            log.info("storing %d moderation move(s) before quitting", len(pending))
            await asyncio.wait(pending)

    # -- from outside (the control API) ------------------------------------------------------
    async def step_on_air_now(self, command: str, *, seat: str) -> None:
        """:meth:`step_on_air`, awaited and audited as ``seat``; a refusal is raised.

        Raises:
            Refused: nothing queued (or no ticket to report back), or no session today.
        """
        session_id = self._session_or_refuse()
        with acting_for(seat):  # the audit names the outside caller, not this desk's person
            await self._apply(
                f"{seat} {command}",
                lambda: report_back.clicker_step(
                    self._db, forward=command == "next", seat=seat, session_id=session_id
                ),
            )

    async def answer_on_air(self, *, seat: str) -> int:
        """The question on air is answered (audited as ``seat``); returns its id.

        Raises:
            Refused: no question is on air, the move is refused, or no session today.
        """
        session_id = self._session_or_refuse()
        question, _queued = await self.on_air_and_queue()
        if question is None:
            raise MoveRefused(Refusal.NOTHING_ON_AIR)
        on_air = [question.id]
        with acting_for(seat):  # the audit names the outside caller, not this desk's person
            await self._apply(
                f"{seat} answered",
                lambda: moderation.moderate(
                    self._db, on_air, ModerationAction.ANSWER, seat=seat, session_id=session_id
                ),
            )
        return on_air[0]

    async def on_air_and_queue(self) -> tuple[QuestionRecord | None, int]:
        """The session's question on air (None when none is) and how many wait in the queue."""
        session_id = self.session_id
        if session_id is None:
            return None, 0
        waiting = await self._tasks.in_thread(self._repository.queue, session_id)
        on_air = next((q for q in waiting if q.status == QuestionStatus.ON_AIR), None)
        return on_air, sum(q.status == QuestionStatus.QUEUED for q in waiting)

    def _session_or_refuse(self) -> int:
        if self.session_id is None:
            raise MoveRefused(Refusal.NO_SESSION_TODAY)
        return self.session_id

    def _run(
        self,
        name: str,
        work: Callable[[], Undo | list[ReportBackItem]],
        *,
        touched: Sequence[int] = (),
    ) -> None:
        async def run() -> None:
            try:
                await self._apply(name, work, touched=touched)
            except Refused as refusal:
                self.refused.emit(self._reason(refusal_text(refusal)))
            except Exception as error:  # the database went away …: said, not swallowed
                log.exception("%s failed", name)
                self.refused.emit(self.tr("Not saved: {error}").format(error=problem_text(error)))

        task = self._tasks.spawn(run(), name=name)
        if task is not None:
            self._moves.add(task)
            task.add_done_callback(self._moves.discard)

    async def _apply(
        self,
        name: str,
        work: Callable[[], Undo | list[ReportBackItem]],
        *,
        touched: Sequence[int] = (),
    ) -> None:
        """Store one move (one at a time, in the order asked) and show what it changed.

        Raises:
            Refused: the move is not allowed; nothing was written.
        """
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # one move at a time, in the order pressed
            undo = await self._tasks.in_thread(work)
            if isinstance(undo, list):  # the clicker stepped through report-back tickets
                self.reportBackChanged.emit(undo)
                return
            ids = sorted({change.question_id for change in undo.changes} | set(touched))
            records = await self._tasks.in_thread(self._repository.questions_by_id, ids)
        self.questionsChanged.emit(records)
        if touches_referrals(undo):
            self.referralsChanged.emit()
        await self._emit_typical_answer()

    async def _emit_typical_answer(self) -> None:
        session_id = self.session_id
        if session_id is None:
            return
        try:
            moves = await self._tasks.in_thread(queue_order.status_moves, self._db, session_id)
        except Exception:  # the database went away: the fit estimate keeps its last figure
            log.warning("reading the typical answer time failed", exc_info=True)
            return
        if session_id == self.session_id:  # not another session's, read while it changed
            self.typicalAnswerChanged.emit(typical_answer_s(answer_durations(moves)))

    def _reason(self, text: str) -> str:
        return self.tr("Not done: {reason}").format(reason=text)
