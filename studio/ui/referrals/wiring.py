"""The referrals seat's wiring: the board shows what the referrals service reads.

The board is read again when a move on the desk makes or undoes a referral (wired by the desk,
whose widget sends that move).
"""

from __future__ import annotations

from studio.ui.referrals.referrals_tab import ReferralsTab
from studio.ui.services_bundle import Services


def wire_referrals(referrals: ReferralsTab, services: Services) -> None:
    """Connect the Referrals tab."""
    services.referrals.referralsLoaded.connect(referrals.show_referrals)
