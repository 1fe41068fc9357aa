"""Checking many rows at once gives what checking each row alone gives, to the letter."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.contractor import validate_contractor
from desktop.core.phone import normalise_phone
from desktop.core.validation import ValidationError
from desktop.io.contractor_import import _total_label
from desktop.io.import_rows import Reading, convert
from desktop.io.layouts import _fold_unicode, fold
from desktop.io.values import ValueProblem

TODAY = dt.date(2026, 3, 1)
COLUMNS = [(0, "Name", "name"), (1, "Company", "company"), (2, "Email", "email"),
           (3, "Phone", "phone"), (4, "Hourly rate", "rate_hour"), (5, "Currency", "currency"),
           (6, "Skills", "tags"), (7, "Country", "country"), (8, "Website", "website"),
           (9, "Notes", "notes")]
# name, company, email, phone, rate, currency, skills, country, website, notes
ROWS = [
    ("Maya Okafor", "Okafor Studio", "maya@example.com", "+1 212-555-0147", "120.50", "USD",
     "design, seo", "US", "", "Met at the fair"),
    ("Maya Okafor", "Okafor Studio", "maya@example.com", "+1 212-555-0147", "120.50", "USD",
     "design", "DE", "", ""),
    ("Lena Groß", "", "lena@example.de", "030 123456", "85,00", "EUR", "print", "DE", "", ""),
    ("Lena Groß", "", "lena@example.de", "030 123456", "85", "EUR", "print", "FR", "", ""),
    ("Ben Carter", "", "ben@example.com", "030 123456", "40", "", "", "", "", ""),
    ("Kofi Mensah", "", "kofi@example.com", "+49 1", "60", "GBP", "", "US", "", ""),
    ("Kofi Mensah", "", "kofi@example.com", "+49 1", "60", "GBP", "", "DE", "", ""),
    ("Kofi Mensah", "", "kofi@example.com", "+49 1", "60", "GBP", "", "", "", ""),
    ("Ana Ruiz", "", "ana@example.com", "+0 30 1234567", "70", "EUR", "", "ES", "", ""),
    ("Ana Ruiz", "", "ana@example.com", "+44 20 7946 0958 ext. 12", "70", "EUR", "", "ES",
     "not a site", ""),
    ("Chen Wei", "", "not an address", "+1 212-555-0100", "90", "USD", "", "US", "", ""),
    ("Chen Wei", "", "chen@example.com", "call me", "90", "USD", "*star, ok", "XX", "", ""),
    ("Zoë\tBecker", "Becker\x1b GmbH", "zoe@example.com", "+49 30 123456", "1.250,00 €", "",
     "web", "Germany", "example.org", "line one\r\nline two\u202e"),
    ("", "", "nobody@example.com", "", "", "", "", "", "", ""),
    ("Idris Bello", "", "", "", "-40", "USD", "", "", "", ""),
    ("Idris Bello", "", "", "", "40", "EURO", "", "NG", "", ""),
    ("Priya Nair", "", "priya@example.com", "+91 98765 43210", "3000", "INR",
     "x" * 41, "IN", "", "n" * 10_001),
]


def _outcome(fields: tuple[str, ...], reading: Reading) -> object:
    try:
        converted = convert(COLUMNS, fields, reading)
    except ValueProblem as exc:
        return ("rejected", exc.reason, str(exc))
    return (converted.data, converted.archived_on, converted.email_key, converted.warnings)


@pytest.mark.parametrize("home", ["", "US", "DE"])
def test_rows_checked_together_match_rows_checked_alone(home: str) -> None:
    shared = Reading(decimal_mark=",", today=TODAY, home_country=home)
    together = [_outcome(fields, shared) for fields in ROWS + ROWS[::-1]]
    alone = [_outcome(fields, Reading(decimal_mark=",", today=TODAY, home_country=home))
             for fields in ROWS + ROWS[::-1]]
    assert together == alone
    assert shared.phones  # the numbers were kept for the rows after them
    assert any(o[0] == "rejected" for o in alone) and any(o[0] != "rejected" for o in alone)


@pytest.mark.parametrize("raw", [
    {"display_name": "Maya", "phone": "+1 212-555-0147", "country": "DE"},
    {"display_name": "Maya", "phone": "030 123456", "country": "de"},
    {"display_name": "Maya", "phone": "030 123456"},
    {"display_name": "Maya", "phone": "+49 1", "country": "GB"},
    {"display_name": "", "phone": "+0 1", "email": "x", "website": "no site", "tags": ["a\tb"]},
    {"display_name": "Maya\x07", "phone": "(718) 555-0147 x9", "country": "US", "rate": "12.5"},
])
def test_the_remembered_phones_change_no_verdict(raw: dict[str, object]) -> None:
    def verdict(memo: dict | None) -> object:
        try:
            return validate_contractor(raw, TODAY, "FR", memo)
        except ValidationError as exc:
            return exc.errors

    memo: dict = {}
    expected = verdict(None)
    assert verdict(memo) == expected
    assert verdict(memo) == expected  # answered from the memo this time
    assert memo


def test_a_number_with_its_country_code_is_read_once_for_every_country() -> None:
    memo: dict = {}
    for country in ("US", "DE", "", "JP"):
        assert normalise_phone("+44 20 7946 0958", country, memo) == "+442079460958"
    assert len(memo) == 1


def test_a_failure_that_names_the_country_is_not_shared() -> None:
    memo: dict = {}
    messages = []
    for country in ("US", "DE", "US"):
        with pytest.raises(ValueError) as caught:
            normalise_phone("+49 1", country, memo)
        messages.append(str(caught.value))
    assert messages[0] == messages[2] != messages[1]
    assert "Germany" in messages[1]


@pytest.mark.parametrize("text", ["Total:", "  *Grand  Total ", "SUB-TOTAL", "sum_total",
                                  "Maya Okafor", "", "**", "total 2026", "Zwischensumme:"])
def test_plain_text_folds_as_fold_does(text: str) -> None:
    assert fold(text) == _fold_unicode(text)


def test_a_total_row_is_still_found_with_or_without_unicode() -> None:
    assert _total_label(("Total:", "", "1,250.00", "EUR")) == "Total:"
    assert _total_label(("Total général", "1 250,00 €")) == "Total général"
    assert _total_label(("Maya Okafor", "1,250.00")) == ""
