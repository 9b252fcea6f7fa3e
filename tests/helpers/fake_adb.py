"""A fake ADB server on 127.0.0.1 that speaks the real host protocol, for tests of the rig.

It answers what adbutils 2.12 sends (see the protocol notes below), serves canned shell output
per phone, can make a command hang or a phone vanish, and logs every request so a test can
assert which commands reached which phone.

Protocol, as adbutils uses it (one TCP connection per request unless noted):

* request: 4 lowercase hex digits (length of the UTF-8 text) + text, e.g. ``000chost:version``.
* reply: ``OKAY`` [+ block] or ``FAIL`` + block; block = 4 hex digits length + data.
* ``host:version`` -> OKAY + block ``0029`` (41). adbutils asks this before *every* shell
  and uses ``host:tport:serial:S`` when the version is >= 41 (``host:transport:S`` otherwise).
* ``host:devices`` / ``host:devices-l`` -> OKAY + block of ``serial<TAB>state [tags]`` lines.
* ``host:tport:serial:S`` -> OKAY + 8-byte little-endian transport id; the next request on the
  same socket goes to the phone. ``host:transport:S`` and ``host:transport-id:N`` -> OKAY.
* ``shell:CMD`` (on a transport) -> OKAY + raw output, then the server closes the socket.
  ``shell,v2:CMD`` -> OKAY + packets (id byte, u32 LE length, data): 1 stdout, 3 exit code.
* ``host-serial:S:get-state`` | ``get-serialno`` | ``get-devpath`` | ``features`` -> OKAY + block.
* ``host:connect:ADDR`` / ``host:disconnect:ADDR`` -> OKAY + block with adb's message.
"""

from __future__ import annotations

import re
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Self

ShellOutput = str | bytes | Callable[[str], str | bytes]

DUMPSYS_DIR = Path(__file__).resolve().parent.parent / "rig" / "dumpsys"

_UNAUTHORIZED = (
    "device unauthorized.\n"
    "This adb server's $ADB_VENDOR_KEYS is not set\n"
    "Try 'adb kill-server' if that seems wrong.\n"
    "Otherwise check for a confirmation dialog on your device."
)
_GETPROP_LINE = re.compile(r"^\[([^\]]+)\]: \[(.*)\]$", re.MULTILINE)
_POLL = 0.05  # how often blocked handlers look at the stop flag


@dataclass
class FakePhone:
    """One phone as the fake server shows it.

    Attributes:
        serial: the adb serial (``ip:port`` for a phone on Wi-Fi).
        state: ``device``, ``offline``, ``unauthorized`` …, as in ``adb devices``.
        shell: command text (exactly as received after ``shell:``) -> output or callable.
        hang: commands that never answer: the handler waits until the server stops.
        delays: command -> seconds to wait before answering.
        tags: extra ``adb devices -l`` tags (product, model, device).
        transport_id: the id ``host:tport`` reports.
    """

    serial: str
    state: str = "device"
    shell: dict[str, ShellOutput] = field(default_factory=dict)
    hang: set[str] = field(default_factory=set)
    delays: dict[str, float] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)
    transport_id: int = 0

    def output_for(self, command: str) -> bytes:
        """What the phone's shell prints for ``command`` (a plausible error when unknown)."""
        out = self.shell.get(command)
        if out is None and command.startswith("getprop ") and "getprop" in self.shell:
            # `getprop NAME` answers from the full `getprop` dump, like a real phone.
            whole = self.output_for("getprop").decode("utf-8", "replace")
            props = dict(_GETPROP_LINE.findall(whole))
            out = props.get(command.split(" ", 1)[1].strip(), "") + "\n"
        if out is None:
            words = command.split()
            if words[:1] == ["dumpsys"] and len(words) > 1:
                out = f"Can't find service: {words[1]}\n"
            else:
                name = words[0] if words else ""
                out = f"/system/bin/sh: {name}: inaccessible or not found\n"
        if callable(out):
            out = out(command)
        return out.encode("utf-8") if isinstance(out, str) else out


def phone_from_dir(serial: str, folder: str | Path, **kwargs: object) -> FakePhone:
    """A phone whose shell answers with the canned texts in ``tests/rig/dumpsys/<folder>``.

    File names map to commands: ``dumpsys_window_windows.txt`` -> ``dumpsys window windows``.
    """
    path = Path(folder)
    if not path.is_absolute():
        path = DUMPSYS_DIR / path
    shell: dict[str, ShellOutput] = {
        f.stem.replace("_", " "): f.read_text(encoding="utf-8") for f in sorted(path.glob("*.txt"))
    }
    extra = kwargs.pop("shell", None)
    if isinstance(extra, Mapping):
        shell.update(extra)
    return FakePhone(serial=serial, shell=shell, **kwargs)  # type: ignore[arg-type]


