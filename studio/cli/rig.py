"""Headless rig commands: ``python -m studio rig status [--adb HOST:PORT] [--json]``."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from studio.domain.phone_health import PhoneHealth, alarms
from studio.options import parse_adb_address
from studio.rig.monitor import AdbRigMonitor, RigUnavailable

DEFAULT_ADB = "127.0.0.1:5037"


def phone_status(health: PhoneHealth) -> dict[str, Any]:
    """One phone as the JSON object ``rig status --json`` prints.

    ``alarms`` are those that hold whether or not a session is live.
    """
    return {
        "serial": health.serial,
        "serialno": health.serialno,
        "state": str(health.state),
        "model": health.model,
        "battery_level": health.battery_level,
        "charging": health.charging,
        "temperature_c": health.temperature_c,
        "screen_on": health.screen_on,
        "stay_on": health.stay_on,
        "foreground_package": health.foreground_package,
        "foreground_activity": health.foreground_activity,
        "live_app_in_front": health.live_app_in_front,
        "storage_free_pct": health.storage_free_pct,
        "thermal_status": health.thermal_status,
        "wifi": health.wifi,
        "alarms": [str(a) for a in alarms(health, session_live=False)],
    }


def _line(status: dict[str, Any]) -> str:
    def show(value: Any, unit: str = "") -> str:
        return "?" if value is None else f"{value}{unit}"

    return (
        f"{status['serial']} {status['state']} {status['model'] or ''} · "
        f"battery {show(status['battery_level'], '%')}"
        f"{' charging' if status['charging'] else ''} · "
        f"{show(status['temperature_c'], '°C')} · app {show(status['foreground_package'])} · "
        f"storage {show(status['storage_free_pct'], '%')} free · "
        f"alarms: {', '.join(status['alarms']) or 'none'}"
    )


def cmd_rig_status(args: argparse.Namespace) -> int:
    host, port = args.adb
    monitor = AdbRigMonitor(host=host, port=port, timeout=args.timeout)
    try:
        statuses = [phone_status(h) for h in monitor.poll()]
    except RigUnavailable as error:
        print(f"studio: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(statuses, ensure_ascii=False))
    elif not statuses:
        print("no phones")
    else:
        for status in statuses:
            print(_line(status))
    return 0


def add_rig_commands(commands: Any) -> None:
    """Add ``rig status`` to the ``studio`` command's subparsers."""
    rig = commands.add_parser("rig", help="the broadcast phones over ADB")
    actions = rig.add_subparsers(dest="rig_command", required=True, metavar="ACTION")
    status = actions.add_parser(
        "status", help="print every phone's health (one JSON object per phone with --json)"
    )
    status.add_argument(
        "--adb",
        type=parse_adb_address,
        default=parse_adb_address(DEFAULT_ADB),
        metavar="HOST:PORT",
        help=f"the adb server (default {DEFAULT_ADB})",
    )
    status.add_argument(
        "--timeout",
        type=float,
        default=3.0,
        metavar="SECONDS",
        help="how long one phone may take to answer (default 3)",
    )
    status.add_argument("--json", action="store_true", help="print a JSON array")
    status.set_defaults(run=cmd_rig_status)
