"""Putting my edit on top of someone else's newer save: a three-way merge of one record."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any, TypeVar

T = TypeVar("T")


def reapply(original: T, mine: T, theirs: T) -> tuple[T, list[str]]:
    """Theirs, with each field I changed (from the ``original`` I started from) set to mine.
    Returns the merged record and the fields where mine and theirs now differ (what saving
    mine on top would change in theirs), in the record's field order."""
    names = [f.name for f in fields(original)]  # type: ignore[arg-type]
    changed = {n: getattr(mine, n) for n in names if getattr(mine, n) != getattr(original, n)}
    merged = replace(theirs, **changed)  # type: ignore[type-var]
    differ = [n for n in changed if getattr(theirs, n) != changed[n]]
    return merged, differ


def shown(value: Any) -> str:
    """A field's value as a person reads it in a question."""
    if value is None or value == "" or value == ():
        return "(empty)"
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    return str(value)
