"""Getting files in and out of the window: dropped contact files, and CSV exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.operations.transfer import EXPORTS, export_summary
from desktop.operations.transfer import export_csv as export_csv_file
from desktop.ui.i18n import QT_TR_NOOP, tr
from desktop.ui.runner import Runner

IMPORTABLE = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
_PATTERN = " (*.csv)"
EXCEL_FILTER = QT_TR_NOOP("CSV for Excel") + _PATTERN
PLAIN_FILTER = QT_TR_NOOP("CSV, UTF-8") + _PATTERN


def _shown(name_filter: str) -> str:
    """A file filter in the window's language; its pattern stays as it is."""
    return tr(name_filter.removesuffix(_PATTERN)) + _PATTERN


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local contact file being dragged in, if that is what it is."""
    if not mime.hasUrls():
        return None
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if len(paths) != 1 or paths[0].suffix.lower() not in IMPORTABLE:
        return None
    return paths[0]


def export_csv(parent: QWidget, runner: Runner, key: str, done: Callable[[str], None]) -> None:
    """Ask where, then write one of the exports off the UI thread; ``done`` gets a status
    line. A failure is told by the runner."""
    export = EXPORTS[key]
    name = f"crewbook-{key}-{dt.date.today().isoformat()}.csv"
    path, chosen = QFileDialog.getSaveFileName(
        parent, export.title, str(Path.home() / name),
        f"{_shown(EXCEL_FILTER)};;{_shown(PLAIN_FILTER)}")
    if not path:
        return
    target = Path(path) if path.lower().endswith(".csv") else Path(path + ".csv")
    runner.read(partial(export_csv_file, runner.store, key, target,
                        excel=chosen != _shown(PLAIN_FILTER)),
                done=lambda count: done(export_summary(key, count, target)), parent=parent)
