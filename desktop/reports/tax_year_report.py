"""The year-end tax summary: who was paid in a tax year, with which tax form on file, and which
US contractors are 1099-NEC filing candidates.

Landscape A4: the year's 1099-NEC threshold with its legal source and the day it was checked
(read from the settings table, never written here), the totals per currency, the filing
candidates, every contractor paid in the year (tax form, masked tax id, totals per currency,
the USD split between 1099-NEC and the processor's 1099-K) and the contractors whose tax
paperwork is incomplete. Everything is read from ``desktop.store.tax_year.tax_year_summary``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from reportlab.platypus import CondPageBreak, Flowable

from desktop.core.enums import TaxForm
from desktop.core.i18n import _, ngettext
from desktop.reports.pdf_base import Paragraph, safe, styles
from desktop.reports.report_kit import (
    HEAD_HEIGHT,
    ROW_HEIGHT,
    Column,
    ReportHeader,
    amount,
    count_text,
    date_text,
    heading,
    money,
    no_data,
    note,
    period_text,
    prepared_text,
    stream_table,
    totals_table,
    write_report,
)
from desktop.store.db import Store
from desktop.store.form_1099 import US, US_FORM, USD
from desktop.store.reporting import business
from desktop.store.tax_year import (
    MISSING_COUNTRY,
    MISSING_TAX_FORM,
    MISSING_TAX_ID,
    TaxYearLine,
    TaxYearSummary,
    tax_year_summary,
)

__all__ = ["CANDIDATE_COLUMNS", "CONTRACTOR_COLUMNS", "FLAGGED_COLUMNS", "REPORT",
           "SUMMARY_COLUMNS", "flag_text", "threshold_text", "write_tax_year_report"]

REPORT = _("Year-end tax summary")
CANDIDATES = _("Filing candidates ({form})").format(form=US_FORM)

SUMMARY_COLUMNS = (Column(_("Currency"), 90), Column(_("Contractors paid"), 110, "R"),
                   Column(_("Total paid"), 180, "R"), Column(US_FORM, 180, "R"),
                   Column(_("1099-K (card, platform)"), 191, "R"))
CANDIDATE_COLUMNS = (Column(_("Contractor"), 160), Column(_("Legal name"), 150),
                     Column(_("Kind"), 60), Column(_("Tax ID"), 70), Column("W-9", 180),
                     Column(_("1099-NEC total"), 130, "R"))
W9_MISSING = _("W-9 missing: request it; backup withholding may apply")
CONTRACTOR_COLUMNS = (Column(_("Contractor"), 150), Column(_("Country"), 44),
                      Column(_("Tax form"), 100), Column(_("Tax ID"), 62),
                      Column(_("Paid"), 100, "R"), Column(_("1099-NEC USD"), 80, "R"),
                      Column(_("1099-K USD"), 80, "R"), Column(_("Missing"), 135))
FLAGGED_COLUMNS = (Column(_("Contractor"), 190), Column(_("Country"), 60),
                   Column(_("Tax form"), 110), Column(_("Tax ID"), 80),
                   Column(_("To complete"), 311))

_SHORT = {MISSING_TAX_FORM: _("tax form"), MISSING_TAX_ID: _("tax id"),
          MISSING_COUNTRY: _("country")}


def write_tax_year_report(store: Store, path: Path, year: int, *,
                          today: dt.date | None = None,
                          should_stop: Callable[[], bool] | None = None) -> Path:
    """Write the summary of tax year ``year`` (the business's tax year starting in that
    calendar year) to ``path``. Raises Cancelled, writing nothing, once ``should_stop``
    returns True (it is asked as pages are laid out)."""
    today = today or dt.date.today()
    info = business(store)
    locale = info.locale
    data = tax_year_summary(store, year)
    period = _("Tax year {year}: {period}").format(
        year=year, period=period_text(data.first, data.last, locale))
    header = ReportHeader(info.name, REPORT, period,
                          prepared_text(today, locale))
    return write_report(Path(path), header, _story(data, locale), should_stop=should_stop,
                        landscape=True,
                        subject=_("Payments per contractor and {form} filing candidates, "
                                  "tax year {year}").format(form=US_FORM, year=year),
                        keywords=(_("tax year"), str(year), US_FORM, "1099-K", *data.totals))


# --- words ----------------------------------------------------------------------------------
def threshold_text(data: TaxYearSummary, locale: str) -> str:
    """"1099-NEC threshold for tax year 2026: 2,000.00 USD (source: …; checked …)." or why
    there is none."""
    t = data.threshold
    if t is None:
        return _("No {form} reporting threshold is recorded for tax year {year}, so nobody can "
                 "be listed as a filing candidate. Add the year's threshold to Crewbook's "
                 "reporting thresholds before relying on this summary.").format(
                     form=US_FORM, year=data.year)
    return _("{form} threshold for {year}: {amount} (source: {source}; checked {date}).").format(
        form=t.form, year=data.year, amount=money(t.amount_minor, t.currency, locale),
        source=t.source, date=date_text(t.checked_on, locale))


def calendar_note(data: TaxYearSummary, locale: str) -> str:
    """Where the tax year is not the calendar year, which months the 1099-NEC part covers."""
    if (data.first, data.last) == (data.nec_first, data.nec_last):
        return ""
    return _("{form} follows the calendar year whatever the business's own tax year: its "
             "amounts and candidates here are for payments made {period}.").format(
                 form=US_FORM, period=period_text(data.nec_first, data.nec_last, locale))


def _name(line: TaxYearLine) -> str:
    marks = [m for m, on in ((_("archived"), line.archived), (_("demo"), line.is_demo)) if on]
    return line.name + (f" ({', '.join(marks)})" if marks else "")


def _form(line: TaxYearLine, locale: str) -> str:
    if line.tax_form is TaxForm.NONE:
        return _("None")
    if line.tax_form_on is None:
        return line.tax_form_label
    return f"{line.tax_form_label}, {date_text(line.tax_form_on, locale)}"


def _tax_id(line: TaxYearLine) -> str:
    return line.masked_tax_id if line.has_tax_id else _("missing")


def flag_text(line: TaxYearLine) -> str:
    """What a flagged contractor's paperwork lacks, in words."""
    parts = []
    for flag in line.flags:
        if flag == MISSING_TAX_FORM:
            parts.append(_missing_form_text(line))
        elif flag == MISSING_TAX_ID:
            parts.append(_("Missing tax id"))
        elif flag == MISSING_COUNTRY:
            parts.append(_("Missing country: the form that applies is unknown"))
        else:
            parts.append(flag[:1].upper() + flag[1:])
    return "; ".join(parts)


