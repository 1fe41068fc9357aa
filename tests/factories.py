"""Valid domain objects for tests, with any field overridden."""

from __future__ import annotations

from desktop.core.contractor import ContractorData, validate_contractor


def make_contractor(**fields: object) -> ContractorData:
    """A valid contractor; override any raw field."""
    raw: dict[str, object] = {"display_name": "Maya Okafor", "email": "maya@example.com",
                              "currency": "USD", "rate": "85", "status": "active"}
    raw.update(fields)
    return validate_contractor(raw)
