"""What the window shows while its book opens (under a second, mostly)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from desktop.ui.colours import muted_style
from desktop.ui.i18n import tr


def opening_page() -> QWidget:
    """The app's icon and a quiet line, centred."""
    icon = QLabel()
    icon.setPixmap(QApplication.windowIcon().pixmap(64, 64))
    text = QLabel(tr("Opening your book…"))
    text.setObjectName("opening")
    text.setStyleSheet(muted_style())
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addStretch(1)
    for label in (icon, text):
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
    layout.addStretch(1)
    return page
