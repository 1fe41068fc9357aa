"""The year-end tax summary against a real SQLite file and the seeded reporting thresholds."""

from __future__ import annotations

import datetime as dt

from desktop.core.enums import TaxForm
from desktop.core.schedule import Milestone, milestone_schedule
from desktop.store import contractors, engagements, payments
from desktop.store.db import Store
from desktop.store.models import BusinessProfile
from desktop.store.tax_year import (
    MISSING_COUNTRY,
    MISSING_TAX_FORM,
    MISSING_TAX_ID,
    TaxYearLine,
    tax_year_summary,
)
from tests.factories import make_contractor, make_engagement

D = dt.date
US_W9 = {"country": "US", "tax_form": "w9", "tax_form_on": "2025-01-10",
         "tax_id": "123-45-6789"}


def person(store: Store, name: str, **fields: object) -> int:
    email = name.split()[0].lower() + "@example.com"
    return contractors.create(store, make_contractor(display_name=name, email=email,
                                                     **fields)).id


def paid(store: Store, contractor_id: int, *items: tuple[dt.date, int, str],
         currency: str = "USD") -> None:
    """One engagement with an installment per payment, each paid in full on its day."""
    job = engagements.create(store, make_engagement(contractor_id, currency=currency)).id
    plan = milestone_schedule(sum(amount for _, amount, _ in items), currency,
                              [Milestone(f"Part {n}", on, amount_minor=amount)
                               for n, (on, amount, _) in enumerate(items, 1)], net_days=0)
    rows = payments.replace_schedule(store, job, plan)
    for row, (on, amount, method) in zip(rows, items, strict=True):
        payments.record_payment(store, row.id, amount_minor=amount, currency=currency,
                                paid_on=on, method=method, today=on)


def line(summary, name: str) -> TaxYearLine:  # type: ignore[no-untyped-def]
    return next(item for item in summary.lines if item.name == name)


def test_thresholds_come_from_the_table_per_tax_year(store: Store) -> None:
    at = person(store, "Ann Exact", **US_W9)
    below = person(store, "Ben Below", **US_W9)
    paid(store, at, (D(2025, 3, 1), 60_000, "bank transfer"),
         (D(2026, 3, 1), 200_000, "bank transfer"))
    paid(store, below, (D(2025, 3, 1), 59_999, "bank transfer"),
         (D(2026, 3, 1), 60_000, "cheque"))

    y2025 = tax_year_summary(store, 2025)
    assert (y2025.first, y2025.last) == (D(2025, 1, 1), D(2025, 12, 31))
    t = y2025.threshold
    assert t is not None and (t.form, t.amount_minor, t.currency) == ("1099-NEC", 60_000, "USD")
    assert "6041(a)" in t.source and t.checked_on is not None
    assert (line(y2025, "Ann Exact").candidate, line(y2025, "Ben Below").candidate) == \
        (True, False)  # exactly at the threshold counts

    y2026 = tax_year_summary(store, 2026)
    t = y2026.threshold
    assert t is not None and (t.amount_minor, t.currency) == (200_000, "USD")
    assert "P.L. 119-21 section 70433" in t.source
    assert (line(y2026, "Ann Exact").candidate, line(y2026, "Ben Below").candidate) == \
        (True, False)  # 600 USD no longer reaches it
    assert (y2026.contractors, y2026.candidates) == (2, 1)
    assert y2026.totals == {"USD": 260_000}


def test_only_the_payers_part_counts_toward_1099_nec(store: Store) -> None:
    cara = person(store, "Cara Card", **US_W9)
    paid(store, cara, (D(2026, 2, 1), 150_000, "bank transfer"), (D(2026, 3, 1), 40_000, "card"),
         (D(2026, 4, 1), 10_000, "Payment platform"))
    cara_line = line(tax_year_summary(store, 2026), "Cara Card")
    assert cara_line.totals == {"USD": 200_000}
    assert (cara_line.nec_minor, cara_line.processor_minor) == (150_000, 50_000)
    assert not cara_line.candidate and not cara_line.reaches_threshold


def test_other_currencies_are_totalled_apart_and_never_count_toward_nec(store: Store) -> None:
    dev = person(store, "Dev Dual", **US_W9)
    paid(store, dev, (D(2026, 5, 1), 150_000, "bank transfer"))
    paid(store, dev, (D(2026, 6, 1), 900_000, "bank transfer"), currency="EUR")
    summary = tax_year_summary(store, 2026)
    dev_line = line(summary, "Dev Dual")
    assert dev_line.totals == {"EUR": 900_000, "USD": 150_000}
    assert (dev_line.nec_minor, dev_line.candidate) == (150_000, False)
    assert (summary.totals, summary.nec_minor) == ({"EUR": 900_000, "USD": 150_000}, 150_000)


def test_a_contractor_outside_the_us_is_never_a_candidate(store: Store) -> None:
    gb = person(store, "Gwen Abroad", country="GB", tax_form="w8ben", tax_id="GB123456")
    w9_abroad = person(store, "Hal Abroad", country="DE", tax_form="w9", tax_id="123-45-6789")
    paid(store, gb, (D(2026, 5, 1), 900_000, "bank transfer"))
    paid(store, w9_abroad, (D(2026, 5, 1), 900_000, "bank transfer"))
    summary = tax_year_summary(store, 2026)
    for name in ("Gwen Abroad", "Hal Abroad"):
        item = line(summary, name)
        assert (item.candidate, item.reaches_threshold, item.flags) == (False, True, ())
    assert summary.candidates == 0


