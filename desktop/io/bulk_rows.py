"""Checking an import's rows in bulk: what ``convert`` gives each row, with where each field
comes from decided once per import and each repeated value (a currency, a country, a rate, a
set of skills) read once.

Only a row that needs nothing said about it is finished here: every cell plain, every value
accepted. Anything else (a character taken out, a value moved to the notes, a rejection) goes
to ``convert`` itself, so its warnings and messages are exactly the ones it has always had.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from contextlib import suppress
from operator import itemgetter
from typing import Any

from desktop.core.contractor import (
    MAX_LENGTHS,
    ContractorData,
    normalise_email,
    validate_contractor,
)
from desktop.core.country_names import country_code
from desktop.core.dates import parse_date
from desktop.core.enums import ContractorKind, RateUnit, Source, TaxForm
from desktop.core.i18n import _
from desktop.core.phone import normalise_phone
from desktop.core.reference import is_country, is_timezone
from desktop.core.text import _IN_LINE as _ONE_LINE  # what ``cleaned`` changes in one line
from desktop.core.text import _NOT_PLAIN_LINES as _LINES  # … and in the notes or address
from desktop.io.import_rows import (
    _ENUMS,
    _LABELLED_PHONE,
    _MULTILINE,
    _TAG_SPLIT,
    MULTI,
    Converted,
    Reading,
    _numbers,
    _split,
    _town,
    _without,
    convert,
)
from desktop.io.values import ValueProblem, currency_code, parse_amount_text, parse_date_text

# The targets whose first filled column is all that counts, in the order a row unpacks them.
FIRSTS = ("name", "first_name", "middle_name", "last_name", "company", "alias", "legal_name",
          "tax_id", "timezone", "website", "country", "currency", "rate", "rate_hour",
          "rate_day", "postcode", "city", "region", "start_date", "tax_form_on",
          "identity_verified_on", "archived", "kind", "tax_form", "rate_unit",
          "preferred_channel", "status", "source")
# The targets whose every filled column counts.
ALL = ("email", "other_email", "phone", "mobile", "address", "street", "tags", "note", "notes")
# The order of ContractorData's fields, as a row builds one.
FIELDS = ("display_name", "legal_name", "kind", "company", "email", "phone", "website",
          "address", "country", "timezone", "tax_id", "tax_form", "tax_form_on", "rate_minor",
          "rate_unit", "currency", "tags", "preferred_channel", "status", "source",
          "identity_verified_on", "notes")
_UNITS = {"rate_hour": RateUnit.HOUR, "rate_day": RateUnit.DAY}
_NO = object()  # a remembered "this value needs the row-by-row check"
_LIMIT = MAX_LENGTHS


class Rows:
    """``convert`` for every row of one import: ``Rows(columns, reading)(fields)``."""

    def __init__(self, columns: Sequence[tuple[int, str, str]], reading: Reading) -> None:
        self.columns = list(columns)
        self.reading = reading
        # Positions in a row's list of mapped values (stripped), which ends in one "".
        where: dict[str, list[int]] = {}
        for position, (_index, _header, target) in enumerate(self.columns):
            where.setdefault(target, []).append(position)
        self.where = where
        self.headers = [header for _i, header, _t in self.columns]
        self.handled = bool(where) and set(where) <= {*FIRSTS, *ALL}
        indexes = [index for index, _h, _t in self.columns] or [0]
        self.pick: Callable[[Sequence[str]], tuple[str, ...]] = (
            itemgetter(*indexes) if len(indexes) > 1 else lambda f: (f[indexes[0]],))
        self.kinds = [target in _MULTILINE for _i, _h, target in self.columns]
        end = len(self.columns)
        self.firsts = itemgetter(*(where.get(t, [end])[0] for t in FIRSTS))
        self.several = [(n, where[t]) for n, t in enumerate(FIRSTS) if len(where.get(t, ())) > 1]
        self.every = {t: tuple(where.get(t, ())) for t in ALL}
        self.email_cells = self.every["email"] + self.every["other_email"]
        self.phone_cells = self.every["phone"] + self.every["mobile"]
        self.other_email, self.other_phone = _("Other email"), _("Other phone")
        self.home = reading.home_country or ""
        self.today = reading.today
        # What each value was read as, once per import.
        self.countries: dict[str, object] = {}
        self.rates: dict[tuple[str, str, str], Any] = {}
        self.dates: dict[str, Any] = {}
        self.enums: dict[tuple[str, str], Any] = {}
        self.tags: dict[tuple[str, ...], Any] = {}
        self.websites: dict[str, object] = {}
        self.zones: dict[str, bool] = {}

    def read_numbers(self, records: Sequence[Sequence[str]]) -> None:
        """Read the international numbers of the phone columns of ``records`` (a block of the
        file) ahead of their rows, column by column, into ``Reading.phones``, where the rows
        find them. The phone library, the slowest rule a row has, runs about half again as
        fast in one tight loop as between the other rules of each row. A number without its
        country code is read in its row's country, so it waits for its row."""
        memo = self.reading.phones
        for index in (self.columns[p][0] for p in self.phone_cells):
            for fields in records:
                text = fields[index].strip() if index < len(fields) else ""
                if text.startswith("+") and MULTI not in text:
                    with suppress(ValueError):  # said again, in its row's words, by its row
                        normalise_phone(text, "", memo)

    def __call__(self, fields: Sequence[str]) -> Converted:
        done = self._quick(fields) if self.handled else None
        return convert(self.columns, fields, self.reading) if done is None else done

    def _quick(self, fields: Sequence[str]) -> Converted | None:  # noqa: C901 - one row's rules
        """The row's conversion, or None when it needs ``convert`` to say something."""
        picked = self.pick(fields)
        if _ONE_LINE.search(",".join(picked)) and any(
                (_LINES if lines else _ONE_LINE).search(cell)
                for lines, cell in zip(self.kinds, picked, strict=True)):
            return None
        values = [cell.strip() for cell in picked]
        values.append("")
        firsts = self.firsts(values)
        if self.several:
            firsts = list(firsts)
            for n, positions in self.several:
                firsts[n] = next((values[p] for p in positions if values[p]), "")
        (name, first_name, middle_name, last_name, company, alias, legal_name, tax_id, zone,
         website, country_text, column_currency, rate, rate_hour, rate_day, postcode, city,
         region, start_date, tax_form_on, identity_verified_on, archived_text, kind_text,
         tax_form_text, rate_unit_text, channel_text, status_text, source_text) = firsts
        every = self.every
        extras: list[str] = []

        person = name or " ".join(v for v in (first_name, middle_name, last_name) if v)
        archived = False
        suffix = self.reading.deleted_suffix
        if suffix:
            folded = suffix.casefold()
            archived = any(t.casefold().endswith(folded) for t in (company, person, alias))
            company, person, alias = (_without(t, suffix) for t in (company, person, alias))
        if not person and not company and not alias:
            return None
        display_name = (person or company or alias).strip()
        if alias and alias not in (person, company):
            extras.append(f"{self._header('alias', values)}: {alias}")

        emails = [values[p] for p in self.email_cells if values[p]]
        email = emails[0] if emails else ""
        if len(emails) > 1 or MULTI in email:
            emails = [e for cell in emails for e in _split(cell)]
            email = emails[0] if emails else ""
            if len(emails) > 1:
                extras.append(f"{self.other_email}: {', '.join(emails[1:])}")

        numbers = [values[p] for p in self.phone_cells if values[p]]
        phone = numbers[0] if numbers else ""
        if len(numbers) > 1 or MULTI in phone or (phone and _LABELLED_PHONE.search(phone)):
            numbers = _numbers(numbers)
            phone = numbers[0] if numbers else ""
            if len(numbers) > 1:
                extras.append(f"{self.other_phone}: {', '.join(numbers[1:])}")

        country = ""
        if country_text:
            found = self.countries.get(country_text)
            if found is None:
                found = self.countries[country_text] = _once(_country, country_text)
            if found is _NO:
                return None  # kept in the address, with a warning
            country = found  # type: ignore[assignment]
        lines = [values[p] for p in every["address"] if values[p]]
        if lines:
            address = "\n".join(lines)
        elif every["street"] or postcode or city or region:
            address = _town([values[p] for p in every["street"] if values[p]], postcode, city,
                            region)
        else:
            address = ""

        target = "rate" if rate else "rate_hour" if rate_hour else "rate_day" if rate_day else ""
        amount = rate or rate_hour or rate_day
        key = (column_currency, target, amount)
        found = self.rates.get(key)
        if found is None:
            found = self.rates[key] = _once(self._rate, column_currency, target, amount)
        if found is _NO:
            return None
        currency, rate_minor, rate_unit = found
        if target != "rate_day":  # each other rate column is kept in the notes
            for other, text in (("rate_hour", rate_hour), ("rate_day", rate_day)):
                if text and other != target:
                    extras.append(f"{self._header(other, values)}: {text}")

        archived_on = None
        if tax_form_on or identity_verified_on or archived_text or start_date:
            days = []
            for text in (tax_form_on, identity_verified_on, archived_text, start_date):
                day = None
                if text:
                    day = self.dates.get(text)
                    if day is None:
                        day = self.dates[text] = _once(self._date, text)
                    if day is _NO:
                        return None  # rejected, or (a start date) kept as written with a warning
                days.append(day)
            tax_day, verified_day, archived_day, start_day = days
            if start_day is not None:
                extras.append(f"{self._header('start_date', values)}: {start_day[0].isoformat()}")
            if archived_day is not None:
                archived_on = archived_day[0]
            for day in (tax_day, verified_day):
                if day is not None and (day[1] is None or day[1] > self.today):
                    return None
            tax_form_on = tax_day and tax_day[1]
            identity_verified_on = verified_day and verified_day[1]
        else:
            tax_form_on = identity_verified_on = None
        if archived and archived_on is None:
            archived_on = self.today

        kind = ContractorKind.INDIVIDUAL if person or not company else ContractorKind.COMPANY
        tax_form, channel, status, source = (TaxForm.NONE, ContractorData.preferred_channel,
                                             ContractorData.status, Source.IMPORT)
        if kind_text or tax_form_text or channel_text or status_text or source_text or (
                rate_unit_text and rate_unit is None):
            chosen = []
            for field, text in (("kind", kind_text), ("tax_form", tax_form_text),
                                ("rate_unit", rate_unit_text if rate_unit is None else ""),
                                ("preferred_channel", channel_text), ("status", status_text),
                                ("source", source_text)):
                member = None
                if text:
                    member = self.enums.get((field, text))
                    if member is None:
                        member = self.enums[field, text] = _once(_ENUMS[field].parse, text)
                    if member is _NO:
                        return None  # kept in the notes, with a warning
                chosen.append(member)
            kind = chosen[0] or kind
            tax_form = chosen[1] or tax_form
            rate_unit = chosen[2] or rate_unit
            channel, status, source = chosen[3] or channel, chosen[4] or status, chosen[5] or source
        if tax_form_on and tax_form is TaxForm.NONE:
            return None  # kept in the notes, with a warning

        tags: tuple[str, ...] = ()
        if every["tags"]:
            given = tuple(values[p] for p in every["tags"] if values[p])
            if given:
                found = self.tags.get(given)
                if found is None:
                    found = self.tags[given] = _once(self._tags, given)
                if found is _NO:
                    return None
                tags = found

        for p in every["note"]:
            if values[p]:
                extras.append(f"{self.headers[p]}: {values[p]}")
        own = "\n".join(values[p] for p in every["notes"] if values[p])
        if extras:
            added = "\n".join(extras)
            notes = f"{own}\n{added}" if own else added
        else:
            notes = own
        if len(notes) > _LIMIT["notes"]:
            return None  # cut short with a warning, or rejected
        notes = notes.strip()

        company, phone, email, address = company.strip(), phone.strip(), email.strip(), address.strip()
        if (not display_name or len(display_name) > _LIMIT["display_name"]
                or len(legal_name) > _LIMIT["legal_name"] or len(company) > _LIMIT["company"]
                or len(email) > _LIMIT["email"] or len(phone) > _LIMIT["phone"]
                or len(website) > _LIMIT["website"] or len(tax_id) > _LIMIT["tax_id"]
                or len(address) > _LIMIT["address"] or len(notes) > _LIMIT["notes"]):
            return None
        if email:
            try:
                email = normalise_email(email)
            except ValueError:
                return None
        if phone:
            try:
                phone = normalise_phone(phone, country if country and is_country(country)
                                        else self.home, self.reading.phones)
            except ValueError:
                return None
        if website:
            found = self.websites.get(website)
            if found is None:
                found = self.websites[website] = _once(self._website, website)
            if found is _NO:
                return None
            website = found
        if zone:
            known = self.zones.get(zone)
            if known is None:
                known = self.zones[zone] = is_timezone(zone)
            if not known:
                return None
        values = (display_name, legal_name, kind, company, email, phone, website, address,
                  country, zone, tax_id, tax_form, tax_form_on, rate_minor, rate_unit or
                  RateUnit.HOUR, currency, tags, channel, status, source, identity_verified_on,
                  notes)
        return Converted(ContractorData(*values), archived_on,
                         email.casefold() if email else "", [])

    def _header(self, target: str, values: list[str]) -> str:
        """The header of the first filled column of ``target``."""
        return next(self.headers[p] for p in self.where[target] if values[p])

    def _check(self, **raw: object) -> ContractorData:
        """The roster's own verdict on a few fields, beside a name that passes."""
        return validate_contractor({"display_name": "x", **raw}, self.today,
                                   self.reading.home_country)

    def _rate(self, column_currency: str, target: str,
              text: str) -> tuple[str, int | None, RateUnit | None]:
        """(currency, rate in minor units, the unit the column says) as ``_rate`` and the
        roster read them; ValueError for anything either would not take as it is."""
        reading = self.reading
        currency = currency_code(column_currency) if column_currency else ""
        if not target:
            return self._check(currency=currency or reading.default_currency).currency, None, None
        try:
            amount = parse_amount_text(text, reading.decimal_mark)
        except ValueProblem:
            raise ValueError(text) from None
        if amount.currency and currency and amount.currency != currency:
            raise ValueError(text)
        checked = self._check(rate=amount.plain,
                              currency=amount.currency or currency or reading.default_currency)
        return checked.currency, checked.rate_minor, _UNITS.get(target)

    def _date(self, text: str) -> tuple[dt.date, dt.date | None]:
        """The date as the file writes it, and as the roster reads it back."""
        day = parse_date_text(text, self.reading.date_order)
        return day, parse_date(day.isoformat())

    def _tags(self, cells: tuple[str, ...]) -> tuple[str, ...]:
        tags = [t for cell in cells for t in _TAG_SPLIT.split(cell)]
        return self._check(tags=[t for t in tags if t and not t.startswith("*")]).tags

    def _website(self, text: str) -> str:
        return self._check(website=text).website


def _once(work: Callable[..., Any], *args: object) -> Any:
    """``work(*args)``, or _NO when it finds fault."""
    try:
        return work(*args)
    except (ValueError, ValueProblem):
        return _NO


def _country(text: str) -> str:
    code = country_code(text)
    if not code or not is_country(code):
        raise ValueError(text)
    return code.upper()


__all__ = ["ALL", "FIELDS", "FIRSTS", "Rows"]
