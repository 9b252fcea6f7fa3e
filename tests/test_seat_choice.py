"""Which seat an app or command works as: --seat/--role, the environment, the remembered seat."""

import pytest

from studio.domain.seats import NotARole, Seat, SeatRole
from studio.options import parse_options
from studio.seat_choice import (
    asked_seat,
    default_person,
    remember_seat,
    remembered_seat,
    studio_settings,
)


def test_the_options_take_a_name_and_a_role():
    options = parse_options(["--seat", " 王芳 ", "--role", "Operator"])
    assert (options.seat, options.role) == ("王芳", SeatRole.OPERATOR)
    assert (parse_options([]).seat, parse_options([]).role) == (None, None)


@pytest.mark.parametrize("argv", [["--role", "boss"], ["--seat", "  "]])
def test_a_bad_role_or_an_empty_name_is_a_usage_error(argv, capsys):
    with pytest.raises(SystemExit) as exited:
        parse_options(argv)
    assert exited.value.code == 2
    assert "--" in capsys.readouterr().err


def test_the_seat_is_remembered_on_this_computer():
    settings = studio_settings()
    assert remembered_seat(settings) is None
    remember_seat(settings, Seat("王芳", SeatRole.OPERATOR))
    assert remembered_seat(studio_settings()) == Seat("王芳", SeatRole.OPERATOR)


def test_the_options_win_over_the_environment_and_the_remembered_seat():
    settings = studio_settings()
    remember_seat(settings, Seat("王芳", SeatRole.OPERATOR))
    env = {"STUDIO_SEAT": "李明", "STUDIO_ROLE": "official"}
    assert asked_seat("张伟", SeatRole.VIEWER, settings, env) == Seat("张伟", SeatRole.VIEWER)
    assert asked_seat(None, None, settings, env) == Seat("李明", SeatRole.OFFICIAL)
    # A part not given is the remembered seat's.
    assert asked_seat(None, SeatRole.REFERRALS, settings, {}) == Seat("王芳", SeatRole.REFERRALS)
    assert asked_seat(None, None, settings, {}) == Seat("王芳", SeatRole.OPERATOR)


def test_nothing_asked_nor_remembered_is_none_and_a_name_alone_is_a_moderator():
    settings = studio_settings()
    assert asked_seat(None, None, settings, {}) is None
    assert asked_seat("李明", None, settings, {}) == Seat("李明", SeatRole.MODERATOR)
    assert asked_seat(None, SeatRole.VIEWER, settings, {}) == Seat(
        default_person(), SeatRole.VIEWER
    )


def test_a_bad_role_in_the_environment_is_refused():
    with pytest.raises(NotARole):
        asked_seat(None, None, studio_settings(), {"STUDIO_ROLE": "boss"})
