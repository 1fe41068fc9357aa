"""Others' changes on a team database, as the Changes every view already follows."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from desktop.operations.changes import Changes

if TYPE_CHECKING:
    from desktop.store.listen import Heard

_KINDS = {f.name for f in fields(Changes)} - {"settings", "everything", "elsewhere"}


def changes_heard(heard: Heard) -> Changes:
    """A kind heard without ids (a large import, a reconnect) re-reads everything; a kind this
    build does not know (a newer client's) too."""
    found: dict[str, object] = {"elsewhere": True}
    for kind, ids in heard.items():
        if kind == "settings":
            found["settings"] = True
        elif kind in _KINDS and ids is not None:
            found[kind] = ids
        else:  # EVERYTHING, a kind without ids, or one this build does not know
            found["everything"] = True
    return Changes(**found)  # type: ignore[arg-type]
