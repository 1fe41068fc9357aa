"""The contractor statement PDF and its CSV: totals per currency that reconcile to the cent with
sums taken straight from the database file, the on-time sentence, an empty period, hostile and
non-Latin names, a long schedule with its header on every page, and formula-safe CSV."""

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

from desktop.core.payments import OnTimeRecord
from desktop.core.schedule import PlannedInstallment
from desktop.core.validation import Cancelled, ConflictError, ValidationError
from desktop.io.report_tables_csv import STATEMENT_HEADER, write_statement_csv
from desktop.reports.report_kit import money, period_text
from desktop.reports.statement_report import on_time_text, write_statement_report
from desktop.store import contractors, engagements, payments
from desktop.store.db import Store
from desktop.store.models import BusinessProfile, Payment
from desktop.store.payments import InstallmentRow
from tests.factories import make_contractor, make_engagement, signed

D = dt.date
FIRST, LAST, TODAY = D(2026, 3, 1), D(2026, 4, 30), D(2026, 5, 15)
BUSINESS = "Zoë Ångström Design"
TOTALS_HEADER = "Currency Due in period Paid in period Balance due Not yet due"
INSTALLMENTS_HEADER = "Installment Due Amount Paid Outstanding Status Days late"
PAYMENTS_HEADER = "Date Engagement Installment Invoice Reference Method Amount"
HOSTILE = '<b>Tom & "Jerry"</b>'


def flat(text: str) -> str:
    return " ".join(text.split())


