"""Logging set-up: a rotating log in the user data dir, warnings also on stderr."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path
from typing import IO

from studio.paths import log_dir, open_private

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the first and every one after a rollover) are owner-only."""

    def _open(self) -> IO[str]:  # type: ignore[override]
        return open_private(
            Path(self.baseFilename), self.mode, encoding=self.encoding, errors=self.errors
        )


def configure_logging(verbose: bool = False) -> Path:
    """Send records to ``logs/studio.log`` (1 MiB × 5 files) and warnings to stderr.

    Returns:
        the log file's path, for messages that tell a person where to look.
    """
    path = log_dir() / "studio.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_studio", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = PrivateRotatingFileHandler(
        path, maxBytes=1 << 20, backupCount=5, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    file_handler._studio = True  # type: ignore[attr-defined]
    stderr_handler = logging.StreamHandler()
    stderr_handler.setLevel(logging.WARNING)
    stderr_handler.setFormatter(logging.Formatter("studio: %(levelname)s: %(message)s"))
    stderr_handler._studio = True  # type: ignore[attr-defined]
    root.addHandler(file_handler)
    root.addHandler(stderr_handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    return path
