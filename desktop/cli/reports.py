"""`crewbook report …`: the accountant's reports as PDF, and the same rows as CSV."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import IO

from desktop.core.contractor import parse_date
from desktop.core.periods import Period, parse_month, parse_quarter
from desktop.core.validation import FieldError, ValidationError
from desktop.store.db import Store
from desktop.store.reporting import business

KINDS = ("payments", "statement", "tax-year", "outstanding", "planner")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = commands.add_parser("report", help="PDF and CSV reports for your accountant")
    kinds = report.add_subparsers(dest="kind", metavar="REPORT", required=True)
    payments = kinds.add_parser("payments", help="payments made in a period")
    _period_options(payments)
    payments.add_argument("--contractor", type=int, metavar="ID", help="only this contractor")
    payments.add_argument("--currency", metavar="CODE", help="only payments in this currency")
    payments.add_argument("--category", metavar="TAG", help="only contractors with this skill tag")
    statement = kinds.add_parser("statement", help="one contractor's engagements and payments")
    statement.add_argument("contractor", type=int, metavar="CONTRACTOR_ID")
    _period_options(statement)
    tax = kinds.add_parser("tax-year", help="year-end totals and 1099-NEC filing candidates")
    tax.add_argument("year", type=int, metavar="YEAR")
    outstanding = kinds.add_parser("outstanding", help="what is owed, to whom, how late")
    outstanding.add_argument("--as-of", metavar="DATE", help="the day to report on (default today)")
    for sub in (payments, statement, tax, outstanding):
        sub.add_argument("-o", "--output", metavar="FILE.pdf", help="write the PDF here")
        sub.add_argument("--csv", metavar="FILE.csv", help="write the same rows as CSV here")
    planner = kinds.add_parser("planner", help="the outsourcing plan on one page")
    planner.add_argument("--currency", metavar="CODE", help="the plan's currency (default: the "
                         "business's own)")
    planner.add_argument("-o", "--output", metavar="FILE.pdf", required=True,
                         help="write the PDF here")
    planner.set_defaults(csv=None)


def _period_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("period (one of)")
    group.add_argument("--from", dest="first", metavar="DATE", help="first day, YYYY-MM-DD")
    group.add_argument("--to", dest="last", metavar="DATE", help="last day, YYYY-MM-DD")
    group.add_argument("--month", metavar="YYYY-MM")
    group.add_argument("--quarter", metavar="YYYY-Qn")
    group.add_argument("--tax-year", type=int, metavar="YEAR")


def run(args: argparse.Namespace, store: Store) -> int:
    if not args.output and not args.csv:
        raise ValidationError([FieldError("output", "give -o FILE.pdf, --csv FILE.csv or both")])
    today = dt.date.today()
    pdf, csv = _writers(args, store, today)
    if args.output:
        print(pdf(Path(args.output).expanduser()))
    if args.csv:
        path = Path(args.csv).expanduser()
        with path.open("w", encoding="utf-8", newline="") as out:
            rows = csv(out)
        print(f"{path} ({rows:,} rows)")
    return 0


def _writers(args: argparse.Namespace, store: Store, today: dt.date
             ) -> tuple[Callable[[Path], Path], Callable[[IO[str]], int]]:
    """The PDF and CSV writers for the chosen report, with its options bound."""
    if args.kind == "planner":
        from desktop.reports.planner_report import write_planner_report

        currency = _currency(args.currency)
        return (lambda path: write_planner_report(store, path, currency=currency, today=today),
                lambda out: 0)  # the planner has no CSV: -o is required instead
    # ReportLab loads only when a report is asked for.
    from desktop.io import report_csv, report_tables_csv
    from desktop.reports import (
        outstanding_report,
        payments_report,
        statement_report,
        tax_year_report,
    )

    if args.kind == "payments":
        period = _period(args, store, today)
        options = {"contractor_id": args.contractor, "currency": _currency(args.currency),
                   "tag": args.category.strip().lower() if args.category else None}
        return (lambda path: payments_report.write_payments_report(
                    store, path, period.first, period.last, today=today, **options),
                lambda out: report_csv.write_payments_csv(
                    store, out, period.first, period.last, **options))
    if args.kind == "statement":
        period = _period(args, store, today)
        return (lambda path: statement_report.write_statement_report(
                    store, path, args.contractor, period.first, period.last, today=today),
                lambda out: report_tables_csv.write_statement_csv(
                    store, out, args.contractor, period.first, period.last, today=today))
    if args.kind == "tax-year":
        return (lambda path: tax_year_report.write_tax_year_report(store, path, args.year,
                                                                   today=today),
                lambda out: report_tables_csv.write_tax_year_csv(store, out, args.year))
    as_of = _date("as_of", args.as_of) or today
    return (lambda path: outstanding_report.write_outstanding_report(store, path, as_of,
                                                                     today=today),
            lambda out: report_tables_csv.write_outstanding_csv(store, out, as_of))


def _period(args: argparse.Namespace, store: Store, today: dt.date) -> Period:
    given = [name for name in ("first", "month", "quarter", "tax_year")
             if getattr(args, name) is not None]
    if len(given) > 1:
        raise ValidationError([FieldError("period", "choose one of --from/--to, --month, "
                                          "--quarter or --tax-year")])
    try:
        if args.month:
            return parse_month(args.month)
        if args.quarter:
            return parse_quarter(args.quarter)
        if args.tax_year is not None:
            first, last = business(store).tax_year(args.tax_year)
            return Period(first, last)
        first = _date("first", args.first) or dt.date(today.year, 1, 1)
        last = _date("last", args.last) or today
        return Period(first, last)
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            raise
        raise ValidationError([FieldError("period", str(exc))]) from None


def _date(name: str, text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise ValidationError([FieldError(name, str(exc))]) from None


def _currency(text: str | None) -> str | None:
    if not text:
        return None
    from desktop.core.reference import is_currency

    code = text.strip().upper()
    if not is_currency(code):
        raise ValidationError([FieldError("currency", f"“{text}” is not an ISO 4217 code")])
    return code


OPTIONS = {"output": "-o", "period": "--from/--to", "first": "--from", "last": "--to",
           "as_of": "--as-of", "currency": "--currency"}