def read(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(str(path))
    return reader, [flat(page.extract_text()) for page in reader.pages]


def usd(minor: int, code: str = "USD") -> str:
    return money(minor, code, "en_US")


def set_business(store: Store, locale: str = "en_US") -> None:
    with store.transaction() as session:
        session.merge(BusinessProfile(id=1, name=BUSINESS, country="US", locale=locale))


def person(store: Store, name: str, email: str = "maya@example.com", **fields: object) -> int:
    return contractors.create(store, make_contractor(display_name=name, email=email,
                                                     **fields)).id


def engagement(store: Store, who: int, title: str, currency: str,
               *items: tuple[str, dt.date, int], **fields: object) -> list[InstallmentRow]:
    job = signed(store, who, title=title, currency=currency, **fields)
    return payments.replace_schedule(store, job, [
        PlannedInstallment(label, day, day, amount, currency) for label, day, amount in items])


def pay(store: Store, row: InstallmentRow, minor: int, day: dt.date, method: str = "bank "
        "transfer", **fields: str) -> None:
    payments.record_payment(store, row.id, amount_minor=minor, currency=row.currency,
                            paid_on=day, method=method, today=day, **fields)


@pytest.fixture
def maya(store: Store) -> int:
    """Maya: USD with older arrears and a final installment not yet due, EUR paid late and
    once after the period, and an engagement with nothing due in the period."""
    set_business(store)
    who = person(store, "Maya Okafor", country="US", tax_form="w9", tax_form_on="2025-01-10",
                 company="Okafor Studio")
    dollars = engagement(store, who, "Catalogue", "USD",
                         ("Arrears", D(2026, 2, 10), 15_000), ("Deposit", D(2026, 3, 10), 30_000),
                         ("Draft", D(2026, 4, 10), 30_000), ("Final", D(2026, 6, 14), 40_000),
                         start_on="2026-01-01", end_on="2026-05-31")
    euros = engagement(store, who, "Brochure", "EUR", ("Part 1", D(2026, 3, 20), 50_000),
                       ("Part 2", D(2026, 4, 20), 50_000), ("Part 3", D(2026, 4, 25), 12_345),
                       start_on="2026-03-01", end_on="2026-04-30")
    engagements.create(store, make_engagement(who, title="Quiet retainer", start_on="2026-02-01",
                                              end_on=""))
    pay(store, dollars[1], 30_000, D(2026, 3, 8), invoice_number="INV-1", reference="TX-1")
    pay(store, euros[0], 50_000, D(2026, 3, 25), "card")
    pay(store, dollars[2], 10_000, D(2026, 4, 12))
    pay(store, euros[2], 12_345, D(2026, 5, 2))  # after the period: not counted in it
    other = person(store, "Sam Reyes", email="sam@example.com")
    (row,) = engagement(store, other, "Someone else's", "USD", ("Fee", D(2026, 3, 5), 99_900))
    pay(store, row, 99_900, D(2026, 3, 6))
    return who


def query(store: Store, sql: str, *args: object) -> list[tuple]:  # type: ignore[type-arg]
    con = sqlite3.connect(store.path)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def db_statement(store: Store, who: int, first: dt.date, last: dt.date, as_of: dt.date
                 ) -> dict[str, dict[str, int]]:
    """The four totals per currency, summed with sqlite3 straight from the file."""
    f, l_, a = first.isoformat(), last.isoformat(), as_of.isoformat()
    due = query(store, "SELECT i.currency, SUM(i.amount_minor) FROM installment i JOIN "
                "engagement e ON e.id = i.engagement_id WHERE e.contractor_id = ? AND "
                "i.status != 'cancelled' AND i.due_on BETWEEN ? AND ? GROUP BY 1", who, f, l_)
    paid = query(store, "SELECT currency, SUM(amount_minor) FROM payment WHERE "
                 "contractor_id = ? AND paid_on BETWEEN ? AND ? GROUP BY 1", who, f, l_)
    unpaid = query(store, "SELECT i.currency, i.due_on <= ?, SUM(MAX(0, i.amount_minor - "
                   "(SELECT COALESCE(SUM(p.amount_minor), 0) FROM payment p WHERE "
                   "p.installment_id = i.id AND p.paid_on <= ?))) FROM installment i JOIN "
                   "engagement e ON e.id = i.engagement_id WHERE e.contractor_id = ? AND "
                   "i.status != 'cancelled' GROUP BY 1, 2", a, a, who)
    out: dict[str, dict[str, int]] = {"due": dict(due), "paid": dict(paid), "balance": {},
                                      "later": {}}
    for code, due_now, total in unpaid:
        out["balance" if due_now else "later"][code] = total
    return out


def test_totals_reconcile_with_the_database(store: Store, maya: int, tmp_path: Path) -> None:
    reader, texts = read(write_statement_report(store, tmp_path / "s.pdf", maya, FIRST, LAST,
                                                today=TODAY))
    text = " ".join(texts)
    expected = db_statement(store, maya, FIRST, LAST, LAST)
    # The fixture's figures, worked by hand, agree with the database before the PDF is read.
    assert expected == {"due": {"EUR": 112_345, "USD": 60_000},
                        "paid": {"EUR": 50_000, "USD": 40_000},
                        "balance": {"EUR": 62_345, "USD": 35_000}, "later": {"USD": 40_000}}
    assert f"Statement for Maya Okafor, {period_text(FIRST, LAST, 'en_US')}" in text
    assert TOTALS_HEADER in text
    for code in ("EUR", "USD"):
        row = " ".join(usd(expected[part].get(code, 0), code)
                       for part in ("due", "paid", "balance", "later"))
        assert f"{code} {row}" in text, code
    # Per engagement: the installments due in the period and their totals.
    assert text.count(INSTALLMENTS_HEADER) == 2
    for title, code in (("Catalogue", "USD"), ("Brochure", "EUR")):
        (amount, paid, left), = query(
            store, "SELECT SUM(i.amount_minor), SUM((SELECT COALESCE(SUM(p.amount_minor), 0) "
            "FROM payment p WHERE p.installment_id = i.id AND p.paid_on <= ?)), "
            "SUM(MAX(0, i.amount_minor - (SELECT COALESCE(SUM(p.amount_minor), 0) FROM payment "
            "p WHERE p.installment_id = i.id AND p.paid_on <= ?))) FROM installment i JOIN "
            "engagement e ON e.id = i.engagement_id WHERE e.title = ? AND i.due_on BETWEEN ? "
            "AND ?", LAST.isoformat(), LAST.isoformat(), title, FIRST.isoformat(),
            LAST.isoformat())
        assert f"Total {usd(amount, code)} {usd(paid, code)} {usd(left, code)}" in text, title
    assert (f"Draft Apr 10, 2026 {usd(30_000)} {usd(10_000)} {usd(20_000)} Part-paid 20"
            in text)
    assert "Part 3 Apr 25, 2026 123.45 EUR 0.00 EUR 123.45 EUR Due 5" in text
    assert "Arrears" not in text and "Final" not in text  # due outside the period
    assert "Quiet retainer" in text and "No installments fell due in the period." in text
    # Payments in the period, totalled per currency.
    assert PAYMENTS_HEADER in text
    assert f"Mar 8, 2026 Catalogue Deposit INV-1 TX-1 Bank transfer {usd(30_000)}" in text
    assert f"Total 1 payment {usd(expected['paid']['EUR'], 'EUR')}" in text
    assert f"Total 2 payments {usd(expected['paid']['USD'])}" in text
    assert "Someone else" not in text and "999.00" not in text
    assert "page 1 of" in texts[0]
    for number, page in enumerate(texts, start=1):
        assert f"{BUSINESS} · Contractor statement: Maya Okafor" in page
        assert period_text(FIRST, LAST, "en_US") in page
        assert f"page {number} of {len(texts)}" in page


def test_contractor_block_and_on_time_sentence(store: Store, maya: int, tmp_path: Path) -> None:
    _, texts = read(write_statement_report(store, tmp_path / "s.pdf", maya, FIRST, LAST,
                                           today=TODAY))
    text = " ".join(texts)
    assert "Name Maya Okafor Country US" in text
    assert "Company Okafor Studio" in text and "maya@example.com" in text
    assert "Tax form W-9, received Jan 10, 2025" in text
    assert "Figures as of Apr 30, 2026" in text
    # Six installments due by 30 April: only Deposit on time; Arrears 79, Draft 20, Part 1 5,
    # Part 2 10 and Part 3 5 days late (paid on 2 May, after the period).
    assert ("Paid on time: 1 of 6 installments (17%); late ones by 23.8 days on average."
            in text)
    assert "payments recorded after it are not counted" in text


def test_on_time_wording() -> None:
    assert on_time_text(OnTimeRecord(9, 7, 4.0), "en_US") == \
        "Paid on time: 7 of 9 installments (78%); late ones by 4 days on average."
    assert on_time_text(OnTimeRecord(9, 7, 4.0), "de_DE").startswith(
        "Paid on time: 7 of 9 installments (78\xa0%)")
    assert on_time_text(OnTimeRecord(2, 1, 1.0), "en_US").endswith("by 1 day on average.")
    assert on_time_text(OnTimeRecord(3, 3, 0.0), "en_US") == \
        "Paid on time: 3 of 3 installments (100%)."
    assert on_time_text(OnTimeRecord(0, 0, 0.0), "en_US") == \
        "Paid on time: no installment had fallen due yet."


def test_a_running_period_reads_as_of_today(store: Store, maya: int, tmp_path: Path) -> None:
    today = D(2026, 4, 15)
    _, texts = read(write_statement_report(store, tmp_path / "s.pdf", maya, D(2026, 4, 1),
                                           D(2026, 4, 30), today=today))
    text = " ".join(texts)
    expected = db_statement(store, maya, D(2026, 4, 1), D(2026, 4, 30), today)
    for code in ("EUR", "USD"):
        row = " ".join(usd(expected[part].get(code, 0), code)
                       for part in ("due", "paid", "balance", "later"))
        assert f"{code} {row}" in text, code
    assert "as of today, Apr 15, 2026" in text


def test_an_empty_statement_says_so(store: Store, tmp_path: Path) -> None:
    set_business(store)
    who = person(store, "Nadia Quiet", email="nadia@example.com")
    reader, texts = read(write_statement_report(store, tmp_path / "e.pdf", who, FIRST, LAST,
                                                today=TODAY))
    assert len(reader.pages) == 1
    assert ("Nothing to report for Nadia Quiet between Mar 1, 2026 and Apr 30, 2026: no "
            "engagements, no installments due, no payments, and nothing owed.") in texts[0]
    assert "Paid on time: no installment had fallen due yet." in texts[0]
    assert "Tax form None on file" in texts[0] and "page 1 of 1" in texts[0]
    assert TOTALS_HEADER not in texts[0]


def test_old_arrears_alone_still_show_a_balance(store: Store, tmp_path: Path) -> None:
    set_business(store)
    who = person(store, "Olga Arrears", email="olga@example.com")
    engagement(store, who, "Old job", "USD", ("Fee", D(2025, 11, 1), 70_000),
               start_on="2025-10-01", end_on="2025-11-30")
    _, texts = read(write_statement_report(store, tmp_path / "a.pdf", who, FIRST, LAST,
                                           today=TODAY))
    assert f"USD {usd(0)} {usd(0)} {usd(70_000)} {usd(0)}" in texts[0]
    assert "No engagement ran in the period." in texts[0]
    assert "No payments to Olga Arrears between Mar 1, 2026 and Apr 30, 2026." in texts[0]


def test_markup_greek_and_cyrillic_render(store: Store, tmp_path: Path) -> None:
    set_business(store)
    tom = person(store, HOSTILE, email="tom@example.com", company="Кирилл & <Co>")
    (row,) = engagement(store, tom, "Перевод <i>каталога</i>", "USD",
                        ("Μέρος & 1", D(2026, 3, 15), 25_000))
    pay(store, row, 25_000, D(2026, 3, 16), reference="<script>")
    eleni = person(store, "Ελένη Παπαδοπούλου", email="eleni@example.com")
    _, texts = read(write_statement_report(store, tmp_path / "h.pdf", tom, FIRST, LAST,
                                           today=TODAY))
    text = " ".join(texts)
    for expected in (f"Statement for {HOSTILE}", f"Contractor statement: {HOSTILE}",
                     "Кирилл & <Co>", "Перевод <i>каталога</i>", "Μέρος & 1", "<script>"):
        assert expected in text, expected
    meta = PdfReader(str(tmp_path / "h.pdf")).metadata
    assert meta is not None and meta.subject == \
        f"Statement for {HOSTILE}, {period_text(FIRST, LAST, 'en_US')}"
    _, texts = read(write_statement_report(store, tmp_path / "g.pdf", eleni, FIRST, LAST,
                                           today=TODAY))
    assert "Statement for Ελένη Παπαδοπούλου" in texts[0]


def test_a_long_schedule_keeps_its_header_on_every_page(store: Store, tmp_path: Path) -> None:
    set_business(store)
    who = person(store, "Дмитрий Долгов", email="dmitri@example.com")
    items = [(f"Step {n:03d}", FIRST + dt.timedelta(days=n % 61), 1_000 + n) for n in range(300)]
    rows = engagement(store, who, "Long job", "USD", *items)
    for row in rows[:40]:
        pay(store, row, row.amount_minor, row.due_on)
    reader, texts = read(write_statement_report(store, tmp_path / "l.pdf", who, FIRST, LAST,
                                                today=TODAY))
    assert len(texts) >= 5
    # An installment row: its label then its due date; a payment row: engagement then label.
    installment_row = re.compile(r"Step \d{3} (Mar|Apr) \d")
    payment_row = re.compile(r"Long job Step \d{3} Bank transfer")
    for rows_of, header in ((installment_row, INSTALLMENTS_HEADER),
                            (payment_row, PAYMENTS_HEADER)):
        pages = [i for i, t in enumerate(texts) if rows_of.search(t)]
        assert pages == list(range(pages[0], pages[-1] + 1))
        for i in pages:
            assert texts[i].count(header) == 1, i
    joined = " ".join(texts)
    assert len(installment_row.findall(joined)) == 300
    assert len(payment_row.findall(joined)) == 40
    total = sum(amount for _, _, amount in items)
    paid = sum(r.amount_minor for r in rows[:40])
    assert f"Total {usd(total)} {usd(paid)} {usd(total - paid)}" in joined
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {len(texts)}" in text


def test_metadata_and_landscape(store: Store, maya: int, tmp_path: Path) -> None:
    reader, _ = read(write_statement_report(store, tmp_path / "m.pdf", maya, FIRST, LAST,
                                            today=TODAY))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == (f"{BUSINESS} — Contractor statement: Maya Okafor, "
                          f"{period_text(FIRST, LAST, 'en_US')}")
    assert meta.author == BUSINESS
    assert meta.subject == f"Statement for Maya Okafor, {period_text(FIRST, LAST, 'en_US')}"
    assert (meta.creator or "").startswith("Crewbook")
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)


