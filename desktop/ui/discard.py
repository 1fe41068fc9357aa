"""Escape, Cancel or closing an editor with unsaved changes asks before they are lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.ui import ask
from desktop.ui.i18n import tr


class AsksBeforeDiscarding:
    """For a QDialog: ``remember()`` once its fields are filled; ``values()`` says what the
    fields hold now. Leaving without saving asks only when they differ."""

    _remembered: Any = None

    def values(self) -> Any:
        raise NotImplementedError

    def remember(self) -> None:
        self._remembered = self.values()

    def changed(self) -> bool:
        return self._remembered is not None and self.values() != self._remembered

    def reject(self) -> None:
        if self.changed() and not ask_to_discard(self):  # type: ignore[arg-type]
            return
        super().reject()  # type: ignore[misc]


def ask_to_discard(parent: QWidget) -> bool:
    return ask.confirm(parent, tr("Discard changes?"),
                       tr("Your changes have not been saved. Discard them?"), risky=True)
