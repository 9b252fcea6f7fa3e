"""The live feed as an append-only table model: one ``beginInsertRows`` per stored batch.

Built to stay smooth at 100,000 comments: rows are only appended (never a reset while live),
a cell's text is computed only when a view asks for a visible cell, and a record's row is found
by its id in O(1) for in-place updates (moderation). Text is returned as plain strings; the
view never interprets it as markup. The figures the desk shows about the whole feed (how many
in each status, how many waiting, how many people asked the same thing) are kept as running
tallies, so nothing ever walks the 100,000 rows to count them.

A session's stored rows arrive in pages (:meth:`FeedModel.begin_load`, :meth:`add_loaded`,
:meth:`end_load`), each one insertion. While they do, live rows are held back and appended
after the last page (so the feed stays in order), and a change to a row not loaded yet is kept
and applied when its page arrives: nothing the live feed or a moderator did in the meantime is
lost, and only a change of session resets the model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QObject

from studio.domain.model import QuestionFlag, QuestionStatus
from studio.ui.record_model import RECORD_ROLE, Column, RecordTableModel

__all__ = ["RECORD_ROLE", "WAITING", "FeedModel"]

#: A question still waiting for the moderator (what the figures strip counts).
WAITING = (QuestionStatus.NEW, QuestionStatus.FLAGGED)

_IS_QUESTION = QuestionFlag.IS_QUESTION.value
_WAITING_FOR_AIR = frozenset({QuestionStatus.ON_AIR, QuestionStatus.QUEUED})


class FeedModel(RecordTableModel):
    """Questions (``QuestionRecord``) shown through column specs; appended in batches.

    Cells, headers and flags are the record table's; this adds appending, in-place updates
    and the running tallies.

    Attributes:
        columns: the column specs.
        cluster_column: the column showing :meth:`cluster_size` (refreshed when a cluster
            grows), or -1 to refresh whole rows.
        loading: a session's stored rows are still arriving (see :meth:`begin_load`).
    """

    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(columns, parent)
        self.columns = self._columns
        self.cluster_column = -1
        self._rows: dict[int, int] = {}  # record id → row
        self._clusters: Counter[int] = Counter()  # cluster id → rows in it
        self._cluster_first: dict[int, int] = {}  # cluster id → its first row
        self._statuses: Counter[str] = Counter()
        self._questions: Counter[str] = Counter()  # statuses of rows that are questions
        self._waiting: dict[int, int] = {}  # record id → row, of those on air or queued
        self.loading = False
        self._held: dict[int, Any] = {}  # live rows that came while loading, by id, in order
        self._changed: dict[int, Any] = {}  # changes to rows not loaded yet, by id

    # -- changing -----------------------------------------------------------------------------
    def set_records(self, records: Iterable[Any]) -> None:  # type: ignore[override]
        """Replace everything at once (a whole session's rows; one reset)."""
        self.begin_load()
        self.add_loaded(list(records))
        self.end_load()

    def begin_load(self) -> None:
        """Another session: empty the feed (the one reset) and wait for its stored rows."""
        # Subject change only (another session); ordinary changes are appends and dataChanged.
        self.beginResetModel()
        self._records = []
        self._rows = {}
        self._clusters = Counter()
        self._cluster_first = {}
        self._statuses = Counter()
        self._questions = Counter()
        self._waiting = {}
        self._held = {}
        self._changed = {}
        self.loading = True
        self.endResetModel()

    def add_loaded(self, records: Sequence[Any]) -> int:
        """A page of the session's stored rows, oldest first: appended in one insertion, each
        with any change that came for it before its page. Returns how many rows were added."""
        changed = self._changed
        if changed:
            records = [changed.pop(r.id, r) for r in records]
        return self._append(records)

    def end_load(self) -> int:
        """Every stored row is in: the live rows held meanwhile follow (those a page already
        brought are skipped). Returns how many rows they added."""
        held, changed = self._held, self._changed
        self.loading, self._held, self._changed = False, {}, {}
        return self._append([changed.get(i, r) for i, r in held.items()])

    def hold(self, records: Sequence[Any]) -> int:
        """Keep live rows until :meth:`end_load` (while loading); returns how many are new."""
        held = self._held
        fresh = [r for r in records if r.id not in held and r.id not in self._rows]
        for record in fresh:
            held[record.id] = record
        return len(fresh)

    def append(self, records: Sequence[Any]) -> int:
        """Append a batch in one insertion; records already shown are skipped (while loading,
        they are held: see :meth:`hold`). Returns how many rows were added."""
        if self.loading:
            self.hold(records)
            return 0
        return self._append(records)

    def _append(self, records: Sequence[Any]) -> int:
        shown = self._rows
        fresh = list({r.id: r for r in records if r.id not in shown}.values())
        if not fresh:
            return 0
        first = len(self._records)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        grown = self._extend(fresh)
        self.endInsertRows()
        self._refresh_clusters(grown, first - 1)
        return len(fresh)

    def _extend(self, records: Iterable[Any]) -> set[int]:
        """Add records (one per id); returns the clusters that already had rows before."""
        grown: set[int] = set()
        for record in records:
            if record.id in self._rows:
                continue
            row = len(self._records)
            self._rows[record.id] = row
            self._records.append(record)
            self._count(record, 1)
            cluster = record.cluster_id
            if cluster is not None:
                if self._clusters[cluster] and self._cluster_first[cluster] < row:
                    grown.add(cluster)
                self._clusters[cluster] += 1
                self._cluster_first.setdefault(cluster, row)
        return grown

    def _count(self, record: Any, step: int) -> None:
        self._statuses[record.status] += step
        if record.flags.value & _IS_QUESTION:  # plain ints: a Flag's own "&" is slow
            self._questions[record.status] += step
        if record.status in _WAITING_FOR_AIR:
            if step > 0:
                self._waiting[record.id] = self._rows[record.id]
            else:
                self._waiting.pop(record.id, None)

    def update(self, record: Any) -> bool:
        """Replace the record with the same id in place (e.g. a new status or cluster). While
        loading, a record not shown yet keeps its change for when it arrives."""
        row = self._rows.get(record.id)
        if row is None:
            if self.loading:
                self._changed[record.id] = record
            return False
        old = self._records[row]
        self._records[row] = record
        self._count(old, -1)
        self._count(record, 1)
        touched: set[int] = set()
        if old.cluster_id != record.cluster_id:
            if old.cluster_id is not None:
                self._clusters[old.cluster_id] -= 1
                touched.add(old.cluster_id)
            if record.cluster_id is not None:
                self._clusters[record.cluster_id] += 1
                first = self._cluster_first.get(record.cluster_id, row)
                self._cluster_first[record.cluster_id] = min(first, row)
                touched.add(record.cluster_id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        self._refresh_clusters(touched, len(self._records) - 1)
        return True

    def rename_units(self, names: Mapping[str, str]) -> int:
        """Units were renamed (old name → new): their rows show the new name, in place (one
        change over the rows between the first and the last renamed). Returns how many."""
        if not names:
            return 0
        records, first, last, renamed = self._records, -1, -1, 0
        for row, record in enumerate(records):
            new = names.get(record.unit_name)
            if new is not None:
                records[row] = replace(record, unit_name=new)
                first = row if first < 0 else first
                last, renamed = row, renamed + 1
        for waiting in (self._held, self._changed):
            for key, record in waiting.items():
                if record.unit_name in names:
                    waiting[key] = replace(record, unit_name=names[record.unit_name])
        if first >= 0:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        return renamed

    def _refresh_clusters(self, clusters: set[int], last: int) -> None:
        """Other rows of ``clusters`` show a new count: one change over the rows they span."""
        if not clusters or last < 0:
            return
        first = min(self._cluster_first.get(c, last) for c in clusters)
        if first > last:
            return
        left = right = self.cluster_column
        if left < 0:
            left, right = 0, len(self.columns) - 1
        self.dataChanged.emit(self.index(first, left), self.index(last, right))

    # -- reading ------------------------------------------------------------------------------
    def record(self, row: int) -> Any:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        return self._rows.get(record_id)

    def cluster_size(self, record: Any) -> int:
        """How many rows of the feed ask what ``record`` asks (itself included)."""
        cluster = record.cluster_id
        return 1 if cluster is None else max(1, self._clusters[cluster])

    def cluster_members(self, cluster_id: int) -> list[Any]:
        """The records of one cluster, in feed order (read from its first row on)."""
        if not self._clusters[cluster_id]:
            return []
        first = self._cluster_first.get(cluster_id, 0)
        return [r for r in self._records[first:] if r.cluster_id == cluster_id]

    def on_air_and_queued(self) -> list[Any]:
        """The records on air or queued, in feed order (kept as they change: no scan)."""
        return [self._records[row] for row in sorted(self._waiting.values())]

    def status_count(self, status: str) -> int:
        """Rows in ``status`` (a ``QuestionStatus``)."""
        return self._statuses[status]

    def question_count(self, statuses: Iterable[str] | None = None) -> int:
        """Rows that are questions, in any of ``statuses`` (default: any status)."""
        if statuses is None:
            return sum(self._questions.values())
        return sum(self._questions[s] for s in statuses)
