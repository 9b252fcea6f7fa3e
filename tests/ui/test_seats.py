"""Seats in the window: the start dialog that asks who sits here, and the status bar's chip of
the other connected seats."""

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from studio.app import chosen_seat
from studio.domain.seats import PresentSeat, Seat, SeatRole
from studio.options import parse_options
from studio.seat_choice import remember_seat, remembered_seat, studio_settings
from studio.ui.seat_dialog import SeatDialog
from studio.ui.seats_chip import SeatsChip
from tests.helpers.dialogs import Button, press_button

NOW = dt.datetime(2026, 12, 3, 7, 0)  # 15:00 in the studio


def present(n, person, role, host, *, connected=True):
    return PresentSeat(
        id=n, person=person, role=role, host=host, pid=n, started_at=NOW - dt.timedelta(hours=1),
        last_seen=NOW, closed_at=None if connected else NOW, connected=connected,
    )  # fmt: skip


def test_enter_accepts_the_name_and_role(qtbot):
    dialog = SeatDialog(Seat("wang", SeatRole.MODERATOR))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.name.text() == "wang" and dialog.name.hasSelectedText()  # typing replaces it
    qtbot.keyClicks(dialog.name, "Wang Fang")  # QTest types ASCII only
    dialog.role.setCurrentIndex(dialog.role.findData(SeatRole.OPERATOR))
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.seat() == Seat("Wang Fang", SeatRole.OPERATOR)


def test_an_empty_name_is_not_accepted(qtbot):
    dialog = SeatDialog(Seat("wang", SeatRole.MODERATOR))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.clear()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0


def test_the_dialog_speaks_chinese(qtbot, chinese):
    dialog = SeatDialog(Seat("wang", SeatRole.MODERATOR))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "谁在使用这个席位？"
    roles = [dialog.role.itemText(i) for i in range(dialog.role.count())]
    assert roles == ["主持人", "操作员", "主讲人", "转办人员", "旁观（只读）"]


def _answer_the_dialog(person: str) -> None:
    """Type ``person`` into the start dialog once it is up, and press OK."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SeatDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.name.setText(person)
        press_button(dialog, Button.Ok)

    QTimer.singleShot(0, answer)


def test_the_first_start_asks_and_remembers_the_next_asks_nothing(qapp):
    settings = studio_settings()
    _answer_the_dialog("王芳")
    assert chosen_seat(parse_options([]), settings) == Seat("王芳", SeatRole.MODERATOR)
    assert remembered_seat(studio_settings()) == Seat("王芳", SeatRole.MODERATOR)
    # No dialog now: a dialog would wait forever here.
    assert chosen_seat(parse_options([]), settings) == Seat("王芳", SeatRole.MODERATOR)
    assert chosen_seat(parse_options(["--role", "official"]), settings) == Seat(
        "王芳", SeatRole.OFFICIAL
    )


def test_the_demo_asks_nothing_and_remembers_nothing(qapp):
    settings = studio_settings()
    seat = chosen_seat(parse_options(["--demo"]), settings)
    assert seat is not None and seat.role is SeatRole.MODERATOR and seat.person
    assert remembered_seat(settings) is None


def test_the_options_are_remembered_for_the_next_start(qapp):
    settings = studio_settings()
    remember_seat(settings, Seat("李明", SeatRole.MODERATOR))
    chosen_seat(parse_options(["--seat", "王芳", "--role", "referrals"]), settings)
    assert remembered_seat(studio_settings()) == Seat("王芳", SeatRole.REFERRALS)


def test_the_chip_names_the_other_seats_and_lists_them_all_in_its_tooltip(qtbot):
    chip = SeatsChip()
    qtbot.addWidget(chip)
    chip.show_seats(
        [
            present(1, "王芳", SeatRole.OPERATOR, "office-pc"),
            present(2, "李明", SeatRole.MODERATOR, "studio-pc"),
            present(3, "张伟", SeatRole.VIEWER, "hall-pc"),
            present(4, "赵六", SeatRole.REFERRALS, "annex-pc", connected=False),
        ]
    )
    assert chip.isVisible()
    assert chip.text() == (
        "Also here: 王芳 · Operator · office-pc; 李明 · Moderator · studio-pc +1"
    )
    assert chip.toolTip().splitlines() == [
        "王芳 · Operator · office-pc — since 14:00",
        "李明 · Moderator · studio-pc — since 14:00",
        "张伟 · Viewer (read-only) · hall-pc — since 14:00",
        "Left recently:",
        "赵六 · Referrals staff · annex-pc — last seen 15:00",
    ]
    chip.show_seats([])
    assert chip.isHidden()


def test_the_chip_in_chinese(qtbot, chinese):
    chip = SeatsChip()
    qtbot.addWidget(chip)
    chip.show_seats([present(1, "王芳", SeatRole.OPERATOR, "office-pc")])
    assert chip.text() == "同时在线：王芳 · 操作员 · office-pc"


def test_the_window_s_status_bar_follows_the_presence_service(make_desk, demo_db):
    studio = make_desk(demo_db)
    chip = studio.window.status.seats
    assert chip.isHidden()  # until the first heartbeat has read who is there
    studio.services.presence.seatsChanged.emit([present(1, "王芳", SeatRole.OPERATOR, "pc")])
    assert chip.isVisible() and chip.text() == "Also here: 王芳 · Operator · pc"
