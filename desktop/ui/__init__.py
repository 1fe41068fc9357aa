"""Everything PySide6: windows, dialogs, table models and background work."""

from desktop.ui.qt_start import load_qt

load_qt()  # before any of this package's modules: they import Qt and much else
