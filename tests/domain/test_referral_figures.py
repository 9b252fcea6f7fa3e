"""Referral figures per unit and period: each definition on hand-made tickets."""

import datetime as dt

from studio.domain.model import ReferralStatus, Satisfaction
from studio.domain.referral_figures import TicketFacts, unit_figures

S = ReferralStatus
FIRST, LAST = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
TODAY = dt.date(2026, 12, 2)
D = dt.date(2026, 11, 20)  # a Friday


def facts(**fields):
    return TicketFacts(
        unit_id=fields.pop("unit_id", 1),
        status=fields.pop("status", S.CLOSED),
        deadline=fields.pop("deadline", D),
        **fields,
    )


def test_each_figure_by_its_definition():
    tickets = [
        facts(
            dispatches=((1, D),),
            dispatched_on=D,
            replied_on=D,
            closed_on=D,
            called_back_on=D,
            satisfaction=Satisfaction.SATISFIED,
        ),
        facts(
            dispatches=((1, D),),
            dispatched_on=D,
            replied_on=dt.date(2026, 11, 24),
            closed_on=dt.date(2026, 11, 25),
            called_back_on=dt.date(2026, 11, 25),
            satisfaction=Satisfaction.BASICALLY_SATISFIED,
        ),
        facts(status=S.IN_PROGRESS, dispatches=((1, D),)),
        facts(
            unit_id=2,
            status=S.DISPATCHED,
            dispatches=((1, D), (2, D)),
            returns=((1, D),),
            deadline=dt.date(2026, 12, 9),
        ),
    ]
    one = unit_figures(tickets, FIRST, LAST, TODAY)[1]
    assert (one.received, one.closed, one.returned) == (4, 2, 1)
    assert (one.due, one.closed_on_time) == (3, 1)
    assert one.overdue_now == 1
    assert one.satisfaction_rate == 1.0
    assert one.mean_working_days_to_reply == (0 + 2) / 2  # Friday → Tuesday: 2 working days
    assert one.as_dict()["on_time_rate"] == 0.3333
    strict = unit_figures(tickets, FIRST, LAST, TODAY, basically_counts=False)[1]
    assert strict.satisfaction_rate == 0.5
    two = unit_figures(tickets, FIRST, LAST, TODAY)[2]
    assert (two.received, two.due, two.overdue_now, two.on_time_rate) == (1, 0, 0, None)


def test_a_deadline_not_yet_passed_is_not_due_unless_closed():
    open_ticket = facts(status=S.IN_PROGRESS, deadline=dt.date(2026, 11, 30))
    closed_early = facts(deadline=dt.date(2026, 11, 30), closed_on=dt.date(2026, 11, 27))
    figures = unit_figures([open_ticket, closed_early], FIRST, LAST, dt.date(2026, 11, 28))[1]
    assert (figures.due, figures.closed_on_time, figures.on_time_rate) == (1, 1, 1.0)


def test_no_tickets_no_rates():
    assert unit_figures([], FIRST, LAST, TODAY) == {}
