"""The official's screen's wiring: the presentation clicker reaches the timer and the queue."""

from __future__ import annotations

from studio.ui.official.official_screen import OfficialScreen
from studio.ui.services_bundle import Services


def wire_official(official: OfficialScreen, services: Services) -> None:
    """Connect the clicker on the official's screen (what it shows comes from the main window)."""
    timer, moderation = services.timer, services.moderation
    # Any clicker press tells the moderator the official has seen the note.
    official.clickerPressed.connect(lambda _command: timer.acknowledge_note())
    # The clicker is the official's seat: next/previous move the studio's one question on air
    # in the store (audited), and every screen follows the stored move.
    official.clickerPressed.connect(moderation.step_on_air)
