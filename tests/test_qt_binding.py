"""Guards against defects in the Qt binding itself that would take the app down."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Pinger(QObject):
    ping = Signal()
    carry = Signal(object)


def test_emitting_signals_leaves_reference_counts_alone() -> None:
    # PySide6 6.12.0 on Python 3.11 released True once per emit(); after a few thousand signals
    # the interpreter aborted with "bool_dealloc". Python 3.12+ makes True immortal.
    pinger = Pinger()
    pinger.carry.connect(lambda _value: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        pinger.ping.emit()
        pinger.carry.emit(None)
    assert (sys.getrefcount(True), sys.getrefcount(None)) == before
