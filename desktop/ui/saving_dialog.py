"""A dialog whose Save writes through the runner."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog

from desktop.core.validation import ConflictError
from desktop.store import engagements
from desktop.ui.runner import Handles, Runner


class SavingDialog(QDialog):
    """Save runs one write at a time (a second press while the first is on its way does
    nothing); the dialog closes as accepted once the write has landed, and stays open, with
    what was typed, when it is refused."""

    runner: Runner
    _saving = False

    def save(self, op: Callable[..., Any], *args: Any,
             done: Callable[[Any], None] | None = None, handles: Handles = (),
             failed: Callable[[BaseException], None] | None = None, **kwargs: Any) -> None:
        if self._saving:
            return
        self._saving = True

        def landed(value: Any) -> None:
            self._saving = False
            if done is not None:
                done(value)
            QDialog.accept(self)

        def refused(exc: BaseException) -> None:
            self._saving = False
            if failed is not None:
                failed(exc)

        self.runner.write(op, *args, done=landed, handles=handles, failed=refused, parent=self,
                          **kwargs)


def engagement_version(runner: Runner, engagement_id: int) -> int:
    """The engagement's version as a dialog adding to it opens (its log and documents are part
    of it), so a change to it made meanwhile refuses the addition; 0 when it is gone (saving
    then says so)."""
    try:
        return engagements.get(runner.store, engagement_id).version
    except ConflictError:
        return 0
