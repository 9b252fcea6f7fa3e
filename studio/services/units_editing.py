"""Editing units and officials: changes with undo, and the units file's preview, import and export.

Store work runs in worker threads, one job at a time and in order (an undo never overtakes the
change it takes back); results come back as Qt signals for the units page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.domain.records import OfficialRecord, UnitRecord
from studio.services.store_jobs import StoreJobs
from studio.services.tasks import BackgroundTasks
from studio.store.database import Database
from studio.store.unit_files import UnitTableInvalid, export_units, import_units
from studio.store.units import (
    UnitProblem,
    add_official,
    add_unit,
    edit_official,
    edit_unit,
    list_officials,
    list_units,
    restore_official,
    restore_unit,
    set_official_retired,
    set_unit_retired,
    take_back_official,
    take_back_unit,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Change:
    """One change, enough to take it back: the record before (None: it was added) and after."""

    before: UnitRecord | OfficialRecord | None
    after: UnitRecord | OfficialRecord


class UnitsEditingService(QObject):
    """The directory of units and officials as the units page shows and changes it.

    Args:
        db: the open database (used only from worker threads).
        tasks: where the work runs.

    Signals:
        unitsLoaded(list): every ``UnitRecord``, retired ones too.
        officialsLoaded(int, list): a unit id and its ``OfficialRecord`` list (retired too).
        changed(): units or officials changed (the app refreshes the rota and the desk on it).
        undoChanged(bool): whether there is a change to take back.
        importPreviewed(str, object): a file and the ``UnitImport`` it would do; nothing stored.
        importRefused(str, list): a file and its ``TableProblem`` list; nothing stored.
        imported(str, object): a file and the ``UnitImport`` it did.
        exported(str, int): a file written and how many units it holds.
        problem(str): a change was refused or failed; the text is for a person.
    """

    unitsLoaded = Signal(list)
    officialsLoaded = Signal(int, list)
    changed = Signal()
    undoChanged = Signal(bool)
    importPreviewed = Signal(str, object)
    importRefused = Signal(str, list)
    imported = Signal(str, object)
    exported = Signal(str, int)
    problem = Signal(str)

    def __init__(self, db: Database, tasks: BackgroundTasks, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._jobs = StoreJobs(
            tasks, topic="units", refusals=(UnitProblem,), problem=self.problem.emit
        )
        self._undo: list[_Change] = []
        self._unit_shown: int | None = None

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def _run(self, name: str, work: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        self._jobs.run(name, work, deliver)

    # -- reads -------------------------------------------------------------------------------
    def load(self) -> None:
        """Read every unit; ``unitsLoaded`` follows."""
        db = self._db
        self._run("load", lambda: list_units(db), self.unitsLoaded.emit)

    def load_officials(self, unit_id: int) -> None:
        """Read a unit's officials; ``officialsLoaded`` follows."""
        self._unit_shown = unit_id
        db = self._db
        self._run(
            "officials",
            lambda: list_officials(db, unit_id),
            lambda officials: self.officialsLoaded.emit(unit_id, officials),
        )

    # -- changes -----------------------------------------------------------------------------
    def add_unit(self, name: str, short_name: str, kind: str, keywords: str) -> None:
        db = self._db
        self._change("add unit", None, lambda: add_unit(db, name, short_name, kind, keywords))

    def edit_unit(
        self, before: UnitRecord, name: str, short_name: str, kind: str, keywords: str
    ) -> None:
        db = self._db
        self._change(
            "edit unit", before, lambda: edit_unit(db, before.id, name, short_name, kind, keywords)
        )

    def set_unit_retired(self, before: UnitRecord, retired: bool) -> None:
        db = self._db
        self._change("retire unit", before, lambda: set_unit_retired(db, before.id, retired))

    def add_official(self, unit_id: int, name: str, title: str) -> None:
        db = self._db
        self._change("add official", None, lambda: add_official(db, unit_id, name, title))

    def edit_official(self, before: OfficialRecord, name: str, title: str) -> None:
        db = self._db
        self._change("edit official", before, lambda: edit_official(db, before.id, name, title))

    def set_official_retired(self, before: OfficialRecord, retired: bool) -> None:
        db = self._db
        self._change(
            "retire official", before, lambda: set_official_retired(db, before.id, retired)
        )

    def undo(self) -> None:
        """Take back the last change: an add is deleted (or retired if already used), an edit
        or a retirement is put back as it was."""
        if not self._undo:
            return
        change = self._undo.pop()
        db, before, after = self._db, change.before, change.after

        def work() -> None:
            if isinstance(after, UnitRecord):
                if before is None:
                    take_back_unit(db, after.id)
                else:
                    assert isinstance(before, UnitRecord)
                    restore_unit(db, before)
            elif before is None:
                take_back_official(db, after.id)
            else:
                assert isinstance(before, OfficialRecord)
                restore_official(db, before)

        self._run("undo", work, lambda _none: self._after_change())

    def _change(
        self,
        name: str,
        before: UnitRecord | OfficialRecord | None,
        work: Callable[[], UnitRecord | OfficialRecord],
    ) -> None:
        def done(after: UnitRecord | OfficialRecord) -> None:
            self._undo.append(_Change(before, after))
            if isinstance(after, OfficialRecord):
                self._unit_shown = after.unit_id
            self._after_change()

        self._run(name, work, done)

    def _after_change(self) -> None:
        self.undoChanged.emit(self.can_undo)
        self.changed.emit()
        self.load()
        if self._unit_shown is not None:
            self.load_officials(self._unit_shown)

    # -- files -------------------------------------------------------------------------------
    def preview_import(self, path: str) -> None:
        """Check a units file and say what it would change; ``importPreviewed`` or
        ``importRefused`` follows. Nothing is stored."""
        self._import(path, dry_run=True, deliver=self.importPreviewed.emit)

    def apply_import(self, path: str) -> None:
        """Store a units file (checked again, whole); ``imported`` then ``changed`` follow."""

        def done(file: str, result: object) -> None:
            self._undo.clear()  # an import is not taken back change by change
            self.imported.emit(file, result)
            self._after_change()

        self._import(path, dry_run=False, deliver=done)

    def _import(self, path: str, *, dry_run: bool, deliver: Callable[[str, object], None]) -> None:
        db = self._db
        self._jobs.run_checked(
            "import",
            lambda: import_units(db, Path(path), dry_run=dry_run),
            UnitTableInvalid,
            lambda invalid: self.importRefused.emit(path, invalid.problems),
            lambda result: deliver(path, result),
        )

    def export(self, path: str) -> None:
        """Write every unit with its officials to ``path``; ``exported`` follows."""
        db = self._db
        self._run(
            "export",
            lambda: export_units(db, Path(path)),
            lambda count: self.exported.emit(path, count),
        )
