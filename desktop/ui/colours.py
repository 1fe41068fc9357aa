"""Colours taken from the palette, so a dark desktop reads as well as a light one: notes
tinted by kind, muted text, and marks that stand out from the window behind them."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

# (background, text, border) of a tinted note, for a light and for a dark palette.
_NOTES = {
    "demo": (("#fff4ce", "#3d2e00", "#e6d38a"), ("#3d3200", "#f5e6a8", "#6b5a12")),
    "info": (("#ddf4ff", "#0a3069", "#54aeff"), ("#0c2d48", "#cae8ff", "#1f6feb")),
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def note_colours(palette: QPalette, kind: str) -> tuple[str, str, str]:
    """Background, text and border of a note of ``kind`` ("demo", "info")."""
    light, dark = _NOTES[kind]
    return dark if is_dark(palette) else light


def muted(palette: QPalette) -> QColor:
    """Secondary text: the text colour two-thirds of the way towards the background."""
    text = palette.color(QPalette.ColorRole.WindowText)
    back = palette.color(QPalette.ColorRole.Window)
    return QColor(round(text.red() * 0.6 + back.red() * 0.4),
                  round(text.green() * 0.6 + back.green() * 0.4),
                  round(text.blue() * 0.6 + back.blue() * 0.4))


def mark(palette: QPalette) -> tuple[QColor, QColor]:
    """A badge's fill and its letter's colour: dark on a light window, light on a dark one."""
    if is_dark(palette):
        return QColor("#d0d7de"), QColor("#24292f")
    return QColor("#24292f"), QColor("#ffffff")


def muted_style() -> str:
    """A style sheet's secondary text colour, from the application's palette (light or dark)."""
    from PySide6.QtGui import QGuiApplication

    return f"color: {muted(QGuiApplication.palette()).name()};"
