"""A model's rows follow a new list of records by row events, matched by each record's key.

napari's list model adapts an evented list's inserting/inserted/removing/moved events onto
``beginInsertRows``/``endInsertRows``…; our services still hand whole lists, so this works out
those events by comparing the list shown with the new one, by key (a record's id): the rows
that went are removed, the rows that came are inserted, a row that changed place is moved and
one that changed in place gets ``dataChanged``. A reader's selection and scroll position stay
on their records, and nothing resets unless the whole subject changes (another session).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt

Key = Callable[[Any], Hashable]


def stable_keys(positions: Sequence[int]) -> set[int]:
    """The indices of a longest increasing run (not contiguous) of ``positions``.

    The rows whose new positions form it can stay put; only the others need to move, so a
    row taken from the top to the bottom is one move, not a shift of all the others.
    """
    tails: list[int] = []  # tails[k]: index of the smallest tail of a run of length k + 1
    values: list[int] = []  # positions[tails[k]], for the bisection
    before: list[int] = [-1] * len(positions)
    for i, value in enumerate(positions):
        k = bisect_left(values, value)
        before[i] = tails[k - 1] if k else -1
        if k == len(tails):
            tails.append(i)
            values.append(value)
        else:
            tails[k] = i
            values[k] = value
    kept: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        kept.add(i)
        i = before[i]
    return kept


def follow(
    model: QAbstractItemModel,
    rows: list[Any],
    new: Sequence[Any],
    key: Key,
) -> int | None:
    """Change ``rows`` (the list ``model`` shows, changed in place) into ``new``, emitting
    ``model``'s row signals for each step. Keys must be unique within ``new``.

    Args:
        model: a flat (list or table) model whose rows are ``rows``; its protected
            ``begin…Rows``/``end…Rows`` are called from here, as napari's adapter does.
        rows: the records shown, row by row.
        new: the records to show, in order.
        key: a record's identity (its id), the same before and after a change.

    Returns:
        The first row whose place (its number) changed, or None when no row came, went or
        moved.
    """
    root = QModelIndex()
    target = {key(record): place for place, record in enumerate(new)}
    if len(target) != len(new):
        raise ValueError("two records with the same key")
    first = len(rows) + len(new)  # the first row a removal, move or insertion touched
    # 1. Rows that went, bottom up, a contiguous run at a time.
    row = len(rows) - 1
    while row >= 0:
        if key(rows[row]) in target:
            row -= 1
            continue
        last = row
        while row > 0 and key(rows[row - 1]) not in target:
            row -= 1
        first = min(first, row)
        model.beginRemoveRows(root, row, last)
        del rows[row : last + 1]
        model.endRemoveRows()
        row -= 1
    # 2. Rows that stay but changed place: each one goes right after the row it follows in
    #    ``new`` (among those already in order), in the order of ``new``.
    kept = stable_keys([target[key(r)] for r in rows])
    placed = {target[key(rows[i])] for i in kept}
    moving = sorted(target[key(r)] for i, r in enumerate(rows) if i not in kept)
    for place in moving:
        here = next(i for i, r in enumerate(rows) if target[key(r)] == place)
        earlier = [p for p in placed if p < place]
        after = max(earlier) if earlier else None
        there = (
            0
            if after is None
            else 1 + next(i for i, r in enumerate(rows) if target[key(r)] == after)
        )
        if there not in (here, here + 1):  # Qt refuses a move onto itself
            first = min(first, here, there)
            model.beginMoveRows(root, here, here, root, there)
            record = rows.pop(here)
            rows.insert(there - 1 if there > here else there, record)
            model.endMoveRows()
        placed.add(place)
    # 3. Rows that came, top down, a contiguous run at a time (``rows`` is now ``new`` less
    #    them, in order); rows that changed in place.
    changed: list[int] = []
    place = 0
    while place < len(new):
        if place < len(rows) and key(rows[place]) == key(new[place]):
            if rows[place] != new[place]:
                rows[place] = new[place]
                changed.append(place)
            place += 1
            continue
        first = min(first, place)
        end = place + 1
        while end < len(new) and (place >= len(rows) or key(new[end]) != key(rows[place])):
            end += 1
        model.beginInsertRows(root, place, end - 1)
        rows[place:place] = list(new[place:end])
        model.endInsertRows()
        place = end
    _emit_changed(model, changed)
    return first if first < len(rows) else None


def _emit_changed(model: QAbstractItemModel, rows: list[int]) -> None:
    """One ``dataChanged`` per contiguous run of changed rows, over all columns."""
    # A list model's columnCount is private to Qt: it has the one column.
    flat = isinstance(model, QAbstractListModel)
    last_column = 0 if flat else max(model.columnCount(QModelIndex()) - 1, 0)
    start = 0
    while start < len(rows):
        end = start
        while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1:
            end += 1
        model.dataChanged.emit(model.index(rows[start], 0), model.index(rows[end], last_column))
        start = end + 1


def renumber(model: QAbstractItemModel, first: int) -> None:
    """The vertical header's numbers of the rows from ``first`` on changed."""
    count = model.rowCount(QModelIndex())
    if first < count:
        model.headerDataChanged.emit(Qt.Orientation.Vertical, first, count - 1)
