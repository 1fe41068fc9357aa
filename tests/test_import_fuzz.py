"""Generated CSV files never make the import raise anything but a clear refusal."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.io.contractor_import import REJECTED, analyse, default_choices, describe, writes
from desktop.io.csv_source import Refused
from desktop.io.import_table import read_bytes

HEADERS = ["Name", "First name", "Last name", "Company", "E-mail", "Phone", "Hourly rate",
           "Tagessatz", "Währung", "Skills", "Country", "Start date", "ID verified", "Notes",
           "Vendor", "Phone numbers", "Status", "Archived on", "Website", "Tax form", ""]
_CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "=1+2", "+1 555 0100", "-40,00", "$1,250.00", "1.234,50 EUR", "abc",
                     "31.02.2025", "03/04/2026", "12/31/2025", "2026-02-29", "a@b", "x@example.com",
                     " X@Example.com ", "a ::: b", "Phone: (555) 010-0100 Mobile: 1", "€", "(40)",
                     "Deutschland", "ZZ", "w9", "active", "https://example.com", "0/0/00",
                     "Ana (deleted)", "\u202f", "\x00", "\r", "\n", '"', ";", "\t"]),
)


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    width = draw(st.integers(1, 8))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(_CELL, min_size=0, max_size=width + 2), max_size=12))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    text = draw(st.sampled_from(["", "Title line\r\n", "\r\n\r\n"])) + out.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return text.encode(encoding, errors="replace")


def _import(data: bytes, on_duplicate: str) -> None:
    try:
        table = read_bytes(data, "generated.csv")
    except Refused as exc:
        assert str(exc)
        return
    choices = default_choices(table, on_duplicate=on_duplicate)
    plan = analyse(table, choices, {"x@example.com": (1, "X")}, dt.date(2026, 11, 25))
    summary = describe(plan)
    assert summary["imported"] + len(summary["rejected"]) + summary["skipped"] <= len(table.records)
    for row in plan.rows:
        if row.outcome == REJECTED:
            assert row.reason and row.message
    new, merges = writes(plan)
    assert all(item.data.display_name for item in new)
    assert all(contractor_id == 1 for contractor_id, _ in merges)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_files(), st.sampled_from(["skip", "merge"]))
def test_generated_csv_files(data: bytes, on_duplicate: str) -> None:
    _import(data, on_duplicate)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    _import(data, "skip")
