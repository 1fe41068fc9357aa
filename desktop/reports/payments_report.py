"""The payments report: every payment made in a period (a month, a quarter, a tax year or any
dates), in a form an accountant can tick against the bank statement.

Landscape A4: the totals per currency (never added across currencies), a bar chart of each
main currency per month, totals by contractor and by payment method, then every payment in date
order. The detail is streamed from the database a page at a time, so the report's memory stays
flat however many payments there are; the totals are SQL sums of the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from reportlab.platypus import Flowable, Table, TableStyle

from desktop.core.i18n import _, ngettext
from desktop.core.payments import REPORTED_BY_PROCESSOR
from desktop.core.validation import ConflictError
from desktop.reports.pdf_base import Paragraph, safe, styles
from desktop.reports.report_kit import (
    Column,
    ReportHeader,
    amount,
    bar_chart,
    content_width,
    count_text,
    date_text,
    heading,
    money,
    month_text,
    no_data,
    note,
    period_text,
    prepared_text,
    stream_table,
    totals_table,
    write_report,
)
from desktop.store import contractors
from desktop.store.db import Store
from desktop.store.form_1099 import US
from desktop.store.payment_lines import PaymentTotals, payment_lines, payment_totals
from desktop.store.reporting import BusinessInfo, business

__all__ = ["DETAIL_COLUMNS", "REPORT", "late_text", "method_text", "write_payments_report"]

REPORT = _("Payments")
CHARTED = 3  # currencies with a chart; any others are named under the charts

SUMMARY_COLUMNS = (Column(_("Currency"), 90), Column(_("Payments"), 80, "R"),
                   Column(_("Paid late"), 80, "R"), Column(_("Total"), 150, "R"))
CONTRACTOR_COLUMNS = (Column(_("Contractor"), 330), Column(_("Currency"), 70),
                      Column(_("Payments"), 80, "R"), Column(_("Total"), 150, "R"))
METHOD_COLUMNS = (Column(_("Method"), 330), Column(_("Currency"), 70),
                  Column(_("Payments"), 80, "R"), Column(_("Total"), 150, "R"))
DETAIL_COLUMNS = (Column(_("Date"), 62), Column(_("Contractor"), 123),
                  Column(_("Engagement"), 138), Column(_("Invoice"), 70),
                  Column(_("Reference"), 92), Column(_("Method"), 80),
                  Column(_("Amount"), 74, "R"), Column(_("Currency"), 48),
                  Column(_("Paid late"), 64))

# The payment methods Crewbook offers (desktop.core.payments.METHODS), as a reader sees them.
METHOD_LABELS = {"bank transfer": _("Bank transfer"), "card": _("Card"),
                 "payment platform": _("Payment platform"), "cheque": _("Cheque"),
                 "cash": _("Cash"), "other": _("Other")}


def method_text(method: str) -> str:
    if not method:
        return _("Not recorded")
    return METHOD_LABELS.get(method) or method[:1].upper() + method[1:]


def late_text(days_late: int | None) -> str:
    if days_late is None:
        return _("No due date")
    if days_late == 0:
        return _("No")
    return ngettext("Yes, {count} day", "Yes, {count} days", days_late).format(count=days_late)


def write_payments_report(store: Store, path: Path, first: dt.date, last: dt.date, *,
                          contractor_id: int | None = None, currency: str | None = None,
                          tag: str | None = None, today: dt.date | None = None,
                          should_stop: Callable[[], bool] | None = None) -> Path:
    """Write the payments made from ``first`` to ``last`` (both included) to ``path``,
    optionally only one contractor's, one currency's or one skill tag's (the category)."""
    if last < first:
        raise ValueError(_("the period ends before it starts"))
    info = business(store)
    today = today or dt.date.today()
    filters = dict(contractor_id=contractor_id, currency=currency.upper() if currency else None,
                   tag=tag)
    totals = payment_totals(store, first, last, **filters)
    period = period_text(first, last, info.locale)
    scope = _scope(store, contractor_id, filters["currency"], tag)
    header = ReportHeader(info.name, REPORT, period,
                          prepared_text(today, info.locale))
    story = _story(store, info, totals, first, last, scope, filters)
    subject = (_("Payments made {period}; {selection}").format(period=period, selection=scope)
               if scope else _("Payments made {period}").format(period=period))
    keywords = (_("payments"), _("accounts"), *(t.currency for t in totals.by_currency))
    return write_report(Path(path), header, story, landscape=True, subject=subject,
                        keywords=keywords, should_stop=should_stop)


