"""The rota: which unit takes the chair on each working day of a period, fairly.

Fair means: only working days (holidays off, 调休 Saturdays worked), each unit on air as
often as its weight allows and as evenly as possible, and never the same unit on two
working days in a row. Days that already have a session keep it; they count towards their
unit's share, so a fill-in balances the whole period.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from studio.domain.calendar import is_working_day, working_days
from studio.domain.refusals import Refusal, Refused


@dataclass(frozen=True, slots=True)
class RotaUnit:
    """A unit as the rota sees it.

    Attributes:
        unit_id: the unit's id.
        weight: its share relative to the others (2.0 = twice as often as 1.0).
        paused: left out of this period (e.g. its head is away), without being retired.
    """

    unit_id: int
    weight: float = 1.0
    paused: bool = False


@dataclass(frozen=True, slots=True)
class RotaEntry:
    """A unit's place on the rota as stored: its weight, whether paused, and why."""

    unit_id: int
    unit_name: str
    weight: float
    paused: bool
    note: str


@dataclass(frozen=True, slots=True)
class RotaSlot:
    """One day of the rota and the unit on air that day."""

    day: dt.date
    unit_id: int


class RotaProblem(Refused, ValueError):
    """The rota cannot be made (no unit to put on air, a bad weight or period): a code and
    its arguments, worded by the refusal table."""


def period_of_weeks(first: dt.date, weeks: int) -> tuple[dt.date, dt.date]:
    """``first`` and the last day of ``weeks`` weeks starting on it (both included)."""
    if weeks < 1:
        raise RotaProblem(Refusal.WEEKS_AT_LEAST_ONE)
    return first, first + dt.timedelta(days=7 * weeks - 1)


def plan_rotation(
    units: Sequence[RotaUnit],
    first: dt.date,
    last: dt.date,
    *,
    booked: Mapping[dt.date, int | None] | None = None,
    history: Iterable[RotaSlot] = (),
    working_day: Callable[[dt.date], bool] = is_working_day,
) -> list[RotaSlot]:
    """The new slots for the working days from ``first`` to ``last`` that have no session.

    Args:
        units: the units on the rota, in the order that breaks remaining ties.
        first, last: the period, both included.
        booked: days that already have a session, with its unit id (None: no unit yet).
            They are kept, and count towards their unit's share.
        history: sessions before ``first``: the unit on air last is not put on ``first`` again,
            and among equally served units the one on air longest ago comes first.
        working_day: which days are working days (the State Council's calendar by default).

    Returns:
        One slot per free working day, in date order.

    The choice each day is the unit whose next turn comes earliest in proportion to its weight
    — ``(count + 1) / weight``, as in weighted fair queuing — among those not on air the working
    day before or after. Units of equal weight then never differ by more than one session.
    """
    if last < first:
        raise RotaProblem(Refusal.PERIOD_BACKWARDS)
    for unit in units:
        if not unit.paused and unit.weight <= 0:
            raise RotaProblem(Refusal.UNIT_WEIGHT_NOT_POSITIVE, id=unit.unit_id)
    active = [u for u in units if not u.paused]
    booked = dict(booked or {})
    days = [d for d in working_days_by(first, last, working_day)]
    free = [d for d in days if d not in booked]
    if free and not active:
        raise RotaProblem(Refusal.ROTA_EMPTY)

    order = {u.unit_id: i for i, u in enumerate(active)}
    weight = {u.unit_id: u.weight for u in active}
    count = dict.fromkeys(order, 0)
    last_on_air: dict[int, dt.date] = {}
    for slot in sorted(history, key=lambda s: s.day):
        if slot.day < first:
            last_on_air[slot.unit_id] = slot.day
    for day, unit_id in booked.items():
        if unit_id in count and first <= day <= last:
            count[unit_id] += 1

    on_air: dict[dt.date, int | None] = {d: booked[d] for d in days if d in booked}
    previous: int | None = max(last_on_air, key=last_on_air.__getitem__, default=None)
    planned: list[RotaSlot] = []
    for index, day in enumerate(days):
        if day in on_air:
            previous = on_air[day]
            if previous is not None:
                last_on_air[previous] = day
            continue
        following = on_air.get(days[index + 1]) if index + 1 < len(days) else None
        neighbours = {previous, following}
        candidates = (
            [u for u in order if u not in neighbours]
            or [u for u in order if u != previous]
            or list(order)
        )

        def turn(unit_id: int, day: dt.date = day) -> tuple[float, float, int]:
            since = last_on_air.get(unit_id)
            # Never on air sorts before anyone; otherwise the longest ago first.
            ago = (day - since).days if since else 1_000_000
            return ((count[unit_id] + 1) / weight[unit_id], -ago, order[unit_id])

        chosen = min(candidates, key=turn)
        count[chosen] += 1
        last_on_air[chosen] = day
        on_air[day] = chosen
        previous = chosen
        planned.append(RotaSlot(day, chosen))
    return planned


def working_days_by(
    first: dt.date, last: dt.date, working_day: Callable[[dt.date], bool]
) -> list[dt.date]:
    """The working days from ``first`` to ``last`` as ``working_day`` judges them."""
    if working_day is is_working_day:
        return list(working_days(first, last))
    return [
        first + dt.timedelta(days=n)
        for n in range((last - first).days + 1)
        if working_day(first + dt.timedelta(days=n))
    ]
