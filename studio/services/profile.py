"""The studio's profile as the settings page and the first-run checklist see and change it.

Store work runs in worker threads, one job at a time and in order; answers come back as Qt
signals. After every change the profile, the accounts and the checklist are read again, so each
view shows what the store holds, never what was typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from studio.domain.model import RoomRole
from studio.domain.profile import BroadcastAccount, ProfileProblem, StudioProfile
from studio.services.store_jobs import StoreJobs
from studio.services.tasks import BackgroundTasks
from studio.store.database import Database
from studio.store.profile import (
    assign_room,
    export_profile,
    import_profile,
    list_accounts,
    load_profile,
    remove_account,
    save_account,
    save_profile,
    studio_setup,
)


class ProfileService(QObject):
    """The county's profile, its broadcast accounts and how far the studio is set up.

    Args:
        db: the open database (used only from worker threads).
        tasks: where the work runs.
        today: the studio's date (a session from today on counts as the first session).

    Signals:
        profileLoaded(object): the stored ``StudioProfile``.
        accountsLoaded(list): the ``BroadcastAccount`` list (unassigned rooms first).
        setupLoaded(object): the ``StudioSetup`` the first-run checklist ticks.
        saved(): a change was stored (the profile, an account, a file imported).
        changed(): the profile or the accounts changed (posters, room names follow).
        exported(str): a profile file was written.
        imported(str): a profile file was stored.
        problem(str): a change was refused or failed; the text is for a person.
    """

    profileLoaded = Signal(object)
    accountsLoaded = Signal(list)
    setupLoaded = Signal(object)
    saved = Signal()
    changed = Signal()
    exported = Signal(str)
    imported = Signal(str)
    problem = Signal(str)

    def __init__(
        self,
        db: Database,
        tasks: BackgroundTasks,
        today: Callable[[], dt.date],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._today = today
        self._jobs = StoreJobs(
            tasks, topic="profile", refusals=(ProfileProblem,), problem=self.problem.emit
        )
        self.profile = StudioProfile()

    def _run(self, name: str, work: Callable[[], Any], deliver: Callable[[Any], None]) -> None:
        self._jobs.run(name, work, deliver)

    # -- reads -------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the profile, the accounts and the checklist; their signals follow."""
        db, today = self._db, self._today()
        self._run(
            "load",
            lambda: (load_profile(db), list_accounts(db), studio_setup(db, today)),
            self._deliver,
        )

    def load_setup(self) -> None:
        """Read how far the studio is set up; ``setupLoaded`` follows."""
        db, today = self._db, self._today()
        self._run("setup", lambda: studio_setup(db, today), self.setupLoaded.emit)

    def _deliver(self, result: tuple[StudioProfile, list[BroadcastAccount], Any]) -> None:
        self.profile, accounts, setup = result
        self.profileLoaded.emit(self.profile)
        self.accountsLoaded.emit(accounts)
        self.setupLoaded.emit(setup)

    # -- changes -----------------------------------------------------------------------------
    def save_profile(self, profile: StudioProfile) -> None:
        db = self._db
        self._change("save profile", lambda: save_profile(db, profile))

    def save_account(self, account: BroadcastAccount) -> None:
        db = self._db
        self._change("save account", lambda: save_account(db, account))

    def remove_account(self, account_id: int) -> None:
        db = self._db
        self._change("remove account", lambda: remove_account(db, account_id))

    def assign_room(self, room_id: int, role: str) -> None:
        """Say a room the feed met is the county's (``gov``) or the department's (``dept``)."""
        db = self._db
        self._change("assign room", lambda: assign_room(db, room_id, RoomRole(role)))

    def _change(self, name: str, work: Callable[[], object]) -> None:
        def done(_result: object) -> None:
            self.saved.emit()
            self._after_change()

        self._run(name, work, done)

    def _after_change(self) -> None:
        self.changed.emit()
        self.load()

    # -- files -------------------------------------------------------------------------------
    def export(self, path: str) -> None:
        """Write the profile and the accounts to ``path`` as JSON; ``exported`` follows."""
        db = self._db
        self._run(
            "export",
            lambda: Path(path).write_text(export_profile(db), encoding="utf-8"),
            lambda _none: self.exported.emit(path),
        )

    def import_file(self, path: str) -> None:
        """Store a profile file, all or nothing; ``imported`` then ``changed`` follow."""
        db = self._db

        def done(_result: object) -> None:
            self.imported.emit(path)
            self._after_change()

        self._run(
            "import",
            lambda: import_profile(db, Path(path).read_text(encoding="utf-8")),
            done,
        )