def test_the_business_locale_formats_amounts(store: Store, maya: int, tmp_path: Path) -> None:
    set_business(store, locale="de_DE")
    _, texts = read(write_statement_report(store, tmp_path / "de.pdf", maya, FIRST, LAST,
                                           today=TODAY))
    text = " ".join(texts)
    assert "EUR 1.123,45 EUR 500,00 EUR 623,45 EUR 0,00 EUR" in text
    assert "01.03.2026 – 30.04.2026" in text and "(17 %)" in text


def test_refusals(store: Store, maya: int, tmp_path: Path) -> None:
    with pytest.raises(ConflictError):
        write_statement_report(store, tmp_path / "x.pdf", 4040, FIRST, LAST, today=TODAY)
    with pytest.raises(ValidationError):
        write_statement_report(store, tmp_path / "y.pdf", maya, LAST, FIRST, today=TODAY)


def test_stopping_writes_no_file(store: Store, maya: int, tmp_path: Path) -> None:
    asked = 0

    def stop() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3

    with pytest.raises(Cancelled):
        write_statement_report(store, tmp_path / "stop.pdf", maya, FIRST, LAST, today=TODAY,
                               should_stop=stop)
    assert not (tmp_path / "stop.pdf").exists()
    write_statement_report(store, tmp_path / "go.pdf", maya, FIRST, LAST, today=TODAY,
                           should_stop=lambda: False)
    assert (tmp_path / "go.pdf").exists()


