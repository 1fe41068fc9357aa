"""An import's rows read in bulk (desktop.io.bulk_rows) come out exactly as each row read alone
by ``convert``: the same contractor, the same warnings, the same rejection and message."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.contractor import ContractorData
from desktop.io.bulk_rows import ALL, FIELDS, FIRSTS, Rows
from desktop.io.import_rows import Reading, convert
from desktop.io.layouts import TARGETS
from desktop.io.values import DAY_FIRST, MONTH_FIRST, DateOrder, ValueProblem

TODAY = dt.date(2026, 3, 1)
BENCH = [(0, "Name", "name"), (1, "Company", "company"), (2, "Email", "email"),
         (3, "Phone", "phone"), (4, "Hourly rate", "rate_hour"), (5, "Currency", "currency"),
         (6, "Skills", "tags"), (7, "Country", "country"), (8, "Notes", "notes")]
PLAIN = ("Maya Okafor", "Okafor Studio 4", "maya.4@example.com", "+1 212-555-0004", "120.50",
         "USD", "design, seo", "US", "Imported from the old sheet")
# Values that each take some rule of the import or the roster to its edge.
CELLS = [
    "", " ", "Maya Okafor", "  Lena Groß ", "Zoë\tBecker", "Becker\x1b GmbH", "Ana (deleted)",
    "(deleted)", "maya@example.com", "MAYA@Example.COM", "a ::: b@example.com", "not an address",
    "x@example.test", "+1 212-555-0147", "030 123456", "+49 1", "call me", "+0 30 1234567",
    "Phone: (555) 010-0134 Mobile: (555) 010-0199", "+44 20 7946 0958 ext. 12",
    "120.50", "85,00", "1.250,00 €", "$40", "-40", "(40)", "40 EUR", "abc", "3000", "0.001",
    "USD", "eur", "EURO", "XXX", "€", "design, seo", "*star, ok", "x" * 41, "web | print ::: seo",
    "US", "de", "Germany", "Deutschland", "XX", "Kongo", "Europe/Berlin", "Mars/Base",
    "example.org", "https://example.com/a", "not a site", "http://[", "2026-02-28",
    "2026-02-29", "03/04/2026", "31.12.2025", "12/31/2025", "2030-01-01", "0/0/00", "w9", "W-9",
    "maybe", "active", "hour", "day", "fortnight", "phone", "referral", "company", "robot",
    "line one\nline two", "line one\r\nline two", "tab\there", "rtl\u202e", "nb\u00a0sp",
    "n" * 300, "Portland", "OR", "97209", "Main St 1", "Studio 5",
]
SUFFIXES = ["", " (deleted)"]
# Values each target takes as they are, so most generated rows are plain ones.
GOOD = {
    "name": ["Maya Okafor", "Ana (deleted)", "Jürgen Groß"], "first_name": ["Maya", "Zoë"],
    "middle_name": ["K."], "last_name": ["Okafor", "Nair"], "company": ["Okafor Studio", "Wei"],
    "alias": ["MO Design", "Maya Okafor"], "legal_name": ["Maya K. Okafor"],
    "email": ["maya@example.com", "a@example.com ::: b@example.org"],
    "other_email": ["m.o@example.net"], "phone": ["+1 212-555-0147", "030 123456"],
    "mobile": ["+49 151 23456789"], "website": ["example.org", "https://example.com/a"],
    "address": ["Main St 1\nPortland"], "street": ["Main St 1", "Studio 5"],
    "city": ["Portland", "Dresden"], "region": ["OR"], "postcode": ["97209", "01067"],
    "country": ["US", "Germany", "de"], "timezone": ["Europe/Berlin"], "tax_id": ["DE123"],
    "tax_form": ["w9", "none"], "tax_form_on": ["2025-02-28", "03/04/2025"],
    "rate": ["120.50", "$40"], "rate_hour": ["85,00", "85"], "rate_day": ["600", "€ 600"],
    "rate_unit": ["day", "fixed"], "currency": ["USD", "eur", "EURO"],
    "tags": ["design, seo", "web | print"], "status": ["active"], "preferred_channel": ["phone"],
    "source": ["referral"], "identity_verified_on": ["2025-01-02"],
    "start_date": ["2024-05-06", "not yet"], "archived": ["2025-06-07"],
    "notes": ["Met at the fair", "two\nlines"], "note": ["Kept", "Also kept"],
    "kind": ["company", "individual"],
}


def _reading(home: str = "", mark: str = ".", order: str = MONTH_FIRST, suffix: str = "",
             currency: str = "USD") -> Reading:
    return Reading(mark, DateOrder(order, True), currency, suffix, TODAY, home)


def _outcome(result: object) -> object:
    try:
        converted = result() if callable(result) else result
    except ValueProblem as exc:
        return ("rejected", exc.reason, str(exc))
    return (converted.data, converted.archived_on, converted.email_key, converted.warnings)


def _both(columns: list[tuple[int, str, str]], rows: list[tuple[str, ...]],
          **reading: str) -> tuple[list[object], list[object]]:
    bulk = Rows(columns, _reading(**reading))
    alone = _reading(**reading)
    bulk.read_numbers(rows)  # as an import does, ahead of each block of rows
    together = [_outcome(lambda f=f: bulk(f)) for f in rows]  # type: ignore[misc]
    each = [_outcome(lambda f=f: convert(columns, f, alone)) for f in rows]  # type: ignore[misc]
    return together, each


def test_every_target_is_read_in_bulk_or_left_to_convert() -> None:
    assert set(TARGETS) - {""} == set(FIRSTS) | set(ALL)
    assert FIELDS == tuple(f.name for f in dataclasses.fields(ContractorData))


def test_a_plain_row_is_read_in_bulk_as_convert_reads_it() -> None:
    bulk = Rows(BENCH, _reading())
    quick = bulk._quick(PLAIN)
    assert quick is not None  # the plain row never needs the row-by-row path
    assert _outcome(quick) == _outcome(lambda: convert(BENCH, PLAIN, _reading()))


def test_numbers_read_ahead_are_the_ones_their_rows_read() -> None:
    columns = [(0, "Name", "name"), (1, "Phone", "phone"), (2, "Mobile", "mobile"),
               (3, "Country", "country")]
    rows = [("Maya Okafor", "+1 212-555-0147", "+49 151 23456789", "DE"),
            ("Ana Ruiz", "+49 1", "", "US"), ("Ben Carter", "030 123456", "", "DE"),
            ("Chen Wei", "+1 212-555-0147 ::: +1 212-555-0148", "", "")]
    bulk = Rows(columns, _reading())
    bulk.read_numbers(rows)
    memo = bulk.reading.phones
    assert memo[("+1 212-555-0147", None)] == (True, "+12125550147")
    assert memo[("+49 151 23456789", None)] == (True, "+4915123456789")
    assert memo[("+49 1", "")][0] is False  # its row says why, in its own country's words
    assert len(memo) == 3  # a number without its country code waits for its row, as do several
    together, each = _both(columns, rows)
    assert together == each


@pytest.mark.parametrize("home", ["", "US", "DE"])
@pytest.mark.parametrize("mark", [".", ","])
def test_tricky_cells_in_every_column_give_what_convert_gives(home: str, mark: str) -> None:
    rows = []
    for n, cell in enumerate(CELLS):
        for column in range(len(BENCH)):
            row = list(PLAIN)
            row[column] = cell
            row[(column + n) % len(BENCH)] = CELLS[(n * 7) % len(CELLS)]
            rows.append(tuple(row))
    together, each = _both(BENCH, rows + rows[::-1], home=home, mark=mark)
    assert together == each


ANY_COLUMNS = st.lists(st.sampled_from(sorted(set(TARGETS) - {""})), min_size=1, max_size=9)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(targets=ANY_COLUMNS, data=st.data(), suffix=st.sampled_from(SUFFIXES),
       order=st.sampled_from([DAY_FIRST, MONTH_FIRST]), home=st.sampled_from(["", "DE"]),
       currency=st.sampled_from(["USD", "EUR", "ZZZ"]))
def test_any_mapping_and_cells_give_what_convert_gives(
        targets: list[str], data: st.DataObject, suffix: str, order: str, home: str,
        currency: str) -> None:
    columns = [(i, f"Column {i}" if i % 3 else "", t) for i, t in enumerate(targets)]
    odd = st.one_of(st.sampled_from(CELLS), st.text(max_size=12))
    cells = [st.one_of(st.sampled_from(["", *GOOD[t]]), odd) if i % 4 == 0
             else st.sampled_from(["", *GOOD[t]]) for i, t in enumerate(targets)]
    cells.append(odd)  # a column no target takes
    rows = data.draw(st.lists(st.tuples(*cells), min_size=1, max_size=6))
    together, each = _both(columns, rows + rows, suffix=suffix, order=order, home=home,
                           currency=currency)
    assert together == each


LAYOUTS = {
    "address in parts": ["name", "street", "street", "city", "region", "postcode", "country",
                         "phone"],
    "rates side by side": ["company", "rate", "rate_hour", "rate_day", "rate_unit", "currency"],
    "several of each": ["first_name", "last_name", "email", "other_email", "email", "phone",
                        "mobile", "phone", "tags", "tags", "note", "note", "notes", "notes"],
    "dates and choices": ["alias", "company", "tax_form", "tax_form_on", "identity_verified_on",
                          "start_date", "archived", "status", "source", "preferred_channel",
                          "kind", "timezone", "website", "legal_name", "tax_id"],
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_files_of_many_layouts_give_what_convert_gives(layout: str, suffix: str) -> None:
    import random

    rng = random.Random(layout + suffix)
    targets = LAYOUTS[layout]
    columns = [(i, f"{t.title()} {i}", t) for i, t in enumerate(targets)]
    rows = [tuple(rng.choice(["", *GOOD[t], *GOOD[t]]) for t in targets) for _ in range(400)]
    together, each = _both(columns, rows, suffix=suffix)
    assert together == each
    bulk = Rows(columns, _reading(suffix=suffix))
    assert sum(bulk._quick(r) is not None for r in rows) > len(rows) // 10  # the bulk path is used
