"""One imported row → a validated contractor, or the reason it cannot be one.

Values are kept as the file has them (outer whitespace trimmed); nothing is evaluated. A value
the roster cannot hold in its own field (a phone written as words, an unknown country) is kept
in the notes with a warning rather than lost; only the name, email, rate, currency and the
dates the roster keeps reject a row. What only goes into the notes never does: a start date that
is no date is kept as written, and what would take the notes past their limit is cut short.
Control and text-direction characters (desktop.core.text) are taken out of every cell with a
warning, and line breaks outside the notes and address become spaces: a file is not refused for
what another program left in it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from desktop.core.contractor import LABELS, MAX_LENGTHS, ContractorData, validate_contractor
from desktop.core.country_names import country_code
from desktop.core.enums import Channel, ContractorKind, ContractorStatus, RateUnit, Source, TaxForm
from desktop.core.formats import number
from desktop.core.i18n import _
from desktop.core.phone import PhoneMemo
from desktop.core.text import cleaned
from desktop.core.validation import ValidationError
from desktop.io.layouts import DATE_TARGETS, TARGETS
from desktop.io.values import (
    INVALID_DATE,
    INVALID_RATE,
    MONTH_FIRST,
    DateOrder,
    ValueProblem,
    currency_code,
    parse_amount_text,
    parse_date_text,
)

_FIELD_DATES = DATE_TARGETS - {"start_date"}
MULTI = " ::: "  # Google joins several values in one cell with this
_LABELLED_PHONE = re.compile(r"([A-Za-z][A-Za-z ]{0,20}):\s*")
_TAG_SPLIT = re.compile(r"\s*(?:,|;|\||:::)\s*")
_ENUMS = {"kind": ContractorKind, "tax_form": TaxForm, "rate_unit": RateUnit,
          "preferred_channel": Channel, "status": ContractorStatus, "source": Source}
# A failing value in one of these is kept in the notes instead of rejecting the row.
_SOFT = frozenset({"phone", "website", "country", "timezone", "tags"})
_MULTILINE = frozenset({"notes", "note", "address", "street"})  # the rest is one line
Cells = dict[str, list[tuple[str, str]]]  # target -> (header, value) of each filled column
Keep = Callable[..., None]  # keep(label, value, warning="") files a value in the notes
Extras = list[tuple[str, str]]  # (label, "Label: value") of each line added to the file's notes
MISSING_NAME, INVALID_CURRENCY = "missing_name", "invalid_currency"  # the import's reason codes
_REASONS = {"email": "invalid_email", "rate": INVALID_RATE, "currency": INVALID_CURRENCY,
            "tax_form_on": INVALID_DATE, "identity_verified_on": INVALID_DATE}


@dataclass(frozen=True)
class Reading:
    """How this file writes numbers and dates, decided once for all its rows."""

    decimal_mark: str = "."
    date_order: DateOrder = DateOrder(MONTH_FIRST, False)
    default_currency: str = "USD"
    deleted_suffix: str = ""
    today: dt.date = field(default_factory=dt.date.today)
    home_country: str = ""  # the business's: where a phone number without "+" is read
    # Each phone number's reading, kept for the rows after it; not part of what a Reading is.
    phones: PhoneMemo = field(default_factory=dict, compare=False, repr=False)


@dataclass
class Converted:
    data: ContractorData
    archived_on: dt.date | None
    email_key: str  # trimmed and case-folded, "" when there is none
    warnings: list[str]


def mapped_columns(headers: Sequence[str], mapping: Sequence[str]) -> list[tuple[int, str, str]]:
    """(index, header, target) of each column that goes somewhere."""
    return [(i, cleaned(h)[0].strip(), t)
            for i, (h, t) in enumerate(zip(headers, mapping, strict=False)) if t]


def convert(columns: Sequence[tuple[int, str, str]], fields: Sequence[str],
            reading: Reading) -> Converted:
    """Raises ValueProblem with the import's reason code when the row cannot be imported."""
    cells: Cells = {}
    warnings: list[str] = []
    for index, header, target in columns:
        value, removed = cleaned(fields[index], multiline=target in _MULTILINE)
        value = value.strip()
        if removed:
            warnings.append(_("{column}: {characters} taken out; no field keeps control or "
                              "text-direction characters").format(
                column=header, characters=", ".join(removed)))
        if value:
            if target in cells:
                cells[target].append((header, value))
            else:
                cells[target] = [(header, value)]
    notes: Extras = []

    def first(target: str) -> str:
        return cells[target][0][1] if target in cells else ""

    def keep(label: str, value: str, warning: str = "") -> None:
        """``warning`` says why, with {label} and {value} for the column and what it held."""
        notes.append((label, f"{label}: {value}"))
        if warning:
            warnings.append(warning.format(label=label, value=value))

    raw: dict[str, object] = {}
    archived = False
    # The name: a person's, else the company's.
    company, alias = first("company"), first("alias")
    person = first("name") or " ".join(
        v for v in (first("first_name"), first("middle_name"), first("last_name")) if v)
    if reading.deleted_suffix:
        for text in (company, person, alias):
            if text.casefold().endswith(reading.deleted_suffix.casefold()):
                archived = True
        company, person, alias = (_without(t, reading.deleted_suffix) for t in (company, person, alias))
    if not person and not company and not alias:
        raise ValueProblem(MISSING_NAME, _("has neither a person's name nor a company name"))
    raw["display_name"] = person or company or alias
    if alias and alias not in (person, company):
        keep(cells["alias"][0][0], alias)  # QuickBooks' own display name for the vendor
    raw["company"] = company
    raw["kind"] = ContractorKind.INDIVIDUAL if person or not company else ContractorKind.COMPANY
    for name in ("legal_name", "tax_id", "timezone", "website"):
        raw[name] = first(name)

    emails = [e for _header, cell in cells.get("email", []) for e in _split(cell)]
    emails += [e for _header, cell in cells.get("other_email", []) for e in _split(cell)]
    raw["email"] = emails[0] if emails else ""
    if len(emails) > 1:
        keep(_("Other email"), ", ".join(emails[1:]))

    _phones(cells, raw, keep)
    _address(cells, raw, warnings)
    _rate(cells, raw, reading, keep)

    dates = {name: _date(cells[name][0], reading) for name in _FIELD_DATES if name in cells}
    for name in ("tax_form_on", "identity_verified_on"):
        raw[name] = dates[name].isoformat() if name in dates else ""
    if "start_date" in cells:  # no field of its own, so a wrong one cannot cost the row
        header, text = cells["start_date"][0]
        try:
            notes.append((header, f"{header}: {_date((header, text), reading).isoformat()}"))
        except ValueProblem as exc:
            notes.append((header, f"{header}: {text}"))
            warnings.append(_("{problem}; kept in the notes as written").format(problem=exc))
    archived_on = dates.get("archived")
    if archived and archived_on is None:
        archived_on = reading.today

    for name, enum in _ENUMS.items():
        text = first(name)
        if not text or (name == "rate_unit" and "rate_unit" in raw):
            continue  # "Hourly rate" already says the unit
        try:
            raw[name] = enum.parse(text)
        except ValueError:
            if name == "kind":
                raw[name] = ContractorKind.INDIVIDUAL if person else ContractorKind.COMPANY
            keep(TARGETS[name], text,
                 _("{label} “{value}” is not one Crewbook knows; kept in the notes"))
    raw.setdefault("source", Source.IMPORT)
    if raw.get("tax_form_on") and raw.get("tax_form", TaxForm.NONE) is TaxForm.NONE:
        # The roster keeps a received date only with its form; the date is not lost.
        keep(LABELS["tax_form_on"], str(raw["tax_form_on"]),
             _("{label} “{value}” has no tax form beside it; kept in the notes"))
        raw["tax_form_on"] = ""

    tags = [t for _header, cell in cells.get("tags", []) for t in _TAG_SPLIT.split(cell)]
    raw["tags"] = [t for t in tags if t and not t.startswith("*")]  # "* myContacts" is Google's own

    for header, value in cells.get("note", []):
        keep(header, value)
    own = "\n".join(v for _header, v in cells.get("notes", []))
    data = _validated(raw, reading, warnings, own, notes)
    return Converted(data, archived_on, data.email.casefold() if data.email else "", warnings)


