"""Undoable roster changes. Each command writes through the store and reports conflicts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from desktop.core.contractor import ContractorData
from desktop.core.validation import ConflictError
from desktop.store import contractors
from desktop.store.db import Store

Refresh = Callable[[list[int]], None]
Report = Callable[[str], None]


class ArchiveCommand(QUndoCommand):
    """Archive (or restore) contractors; undo does the opposite."""

    def __init__(self, store: Store, versions: dict[int, int], names: list[str], archive: bool,
                 refresh: Refresh, report: Report, reasons: dict[int, str] | None = None):
        who = names[0] if len(names) == 1 else f"{len(names)} contractors"
        super().__init__(f"{'Archive' if archive else 'Restore'} {who}")
        self._store, self._versions, self._archive = store, dict(versions), archive
        self._refresh, self._report = refresh, report
        self._reasons = reasons or {}

    def redo(self) -> None:
        self._apply(self._archive)

    def undo(self) -> None:
        self._apply(not self._archive)

    def _apply(self, archived: bool) -> None:
        done: list[int] = []
        try:
            for contractor_id, version in self._versions.items():
                record = contractors.set_archived(self._store, contractor_id, archived, version,
                                                  reason=self._reasons.get(contractor_id, ""))
                self._versions[contractor_id] = record.version
                done.append(contractor_id)
        except ConflictError as exc:
            self.setObsolete(True)
            self._report(str(exc))
        self._refresh(done)


class EditCommand(QUndoCommand):
    """Save an edit; undo puts the previous values back (if nobody changed it since)."""

    def __init__(self, store: Store, contractor_id: int, version: int, before: ContractorData,
                 after: ContractorData, refresh: Refresh, report: Report):
        super().__init__(f"Edit {after.display_name}")
        self._store, self._id, self._version = store, contractor_id, version
        self._before, self._after = before, after
        self._refresh, self._report = refresh, report

    def redo(self) -> None:
        self._save(self._after)

    def undo(self) -> None:
        self._save(self._before)

    def _save(self, data: ContractorData) -> None:
        try:
            self._version = contractors.update(self._store, self._id, data, self._version).version
        except ConflictError as exc:
            self.setObsolete(True)
            self._report(str(exc))
        self._refresh([self._id])
