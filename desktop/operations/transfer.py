"""Getting contractors in (a planned import) and out (the CSV exports)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from desktop.core.contractor import ContractorData
from desktop.core.formats import number
from desktop.core.i18n import _, ngettext
from desktop.io.export import csv_file
from desktop.io.roster_export import write_contractors, write_payments
from desktop.operations.changes import Changes, Done
from desktop.store import exports, importing
from desktop.store.db import Store
from desktop.store.importing import ImportResult, NewContractor, Progress


def run_import(store: Store, new: Sequence[NewContractor],
               merges: Sequence[tuple[int, ContractorData]] = (),
               progress: Progress | None = None) -> Done[ImportResult]:
    """Write a planned import in one transaction (io.contractor_import plans it); raises
    Cancelled, having written nothing, when ``progress`` says stop."""
    result = importing.import_contractors(store, new, merges, progress)
    merged = frozenset(contractor_id for contractor_id, _data in merges)
    return Done(result, Changes(everything=bool(new), contractors=merged))


def undo_import(store: Store, result: ImportResult) -> Done[int]:
    """Take an import back: its new contractors go, merged ones are as they were."""
    touched = importing.undo_import(store, result)
    return Done(touched, Changes(everything=True))


@dataclass(frozen=True)
class Export:
    key: str
    title: str  # as a menu names it
    noun: tuple[str, str]  # one, many
    write: Callable[[Store, IO[str]], int]


def _contractors(store: Store, out: IO[str]) -> int:
    rows = exports.contractors(store)
    write_contractors(out, rows)
    return len(rows)


def _payments(store: Store, out: IO[str]) -> int:
    rows = exports.payments(store)
    write_payments(out, rows)
    return len(rows)


EXPORTS: dict[str, Export] = {e.key: e for e in (
    Export("contractors", _("Export contractors"), ("contractor", "contractors"), _contractors),
    Export("payments", _("Export payments"), ("payment", "payments"), _payments),
)}


def export_csv(store: Store, key: str, path: Path, *, excel: bool = False) -> int:
    """Write one export whole (``excel`` adds the BOM Excel needs for UTF-8); returns the rows
    written. A failure leaves no half-written file behind."""
    with csv_file(path, excel=excel) as out:
        return EXPORTS[key].write(store, out)


def export_summary(key: str, count: int, path: Path) -> str:
    if key == "contractors":
        text = ngettext("Exported {n} contractor to {path}", "Exported {n} contractors to {path}",
                        count)
    else:
        text = ngettext("Exported {n} payment to {path}", "Exported {n} payments to {path}",
                        count)
    return text.format(n=number(count), path=path)
