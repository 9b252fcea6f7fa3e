"""The referrals seat's wiring: the board shows what the referral desk service reads, and asks
it for moves, reveals and a ticket's detail.

The board is read again when a move on the desk makes or undoes a referral (wired by the desk,
whose widget sends that move: it calls the same service's ``refresh``).
"""

from __future__ import annotations

from studio.ui.referrals.referrals_tab import ReferralsTab
from studio.ui.services_bundle import Services


def wire_referrals(referrals: ReferralsTab, services: Services) -> None:
    """Connect the Referrals tab."""
    desk = services.referrals
    desk.referralsLoaded.connect(referrals.show_referrals)
    # Another seat made or moved tickets: the board reads them again (rows change in place).
    services.sync.referralsChanged.connect(lambda _ids: desk.refresh())
    desk.unitsLoaded.connect(referrals.show_units)
    desk.ticketChanged.connect(referrals.update_ticket)
    desk.detailLoaded.connect(referrals.show_detail)
    desk.contactRevealed.connect(referrals.show_revealed)
    desk.refused.connect(referrals.say)
    desk.bulkFinished.connect(referrals.show_bulk_result)
    referrals.moveRequested.connect(desk.move)
    referrals.dispatchRequested.connect(desk.dispatch_many)
    referrals.revealRequested.connect(desk.reveal_contact)
    referrals.detailRequested.connect(desk.load_detail)
    # The card's header names the county as the studio's profile does.
    services.profile.profileLoaded.connect(referrals.set_county)
