"""The outstanding-and-overdue PDF and its CSV: totals, ageing and subtotals per currency that
reconcile to the cent with sums taken straight from the database file, the order of
contractors, a date with nothing owed, hostile and non-Latin names, 300 installments with the
header on every page, and formula-safe CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.core.schedule import PlannedInstallment
from desktop.core.validation import Cancelled
from desktop.io.report_tables_csv import OUTSTANDING_HEADER, write_outstanding_csv
from desktop.reports.outstanding_report import write_outstanding_report
from desktop.reports.report_kit import amount, money
from desktop.store import contractors, payments
from desktop.store.db import Store
from desktop.store.models import BusinessProfile
from desktop.store.payments import InstallmentRow
from tests.factories import make_contractor, signed

D = dt.date
AS_OF, TODAY = D(2026, 3, 31), D(2026, 4, 20)
BUSINESS = "Zoë Ångström Design"
SUMMARY_HEADER = "Currency Contractors Installments Outstanding Of which overdue Not yet due"
AGEING_HEADER = "Currency Current 1–30 days 31–60 days 61–90 days Over 90 days Total"
ROW_HEADER = "Engagement Installment Due date Days late Amount Paid Outstanding Currency"
ELENI = "Ελένη Παπαδοπούλου"
BUCKETS = ("current", "1-30", "31-60", "61-90", "over 90")


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


def person(store: Store, name: str, email: str, *, is_demo: bool = False, **fields: object
           ) -> int:
    return contractors.create(store, make_contractor(display_name=name, email=email, **fields),
                              is_demo=is_demo).id


def engagement(store: Store, who: int, title: str, currency: str,
               *items: tuple[str, dt.date, int]) -> list[InstallmentRow]:
    job = signed(store, who, title=title, currency=currency)
    return payments.replace_schedule(store, job, [
        PlannedInstallment(label, day, day, minor, currency) for label, day, minor in items])


def pay(store: Store, row: InstallmentRow, minor: int, day: dt.date) -> None:
    payments.record_payment(store, row.id, amount_minor=minor, currency=row.currency,
                            paid_on=day, method="bank transfer", today=day)


@pytest.fixture
def owed(store: Store) -> dict[str, int]:
    """Three contractors owed USD, EUR and JPY in every ageing bucket, with a part payment,
    a payment after the date, a cancelled and a paid installment, and one not yet due."""
    set_business(store)
    maya = person(store, "Maya Okafor", "maya@example.com", company="Okafor Studio")
    site = engagement(store, maya, "Site", "USD", ("One", D(2026, 3, 1), 10_000),
                      ("Two", D(2026, 3, 15), 20_000), ("Later", D(2026, 4, 30), 9_999),
                      ("Dropped", D(2026, 3, 2), 50_000), ("Paid", D(2026, 3, 3), 4_000))
    engagement(store, maya, "Logo", "EUR", ("Logo", D(2026, 3, 20), 5_000))
    pay(store, site[1], 5_000, D(2026, 3, 16))
    pay(store, site[0], 10_000, D(2026, 4, 5))  # after the date: still owed on 31 March
    pay(store, site[4], 4_000, D(2026, 3, 3))
    payments.cancel_installment(store, site[3].id, site[3].version)
    sam = person(store, "Sam Reyes", "sam@example.com")
    engagement(store, sam, "Copy", "EUR", ("Copy", D(2026, 2, 1), 7_000))
    engagement(store, sam, "Ads", "USD", ("Ads", D(2026, 3, 31), 1_000),
               ("Old", D(2025, 11, 15), 3_333))
    eleni = person(store, ELENI, "eleni@example.com", is_demo=True)
    engagement(store, eleni, "Перевод", "JPY", ("Часть 1", D(2026, 1, 15), 150_000))
    return {"maya": maya, "sam": sam, "eleni": eleni}


def db_owed(store: Store, as_of: dt.date) -> list[tuple[str, str, dt.date, int, int]]:
    """(contractor, currency, due date, amount, paid by as_of) for every installment due by
    as_of and not fully paid then, straight from the file with sqlite3."""
    con = sqlite3.connect(store.path)
    try:
        rows = con.execute(
            "SELECT c.display_name, i.currency, i.due_on, i.amount_minor, "
            "(SELECT COALESCE(SUM(p.amount_minor), 0) FROM payment p "
            " WHERE p.installment_id = i.id AND p.paid_on <= :d) "
            "FROM installment i JOIN engagement e ON e.id = i.engagement_id "
            "JOIN contractor c ON c.id = e.contractor_id "
            "WHERE i.status != 'cancelled' AND i.due_on <= :d", {"d": as_of.isoformat()}
        ).fetchall()
    finally:
        con.close()
    return [(who, code, D.fromisoformat(due), minor, paid)
            for who, code, due, minor, paid in rows if minor > paid]


def db_not_yet_due(store: Store, as_of: dt.date) -> dict[str, int]:
    con = sqlite3.connect(store.path)
    try:
        return dict(con.execute(
            "SELECT currency, SUM(amount_minor - (SELECT COALESCE(SUM(p.amount_minor), 0) "
            "FROM payment p WHERE p.installment_id = i.id AND p.paid_on <= :d)) "
            "FROM installment i WHERE status != 'cancelled' AND due_on > :d GROUP BY 1",
            {"d": as_of.isoformat()}).fetchall())
    finally:
        con.close()


def bucket(days: int) -> int:
    return 0 if days <= 0 else 1 if days <= 30 else 2 if days <= 60 else 3 if days <= 90 else 4


def test_totals_and_ageing_reconcile_with_the_database(store: Store, owed: dict[str, int],
                                                       tmp_path: Path) -> None:
    _, texts = read(write_outstanding_report(store, tmp_path / "o.pdf", AS_OF, today=TODAY))
    text = " ".join(texts)
    rows = db_owed(store, AS_OF)
    later = db_not_yet_due(store, AS_OF)
    assert len(rows) == 7 and later == {"USD": 9_999}
    totals: dict[str, int] = defaultdict(int)
    ages: dict[str, list[int]] = defaultdict(lambda: [0] * 5)
    people: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for who, code, due, minor, paid in rows:
        totals[code] += minor - paid
        ages[code][bucket((AS_OF - due).days)] += minor - paid
        people[code].add(who)
        counts[code] += 1
    assert dict(totals) == {"EUR": 12_000, "JPY": 150_000, "USD": 1_000 + 3_333 + 10_000
                            + 15_000}
    assert "Outstanding and overdue as of Mar 31, 2026" in text
    assert SUMMARY_HEADER in text and AGEING_HEADER in text
    for code, total in totals.items():
        overdue = total - ages[code][0]
        assert (f"{code} {len(people[code])} {counts[code]} {m(total, code)} "
                f"{m(overdue, code)} {m(later.get(code, 0), code)}") in text, code
        assert f"{code} {' '.join(m(v, code) for v in ages[code])} {m(total, code)}" in text
    # Every contractor's subtotal per currency, with the amounts and part payments.
    for who, code in (("Maya Okafor", "USD"), ("Maya Okafor", "EUR"), ("Sam Reyes", "USD"),
                      ("Sam Reyes", "EUR"), (ELENI, "JPY")):
        mine = [r for r in rows if r[0] == who and r[1] == code]
        n = len(mine)
        line = (f"Subtotal {n} installment{'' if n == 1 else 's'} "
                f"{a(sum(r[3] for r in mine), code)} {a(sum(r[4] for r in mine), code)} "
                f"{a(sum(r[3] - r[4] for r in mine), code)} {code}")
        assert line in text, line
    assert "Site One Mar 1, 2026 30 100.00 0.00 100.00 USD" in text
    assert "Site Two Mar 15, 2026 16 200.00 50.00 150.00 USD" in text
    assert "Ads Ads Mar 31, 2026 0 10.00 0.00 10.00 USD" in text
    for gone in ("Dropped", "Later", "Paid Mar"):
        assert gone not in text, gone
    assert text.count(ROW_HEADER) == 3
    for number, page in enumerate(texts, start=1):
        assert f"{BUSINESS} · Outstanding and overdue As of Mar 31, 2026" in page
        assert f"page {number} of {len(texts)}" in page


def test_contractors_waiting_longest_come_first(store: Store, owed: dict[str, int],
                                               tmp_path: Path) -> None:
    _, texts = read(write_outstanding_report(store, tmp_path / "o.pdf", AS_OF, today=TODAY))
    text = " ".join(texts)
    by_contractor = text.split("By contractor", 1)[1]
    sam, eleni, maya = (by_contractor.index(f"{name} ") for name in
                        ("Sam Reyes", ELENI, "Maya Okafor"))
    assert sam < eleni < maya  # 136, 75 and 30 days
    assert "sam@example.com · longest overdue 136 days" in text
    assert "eleni@example.com · longest overdue 75 days · demo data" in text
    assert "Okafor Studio · maya@example.com · longest overdue 30 days" in text


def test_a_past_date_ignores_later_payments(store: Store, owed: dict[str, int],
                                            tmp_path: Path) -> None:
    _, texts = read(write_outstanding_report(store, tmp_path / "o.pdf", D(2026, 4, 10),
                                             today=TODAY))
    text = " ".join(texts)
    assert "Site One" not in text  # paid on 5 April
    total = sum(minor - paid for _, code, _, minor, paid in db_owed(store, D(2026, 4, 10))
                if code == "USD")
    assert f"USD 2 3 {m(total)}" in text


def test_nothing_owed_says_so(store: Store, owed: dict[str, int], tmp_path: Path) -> None:
    reader, texts = read(write_outstanding_report(store, tmp_path / "e.pdf", D(2025, 1, 1),
                                                  today=TODAY))
    assert len(reader.pages) == 1
    assert ("Nothing was outstanding on Jan 1, 2025: every installment due by then had been "
            "paid in full.") in texts[0]
    later = db_not_yet_due(store, D(2025, 1, 1))
    assert (f"Not yet due on Jan 1, 2025: {m(later['EUR'], 'EUR')}, {m(later['JPY'], 'JPY')}, "
            f"{m(later['USD'])}.") in texts[0]
    assert SUMMARY_HEADER not in texts[0] and "page 1 of 1" in texts[0]


def test_an_empty_database(store: Store, tmp_path: Path) -> None:
    reader, texts = read(write_outstanding_report(store, tmp_path / "e.pdf", AS_OF,
                                                  today=TODAY))
    assert "My business · Outstanding and overdue" in texts[0]
    assert "Nothing was outstanding on Mar 31, 2026" in texts[0]
    assert "Not yet due" not in texts[0]
    meta = reader.metadata
    assert meta is not None and meta.title == \
        "My business — Outstanding and overdue, As of Mar 31, 2026"


def test_markup_greek_and_cyrillic_render(store: Store, owed: dict[str, int],
                                          tmp_path: Path) -> None:
    tom = person(store, '<b>Tom & "Jerry"</b>', "tom@example.com", company="<Acme> & Co")
    engagement(store, tom, "Дизайн <i>сайта</i>", "USD", ("Μέρος & 1", D(2026, 3, 30), 1_234))
    _, texts = read(write_outstanding_report(store, tmp_path / "h.pdf", AS_OF, today=TODAY))
    text = " ".join(texts)
    for expected in ('<b>Tom & "Jerry"</b>', "<Acme> & Co · tom@example.com",
                     "Дизайн <i>сайта</i> Μέρος & 1 Mar 30, 2026 1 12.34 0.00 12.34 USD",
                     ELENI, "Перевод Часть 1 Jan 15, 2026 75 150,000 0 150,000 JPY"):
        assert expected in text, expected


def test_300_installments_keep_the_header_on_every_page(store: Store, tmp_path: Path) -> None:
    set_business(store)
    who = person(store, "Дмитрий <Иванов>", "dmitri@example.com")
    items = [(f"Bill {n:03d}", AS_OF - dt.timedelta(days=n % 120), 10_000 + n)
             for n in range(300)]
    engagement(store, who, "Long job", "USD", *items[:150])
    engagement(store, who, "Long job EUR", "EUR", *items[150:])
    reader, texts = read(write_outstanding_report(store, tmp_path / "l.pdf", AS_OF,
                                                  today=TODAY))
    assert len(texts) >= 7
    pages = [i for i, t in enumerate(texts) if "Bill " in t]
    assert pages == list(range(pages[0], len(texts)))
    for i in pages:
        assert texts[i].count(ROW_HEADER) == 1, i
        assert f"page {i + 1} of {len(texts)}" in texts[i]
    joined = " ".join(texts)
    assert sum(joined.count(f"Bill {n:03d} ") for n in range(300)) == 300
    for code, part in (("USD", items[:150]), ("EUR", items[150:])):
        total = sum(minor for _, _, minor in part)
        assert f"Subtotal 150 installments {a(total, code)} {a(0, code)} {a(total, code)} " \
               f"{code}" in joined
        assert f"{code} 1 150 {m(total, code)}" in joined


def test_the_business_locale_formats_amounts(store: Store, owed: dict[str, int],
                                             tmp_path: Path) -> None:
    set_business(store, locale="de_DE")
    _, texts = read(write_outstanding_report(store, tmp_path / "de.pdf", AS_OF, today=TODAY))
    text = " ".join(texts)
    assert "Site Two 15.03.2026 16 200,00 50,00 150,00 USD" in text
    assert "EUR 2 2 120,00 EUR 120,00 EUR 0,00 EUR" in text


def test_metadata_and_landscape(store: Store, owed: dict[str, int], tmp_path: Path) -> None:
    reader, _ = read(write_outstanding_report(store, tmp_path / "m.pdf", AS_OF, today=TODAY))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == f"{BUSINESS} — Outstanding and overdue, As of Mar 31, 2026"
    assert meta.subject == "Outstanding and overdue installments as of Mar 31, 2026"
    assert meta.author == BUSINESS and (meta.creator or "").startswith("Crewbook")
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)


def test_stopping_writes_no_file(store: Store, owed: dict[str, int], tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        write_outstanding_report(store, tmp_path / "stop.pdf", AS_OF, today=TODAY,
                                 should_stop=lambda: True)
    assert not (tmp_path / "stop.pdf").exists()


def test_csv_has_the_rows_and_totals(store: Store, owed: dict[str, int]) -> None:
    out = io.StringIO()
    written = write_outstanding_csv(store, out, AS_OF)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == OUTSTANDING_HEADER
    body = rows[1:]
    expected = db_owed(store, AS_OF)
    assert written == len(body) == len(expected)
    digits = {"USD": 2, "EUR": 2, "JPY": 0}
    for code in ("USD", "EUR", "JPY"):
        owed_here = sum(minor - paid for _, c, _, minor, paid in expected if c == code)
        assert sum(Decimal(r[13]) for r in body if r[14] == code) == \
            Decimal(owed_here).scaleb(-digits[code])
    # Same order as the PDF: longest overdue first.
    assert [r[1] for r in body][:2] == ["Sam Reyes", "Sam Reyes"]
    assert [r[1] for r in body][-3:] == ["Maya Okafor"] * 3
    assert ["2026-03-31", "Maya Okafor", "Okafor Studio", "maya@example.com", "no", "Site",
            "signed", "Two", "2026-03-15", "16", "1–30 days", "200.00", "50.00", "150.00",
            "USD"] in body
    assert next(r for r in body if r[1] == ELENI)[4] == "yes"
    assert next(r for r in body if r[1] == ELENI)[11:14] == ["150000", "0", "150000"]


def test_csv_neutralises_formulas(store: Store) -> None:
    set_business(store)
    who = person(store, "=cmd|' /C calc'!A0", "evil@example.com", company="@SUM(1)")
    engagement(store, who, "-2+3", "USD", ("+1", D(2026, 3, 1), 500))
    out = io.StringIO()
    assert write_outstanding_csv(store, out, AS_OF) == 1
    (row,) = list(csv.reader(io.StringIO(out.getvalue())))[1:]
    assert row[1:3] == ["'=cmd|' /C calc'!A0", "'@SUM(1)"]
    assert row[5] == "'-2+3" and row[7] == "'+1" and row[13] == "5.00"
