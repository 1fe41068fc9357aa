"""Adding, editing, archiving contractors, and the demo roster."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from desktop.core.contractor import ContractorData
from desktop.core.text import checked
from desktop.operations.changes import Changes, Done
from desktop.store import contractors
from desktop.store.contractors import ContractorRecord
from desktop.store.db import Store


def add(store: Store, data: ContractorData) -> Done[ContractorRecord]:
    record = contractors.create(store, data)
    return Done(record, Changes(contractors=frozenset({record.id})))


def edit(store: Store, contractor_id: int, data: ContractorData,
         expected_version: int) -> Done[ContractorRecord]:
    record = contractors.update(store, contractor_id, data, expected_version)
    return Done(record, Changes(contractors=frozenset({contractor_id})))


def set_archived(store: Store, versions: Mapping[int, int], archived: bool,
                 reasons: Mapping[int, str] | None = None) -> Done[dict[int, int]]:
    """Archive (or restore) contractors, all in one transaction or none; the value is each
    one's new version."""
    reasons = {key: checked("reason", reason, multiline=True)
               for key, reason in (reasons or {}).items()}
    records = contractors.set_archived_many(store, versions, archived, reasons)
    return Done({r.id: r.version for r in records},
                Changes(contractors=frozenset(r.id for r in records)))


def load_demo(store: Store, today: dt.date | None = None) -> Done[int]:
    from desktop.store import demo  # with what it builds: not loaded with the window

    added = demo.load_demo(store, today)
    return Done(added, Changes.all() if added else Changes())


def remove_demo(store: Store) -> Done[int]:
    from desktop.store import demo

    removed = demo.remove_demo(store)
    return Done(removed, Changes.all())