class _Closed(Exception):
    """The client went away or the server is stopping."""


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        self.request.settimeout(_POLL)
        phone: FakePhone | None = None
        try:
            while True:
                command = self._read_request()
                self.server.owner._log(command, phone.serial if phone else None)
                if phone is None:
                    phone, keep_open = self._host(command)
                    if not keep_open:
                        return
                else:
                    self._device(phone, command)
                    return
        except _Closed:
            return

    # -- reading and writing ------------------------------------------------------------------
    def _read_exact(self, n: int) -> bytes:
        buf = b""
        while len(buf) < n:
            if self.server.owner.stopping.is_set():
                raise _Closed
            try:
                chunk = self.request.recv(n - len(buf))
            except TimeoutError:
                continue
            except OSError as e:
                raise _Closed from e
            if not chunk:
                raise _Closed
            buf += chunk
        return buf

    def _read_request(self) -> str:
        try:
            size = int(self._read_exact(4).decode("ascii"), 16)
            return self._read_exact(size).decode("utf-8")
        except (UnicodeDecodeError, ValueError) as e:  # not adb talking: hang up
            raise _Closed from e

    def _send(self, data: bytes) -> None:
        try:
            self.request.sendall(data)
        except OSError as e:
            raise _Closed from e

    def _okay(self, block: str | None = None) -> None:
        self._send(b"OKAY" + (b"" if block is None else _block(block)))

    def _fail(self, message: str) -> None:
        self._send(b"FAIL" + _block(message))

    # -- services -----------------------------------------------------------------------------
    def _host(self, command: str) -> tuple[FakePhone | None, bool]:
        """Answer a host service; returns (phone to switch to, keep the socket open)."""
        owner = self.server.owner
        if command == "host:version":
            self._okay(f"{owner.version:04x}")
        elif command in ("host:devices", "host:devices-l"):
            self._okay(owner.devices_text(long=command.endswith("-l")))
        elif command.startswith(("host:tport:serial:", "host:transport:")):
            serial = command.removeprefix("host:tport:serial:").removeprefix("host:transport:")
            phone = self._usable(serial)
            if phone is None:
                return None, False
            self._okay()
            if "tport" in command:
                self._send(phone.transport_id.to_bytes(8, "little"))
            return phone, True
        elif command.startswith("host:transport-id:"):
            phone = owner.phone_by_transport(command.rsplit(":", 1)[-1])
            if phone is None:
                self._fail("no device with transport id")
                return None, False
            self._okay()
            return phone, True
        elif command.startswith("host-serial:"):
            self._host_serial(command.removeprefix("host-serial:"))
        elif command.startswith("host:connect:"):
            self._okay(owner.connect(command.removeprefix("host:connect:")))
        elif command.startswith("host:disconnect:"):
            self._okay(owner.disconnect(command.removeprefix("host:disconnect:")))
        elif command == "host:kill":
            self._okay()
        else:
            self._fail(f"unknown host service '{command}'")
        return None, False

    def _host_serial(self, rest: str) -> None:
        # The serial itself may contain ':' (ip:port), so split the service off the right.
        serial, _, service = rest.rpartition(":")
        phone = self.server.owner.phone(serial)
        if phone is None:
            self._fail(f"device '{serial}' not found")
        elif service == "get-state":
            if phone.state == "unauthorized":
                self._fail(_UNAUTHORIZED)
            else:
                self._okay(phone.state)
        elif service == "get-serialno":
            self._okay(phone.serial)
        elif service == "get-devpath":
            self._okay("usb:1-1")
        elif service == "features":
            self._okay("shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,apex,abb,abb_exec")
        else:
            self._fail(f"unknown host service '{service}'")

    def _usable(self, serial: str) -> FakePhone | None:
        phone = self.server.owner.phone(serial)
        if phone is None:
            self._fail(f"device '{serial}' not found")
        elif phone.state == "unauthorized":
            self._fail(_UNAUTHORIZED)
        elif phone.state != "device":
            self._fail(f"device {phone.state}")
        else:
            return phone
        return None

    def _device(self, phone: FakePhone, command: str) -> None:
        owner = self.server.owner
        if owner.phone(phone.serial) is None:
            self._fail("device offline (transport disconnected)")
            return
        v2 = command.startswith("shell,v2:")
        if not (v2 or command.startswith("shell:")):
            self._fail(f"unknown device service '{command}'")
            return
        text = command.split(":", 1)[1]
        self._okay()
        if text in phone.hang:
            owner.stopping.wait(owner.lifetime)
            raise _Closed
        delay = phone.delays.get(text, 0.0)
        if delay and owner.stopping.wait(delay):
            raise _Closed
        out = phone.output_for(text)
        if v2:
            self._send(b"\x01" + len(out).to_bytes(4, "little") + out)
            self._send(b"\x03" + (1).to_bytes(4, "little") + b"\x00")
        else:
            self._send(out)


