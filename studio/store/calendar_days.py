"""The days an operator entered by hand (holidays, 调休 working days) and the work calendar they
make with the State Council's.

Every function is blocking: services call them from a worker thread, commands directly.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from studio.domain.calendar import EnteredDay, WorkCalendar
from studio.store.database import Database
from studio.store.models import CalendarDayRow

NOTE_MAX = 40


def work_calendar_in(s: OrmSession) -> WorkCalendar:
    """The work calendar within an open transaction (a fill or a move decides by it)."""
    rows = s.scalars(select(CalendarDayRow).order_by(CalendarDayRow.day))
    return WorkCalendar(EnteredDay(r.day, r.working, r.note) for r in rows)


def work_calendar(db: Database) -> WorkCalendar:
    """The State Council's calendar with the days entered by hand over it."""
    with db.transaction() as s:
        return work_calendar_in(s)


def enter_day(db: Database, day: dt.date, working: bool | None, note: str = "") -> WorkCalendar:
    """Enter ``day`` as a working day (True), a day off (False), or forget what was entered
    (None: the State Council's calendar decides again). Returns the calendar after it."""
    with db.transaction() as s:
        row = s.get(CalendarDayRow, day)
        if working is None:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(CalendarDayRow(day=day, working=working, note=note.strip()[:NOTE_MAX]))
        else:
            row.working, row.note = working, note.strip()[:NOTE_MAX]
        s.flush()
        return work_calendar_in(s)
