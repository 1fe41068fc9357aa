"""Field-level validation errors that name the field and the problem, and the other refusals
a user is told how to fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.i18n import _

if TYPE_CHECKING:
    from desktop.core.blockers import Blocker


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ValidationError(ValueError):
    """One or more fields were rejected; nothing was saved."""

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    def for_field(self, field: str) -> str | None:
        return next((e.message for e in self.errors if e.field == field), None)


class Blocked(Exception):
    """Signing was refused; ``blockers`` says why and how to fix each."""

    def __init__(self, found: list[Blocker]):
        self.blockers = found
        # Translators: {reasons} are the blockers' own sentences, one after another.
        super().__init__(_("Not signed: {reasons}").format(
            reasons=" ".join(b.message for b in found)))


class ConflictError(RuntimeError):
    """The record changed (or vanished) since it was read; the edit was not saved."""


class Cancelled(RuntimeError):
    """The user stopped a long task; whatever it was writing was rolled back."""
