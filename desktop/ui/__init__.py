"""Everything PySide6: windows, dialogs, table models and background work."""
