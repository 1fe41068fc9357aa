"""Contractor rules: what a valid contractor is, masking, and search text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from urllib.parse import urlsplit

from desktop.core.dates import parse_date
from desktop.core.enums import Channel, ContractorKind, ContractorStatus, RateUnit, Source, TaxForm
from desktop.core.i18n import SOURCE, _, language
from desktop.core.money import parse_amount, to_major_text
from desktop.core.phone import PhoneMemo, normalise_phone
from desktop.core.reference import is_country, is_currency, is_timezone
from desktop.core.text import screen
from desktop.core.validation import FieldError, ValidationError

LABELS: dict[str, str] = {
    "display_name": _("Display name"),
    "legal_name": _("Legal name"),
    "kind": _("Kind"),
    "company": _("Company"),
    "email": _("Email"),
    "phone": _("Phone"),
    "website": _("Website"),
    "address": _("Address"),
    "country": _("Country"),
    "timezone": _("Time zone"),
    "tax_id": _("Tax ID"),
    "tax_form": _("Tax form"),
    "tax_form_on": _("Tax form received"),
    "rate": _("Default rate"),
    "rate_unit": _("Rate unit"),
    "currency": _("Currency"),
    "tags": _("Skills / tags"),
    "preferred_channel": _("Preferred channel"),
    "status": _("Status"),
    "source": _("Source"),
    "identity_verified_on": _("Identity verified on"),
    "notes": _("Notes"),
}

MAX_LENGTHS = {"display_name": 120, "legal_name": 200, "company": 200, "email": 254,
               "phone": 40, "website": 300, "tax_id": 40, "address": 500, "notes": 10_000}
_HOST = re.compile(r"^[\w-]+(\.[\w-]+)+(:\d{1,5})?$")
_TAG = re.compile(r"^[\w][\w +&./-]{0,39}$")
MULTILINE = ("address", "notes")


@dataclass(frozen=True)
class ContractorData:
    """A validated contractor as the user entered it (no id, no bookkeeping)."""

    display_name: str
    legal_name: str = ""
    kind: ContractorKind = ContractorKind.INDIVIDUAL
    company: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    address: str = ""
    country: str = ""
    timezone: str = ""
    tax_id: str = ""
    tax_form: TaxForm = TaxForm.NONE
    tax_form_on: dt.date | None = None
    rate_minor: int | None = None
    rate_unit: RateUnit = RateUnit.HOUR
    currency: str = "USD"
    tags: tuple[str, ...] = field(default=())
    preferred_channel: Channel = Channel.EMAIL
    status: ContractorStatus = ContractorStatus.PROSPECT
    source: Source = Source.OTHER
    identity_verified_on: dt.date | None = None
    notes: str = ""

    def to_raw(self) -> dict[str, object]:
        """The form an editor starts from: strings, and a tag list."""
        raw: dict[str, object] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "rate_minor":
                raw["rate"] = "" if value is None else to_major_text(value, self.currency)
            elif f.name == "tags":
                raw["tags"] = list(value)
            elif isinstance(value, dt.date):
                raw[f.name] = value.isoformat()
            else:
                raw[f.name] = "" if value is None else str(value)
        return raw


# Plain ASCII addresses, for which email-validator's answer is known: the address with its domain
# in lower case. Anything else (Unicode, quoting, reserved names) goes to email-validator itself.
_PLAIN_EMAIL = re.compile(
    r"^(?=.{1,64}@)[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*"
    r"@(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63})$")
_RESERVED_TLDS = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})


def normalise_email(text: str) -> str:
    """The address as stored, or ValueError saying what is wrong with it."""
    match = _PLAIN_EMAIL.match(text)
    if match and match[1].lower() not in _RESERVED_TLDS and "--" not in text.partition("@")[2]:
        local, _at, domain = text.partition("@")
        return f"{local}@{domain.lower()}"
    from email_validator import EmailNotValidError, validate_email  # 30 ms: only when needed

    try:
        return validate_email(text, check_deliverability=False).normalized
    except EmailNotValidError as exc:
        raise ValueError(str(exc)) from None


def normalise_tags(tags: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = tags.split(",")
    seen: dict[str, str] = {}
    for tag in tags:
        clean = " ".join(tag.split()).lower()
        if clean and clean not in seen:
            seen[clean] = clean
    return tuple(seen)


_CHOICES = tuple((name, enum, ContractorData.__dataclass_fields__[name].default) for name, enum in (
    ("kind", ContractorKind), ("tax_form", TaxForm), ("rate_unit", RateUnit),
    ("preferred_channel", Channel), ("status", ContractorStatus), ("source", Source)))


def validate_contractor(raw: Mapping[str, object], today: dt.date | None = None,
                        home_country: str | None = None,
                        phones: PhoneMemo | None = None) -> ContractorData:
    """Check every field; raise ValidationError naming each bad one. A phone number without
    “+” is read in the contractor's country, else in ``home_country`` (the business's).
    ``phones`` remembers numbers already read, for a caller checking many rows."""
    today = today or dt.date.today()
    raw, errors = screen(raw, MULTILINE)
    out: dict[str, object] = {}

    get = raw.get

    def text(name: str) -> str:
        value = get(name)
        if isinstance(value, str):
            return value.strip()
        return "" if value is None else str(value).strip()

    def fail(name: str, message: str) -> None:
        errors.append(FieldError(name, message))

    for name, limit in MAX_LENGTHS.items():
        value = get(name)
        value = value.strip() if isinstance(value, str) else text(name)
        if len(value) > limit:
            fail(name, _("is longer than {limit} characters").format(limit=limit))
        out[name] = value

    if not out["display_name"]:
        fail("display_name", _("is required"))

    for name, enum, default in _CHOICES:
        given = get(name)
        if isinstance(given, enum):  # already parsed (an import sets these)
            out[name] = given
            continue
        value = text(name)
        if not value:
            out[name] = default
            continue
        try:
            out[name] = enum.parse(value)
        except ValueError as exc:
            fail(name, str(exc))

    if out["email"]:
        try:
            out["email"] = normalise_email(str(out["email"]))
        except ValueError as exc:
            # The checker explains in English only; other languages get the plain verdict.
            fail("email", _("is not a valid address: {reason}").format(reason=exc)
                 if language() == SOURCE else _("is not a valid address"))

    country = text("country").upper()
    if out["phone"] and (not errors or "phone" not in {e.field for e in errors}):
        home = home_country or ""
        try:
            out["phone"] = normalise_phone(str(out["phone"]),
                                           country if is_country(country) else home, phones)
        except ValueError as exc:
            fail("phone", str(exc))

    if out["website"] and (not errors or "website" not in {e.field for e in errors}):
        url = str(out["website"])
        if "://" not in url:
            url = "https://" + url
        try:
            parts = urlsplit(url)
        except ValueError:  # an unbalanced "[" reads as a broken IPv6 address
            parts = urlsplit("")
        host = parts.netloc
        if (parts.scheme not in ("http", "https") or not _HOST.match(host) or " " in url):
            fail("website", _("is not a web address such as https://example.com"))
        elif len(url) > MAX_LENGTHS["website"]:
            fail("website", _("is longer than {limit} characters").format(
                limit=MAX_LENGTHS["website"]))
        out["website"] = url

    if country and not is_country(country):
        fail("country", _("“{code}” is not an ISO 3166-1 alpha-2 country code").format(
            code=country))
    out["country"] = country

    zone = text("timezone")
    if zone and not is_timezone(zone):
        fail("timezone", _("“{zone}” is not a known time zone such as Europe/Berlin").format(
            zone=zone))
    out["timezone"] = zone

    currency = text("currency").upper() or "USD"
    currency_ok = is_currency(currency)
    if not currency_ok:
        fail("currency", _("“{code}” is not an ISO 4217 currency code").format(code=currency))
    out["currency"] = currency

    rate = text("rate")
    out["rate_minor"] = None
    if rate and currency_ok:
        try:
            out["rate_minor"] = parse_amount(rate, currency)
        except ValueError as exc:
            fail("rate", str(exc))

    for name in ("tax_form_on", "identity_verified_on"):
        try:
            day = parse_date(text(name))
        except ValueError as exc:
            fail(name, str(exc))
            continue
        if day and day > today:
            fail(name, _("cannot be in the future"))
        out[name] = day

    if (out.get("tax_form_on") and out.get("tax_form") is TaxForm.NONE
            and "tax_form_on" not in {e.field for e in errors}):
        fail("tax_form_on", _("is set but no tax form is chosen: choose the form that was "
                              "received, or clear the date"))

    tags = normalise_tags(raw.get("tags") or ())  # type: ignore[arg-type]
    bad = [t for t in tags if not _TAG.match(t)]
    if bad:
        fail("tags", _("“{tag}” is not a usable tag (letters, digits, spaces, - & . /; 40 at "
                       "most)").format(tag=bad[0]))
    out["tags"] = tags

    if errors:
        raise ValidationError(errors)
    out.pop("rate", None)
    return ContractorData(**out)  # type: ignore[arg-type]


def mask_tax_id(tax_id: str) -> str:
    """Show only the last four characters: ‘•••• 6789’."""
    tax_id = tax_id.strip()
    if not tax_id:
        return ""
    visible = tax_id[-4:] if len(tax_id) > 4 else tax_id[-1:]
    return "•••• " + visible


SEARCH_SEPARATOR = "\x1f"  # between a haystack's parts: no field can hold it


def search_text(*parts: str | Iterable[str]) -> str:
    """One case-folded haystack for the roster filter."""
    flat: list[str] = []
    for part in parts:
        if isinstance(part, str):
            flat.append(part)
        else:
            flat.extend(part)
    return SEARCH_SEPARATOR.join(flat).casefold()


def merge_contractor(old: ContractorData, new: ContractorData) -> ContractorData:
    """``old`` updated by what ``new`` says: a blank in ``new`` never erases anything, tags are
    joined, notes appended, and a rate moves with its unit and currency."""
    changes: dict[str, object] = {}
    defaults = {f.name: f.default for f in fields(ContractorData)}
    for f in fields(ContractorData):
        name, value = f.name, getattr(new, f.name)
        if name in ("rate_minor", "rate_unit", "currency", "tags", "notes", "source"):
            continue
        if value not in ("", None) and (value != defaults[name] or getattr(old, name) in ("", None)):
            changes[name] = value
    if new.rate_minor is not None:
        changes.update(rate_minor=new.rate_minor, rate_unit=new.rate_unit, currency=new.currency)
    changes["tags"] = tuple(dict.fromkeys((*old.tags, *new.tags)))
    if new.notes and new.notes not in old.notes:
        changes["notes"] = f"{old.notes}\n{new.notes}".strip()
    merged = replace(old, **changes)  # type: ignore[arg-type]
    if len(merged.notes) > MAX_LENGTHS["notes"]:
        merged = replace(merged, notes=old.notes)
    return merged
