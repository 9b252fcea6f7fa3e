"""Record every raw frame of a session to JSONL, and replay a recording at 1×, N× or flat out.

One line per frame: ``{"t": received_at, "src": source, "raw": frame}``, where ``src`` names
the adapter that parses it: ``barragegrab``, ``douyinlive:<live id>`` or ``kuaishou:<room key>``;
a Kuaishou frame also has ``"run"``, the token its message ids were numbered under (the
userscript sends no ids), so the same ids can be made again from the recording.

A recording whose frames are all stored ends with the line ``{"stored": true}``. One without it
(the program was killed, or the database refused writes to the end) is replayed into the store
on the next start of its session: the store drops the comments it already has by message id.
Frames are kept exactly as received (viewer text, personal data included): recordings stay in
the per-user data dir, like the database, and are for rehearsal, training and bug reports.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from studio.domain.studio_time import now_instant, to_studio
from studio.paths import data_dir, open_private, private_dir

log = logging.getLogger(__name__)

#: Frames delivered between yields to the event loop when replaying flat out.
_BURST = 500
#: The most a session's recordings may take on disk, all its runs together (a flood must not
#: fill the disk the database lives on); ``STUDIO_RECORDING_CAP_MB`` sets another.
DEFAULT_RECORDING_CAP_BYTES = 1 << 30


def recording_cap_bytes() -> int:
    """The cap on a session's recordings: ``STUDIO_RECORDING_CAP_MB`` or 1 GiB."""
    text = os.environ.get("STUDIO_RECORDING_CAP_MB", "").strip()
    if text:
        try:
            megabytes = float(text)
            if megabytes > 0:
                return int(megabytes * (1 << 20))
        except ValueError:
            pass
        log.warning("STUDIO_RECORDING_CAP_MB=%r is not a positive number; using 1 GiB", text)
    return DEFAULT_RECORDING_CAP_BYTES


def recorded_bytes(session_id: int) -> int:
    """What a session's recordings take on disk now."""
    total = 0
    for path in recordings_dir().glob(f"session-{session_id}-*.jsonl"):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


def recordings_dir() -> Path:
    """``<data dir>/recordings``, created on first use."""
    return private_dir(data_dir() / "recordings")


def recording_path(session_id: int, now: dt.datetime | None = None) -> Path:
    """A new file for a session's recording, named by session and start time (studio time;
    ``now`` is an instant, naive UTC as stored)."""
    at = to_studio(now if now is not None else now_instant())
    return recordings_dir() / f"session-{session_id}-{at:%Y%m%d-%H%M%S}.jsonl"


class SessionRecorder:
    """Appends raw frames to a JSONL file; buffered, flushed on :meth:`flush` and :meth:`close`.

    With a cap, the recording stops at the frame that would take the session's recordings past
    it (``already`` is what its earlier recordings take): the feed goes on, ``capped`` is set
    and ``on_capped`` is told once. Frames after that are in the database only.

    Attributes:
        path: the file written.
        frames: how many frames were appended.
        size: bytes written to this file (and ``already``).
        capped: the cap was reached; nothing more is written.
    """

    def __init__(
        self,
        path: Path,
        *,
        cap_bytes: int | None = None,
        already: int = 0,
        on_capped: Callable[[Path, int], None] | None = None,
    ) -> None:
        self.path = path
        private_dir(path.parent)
        # Raw frames hold what viewers wrote: owner-only, like the database.
        self._file: IO[str] | None = open_private(path, "a", encoding="utf-8", buffering=1 << 16)
        self.frames = 0
        self.size = already
        self.cap_bytes = cap_bytes
        self.capped = False
        self._on_capped = on_capped

    def append(self, source: str, raw: str | bytes, received_at: float, run: str = "") -> None:
        """Append one frame; bytes are kept as UTF-8 text (undecodable bytes escaped).

        ``run``: the token of the message ids made for this frame by the app (Kuaishou).
        """
        if self._file is None:
            return
        text = raw.decode("utf-8", "backslashreplace") if isinstance(raw, bytes) else raw
        item = {"t": received_at, "src": source, "raw": text}
        if run:
            item["run"] = run
        line = json.dumps(item, ensure_ascii=False) + "\n"
        size = len(line.encode())
        if self.cap_bytes is not None and self.size + size > self.cap_bytes:
            self._cap()
            return
        self.size += size
        try:
            self._file.write(line)
        except OSError:
            # A full disk must not stop the feed; the recording just ends here.
            log.exception("recording %s stopped", self.path)
            self.close()
            return
        self.frames += 1

    def _cap(self) -> None:
        self.capped = True
        log.warning(
            "recording %s: the session's recordings reached their cap of %d MB; the feed goes "
            "on, but its frames are no longer recorded",
            self.path.name,
            (self.cap_bytes or 0) >> 20,
        )
        self.close()
        if self._on_capped is not None:
            try:
                self._on_capped(self.path, self.cap_bytes or 0)
            except Exception:
                log.exception("recording %s: the cap callback failed", self.path.name)

    def flush(self) -> None:
        if self._file is not None:
            try:
                self._file.flush()
            except OSError:
                log.exception("recording %s: flush failed", self.path)

    def close(self) -> None:
        file, self._file = self._file, None
        if file is not None:
            try:
                file.close()
            except OSError:
                log.exception("recording %s: close failed", self.path)


