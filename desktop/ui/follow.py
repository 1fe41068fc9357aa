"""A view's subscription to the runner's ``changed`` signal: refresh once per burst of changes,
and only for the changes it shows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop.operations.changes import Changes
from desktop.ui.runner import Runner


class Follow(QObject):
    """Calls ``refresh(changes)`` once, right after the event loop's current turn, with every
    change since the last call that ``wants`` accepted. Several writes landing together (an
    undo of an archive of twenty contractors, a payment that touches four kinds) make one
    refresh, so each view reads its data once per change.

    With ``when_shown``, a view that is hidden (a tab in the background) waits until it is
    shown, so a costly read is made only when someone can see it, and then once: as it is
    shown, so it never appears with stale rows."""

    def __init__(self, runner: Runner, wants: Callable[[Changes], bool],
                 refresh: Callable[[Changes], None], parent: QWidget, *,
                 when_shown: bool = False):
        super().__init__(parent)
        self._wants, self._refresh, self._view = wants, refresh, parent
        self._when_shown = when_shown
        self._pending: Changes | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._fire)
        runner.changed.connect(self._changed)
        if when_shown:
            parent.installEventFilter(self)

    def _changed(self, changes: Changes) -> None:
        if self._wants(changes):
            self._pending = changes if self._pending is None else self._pending | changes
            if not self._when_shown or self._view.isVisible():
                self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._pending is not None:
            self._fire()  # now: the tab opens with its rows, not one turn later
        return False

    def _fire(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._refresh(pending)
