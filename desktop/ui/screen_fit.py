"""Windows open no larger than the screen they are on, so their buttons are never off-screen
(a 1366×768 laptop leaves about 1366×728 once the taskbar is counted)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

# Room for the window's title bar and frame, which the available geometry does not count.
FRAME_WIDTH, FRAME_HEIGHT = 16, 40


def fit_on_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, wider where the content asks for more (a language
    with longer labels), or to what the screen has room for if less."""
    width = max(width, widget.sizeHint().width())
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - FRAME_WIDTH)
        height = min(height, room.height() - FRAME_HEIGHT)
    widget.resize(width, height)


class _Body(QScrollArea):
    """Asks for the whole width of its form (a scroll area's own hint is capped at 36 times
    the font's height), so the window opens wide enough not to scroll sideways when it can."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        body = self.widget()
        if body is None:
            return hint
        wanted = (body.sizeHint().width() + self.verticalScrollBar().sizeHint().width()
                  + 2 * self.frameWidth())
        return QSize(max(hint.width(), wanted), hint.height())


def scrolled(layout: QLayout) -> QScrollArea:
    """A form's body that scrolls inside its window when the screen is too small for it."""
    body = QWidget()
    body.setLayout(layout)
    area = _Body()
    area.setWidget(body)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area
