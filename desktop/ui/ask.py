"""Every question the window asks the user, and every plain message it gives, in one place.

Views call these instead of QMessageBox or QInputDialog, so a test patches one function
(``monkeypatch.setattr(ask, "confirm", lambda *a, **k: True)``) to answer for the user.
Call them through the module (``ask.confirm(...)``), never imported by name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop import APP_NAME


def confirm(parent: QWidget | None, title: str, text: str, *, risky: bool = False) -> bool:
    """A yes/no question; True for yes. ``risky``: No is the default button."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    default = QMessageBox.StandardButton.No if risky else QMessageBox.StandardButton.Yes
    return QMessageBox.question(parent, title, text, buttons, default) == QMessageBox.StandardButton.Yes


def text(parent: QWidget | None, title: str, label: str, value: str = "") -> str | None:
    """One line of text, or None when the user cancels."""
    given, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, value)
    return given if ok else None


def warn(parent: QWidget | None, message: str, title: str = APP_NAME) -> None:
    """Something did not happen, and why."""
    QMessageBox.warning(parent, title, message)


def inform(parent: QWidget | None, message: str, title: str = APP_NAME) -> None:
    QMessageBox.information(parent, title, message)