def _block(text: str) -> bytes:
    data = text.encode("utf-8")
    return f"{len(data):04x}".encode("ascii") + data


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    block_on_close = True
    request_queue_size = 128  # adbutils opens two connections per shell command

    def __init__(self, owner: FakeAdbServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _Handler)


class FakeAdbServer:
    """A fake adb server for one test: ``with FakeAdbServer([phone, …]) as adb: …``.

    Attributes:
        host, port: where it listens (127.0.0.1, a free port), valid once started.
        requests: every request as ``(serial or None, text)``, in arrival order.
        lifetime: seconds after which the server stops by itself.
        version: the number ``host:version`` reports.
        connectable: addresses ``host:connect`` succeeds for, and the phone that appears.
        stopping, stopped: set when it begins to stop (hung shells wake) and when it is done.
    """

    def __init__(
        self,
        phones: list[FakePhone] | None = None,
        *,
        lifetime: float = 30.0,
        version: int = 41,
        connectable: Mapping[str, FakePhone] | None = None,
    ) -> None:
        self._lock = threading.Lock()
        self._phones: dict[str, FakePhone] = {}
        self._next_transport = 0
        for phone in phones or []:
            self.add(phone)
        self.connectable: dict[str, FakePhone] = dict(connectable or {})
        self.requests: list[tuple[str | None, str]] = []
        self.lifetime = lifetime
        self.version = version
        self.stopping = threading.Event()
        self.stopped = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._timer: threading.Timer | None = None
        self.host = "127.0.0.1"
        self.port = 0

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> Self:
        self._server = _Server(self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": _POLL},
            name=f"fake-adb-{self.port}", daemon=True,
        )
        self._thread.start()
        self._timer = threading.Timer(self.lifetime, self.stop)
        self._timer.daemon = True
        self._timer.start()
        return self

    def stop(self) -> None:
        """Stop serving, wake hanging handlers and wait for them (bounded by the poll tick)."""
        self.stopping.set()
        with self._lock:
            server, self._server = self._server, None
        if server is None:
            return
        if self._timer is not None and self._timer is not threading.current_thread():
            self._timer.cancel()
        server.shutdown()
        server.server_close()  # joins the handler threads (block_on_close)
        if self._thread is not None:
            self._thread.join(timeout=5)
        self.stopped.set()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- the phones ---------------------------------------------------------------------------
    def add(self, phone: FakePhone) -> FakePhone:
        with self._lock:
            if not phone.transport_id:
                self._next_transport += 1
                phone.transport_id = self._next_transport
            self._phones[phone.serial] = phone
        return phone

    def remove(self, serial: str) -> None:
        """Unplug a phone: it leaves the device list and its open transports fail."""
        with self._lock:
            self._phones.pop(serial, None)

    def phone(self, serial: str) -> FakePhone | None:
        with self._lock:
            return self._phones.get(serial)

    def phone_by_transport(self, transport_id: str) -> FakePhone | None:
        with self._lock:
            return next((p for p in self._phones.values() if str(p.transport_id) == transport_id),
                        None)

    def devices_text(self, *, long: bool) -> str:
        with self._lock:
            phones = list(self._phones.values())
        lines = []
        for p in phones:
            if not long:
                lines.append(f"{p.serial}\t{p.state}")
                continue
            tags = dict(p.tags) if p.state == "device" else {"usb": "1-1"}
            tags["transport_id"] = str(p.transport_id)
            text = " ".join(f"{k}:{v}" for k, v in tags.items())
            lines.append(f"{p.serial:<22} {p.state} {text}")
        return "".join(line + "\n" for line in lines)

    def connect(self, addr: str) -> str:
        if ":" not in addr:
            addr += ":5555"
        if self.phone(addr) is not None:
            return f"already connected to {addr}"
        phone = self.connectable.get(addr)
        if phone is None:
            return f"failed to connect to '{addr}': Connection refused"
        self.add(phone)
        return f"connected to {addr}"

    def disconnect(self, addr: str) -> str:
        if self.phone(addr) is None:
            return f"error: no such device '{addr}'"
        self.remove(addr)
        return f"disconnected {addr}"

    # -- the log ------------------------------------------------------------------------------
    def _log(self, command: str, serial: str | None) -> None:
        with self._lock:
            self.requests.append((serial, command))

    def shell_commands(self, serial: str) -> list[str]:
        """The shell command texts that reached ``serial``, in order."""
        with self._lock:
            return [c.split(":", 1)[1] for s, c in self.requests
                    if s == serial and c.startswith(("shell:", "shell,v2:"))]

    def wait_for_request(self, predicate: Callable[[str | None, str], bool],
                         timeout: float = 2.0) -> bool:
        """Wait until a logged request satisfies ``predicate``; False on timeout."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            with self._lock:
                if any(predicate(s, c) for s, c in self.requests):
                    return True
            time.sleep(0.01)
        return False


def free_port() -> int:
    """A port nothing listens on (for "no adb server" tests)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])

