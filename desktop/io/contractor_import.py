"""Planning an import: every record's outcome, decided before anything is written.

The plan is pure: it reads the table and the roster's emails, and says per record whether it
becomes a new contractor, merges into one, is a duplicate left out, is rejected (with the
physical line and a reason) or is skipped as a title, footer, total or empty row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import IO

from desktop.core.bulk import collector_paused, tidy_new_objects
from desktop.core.contractor import ContractorData, merge_contractor
from desktop.core.i18n import _, ngettext
from desktop.core.validation import Cancelled
from desktop.io.bulk_rows import Rows
from desktop.io.csv_source import Record, is_blank
from desktop.io.export import unneutralise, write_csv
from desktop.io.import_rows import Reading, mapped_columns
from desktop.io.import_table import ENGLISH_DELIMITER_NAMES, ENGLISH_ENCODING_NAMES, Table
from desktop.io.layouts import (
    DATE_TARGETS,
    NAME_TARGETS,
    RATE_TARGETS,
    Layout,
    auto_mapping,
    detect,
    fold,
    guess_target,
)
from desktop.io.values import (
    DAY_FIRST,
    DateOrder,
    ValueProblem,
    currency_code,
    decide_date_order,
    decide_decimal_mark,
    is_amount,
)
from desktop.store.importing import KnownContacts, NewContractor

NEW, MERGE, DUPLICATE, REJECTED, SKIPPED = "new", "merge", "duplicate", "rejected", "skipped"
ON_DUPLICATE = ("skip", "merge")
_INACTIVE = _("inactive in the imported file")  # the archive reason kept with the record
_STAMP = re.compile(r"\b(19|20)\d\d\b.*\b\d{1,2}:\d\d")
# What a sheet writes in front of a sum: "Total:", "Grand total", "Summe", "Total général"…
_TOTALS = frozenset(fold(w) for w in (
    "total", "totals", "grand total", "sub total", "subtotal", "sum", "sum total", "sums",
    "summe", "gesamt", "gesamtsumme", "zwischensumme", "insgesamt", "total general",
    "sous total", "totaal", "subtotaal", "totale", "totale generale", "subtotale", "suma",
    "suma total", "totalt", "i alt", "yhteensa", "razem", "celkem", "somme"))
# Case-folded email -> (contractor id, name); a KnownContacts adds the roster's phone numbers.
Existing = Mapping[str, tuple[int, str]]


@dataclass(frozen=True)
class Choices:
    """What the user may change about how the file is read."""

    header_index: int
    mapping: tuple[str, ...]
    layout: Layout
    on_duplicate: str = "skip"
    default_currency: str = "USD"
    date_order: str | None = None  # DAY_FIRST / MONTH_FIRST to overrule the file's own
    decimal_mark: str | None = None


@dataclass(slots=True)  # one per record of a file: no dict of its own
class Row:
    line: int
    outcome: str
    values: tuple[str, ...]
    reason: str = ""
    message: str = ""
    data: ContractorData | None = None
    archived_on: dt.date | None = None
    email: str = ""
    phone: str = ""  # as stored (desktop.core.phone)
    matches: str = ""  # for a duplicate: what it matches
    merge_into: int | None = None  # the roster contractor a merge updates
    warnings: list[str] = field(default_factory=list)


@dataclass
class Plan:
    table: Table
    choices: Choices
    reading: Reading
    rows: list[Row]
    warnings: list[str]

    def count(self, outcome: str) -> int:
        return sum(1 for r in self.rows if r.outcome == outcome)

    @property
    def counts(self) -> Counter[str]:
        return Counter(r.outcome for r in self.rows)

    @property
    def headers(self) -> tuple[str, ...]:
        return self.table.header(self.choices.header_index)


def default_choices(table: Table, header_index: int | None = None, **options: object) -> Choices:
    index = table.header_index if header_index is None else header_index
    headers = table.header(index)
    layout = detect(headers)
    mapping = auto_mapping(layout, headers)
    if layout.keep_unmapped:  # a sheet of the user's own: a column of addresses is a hint too
        samples = table.records[index + 1:index + 51]
        for column, target in enumerate(mapping):
            if target == "note":
                values = [r.fields[column] for r in samples if column < len(r.fields)]
                mapping[column] = guess_target(values, set(mapping)) or target
    return Choices(index, tuple(mapping), layout, **options)  # type: ignore[arg-type]


def needs_mapping(choices: Choices) -> bool:
    """True when nothing says which column holds the name: the user has to map by hand."""
    return not set(NAME_TARGETS) & set(choices.mapping)


def analyse(table: Table, choices: Choices, existing: Existing, today: dt.date | None = None,
            should_stop: Callable[[int, int], bool] | None = None) -> Plan:
    """Every record's outcome. ``should_stop(done, total)`` is asked every thousand rows."""
    today = today or dt.date.today()
    headers = table.header(choices.header_index)
    mapping = tuple(choices.mapping) + ("",) * (len(headers) - len(choices.mapping))
    body = table.records[choices.header_index + 1:]
    known = existing if isinstance(existing, KnownContacts) else KnownContacts(dict(existing))
    reading, warnings = _reading(table, choices, mapping, body, today, known.country)
    rows = [Row(r.line, SKIPPED, r.fields, *(("empty", _("an empty row")) if is_blank(r)
                                             else ("title", _("above the header row"))))
            for r in table.records[: choices.header_index]]
    last_data = _last_data_index(body, len(headers), table.is_workbook)
    seen: dict[str, Row] = {}
    seen_phones: dict[str, Row] = {}
    convert = Rows(mapped_columns(headers, mapping), reading)
    total = len(body)
    with collector_paused():  # a row's objects make no cycles
        for index, record in enumerate(body):
            if index % 1000 == 0:
                if should_stop and should_stop(index, total):
                    raise Cancelled(_("the import was cancelled"))
                tidy_new_objects()
                convert.read_numbers([r.fields for r in body[index:index + 1000]])
            row = _row(record, index > last_data, headers, convert, table.is_workbook,
                       choices.layout.neutralised)
            rows.append(row)
            if row.outcome == NEW and (row.email or row.phone):
                _check_duplicate(row, seen, seen_phones, known, choices.on_duplicate)
    return Plan(table, choices, reading, rows, warnings)


