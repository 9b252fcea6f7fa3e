"""The official's screen notes: a read receipt that a new note resets, and JSON that survives."""

from hypothesis import given
from hypothesis import strategies as st

from studio.domain.screen_notes import ScreenNotes


def test_the_first_acknowledgement_marks_the_note_read_and_stops_the_blink():
    notes = ScreenNotes().with_note("请收尾", blink=True)
    assert notes.unread
    read = notes.acknowledged(100.0)
    assert (read.note, read.blink, read.read_at, read.unread) == ("请收尾", False, 100.0, False)
    assert read.acknowledged(200.0) is read  # later presses change nothing


def test_without_a_note_there_is_nothing_to_read():
    assert ScreenNotes().acknowledged(1.0) == ScreenNotes()
    assert not ScreenNotes().unread


def test_a_new_note_is_unread_and_clearing_forgets_the_receipt():
    read = ScreenNotes().with_note("a").acknowledged(5.0)
    assert read.with_note("b").read_at is None
    assert read.cleared().read_at is None
    assert read.toggled_blackout().read_at == 5.0


def test_the_receipt_survives_json_and_nonsense_reads_as_unread():
    read = ScreenNotes().with_note("a").acknowledged(5.0)
    assert ScreenNotes.from_json(read.to_json()) == read
    for junk in ("x", True, None, [1]):
        assert ScreenNotes.from_json({"note": "a", "read_at": junk}).read_at is None
    assert ScreenNotes.from_json({"note": "", "read_at": 3}).read_at is None


@given(st.dictionaries(st.sampled_from(["note", "blink", "blackout", "read_at"]), st.from_type(object) | st.floats() | st.text()))
def test_any_stored_json_reads_without_raising(data):
    ScreenNotes.from_json(data)
