"""The import's rows bound in bulk are the rows SQLAlchemy would bind from NewContractor.row."""

from __future__ import annotations

import datetime as dt

from desktop.core.contractor import ContractorData
from desktop.core.enums import Channel, ContractorKind, ContractorStatus, RateUnit, Source, TaxForm
from desktop.store import importing
from desktop.store.db import Store

STAMP = dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC)
NEW = [
    importing.NewContractor(ContractorData("Maya Okafor", company="Okafor Studio",
                                           email="maya@example.com", rate_minor=12050)),
    importing.NewContractor(ContractorData("Maya Okafor", company="Okafor Studio",
                                           email="maya.2@example.com")),
    importing.NewContractor(
        ContractorData("Zoë Groß", "Zoë Groß GmbH", ContractorKind.COMPANY, "Groß & Co",
                       "zoe@example.de", "+4930123456", "https://example.org", "Main St 1\nBerlin",
                       "DE", "Europe/Berlin", "DE123", TaxForm.W9, dt.date(2025, 1, 2), 60000,
                       RateUnit.DAY, "EUR", ("design", "print"), Channel.PHONE,
                       ContractorStatus.ACTIVE, Source.IMPORT, dt.date(2024, 5, 6), "Notes"),
        dt.date(2025, 6, 30), "inactive in the imported file"),
    importing.NewContractor(ContractorData("日本 Studio"), None, "ignored without a date"),
]


def _bound(rows: importing._ContractorRows, use: str) -> list[tuple[object, ...]]:
    captured: list[tuple[object, ...]] = []
    rows.write = captured.extend  # type: ignore[method-assign]
    if use == "bulk":
        rows.add(NEW)
    else:
        rows.run([tuple(item.row(STAMP, "ana")[c] for c in importing._COLUMNS) for item in NEW])
    return captured


def test_rows_bound_in_bulk_are_the_rows_bound_value_by_value(store: Store) -> None:
    with store.engine.connect() as connection:
        rows = importing._ContractorRows(connection, STAMP, "ana")
        assert not rows.own_way  # the bulk path is the one SQLite takes
        assert _bound(rows, "bulk") == _bound(rows, "each")
        assert NEW[0].row(STAMP, "ana").keys() == set(importing._COLUMNS)