def _row(record: Record, after_data: bool, headers: tuple[str, ...], convert: Rows,
         workbook: bool, neutralised: bool) -> Row:
    values = record.fields
    if is_blank(record):
        return Row(record.line, SKIPPED, values, "empty", _("an empty row"))
    if after_data:
        return Row(record.line, SKIPPED, values, "footer", _("below the last row of data"))
    if neutralised:
        values = tuple(unneutralise(v) for v in values)
    if workbook:
        values = values + ("",) * (len(headers) - len(values))
    label = _total_label(values)
    if label:
        return Row(record.line, SKIPPED, values, "total",
                   _("a total row (“{label}”), not a contractor").format(label=label))
    if len(values) > len(headers) and not (workbook and not any(v.strip() for v in values[len(headers):])):
        return Row(record.line, REJECTED, values, "too_many_fields",
                   _fields_problem(len(values), len(headers)))
    if len(values) < len(headers):
        return Row(record.line, REJECTED, values, "too_few_fields",
                   _fields_problem(len(values), len(headers)))
    try:
        converted = convert(values)
    except ValueProblem as exc:
        return Row(record.line, REJECTED, values, exc.reason, str(exc))
    return Row(record.line, NEW, values, data=converted.data, archived_on=converted.archived_on,
               email=converted.email_key, phone=converted.data.phone, warnings=converted.warnings)


def _fields_problem(found: int, wanted: int) -> str:
    return ngettext("has {n} field where the header has {wanted}",
                    "has {n} fields where the header has {wanted}", found).format(
        n=found, wanted=wanted)


def _total_label(values: tuple[str, ...]) -> str:
    """The label of a total or summary row ("Total:", "Summe"), or "": the first filled cell
    names a sum and the others hold nothing but amounts (and currencies), one at least."""
    first = next((v for v in values if not v.isspace() and v), "").strip()
    if not first or fold(first) not in _TOTALS:  # nearly every row: a name comes first
        return ""
    filled = [v.strip() for v in values if v.strip()]
    if len(filled) < 2:
        return ""
    rest = filled[1:]
    amounts = [is_amount(v) for v in rest]
    if not any(amounts) or not all(a or _is_currency(v) for a, v in zip(amounts, rest)):
        return ""
    return filled[0]


def _is_currency(text: str) -> bool:
    try:
        currency_code(text)
    except ValueError:
        return False
    return True


def _check_duplicate(row: Row, seen: dict[str, Row], seen_phones: dict[str, Row],
                     known: KnownContacts, on_duplicate: str) -> None:
    """An earlier line or a roster contractor with the same email, else with the same phone
    number unless both have emails and they differ (colleagues share a switchboard)."""
    earlier = seen.get(row.email) if row.email else None
    by_phone = False
    if earlier is None and row.phone:
        earlier = seen_phones.get(row.phone)
        if earlier is not None and row.email and earlier.email:
            earlier = None
        by_phone = True
    if earlier is not None:
        row.matches = _("line {line}").format(line=earlier.line)
        if on_duplicate == "merge" and earlier.data is not None and row.data is not None:
            earlier.data = merge_contractor(earlier.data, row.data)
            row.outcome, row.merge_into = MERGE, earlier.merge_into
            row.message = _("merged into line {line}").format(line=earlier.line)
            row.data = None  # the earlier row carries the merged record
        else:
            same = (_("same phone number as line {line}") if by_phone
                    else _("same email as line {line}"))
            row.outcome, row.message = DUPLICATE, same.format(line=earlier.line)
        return
    if row.email:
        seen[row.email] = row
    if row.phone:
        seen_phones.setdefault(row.phone, row)
    match = known.get(row.email) if row.email else None
    by_phone = False
    if match is None and row.phone in known.phones:
        contractor_id, name, email = known.phones[row.phone]
        if not (row.email and email):
            match, by_phone = (contractor_id, name), True
    if match is not None:
        contractor_id, name = match
        row.matches = _("contractor {id} ({name})").format(id=contractor_id, name=name)
        if on_duplicate == "merge":
            row.outcome, row.merge_into = MERGE, contractor_id
            row.message = _("updates {name}").format(name=name)
        else:
            known_as = (_("{name} already has this phone number") if by_phone
                        else _("{name} already has this email"))
            row.outcome, row.message = DUPLICATE, known_as.format(name=name)


