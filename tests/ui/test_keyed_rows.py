"""A model follows a new list by row events: removed, inserted, moved, changed, never reset;
checked by Qt's model tester through every step, and the selection stays on its record."""

import random
from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt

from studio.ui.keyed_rows import stable_keys
from studio.ui.record_model import Column, RecordTableModel, record_table
from tests.helpers.model_events import ModelEvents, selected_records


@dataclass(frozen=True)
class Item:
    id: int
    text: str = ""


def make_model() -> RecordTableModel:
    return RecordTableModel([Column("Id", lambda r: str(r.id)), Column("Text", lambda r: r.text)])


def shown(model: RecordTableModel) -> list[Item]:
    return model.records()


def test_random_refreshes_end_as_the_new_list_and_keep_qt_s_contract(qtmodeltester):
    model = make_model()
    qtmodeltester.check(model)  # stays attached: every later signal is checked
    events = ModelEvents(model)
    rnd = random.Random(17)
    for _ in range(400):
        new = [Item(i, rnd.choice("ab")) for i in rnd.sample(range(30), rnd.randint(0, 15))]
        model.set_records(new)
        assert shown(model) == new
    assert "modelAboutToBeReset" not in events.names
    assert {"rowsInserted", "rowsRemoved", "rowsMoved", "dataChanged"} <= set(events.names)


def test_each_kind_of_change_is_its_own_row_event():
    model = make_model()
    model.set_records([Item(1), Item(2), Item(3), Item(4)])
    events = ModelEvents(model)
    model.set_records([Item(1), Item(2, "changed"), Item(3), Item(4)])
    assert events.take() == ["dataChanged"]
    model.set_records([Item(1), Item(2, "changed"), Item(3), Item(4), Item(5)])
    assert events.take() == ["rowsInserted"]
    model.set_records([Item(2, "changed"), Item(3), Item(4), Item(5)])
    assert events.take() == ["rowsRemoved"]
    model.set_records([Item(3), Item(4), Item(5), Item(2, "changed")])  # top to bottom
    assert events.names == ["rowsMoved"]  # one move, not three
    events.take()
    model.set_records([Item(3), Item(4), Item(5), Item(2, "changed")])
    assert events.take() == []


def test_a_subject_change_resets():
    model = make_model()
    model.set_records([Item(1)])
    events = ModelEvents(model)
    model.show_subject([Item(7)])
    assert events.take() == ["modelAboutToBeReset"]


def test_the_selection_stays_on_its_record_through_a_sorted_view(qtbot):
    model = make_model()
    view = record_table(model)
    qtbot.addWidget(view)
    model.set_records([Item(1, "c"), Item(2, "a"), Item(3, "b")])
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    proxy = view.model()
    row = next(r for r in range(3) if proxy.index(r, 0).data() == "3")
    view.selectionModel().select(
        proxy.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    model.set_records([Item(4, "0"), Item(2, "a"), Item(3, "z"), Item(1, "c")])
    assert selected_records(view) == [Item(3, "z")]
    assert [proxy.index(r, 1).data() for r in range(4)] == ["0", "a", "c", "z"]


def test_the_stable_run_is_a_longest_increasing_one():
    assert stable_keys([]) == set()
    assert stable_keys([1, 2, 3, 0]) == {0, 1, 2}
    assert stable_keys([3, 0, 1, 2]) == {1, 2, 3}
    assert len(stable_keys([2, 0, 3, 1, 4])) == 3
