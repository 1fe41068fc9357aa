"""The contractor statement: one contractor, every engagement in a period, its installments due
and paid, what is still owed per currency and how reliably we paid.

Landscape A4 (three amount columns with their currency code do not fit a portrait page
without cutting large amounts): who the contractor is and which tax form is on file, the
on-time rate, the totals per currency (never added across currencies), then each engagement
with the installments that fell due in the period, and every payment made in the period.
Everything is read from ``desktop.store.statements.statement`` as of the period's last day,
or today while the period is still running.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from babel.numbers import format_decimal, format_percent
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from desktop.core.enums import InstallmentStatus, TaxForm
from desktop.core.i18n import _, ngettext
from desktop.core.payments import OnTimeRecord
from desktop.reports.payments_report import method_text
from desktop.reports.pdf_base import FONT_BOLD, MUTED, RULE, SHADE, Paragraph, safe, styles
from desktop.reports.report_kit import (
    Column,
    ReportHeader,
    content_width,
    count_text,
    date_text,
    heading,
    kept_note,
    money,
    no_data,
    note,
    period_text,
    prepared_text,
    room_for,
    stream_table,
    totals_table,
    write_report,
)
from desktop.store.db import Store
from desktop.store.reporting import business
from desktop.store.statements import (
    Statement,
    StatementContractor,
    StatementEngagement,
    StatementInstallment,
    statement,
)

__all__ = ["INSTALLMENT_COLUMNS", "PAYMENT_COLUMNS", "REPORT", "TOTAL_COLUMNS", "on_time_text",
           "write_statement_report"]

REPORT = _("Contractor statement")

TOTAL_COLUMNS = (Column(_("Currency"), 90), Column(_("Due in period"), 165, "R"),
                 Column(_("Paid in period"), 165, "R"), Column(_("Balance due"), 165, "R"),
                 Column(_("Not yet due"), 165, "R"))
INSTALLMENT_COLUMNS = (Column(_("Installment"), 220), Column(_("Due"), 80),
                       Column(_("Amount"), 100, "R"), Column(_("Paid"), 100, "R"),
                       Column(_("Outstanding"), 100, "R"), Column(_("Status"), 80),
                       Column(_("Days late"), 70, "R"))
PAYMENT_COLUMNS = (Column(_("Date"), 80), Column(_("Engagement"), 190),
                   Column(_("Installment"), 120), Column(_("Invoice"), 85),
                   Column(_("Reference"), 95), Column(_("Method"), 80),
                   Column(_("Amount"), 100, "R"))


def write_statement_report(store: Store, path: Path, contractor_id: int, first: dt.date,
                           last: dt.date, *, today: dt.date | None = None,
                           should_stop: Callable[[], bool] | None = None) -> Path:
    """Write contractor ``contractor_id``'s statement for ``first`` to ``last`` (both
    included) to ``path``. Raises ConflictError for an unknown contractor and
    ValidationError when the period ends before it starts (see ``statement``), and Cancelled,
    writing nothing, once ``should_stop`` returns True (it is asked as pages are laid out)."""
    today = today or dt.date.today()
    info = business(store)
    data = statement(store, contractor_id, first, last, today)
    locale = info.locale
    period = period_text(first, last, locale)
    who = data.contractor.name
    header = ReportHeader(info.name, f"{REPORT}: {who}", period,
                          prepared_text(today, locale))
    currencies = _currencies(data)
    return write_report(Path(path), header, _story(data, locale), should_stop=should_stop,
                        landscape=True,
                        subject=_("Statement for {name}, {period}").format(name=who,
                                                                           period=period),
                        keywords=(_("statement"), _("contractor"), *currencies))


# --- words ----------------------------------------------------------------------------------
def _days(count: float, locale: str) -> str:
    number = format_decimal(round(count, 1), format="#,##0.#", locale=locale)
    # Plural rules count whole numbers: a fraction of a day reads as "days".
    forms = 1 if count == 1 else int(count) if float(count).is_integer() else 2
    return ngettext("{count} day", "{count} days", forms).format(count=number)


def on_time_text(record: OnTimeRecord, locale: str) -> str:
    """"Paid on time: 7 of 9 installments (78%); late ones by 4 days on average." with the
    percentage in the locale's style."""
    if record.counted == 0:
        return _("Paid on time: no installment had fallen due yet.")
    rate = record.rate or 0.0
    values = dict(on_time=count_text(record.on_time, locale),
                  counted=count_text(record.counted, locale),
                  percent=format_percent(rate, locale=locale))
    if record.counted == record.on_time:
        return ngettext("Paid on time: {on_time} of {counted} installment ({percent}).",
                        "Paid on time: {on_time} of {counted} installments ({percent}).",
                        record.counted).format(**values)
    return ngettext("Paid on time: {on_time} of {counted} installment ({percent}); late ones "
                    "by {days} on average.",
                    "Paid on time: {on_time} of {counted} installments ({percent}); late ones "
                    "by {days} on average.",
                    record.counted).format(days=_days(record.average_days_late, locale),
                                           **values)


