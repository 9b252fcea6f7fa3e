"""The generic record table model: Qt's model contract, plain text, sorting."""

from dataclasses import dataclass

from PySide6.QtCore import Qt

from studio.ui.record_model import RECORD_ROLE, SORT_ROLE, Column, RecordTableModel, record_table


@dataclass(frozen=True)
class Row:
    name: str
    count: int


def make_model() -> RecordTableModel:
    return RecordTableModel(
        [
            Column("Name", lambda r: r.name),
            Column("Count", lambda r: str(r.count), sort_key=lambda r: r.count),
        ],
        key=lambda r: r.name,
    )


def test_the_model_keeps_the_qt_contract_empty_and_full(qtmodeltester):
    model = make_model()
    qtmodeltester.check(model)
    model.set_records([Row("<b>x</b>", 10), Row("张三", 2), Row("", 0)])
    qtmodeltester.check(model)


def test_rows_give_text_record_and_sort_key():
    model = make_model()
    rows = [Row("<b>x</b>", 10), Row("张三", 2)]
    model.set_records(rows)
    index = model.index(0, 0)
    assert model.data(index) == "<b>x</b>"
    assert model.data(index, RECORD_ROLE) is rows[0]
    assert model.data(model.index(1, 1), SORT_ROLE) == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Count"


def test_the_table_sorts_numbers_as_numbers(qtbot):
    model = make_model()
    model.set_records([Row("a", 10), Row("b", 9), Row("c", 100)])
    view = record_table(model)
    qtbot.addWidget(view)
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    proxy = view.model()
    assert [proxy.index(r, 1).data() for r in range(3)] == ["9", "10", "100"]


def test_an_empty_table_gives_the_text_the_room_and_the_status_a_word(qtbot):
    """On a new county's empty database as on the demo: the topic wide, the status narrow."""
    from studio.ui.prep.schedule_sessions import session_columns, sessions_table
    from studio.ui.record_model import RecordTableModel

    model = RecordTableModel(session_columns())
    view, _day_filter = sessions_table(model, None)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    topic, status = 4, 5
    assert view.columnWidth(topic) > 2 * view.columnWidth(status)
    assert view.columnWidth(status) >= view.horizontalHeader().sectionSizeHint(status)
