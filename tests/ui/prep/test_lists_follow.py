"""The rota and the units lists follow a refresh by row events: a changed row keeps the
selection and nothing resets; a new row is inserted, a gone one removed."""

import dataclasses

from studio.domain.model import UnitKind
from studio.domain.records import OfficialRecord, UnitRecord
from studio.domain.rotation import RotaEntry
from studio.ui.prep.rota_panel import RotaPanel
from studio.ui.prep.units_page import UnitsPage
from tests.helpers.model_events import ModelEvents, selected_records


def entry(uid: int, weight: float = 1.0) -> RotaEntry:
    return RotaEntry(uid, f"单位{uid}", weight, False, "")


def test_the_rota_follows_a_change_keeping_the_selection(qtbot, qtmodeltester):
    panel = RotaPanel()
    qtbot.addWidget(panel)
    entries = [entry(1), entry(2), entry(3)]
    panel.show_rota(entries)
    qtmodeltester.check(panel.model)
    panel.table.selectRow(1)
    events = ModelEvents(panel.model)
    heavier = dataclasses.replace(entries[1], weight=2.0, paused=True)
    panel.show_rota([entries[0], heavier, entries[2]])
    assert events.take() == ["dataChanged"]
    assert panel.selected_entry() == heavier
    panel.show_rota([entries[0], heavier, entries[2], entry(4)])
    assert events.take() == ["rowsInserted"]
    panel.show_rota([heavier, entries[2], entry(4)])
    assert events.take() == ["rowsRemoved"]
    assert panel.selected_entry() == heavier


def unit(uid: int, name: str = "", retired: bool = False) -> UnitRecord:
    return UnitRecord(uid, name or f"单位{uid}", f"单{uid}", UnitKind.DEPARTMENT, (), retired)


def test_the_units_and_officials_follow_a_change_keeping_the_selection(qtbot, qtmodeltester):
    page = UnitsPage()
    qtbot.addWidget(page)
    units = [unit(1), unit(2), unit(3)]
    page.show_units(units)
    qtmodeltester.check(page.units_model)
    page.units_view.selectRow(1)
    events = ModelEvents(page.units_model)
    renamed = dataclasses.replace(units[1], name="改名局", retired=True)
    page.show_units([units[0], renamed, units[2]])
    assert events.take() == ["dataChanged"]
    assert page.selected_unit() == renamed
    page.show_units([units[0], renamed, units[2], unit(4)])
    assert events.take() == ["rowsInserted"]
    page.show_units([renamed, units[2], unit(4)])
    assert events.take() == ["rowsRemoved"]
    assert selected_records(page.units_view) == [renamed]

    officials = [OfficialRecord(i, f"官员{i}", "局长", 2, "改名局") for i in (5, 6)]
    page.show_officials(2, officials)
    page.officials_view.selectRow(1)
    events = ModelEvents(page.officials_model)
    retitled = dataclasses.replace(officials[1], title="副局长")
    page.show_officials(2, [officials[0], retitled])
    assert events.take() == ["dataChanged"]
    assert page.selected_official() == retitled
