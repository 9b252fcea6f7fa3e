"""``studio rig status``: one JSON object per phone from the adb server, exit 1 without one."""

import argparse
import json

import pytest

from studio.cli.rig import add_rig_commands
from studio.options import parse_adb_address
from tests.helpers.fake_adb import FakeAdbServer, FakePhone, free_port, phone_from_dir

KEYS = {
    "serial",
    "state",
    "model",
    "battery_level",
    "charging",
    "temperature_c",
    "screen_on",
    "stay_on",
    "foreground_package",
    "live_app_in_front",
    "storage_free_pct",
    "alarms",
}


def run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="studio")
    add_rig_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.run(args))


def test_status_json_per_phone(capsys) -> None:
    phones = [
        phone_from_dir("7d5a1c23", "xiaomi_k40_a12"),
        FakePhone("R58M3", state="unauthorized"),
        phone_from_dir("192.168.1.23:5555", "oppo_findx3_a13", hang={"dumpsys power"}),
    ]
    with FakeAdbServer(phones) as adb:
        assert (
            run(["rig", "status", "--adb", f"127.0.0.1:{adb.port}", "--json", "--timeout", "1"])
            == 0
        )
    xiaomi, unauthorized, oppo = json.loads(capsys.readouterr().out)
    assert xiaomi.keys() >= KEYS
    assert (xiaomi["serial"], xiaomi["state"], xiaomi["model"]) == (
        "7d5a1c23",
        "device",
        "Redmi K40",
    )
    assert (xiaomi["battery_level"], xiaomi["charging"], xiaomi["temperature_c"]) == (
        15,
        False,
        36.5,
    )
    assert xiaomi["live_app_in_front"] is True and xiaomi["storage_free_pct"] == 3.1
    assert xiaomi["alarms"] == ["battery_low", "storage_low"]  # no live-session alarms
    assert (unauthorized["state"], unauthorized["alarms"]) == ("unauthorized", ["unauthorized"])
    assert (oppo["state"], oppo["alarms"]) == ("not_responding", ["not_responding"])


def test_status_as_text(capsys) -> None:
    with FakeAdbServer([phone_from_dir("7d5a1c23", "xiaomi_k40_a12")]) as adb:
        assert run(["rig", "status", "--adb", f":{adb.port}"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("7d5a1c23 device Redmi K40 · battery 15%")
    assert "alarms: battery_low, storage_low" in out


def test_no_adb_server_is_exit_code_1(capsys) -> None:
    assert run(["rig", "status", "--adb", f"127.0.0.1:{free_port()}", "--json"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("studio: no adb server on 127.0.0.1:") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("127.0.0.1:5037", ("127.0.0.1", 5037)),
        ("10.0.0.5", ("10.0.0.5", 5037)),
        (":5555", ("127.0.0.1", 5555)),
        ("[::1]:5037", ("::1", 5037)),
    ],
)
def test_adb_addresses(text: str, address: tuple[str, int]) -> None:
    assert parse_adb_address(text) == address


@pytest.mark.parametrize("text", ["host:port", "h:0", "h:70000"])
def test_bad_adb_addresses(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        parse_adb_address(text)
