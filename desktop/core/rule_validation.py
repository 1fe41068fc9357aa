"""A payment rule as typed in Settings: every field checked, each problem named."""

from __future__ import annotations

import datetime as dt

from desktop.core.dates import parse_date
from desktop.core.deadlines import DAYS, MAX_KINDS, WINDOWS, PaymentRule
from desktop.core.i18n import _
from desktop.core.late_payment import parse_basis_points
from desktop.core.money import parse_amount, to_major_text
from desktop.core.reference import is_country, is_currency
from desktop.core.text import screen
from desktop.core.validation import FieldError, ValidationError

RULE_LABELS = {  # in the order the form shows them
    "country": _("Country"), "applies_in": _("Also applies in"), "region": _("Region"),
    "cities": _("Cities"), "name": _("Rule"), "written_contract_from": _("Written contract from"),
    "currency": _("Currency"), "aggregation_window": _("Contracts summed"),
    "aggregation_days": _("Summed over (days)"),
    "default_payment_days": _("Pay within (days) by default"),
    "max_payment_days": _("Longest terms (days)"), "max_kind": _("Longest terms are"),
    "interest_reference": _("Interest reference rate"), "interest_margin": _("Interest margin (%)"),
    "compensation": _("Fixed sum per late payment"), "effective_from": _("In force from"),
    "source": _("Source"), "checked_on": _("Checked on"),
}


def compensation_text(bands: tuple[tuple[int, int], ...], currency: str) -> str:
    """Bands as the owner types them: "0=40.00; 1000.00=70.00"."""
    return "; ".join(f"{to_major_text(low, currency)}={to_major_text(amount, currency)}"
                     for low, amount in bands)


def parse_compensation(text: str, currency: str) -> tuple[tuple[int, int], ...]:
    """ "0=40; 1000=70; 10000=100": from each debt size on, that fixed sum. A single amount
    ("40") is the sum for any debt."""
    bands: list[tuple[int, int]] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        low, sep, amount = part.partition("=")
        if not sep:
            low, amount = "0", low
        bands.append((parse_amount(low.strip(), currency), parse_amount(amount.strip(), currency)))
    if bands and bands[0][0] != 0:
        raise ValueError(_("the first band must start at 0 (write “0=40” for 40 on any debt)"))
    if any(b[0] <= a[0] for a, b in zip(bands, bands[1:])):
        raise ValueError(_("debt sizes must go up from band to band"))
    return tuple(bands)


def validate_rule(raw: dict[str, object], today: dt.date) -> PaymentRule:
    raw, errors = screen(raw)

    def text(name: str) -> str:
        value = raw.get(name, "")
        return "" if value is None else str(value).strip()

    country, region, currency = (text("country").upper(), text("region").upper(),
                                 text("currency").upper())
    applies_in = tuple(dict.fromkeys(text("applies_in").upper().replace(",", " ").split()))
    unknown = [c for c in applies_in if not is_country(c)]
    if unknown:
        errors.append(FieldError("applies_in", _("has codes that are not ISO 3166-1 alpha-2: "
                                                 "{codes}").format(codes=", ".join(unknown))))
    if not country:
        errors.append(FieldError("country", _("is required")))
    elif not is_country(country) and not (applies_in and country.isalpha() and len(country) == 2):
        errors.append(FieldError("country", _("“{code}” is not an ISO 3166-1 alpha-2 code; a "
                                              "group such as EU lists its countries under "
                                              "“{field}”").format(
            code=country, field=RULE_LABELS["applies_in"])))
    cities = tuple(c.strip() for c in text("cities").split(";") if c.strip())
    if not text("name"):
        errors.append(FieldError("name", _("is required")))
    if not text("source"):
        errors.append(FieldError("source", _("is required: say which law or document it rests on")))
    needs_currency = bool(text("written_contract_from") or text("compensation"))
    if currency and not is_currency(currency):
        errors.append(FieldError("currency", _("“{code}” is not an ISO 4217 currency "
                                               "code").format(code=currency)))
    elif needs_currency and not currency:
        errors.append(FieldError("currency", _("is needed with a written-contract amount or a "
                                               "fixed sum")))
    threshold, bands = None, ()
    if currency and is_currency(currency):
        if text("written_contract_from"):
            try:
                threshold = parse_amount(text("written_contract_from"), currency)
            except ValueError as exc:
                errors.append(FieldError("written_contract_from", str(exc)))
        try:
            bands = parse_compensation(text("compensation"), currency)
        except ValueError as exc:
            errors.append(FieldError("compensation", str(exc)))
    days: dict[str, int | None] = {}
    for name in ("aggregation_days", "default_payment_days", "max_payment_days"):
        value = text(name)
        days[name] = None
        if value:
            if not value.isdigit() or not 0 <= int(value) <= 3650:
                errors.append(FieldError(name, _("must be a whole number of days from 0 to 3650")))
            else:
                days[name] = int(value)
    window = text("aggregation_window").lower().replace(" ", "_")
    if not window and days["aggregation_days"] is not None:
        window = DAYS  # a number of days alone says which window
    if window and window not in WINDOWS:
        # TRANSLATORS: the words in quotes are what is typed; keep them as they are.
        errors.append(FieldError("aggregation_window", _("must be “days” or “calendar year”")))
    elif window == DAYS and days["aggregation_days"] is None:
        errors.append(FieldError("aggregation_days", _("is needed when contracts are summed "
                                                       "over days")))
    elif window != DAYS:
        days["aggregation_days"] = None
    dates: dict[str, dt.date | None] = {}
    for name in ("effective_from", "checked_on"):
        try:
            dates[name] = parse_date(text(name))
        except ValueError as exc:
            errors.append(FieldError(name, str(exc)))
    if not dates.get("checked_on") and "checked_on" not in {e.field for e in errors}:
        errors.append(FieldError("checked_on", _("is required: when was the source last read?")))
    elif dates.get("checked_on") and dates["checked_on"] > today:  # type: ignore[operator]
        errors.append(FieldError("checked_on", _("cannot be in the future")))
    kind = text("max_kind").lower()
    if kind and kind not in MAX_KINDS:
        # TRANSLATORS: the words in quotes are what is typed; keep them as they are.
        errors.append(FieldError("max_kind", _("must be “cap” (never longer) or “agreed” "
                                               "(longer only if expressly agreed)")))
    elif days.get("max_payment_days") is not None and not kind:
        errors.append(FieldError("max_kind", _("is required with longest terms: “cap” or "
                                               "“agreed”")))
    elif days.get("max_payment_days") is None and kind:
        kind = ""  # nothing to qualify
    reference, margin = text("interest_reference").upper(), None
    if text("interest_margin"):
        try:
            margin = parse_basis_points(text("interest_margin"))
        except ValueError as exc:
            errors.append(FieldError("interest_margin", str(exc)))
    if bool(reference) != (margin is not None):
        field = "interest_margin" if reference else "interest_reference"
        errors.append(FieldError(field, _("is needed too: interest is a reference rate plus "
                                          "a margin")))
    if len(reference) > 16:
        errors.append(FieldError("interest_reference",
                                 _("is longer than {limit} characters").format(limit=16)))
    if errors:
        raise ValidationError(errors)
    return PaymentRule(country, region, text("name"), threshold,
                       currency if threshold is not None or bands else "",
                       days["aggregation_days"], days["default_payment_days"],
                       days["max_payment_days"], dates["effective_from"], text("source"),
                       dates["checked_on"], kind, applies_in, cities,  # type: ignore[arg-type]
                       window, reference, margin, bands)
