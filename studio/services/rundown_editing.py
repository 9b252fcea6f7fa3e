"""Editing a session's running order: load, save each edit, templates, CSV import and export.

Store work and file work run in worker threads; results come back as Qt signals. Everything
that touches the database goes through one queue, in order, so a later edit can never be
overwritten by an earlier one; edits of the same session that pile up while a write is running
are merged into one write of the newest state.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.domain.rundown_csv import (
    CSV_MAX_BYTES,
    RundownCsvInvalid,
    RundownTemplateRecord,
    SegmentDraft,
    read_rundown_csv,
    rundown_csv_bytes,
)
from studio.services.refusal_text import problem_text
from studio.services.tasks import BackgroundTasks
from studio.store.database import Database
from studio.store.rundowns import list_templates, load_rundown, save_rundown, save_template

log = logging.getLogger(__name__)


@dataclass
class _StoreJob:
    """One unit of store work: run in a thread, then deliver the result on the GUI thread."""

    name: str
    work: Callable[[], Any]
    deliver: Callable[[Any], None]
    failed: Callable[[str], None]


class RundownEditingService(QObject):
    """The running order of a session and the rundown templates, as the Prep tab edits them.

    Args:
        db: the open database (used only from worker threads).
        tasks: where the work runs; the app awaits its shutdown after :meth:`flush`.

    Signals:
        rundownLoaded(int, list): a session id and its ``SegmentDraft`` list, after :meth:`load`.
        rundownSaved(int): the session's stored rundown is now the newest one asked for
            (the session timer reloads its plan on this).
        saveFailed(int, str): saving the session's rundown failed; the text says why.
        templatesLoaded(list): ``RundownTemplateRecord`` list, the default template first.
        templateSaved(str): the name of a template just saved (``templatesLoaded`` follows).
        imported(str, list): a CSV path and its ``SegmentDraft`` list; nothing is stored yet —
            the editor applies it as one undoable edit, which then saves as usual.
        importFailed(str, list): a CSV path and its ``CsvProblem`` list; nothing changed.
        exported(str): the path of a CSV file just written.
        problem(str): anything else failed; the text is for the person at the desk.
    """

    rundownLoaded = Signal(int, list)
    rundownSaved = Signal(int)
    saveFailed = Signal(int, str)
    templatesLoaded = Signal(list)
    templateSaved = Signal(str)
    imported = Signal(str, list)
    importFailed = Signal(str, list)
    exported = Signal(str)
    problem = Signal(str)

    def __init__(self, db: Database, tasks: BackgroundTasks, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        # Insertion-ordered: the oldest job runs first; a newer save of the same session
        # replaces a queued (not yet running) one in place.
        self._queue: dict[Hashable, _StoreJob] = {}
        self._worker: asyncio.Task[None] | None = None

    # -- the session's rundown ---------------------------------------------------------------
    def load(self, session_id: int) -> None:
        """Read the session's segments; answers with ``rundownLoaded``."""
        self._enqueue(
            object(),
            _StoreJob(
                "load rundown",
                lambda: load_rundown(self._db, session_id),
                lambda drafts: self.rundownLoaded.emit(session_id, drafts),
                lambda error: self.problem.emit(
                    self.tr("Could not load the running order: {error}").format(error=error)
                ),
            ),
        )

    def save(self, session_id: int, drafts: Sequence[SegmentDraft]) -> None:
        """Store ``drafts`` as the session's whole running order (soon, in the background)."""
        key = ("rundown", session_id)
        snapshot = tuple(drafts)

        def saved(_result: None) -> None:
            # A newer save of this session is queued: only its completion is news.
            if key not in self._queue:
                self.rundownSaved.emit(session_id)

        self._enqueue(
            key,
            _StoreJob(
                "save rundown",
                lambda: save_rundown(self._db, session_id, snapshot),
                saved,
                lambda error: self.saveFailed.emit(
                    session_id,
                    self.tr("Could not save the running order: {error}").format(error=error),
                ),
            ),
        )

    # -- templates ---------------------------------------------------------------------------
    def refresh_templates(self) -> None:
        """Read the templates; answers with ``templatesLoaded``."""
        self._enqueue(
            object(),
            _StoreJob(
                "load templates",
                lambda: list_templates(self._db),
                self.templatesLoaded.emit,
                lambda error: self.problem.emit(
                    self.tr("Could not load the templates: {error}").format(error=error)
                ),
            ),
        )

    def save_as_template(self, name: str, drafts: Sequence[SegmentDraft]) -> None:
        """Store ``drafts`` as the template ``name`` (replacing one of that name)."""
        snapshot = tuple(drafts)

        def work() -> tuple[RundownTemplateRecord, list[RundownTemplateRecord]]:
            return save_template(self._db, name, snapshot), list_templates(self._db)

        def deliver(result: tuple[RundownTemplateRecord, list[RundownTemplateRecord]]) -> None:
            record, templates = result
            self.templateSaved.emit(record.name)
            self.templatesLoaded.emit(templates)

        self._enqueue(
            ("template", name.strip()),
            _StoreJob(
                "save template",
                work,
                deliver,
                lambda error: self.problem.emit(
                    self.tr("Could not save the template: {error}").format(error=error)
                ),
            ),
        )

    # -- CSV files ---------------------------------------------------------------------------
    def import_csv(self, path: str) -> None:
        """Read and check a CSV file; answers with ``imported`` or ``importFailed``."""

        async def run() -> None:
            try:
                drafts = await self._tasks.in_thread(_read_csv_file, Path(path))
            except RundownCsvInvalid as invalid:
                self.importFailed.emit(path, list(invalid.problems))
                return
            except OSError as error:
                self.problem.emit(
                    self.tr("Could not read {path}: {error}").format(
                        path=path, error=error.strerror or error
                    )
                )
                return
            self.imported.emit(path, drafts)

        self._tasks.spawn(run(), name="import rundown CSV")

    def export_csv(self, path: str, drafts: Sequence[SegmentDraft]) -> None:
        """Write ``drafts`` to a CSV file; answers with ``exported``."""
        snapshot = tuple(drafts)

        async def run() -> None:
            try:
                await self._tasks.in_thread(_write_csv_file, Path(path), snapshot)
            except OSError as error:
                self.problem.emit(
                    self.tr("Could not write {path}: {error}").format(
                        path=path, error=error.strerror or error
                    )
                )
                return
            self.exported.emit(path)

        self._tasks.spawn(run(), name="export rundown CSV")

    # -- the queue ---------------------------------------------------------------------------
    async def flush(self) -> None:
        """Wait until every queued store job has run (call before ``BackgroundTasks.shutdown``,
        or the last edit of a quick quit may be lost)."""
        while self._worker is not None and not self._worker.done():
            await asyncio.wait({self._worker})

    @property
    def busy(self) -> bool:
        """True while store work is queued or running."""
        return bool(self._queue) or (self._worker is not None and not self._worker.done())

    def _enqueue(self, key: Hashable, job: _StoreJob) -> None:
        self._queue[key] = job
        if self._worker is None or self._worker.done():
            self._worker = self._tasks.spawn(self._drain(), name="rundown store")

    async def _drain(self) -> None:
        while self._queue:
            key = next(iter(self._queue))
            job = self._queue.pop(key)
            log.debug("store job: %s", job.name)
            try:
                result = await self._tasks.in_thread(job.work)
            except Exception as error:  # reported; the editor keeps its state, the queue goes on
                log.exception("%s failed", job.name)
                job.failed(problem_text(error))
                continue
            job.deliver(result)


def _read_csv_file(path: Path) -> list[SegmentDraft]:
    with path.open("rb") as handle:
        # One byte more than allowed is enough to know the file is too big.
        data = handle.read(CSV_MAX_BYTES + 1)
    return read_rundown_csv(data)


def _write_csv_file(path: Path, drafts: Sequence[SegmentDraft]) -> None:
    path.write_bytes(rundown_csv_bytes(drafts))