def test_missing_forms_and_tax_ids_are_flagged(store: Store) -> None:
    no_w9 = person(store, "Ivy Noform", country="US", tax_id="123-45-6789")
    wrong_form = person(store, "Jay Wrongform", country="US", tax_form="w8ben",
                        tax_id="987-65-4321")
    no_id = person(store, "Kim Noid", country="US", tax_form="w9")
    foreign = person(store, "Lea Foreign", country="FR")
    nowhere = person(store, "Max Nowhere", tax_form="w9", tax_id="12-3456789")
    for who in (no_w9, wrong_form, no_id, foreign, nowhere):
        paid(store, who, (D(2026, 7, 1), 250_000, "bank transfer"))
    summary = tax_year_summary(store, 2026)
    assert {item.name: item.flags for item in summary.lines} == {
        "Ivy Noform": (MISSING_TAX_FORM,),
        "Jay Wrongform": (MISSING_TAX_FORM,),
        "Kim Noid": (MISSING_TAX_ID,),
        "Lea Foreign": (MISSING_TAX_FORM, MISSING_TAX_ID),
        "Max Nowhere": (MISSING_COUNTRY,)}
    ivy = line(summary, "Ivy Noform")
    # Over the threshold without a W-9: a candidate all the same, marked to ask for the W-9.
    assert (ivy.reaches_threshold, ivy.candidate, ivy.tax_form) == (True, True, TaxForm.NONE)
    assert ivy.needs_w9 and not line(summary, "Kim Noid").needs_w9
    assert line(summary, "Kim Noid").candidate  # the W-9 decides; the missing id is flagged
    assert (ivy.has_tax_id, ivy.masked_tax_id) == (True, "•••• 6789")
    assert (line(summary, "Kim Noid").has_tax_id, line(summary, "Kim Noid").masked_tax_id) == \
        (False, "")
    assert "123-45-6789" not in repr(summary)
    assert (summary.missing_tax_form, summary.missing_tax_id, summary.flagged) == (3, 2, 5)


def test_tax_form_and_its_date_are_reported(store: Store) -> None:
    ann = person(store, "Ann Exact", **US_W9)
    paid(store, ann, (D(2026, 1, 2), 1_000, "bank transfer"))
    item = line(tax_year_summary(store, 2026), "Ann Exact")
    assert (item.country, item.tax_form_label, item.tax_form_on) == ("US", "W-9", D(2025, 1, 10))


def test_a_tax_year_starting_in_april_uses_its_own_dates(store: Store) -> None:
    with store.transaction() as session:
        session.add(BusinessProfile(id=1, name="Okafor Studio", country="GB",
                                    tax_year_start_month=4, tax_year_start_day=1))
    ann = person(store, "Ann Exact", **US_W9)
    paid(store, ann, (D(2026, 3, 31), 100_000, "bank transfer"),
         (D(2026, 4, 1), 200_000, "bank transfer"), (D(2027, 3, 31), 30_000, "bank transfer"),
         (D(2027, 4, 1), 5_000, "bank transfer"))
    summary = tax_year_summary(store, 2026)
    assert (summary.first, summary.last) == (D(2026, 4, 1), D(2027, 3, 31))
    assert line(summary, "Ann Exact").totals == {"USD": 230_000}
    assert tax_year_summary(store, 2025).totals == {"USD": 100_000}


def test_a_year_without_a_threshold_has_no_candidates(store: Store) -> None:
    ann = person(store, "Ann Exact", **US_W9)
    paid(store, ann, (D(2019, 6, 1), 900_000, "bank transfer"))
    summary = tax_year_summary(store, 2019)
    assert summary.threshold is None
    assert (summary.contractors, summary.candidates) == (1, 0)
    assert tax_year_summary(store, 2024).lines == ()  # nobody paid: nobody listed


def test_1099_nec_follows_the_calendar_year_whatever_the_tax_year(store: Store) -> None:
    from desktop.store.models import BusinessProfile

    with store.transaction() as session:  # the business's tax year runs July to June
        session.add(BusinessProfile(id=1, name="July Co", tax_year_start_month=7,
                                    tax_year_start_day=1))
    early = person(store, "Eve Early", **US_W9)
    late = person(store, "Lou Late", **US_W9)
    paid(store, early, (D(2025, 3, 1), 70_000, "bank transfer"))  # calendar 2025 only
    paid(store, late, (D(2026, 3, 1), 300_000, "bank transfer"))  # tax year 2025, calendar 2026
    summary = tax_year_summary(store, 2025)  # 1 July 2025 to 30 June 2026
    assert (summary.first, summary.last) == (D(2025, 7, 1), D(2026, 6, 30))
    assert (summary.nec_first, summary.nec_last) == (D(2025, 1, 1), D(2025, 12, 31))
    eve, lou = line(summary, "Eve Early"), line(summary, "Lou Late")
    assert (eve.totals, eve.nec_minor, eve.candidate) == ({}, 70_000, True)  # 600 USD in 2025
    assert (lou.totals, lou.nec_minor, lou.candidate) == ({"USD": 300_000}, 0, False)
    assert tax_year_summary(store, 2026).lines[0].name == "Lou Late"
    assert line(tax_year_summary(store, 2026), "Lou Late").candidate
