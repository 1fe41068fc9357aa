"""The year-end tax summary PDF and its CSV: the year's 1099-NEC threshold with its source,
filing candidates, card and platform payments under 1099-K, totals that reconcile to the cent
with sums taken straight from the database file, flags, a year without a threshold or without
payments, hostile and non-Latin names, 300 contractors with the header on every page, and
formula-safe CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.core.schedule import Milestone, milestone_schedule
from desktop.core.validation import Cancelled
from desktop.io.report_tables_csv import TAX_YEAR_HEADER, write_tax_year_csv
from desktop.reports.report_kit import amount, money
from desktop.reports.tax_year_report import write_tax_year_report
from desktop.store import contractors, engagements, payments
from desktop.store.db import Store
from desktop.store.models import BusinessProfile, Payment
from tests.factories import make_contractor, make_engagement

D = dt.date
TODAY = D(2027, 1, 20)
BUSINESS = "Zoë Ångström Design"
US_W9 = {"country": "US", "tax_form": "w9", "tax_form_on": "2025-01-10",
         "tax_id": "123-45-6789"}
CONTRACTOR_HEADER = ("Contractor Country Tax form Tax ID Paid 1099-NEC USD 1099-K USD "
                     "Missing")
CANDIDATE_HEADER = "Contractor Legal name Kind Tax ID W-9 1099-NEC total"
SUMMARY_HEADER = "Currency Contractors paid Total paid 1099-NEC 1099-K (card, platform)"
CANDIDATES = "Filing candidates (1099-NEC)"


def flat(text: str) -> str:
    return " ".join(text.split())


def read(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(str(path))
    return reader, [flat(page.extract_text()) for page in reader.pages]


def m(minor: int, code: str = "USD") -> str:
    return money(minor, code, "en_US")


def a(minor: int, code: str = "USD") -> str:
    return amount(minor, code, "en_US")


def set_business(store: Store, locale: str = "en_US") -> None:
    with store.transaction() as session:
        session.merge(BusinessProfile(id=1, name=BUSINESS, country="US", locale=locale))


def person(store: Store, name: str, email: str | None = None, *, is_demo: bool = False,
           **fields: object) -> int:
    email = email or name.split()[0].lower() + "@example.com"
    return contractors.create(store, make_contractor(display_name=name, email=email, **fields),
                              is_demo=is_demo).id


def paid(store: Store, contractor_id: int, *items: tuple[dt.date, int, str],
         currency: str = "USD") -> None:
    """One engagement with an installment per payment, each paid in full on its day."""
    job = engagements.create(store, make_engagement(contractor_id, currency=currency)).id
    plan = milestone_schedule(sum(minor for _, minor, _ in items), currency,
                              [Milestone(f"Part {n}", on, amount_minor=minor)
                               for n, (on, minor, _) in enumerate(items, 1)], net_days=0)
    rows = payments.replace_schedule(store, job, plan)
    for row, (on, minor, method) in zip(rows, items, strict=True):
        payments.record_payment(store, row.id, amount_minor=minor, currency=currency,
                                paid_on=on, method=method, today=on)


@pytest.fixture
def year(store: Store) -> None:
    set_business(store)
    ann = person(store, "Ann Exact", legal_name="Ann Exact LLC", **US_W9)
    ben = person(store, "Ben Below", **US_W9)
    cara = person(store, "Cara Card", **US_W9)
    dev = person(store, "Dev Dual", **US_W9)
    ivy = person(store, "Ivy Noform", country="US", tax_id="987-65-4321")
    kim = person(store, "Kim Noid", country="US", tax_form="w9")
    lea = person(store, "Lea Foreign", country="FR")
    maxi = person(store, "Max Nowhere", tax_form="w9", tax_id="12-3456789")
    paid(store, ann, (D(2025, 3, 1), 60_000, "bank transfer"),
         (D(2026, 3, 1), 200_000, "bank transfer"))
    paid(store, ben, (D(2025, 3, 1), 59_999, "bank transfer"), (D(2026, 3, 1), 60_000, "cheque"))
    paid(store, cara, (D(2026, 2, 1), 150_000, "bank transfer"), (D(2026, 3, 1), 40_000, "card"),
         (D(2026, 4, 1), 10_000, "Payment platform"))
    paid(store, dev, (D(2026, 5, 1), 250_000, ""))  # no method: counts toward 1099-NEC
    paid(store, dev, (D(2026, 6, 1), 900_000, "bank transfer"), currency="EUR")
    for who in (ivy, kim, maxi):
        paid(store, who, (D(2026, 7, 1), 250_000, "bank transfer"))
    paid(store, lea, (D(2026, 7, 1), 100_000, "bank transfer"), currency="EUR")
    paid(store, ann, (D(2027, 1, 2), 5_000, "bank transfer"))  # the next tax year


def db_year(store: Store, year: int) -> dict[str, tuple[int, int, int, int]]:
    """Per currency: contractors, total, the 1099-NEC part and the card/platform part, summed
    with sqlite3 straight from the file."""
    con = sqlite3.connect(store.path)
    try:
        rows = con.execute(
            "SELECT currency, COUNT(DISTINCT contractor_id), SUM(amount_minor), "
            "SUM(CASE WHEN lower(method) IN ('card', 'payment platform') THEN 0 "
            "ELSE amount_minor END), "
            "SUM(CASE WHEN lower(method) IN ('card', 'payment platform') THEN amount_minor "
            "ELSE 0 END) FROM payment WHERE paid_on BETWEEN ? AND ? GROUP BY currency",
            (f"{year}-01-01", f"{year}-12-31")).fetchall()
    finally:
        con.close()
    return {code: (people, total, nec, card) for code, people, total, nec, card in rows}


def section(text: str, start: str, end: str) -> str:
    return text.split(start, 1)[1].split(end, 1)[0]


def test_totals_reconcile_with_the_database(store: Store, year: None, tmp_path: Path) -> None:
    _, texts = read(write_tax_year_report(store, tmp_path / "t.pdf", 2026, today=TODAY))
    text = " ".join(texts)
    expected = db_year(store, 2026)
    assert expected["USD"] == (7, 1_460_000, 1_410_000, 50_000)
    assert "Year-end tax summary, tax year 2026" in text
    assert SUMMARY_HEADER in text and CONTRACTOR_HEADER in text
    people, total, nec, card = expected["USD"]
    assert f"USD {people} {m(total)} {m(nec)} {m(card)}" in text
    people, total, _, _ = expected["EUR"]
    assert f"EUR {people} {m(total, 'EUR')} — —" in text
    # Under every contractor: the totals per currency, the USD split on the USD line.
    assert f"Total {m(expected['EUR'][1], 'EUR')} Total {m(expected['USD'][1])} " \
           f"{a(expected['USD'][2])} {a(expected['USD'][3])}" in text
    assert "8 contractors paid; 4 1099-NEC filing candidates; 4 with incomplete tax details." \
        in text
    for number, page in enumerate(texts, start=1):
        assert f"{BUSINESS} · Year-end tax summary Tax year 2026: Jan 1, 2026 – Dec 31, 2026" \
            in page
        assert f"page {number} of {len(texts)}" in page


def test_thresholds_for_2025_and_2026(store: Store, year: None, tmp_path: Path) -> None:
    _, texts = read(write_tax_year_report(store, tmp_path / "25.pdf", 2025, today=TODAY))
    text = " ".join(texts)
    assert "1099-NEC threshold for 2025: 600.00 USD (source: 26 U.S.C. 6041(a); IRS " \
           "Instructions for Forms 1099-MISC and 1099-NEC; checked Nov 25, 2026)." in text
    candidates = section(text, CANDIDATES, "Every contractor paid")
    assert "Ann Exact" in candidates and "Ben Below" not in candidates  # exactly 600 counts
    assert f"Total 1 candidate {m(60_000)}" in candidates

    _, texts = read(write_tax_year_report(store, tmp_path / "26.pdf", 2026, today=TODAY))
    text = " ".join(texts)
    assert "1099-NEC threshold for 2026: 2,000.00 USD (source: 26 U.S.C. 6041(a) as " \
           "amended by P.L. 119-21 section 70433" in text
    assert "Indexed for inflation from tax year 2027" in text and "checked Dec 4, 2026)." in text
    assert "tax year 2026: 600.00 USD" not in text


def test_candidates_are_listed(store: Store, year: None, tmp_path: Path) -> None:
    _, texts = read(write_tax_year_report(store, tmp_path / "t.pdf", 2026, today=TODAY))
    text = " ".join(texts)
    candidates = section(text, CANDIDATES, "Every contractor paid")
    assert CANDIDATE_HEADER in candidates
    assert f"Ann Exact Ann Exact LLC Individual •••• 6789 received Jan 10, 2025 {m(200_000)}" \
        in candidates
    assert f"Dev Dual — Individual •••• 6789 received Jan 10, 2025 {m(250_000)}" in candidates
    assert f"Kim Noid — Individual missing received, date not recorded {m(250_000)}" \
        in candidates
    # Over the threshold without a W-9: still due a 1099-NEC, marked so the W-9 is asked for.
    assert (f"Ivy Noform — Individual •••• 4321 W-9 missing: request it; backup withholding "
            f"may apply {m(250_000)}") in candidates
    for name in ("Ben Below", "Cara Card", "Lea Foreign", "Max Nowhere"):
        assert name not in candidates, name
    assert f"Total 4 candidates {m(950_000)}" in candidates
    assert ("1 candidate has no W-9 on file: request it before filing; until it arrives, "
            "backup withholding may apply to further payments.") in candidates


def test_card_and_platform_payments_go_under_1099_k(store: Store, year: None,
                                                   tmp_path: Path) -> None:
    _, texts = read(write_tax_year_report(store, tmp_path / "t.pdf", 2026, today=TODAY))
    text = " ".join(texts)
    # 2,000.00 paid in all: 1,500.00 by bank toward 1099-NEC, 500.00 by card and platform.
    assert f"Cara Card US W-9, Jan 10, 2025 •••• 6789 {m(200_000)} {a(150_000)} {a(50_000)}" \
        in text
    assert "Dev Dual US W-9, Jan 10, 2025 •••• 6789" in text
    assert "reported by the card processor or platform on Form 1099-K" in text
    assert "123-45-6789" not in text and "987-65-4321" not in text  # masked


def test_missing_details_are_flagged(store: Store, year: None, tmp_path: Path) -> None:
    _, texts = read(write_tax_year_report(store, tmp_path / "t.pdf", 2026, today=TODAY))
    text = " ".join(texts)
    assert f"Ivy Noform US None •••• 4321 {m(250_000)} {a(250_000)} {a(0)} tax form" in text
    assert f"Lea Foreign FR None missing {m(100_000, 'EUR')} — — tax form, tax id" in text
    flagged = section(text, "Flagged contractors", "About 1099-NEC")
    assert ("Ivy Noform US None •••• 4321 Missing tax form: ask for a W-9 (the 1099-NEC total "
            "reaches the threshold: backup withholding may apply)") in flagged
    assert "Kim Noid US W-9 missing Missing tax id" in flagged
    assert ("Lea Foreign FR None missing Missing tax form: ask for a W-8BEN, or a W-9 from a "
            "US person; Missing tax id") in flagged
    assert "Max Nowhere — W-9 •••• 6789 Missing country" in flagged
    for name in ("Ann Exact", "Ben Below", "Cara Card", "Dev Dual"):
        assert name not in flagged


def test_a_year_without_a_threshold_says_so(store: Store, tmp_path: Path) -> None:
    set_business(store)
    ann = person(store, "Ann Exact", **US_W9)
    paid(store, ann, (D(2019, 6, 1), 900_000, "bank transfer"))
    _, texts = read(write_tax_year_report(store, tmp_path / "19.pdf", 2019, today=TODAY))
    text = " ".join(texts)
    assert ("No 1099-NEC reporting threshold is recorded for tax year 2019, so nobody can be "
            "listed as a filing candidate.") in text
    assert "None listed: no 1099-NEC threshold is recorded for tax year 2019." in text
    assert f"Ann Exact US W-9, Jan 10, 2025 •••• 6789 {m(900_000)}" in text


def test_a_year_without_payments_says_so(store: Store, year: None, tmp_path: Path) -> None:
    reader, texts = read(write_tax_year_report(store, tmp_path / "24.pdf", 2024, today=TODAY))
    assert len(reader.pages) == 1
    assert ("No payments were made in tax year 2024 (Jan 1, 2024 – Dec 31, 2024): there is "
            "nothing to report.") in texts[0]
    assert "1099-NEC threshold for 2024: 600.00 USD" in texts[0]
    assert CONTRACTOR_HEADER not in texts[0] and "page 1 of 1" in texts[0]


def test_a_tax_year_starting_in_april(store: Store, tmp_path: Path) -> None:
    with store.transaction() as session:
        session.add(BusinessProfile(id=1, name="Okafor Studio", country="GB", locale="en_GB",
                                    tax_year_start_month=4, tax_year_start_day=6))
    ann = person(store, "Ann Exact", **US_W9)
    paid(store, ann, (D(2026, 4, 5), 100_000, "bank transfer"),
         (D(2026, 4, 6), 200_000, "bank transfer"))
    _, texts = read(write_tax_year_report(store, tmp_path / "gb.pdf", 2026, today=TODAY))
    assert "Tax year 2026: 6 Apr 2026 – 5 Apr 2027" in texts[0]
    assert "USD 1 2,000.00 USD" in texts[0]


def test_marks_markup_greek_and_cyrillic(store: Store, tmp_path: Path) -> None:
    set_business(store)
    tom = person(store, '<b>Tom & "Jerry"</b>', "tom@example.com", **US_W9)
    eleni = person(store, "Ελένη Παπαδοπούλου", "eleni@example.com", country="GR",
                   tax_form="w8ben", tax_id="GR123456789", is_demo=True)
    dmitri = person(store, "Дмитрий Иванов", "dmitri@example.com", country="RS")
    for who in (tom, eleni, dmitri):
        paid(store, who, (D(2026, 8, 1), 300_000, "bank transfer"))
    record = contractors.get(store, dmitri)
    contractors.set_archived(store, dmitri, True, record.version)
    _, texts = read(write_tax_year_report(store, tmp_path / "h.pdf", 2026, today=TODAY))
    text = " ".join(texts)
    assert f'<b>Tom & "Jerry"</b> US W-9, Jan 10, 2025 •••• 6789 {m(300_000)}' in text
    assert f"Ελένη Παπαδοπούλου (demo) GR W-8BEN •••• 6789 {m(300_000)}" in text
    assert "Дмитрий Иванов (archived) RS None missing" in text
    candidates = section(text, CANDIDATES, "Every contractor paid")
    assert '<b>Tom & "Jerry"</b>' in candidates and "Ελένη" not in candidates


def test_300_contractors_keep_the_header_on_every_page(store: Store, tmp_path: Path) -> None:
    set_business(store)
    made = contractors.create_many(store, [
        make_contractor(display_name=f"Payee {n:03d} Ωμέγα", email=f"p{n}@example.com", **US_W9)
        for n in range(300)])
    with store.transaction() as session:
        session.add_all(Payment(contractor_id=c.id, paid_on=D(2026, 1 + n % 12, 1),
                                amount_minor=100_000 + n, currency="USD",
                                method=("bank transfer", "card")[n % 2])
                        for n, c in enumerate(made))
    reader, texts = read(write_tax_year_report(store, tmp_path / "l.pdf", 2026, today=TODAY))
    assert len(texts) >= 8
    row = re.compile(r"Payee \d{3} Ωμέγα US W-9")
    pages = [i for i, t in enumerate(texts) if row.search(t)]
    assert pages == list(range(pages[0], pages[-1] + 1)) and len(pages) >= 7
    for i in pages:
        assert texts[i].count(CONTRACTOR_HEADER) == 1, i
        assert f"page {i + 1} of {len(texts)}" in texts[i]
    joined = " ".join(texts)
    assert len(row.findall(joined)) == 300
    _, total, nec, card = db_year(store, 2026)["USD"]
    assert f"Total {m(total)} {a(nec)} {a(card)}" in joined
    assert "No contractor is a 1099-NEC filing candidate for tax year 2026." in joined


def test_metadata_and_landscape(store: Store, year: None, tmp_path: Path) -> None:
    reader, _ = read(write_tax_year_report(store, tmp_path / "m.pdf", 2026, today=TODAY))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == (f"{BUSINESS} — Year-end tax summary, Tax year 2026: Jan 1, 2026 – "
                          "Dec 31, 2026")
    assert meta.subject == "Payments per contractor and 1099-NEC filing candidates, tax year 2026"
    assert meta.author == BUSINESS and (meta.creator or "").startswith("Crewbook")
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)


def test_stopping_writes_no_file(store: Store, year: None, tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        write_tax_year_report(store, tmp_path / "stop.pdf", 2026, today=TODAY,
                              should_stop=lambda: True)
    assert not (tmp_path / "stop.pdf").exists()


def test_csv_has_the_rows_and_totals(store: Store, year: None) -> None:
    out = io.StringIO()
    written = write_tax_year_csv(store, out, 2026)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == TAX_YEAR_HEADER
    body = rows[1:]
    expected = db_year(store, 2026)
    assert written == len(body) == sum(people for people, _, _, _ in expected.values())
    for code, (people, total, _, _) in expected.items():
        mine = [r for r in body if r[8] == code]
        assert len(mine) == people
        assert sum(Decimal(r[9]) for r in mine) == Decimal(total).scaleb(-2)
    usd = [r for r in body if r[8] == "USD"]
    assert sum(Decimal(r[10]) for r in usd) == Decimal(expected["USD"][2]).scaleb(-2)
    assert sum(Decimal(r[11]) for r in usd) == Decimal(expected["USD"][3]).scaleb(-2)
    assert all(r[10] == r[11] == "" for r in body if r[8] != "USD")
    assert ["2026", "Cara Card", "", "individual", "US", "W-9", "2025-01-10", "•••• 6789", "USD",
            "2000.00", "1500.00", "500.00", "no", "no", "", "no", "no"] in body
    assert ["2026", "Ivy Noform", "", "individual", "US", "", "", "•••• 4321", "USD", "2500.00",
            "2500.00", "0.00", "yes", "yes", "missing tax form", "no", "no"] in body
    assert next(r for r in body if r[1] == "Kim Noid")[7] == "missing"
    assert "123-45-6789" not in out.getvalue()


def test_csv_neutralises_formulas(store: Store) -> None:
    set_business(store)
    who = person(store, "=1+2", "f@example.com", legal_name="@evil", country="US")
    paid(store, who, (D(2026, 2, 1), 1_000, "bank transfer"))
    out = io.StringIO()
    assert write_tax_year_csv(store, out, 2026) == 1
    (row,) = list(csv.reader(io.StringIO(out.getvalue())))[1:]
    assert row[1:3] == ["'=1+2", "'@evil"] and row[9] == "10.00"


@pytest.mark.parametrize(("payees", "incomplete"), [(14, 3), (17, 0), (19, 0)])
def test_the_closing_note_never_sits_alone_on_the_last_page(store: Store, tmp_path: Path,
                                                             payees: int,
                                                             incomplete: int) -> None:
    # Enough contractors to fill the first page, so the closing section only just misses it.
    set_business(store)
    made = contractors.create_many(store, [
        make_contractor(display_name=f"Payee {n:03d}", email=f"p{n}@example.com",
                        **(US_W9 if n >= incomplete else {"country": "US"}))
        for n in range(payees)])
    with store.transaction() as session:
        session.add_all(Payment(contractor_id=c.id, paid_on=D(2026, 1 + n % 12, 1),
                                amount_minor=100_000 + n, currency="USD",
                                method="bank transfer") for n, c in enumerate(made))
    _, texts = read(write_tax_year_report(store, tmp_path / "c.pdf", 2026, today=TODAY))
    assert len(texts) == 2
    last = texts[-1]
    assert "About 1099-NEC and 1099-K" in last
    # The last page carries on a table: rows of it come before the note.
    before = last.split("About 1099-NEC and 1099-K", 1)[0]
    assert re.search(r"Payee \d{3} US", before), last
    assert "About 1099-NEC" not in texts[0]
