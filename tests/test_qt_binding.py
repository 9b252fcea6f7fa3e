"""The Qt binding itself: a signal emission must not leak or drop Python references.

PySide6 6.12.0 dropped a reference to ``True`` on every emission to a Python slot; on Python
3.11 (where True is not immortal) the app then aborted after some thousand timer ticks.
pyproject.toml excludes that release; this test says when a new one is safe again.
"""

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    changed = Signal(object)
    toggled = Signal(bool)


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def on_change(self, _value: object) -> None:
        self.count += 1


def test_emitting_many_signals_keeps_reference_counts(qapp):
    emitter, receiver = Emitter(), Receiver()
    emitter.changed.connect(receiver.on_change)
    emitter.toggled.connect(receiver.on_change)
    marker = object()
    before = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(marker))
    for _ in range(500):
        emitter.changed.emit(marker)
        emitter.toggled.emit(True)
        emitter.toggled.emit(False)
    after = (sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(marker))
    assert receiver.count == 1500
    # A few references may come and go elsewhere; a leak per emission shows as hundreds.
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True))
