"""The bundle's entry point: the same `crewbook` command the wheel installs."""

from desktop.launch import entry

entry()