def _missing_form_text(line: TaxYearLine) -> str:
    if line.country == US:
        if line.needs_w9:
            return _("Missing tax form: ask for a W-9 (the {form} total reaches the threshold: "
                     "backup withholding may apply)").format(form=US_FORM)
        return _("Missing tax form: ask for a W-9")
    if line.needs_w9:
        return _("Missing tax form: ask for a W-8BEN, or a W-9 from a US person (the {form} "
                 "total reaches the threshold: backup withholding may apply)").format(
                     form=US_FORM)
    return _("Missing tax form: ask for a W-8BEN, or a W-9 from a US person")


# --- the story ------------------------------------------------------------------------------
def _story(data: TaxYearSummary, locale: str) -> Iterator[Flowable]:
    year = data.year
    period = period_text(data.first, data.last, locale)
    yield Paragraph(safe(_("Year-end tax summary, tax year {year}").format(year=year)),
                    styles().title)
    yield note(_("Payments made {period}, counted by the day they were paid. Archived and demo "
                 "contractors are included and marked.").format(period=period))
    if data.threshold is None:
        yield no_data(threshold_text(data, locale))
    else:
        yield Paragraph(safe(threshold_text(data, locale)), styles().body)
    if calendar_note(data, locale):
        yield note(calendar_note(data, locale))
    if not data.lines:
        yield no_data(_("No payments were made in tax year {year} ({period}): there is nothing "
                        "to report.").format(year=year, period=period))
        return

    yield heading(_("Summary"))
    counts: dict[str, int] = {}
    for line in data.lines:
        for code in line.totals:
            counts[code] = counts.get(code, 0) + 1
    yield from stream_table(SUMMARY_COLUMNS, (
        (code, f"{counts[code]:,}", money(total, code, locale),
         money(data.nec_minor, USD, locale) if code == USD else "—",
         money(data.processor_minor, USD, locale) if code == USD else "—")
        for code, total in data.totals.items()))
    paid = ngettext("{count} contractor paid", "{count} contractors paid",
                    data.contractors).format(count=count_text(data.contractors, locale))
    candidates = ngettext("{count} {form} filing candidate", "{count} {form} filing candidates",
                          data.candidates).format(count=count_text(data.candidates, locale),
                                                  form=US_FORM)
    flagged = ngettext("{count} with incomplete tax details",
                       "{count} with incomplete tax details",
                       data.flagged).format(count=count_text(data.flagged, locale))
    yield note(_("{paid}; {candidates}; {flagged}. Amounts in different currencies are never "
                 "added together or converted.").format(paid=paid, candidates=candidates,
                                                        flagged=flagged))

    yield from _candidates(data, locale)

    yield heading(_("Every contractor paid in tax year {year}").format(year=year))
    yield from stream_table(CONTRACTOR_COLUMNS, _contractor_rows(data, locale))
    yield totals_table(CONTRACTOR_COLUMNS, [
        (_("Total"), "", "", "", money(total, code, locale),
         amount(data.nec_minor, USD, locale) if code == USD else "",
         amount(data.processor_minor, USD, locale) if code == USD else "", "")
        for code, total in data.totals.items()])

    yield heading(_("Flagged contractors"))
    flagged = [line for line in data.lines if line.flags]
    if flagged:
        cell = styles().cell
        yield from stream_table(FLAGGED_COLUMNS, (
            (_name(line), line.country or "—", _form(line, locale), _tax_id(line),
             Paragraph(safe(flag_text(line)), cell)) for line in flagged))
    else:
        yield note(_("Every contractor paid in tax year {year} has a tax form, a tax id and a "
                     "country on file.").format(year=year))

    yield heading(_("About 1099-NEC and 1099-K"))
    yield note(_("Only USD payments count toward {form}. Payments by card or through a "
                 "payment platform are reported by the card processor or platform on Form "
                 "1099-K, not by the payer: they are totalled apart under 1099-K and do not "
                 "count toward the {form} threshold. A payment with no method recorded counts "
                 "toward {form}. A filing candidate is a contractor in the US whose {form} "
                 "total for the calendar year reaches that year's threshold, with or without a "
                 "W-9 on file (without one, request it: backup withholding may apply); check "
                 "each one with your accountant before filing.").format(form=US_FORM))


