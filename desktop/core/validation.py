"""Field-level validation errors that name the field and the problem."""

from dataclasses import dataclass


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


class ConflictError(RuntimeError):
    """The record changed (or vanished) since it was read; the edit was not saved."""


class Cancelled(RuntimeError):
    """The user stopped a long task; whatever it was writing was rolled back."""
