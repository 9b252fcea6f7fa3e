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
    """

    note: str = ""
    blink: bool = False
    blackout: bool = False

    def to_json(self) -> dict[str, object]:
        return {"note": self.note, "blink": self.blink, "blackout": self.blackout}

    @classmethod
    def from_json(cls, data: object) -> ScreenNotes:
        """Read what ``to_json`` wrote; anything unexpected falls back to "nothing shown"."""
        if not isinstance(data, dict):
            return cls()
        note = data.get("note")
        return cls(
            note=note[:MAX_NOTE_CHARS] if isinstance(note, str) else "",
            blink=data.get("blink") is True,
            blackout=data.get("blackout") is True,
        )

    def with_note(self, note: str, *, blink: bool = False) -> ScreenNotes:
        text = " ".join(note.split())[:MAX_NOTE_CHARS]
        return ScreenNotes(note=text, blink=blink and bool(text), blackout=self.blackout)

    def cleared(self) -> ScreenNotes:
        return ScreenNotes(blackout=self.blackout)

    def toggled_blackout(self) -> ScreenNotes:
        return ScreenNotes(note=self.note, blink=self.blink, blackout=not self.blackout)
