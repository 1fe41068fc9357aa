"""The outstanding and overdue report: what was owed on a date, to whom, and how late.

Landscape A4: the totals per currency (never added across currencies), the ageing of each
currency (current, 1–30, 31–60, 61–90 and over 90 days late), then each contractor with
every installment still unpaid on the date and a subtotal per currency. Contractors who have
been waiting longest come first (then by name), since they are the ones to pay or call first.
Everything is read from ``desktop.store.statements.outstanding``, so payments dated after the
report's date are not counted and cancelled installments are not owed. Where a late-payment
rule applies (EU, EEA, UK), what contractors can claim in interest and fixed sums is shown too
(``desktop.store.late_payment``): the cost of paying late, in money.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from reportlab.platypus import Flowable

from desktop.core.i18n import _, ngettext
from desktop.core.late_payment import claim_text, percent_text
from desktop.reports.pdf_base import Paragraph, safe, styles
from desktop.reports.report_kit import (
    Column,
    ReportHeader,
    amount,
    and_list,
    count_text,
    date_text,
    heading,
    kept_note,
    money,
    no_data,
    note,
    prepared_text,
    room_for,
    stream_table,
    totals_table,
    write_report,
)
from desktop.store.db import Store
from desktop.store.late_payment import Claims, late_claims
from desktop.store.reporting import business
from desktop.store.statements import (
    AGEING_BUCKETS,
    AGEING_LABELS,
    OVER_90,
    AgeingRow,
    Outstanding,
    OutstandingContractor,
    outstanding,
)

__all__ = ["AGEING_COLUMNS", "REPORT", "ROW_COLUMNS", "SUMMARY_COLUMNS", "by_most_overdue",
           "write_outstanding_report"]

REPORT = _("Outstanding and overdue")
BUCKETS = (*(key for key, _label in AGEING_BUCKETS), OVER_90)

SUMMARY_COLUMNS = (Column(_("Currency"), 90), Column(_("Contractors"), 90, "R"),
                   Column(_("Installments"), 90, "R"), Column(_("Outstanding"), 160, "R"),
                   Column(_("Of which overdue"), 160, "R"), Column(_("Not yet due"), 161, "R"))
AGEING_COLUMNS = (Column(_("Currency"), 81),
                  *(Column(AGEING_LABELS[key], 111, "R") for key in BUCKETS),
                  Column(_("Total"), 114, "R"))
CLAIM_COLUMNS = (Column(_("Currency"), 90), Column(_("Interest accrued"), 160, "R"),
                 Column(_("Fixed sums"), 160, "R"))
ROW_COLUMNS = (Column(_("Engagement"), 175), Column(_("Installment"), 115),
               Column(_("Due date"), 72), Column(_("Days late"), 50, "R"),
               Column(_("Amount"), 95, "R"), Column(_("Paid"), 95, "R"),
               Column(_("Outstanding"), 95, "R"), Column(_("Currency"), 50))


def by_most_overdue(report: Outstanding) -> list[OutstandingContractor]:
    """The report's order: the longest overdue first, then by name (the store's order)."""
    return sorted(report.contractors, key=lambda c: -c.most_days_late)


def write_outstanding_report(store: Store, path: Path, as_of: dt.date, *,
                             today: dt.date | None = None,
                             should_stop: Callable[[], bool] | None = None) -> Path:
    """Write what was owed on ``as_of`` (installments due by then and not fully paid by
    then) to ``path``. Raises Cancelled, writing nothing, once ``should_stop`` returns True
    (it is asked as pages are laid out)."""
    today = today or dt.date.today()
    info = business(store)
    locale = info.locale
    data = outstanding(store, as_of)
    claims = late_claims(store, as_of)
    day = date_text(as_of, locale)
    header = ReportHeader(info.name, REPORT, _("As of {date}").format(date=day),
                          prepared_text(today, locale))
    return write_report(Path(path), header, _story(data, claims, locale), should_stop=should_stop,
                        landscape=True,
                        subject=_("Outstanding and overdue installments as of {date}").format(
                            date=day),
                        keywords=(_("outstanding"), _("overdue"), _("ageing"), *data.totals))


def _days(count: int, locale: str) -> str:
    return ngettext("{count} day", "{count} days", count).format(
        count=count_text(count, locale))


def _story(data: Outstanding, claims: Claims, locale: str) -> Iterator[Flowable]:
    as_of = data.as_of
    day = date_text(as_of, locale)
    yield Paragraph(safe(_("Outstanding and overdue as of {date}").format(date=day)),
                    styles().title)
    yield note(_("Every installment due on or before {date} and not fully paid by then. "
                 "Payments dated later are not counted; cancelled installments are not owed. "
                 "Archived and demo contractors are included.").format(date=day))
    later = ", ".join(money(v, code, locale) for code, v in data.not_yet_due.items())
    if not data.count:
        yield no_data(_("Nothing was outstanding on {date}: every installment due by then had "
                        "been paid in full.").format(date=day))
        if later:
            yield note(_("Not yet due on {date}: {amounts}.").format(date=day, amounts=later))
        return

    yield heading(_("Totals per currency"))
    ageing = {row.currency: row for row in data.ageing}
    currencies = sorted(set(data.totals) | set(data.not_yet_due))
    yield from stream_table(SUMMARY_COLUMNS, (_summary_row(data, code, ageing, locale)
                                              for code in currencies))
    yield note(_("Amounts in different currencies are never added together or converted. "
                 "Not yet due is what falls due after this date, shown for context."))

    yield heading(_("Ageing"))
    yield from stream_table(AGEING_COLUMNS, (
        (row.currency, *(money(getattr(row, key), row.currency, locale) for key in BUCKETS),
         money(row.total, row.currency, locale)) for row in data.ageing))
    yield note(_("Days late on {date}: current is due on that day; each column counts the "
                 "days since the due date.").format(date=day))
    if claims:
        yield from _cost_of_paying_late(claims, locale)

    for n, group in enumerate(by_most_overdue(data)):
        # The section's heading goes with its first contractor, never alone at a page foot.
        yield from _contractor(group, claims, locale, lead=n == 0)


def _cost_of_paying_late(claims: Claims, locale: str) -> Iterator[Flowable]:
    yield heading(_("Cost of paying late"))
    currencies = sorted(set(claims.interest) | set(claims.compensation))
    yield from stream_table(CLAIM_COLUMNS, (
        (code, money(claims.interest.get(code, 0), code, locale),
         money(claims.compensation.get(code, 0), code, locale)) for code in currencies))
    rates = sorted({(c.reference_on, c.rate_bp) for c in claims.by_installment.values()
                    if c.rate_bp is not None})
    used = "; ".join(_("{rate} a year for debts late from {date}").format(
        rate=percent_text(bp), date=date_text(on, locale)) for on, bp in rates)
    text = _("What contractors can claim by law on the payments still unpaid: simple interest "
             "from the day after each due date at the reference rate in force when that "
             "half-year began plus the rule's margin, and a fixed sum per late payment.")
    if used:
        text += " " + _("Rates used: {rates}.").format(rates=used)
    stale = claims.unchecked + claims.missing
    if stale:
        text += " " + _("The {names} reference rate has not been checked for the latest "
                        "half-year: check it in Settings ▸ Reference rates.").format(
                            names=and_list(stale))
    yield note(text)


def _summary_row(data: Outstanding, code: str, ageing: dict[str, AgeingRow],
                 locale: str) -> Sequence[object]:
    rows = [r for c in data.contractors for r in c.rows if r.currency == code]
    people = len({c.contractor_id for c in data.contractors if code in c.totals})
    row = ageing.get(code)
    overdue = row.total - row.current if row is not None else 0
    return (code, f"{people:,}", f"{len(rows):,}", money(data.totals.get(code, 0), code, locale),
            money(overdue, code, locale), money(data.not_yet_due.get(code, 0), code, locale))


def _contractor(group: OutstandingContractor, claims: Claims, locale: str, *,
                lead: bool = False) -> Iterator[Flowable]:
    about = [part for part in (group.company, group.email) if part]
    late = group.most_days_late
    about.append(_("longest overdue {days}").format(days=_days(late, locale)) if late
                 else _("nothing overdue yet"))
    if group.is_demo:
        about.append(_("demo data"))
    yield room_for(len(group.rows), len(group.totals), extra=36 if lead else 0)
    if lead:
        yield heading(_("By contractor"))
        yield kept_note(_("Those waiting longest come first."))
    yield heading(group.name)
    yield kept_note(" · ".join(about))
    yield from stream_table(ROW_COLUMNS, (
        (r.engagement_title, r.label, date_text(r.due_on, locale), f"{r.days_late:,}",
         amount(r.amount_minor, r.currency, locale), amount(r.paid_minor, r.currency, locale),
         amount(r.outstanding_minor, r.currency, locale), r.currency) for r in group.rows))
    sums: dict[str, list[int]] = {}
    for r in group.rows:
        line = sums.setdefault(r.currency, [0, 0, 0])
        line[0] += 1
        line[1] += r.amount_minor
        line[2] += r.paid_minor
    yield totals_table(ROW_COLUMNS, [
        (_("Subtotal"), ngettext("{count} installment", "{count} installments",
                                 sums[code][0]).format(count=count_text(sums[code][0], locale)),
         "", "", amount(sums[code][1], code, locale), amount(sums[code][2], code, locale),
         amount(total, code, locale), code)
        for code, total in group.totals.items()])
    owed = [(r, claims.by_installment[r.installment_id]) for r in group.rows
            if r.installment_id in claims.by_installment]
    if owed:
        yield note(_("They can claim: {claims}.").format(claims="; ".join(
            f"{r.engagement_title} — {r.label}: {claim_text(c)}" for r, c in owed)))
