"""Phones' readings for tests: a ready phone, changed where a test needs it."""

from __future__ import annotations

from studio.domain.phone_health import PhoneHealth


def ready(serial: str, **changes: object) -> PhoneHealth:
    values: dict[str, object] = dict(
        state="device",
        serialno=serial,
        battery_level=64,
        charging=False,
        temperature_c=35.0,
        screen_on=True,
        foreground_package="com.smile.gifmaker",
    )
    values.update(changes)
    return PhoneHealth(serial, **values)  # type: ignore[arg-type]
