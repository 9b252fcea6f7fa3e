"""The referrals board follows a refresh by row events: a changed ticket keeps its selection
and nothing resets; a new ticket is inserted, a gone one removed."""

import dataclasses
import datetime as dt

from PySide6.QtCore import QItemSelectionModel

from studio.domain.model import ReferralCategory, ReferralStatus
from studio.domain.records import ReferralRecord
from studio.ui.referrals.referrals_tab import ReferralsTab
from tests.helpers.model_events import ModelEvents, selected_records

TODAY = dt.date(2026, 11, 26)


def ticket(rid: int, status: ReferralStatus = ReferralStatus.ACCEPTED) -> ReferralRecord:
    return ReferralRecord(
        id=rid,
        session_date=TODAY,
        unit_name="住建局",
        category=ReferralCategory.HELP,
        summary=f"问题{rid}",
        status=status,
        created_at=dt.datetime(2026, 11, 26, 15, 30),
        deadline=TODAY + dt.timedelta(days=rid),
        replied_at=None,
        reply="",
        reported_back=False,
    )


def select_id(tab: ReferralsTab, rid: int) -> None:
    proxy = tab.view.model()
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == f"ZB-{rid:04d}")
    tab.view.selectionModel().select(
        proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def test_a_changed_ticket_keeps_the_selection_and_nothing_resets(qtbot, qtmodeltester):
    tab = ReferralsTab(lambda: TODAY)
    qtbot.addWidget(tab)
    tickets = [ticket(1), ticket(2), ticket(3)]
    tab.show_referrals(tickets)
    qtmodeltester.check(tab.model)
    select_id(tab, 2)
    events = ModelEvents(tab.model)
    replied = dataclasses.replace(tickets[1], status=ReferralStatus.REPLIED, reply="已答复")
    tab.show_referrals([tickets[0], replied, tickets[2]])
    assert events.take() == ["dataChanged"]
    assert selected_records(tab.view) == [replied]
    tab.show_referrals([tickets[0], replied, tickets[2], ticket(4)])
    assert events.take() == ["rowsInserted"]
    tab.show_referrals([replied, tickets[2], ticket(4)])
    assert events.take() == ["rowsRemoved"]
    assert selected_records(tab.view) == [replied]