def read_recording(path: Path) -> Iterator[tuple[float, str, str]]:
    """The frames of a recording as ``(t, src, raw)``; broken lines are skipped and logged."""
    for t, src, raw, _run in read_frames(path):
        yield t, src, raw


def read_frames(path: Path) -> Iterator[tuple[float, str, str, str]]:
    """The frames of a recording as ``(t, src, raw, run)`` (``run`` "" when not recorded)."""
    with path.open(encoding="utf-8", errors="replace") as file:
        for number, line in enumerate(file, 1):
            if not line.strip() or line.strip() == STORED_MARK:
                continue
            try:
                item = json.loads(line)
                yield float(item["t"]), str(item["src"]), str(item["raw"]), str(item.get("run", ""))
            except (ValueError, KeyError, TypeError, AttributeError):
                # A kill can cut the last line short: what came before it is still good.
                log.warning("recording %s: line %d is not a frame; skipped", path.name, number)


#: The last line of a recording whose frames are all in the database.
STORED_MARK = '{"stored": true}'


def mark_stored(path: Path) -> None:
    """Note at the end of a closed recording that all its frames are stored."""
    try:
        with path.open("a", encoding="utf-8") as file:
            file.write(STORED_MARK + "\n")
    except OSError:
        log.exception("recording %s: cannot mark it stored", path.name)


def is_stored(path: Path) -> bool:
    """Whether the recording ends with ``STORED_MARK``."""
    try:
        with path.open("rb") as file:
            file.seek(0, 2)
            size = file.tell()
            file.seek(max(0, size - 64))
            return file.read().rstrip().endswith(STORED_MARK.encode())
    except OSError:
        return True  # unreadable: nothing to replay from it


def unstored_recordings(session_id: int, exclude: Path | None = None) -> list[Path]:
    """A session's recordings not known to be stored whole, oldest first."""
    paths = sorted(recordings_dir().glob(f"session-{session_id}-*.jsonl"))
    return [p for p in paths if p != exclude and not is_stored(p)]


FrameDelivery = Callable[[str, str, float], None]
"""Receives ``(src, raw, received_at)`` for each replayed frame."""


async def replay(
    path: Path,
    deliver: FrameDelivery,
    *,
    speed: float | None = 1.0,
    clock: Callable[[], float] = time.time,
) -> int:
    """Feed a recording back, paced by its timestamps; returns the number of frames.

    Args:
        path: the JSONL recording.
        deliver: called with each frame and *now* as its receive time (a replay is live again).
        speed: 1 for real time, N for N× faster; ``None`` or 0 for as fast as possible.
        clock: the wall clock for receive times.
    """
    loop = asyncio.get_running_loop()
    started = loop.time()
    first: float | None = None
    count = 0
    for t, src, raw in read_recording(path):
        if first is None:
            first = t
        if speed:
            delay = started + (t - first) / speed - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
        elif count % _BURST == 0:
            await asyncio.sleep(0)
        deliver(src, raw, clock())
        count += 1
    return count