def _split(cell: str) -> list[str]:
    return [v.strip() for v in cell.split(MULTI) if v.strip()] if MULTI in cell else [cell]


def _without(text: str, suffix: str) -> str:
    return text[: -len(suffix)].rstrip() if text.casefold().endswith(suffix.casefold()) else text


def _numbers(cells: Sequence[str]) -> list[str]:
    """Every number in some phone cells, in order."""
    numbers: list[str] = []
    for cell in cells:
        for value in _split(cell):
            # QuickBooks writes "Phone: (555) 010-0134 Mobile: (555) 010-0199" in one cell.
            parts = [p.strip() for p in _LABELLED_PHONE.split(value)]
            labelled = len(parts) > 1 and not parts[0]
            numbers.extend([p for p in parts[2::2] if p] if labelled else [value])
    return numbers


def _town(streets: list[str], postcode: str, city: str, region: str) -> str:
    """The address lines from its parts."""
    if region:  # "Portland, OR 97209", as North America and Australia write it
        town = " ".join(p for p in (", ".join(p for p in (city, region) if p), postcode) if p)
    else:  # "01067 Dresden", as most of Europe writes it
        town = " ".join(p for p in (postcode, city) if p)
    return "\n".join(streets + ([town] if town else []))


def _phones(cells: Cells, raw: dict[str, object], keep: Keep) -> None:
    numbers = _numbers([cell for target in ("phone", "mobile")
                        for _header, cell in cells.get(target, [])])
    raw["phone"] = numbers[0] if numbers else ""
    if len(numbers) > 1:
        keep(_("Other phone"), ", ".join(numbers[1:]))