def test_csv_has_the_rows_and_totals(store: Store, maya: int) -> None:
    out = io.StringIO()
    written = write_statement_csv(store, out, maya, FIRST, LAST, today=TODAY)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == STATEMENT_HEADER
    body = rows[1:]
    installments = [r for r in body if r[0] == "installment"]
    paid = [r for r in body if r[0] == "payment"]
    assert written == len(body) == len(installments) + len(paid) == 5 + 3
    expected = db_statement(store, maya, FIRST, LAST, LAST)
    for code in ("USD", "EUR"):
        assert sum(Decimal(r[6]) for r in installments if r[9] == code) == \
            Decimal(expected["due"][code]).scaleb(-2)
        assert sum(Decimal(r[6]) for r in paid if r[9] == code) == \
            Decimal(expected["paid"][code]).scaleb(-2)
    assert ["installment", "Maya Okafor", "Catalogue", "Draft", "2026-04-10", "", "300.00",
            "100.00", "200.00", "USD", "part_paid", "20", "", "", ""] in installments
    assert ["payment", "Maya Okafor", "Catalogue", "Deposit", "", "2026-03-08", "300.00", "",
            "", "USD", "", "", "bank transfer", "INV-1", "TX-1"] in paid


def test_csv_neutralises_formulas(store: Store, tmp_path: Path) -> None:
    set_business(store)
    who = person(store, "=HYPERLINK(\"x\")", email="x@example.com")
    (row,) = engagement(store, who, "+SUM(A1)", "JPY", ("@once", D(2026, 3, 15), 150_000))
    pay(store, row, 150_000, D(2026, 3, 15), reference="-1")
    with store.transaction() as session:  # a payment outside any schedule
        session.add(Payment(contractor_id=who, paid_on=D(2026, 4, 1), amount_minor=5,
                            currency="JPY", method="cash", invoice_number="=1+1"))
    out = io.StringIO()
    assert write_statement_csv(store, out, who, FIRST, LAST, today=TODAY) == 3
    body = list(csv.reader(io.StringIO(out.getvalue())))[1:]
    assert {r[1] for r in body} == {"'=HYPERLINK(\"x\")"}
    assert body[0][2:4] == ["'+SUM(A1)", "'@once"] and body[0][6] == "150000"
    assert body[1][14] == "'-1"
    assert body[2][2:4] == ["", ""] and body[2][13] == "'=1+1" and body[2][6] == "5"
    # The PDF prints the name as typed.
    _, texts = read(write_statement_report(store, tmp_path / "f.pdf", who, FIRST, LAST,
                                           today=TODAY))
    assert "Statement for =HYPERLINK(\"x\")" in texts[0]
    assert "Apr 1, 2026 No engagement =1+1 Cash 5 JPY" in texts[0]
