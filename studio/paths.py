"""Where the app keeps its files: the per-user data dir (overridable for tests and kiosks)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from studio import APP_NAME


def data_dir() -> Path:
    """The per-user data dir (``STUDIO_DATA_DIR`` overrides it), created on first use."""
    override = os.environ.get("STUDIO_DATA_DIR")
    path = (
        Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The shipped resources (translations, rules, demo data) beside the package."""
    return Path(__file__).resolve().parent.parent / "resources"
