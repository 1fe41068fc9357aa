"""Putting my edit on top of someone else's newer save: a three-way merge of one record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any, TypeVar

from desktop.core.i18n import _

T = TypeVar("T")


def reapply(original: T, mine: T, theirs: T) -> tuple[T, list[str]]:
    """Theirs, with each field I changed (from the ``original`` I started from) set to mine.
    Returns the merged record and the fields where mine and theirs now differ (what saving
    mine on top would change in theirs), in the record's field order. Records are dataclasses
    or flat mappings of field name to value (a missing key is a blank field)."""
    if is_dataclass(original):
        values, differ = reapply_values(_values(original), _values(mine), _values(theirs))
        return replace(theirs, **values), differ  # type: ignore[type-var]
    assert isinstance(original, Mapping) and isinstance(mine, Mapping) \
        and isinstance(theirs, Mapping)
    merged, differ = reapply_values(original, mine, theirs)
    # A blank field is a missing key, as in the records given.
    return {n: v for n, v in merged.items() if v is not None}, differ  # type: ignore[return-value]


def reapply_values(original: Mapping[str, Any], mine: Mapping[str, Any],
                   theirs: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    names = list(dict.fromkeys([*original, *mine, *theirs]))
    changed = {n: mine.get(n) for n in names if mine.get(n) != original.get(n)}
    merged = {**theirs, **changed}
    differ = [n for n in changed if theirs.get(n) != changed[n]]
    return merged, differ


def value_of(record: Any, name: str) -> Any:
    return record.get(name) if isinstance(record, Mapping) else getattr(record, name)


def _values(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in fields(record)}


def shown(value: Any) -> str:
    """A field's value as a person reads it in a question."""
    if value is None or value == "" or value == ():
        return _("(empty)")
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, tuple):
        return ", ".join(str(v) for v in value)
    label = getattr(value, "label", None)
    return label if isinstance(label, str) else str(value)
