"""Referral figures per unit and period from the store (definitions in
:mod:`studio.domain.referral_figures`). Blocking."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from studio.domain.model import ReferralStatus, Satisfaction
from studio.domain.referral_figures import TicketFacts, UnitReferralFigures, unit_figures
from studio.domain.referral_lifecycle import ReferralAction
from studio.domain.refusals import Refusal, Refused
from studio.domain.studio_time import to_studio
from studio.store.database import Database
from studio.store.models import Referral, ReferralEvent, Unit


def _day(instant: dt.datetime | None) -> dt.date | None:
    return None if instant is None else to_studio(instant).date()


def referral_figures(
    db: Database,
    first: dt.date,
    last: dt.date,
    *,
    today: dt.date,
    basically_counts: bool = True,
) -> list[UnitReferralFigures]:
    """Each unit's referral figures for the period ``first``–``last`` (both included), judged
    on ``today``; units in name order, only those with a ticket.

    Args:
        basically_counts: whether 基本满意 counts as satisfied (the Reports setting).

    Raises:
        Refused: the period ends before it starts (``PERIOD_BACKWARDS``).
    """
    if last < first:
        raise Refused(Refusal.PERIOD_BACKWARDS)
    with db.sessions() as s:
        moves: dict[int, dict[str, list[tuple[int, dt.date]]]] = {}
        for referral_id, action, unit_id, at in s.execute(
            select(
                ReferralEvent.referral_id,
                ReferralEvent.action,
                ReferralEvent.unit_id,
                ReferralEvent.at,
            )
            .where(ReferralEvent.action.in_([ReferralAction.DISPATCH, ReferralAction.RETURN]))
            .order_by(ReferralEvent.id)
        ):
            if unit_id is not None:
                kind = moves.setdefault(referral_id, {"dispatch": [], "return": []})
                kind[action].append((unit_id, to_studio(at).date()))
        facts = [
            TicketFacts(
                unit_id=r.unit_id,
                status=ReferralStatus(r.status),
                deadline=r.deadline,
                dispatches=tuple(moves.get(r.id, {}).get("dispatch", ())),
                returns=tuple(moves.get(r.id, {}).get("return", ())),
                dispatched_on=_day(r.dispatched_at),
                replied_on=_day(r.replied_at),
                called_back_on=_day(r.called_back_at),
                closed_on=_day(r.closed_at),
                satisfaction=Satisfaction(r.satisfaction) if r.satisfaction else None,
            )
            for r in s.scalars(select(Referral))
        ]
        names = {unit_id: name for unit_id, name in s.execute(select(Unit.id, Unit.name))}
    figures = unit_figures(facts, first, last, today, basically_counts=basically_counts)
    for unit_id, unit in figures.items():
        unit.unit_name = names.get(unit_id, "")
    return sorted(figures.values(), key=lambda f: (f.unit_name, f.unit_id))