def _candidates(data: TaxYearSummary, locale: str) -> Iterator[Flowable]:
    chosen = [line for line in data.lines if line.candidate]
    # A short list starts on a page that holds it, its heading and its total together.
    rows = len(chosen) if len(chosen) <= 10 else 3
    yield CondPageBreak(23 + HEAD_HEIGHT + (rows + 1) * ROW_HEIGHT + 10)
    yield heading(CANDIDATES)
    if data.threshold is None:
        yield note(_("None listed: no {form} threshold is recorded for tax year {year}.").format(
            form=US_FORM, year=data.year))
        return
    if not chosen:
        yield note(_("No contractor is a {form} filing candidate for tax year {year}.").format(
            form=US_FORM, year=data.year))
    else:
        cell = styles().cell
        yield from stream_table(CANDIDATE_COLUMNS, (
            (_name(line), line.legal_name or "—", line.kind.label, _tax_id(line),
             Paragraph(safe(_w9(line, locale)), cell), money(line.nec_minor, USD, locale))
            for line in chosen))
        yield totals_table(CANDIDATE_COLUMNS, [
            (_("Total"), ngettext("{count} candidate", "{count} candidates", len(chosen)).format(
                count=count_text(len(chosen), locale)), "", "",
             "", money(sum(line.nec_minor for line in chosen), USD, locale))])
    missing = sum(line.needs_w9 for line in chosen)
    if missing:
        yield note(ngettext(
            "{count} candidate has no W-9 on file: request it before filing; until it arrives, "
            "backup withholding may apply to further payments.",
            "{count} candidates have no W-9 on file: request it before filing; until it "
            "arrives, backup withholding may apply to further payments.",
            missing).format(count=count_text(missing, locale)))


def _w9(line: TaxYearLine, locale: str) -> str:
    if line.needs_w9:
        return W9_MISSING
    if line.tax_form_on:
        return _("received {date}").format(date=date_text(line.tax_form_on, locale))
    return _("received, date not recorded")


def _contractor_rows(data: TaxYearSummary, locale: str) -> Iterator[Sequence[object]]:
    """One row per contractor. Paid in several currencies, the row has a line per currency:
    the paid cell lists them and the 1099 cells put their USD amounts on the USD line."""
    right = styles().right
    for line in data.lines:
        has_usd = USD in line.totals
        nec: object = amount(line.nec_minor, USD, locale) if has_usd else "—"
        card: object = amount(line.processor_minor, USD, locale) if has_usd else "—"
        paid: object = "; ".join(money(v, c, locale) for c, v in line.totals.items())
        if len(line.totals) > 1:
            codes = list(line.totals)
            paid = Paragraph("<br/>".join(safe(money(v, c, locale))
                                          for c, v in line.totals.items()), right)
            if has_usd:
                nec, card = (_on_usd_line(str(nec), codes), _on_usd_line(str(card), codes))
        yield (_name(line), line.country or "—", _form(line, locale), _tax_id(line), paid,
               nec, card, ", ".join(_SHORT.get(flag, flag) for flag in line.flags))


def _on_usd_line(text: str, codes: Sequence[str]) -> Flowable:
    """``text`` on the line of a multi-currency cell that holds USD; a no-break space keeps
    the other lines, so the amount sits beside the USD total."""
    return Paragraph("<br/>".join(safe(text) if code == USD else "&#160;" for code in codes),
                     styles().right)
