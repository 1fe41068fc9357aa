"""Phone numbers: read as people type them, kept in one form, shown as people dial them.

A number is stored in E.164 (“+4930123456”), an extension after “;ext=” as RFC 3966 writes it
(“+4930123456;ext=12”): one form per number, so two ways of typing it compare equal, and a
form every telephone program reads. A number typed without “+” is read in the contractor's
country, else in the business's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.core.i18n import _
from desktop.core.reference import country_name, is_country

_TYPED = re.compile(r"^\+?[0-9 ().\-/]+(?:(?:;ext=|\s*(?:x|ext\.?|extension)\s*)\d{1,10})?$",
                    re.IGNORECASE)
_OWN_COUNTRY = re.compile(r"\s*\+[ ().\-/]*[1-9]")
_STORED = re.compile(r"^\+[1-9]\d{4,14}(?:;ext=\d{1,10})?$")
_CHARACTERS = _("may hold only digits, spaces, + ( ) - . / and an extension such as “ext. 12”")
# Country names that read with “the” in front: “in the United States”.
_THE = frozenset({"AE", "BS", "CF", "CK", "DO", "FO", "GB", "GM", "KM", "KY", "MH", "MP", "MV",
                  "NL", "PH", "SB", "SC", "TC", "UM", "US", "VA"})


# (text, country) -> (True, the number as stored) or (False, what is wrong with it); a number
# read the same in every country is kept once, under (text, None).
PhoneMemo = dict[tuple[str, str | None], tuple[bool, str]]


def normalise_phone(text: str, country: str = "", memo: PhoneMemo | None = None) -> str:
    """The number as stored, or ValueError saying what is wrong; the message follows the
    field's name (“Phone is too short …”). ``country`` is where a number without “+” is read.
    ``memo`` keeps each answer for the next row that holds the same number (an import reads
    one switchboard many times; parsing is the slowest check a row has)."""
    if memo is None:
        return _normalised(text, country)
    known = memo.get((text, country)) or memo.get((text, None))
    if known is None:
        try:
            known = (True, _normalised(text, country))
        except ValueError as exc:
            known = (False, str(exc))
        # "+" and a digit other than 0 name the number's own country; a failure may still
        # say where it was read, so only a success is kept for every country.
        anywhere = known[0] and _OWN_COUNTRY.match(text) is not None
        memo[(text, None if anywhere else country)] = known
    if known[0]:
        return known[1]
    raise ValueError(known[1])


def _normalised(text: str, country: str) -> str:
    import phonenumbers as pn  # 30 ms: only when a number is read

    text = text.strip()
    if not _TYPED.match(text):
        raise ValueError(_CHARACTERS)
    country = country.upper() if country and is_country(country) else ""
    if not text.startswith("+") and not country:
        raise ValueError(_("has no country code: start it with + and the code (such as "
                           "+1 555 010 0134), or choose the contractor's country"))
    try:
        number = pn.parse(text, country or None)
    except pn.NumberParseException as exc:
        if exc.error_type == pn.NumberParseException.INVALID_COUNTRY_CODE:
            raise ValueError(_("does not start with a country code that exists")) from None
        if exc.error_type in (pn.NumberParseException.TOO_SHORT_NSN,
                              pn.NumberParseException.TOO_SHORT_AFTER_IDD):
            raise ValueError(_("is too short to be a phone number {where}").format(
                where=_where(None, country))) from None
        if exc.error_type == pn.NumberParseException.TOO_LONG:
            raise ValueError(_("is too long to be a phone number {where}").format(
                where=_where(None, country))) from None
        raise ValueError(_CHARACTERS) from None
    reason = pn.is_possible_number_with_reason(number)
    if reason != pn.ValidationResult.IS_POSSIBLE:
        where = _where(number.country_code if text.startswith("+") else None, country)
        if reason == pn.ValidationResult.TOO_LONG:
            raise ValueError(_("is too long to be a phone number {where}").format(where=where))
        if reason == pn.ValidationResult.INVALID_LENGTH:
            raise ValueError(_("does not have the right number of digits for a phone number "
                               "{where}").format(where=where))
        if reason == pn.ValidationResult.INVALID_COUNTRY_CODE:
            raise ValueError(_("does not start with a country code that exists"))
        raise ValueError(_("is too short to be a whole phone number {where} (with its area "
                           "code)").format(where=where))
    stored = pn.format_number(number, pn.PhoneNumberFormat.E164)
    return f"{stored};ext={number.extension}" if number.extension else stored


def phone_key(stored: str, country: str = "") -> str:
    """The stored form of a number kept in any form (rows saved before numbers were
    normalised hold them as typed), or "" when it cannot be read: what duplicates match on."""
    if not stored or _STORED.match(stored):
        return stored
    try:
        return normalise_phone(stored, country)
    except ValueError:
        return ""


def display_phone(stored: str, home_country: str, country: str = "") -> str:
    """The number as the business would dial it: national when it is in ``home_country``, else
    international. A value that cannot be read as a number is shown as stored. ``country``
    (the contractor's) reads a number kept without “+”."""
    return _display(stored, home_country.upper(), country.upper()) if stored else ""


@lru_cache(maxsize=4096)  # a roster repaints the same rows over and over
def _display(stored: str, home: str, country: str) -> str:
    import phonenumbers as pn

    key = phone_key(stored, country or home)
    if not key:
        return stored
    number = pn.parse(key)
    region = (pn.region_code_for_number(number)
              or pn.region_code_for_country_code(number.country_code))
    style = (pn.PhoneNumberFormat.NATIONAL if home and region == home
             else pn.PhoneNumberFormat.INTERNATIONAL)
    return pn.format_number(number, style)


def _where(calling_code: int | None, country: str) -> str:
    """Where a number was read, as the end of a sentence: "in the United States"."""
    if calling_code is not None:
        return _("with the country code +{code}").format(code=calling_code)
    if not country:
        return _("anywhere in the world")
    if country in _THE:
        return _("in the {country}").format(country=country_name(country))
    return _("in {country}").format(country=country_name(country))
