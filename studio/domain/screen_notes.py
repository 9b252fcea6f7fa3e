"""What the official's screen shows besides the clock: the moderator's note, blink, blackout."""

from __future__ import annotations

from dataclasses import dataclass

MAX_NOTE_CHARS = 120


@dataclass(frozen=True)
class ScreenNotes:
    """The moderator's side of the official's screen, persisted with the timer.

    Attributes:
        note: the note shown until cleared; empty for none.
        blink: whether the note blinks (for "请收尾" when the official does not look up).
        blackout: the screen shows nothing but black.
        read_at: when the official acknowledged the note (a clicker press; Unix time), or
            None while unread. A new note is unread again.
    """

    note: str = ""
    blink: bool = False
    blackout: bool = False
    read_at: float | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "note": self.note,
            "blink": self.blink,
            "blackout": self.blackout,
            "read_at": self.read_at,
        }

    @classmethod
    def from_json(cls, data: object) -> ScreenNotes:
        """Read what ``to_json`` wrote; anything unexpected falls back to "nothing shown"."""
        if not isinstance(data, dict):
            return cls()
        note = data.get("note")
        read_at = data.get("read_at")
        readable = isinstance(read_at, int | float) and not isinstance(read_at, bool)
        text = note[:MAX_NOTE_CHARS] if isinstance(note, str) else ""
        return cls(
            note=text,
            blink=data.get("blink") is True,
            blackout=data.get("blackout") is True,
            read_at=float(read_at) if readable and text else None,  # type: ignore[arg-type]
        )

    def with_note(self, note: str, *, blink: bool = False) -> ScreenNotes:
        text = " ".join(note.split())[:MAX_NOTE_CHARS]
        return ScreenNotes(note=text, blink=blink and bool(text), blackout=self.blackout)

    def cleared(self) -> ScreenNotes:
        return ScreenNotes(blackout=self.blackout)

    def toggled_blackout(self) -> ScreenNotes:
        return ScreenNotes(
            note=self.note, blink=self.blink, blackout=not self.blackout, read_at=self.read_at
        )

    @property
    def unread(self) -> bool:
        """A note is shown and the official has not acknowledged it yet."""
        return bool(self.note) and self.read_at is None

    def acknowledged(self, at: float) -> ScreenNotes:
        """The official pressed the clicker while the note was shown: read, and it stops
        blinking (it stays on screen until the moderator clears it). Only the first press counts."""
        if not self.unread:
            return self
        return ScreenNotes(note=self.note, blink=False, blackout=self.blackout, read_at=at)
