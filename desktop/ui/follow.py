"""A view's subscription to the runner's ``changed`` signal: refresh once per burst of changes,
and only for the changes it shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from desktop.operations.changes import Changes
from desktop.ui.runner import Runner


class Follow(QObject):
    """Calls ``refresh(changes)`` once, right after the event loop's current turn, with every
    change since the last call that ``wants`` accepted. Several writes landing together (an
    undo of an archive of twenty contractors, a payment that touches four kinds) make one
    refresh, so each view reads its data once per change."""

    def __init__(self, runner: Runner, wants: Callable[[Changes], bool],
                 refresh: Callable[[Changes], None], parent: QObject):
        super().__init__(parent)
        self._wants, self._refresh = wants, refresh
        self._pending = Changes()
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._fire)
        runner.changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if self._wants(changes):
            self._pending |= changes
            self._timer.start()

    def _fire(self) -> None:
        pending, self._pending = self._pending, Changes()
        self._refresh(pending)
