"""Where the app keeps its files: the per-user data dir (overridable for tests and kiosks)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

import platformdirs

from studio import APP_NAME


def data_dir() -> Path:
    """The per-user data dir (``STUDIO_DATA_DIR`` overrides it), created on first use."""
    override = os.environ.get("STUDIO_DATA_DIR")
    path = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    return private_dir(path)


def default_database_url() -> str:
    """The embedded SQLite file in the per-user data dir (created with its folder)."""
    return f"sqlite:///{data_dir() / 'studio.db'}"


def log_dir() -> Path:
    return private_dir(data_dir() / "logs")


# The database, logs and recordings hold what viewers wrote (phone numbers included): on POSIX
# they are made readable by their owner only. Modes are set at creation (never by a process-wide
# umask, which other threads would share); a file or folder that exists is left as it is.
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(path: Path) -> Path:
    """``path`` as a folder, created (with its missing parents) readable by its owner only."""
    if not path.is_dir():
        path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(path, PRIVATE_DIR)  # mkdir's mode is masked by the umask
    return path


def create_private_file(path: Path) -> None:
    """Create ``path`` empty and owner-only if it does not exist; an existing file is kept."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return
    os.close(fd)


def open_private(path: Path, mode: str = "a", **options: object) -> IO[str]:
    """Open a text file for writing (``a`` or ``w``), created owner-only if it is new."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if mode.startswith("a") else os.O_TRUNC)
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        return os.fdopen(fd, mode, **options)  # type: ignore[call-overload,no-any-return]
    except BaseException:
        os.close(fd)
        raise


def resources_dir() -> Path:
    """The shipped resources (translations, rules, demo data) beside the package."""
    return Path(__file__).resolve().parent.parent / "resources"
