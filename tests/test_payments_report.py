"""The payments report and its CSV: totals that reconcile to the cent with sums taken straight
from the database file, filters, late payments, an empty period, hostile names, many pages."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.core.schedule import PlannedInstallment
from desktop.io.report_csv import PAYMENT_HEADER, write_payments_csv
from desktop.reports.payments_report import late_text, method_text, write_payments_report
from desktop.reports.report_kit import money, period_text
from desktop.store import contractors, engagements, payments
from desktop.store.db import Store
from desktop.store.models import BusinessProfile, Payment
from desktop.store.payment_lines import payment_lines, payment_totals
from tests.factories import make_contractor, make_engagement

FIRST, LAST = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
TODAY = dt.date(2026, 4, 20)
DETAIL_HEADER = "Date Contractor Engagement Invoice Reference Method Amount Currency Paid late"
MAYA, NOWAK, ELENI = "Maya Okafor", "Łukasz <b>Nowak</b> & Co", "Ελένη Παπαδοπούλου 中文"


def flat(text: str) -> str:
    return " ".join(text.split())


def read(path: Path) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(str(path))
    return reader, [flat(page.extract_text()) for page in reader.pages]


def set_business(store: Store, locale: str = "en_US", country: str = "US") -> None:
    with store.transaction() as session:
        session.merge(BusinessProfile(id=1, name="Zoë Ångström Design", country=country,
                                      locale=locale))


def engagement_with(store: Store, name: str, currency: str, tags: list[str],
                    due: list[dt.date], amount_minor: int) -> tuple[int, list[int]]:
    who = contractors.create(store, make_contractor(display_name=name, currency=currency,
                                                    tags=tags)).id
    record = engagements.create(store, make_engagement(
        who, title=f"Catalogue for {name}", currency=currency,
        amount=str(amount_minor * len(due))))
    rows = payments.replace_schedule(store, record.id, [
        PlannedInstallment(f"Part {i + 1}", day, day, amount_minor, currency)
        for i, day in enumerate(due)])
    return who, [r.id for r in rows]


def pay(store: Store, installment_id: int, minor: int, currency: str, day: dt.date,
        method: str, number: str) -> None:
    payments.record_payment(store, installment_id, amount_minor=minor, currency=currency,
                            paid_on=day, method=method, reference=f"BANK-{number}",
                            invoice_number=f"INV-{number}", today=TODAY,
                            allow_overpayment=True)


@pytest.fixture
def ledger(store: Store) -> dict[str, int]:
    """Three contractors paid in USD, EUR and JPY over January to March 2026, some late, one
    payment with no installment, and payments just outside the quarter on both sides."""
    set_business(store)
    maya, inst = engagement_with(store, MAYA, "USD", ["design"],
                                 [dt.date(2026, 1, 15), dt.date(2026, 2, 15),
                                  dt.date(2026, 3, 15)], 125_050)
    pay(store, inst[0], 125_050, "USD", dt.date(2026, 1, 10), "bank transfer", "M1")
    pay(store, inst[1], 125_050, "USD", dt.date(2026, 2, 20), "card", "M2")  # 5 days late
    pay(store, inst[2], 99_999, "USD", dt.date(2026, 3, 15), "payment platform", "M3")
    nowak, inst = engagement_with(store, NOWAK, "EUR", ["development"],
                                  [dt.date(2025, 12, 31), dt.date(2026, 1, 31),
                                   dt.date(2026, 2, 28), dt.date(2026, 4, 30)], 333_333)
    pay(store, inst[0], 333_333, "EUR", dt.date(2025, 12, 30), "bank transfer", "N0")  # before
    pay(store, inst[1], 333_333, "EUR", dt.date(2026, 2, 2), "bank transfer", "N1")  # 2 late
    pay(store, inst[2], 100_001, "EUR", dt.date(2026, 2, 28), "", "N2")
    pay(store, inst[2], 233_332, "EUR", dt.date(2026, 3, 31), "cheque", "N3")  # 31 late
    pay(store, inst[3], 333_333, "EUR", dt.date(2026, 4, 1), "bank transfer", "N4")  # after
    eleni, inst = engagement_with(store, ELENI, "JPY", ["design", "writing"],
                                  [dt.date(2026, 1, 31), dt.date(2026, 2, 28)], 150_000)
    pay(store, inst[0], 150_000, "JPY", dt.date(2026, 1, 31), "bank transfer", "E1")
    pay(store, inst[1], 75_000, "JPY", dt.date(2026, 3, 1), "payment platform", "=E2")  # 1 late
    with store.transaction() as session:  # paid outside any schedule
        session.add(Payment(contractor_id=maya, paid_on=dt.date(2026, 2, 1), amount_minor=4_200,
                            currency="USD", method="cash", reference="@petty",
                            invoice_number="+INV-X"))
    return {"maya": maya, "nowak": nowak, "eleni": eleni}


def db_totals(store: Store, where: str = "", args: tuple[object, ...] = ()
              ) -> dict[str, tuple[int, int]]:
    """Count and sum per currency, straight from the file with sqlite3."""
    con = sqlite3.connect(store.path)
    try:
        rows = con.execute(
            "SELECT currency, COUNT(*), SUM(amount_minor) FROM payment "
            f"WHERE paid_on BETWEEN ? AND ? {where} GROUP BY currency",
            (FIRST.isoformat(), LAST.isoformat(), *args)).fetchall()
    finally:
        con.close()
    return {code: (count, total) for code, count, total in rows}


def test_totals_reconcile_with_the_database(store: Store, ledger: dict[str, int],
                                            tmp_path: Path) -> None:
    path = write_payments_report(store, tmp_path / "q1.pdf", FIRST, LAST, today=TODAY)
    reader, texts = read(path)
    text = " ".join(texts)
    expected = db_totals(store)
    assert set(expected) == {"USD", "EUR", "JPY"}
    assert expected["USD"] == (4, 125_050 * 2 + 99_999 + 4_200)
    late = {"USD": 1, "EUR": 2, "JPY": 1}
    for code, (count, total) in expected.items():
        shown = money(total, code, "en_US")
        # The summary row: currency, payments, paid late, total.
        assert f"{code} {count} {late[code]} {shown}" in text, code
        # The detail's total row, and the contractor and method totals.
        number = shown.rsplit(" ", 1)[0]
        assert f"Total {count} payments {number} {code} {late[code]} late" in text, code
        assert text.count(f"Total {code} {count} {shown}") == 2, code
    assert "All currencies 9 4 —" in text  # counted together, never added up
    assert "1,250.50 USD" not in text.split("Summary")[1].split("Payments per month")[0]
    assert f"Payments, {period_text(FIRST, LAST, 'en_US')}" in text
    assert "page 1 of" in texts[0]


def test_sections_contractors_methods_and_detail(store: Store, ledger: dict[str, int],
                                                 tmp_path: Path) -> None:
    _, texts = read(write_payments_report(store, tmp_path / "q1.pdf", FIRST, LAST,
                                          today=TODAY))
    text = " ".join(texts)
    for section in ("Summary", "Payments per month", "By contractor", "By payment method",
                    "Every payment"):
        assert section in text, section
    assert "Per month, USD" in text and "Per month, EUR" in text and "Per month, JPY" in text
    assert "Jan 2026" in text and "Mar 2026" in text
    assert f"{MAYA} USD 4 {money(354_299, 'USD', 'en_US')}" in text
    assert f"{NOWAK} EUR 3 {money(666_666, 'EUR', 'en_US')}" in text
    assert "Ελένη Παπαδοπούλου 中文 JPY 2 225,000 JPY" in text
    assert "Bank transfer EUR 1 3,333.33 EUR" in text
    assert "Not recorded EUR 1 1,000.01 EUR" in text and "Cash USD 1 42.00 USD" in text
    assert "reported by the processor (form 1099-K)" in text  # a US business paying by card
    # Detail rows: date, contractor, engagement, invoice, reference, method, amount, late.
    assert (f"Feb 20, 2026 {MAYA} Catalogue for {MAYA} INV-M2 BANK-M2 Card 1,250.50 USD "
            "Yes, 5 days") in text
    # Cut to fit its column; the markup prints as typed.
    assert "Mar 31, 2026 Łukasz <b>Nowak</b> &… Catalogue for Łukasz <b>Now… INV-N3" in text
    assert "Yes, 31 days" in text and "Yes, 2 days" in text
    assert f"Feb 1, 2026 {MAYA} +INV-X @petty Cash 42.00 USD No due date" in text
    assert "INV-N0" not in text and "INV-N4" not in text  # outside the quarter
    assert "=E2" in text  # printed as typed: only the CSV needs neutralising


def test_each_filter_changes_the_totals(store: Store, ledger: dict[str, int],
                                        tmp_path: Path) -> None:
    _, texts = read(write_payments_report(store, tmp_path / "maya.pdf", FIRST, LAST,
                                          contractor_id=ledger["maya"], today=TODAY))
    text = " ".join(texts)
    count, total = db_totals(store, "AND contractor_id = ?", (ledger["maya"],))["USD"]
    assert f"USD {count} 1 {money(total, 'USD', 'en_US')}" in text
    assert "Selection: contractor Maya Okafor." in text
    assert "Nowak" not in text and "EUR" not in text and "JPY" not in text

    _, texts = read(write_payments_report(store, tmp_path / "eur.pdf", FIRST, LAST,
                                          currency="eur", today=TODAY))
    text = " ".join(texts)
    assert db_totals(store, "AND currency = ?", ("EUR",)).keys() == {"EUR"}
    assert f"EUR 3 2 {money(666_666, 'EUR', 'en_US')}" in text and "Selection: currency EUR." in text
    assert "USD" not in text and MAYA not in text and "All currencies" not in text

    _, texts = read(write_payments_report(store, tmp_path / "design.pdf", FIRST, LAST,
                                          tag="Design", today=TODAY))
    text = " ".join(texts)
    tagged = db_totals(store, "AND contractor_id IN (?, ?)", (ledger["maya"], ledger["eleni"]))
    assert tagged.keys() == {"USD", "JPY"}
    for code, (count, total) in tagged.items():
        assert f"Total {code} {count} {money(total, code, 'en_US')}" in text
    assert "Nowak" not in text and "category “Design”" in text

    totals = payment_totals(store, FIRST, LAST, tag="writing", currency="USD")
    assert totals.count == 0 and totals.by_currency == ()


def test_an_empty_period_says_so(store: Store, ledger: dict[str, int], tmp_path: Path) -> None:
    reader, texts = read(write_payments_report(store, tmp_path / "none.pdf",
                                               dt.date(2025, 6, 1), dt.date(2025, 6, 30),
                                               today=TODAY))
    assert len(reader.pages) == 1
    assert "No payments between Jun 1, 2025 and Jun 30, 2025." in texts[0]
    assert "page 1 of 1" in texts[0] and "Every payment" not in texts[0]
    _, texts = read(write_payments_report(store, tmp_path / "none2.pdf", FIRST, LAST,
                                          contractor_id=ledger["maya"], currency="JPY",
                                          today=TODAY))
    assert "No payments between Jan 1, 2026 and Mar 31, 2026 for this selection." in texts[0]
    with pytest.raises(ValueError):
        write_payments_report(store, tmp_path / "bad.pdf", LAST, FIRST)


def test_empty_database_and_no_business_profile(store: Store, tmp_path: Path) -> None:
    reader, texts = read(write_payments_report(store, tmp_path / "e.pdf", FIRST, LAST,
                                               today=TODAY))
    assert "My business · Payments" in texts[0] and "No payments between" in texts[0]
    assert reader.metadata is not None
    assert reader.metadata.title == ("My business — Payments, "
                                     f"{period_text(FIRST, LAST, 'en_US')}")


def test_the_business_locale_formats_every_amount(store: Store, ledger: dict[str, int],
                                                  tmp_path: Path) -> None:
    set_business(store, locale="de_DE", country="DE")
    _, texts = read(write_payments_report(store, tmp_path / "de.pdf", FIRST, LAST,
                                          today=TODAY))
    text = " ".join(texts)
    assert "EUR 3 2 6.666,66 EUR" in text and "JPY 2 1 225.000 JPY" in text
    assert "01.01.2026 – 31.03.2026" in text and "20.02.2026" in text
    assert "1099-K" not in text  # not a US business


def test_metadata(store: Store, ledger: dict[str, int], tmp_path: Path) -> None:
    reader, _ = read(write_payments_report(store, tmp_path / "m.pdf", FIRST, LAST,
                                           tag="design", today=TODAY))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Zoë Ångström Design — Payments, Jan 1, 2026 – Mar 31, 2026"
    assert meta.author == "Zoë Ångström Design"
    assert meta.subject == "Payments made Jan 1, 2026 – Mar 31, 2026; category “design”"
    assert (meta.creator or "").startswith("Crewbook")
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)


def test_many_pages_keep_the_header_on_each(store: Store, tmp_path: Path) -> None:
    set_business(store)
    who = contractors.create(store, make_contractor(display_name="Дмитрий <Иванов>")).id
    with store.transaction() as session:
        session.add_all(Payment(contractor_id=who, paid_on=FIRST + dt.timedelta(days=i % 90),
                                amount_minor=10_000 + i, currency=("USD", "EUR")[i % 2],
                                method="bank transfer", reference=f"R{i:04d}",
                                invoice_number=f"I{i:04d}") for i in range(700))
    reader, texts = read(write_payments_report(store, tmp_path / "long.pdf", FIRST, LAST,
                                               today=TODAY))
    total = len(texts)
    assert total >= 15
    detail_from = next(i for i, t in enumerate(texts) if "Every payment" in t)
    for number, text in enumerate(texts, start=1):
        assert f"page {number} of {total}" in text
        assert "Zoë Ångström Design · Payments Jan 1, 2026 – Mar 31, 2026" in text
        if number - 1 >= detail_from:
            assert text.count(DETAIL_HEADER) == 1, number
    joined = " ".join(texts)
    assert sum(joined.count(f"I{i:04d} R{i:04d}") for i in range(700)) == 700
    for code, (count, sum_minor) in db_totals(store).items():
        assert f"Total {count} payments {money(sum_minor, code, 'en_US').rsplit(' ', 1)[0]}" \
            in joined


def test_payment_lines_stream_in_order_with_days_late(store: Store,
                                                      ledger: dict[str, int]) -> None:
    lines = list(payment_lines(store, FIRST, LAST))
    assert [(x.paid_on, x.id) for x in lines] == sorted((x.paid_on, x.id) for x in lines)
    assert len(lines) == 9
    by_invoice = {x.invoice_number: x for x in lines}
    assert by_invoice["INV-M2"].days_late == 5 and by_invoice["INV-M2"].late
    assert by_invoice["INV-M3"].days_late == 0 and not by_invoice["INV-M3"].late
    assert by_invoice["INV-M1"].days_late == 0  # paid before the due date
    assert by_invoice["+INV-X"].days_late is None and by_invoice["+INV-X"].due_on is None
    assert by_invoice["+INV-X"].engagement_title == ""
    assert by_invoice["INV-N3"].engagement_title == f"Catalogue for {NOWAK}"
    totals = payment_totals(store, FIRST, LAST)
    assert totals.count == 9 and totals.total("EUR") == 666_666
    assert [(m.month.month, m.currency) for m in totals.by_month][:3] == [
        (1, "JPY"), (1, "USD"), (2, "EUR")]
    assert (late_text(None), late_text(0), late_text(1), method_text("")) == (
        "No due date", "No", "Yes, 1 day", "Not recorded")


def test_csv_has_the_same_rows_and_totals(store: Store, ledger: dict[str, int]) -> None:
    out = io.StringIO()
    written = write_payments_csv(store, out, FIRST, LAST)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == PAYMENT_HEADER
    body = rows[1:]
    expected = db_totals(store)
    assert written == len(body) == sum(count for count, _ in expected.values())
    digits = {"USD": 2, "EUR": 2, "JPY": 0}
    for code, (count, total) in expected.items():
        mine = [Decimal(r[6]) for r in body if r[7] == code]
        assert len(mine) == count
        assert sum(mine) == Decimal(total).scaleb(-digits[code])
    assert ["2026-02-20", MAYA, f"Catalogue for {MAYA}", "INV-M2", "BANK-M2", "card",
            "1250.50", "USD", "2026-02-15", "yes", "5"] in body
    petty = next(r for r in body if r[3] == "'+INV-X")  # neutralised for spreadsheets
    assert petty[4] == "'@petty" and petty[8:] == ["", "", ""]
    assert next(r for r in body if r[3] == "INV-=E2")[4] == "BANK-=E2"  # "=" inside is inert
    assert "150000" in {r[6] for r in body if r[7] == "JPY"}
    out_eur = io.StringIO()
    assert write_payments_csv(store, out_eur, FIRST, LAST, currency="EUR") == 3