def _last_data_index(body: tuple[Record, ...], width: int, workbook: bool) -> int:
    """The last record that may be data. Below it come only footers: rows with one value at
    most that is a time stamp or does not fill a row ("Wednesday, Nov 25, 2026 09:14 AM")."""
    for index in range(len(body) - 1, -1, -1):
        values = [v for v in body[index].fields if v.strip()]
        if len(values) > 1:
            return index
        if values and not _STAMP.search(values[0]) and (
                workbook or len(body[index].fields) == width > 1):
            return index
    return -1


def _reading(table: Table, choices: Choices, mapping: tuple[str, ...], body: tuple[Record, ...],
             today: dt.date, home_country: str = "") -> tuple[Reading, list[str]]:
    """Decide the decimal mark and the day/month order once, from the whole file."""
    def column_values(targets: frozenset[str]) -> list[str]:
        columns = [i for i, t in enumerate(mapping) if t in targets]
        return [r.fields[i] for r in body for i in columns if i < len(r.fields) and r.fields[i].strip()]

    fallback = "," if table.delimiter == ";" else "."
    mark = choices.decimal_mark or decide_decimal_mark(column_values(RATE_TARGETS), fallback)
    dates = column_values(DATE_TARGETS)
    order = decide_date_order(dates, mark)
    if choices.date_order:
        order = DateOrder(choices.date_order, True, "")
    warnings = []
    numeric = [d for d in dates if d.strip()[:4].isdigit() is False and any(c in d for c in "/.-")]
    if numeric and not choices.date_order:
        day_first = order.order == DAY_FIRST
        if order.settled:
            settled = (_("Dates are read day before month: “{example}” settles it.") if day_first
                       else _("Dates are read month before day: “{example}” settles it."))
            warnings.append(settled.format(example=order.example))
        else:
            unsettled = (
                _("Dates are read day before month; no date in the file settles the order "
                  "(e.g. “{example}”). Check one before importing.") if day_first else
                _("Dates are read month before day; no date in the file settles the order "
                  "(e.g. “{example}”). Check one before importing."))
            warnings.append(unsettled.format(example=numeric[0].strip()))
    reading = Reading(mark, order, choices.default_currency, choices.layout.deleted_suffix, today,
                      home_country)
    return reading, warnings


def describe(plan: Plan) -> dict[str, object]:
    """The summary scripts read (``crewbook import --json``)."""
    return {
        "file": plan.table.name,
        "format": plan.choices.layout.key,
        "encoding": ENGLISH_ENCODING_NAMES.get(plan.table.encoding, plan.table.encoding),
        "delimiter": ENGLISH_DELIMITER_NAMES.get(plan.table.delimiter, plan.table.delimiter),
        "header_line": plan.table.records[plan.choices.header_index].line,
        "date_order": plan.reading.date_order.order,
        "decimal_mark": plan.reading.decimal_mark,
        "imported": plan.count(NEW),
        "merged": sum(1 for r in plan.rows if r.outcome == MERGE and r.merge_into is not None),
        "skipped": plan.count(SKIPPED),
        "duplicates": [{"line": r.line, "email": r.email, "phone": r.phone, "matches": r.matches}
                       for r in plan.rows if r.matches],
        "rejected": [{"line": r.line, "reason": r.reason, "message": r.message}
                     for r in plan.rows if r.outcome == REJECTED],
        "warnings": [*plan.warnings,
                     *(_("line {line}: {warning}").format(line=r.line, warning=w)
                       for r in plan.rows for w in r.warnings)],
    }


def writes(plan: Plan) -> tuple[list[NewContractor], list[tuple[int, ContractorData]]]:
    """What the store is asked to do: the new contractors, and (id, data) for each merge."""
    new = [NewContractor(r.data, r.archived_on, _INACTIVE if r.archived_on else "")
           for r in plan.rows if r.outcome == NEW and r.data is not None]
    merges = [(r.merge_into, r.data) for r in plan.rows
              if r.outcome == MERGE and r.merge_into is not None and r.data is not None]
    return new, merges


def write_error_report(out: IO[str], plan: Plan) -> int:
    """Line, reason, message and the original values of each row that was not imported as it
    stands (rejected, or a duplicate left out); returns how many rows it wrote."""
    rows = [r for r in plan.rows if r.outcome in (REJECTED, DUPLICATE)]
    width = max((len(r.values) for r in rows), default=0)
    headers = list(plan.headers) + [f"Column {i + 1}" for i in range(len(plan.headers), width)]
    write_csv(out, ["Line", "Reason", "Message", *headers],
              ([r.line, r.reason or r.outcome, r.message, *r.values] for r in rows))
    return len(rows)
