"""`crewbook report …`: the accountant's reports as PDF, and the same rows as CSV."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from desktop.core.dates import parse_date
from desktop.core.formats import number
from desktop.core.i18n import _, ngettext
from desktop.core.periods import Period, parse_month, parse_quarter
from desktop.core.validation import FieldError, ValidationError
from desktop.operations import reports
from desktop.operations.reports import (
    AS_OF,
    BY_KEY,
    CONTRACTOR,
    CURRENCY,
    FILTERS,
    KINDS,
    PERIOD,
    TAX_YEAR,
    Choice,
    ReportKind,
)
from desktop.store.db import Store
from desktop.store.reporting import business


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    report = commands.add_parser("report", help=_("PDF and CSV reports for your accountant"))
    kinds = report.add_subparsers(dest="kind", metavar="REPORT", required=True)
    for kind in KINDS:  # the same kinds, with the same needs, as the Reports tab
        sub = kinds.add_parser(kind.key, help=kind.blurb)
        if CONTRACTOR in kind.needs:
            sub.add_argument("contractor", type=int, metavar="CONTRACTOR_ID")
        if TAX_YEAR in kind.needs:
            sub.add_argument("year", type=int, metavar="YEAR")
        if PERIOD in kind.needs:
            _period_options(sub)
        if FILTERS in kind.needs:
            sub.add_argument("--contractor", type=int, metavar="ID",
                             help=_("only this contractor"))
            sub.add_argument("--currency", metavar="CODE",
                             help=_("only payments in this currency"))
            sub.add_argument("--category", metavar="TAG",
                             help=_("only contractors with this skill tag"))
        if AS_OF in kind.needs:
            sub.add_argument("--as-of", metavar="DATE",
                             help=_("the day to report on (default today)"))
        if CURRENCY in kind.needs:
            sub.add_argument("--currency", metavar="CODE",
                             help=_("the report's currency (default: the business's own)"))
        sub.add_argument("-o", "--output", metavar="FILE.pdf", required=kind.csv is None,
                         help=_("write the PDF here"))
        if kind.csv is not None:
            sub.add_argument("--csv", metavar="FILE.csv",
                             help=_("write the same rows as CSV here"))
        else:
            sub.set_defaults(csv=None)


def _period_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(_("period (one of)"))
    group.add_argument("--from", dest="first", metavar="DATE", help=_("first day, YYYY-MM-DD"))
    group.add_argument("--to", dest="last", metavar="DATE", help=_("last day, YYYY-MM-DD"))
    group.add_argument("--month", metavar="YYYY-MM")
    group.add_argument("--quarter", metavar="YYYY-Qn")
    group.add_argument("--tax-year", type=int, metavar="YEAR")


def run(args: argparse.Namespace, store: Store) -> int:
    if not args.output and not args.csv:
        raise ValidationError([FieldError("output",
                                          _("give -o FILE.pdf, --csv FILE.csv or both"))])
    kind = BY_KEY[args.kind]
    choice = _choice(args, kind, store, dt.date.today())
    if args.output:
        print(reports.write_pdf(store, kind, Path(args.output).expanduser(), choice))
    if args.csv:
        path = Path(args.csv).expanduser()
        rows = reports.write_csv(store, kind, path, choice, excel=False)
        print(ngettext("{file} ({n} row)", "{file} ({n} rows)", rows).format(
            file=path, n=number(rows)))
    return 0


def _choice(args: argparse.Namespace, kind: ReportKind, store: Store, today: dt.date) -> Choice:
    period = _period(args, store, today) if PERIOD in kind.needs else Period(today, today)
    tag = getattr(args, "category", None)
    contractor = getattr(args, "contractor", None)
    return Choice(first=period.first, last=period.last, contractor_id=contractor,
                  currency=_currency(getattr(args, "currency", None)),
                  tag=tag.strip().lower() if tag else None,
                  year=getattr(args, "year", None) or today.year,
                  as_of=_date("as_of", getattr(args, "as_of", None)) or today, today=today)


def _period(args: argparse.Namespace, store: Store, today: dt.date) -> Period:
    given = [name for name in ("first", "month", "quarter", "tax_year")
             if getattr(args, name) is not None]
    if len(given) > 1:
        raise ValidationError([FieldError("period", _("choose one of --from/--to, --month, "
                                                      "--quarter or --tax-year"))])
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
        raise ValidationError([FieldError("currency", _("“{text}” is not an ISO 4217 code").format(
            text=text))])
    return code


OPTIONS = {"output": "-o", "period": "--from/--to", "first": "--from", "last": "--to",
           "as_of": "--as-of", "currency": "--currency"}
