"""Money as integer minor units plus an ISO 4217 code; never floats."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from functools import cache

from babel.numbers import format_currency, get_currency_precision

from desktop.core.i18n import _, ngettext
from desktop.core.reference import is_currency


@dataclass(frozen=True, order=True)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int):
            raise TypeError("money is kept in integer minor units")

    def format(self, locale: str | None = None) -> str:
        return format_money(self.minor, self.currency, locale)


@cache
def minor_digits(currency: str) -> int:
    """Digits after the decimal point for a currency (2 for EUR, 0 for JPY, 3 for KWD)."""
    return get_currency_precision(currency.upper())


# Far above any contract, well inside a 64-bit integer column.
MAX_MINOR = 10**15

_NUMBER = re.compile(r"^(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$")


def parse_amount(text: str, currency: str) -> int:
    """Parse a plain decimal in major units ("1250.5") into minor units.

    Raises ValueError with a message fit to show next to the field.
    """
    cleaned = text.strip().replace("_", "").replace(" ", "")
    if cleaned.startswith("-"):
        raise ValueError(_("must be zero or more"))
    if not _NUMBER.match(cleaned):
        raise ValueError(_("“{text}” is not a number such as 1250.50").format(text=text.strip()))
    if not is_currency(currency):
        raise ValueError(_("needs a valid currency"))
    digits = minor_digits(currency)
    whole, _point, fraction = cleaned.replace(",", "").partition(".")
    if len(fraction) <= digits:  # plain integer arithmetic is exact here
        minor = int(whole) * 10**digits + int(fraction.ljust(digits, "0") or 0)
        if minor > MAX_MINOR:
            raise ValueError(_("is too large"))
        return minor
    try:
        value = Decimal(cleaned.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        raise ValueError(_("“{text}” is not a number").format(text=text.strip())) from None
    with localcontext(prec=60):
        scaled = value.scaleb(digits)
    if scaled > MAX_MINOR:
        raise ValueError(_("is too large"))
    if scaled != scaled.to_integral_value():
        if digits == 0:
            raise ValueError(_("{currency} takes no decimal places").format(
                currency=currency.upper()))
        raise ValueError(ngettext("{currency} takes at most {n} decimal place",
                                  "{currency} takes at most {n} decimal places", digits).format(
            currency=currency.upper(), n=digits))
    return int(scaled)


def to_major_text(minor: int, currency: str) -> str:
    """The plain decimal an editor shows for an amount ("1250.50")."""
    digits = minor_digits(currency)
    return f"{Decimal(minor).scaleb(-digits):.{digits}f}"


def format_money(minor: int, currency: str, locale: str | None = None) -> str:
    """For reading, in ``locale`` or else the business's (desktop.core.formats)."""
    if locale is None:
        from desktop.core.formats import current_locale

        locale = current_locale()
    digits = minor_digits(currency)
    return format_currency(Decimal(minor).scaleb(-digits), currency.upper(), locale=locale)
