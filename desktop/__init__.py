"""Crewbook: a contractor relationship manager for small businesses."""

__version__ = "0.1.0"
APP_NAME = "Crewbook"
# The desktop id: names the .desktop entry, the AppStream component and the installed icon.
APP_ID = "app.crewbook.Crewbook"
