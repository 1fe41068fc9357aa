"""Menu and toolbar actions, made one way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence


def make_action(parent: QObject, text: str, slot: Callable[..., Any],
                shortcuts: Sequence[Any] = (), tip: str = "") -> QAction:
    """An action that calls ``slot``; ``shortcuts`` are key sequences, standard keys or
    strings such as "Ctrl+E"."""
    action = QAction(text, parent)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setStatusTip(tip)
    action.triggered.connect(slot)
    return action
