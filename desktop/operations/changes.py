"""What a write changed, so every view can refresh what it shows, and only that."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Generic, TypeVar

T = TypeVar("T")

_IDS = frozenset[int]


def ids(values: Iterable[int | None]) -> frozenset[int]:
    return frozenset(v for v in values if v is not None)


@dataclass(frozen=True)
class Changes:
    """Which kinds of records a write touched, by id. ``everything`` says "re-read it all"
    (a demo roster, an import, a restored backup); ``elsewhere`` marks changes that did not
    start in this window (another person on a shared database)."""

    contractors: _IDS = field(default_factory=frozenset)
    engagements: _IDS = field(default_factory=frozenset)
    installments: _IDS = field(default_factory=frozenset)  # schedules and payments
    activities: _IDS = field(default_factory=frozenset)  # the planner
    documents: _IDS = field(default_factory=frozenset)
    settings: bool = False  # payment rules, exchange rates, the owner's hour value
    everything: bool = False
    elsewhere: bool = False

    def __or__(self, other: Changes) -> Changes:
        merged = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = (a or b) if isinstance(a, bool) else a | b
        merged["elsewhere"] = self.elsewhere and other.elsewhere
        return Changes(**merged)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "elsewhere")

    def touches(self, *kinds: str) -> bool:
        """Whether anything of these kinds (field names) changed, or everything did."""
        return self.everything or any(getattr(self, kind) for kind in kinds)

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)


NOTHING = Changes()


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write's result for the caller (a new record, a count) beside what it changed."""

    value: T
    changes: Changes
