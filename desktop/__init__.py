"""Crewbook: a contractor relationship manager for small businesses."""

__version__ = "0.1.0"
APP_NAME = "Crewbook"
