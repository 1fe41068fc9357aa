"""Undoable roster changes. Each command writes through the runner; a conflict (somebody
changed the record since) makes it obsolete and says so."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from desktop.core.contractor import ContractorData
from desktop.core.validation import ConflictError
from desktop.operations import contractors as contractor_ops
from desktop.operations import transfer as transfer_ops
from desktop.operations.changes import Changes
from desktop.store.importing import ImportResult, NewContractor
from desktop.ui import ask
from desktop.ui.i18n import tr
from desktop.ui.runner import Runner

Select = Callable[[list[int]], None]  # which contractors to select once their rows are in
# (contractor id, what the editor started from, what was typed)
Resolve = Callable[[int, ContractorData, ContractorData], None]


class _Command(QUndoCommand):
    """A write whose conflict shows only once it ran: then the command is obsolete, and
    ``drop`` takes it off the stack (its undo and redo do nothing from then on)."""

    drop: Callable[[QUndoCommand], None] = staticmethod(lambda _command: None)
    _runner: Runner

    def _contractors(self) -> list[int]:
        raise NotImplementedError

    def _conflict(self, exc: BaseException) -> None:
        self.setObsolete(True)
        ask.warn(None, str(exc))
        self.drop(self)
        # Changed elsewhere: every view shows these contractors as they are now.
        self._runner.publish(Changes(contractors=frozenset(self._contractors())))


class ArchiveCommand(_Command):
    """Archive (or restore) contractors, all in one transaction; undo does the opposite."""

    def __init__(self, runner: Runner, versions: dict[int, int], names: list[str],
                 archive: bool, select: Select, reasons: dict[int, str] | None = None):
        count = len(names)
        if count == 1:
            text = (tr("Archive {name}") if archive else tr("Restore {name}")).format(
                name=names[0])
        else:
            text = (tr("Archive %n contractor(s)", "", count) if archive
                    else tr("Restore %n contractor(s)", "", count))
        super().__init__(text)
        self._runner, self._versions, self._archive = runner, dict(versions), archive
        self._select, self._reasons = select, reasons or {}

    def _contractors(self) -> list[int]:
        return list(self._versions)

    def redo(self) -> None:
        self._apply(self._archive)

    def undo(self) -> None:
        self._apply(not self._archive)

    def _apply(self, archived: bool) -> None:
        if self.isObsolete():
            return
        versions = self._versions

        def op(store):  # type: ignore[no-untyped-def]
            # Read the versions when it runs: the write queued before it has stored its own.
            done = contractor_ops.set_archived(store, dict(versions), archived, self._reasons)
            versions.update(done.value)
            return done

        self._select(list(versions))
        self._runner.write(op, handles=(ConflictError,), failed=self._conflict)


class EditCommand(_Command):
    """Save an edit; undo puts the previous values back (if nobody changed it since)."""

    def __init__(self, runner: Runner, contractor_id: int, version: int, before: ContractorData,
                 after: ContractorData, select: Select,
                 resolve: Resolve | None = None):
        super().__init__(tr("Edit {name}").format(name=after.display_name))
        self._runner, self._id, self._version = runner, contractor_id, [version]
        self._before, self._after, self._select = before, after, select
        self._resolve = resolve
        self._undoing = False

    def _contractors(self) -> list[int]:
        return [self._id]

    def redo(self) -> None:
        self._undoing = False
        self._save(self._after)

    def undo(self) -> None:
        self._undoing = True
        self._save(self._before)

    def _conflict(self, exc: BaseException) -> None:
        if self._resolve is None or self._undoing:
            super()._conflict(exc)
            return
        # An edit refused because someone saved since: offer to put it on top of theirs.
        self.setObsolete(True)
        self.drop(self)
        self._runner.publish(Changes(contractors=frozenset({self._id})))
        self._resolve(self._id, self._before, self._after)

    def _save(self, data: ContractorData) -> None:
        if self.isObsolete():
            return
        version = self._version

        def op(store):  # type: ignore[no-untyped-def]
            done = contractor_ops.edit(store, self._id, data, version[0])
            version[0] = done.value.version
            return done

        self._select([self._id])
        self._runner.write(op, handles=(ConflictError,), failed=self._conflict)


class ImportCommand(_Command):
    """An import that has run; undo takes it back (its new contractors go, merged ones are
    as they were), redo runs it again."""

    def __init__(self, runner: Runner, result: ImportResult,
                 planned: tuple[Sequence[NewContractor], Sequence[tuple[int, ContractorData]]],
                 name: str):
        # ``name``: the file's; "" when there is none to name.
        super().__init__(tr("Import of {file}").format(file=name) if name
                         else tr("Import of contractors"))
        self._runner, self._result, self._planned = runner, result, planned
        self._ran = True  # the wizard already ran it: the first redo (on push) does nothing

    def _contractors(self) -> list[int]:
        return [*self._result.created_ids, *(cid for cid, _d, _v in self._result.merged_before)]

    def redo(self) -> None:
        if self._ran or self.isObsolete():
            self._ran = False
            return
        new, merges = self._planned

        def done(result: ImportResult) -> None:
            self._result = result

        self._runner.write(transfer_ops.run_import, list(new), list(merges), done=done,
                           handles=(ConflictError,), failed=self._conflict)

    def undo(self) -> None:
        if self.isObsolete():
            return
        self._runner.write(transfer_ops.undo_import, self._result, handles=(ConflictError,),
                           failed=self._conflict)