def _scope(store: Store, contractor_id: int | None, currency: str | None,
           tag: str | None) -> str:
    """The filters in words ("" when the report covers everything)."""
    parts = []
    if contractor_id is not None:
        try:
            name = contractors.get_row(store, contractor_id).display_name
        except ConflictError:
            name = _("number {number} (no longer in Crewbook)").format(number=contractor_id)
        parts.append(_("contractor {name}").format(name=name))
    if tag is not None:
        parts.append(_("category “{tag}”").format(tag=tag))
    if currency:
        parts.append(_("currency {currency}").format(currency=currency))
    return "; ".join(parts)


def _story(store: Store, info: BusinessInfo, totals: PaymentTotals, first: dt.date,
           last: dt.date, scope: str, filters: dict) -> Iterator[Flowable]:
    locale = info.locale
    yield Paragraph(safe(_("Payments, {period}").format(period=period_text(first, last, locale))),
                    styles().title)
    yield note(_("Selection: {selection}.").format(selection=scope) if scope
               else _("All contractors, all currencies."))
    if not totals.count:
        days = dict(first=date_text(first, locale), last=date_text(last, locale))
        yield no_data(_("No payments between {first} and {last} for this selection.").format(
            **days) if scope else _("No payments between {first} and {last}.").format(**days))
        return

    yield heading(_("Summary"))
    late = sum(t.late for t in totals.by_currency)
    yield from stream_table(SUMMARY_COLUMNS, (
        (t.currency, t.count, t.late, money(t.total_minor, t.currency, locale))
        for t in totals.by_currency))
    if len(totals.by_currency) > 1:
        yield totals_table(SUMMARY_COLUMNS, [(_("All currencies"), totals.count, late, "—")])
        yield note(_("Totals are per currency: amounts in different currencies are never "
                     "added together or converted."))

    yield from _charts(totals, first, last, locale)

    yield heading(_("By contractor"))
    yield from stream_table(CONTRACTOR_COLUMNS, (
        (t.name, t.currency, t.count, money(t.total_minor, t.currency, locale))
        for t in totals.by_contractor))
    yield totals_table(CONTRACTOR_COLUMNS, _currency_totals(totals, locale))

    yield heading(_("By payment method"))
    yield from stream_table(METHOD_COLUMNS, (
        (method_text(t.method), t.currency, t.count, money(t.total_minor, t.currency, locale))
        for t in totals.by_method))
    yield totals_table(METHOD_COLUMNS, _currency_totals(totals, locale))
    if info.country.upper() == US and any(t.method in REPORTED_BY_PROCESSOR
                                            for t in totals.by_method):
        yield note(_("Card and payment-platform payments are reported by the processor "
                     "(form 1099-K), not by the payer."))

    yield heading(_("Every payment"))
    yield from stream_table(DETAIL_COLUMNS, _detail_rows(store, first, last, locale, filters))
    yield totals_table(DETAIL_COLUMNS, [
        (_("Total"), "", "", "", "",
         ngettext("{count} payment", "{count} payments", t.count).format(
             count=count_text(t.count, locale)),
         amount(t.total_minor, t.currency, locale), t.currency,
         _("{count} late").format(count=count_text(t.late, locale)))
        for t in totals.by_currency])


def _currency_totals(totals: PaymentTotals, locale: str) -> list[Sequence[object]]:
    return [(_("Total"), t.currency, t.count, money(t.total_minor, t.currency, locale))
            for t in totals.by_currency]


def _detail_rows(store: Store, first: dt.date, last: dt.date, locale: str,
                 filters: dict) -> Iterator[Sequence[object]]:
    for line in payment_lines(store, first, last, **filters):
        yield (date_text(line.paid_on, locale), line.contractor_name, line.engagement_title,
               line.invoice_number, line.reference, method_text(line.method),
               amount(line.amount_minor, line.currency, locale), line.currency,
               late_text(line.days_late))


def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    month = first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _charts(totals: PaymentTotals, first: dt.date, last: dt.date,
            locale: str) -> Iterator[Flowable]:
    """One small chart per main currency (the most used first), side by side."""
    ranked = sorted(totals.by_currency, key=lambda t: (-t.count, t.currency))
    charted = [t.currency for t in ranked[:CHARTED]]
    per_month = {(m.month, m.currency): m.total_minor for m in totals.by_month}
    months = _months(first, last)
    width = content_width(landscape=True) / CHARTED
    drawings = [bar_chart([(month_text(m, locale), per_month.get((m, code), 0))
                           for m in months], code, locale, width=width - 16, height=118)
                for code in charted]
    yield heading(_("Payments per month"))
    row = Table([drawings], colWidths=[width] * len(drawings), hAlign="LEFT")
    row.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 8),  # room for slanted labels
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    yield row
    rest = [t.currency for t in ranked[CHARTED:]]
    if rest:
        yield note(_("Not charted: {currencies} (see the summary above).").format(
            currencies=", ".join(sorted(rest))))
