"""Every report kind, defined once for the Reports tab and `crewbook report`: what each needs to
be chosen, how its PDF and CSV are written (stoppable), and what is wrong with a choice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from desktop.core.i18n import _
from desktop.core.validation import FieldError, ValidationError
from desktop.io.export import csv_file
from desktop.store.db import Store

# What a kind asks for: a period, one contractor, the payments filters (contractor, category,
# currency), a tax year, a day to report on, or the currency a plan is shown in.
PERIOD, CONTRACTOR, FILTERS, TAX_YEAR, AS_OF, CURRENCY = (
    "period", "contractor", "filters", "tax_year", "as_of", "currency")


@dataclass(frozen=True)
class Choice:
    """What the user picked; a report reads the parts it needs."""

    first: dt.date
    last: dt.date
    contractor_id: int | None
    currency: str | None
    tag: str | None
    year: int
    as_of: dt.date
    today: dt.date


Stop = Callable[[], bool]


@dataclass(frozen=True)
class ReportKind:
    key: str
    title: str
    blurb: str
    needs: frozenset[str]
    pdf: Callable[[Store, Path, Choice, Stop], Path]
    csv: Callable[[Store, IO[str], Choice], int] | None  # None: the report is a picture, no rows
    file_stem: Callable[[Choice], str]
    no_csv: str = ""  # why asking for its CSV is refused, when it has none


def _payments_pdf(store: Store, path: Path, c: Choice, stop: Stop) -> Path:
    from desktop.reports.payments_report import write_payments_report

    return write_payments_report(store, path, c.first, c.last, contractor_id=c.contractor_id,
                                 currency=c.currency, tag=c.tag, today=c.today, should_stop=stop)


def _payments_csv(store: Store, out: IO[str], c: Choice) -> int:
    from desktop.io.report_csv import write_payments_csv

    return write_payments_csv(store, out, c.first, c.last, contractor_id=c.contractor_id,
                              currency=c.currency, tag=c.tag)


def _statement_pdf(store: Store, path: Path, c: Choice, stop: Stop) -> Path:
    from desktop.reports.statement_report import write_statement_report

    assert c.contractor_id is not None
    return write_statement_report(store, path, c.contractor_id, c.first, c.last, today=c.today,
                                  should_stop=stop)


def _statement_csv(store: Store, out: IO[str], c: Choice) -> int:
    from desktop.io.report_tables_csv import write_statement_csv

    assert c.contractor_id is not None
    return write_statement_csv(store, out, c.contractor_id, c.first, c.last, today=c.today)


def _tax_pdf(store: Store, path: Path, c: Choice, stop: Stop) -> Path:
    from desktop.reports.tax_year_report import write_tax_year_report

    return write_tax_year_report(store, path, c.year, today=c.today, should_stop=stop)


def _tax_csv(store: Store, out: IO[str], c: Choice) -> int:
    from desktop.io.report_tables_csv import write_tax_year_csv

    return write_tax_year_csv(store, out, c.year)


def _outstanding_pdf(store: Store, path: Path, c: Choice, stop: Stop) -> Path:
    from desktop.reports.outstanding_report import write_outstanding_report

    return write_outstanding_report(store, path, c.as_of, today=c.today, should_stop=stop)


def _outstanding_csv(store: Store, out: IO[str], c: Choice) -> int:
    from desktop.io.report_tables_csv import write_outstanding_csv

    return write_outstanding_csv(store, out, c.as_of)


def _planner_pdf(store: Store, path: Path, c: Choice, stop: Stop) -> Path:
    from desktop.reports.planner_report import write_planner_report

    return write_planner_report(store, path, currency=c.currency, today=c.today,
                                should_stop=stop)


KINDS: tuple[ReportKind, ...] = (
    ReportKind("payments", _("Payments for a period"),
               _("Every payment made, by contractor, method and month, with totals per "
                 "currency."),
               frozenset({PERIOD, FILTERS}), _payments_pdf, _payments_csv,
               lambda c: f"payments-{c.first.isoformat()}-to-{c.last.isoformat()}"),
    ReportKind("statement", _("Contractor statement"),
               _("One contractor: engagements, installments due and paid, balance, on-time "
                 "rate."),
               frozenset({PERIOD, CONTRACTOR}), _statement_pdf, _statement_csv,
               lambda c: f"statement-{c.contractor_id}-{c.first.isoformat()}-to-{c.last.isoformat()}"),
    ReportKind("tax-year", _("Year-end tax summary"),
               _("Totals per contractor, tax forms on file and 1099-NEC filing candidates."),
               frozenset({TAX_YEAR}), _tax_pdf, _tax_csv, lambda c: f"tax-year-{c.year}"),
    ReportKind("outstanding", _("Outstanding and overdue"),
               _("What is owed on a day, to whom, and how late, with ageing per currency."),
               frozenset({AS_OF}), _outstanding_pdf, _outstanding_csv,
               lambda c: f"outstanding-{c.as_of.isoformat()}"),
    ReportKind("planner", _("Outsourcing plan"),
               _("Every activity on the importance and competence matrix, with what "
                 "outsourcing the recommended ones costs and frees."),
               frozenset({CURRENCY}), _planner_pdf, None,
               lambda c: f"outsourcing-plan-{c.today.isoformat()}",
               _("the outsourcing plan has no CSV form")),
)
BY_KEY: dict[str, ReportKind] = {kind.key: kind for kind in KINDS}


def problems(kind: ReportKind, choice: Choice) -> list[FieldError]:
    """What keeps this choice from making a report, by the field to fix."""
    found = []
    if PERIOD in kind.needs and choice.last < choice.first:
        found.append(FieldError("period", _("ends before it starts")))
    if CONTRACTOR in kind.needs and choice.contractor_id is None:
        found.append(FieldError("contractor", _("choose the contractor the report is for")))
    return found


def write_pdf(store: Store, kind: ReportKind, path: Path, choice: Choice,
              stop: Stop = lambda: False) -> Path:
    """Raises ValidationError for a choice ``problems`` finds wrong, Cancelled when stopped."""
    _check(kind, choice)
    return kind.pdf(store, path, choice, stop)


def write_csv(store: Store, kind: ReportKind, path: Path, choice: Choice, *,
              excel: bool = True) -> int:
    """The report's rows as CSV (with a BOM for Excel unless ``excel`` is False); returns how
    many rows were written. A failure leaves no half-written file behind."""
    _check(kind, choice)
    if kind.csv is None:
        raise ValidationError([FieldError("csv", kind.no_csv or _("this report has no CSV "
                                                                  "form"))])
    with csv_file(path, excel=excel) as out:
        return kind.csv(store, out, choice)


def _check(kind: ReportKind, choice: Choice) -> None:
    found = problems(kind, choice)
    if found:
        raise ValidationError(found)
