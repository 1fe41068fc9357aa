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


def choose(parent: QWidget | None, title: str, text: str, options: list[str],
           default: int = 0) -> str | None:
    """One of ``options`` (button texts), or None when the box is closed. The last option is
    the way out (Esc)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole if n < len(options) - 1
                             else QMessageBox.ButtonRole.RejectRole)
               for n, option in enumerate(options)]
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[-1])
    box.exec()
    clicked = box.clickedButton()
    return options[buttons.index(clicked)] if clicked in buttons else None
