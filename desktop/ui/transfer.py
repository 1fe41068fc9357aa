"""Getting files in and out of the window: dropped contact files, and CSV exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.io.roster_export import write_contractors, write_payments
from desktop.store import exports
from desktop.store.db import Store
from desktop.ui.worker import Background

IMPORTABLE = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm")
EXCEL_FILTER = "CSV for Excel (*.csv)"
PLAIN_FILTER = "CSV, UTF-8 (*.csv)"


def dropped_file(mime: QMimeData) -> Path | None:
    """The one local contact file being dragged in, if that is what it is."""
    if not mime.hasUrls():
        return None
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    if len(paths) != 1 or paths[0].suffix.lower() not in IMPORTABLE:
        return None
    return paths[0]


def write_export(store: Store, what: str, path: Path, excel: bool) -> int:
    """Runs in the background: the whole file is written, or an error says why."""
    rows: list = exports.contractors(store) if what == "contractors" else exports.payments(store)
    with path.open("w", encoding="utf-8-sig" if excel else "utf-8", newline="") as out:
        (write_contractors if what == "contractors" else write_payments)(out, rows)
    return len(rows)


def export_csv(parent: QWidget, store: Store, background: Background, what: str,
               done: Callable[[str], None], failed: Callable[[BaseException], None]) -> None:
    """Ask where, then write contractors or payments; ``done`` gets a status line."""
    name = f"crewbook-{what}-{dt.date.today().isoformat()}.csv"
    path, chosen = QFileDialog.getSaveFileName(
        parent, f"Export {what}", str(Path.home() / name), f"{EXCEL_FILTER};;{PLAIN_FILTER}")
    if not path:
        return
    target = Path(path) if path.lower().endswith(".csv") else Path(path + ".csv")

    def written(count: int) -> None:
        done(f"Exported {count} {what if count != 1 else what[:-1]} to {target}")

    background.submit(write_export, store, what, target, chosen != PLAIN_FILTER,
                      on_done=written, on_error=failed)
