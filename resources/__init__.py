"""Icons, sample data and desktop files shipped with Crewbook (read via importlib.resources)."""
