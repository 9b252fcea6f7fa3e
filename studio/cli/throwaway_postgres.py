"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp folder, a socket only.

The machine's PostgreSQL (``initdb``/``pg_ctl`` on PATH or under /usr/lib/postgresql/*/bin)
is started once per test run and stopped when the run ends; each test gets its own database,
copied from a migrated template so a test costs one ``CREATE DATABASE``, not a migration.
``initdb`` refuses root, so as root the cluster is run as the ``postgres`` user
(``runuser -u postgres --``). No TCP port is opened: the socket lives in the temp folder.

Used by the tests (tests/helpers/postgres.py) and by ``studio bench seats``; never by the app.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _as_owner(args: list[str]) -> list[str]:
    """Run as the ``postgres`` user when we are root (initdb refuses root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@dataclass
class PostgresCluster:
    """A running throwaway cluster: its folder, its socket folder and a URL per database."""

    folder: Path
    user: str = "postgres"
    _names: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def socket_dir(self) -> Path:
        return self.folder / "sock"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}"

    def sql(self, statement: str, database: str = "postgres") -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE)."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir), user=self.user, dbname=database, autocommit=True
        ) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def new_database(self, template: str | None = None) -> str:
        """A fresh database's name (from ``template`` when given)."""
        name = f"t{os.getpid()}_{next(self._names)}"
        source = f" TEMPLATE {template}" if template else ""
        self.sql(f"CREATE DATABASE {name}{source}")
        return name

    def drop_database(self, name: str) -> None:
        self.sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def restart(self) -> None:
        """Stop the server (fast: connections are cut) and start it again on the same socket."""
        self._pg_ctl("stop", "-m", "fast")
        self._start()

    def down(self) -> None:
        """Stop the server (fast: connections are cut); :meth:`up` starts it again."""
        self._pg_ctl("stop", "-m", "fast")

    def up(self) -> None:
        self._start()

    def stop(self) -> None:
        self._pg_ctl("stop", "-m", "immediate")

    def _pg_ctl(self, *args: str) -> None:
        pg_ctl = _binary("pg_ctl")
        assert pg_ctl
        subprocess.run(
            _as_owner([pg_ctl, "-D", str(self.folder / "data"), "-w", *args]),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
        )

    def _start(self) -> None:
        options = (
            f"-k {self.socket_dir} -c listen_addresses='' -c fsync=off "
            "-c full_page_writes=off -c synchronous_commit=off -c max_connections=200"
        )
        self._pg_ctl("-o", options, "-l", str(self.folder / "server.log"), "start")


def start_cluster() -> PostgresCluster | None:
    """Start a throwaway cluster, or None when this machine has no PostgreSQL."""
    initdb = _binary("initdb")
    if initdb is None or _binary("pg_ctl") is None:
        return None
    folder = Path(tempfile.mkdtemp(prefix="studio-pg-"))
    (folder / "sock").mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        shutil.chown(folder / "sock", "postgres", "postgres")
    subprocess.run(
        _as_owner(
            [initdb, "-D", str(folder / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8",
             "--no-sync", "--locale=C"]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=120,
    )
    cluster = PostgresCluster(folder)
    cluster._start()
    return cluster


def remove_cluster(cluster: PostgresCluster) -> None:
    try:
        cluster.stop()
    finally:
        shutil.rmtree(cluster.folder, ignore_errors=True)
