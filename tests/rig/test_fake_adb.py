"""The fake adb server speaks the host protocol the way adbutils and adb expect it."""

from __future__ import annotations

import socket
import threading
import time

import adbutils
import pytest

from tests.helpers.fake_adb import FakeAdbServer, FakePhone, phone_from_dir


def request(sock: socket.socket, text: str) -> None:
    data = text.encode()
    sock.sendall(f"{len(data):04x}".encode() + data)


def read_exact(sock: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            break
        buf += chunk
    return buf


def read_all(sock: socket.socket) -> bytes:
    buf = b""
    while chunk := sock.recv(4096):
        buf += chunk
    return buf


def test_raw_host_protocol() -> None:
    phone = FakePhone("ABC123", shell={"echo hi": "hi\n"}, tags={"model": "Pixel_7"})
    with FakeAdbServer([phone, FakePhone("R58M3", state="unauthorized")]) as adb:
        with socket.create_connection((adb.host, adb.port), timeout=2) as s:
            request(s, "host:version")
            assert read_all(s) == b"OKAY00040029"
        with socket.create_connection((adb.host, adb.port), timeout=2) as s:
            request(s, "host:devices-l")
            assert read_exact(s, 4) == b"OKAY"
            body = read_exact(s, int(read_exact(s, 4), 16)).decode()
            assert body.splitlines() == [
                "ABC123                 device model:Pixel_7 transport_id:1",
                "R58M3                  unauthorized usb:1-1 transport_id:2",
            ]
        with socket.create_connection((adb.host, adb.port), timeout=2) as s:
            request(s, "host:tport:serial:ABC123")
            assert read_exact(s, 12) == b"OKAY" + (1).to_bytes(8, "little")
            request(s, "shell:echo hi")
            assert read_all(s) == b"OKAYhi\n"
        with socket.create_connection((adb.host, adb.port), timeout=2) as s:
            request(s, "host:tport:serial:R58M3")
            assert read_exact(s, 4) == b"FAIL"
            assert read_exact(s, int(read_exact(s, 4), 16)).startswith(b"device unauthorized.")
        assert adb.requests[-1] == (None, "host:tport:serial:R58M3")
        assert ("ABC123", "shell:echo hi") in adb.requests


def test_adbutils_calls() -> None:
    phone = phone_from_dir("ABC123", "pixel7_a14")
    with FakeAdbServer([phone]) as adb:
        client = adbutils.AdbClient(host=adb.host, port=adb.port, socket_timeout=2)
        assert client.server_version() == 41
        assert [d.serial for d in client.device_list()] == ["ABC123"]
        device = client.device("ABC123")
        assert device.get_state() == "device"
        assert device.getprop("ro.product.model") == "Pixel 7"  # answered from the dump
        assert device.battery().level == 78
        result = device.shell2("dumpsys thermalservice", v2=True)
        assert (result.returncode, "Thermal Status: 0" in result.output) == (0, True)


def test_old_server_version_uses_host_transport() -> None:
    with FakeAdbServer([FakePhone("ABC123", shell={"id": "uid=2000(shell)"})], version=40) as adb:
        client = adbutils.AdbClient(host=adb.host, port=adb.port, socket_timeout=2)
        assert client.device("ABC123").shell("id", timeout=2) == "uid=2000(shell)"
        assert (None, "host:transport:ABC123") in adb.requests


def test_stops_by_itself_and_wakes_hung_shells() -> None:
    adb = FakeAdbServer([FakePhone("ABC123", hang={"sleep 999"})], lifetime=0.5).start()
    outcome: list[str] = []

    def hang() -> None:
        client = adbutils.AdbClient(host=adb.host, port=adb.port, socket_timeout=5)
        outcome.append(client.device("ABC123").shell("sleep 999", timeout=5))

    started = time.monotonic()
    worker = threading.Thread(target=hang)
    worker.start()
    worker.join(timeout=3)
    assert not worker.is_alive()
    assert outcome == [""]  # the server closed the socket when its lifetime ended
    assert 0.4 < time.monotonic() - started < 2
    assert adb.stopped.wait(2)
    with pytest.raises(OSError), socket.create_connection((adb.host, adb.port), timeout=0.5):
        pass
    adb.stop()  # stopping twice is harmless