def _address(cells: Cells, raw: dict[str, object], warnings: list[str]) -> None:
    country_text = cells["country"][0][1] if "country" in cells else ""
    code = country_code(country_text) if country_text else None
    raw["country"] = code or ""
    if "address" in cells:
        raw["address"] = "\n".join(v for _header, v in cells["address"])
    else:
        postcode, city, region = (cells[t][0][1] if t in cells else ""
                                  for t in ("postcode", "city", "region"))
        raw["address"] = _town([v for _header, v in cells.get("street", [])], postcode, city,
                               region)
    if country_text and not code:
        raw["address"] = "\n".join(p for p in (str(raw["address"]), country_text) if p)
        warnings.append(_("Country “{country}” is not one Crewbook knows; kept in the "
                          "address").format(country=country_text))


def _rate(cells: Cells, raw: dict[str, object], reading: Reading, keep: Keep) -> None:
    column_currency = cells["currency"][0][1] if "currency" in cells else ""
    currency = ""
    if column_currency:
        try:
            currency = currency_code(column_currency)
        except ValueError:
            raise ValueProblem(INVALID_CURRENCY, _("“{text}” is not a currency such as EUR or "
                                                   "USD").format(text=column_currency)) from None
    found = [(target, *cells[target][0]) for target in ("rate", "rate_hour", "rate_day")
             if target in cells]
    raw["currency"] = currency or reading.default_currency
    if not found:
        return
    target, header, text = found[0]
    for _target, other, value in found[1:]:
        keep(other, value)
    try:
        amount = parse_amount_text(text, reading.decimal_mark)
    except ValueProblem as exc:
        raise ValueProblem(exc.reason, f"{header}: {exc}") from None
    if amount.currency and currency and amount.currency != currency:
        raise ValueProblem(INVALID_RATE, _("{column}: “{text}” is in {found} but the currency "
                                           "column says {currency}").format(
            column=header, text=text, found=amount.currency, currency=currency))
    raw["currency"] = amount.currency or currency or reading.default_currency
    raw["rate"] = amount.plain
    if target == "rate_hour":
        raw["rate_unit"] = RateUnit.HOUR
    elif target == "rate_day":
        raw["rate_unit"] = RateUnit.DAY


def _date(cell: tuple[str, str], reading: Reading) -> dt.date:
    header, text = cell
    try:
        return parse_date_text(text, reading.date_order)
    except ValueProblem as exc:
        raise ValueProblem(INVALID_DATE, f"{header}: {exc}") from None


def _validated(raw: dict[str, object], reading: Reading, warnings: list[str], own: str,
               extras: Extras) -> ContractorData:
    """The roster's own rules decide; a soft field that fails moves to the notes, once. The
    notes are the file's own (``own``) followed by the ``extras`` the import adds."""
    for attempt in range(2):
        raw["notes"], cut = _notes(own, extras)
        try:
            data = validate_contractor(raw, reading.today, reading.home_country, reading.phones)
        except ValidationError as exc:
            hard = [e for e in exc.errors if e.field not in _SOFT]
            if hard or attempt:
                error = (hard or exc.errors)[0]
                raise ValueProblem(_reason(error.field, raw), _("{field} {problem}").format(
                    field=LABELS.get(error.field, error.field), problem=error.message)) from None
            for error in exc.errors:
                value = raw[error.field]
                shown = ", ".join(value) if isinstance(value, list) else str(value)
                extras.append((LABELS[error.field], f"{LABELS[error.field]}: {shown}"))
                warnings.append(_("{field} “{value}” {problem}; kept in the notes").format(
                    field=LABELS[error.field], value=shown, problem=error.message))
                raw[error.field] = [] if isinstance(value, list) else ""
            continue
        if cut:
            warnings.append(cut)
        return data
    raise AssertionError("unreachable")  # pragma: no cover


def _notes(own: str, extras: Extras) -> tuple[str, str]:
    """The notes, and a warning when what the import adds had to be cut to keep them within
    their limit. The file's own notes are never cut: longer than the limit, they reject."""
    limit = MAX_LENGTHS["notes"]
    added = "\n".join(text for _label, text in extras)
    whole = "\n".join(p for p in (own, added) if p)
    if len(whole) <= limit or len(own) > limit:
        return whole, ""
    labels = ", ".join(dict.fromkeys(label for label, _ in extras))
    room = limit - len(own) - (1 if own else 0)
    if room < len(extras[0][0]) + 4:  # not even "Label: x…" fits
        return own, _("Notes: the file's own notes leave no room within the {limit} characters "
                      "the notes can hold; what other columns add ({columns}) is left "
                      "out").format(limit=number(limit), columns=labels)
    cut = added[: room - 1].rstrip() + "…"
    return "\n".join(p for p in (own, cut) if p), _(
        "Notes: what other columns add ({columns}) would take them past {limit} characters; it "
        "is cut short, ending in “…”").format(columns=labels, limit=number(limit))


def _reason(name: str, raw: dict[str, object]) -> str:
    if name in _REASONS:
        return _REASONS[name]
    if name in MAX_LENGTHS and len(str(raw.get(name, ""))) > MAX_LENGTHS[name]:
        return "value_too_long"
    return "invalid_value"