def _tax_form_text(person: StatementContractor, locale: str) -> str:
    if person.tax_form is TaxForm.NONE:
        return _("None on file")
    if person.tax_form_on is None:
        return _("{form} (date received not recorded)").format(form=person.tax_form_label)
    return _("{form}, received {date}").format(form=person.tax_form_label,
                                               date=date_text(person.tax_form_on, locale))


def _days_late_text(item: StatementInstallment, as_of: dt.date) -> str:
    if item.settled_on is None and item.due_on > as_of:
        return ""  # not due yet
    return f"{item.days_late:,}"


def _currencies(data: Statement) -> list[str]:
    found = set(data.due_in_period) | set(data.paid_in_period) | set(data.balance_due) \
        | set(data.not_yet_due)
    return sorted(found)


# --- flowables ------------------------------------------------------------------------------
def _contractor_block(person: StatementContractor, as_of: dt.date, locale: str) -> Flowable:
    """Who the statement is for, as label and value pairs in two columns."""
    st = styles()
    label = ParagraphStyle("block-label", parent=st.small, fontName=FONT_BOLD, textColor=MUTED)
    marks = [m for m, on in ((_("Archived"), person.archived),
                             (_("Demo data"), person.is_demo)) if on]
    pairs = [
        ((_("Name"), person.name), (_("Country"), person.country or _("Not recorded"))),
        ((_("Legal name"), person.legal_name or "—"),
         (_("Tax form"), _tax_form_text(person, locale))),
        ((_("Company"), person.company or "—"), (_("Marked"), ", ".join(marks) or "—")),
        ((_("Email"), person.email or "—"), (_("Figures as of"), date_text(as_of, locale))),
    ]
    rows = [[Paragraph(safe(a), label), Paragraph(safe(b), st.body),
             Paragraph(safe(c), label), Paragraph(safe(d), st.body)]
            for (a, b), (c, d) in pairs]
    width = content_width(landscape=True)
    table = Table(rows, colWidths=[80, width / 2 - 80, 80, width / 2 - 80], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    table.spaceAfter = 6
    return table


def _story(data: Statement, locale: str) -> Iterator[Flowable]:
    person = data.contractor
    first, last, as_of = data.first, data.last, data.as_of
    day = date_text(as_of, locale)
    yield Paragraph(safe(_("Statement for {name}, {period}").format(
        name=person.name, period=period_text(first, last, locale))), styles().title)
    yield _contractor_block(person, as_of, locale)
    if as_of < last:
        yield note(_("The period is still running: balances, statuses and days late are as of "
                     "today, {date}.").format(date=day))
    else:
        yield note(_("Balances, statuses and days late are as of {date}, the last day of the "
                     "period; payments recorded after it are not counted.").format(date=day))
    yield Paragraph(safe(on_time_text(data.on_time, locale) + " "
                         + _("Counted over every installment due up to {date}, not only this "
                             "period's.").format(date=day)),
                    styles().body)

    currencies = _currencies(data)
    between = dict(name=person.name, first=date_text(first, locale),
                   last=date_text(last, locale))
    if not currencies and not data.engagements and not data.payments:
        yield no_data(_("Nothing to report for {name} between {first} and {last}: no "
                        "engagements, no installments due, no payments, and nothing owed.")
                      .format(**between))
        return

    yield room_for(len(currencies), 0)
    yield heading(_("Totals per currency"))
    if currencies:
        yield from stream_table(TOTAL_COLUMNS, (
            (code, *(money(part.get(code, 0), code, locale)
                     for part in (data.due_in_period, data.paid_in_period, data.balance_due,
                                  data.not_yet_due)))
            for code in currencies))
        yield note(_("Balance due is everything unpaid on installments due by {date}, older "
                     "arrears included; not yet due is what falls due later. Amounts in "
                     "different currencies are never added together.").format(date=day))
    else:
        yield note(_("Nothing was due or paid in the period, and nothing is owed."))

    if not data.engagements:
        yield heading(_("Engagements"))
        yield note(_("No engagement ran in the period."))
    for n, engagement in enumerate(data.engagements):
        # The section's heading goes with its first engagement, never alone at a page foot.
        yield from _engagement(engagement, as_of, locale, lead=n == 0)

    yield room_for(len(data.payments), len(data.paid_in_period))
    yield heading(_("Payments in the period"))
    if not data.payments:
        yield note(_("No payments to {name} between {first} and {last}.").format(**between))
        return
    no_engagement = _("No engagement")
    yield from stream_table(PAYMENT_COLUMNS, (
        (date_text(p.paid_on, locale), p.engagement_title or no_engagement,
         p.installment_label, p.invoice_number, p.reference, method_text(p.method),
         money(p.amount_minor, p.currency, locale)) for p in data.payments))
    counts: dict[str, int] = {}
    for p in data.payments:
        counts[p.currency] = counts.get(p.currency, 0) + 1
    yield totals_table(PAYMENT_COLUMNS, [
        (_("Total"), ngettext("{count} payment", "{count} payments", counts.get(code, 0))
         .format(count=count_text(counts.get(code, 0), locale)),
         "", "", "", "", money(total, code, locale))
        for code, total in data.paid_in_period.items()])


def _engagement(engagement: StatementEngagement, as_of: dt.date, locale: str, *,
                lead: bool = False) -> Iterator[Flowable]:
    parts = [engagement.status.label]
    if engagement.start_on is not None:
        end = date_text(engagement.end_on, locale) if engagement.end_on else _("open-ended")
        parts.append(f"{date_text(engagement.start_on, locale)} – {end}")
    else:
        parts.append(_("no start date"))
    if engagement.value_minor is not None:
        parts.append(_("value {amount}").format(
            amount=money(engagement.value_minor, engagement.currency, locale)))
    items = engagement.installments
    yield room_for(len(items), len({i.currency for i in items}), extra=23 if lead else 0)
    if lead:
        yield heading(_("Engagements"))
    yield heading(engagement.title)
    if not items:
        yield note(_("{details}. No installments fell due in the period.").format(
            details=" · ".join(parts)))
        return
    yield kept_note(" · ".join(parts))
    yield from stream_table(INSTALLMENT_COLUMNS, (
        (i.label, date_text(i.due_on, locale), money(i.amount_minor, i.currency, locale),
         money(i.paid_minor, i.currency, locale), money(i.outstanding_minor, i.currency, locale),
         _status_text(i.status), _days_late_text(i, as_of)) for i in items))
    yield totals_table(INSTALLMENT_COLUMNS, _installment_totals(items, locale))


def _status_text(status: InstallmentStatus) -> str:
    return _("Not yet due") if status is InstallmentStatus.PLANNED else status.label


def _installment_totals(items: Sequence[StatementInstallment],
                        locale: str) -> list[Sequence[object]]:
    sums: dict[str, list[int]] = {}
    for i in items:
        row = sums.setdefault(i.currency, [0, 0, 0])
        row[0] += i.amount_minor
        row[1] += i.paid_minor
        row[2] += i.outstanding_minor
    return [(_("Total"), "", *(money(v, code, locale) for v in values), "", "")
            for code, values in sorted(sums.items())]
