"""The demo roster a newcomer sees, clearly flagged and removable in one action."""

from __future__ import annotations

import json
from importlib.resources import files

from desktop.core.contractor import ContractorData, validate_contractor
from desktop.store import contractors
from desktop.store.db import Store


def demo_roster() -> list[ContractorData]:
    raw = json.loads(files("desktop.resources").joinpath("demo/contractors.json").read_text("utf-8"))
    return [validate_contractor(item) for item in raw]


def load_demo(store: Store) -> int:
    """Add the demo roster unless it is already there; returns how many were added."""
    if contractors.count(store, include_archived=True, demo=True):
        return 0
    return len(contractors.create_many(store, demo_roster(), is_demo=True))


def has_demo(store: Store) -> bool:
    return contractors.count(store, include_archived=True, demo=True) > 0


def remove_demo(store: Store) -> int:
    return contractors.delete_demo(store)
