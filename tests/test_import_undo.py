"""An import can be taken back in one step: exactly the contractors it added go, merged ones
are as they were; refused, changing nothing, when one was changed since."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.validation import ConflictError
from desktop.store import contractors, importing
from desktop.store.db import Store
from desktop.store.importing import NewContractor
from desktop.ui.commands import ImportCommand
from tests.conftest import settle
from tests.factories import make_contractor


def imported(store: Store) -> tuple[importing.ImportResult, int, tuple]:  # type: ignore[type-arg]
    mine = contractors.create(store, make_contractor(display_name="Maya Okafor",
                                                     email="maya@example.com", rate="85"))
    new = [NewContractor(make_contractor(display_name=f"New {n}", email=f"n{n}@example.com",
                                        tags="imported"))
           for n in range(3)]
    merges = [(mine.id, make_contractor(display_name="Maya Okafor", email="maya@example.com",
                                        phone="+1 718 555 0147", rate="85"))]
    result = importing.import_contractors(store, new, merges)
    return result, mine.id, (new, merges)


def test_undo_removes_exactly_what_was_added_and_unmerges(store: Store) -> None:
    result, mine, _planned = imported(store)
    assert len(result.created_ids) == 3 and contractors.get(store, mine).data.phone
    assert importing.undo_import(store, result) == 4
    names = [r.display_name for r in contractors.list_rows(store, include_archived=True)]
    assert names == ["Maya Okafor"]
    assert contractors.get(store, mine).data.phone == ""
    assert contractors.used_tags(store) == []  # the import's tag went with it


def test_undo_is_refused_when_an_imported_contractor_changed_since(store: Store) -> None:
    result, _mine, _planned = imported(store)
    first = contractors.get(store, result.created_ids[0])
    contractors.update(store, first.id, replace(first.data, notes="called"), first.version)
    with pytest.raises(ConflictError, match="New 0"):
        importing.undo_import(store, result)
    assert len(contractors.list_rows(store)) == 4  # nothing was taken back


def test_edit_undo_takes_the_import_back_and_redo_brings_it_again(qtbot, runner,  # type: ignore[no-untyped-def]
                                                                  store: Store) -> None:
    from PySide6.QtGui import QUndoStack

    from tests.threads import elsewhere

    with elsewhere(store):
        result, _mine, planned = imported(store)
    stack = QUndoStack()
    stack.push(ImportCommand(runner, result, planned, "contacts.csv"))
    assert stack.undoText() == "Import of contacts.csv"
    assert len(contractors.list_rows(store)) == 4  # pushing does not import twice
    stack.undo()
    settle(qtbot, runner)
    assert len(contractors.list_rows(store)) == 1
    stack.redo()
    settle(qtbot, runner)
    assert len(contractors.list_rows(store)) == 4
    stack.undo()
    settle(qtbot, runner)
    assert len(contractors.list_rows(store)) == 1
